/// A point on the simulation clock, in model time units (the model decides: seconds, days, months).
///
/// Stored as a `Double` so that continuous distributions (exponential delays, Weibull lifetimes)
/// can be added without rounding; the calendar orders equal times by scheduling order, so exact
/// ties stay reproducible.
@frozen
public struct SimTime: Comparable, Hashable, Sendable, CustomStringConvertible {
    /// The time in model units since the start of the run.
    public var value: Double

    /// A time of `value` model units after the start.
    @inlinable
    public init(_ value: Double) {
        self.value = value
    }

    /// The start of every run.
    public static let zero = SimTime(0)

    /// Later than every finite time: `run(until: .infinity)` runs until the calendar is empty.
    public static let infinity = SimTime(.infinity)

    @inlinable
    public static func < (lhs: SimTime, rhs: SimTime) -> Bool {
        lhs.value < rhs.value
    }

    /// The time `delay` units after `time`.
    @inlinable
    public static func + (time: SimTime, delay: Double) -> SimTime {
        SimTime(time.value + delay)
    }

    /// The delay from `rhs` to `lhs`.
    @inlinable
    public static func - (lhs: SimTime, rhs: SimTime) -> Double {
        lhs.value - rhs.value
    }

    public var description: String {
        "t=\(value)"
    }
}
