import Foundation

/// A linear axis's range and ticks at round numbers (1, 2, 2.5 or 5 times a power of ten) that
/// cover the data: Heckbert's "nice numbers" for graph labels (Graphics Gems, 1990).
public struct NiceScale: Sendable, Hashable {
    /// The axis's low end, a tick.
    public let low: Double
    /// The axis's high end, a tick.
    public let high: Double
    /// The distance between ticks.
    public let step: Double

    /// A scale covering `low...high` with about `ticks` ticks (at least 2).
    public init(covering low: Double, _ high: Double, ticks: Int = 6) {
        var (low, high) = (Swift.min(low, high), Swift.max(low, high))
        if !low.isFinite || !high.isFinite { (low, high) = (0, 1) }
        if low == high {
            let pad = low == 0 ? 1 : abs(low) / 10
            (low, high) = (low - pad, high + pad)
        }
        let step = Self.nice((high - low) / Double(Swift.max(ticks - 1, 1)), round: true)
        self.step = step
        self.low = (low / step).rounded(.down) * step
        self.high = (high / step).rounded(.up) * step
    }

    /// The ticks from `low` to `high`, each a multiple of `step` (rounded so 0.1 * 3 reads 0.3).
    public var ticks: [Double] {
        let count = Int(((high - low) / step).rounded())
        let decimals = Swift.max(0, -Int(log10(step).rounded(.down)) + 1)
        let factor = pow(10, Double(decimals))
        return (0...count).map { ((low + Double($0) * step) * factor).rounded() / factor }
    }

    /// The round number nearest `value` (rounding) or at least `value` (not rounding) among
    /// 1, 2, 2.5, 5 and 10 times a power of ten.
    static func nice(_ value: Double, round: Bool) -> Double {
        let exponent = log10(value).rounded(.down)
        let power = pow(10, exponent)
        let fraction = value / power
        let nice: Double
        if round {
            nice = fraction < 1.5 ? 1 : fraction < 2.25 ? 2 : fraction < 3.5 ? 2.5 : fraction < 7.5 ? 5 : 10
        } else {
            nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10
        }
        return nice * power
    }

    /// `value`'s position between `low` (0) and `high` (1).
    public func fraction(_ value: Double) -> Double { (value - low) / (high - low) }
}
