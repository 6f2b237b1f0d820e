/// Ticks of a time axis in months: Januaries every year (or every 2, 5, 10 years) for long
/// spans, quarters for a few years, months for a year or less.
public struct MonthTicks: Sendable, Hashable {
    /// A tick: its month index from the axis's start and its label.
    public struct Tick: Sendable, Hashable {
        public var month: Int
        public var label: String
    }

    /// The ticks, in order.
    public let ticks: [Tick]

    /// Ticks for months `first...last` counted from `start`.
    public init(start: MonthStamp, first: Int, last: Int) {
        let span = Swift.max(last - first, 1)
        if span > 36 {
            let years = Double(span) / 12
            let every = [1, 2, 5, 10, 20, 50].first { years / Double($0) <= 10 } ?? 100
            ticks = (first...last).compactMap { index in
                let month = start.adding(index)
                guard month.month == 1, month.year % every == 0 else { return nil }
                return Tick(month: index, label: String(month.year))
            }
        } else {
            let every = span > 12 ? 3 : span > 6 ? 2 : 1
            ticks = (first...last).compactMap { index in
                let month = start.adding(index)
                guard (month.month - 1) % every == 0 else { return nil }
                return Tick(month: index, label: month.label)
            }
        }
    }
}
