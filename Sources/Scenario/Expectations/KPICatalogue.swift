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

    /// Every KPI name with its kind.
    public static let kinds: [String: Kind] = {
        var kinds: [String: Kind] = [
            "month50": .month, "month90": .month, "compute.firstSLABreachMonth": .month,
        ]
        let numbers =
            [
                "finalIPv6TrafficShare", "peakCGNATUtilization", "ipv4Purchased", "ipv4Sold", "npv",
                "baselineNPV",
                "incrementalNPV", "programmeCost", "truckRolls", "unmetDemandMonths",
            ]
            + CostItem.allCases.map { "costByItem.\($0.rawValue)" }
            + CostItem.Group.allCases.map { "incrementalNPVByGroup.\($0.rawValue)" }
            + [
                "jobs", "utilization", "meanWait", "p95Wait", "meanBoundedSlowdown", "slaMonthsBreached",
                "energyKWh",
                "cloudRejectionRate", "cloudUtilization", "gpuUtilization", "gpuMeanWait", "gpuP95Wait",
            ].map { "compute.\($0)" }
        for name in numbers { kinds[name] = .number }
        return kinds
    }()
}
