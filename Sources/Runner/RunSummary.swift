import MetroModel
import Report
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
    public var ipv4Sold: Spread
    public var npv: Spread
    public var baselineNPV: Spread
    public var incrementalNPV: Spread
    public var programmeCost: Spread
    public var truckRolls: Spread
    public var unmetDemandMonths: Spread
    /// `incrementalNPV` by cost group.
    public var incrementalNPVByGroup: [String: Spread]
    /// Money by item, undiscounted.
    public var costByItem: [String: Spread]

    /// The spread of each KPI of `results`.
    public init(_ results: [RolloutResult]) {
        let kpis = results.map(\.kpis)
        month50 = Spread(kpis.map { $0.month50.map(Double.init) })
        month90 = Spread(kpis.map { $0.month90.map(Double.init) })
        finalIPv6TrafficShare = Spread(kpis.map(\.finalIPv6TrafficShare))
        peakCGNATUtilization = Spread(kpis.map(\.peakCGNATUtilization))
        ipv4Purchased = Spread(kpis.map { Double($0.ipv4Purchased) })
        ipv4Sold = Spread(kpis.map { Double($0.ipv4Sold) })
        npv = Spread(kpis.map(\.npv))
        baselineNPV = Spread(kpis.map(\.baselineNPV))
        incrementalNPV = Spread(kpis.map(\.incrementalNPV))
        programmeCost = Spread(kpis.map(\.programmeCost))
        truckRolls = Spread(kpis.map { Double($0.truckRolls) })
        unmetDemandMonths = Spread(kpis.map { Double($0.unmetDemandMonths) })
        incrementalNPVByGroup = Dictionary(
            uniqueKeysWithValues: CostItem.Group.allCases.map { group in
                (group.rawValue, Spread(kpis.map { $0.incrementalNPVByGroup[group.rawValue] ?? 0 }))
            })
        costByItem = Dictionary(
            uniqueKeysWithValues: CostItem.allCases.map { item in
                (item.rawValue, Spread(kpis.map { $0.costByItem[item.rawValue] ?? 0 }))
            })
    }
}

/// A figure of a month, declared once: its name in the CSV, the JSON and the results store, what
/// a reader calls it, its unit and format, whether the summary table shows it, and how a run's
/// month gives its value.
public struct MonthColumn<Row>: Sendable {
    /// How a reader is shown the figure.
    public enum Reading: Sendable {
        /// As it is.
        case value
        /// As a percentage of the month's subscribers (counts of subscribers).
        case shareOfSubscribers
        /// Money spent so far, in millions of the scenario's currency.
        case cumulativeMoney
    }

    /// Its name in the CSV header and the JSON.
    public let name: String
    /// What a reader calls it.
    public let label: String
    /// Its unit for a reader, or nil.
    public let unit: String?
    /// How a reader sees its numbers.
    public let format: NumberFormat
    /// As it is, or as a share of subscribers.
    public let reading: Reading
    /// Whether the summary table (text and HTML) shows it; the CSV and JSON have every column.
    public let inSummary: Bool
    /// Its value in a row.
    public let value: @Sendable (Row) -> Double

    init(
        _ name: String, _ label: String, unit: String? = nil, format: NumberFormat = .count,
        reading: Reading = .value, summary: Bool = false, _ value: @escaping @Sendable (Row) -> Double
    ) {
        self.name = name
        self.label = label
        self.unit = unit
        self.format = format
        self.reading = reading
        self.inSummary = summary
        self.value = value
    }
}

