/// The time average of a piecewise-constant quantity (queue length, busy servers, utilisation).
///
/// Each `record(_:at:)` says the quantity holds `value` from `time` on; the average weights each
/// value by how long it held.
public struct TimeWeightedAverage: Sendable, Hashable, Codable {
    /// The start of the observation window.
    public private(set) var start: Double
    private var lastTime: Double
    private var lastValue: Double
    private var area: Double = 0
    /// The largest value recorded.
    public private(set) var maximum: Double

    /// Observes from `time` on, with the quantity at `value`.
    public init(value: Double = 0, at time: Double = 0) {
        start = time
        lastTime = time
        lastValue = value
        maximum = value
    }

    /// The quantity changes to `value` at `time` (not before the previous record).
    public mutating func record(_ value: Double, at time: Double) {
        precondition(time >= lastTime, "time-weighted records must come in time order")
        area += lastValue * (time - lastTime)
        lastTime = time
        lastValue = value
        if value > maximum { maximum = value }
    }

    /// The average over [start, `end`]; the last value is held until `end`.
    public func average(until end: Double) -> Double {
        precondition(end >= lastTime, "the average's end is before the last record")
        let total = area + lastValue * (end - lastTime)
        return end > start ? total / (end - start) : lastValue
    }

    /// Forgets the past and starts a new window at `time` (for a warm-up period).
    public mutating func reset(at time: Double) {
        precondition(time >= lastTime, "reset before the last record")
        start = time
        lastTime = time
        area = 0
        maximum = lastValue
    }
}
