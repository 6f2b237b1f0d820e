/// A number that changes over the horizon: values at given months, straight lines between them,
/// and the nearest end's value before the first and after the last (a price path, a share of new
/// CPEs that rises year by year).
public struct MonthlyPath: Sendable, Hashable, Codable {
    /// A value at a month (from 0).
    public struct Point: Sendable, Hashable, Codable {
        /// The month, from 0 (negative: before the start).
        public var month: Int
        /// The value then.
        public var value: Double

        /// `value` at `month`.
        public init(month: Int, value: Double) {
            self.month = month
            self.value = value
        }
    }

    /// The points, in ascending months.
    public private(set) var points: [Point]

    /// A path through `points` (at least one; sorted here by month).
    public init(_ points: [Point]) {
        precondition(!points.isEmpty, "a path has at least one point")
        self.points = points.sorted { $0.month < $1.month }
    }

    /// The same value every month.
    public init(constant value: Double) {
        self.init([Point(month: 0, value: value)])
    }

    /// The value in `month`.
    public func value(at month: Int) -> Double {
        guard let next = points.firstIndex(where: { $0.month > month }) else {
            return points[points.count - 1].value
        }
        if next == 0 { return points[0].value }
        let before = points[next - 1]
        let after = points[next]
        let fraction = Double(month - before.month) / Double(after.month - before.month)
        return before.value + (after.value - before.value) * fraction
    }
}
