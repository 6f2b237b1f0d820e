import Foundation
import Report
import Scenario
import SimCore

/// A sweep's results as a report document: the ranking, the Pareto front as a scatter, and the
/// leading plans' months with P10-P90 bands.
extension SweepComparison {
    /// The most plans a month chart draws: the front first, then by rank.
    static let chartedPlans = 6

    /// The report of the sweep whose results file is at `path`.
    public func document(path: String) throws(SweepError) -> ReportDocument {
        let store = try ResultStore.open(path: path, readOnly: true)
        let charted = Array(
            (plans.filter(\.pareto) + plans.filter { !$0.pareto }).prefix(Self.chartedPlans).sorted {
                $0.rank < $1.rank
            })
        let names = Array(Set(Self.monthCharts.flatMap(\.columns))).sorted()
        let months = try store.monthValues(names, variants: (plans.map(\.variant).max() ?? -1) + 1)
        let better = KPICatalogue.higherIsBetter.contains(by) ? "higher is better" : "lower is better"
        var sections = [
            Section(
                id: "ranking", title: "Plans ranked by \(by) (P50, \(better))",
                blocks: [
                    .paragraph(
                        "\(plans.count) plans, \(runsFound) of \(runsInSweep) runs. The Pareto front is the plans no "
                            + "other plan beats on every one of \(objectives.joined(separator: ", ")) (P50)."),
                    .table(rankingTable),
                ] + noiseBlocks)
        ]
        sections.append(
            Section(
                id: "pareto", title: "Pareto front",
                blocks: [paretoChart.map(Block.chart) ?? .paragraph(Self.noScatter(objectives))]))
        let start = charted.compactMap { YearMonth($0.start) }.min()
        let axis =
            start.map { Axis.months(from: MonthStamp(year: $0.year, month: $0.month)) } ?? Axis("month")
        /// Each charted plan's figure, mean and P10-P90 over its replications, month by month.
        func series(_ chart: MonthChart) -> [Series] {
            let indices = chart.columns.map { names.firstIndex(of: $0)! }
            return charted.map { plan in
                let offset =
                    start.flatMap { first in YearMonth(plan.start).map { first.months(to: $0) } } ?? 0
                let rows = plan.variant < months.count ? months[plan.variant] : []
                let points = rows.enumerated().map { month, runs -> (Double, Double, Double, Double) in
                    let sorted = runs.map { row in chart.value(indices.map { row[$0] }) }.sorted()
                    let mean = sorted.reduce(0, +) / Double(Swift.max(sorted.count, 1))
                    return (
                        Double(month + offset), mean, sorted.nearestRankQuantile(0.1) ?? mean,
                        sorted.nearestRankQuantile(0.9) ?? mean
                    )
                }
                return Series(
                    "\(plan.rank). \(plan.name)", points: points.map { Series.Point(x: $0.0, y: $0.1) },
                    band: plan.runs > 1 ? points.map { Series.BandPoint(x: $0.0, low: $0.2, high: $0.3) } : []
                )
            }
        }
        let bandNote = " Lines are means over each plan's replications, bands their P10-P90."
        sections.append(
            Section(
                id: "plans-over-time", title: "The leading plans over time",
                blocks: Self.monthCharts.map { chart in
                    .chart(
                        Chart(
                            id: chart.id, title: chart.title, summary: chart.summary + bandNote, x: axis,
                            y: chart.axis,
                            series: series(chart), references: chart.references))
                }))
        return ReportDocument(
            title: "Sweep \(PrintableText.escape(sweep))",
            subtitle: ["\(plans.count) plans, \(runsFound) of \(runsInSweep) runs, ranked by \(by)"],
            sections: sections)
    }

    /// A chart of the leading plans' months: the stored city columns it reads and the figure it
    /// draws from them.
    struct MonthChart: Sendable {
        var id: String
        var title: String
        var summary: String
        var axis: Axis
        /// The `MonthColumns.city` columns it reads, in the order `value` takes them.
        var columns: [String]
        var references: [Reference] = []
        var value: @Sendable ([Double]) -> Double
    }

