import MetroModel
import SimCore

/// A KPI over replications: its P10, P50, P90 and mean (nil where undefined, e.g. a milestone no
/// replication reached).
public struct Spread: Sendable, Hashable, Codable {
    public var p10: Double?
    public var p50: Double?
    public var p90: Double?
    public var mean: Double?

    enum CodingKeys: String, CodingKey {
        case p10, p50, p90, mean
    }

    /// Undefined values are `null`, not left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(p10, forKey: .p10)
        try container.encode(p50, forKey: .p50)
        try container.encode(p90, forKey: .p90)
        try container.encode(mean, forKey: .mean)
    }

    /// The spread of `values` (nil entries count as "never").
    public init(_ values: [Double]) {
        self.init(values.map { Optional($0) })
    }

    /// The spread of `values`; nil entries count as "never" (above every number) for the
    /// percentiles and make the mean undefined.
    public init(_ values: [Double?]) {
        let sorted = values.map { $0 ?? .infinity }.sorted()
        func percentile(_ q: Double) -> Double? {
            guard let value = sorted.nearestRankQuantile(q) else { return nil }
            return value.isFinite ? value : nil
        }
        p10 = percentile(0.1)
        p50 = percentile(0.5)
        p90 = percentile(0.9)
        mean =
            values.contains(where: { $0 == nil }) || values.isEmpty
            ? nil : values.reduce(0) { $0 + $1! } / Double(values.count)
    }
}

/// KPIs over replications.
public struct KPISpread: Sendable, Hashable, Codable {
    public var month50: Spread
    public var month90: Spread
    public var finalIPv6TrafficShare: Spread
    public var peakCGNATUtilization: Spread
    public var ipv4Purchased: Spread
    public var npv: Spread
    public var truckRolls: Spread
    public var unmetDemandMonths: Spread

    /// The spread of each KPI of `results`.
    public init(_ results: [RolloutResult]) {
        let kpis = results.map(\.kpis)
        month50 = Spread(kpis.map { $0.month50.map(Double.init) })
        month90 = Spread(kpis.map { $0.month90.map(Double.init) })
        finalIPv6TrafficShare = Spread(kpis.map(\.finalIPv6TrafficShare))
        peakCGNATUtilization = Spread(kpis.map(\.peakCGNATUtilization))
        ipv4Purchased = Spread(kpis.map { Double($0.ipv4Purchased) })
        npv = Spread(kpis.map(\.npv))
        truckRolls = Spread(kpis.map { Double($0.truckRolls) })
        unmetDemandMonths = Spread(kpis.map { Double($0.unmetDemandMonths) })
    }
}

/// Month-by-month means over replications.
public enum MonthlyMeans {
    /// The mean of each field of each month over `runs` (each a month series of equal length).
    public static func of(_ runs: [[MonthlyOutput]]) -> [MeanMonth] {
        guard let first = runs.first else { return [] }
        let n = Double(runs.count)
        return first.indices.map { index in
            func mean(_ field: (MonthlyOutput) -> Double) -> Double {
                runs.reduce(0) { $0 + field($1[index]) } / n
            }
            return MeanMonth(
                month: first[index].month, subscribers: mean { Double($0.subscribers) },
                ipv6EnabledSubscribers: mean { Double($0.ipv6EnabledSubscribers) },
                ipv6TrafficShare: mean(\.ipv6TrafficShare),
                publicIPv4InUse: mean { Double($0.publicIPv4InUse) },
                cgnatSubscribers: mean { Double($0.cgnatSubscribers) },
                cgnatUtilization: mean(\.cgnatUtilization),
                peakLinkUtilization: mean(\.peakLinkUtilization),
                peakPortUtilization: mean(\.peakPortUtilization),
                peakBNGSessionUtilization: mean(\.peakBNGSessionUtilization),
                capexCumulative: mean(\.capexCumulative),
                opexCumulative: mean(\.opexCumulative), truckRolls: mean { Double($0.truckRolls) },
                slippedActions: mean { Double($0.slippedActions) })
        }
    }
}

/// One month's figures averaged over replications (equal to the run's own with one replication).
public struct MeanMonth: Sendable, Hashable, Codable {
    public var month: Int
    public var subscribers: Double
    public var ipv6EnabledSubscribers: Double
    public var ipv6TrafficShare: Double
    public var publicIPv4InUse: Double
    public var cgnatSubscribers: Double
    public var cgnatUtilization: Double
    public var peakLinkUtilization: Double
    public var peakPortUtilization: Double
    public var peakBNGSessionUtilization: Double
    public var capexCumulative: Double
    public var opexCumulative: Double
    public var truckRolls: Double
    public var slippedActions: Double
}