/// The month columns, listed once: the city's and a district's.
public enum MonthColumns {
    /// The city's figures (docs/run.md).
    public static let city: [MonthColumn<MonthlyOutput>] = [
        .init("subscribers", "subscribers", summary: true) { Double($0.subscribers) },
        .init("fibreSubscribers", "on fibre") { Double($0.fibreSubscribers) },
        .init(
            "ipv6AvailableSubscribers", "IPv6 available", unit: "%", format: .percent,
            reading: .shareOfSubscribers, summary: true
        ) {
            Double($0.ipv6AvailableSubscribers)
        },
        .init(
            "ipv6EnabledSubscribers", "IPv6 on", unit: "%", format: .percent, reading: .shareOfSubscribers,
            summary: true
        ) {
            Double($0.ipv6EnabledSubscribers)
        },
        .init("ipv6TrafficShare", "IPv6 traffic", unit: "%", format: .percent, summary: true) {
            $0.ipv6TrafficShare
        },
        .init("publicIPv4InUse", "public IPv4 in use") { Double($0.publicIPv4InUse) },
        .init("publicIPv4Subscribers", "own public IPv4") { Double($0.publicIPv4Subscribers) },
        .init("natSubscribers", "behind NAT", summary: true) { Double($0.natSubscribers) },
        .init("statelessSharingSubscribers", "sharing statelessly") {
            Double($0.statelessSharingSubscribers)
        },
        .init("cgnatThroughputGbps", "CGN", unit: "Gbit/s", format: .decimals(1), summary: true) {
            $0.cgnatThroughputGbps
        },
        .init("cgnatSessions", "CGN sessions") { $0.cgnatSessions },
        .init("cgnatUtilization", "CGN utilisation", format: .ratio, summary: true) { $0.cgnatUtilization },
        .init("natLogBytes", "NAT logs", unit: "bytes") { $0.natLogBytes },
        .init("peakLinkUtilization", "peak link", format: .ratio, summary: true) { $0.peakLinkUtilization },
        .init("peakPortUtilization", "peak ports", format: .ratio) { $0.peakPortUtilization },
        .init("peakBNGSessionUtilization", "peak BNG sessions", format: .ratio) {
            $0.peakBNGSessionUtilization
        },
        .init("capexCumulative", "capital spent", format: .millions, reading: .cumulativeMoney) {
            $0.capexCumulative
        },
        .init("opexCumulative", "running costs", format: .millions, reading: .cumulativeMoney) {
            $0.opexCumulative
        },
        .init(
            "programmeCostCumulative", "programme", format: .millions, reading: .cumulativeMoney,
            summary: true
        ) {
            $0.programmeCostCumulative
        },
        .init(
            "businessAsUsualCostCumulative", "business as usual", format: .millions, reading: .cumulativeMoney
        ) {
            $0.businessAsUsualCostCumulative
        },
        .init("truckRolls", "truck rolls") { Double($0.truckRolls) },
        .init("slippedActions", "slipped actions") { Double($0.slippedActions) },
        .init("ipv4Shortfall", "IPv4 shortfall", unit: "addresses") { Double($0.ipv4Shortfall) },
    ]

    /// A district's own figures.
    public static let district: [MonthColumn<DistrictMonth>] = [
        .init("subscribers", "subscribers") { Double($0.subscribers) },
        .init(
            "ipv6AvailableSubscribers", "IPv6 available", unit: "%", format: .percent,
            reading: .shareOfSubscribers
        ) {
            Double($0.ipv6AvailableSubscribers)
        },
        .init("ipv6EnabledSubscribers", "IPv6 on", unit: "%", format: .percent, reading: .shareOfSubscribers)
        {
            Double($0.ipv6EnabledSubscribers)
        },
        .init("ipv6TrafficShare", "IPv6 traffic", unit: "%", format: .percent) { $0.ipv6TrafficShare },
        .init("linkUtilization", "link utilisation", format: .ratio) { $0.linkUtilization },
        .init("portUtilization", "port utilisation", format: .ratio) { $0.portUtilization },
        .init("bngSessionUtilization", "BNG sessions", format: .ratio) { $0.bngSessionUtilization },
        .init("truckRolls", "truck rolls") { Double($0.truckRolls) },
    ]

    /// The mean of each column in each month over `runs` (month series of equal length).
    public static func means<Row>(_ runs: [[Row]], _ columns: [MonthColumn<Row>]) -> [[Double]] {
        guard let first = runs.first else { return [] }
        let n = Double(runs.count)
        return first.indices.map { month in
            columns.map { column in runs.reduce(0) { $0 + column.value($1[month]) } / n }
        }
    }

    /// The mean subscribers, and those with IPv6 available and on, per access technology in each
    /// month over `runs`: `[month][technology]` as `[subscribers, available, enabled]`.
    public static func technologyMeans(_ runs: [[MonthlyOutput]]) -> [[AccessTechnology: [Double]]] {
        guard let first = runs.first else { return [] }
        let n = Double(runs.count)
        return first.indices.map { month in
            Dictionary(
                uniqueKeysWithValues: AccessTechnology.allCases.map { technology in
                    let figures = runs.map { $0[month].byTechnology[technology] }
                    return (
                        technology,
                        [
                            figures.reduce(0) { $0 + Double($1.subscribers) } / n,
                            figures.reduce(0) { $0 + Double($1.ipv6AvailableSubscribers) } / n,
                            figures.reduce(0) { $0 + Double($1.ipv6EnabledSubscribers) } / n,
                        ]
                    )
                })
        }
    }

    /// The mean subscribers per provisioning mode in each month over `runs`.
    public static func modeMeans(_ runs: [[MonthlyOutput]]) -> [[String: Double]] {
        guard let first = runs.first else { return [] }
        let n = Double(runs.count)
        return first.indices.map { month in
            var means: [String: Double] = [:]
            for run in runs {
                for (mode, count) in run[month].ipv6SubscribersByMode {
                    means[mode, default: 0] += Double(count) / n
                }
            }
            return means
        }
    }
}