    /// The month charts of a sweep's report, each reading its own columns of the results file.
    static let monthCharts: [MonthChart] = [
        MonthChart(
            id: "sweep-ipv6-share", title: "Subscribers with IPv6 on",
            summary: "The share of subscribers with working IPv6.",
            axis: Axis("subscribers with IPv6 on", unit: "%", format: .percent),
            columns: ["ipv6EnabledSubscribers", "subscribers"], value: { $0[1] > 0 ? $0[0] / $0[1] : 0 }),
        MonthChart(
            id: "sweep-ipv6-available", title: "Subscribers with IPv6 available",
            summary: "The share of subscribers whose CPE, BNG and access node allow IPv6.",
            axis: Axis("subscribers with IPv6 available", unit: "%", format: .percent),
            columns: ["ipv6AvailableSubscribers", "subscribers"], value: { $0[1] > 0 ? $0[0] / $0[1] : 0 }),
        MonthChart(
            id: "sweep-ipv6-traffic", title: "IPv6 share of traffic",
            summary: "The IPv6 share of busy-hour traffic.",
            axis: Axis("IPv6 traffic", unit: "%", format: .percent), columns: ["ipv6TrafficShare"],
            value: { $0[0] }),
        MonthChart(
            id: "sweep-public-ipv4", title: "Public IPv4 in use",
            summary: "Public addresses in use, own and behind the CGN.",
            axis: Axis("addresses", format: .count),
            columns: ["publicIPv4InUse"], value: { $0[0] }),
        MonthChart(
            id: "sweep-cgn", title: "CGN utilisation", summary: "The CGN's load over its capacity.",
            axis: Axis("utilisation", format: .ratio), columns: ["cgnatUtilization"],
            references: [Reference("capacity", value: 1)], value: { $0[0] }),
        MonthChart(
            id: "sweep-peak-link", title: "Busiest link",
            summary: "The most loaded link (district uplinks, the core, PON trees) over its capacity.",
            axis: Axis("utilisation", format: .ratio), columns: ["peakLinkUtilization"],
            references: [Reference("capacity", value: 1)], value: { $0[0] }),
        MonthChart(
            id: "sweep-programme-cost", title: "Programme cost",
            summary: "The IPv6 programme's spending so far, undiscounted, in millions.",
            axis: Axis("cumulative", unit: "M", format: .millions), columns: ["programmeCostCumulative"],
            value: { $0[0] }),
        MonthChart(
            id: "sweep-business-as-usual-cost", title: "Business-as-usual cost",
            summary:
                "Costs the plan does not choose (operation, failures, growth, capacity) so far, in millions.",
            axis: Axis("cumulative", unit: "M", format: .millions),
            columns: ["businessAsUsualCostCumulative"],
            value: { $0[0] }),
    ]

    /// A KPI's spread as a reader reads it: months as months from the plan's start.
    func value(_ plan: Plan, _ kpi: String) -> Value {
        guard let spread = plan.spread(kpi) else { return .missing }
        if KPICatalogue.kinds[kpi] == .month {
            return .monthSpread(
                p10: Self.rendered(spread.p10, kpi: kpi, start: plan.start),
                p50: Self.rendered(spread.p50, kpi: kpi, start: plan.start),
                p90: Self.rendered(spread.p90, kpi: kpi, start: plan.start))
        }
        return .spread(p10: spread.p10, p50: spread.p50, p90: spread.p90, Self.format(kpi))
    }

    /// How a KPI's numbers read: money in millions, shares as percentages, counts grouped.
    static func format(_ kpi: String) -> NumberFormat {
        if kpi.lowercased().contains("npv") || kpi.lowercased().contains("cost") { return .millions }
        if kpi.lowercased().contains("share") { return .percent }
        if kpi.lowercased().contains("utilization") { return .ratio }
        return .count
    }

    /// A KPI's unit for a reader: money in millions, shares in percent.
    static func unit(_ kpi: String) -> String? {
        switch format(kpi) {
        case .millions: "M"
        case .percent: "%"
        default: nil
        }
    }

