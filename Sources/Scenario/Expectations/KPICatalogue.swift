import MetroModel

/// The KPIs an expectation may name, as `metro6 run --format json` names them: the keys of
/// `kpis` and, with a `compute` prefix, of `compute`. A test keeps this list equal to the JSON's
/// keys.
public enum KPICatalogue {
    /// What a KPI's values are.
    public enum Kind: Sendable, Hashable {
        /// A month, `YYYY-MM`, or never.
        case month
        /// A number.
        case number
    }

    /// Every KPI name with its kind, in the order tables list them: milestones, money, the
    /// network, then the cost items, then the compute centre.
    public static let all: [(name: String, kind: Kind)] =
        [("month50", .month), ("month90", .month)]
        + [
            "incrementalNPV", "npv", "baselineNPV", "programmeCost", "peakCGNATUtilization",
            "finalIPv6TrafficShare", "ipv4Purchased", "ipv4Sold", "truckRolls", "unmetDemandMonths",
        ].map { ($0, .number) }
        + CostItem.Group.allCases.map { ("incrementalNPVByGroup.\($0.rawValue)", .number) }
        + CostItem.allCases.map { ("costByItem.\($0.rawValue)", .number) }
        + [("compute.firstSLABreachMonth", .month)]
        + [
            "jobs", "utilization", "meanWait", "p95Wait", "meanBoundedSlowdown", "slaMonthsBreached",
            "energyKWh",
            "cloudRejectionRate", "cloudUtilization", "gpuUtilization", "gpuMeanWait", "gpuP95Wait",
        ].map { ("compute.\($0)", .number) }

    /// Every KPI name with its kind.
    public static let kinds: [String: Kind] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0.kind) })

    /// The KPIs where more is better (money saved, IPv6 reached, capacity used, a later first
    /// SLA breach); for every other KPI less is better (milestone months, costs, load on the CGN,
    /// waits). A month never reached counts as later than every month.
    public static let higherIsBetter: Set<String> = Set(
        ["incrementalNPV", "npv", "baselineNPV", "finalIPv6TrafficShare", "ipv4Sold"]
            + CostItem.Group.allCases.map { "incrementalNPVByGroup.\($0.rawValue)" }
            + [
                "compute.utilization", "compute.cloudUtilization", "compute.gpuUtilization",
                "compute.firstSLABreachMonth",
            ])
}
