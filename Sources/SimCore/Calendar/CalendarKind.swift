/// The calendars SimCore offers, by name, for tools that let the user choose one.
public enum CalendarKind: String, CaseIterable, Sendable, Codable {
    /// `LadderQueueCalendar`: O(1) insert; the default, fastest from ~10^3 pending events up.
    case ladder
    /// `DaryHeapCalendar`: a 4-ary heap; the simple reference.
    case heap

    /// Runs PHOLD on this calendar.
    public func runPHOLD(_ configuration: PHOLDConfiguration) -> PHOLDResult {
        switch self {
        case .ladder: PHOLD.run(configuration, calendar: LadderQueueCalendar<UInt32>.self)
        case .heap: PHOLD.run(configuration, calendar: DaryHeapCalendar<UInt32>.self)
        }
    }
}