    var rankingTable: Table {
        let shown = [by] + objectives.filter { $0 != by }
        let columns: [Column<Plan>] =
            [
                Column("rank", format: .integer) { .number(Double($0.rank), .integer) },
                Column("plan") { .text($0.name) },
                Column("runs", format: .integer) { .number(Double($0.runs), .integer) },
            ]
            + shown.map { kpi in
                Column(kpi, label: "\(kpi) P10 / P50 / P90", unit: Self.unit(kpi), format: Self.format(kpi)) {
                    [self] in
                    value($0, kpi)
                }
            } + [Column("pareto", label: "Pareto front") { .text($0.pareto ? "yes" : "") }]
        return Table(id: "ranking-table", title: "Ranking", columns: columns, rows: plans)
    }

    var noiseBlocks: [Block] {
        guard !noise.isEmpty else { return [] }
        return [
            .paragraph(
                "Each plan against the plan ranked above it, run by run (the same random numbers per replication): "
                    + "a 95% interval of the mean difference in \(by) that holds 0 is within Monte Carlo noise."
            ),
            .table(
                Table(
                    id: "noise-table", title: "Paired differences",
                    columns: [
                        Column<Noise>("plan") { .text($0.plan) },
                        Column("against") { .text($0.against) },
                        Column("mean difference", format: Self.format(by)) {
                            .number($0.meanDifference, Self.format(by))
                        },
                        Column("interval low", format: Self.format(by)) {
                            $0.interval.map { .number($0.lowerBound, Self.format(by)) } ?? .missing
                        },
                        Column("interval high", format: Self.format(by)) {
                            $0.interval.map { .number($0.upperBound, Self.format(by)) } ?? .missing
                        },
                        Column("verdict") { .text($0.withinNoise ? "within noise" : "a real difference") },
                    ], rows: noise)),
        ]
    }

    /// Why there is no scatter of the front.
    static func noScatter(_ objectives: [String]) -> String {
        "No two of \(objectives.joined(separator: ", ")) have a P50 for any plan (a milestone never "
            + "reached has none), so the front cannot be drawn; the ranking marks it."
    }

    /// A plan's P50 of `kpi` on a chart's axis: months as years, nil when undefined.
    static func coordinate(_ plan: Plan, _ kpi: String) -> Double? {
        guard let p50 = plan.spread(kpi)?.p50 else { return nil }
        guard KPICatalogue.kinds[kpi] == .month, let start = YearMonth(plan.start) else { return p50 }
        let month = start.adding(months: Int(p50.rounded()))
        return Double(month.year) + Double(month.month - 1) / 12
    }

    /// The plans on two objectives' P50s, the front apart from the others; months read as years.
    /// The first two objectives that some plan has both of (a milestone never reached has no
    /// P50); nil when no pair has.
    var paretoChart: Chart? {
        let pairs = objectives.indices.flatMap { i in
            objectives.indices.filter { $0 > i }.map { (objectives[i], objectives[$0]) }
        }
        guard
            let (xKPI, yKPI) = pairs.first(where: { pair in
                plans.contains { Self.coordinate($0, pair.0) != nil && Self.coordinate($0, pair.1) != nil }
            })
        else { return nil }
        func axis(_ kpi: String) -> Axis {
            KPICatalogue.kinds[kpi] == .month
                ? Axis("\(kpi) P50", unit: "year", format: .decimals(1), includesZero: false)
                : Axis("\(kpi) P50", unit: Self.unit(kpi), format: Self.format(kpi), includesZero: false)
        }
        func points(_ front: Bool) -> [Series.Point] {
            plans.filter { $0.pareto == front }.compactMap { plan in
                guard let x = Self.coordinate(plan, xKPI), let y = Self.coordinate(plan, yKPI) else {
                    return nil
                }
                return Series.Point(x: x, y: y, label: "\(plan.rank)", note: "\(plan.rank). \(plan.name)")
            }
        }
        return Chart(
            id: "pareto-front", title: "\(yKPI) against \(xKPI)",
            summary:
                "Each plan at its P50s; filled points are the Pareto front over \(objectives.joined(separator: ", ")); "
                + "milestones never reached are left out.",
            kind: .scatter, x: axis(xKPI), y: axis(yKPI),
            series: [
                Series("Pareto front", points: points(true), style: .points),
                Series("other plans", points: points(false)),
            ])
    }
}
