import RealModule

/// Busy-hour demand per subscriber, growing at a yearly rate, and the load it puts on a link.
///
/// Around 2011–2016 the busy-hour average was 1–2 Mbit/s per subscriber, growing 30–40% a year
/// (DOMAIN.md); demand above a link's capacity is unmet.
public struct DemandModel: Sendable, Hashable, Codable {
    /// Busy-hour Mbit/s per subscriber in month 0.
    public var initialMbps: Double
    /// Yearly growth (0.35 = +35% a year), compounded monthly.
    public var yearlyGrowth: Double

    /// Demand starting at `initialMbps` and growing by `yearlyGrowth` a year.
    public init(initialMbps: Double, yearlyGrowth: Double) {
        precondition(initialMbps >= 0 && yearlyGrowth > -1, "demand needs ≥ 0 Mbit/s and growth > -1")
        self.initialMbps = initialMbps
        self.yearlyGrowth = yearlyGrowth
    }

    /// Busy-hour Mbit/s per subscriber in `month`.
    public func perSubscriberMbps(month: Int) -> Double {
        initialMbps * Double.pow(1 + yearlyGrowth, Double(month) / 12)
    }

    /// Utilisation and unmet demand of a link of `capacityMbps` carrying `subscribers`' busy hour.
    public func load(subscribers: Int, capacityMbps: Double, month: Int) -> (
        utilization: Double, unmetMbps: Double
    ) {
        precondition(capacityMbps > 0, "a link has capacity")
        let demand = Double(subscribers) * perSubscriberMbps(month: month)
        return (demand / capacityMbps, Swift.max(0, demand - capacityMbps))
    }
}
