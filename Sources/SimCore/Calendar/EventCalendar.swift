/// One pending event in a calendar: when it happens, the order it was scheduled in, and what it is.
///
/// `sequence` breaks ties between equal times first-in first-out, so a run is reproducible.
@frozen
public struct CalendarEntry<Event> {
    /// When the event happens.
    public var time: Double
    /// The scheduling order: unique per simulation and increasing.
    public var sequence: UInt64
    /// The model's event payload: a small value, never a closure.
    public var event: Event

    /// An entry for `event` at `time`, scheduled as number `sequence`.
    @inlinable
    public init(time: Double, sequence: UInt64, event: Event) {
        self.time = time
        self.sequence = sequence
        self.event = event
    }

    /// Whether `self` is served before `other`: earlier time first, then scheduling order.
    @inlinable @inline(__always)
    public func precedes(_ other: CalendarEntry) -> Bool {
        time < other.time || (time == other.time && sequence < other.sequence)
    }
}

extension CalendarEntry: Sendable where Event: Sendable {}

/// The pending-event set of a simulation: a priority queue keyed on (time, sequence).
///
/// `Simulation` is generic over its calendar so that the hot loop is statically dispatched;
/// each calendar documents its complexity and its bytes per pending event.
public protocol EventCalendar<Event> {
    /// The model's event payload.
    associatedtype Event

    /// An empty calendar.
    init()

    /// The number of entries held.
    var count: Int { get }

    /// Adds `entry`. Its time must not be earlier than the last entry removed.
    mutating func insert(_ entry: CalendarEntry<Event>)

    /// Removes and returns the entry that precedes all others, or nil when empty.
    mutating func removeFirst() -> CalendarEntry<Event>?

    /// The entry that precedes all others, left in place; nil when empty. Mutating because a
    /// calendar may need to order part of its storage to find it.
    mutating func first() -> CalendarEntry<Event>?

    /// Drops every entry and keeps the storage for reuse.
    mutating func removeAll()

    /// The bytes of storage the calendar holds (capacity, not just what is in use), to report
    /// memory per pending event.
    var allocatedBytes: Int { get }
}

extension EventCalendar {
    /// Whether the calendar holds no entry.
    @inlinable
    public var isEmpty: Bool { count == 0 }
}
