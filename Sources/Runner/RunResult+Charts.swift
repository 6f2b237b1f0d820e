import ComputeModel
import Foundation
import MetroModel
import Report
import Scenario
import SimCore

/// The run's charts: each series the mean of the replications (the numbers the JSON's months
/// hold), with the P10-P90 band when there are several.
extension RunResult {
    /// The time axis: months from the scenario's start.
    var timeAxis: Axis {
        .months(
            from: MonthStamp(year: scenario.start.year, month: scenario.start.month), count: scenario.months)
    }

    /// The series of city column `name`: its means, and with several replications its P10-P90
    /// band.
    func citySeries(_ name: String, label: String, style: Series.Style = .solid) -> Series {
        let value = MonthColumns.city.first { $0.name == name }!.value
        let count = results.map(\.months.count).min() ?? 0
        let means = (0..<count).map { month in
            results.reduce(0) { $0 + value($1.months[month]) } / Double(results.count)
        }
        guard results.count > 1 else { return Series(label, values: means, style: style) }
        let band = (0..<count).map { month in
            let sorted = results.map { value($0.months[month]) }.sorted()
            return Series.BandPoint(
                x: Double(month), low: sorted.nearestRankQuantile(0.1)!,
                high: sorted.nearestRankQuantile(0.9)!)
        }
        return Series(label, values: means, band: band, style: style)
    }

    /// A district column's means, a series per district.
    func districtSeries(_ value: @escaping @Sendable (DistrictMonth) -> Double) -> [Series] {
        scenario.districts.indices.map { index in
            let means = MonthColumns.means(
                results.map { $0.districts[index] }, [MonthColumn("value", "value") { value($0) }])
            return Series(PrintableText.escape(scenario.districts[index].name), values: means.map { $0[0] })
        }
    }

    /// Each district's subscribers with IPv6 on over its subscribers (the means' ratio, as the
    /// CSV's district rows give them).
    var districtShareSeries: [Series] {
        let on = districtSeries { Double($0.ipv6EnabledSubscribers) }
        let all = districtSeries { Double($0.subscribers) }
        return zip(on, all).map { on, all in
            Series(on.name, values: zip(on.points, all.points).map { $1.y > 0 ? $0.y / $1.y : 0 })
        }
    }

    /// Per access technology, figure `index` (1: available, 2: on) over its subscribers, as the
    /// ratio of the means the JSON's `byTechnology` holds.
    func technologySeries(_ index: Int, _ means: [[AccessTechnology: [Double]]]) -> [Series] {
        let names: [AccessTechnology: String] = [.xdsl: "xDSL", .xpon: "xPON", .lan: "LAN"]
        return AccessTechnology.allCases.map { technology in
            Series(
                names[technology]!,
                values: means.map { month in
                    let figures = month[technology]!
                    return figures[0] > 0 ? figures[index] / figures[0] : 0
                })
        }
    }

    var subscriberCharts: [Chart] {
        let y = Axis("subscribers", format: .count)
        let modes = Set(results.flatMap { $0.months.flatMap(\.ipv6SubscribersByMode.keys) }).sorted()
        let byMode = MonthColumns.modeMeans(results.map(\.months))
        let technologies = MonthColumns.technologyMeans(results.map(\.months))
        return [
            Chart(
                id: "ipv6-subscribers", title: "Subscribers with IPv6 available and on",
                summary:
                    "All subscribers, those whose BNG, access node and CPE allow IPv6, and those with it on.",
                x: timeAxis, y: y,
                series: [
                    citySeries("subscribers", label: "subscribers", style: .dashed),
                    citySeries("ipv6AvailableSubscribers", label: "IPv6 available"),
                    citySeries("ipv6EnabledSubscribers", label: "IPv6 on"),
                ]),
            Chart(
                id: "ipv6-by-district", title: "IPv6 on, by district",
                summary: "The share of each district's subscribers with working IPv6.", x: timeAxis,
                y: Axis("subscribers with IPv6 on", unit: "%", format: .percent),
                series: districtShareSeries),
            Chart(
                id: "ipv6-available-by-technology", title: "IPv6 available, by access technology",
                summary:
                    "The share of each technology's subscribers whose CPE, BNG and access node allow IPv6.",
                x: timeAxis, y: Axis("subscribers with IPv6 available", unit: "%", format: .percent),
                series: technologySeries(1, technologies)),
            Chart(
                id: "ipv6-on-by-technology", title: "IPv6 on, by access technology",
                summary: "The share of each technology's subscribers with working IPv6.", x: timeAxis,
                y: Axis("subscribers with IPv6 on", unit: "%", format: .percent),
                series: technologySeries(2, technologies)),
            Chart(
                id: "ipv6-by-mode", title: "IPv6 on, by provisioning mode",
                summary: "Subscribers with working IPv6 under each mode.", x: timeAxis, y: y,
                series: modes.map { mode in Series(mode, values: byMode.map { $0[mode] ?? 0 }) }),
            Chart(
                id: "ipv6-traffic", title: "IPv6 share of busy-hour traffic",
                summary: "The share of all subscribers' busy-hour traffic carried over IPv6.", x: timeAxis,
                y: Axis("IPv6 traffic", unit: "%", format: .percent),
                series: [citySeries("ipv6TrafficShare", label: "IPv6 traffic")]),
        ]
    }

    var addressCharts: [Chart] {
        [
            Chart(
                id: "public-ipv4", title: "Public IPv4 in use",
                summary:
                    "Addresses in use (own and behind the CGN) against the pool owned at the start; the shortfall is wanted but not owned.",
                x: timeAxis, y: Axis("addresses", format: .count),
                series: [
                    citySeries("publicIPv4InUse", label: "in use"),
                    citySeries("ipv4Shortfall", label: "shortfall", style: .dashed),
                ], references: [Reference("pool at the start", value: Double(scenario.addressing.publicIPv4))]
            ),
            Chart(
                id: "cgn-throughput", title: "CGN throughput",
                summary: "The CGN's busy-hour IPv4 throughput.", x: timeAxis,
                y: Axis("throughput", unit: "Gbit/s", format: .decimals(1)),
                series: [citySeries("cgnatThroughputGbps", label: "throughput")]),
            Chart(
                id: "cgn-utilisation", title: "CGN utilisation",
                summary:
                    "The CGN's load over its capacity, the larger of throughput and sessions; above 1 demand goes unmet.",
                x: timeAxis, y: Axis("utilisation", format: .ratio),
                series: [citySeries("cgnatUtilization", label: "utilisation")],
                references: [Reference("capacity", value: 1)]),
        ]
    }

    var capacityCharts: [Chart] {
        [
            Chart(
                id: "peak-utilisation", title: "Busiest link, access plant and BNG",
                summary:
                    "The most loaded link, the fullest access plant and the busiest BNG's sessions, each over its capacity.",
                x: timeAxis, y: Axis("utilisation", format: .ratio),
                series: [
                    citySeries("peakLinkUtilization", label: "link"),
                    citySeries("peakPortUtilization", label: "access ports"),
                    citySeries("peakBNGSessionUtilization", label: "BNG sessions"),
                ], references: [Reference("capacity", value: 1)]),
            Chart(
                id: "link-by-district", title: "Link utilisation by district",
                summary: "Each district's busier of its uplink and its PON trees: the hot spots.",
                x: timeAxis,
                y: Axis("utilisation", format: .ratio), series: districtSeries(\.linkUtilization),
                references: [Reference("capacity", value: 1)]),
        ]
    }

    var costChart: Chart {
        Chart(
            id: "costs", title: "Programme and business-as-usual costs",
            summary: "Money spent so far, undiscounted, in millions of \(scenario.currency).", x: timeAxis,
            y: Axis("cumulative", unit: moneyUnit, format: .millions),
            series: [
                citySeries("programmeCostCumulative", label: "IPv6 programme"),
                citySeries("businessAsUsualCostCumulative", label: "business as usual", style: .dashed),
            ])
    }

    // MARK: Plan and constraints

    var planSection: Section {
        let outcomes = actions
        let columns: [Column<ActionOutcome>] = [
            Column("planned") { .text($0.action.month.description) },
            Column("action") { .text($0.action.action.rawValue) },
            Column("district") { .text($0.action.district.map(PrintableText.escape) ?? "all") },
            Column("mode") { .text($0.action.mode?.rawValue ?? "") },
            Column("amount", format: .count) { $0.action.amount.map { .number($0, .count) } ?? .missing },
            Column("done") { outcome in
                outcome.isCompute ? .text("compute centre") : .month(outcome.doneMonth.map(label))
            },
            Column("held back", unit: "months", format: .integer) {
                .number(Double($0.slippedMonths), .integer)
            },
            Column("by") { .text($0.limits.map(Self.describe).joined(separator: ", ")) },
        ]
        let horizon = Double(scenario.months)
        let lanes = outcomes.map { outcome -> Lane in
            let start = Double(outcome.plannedMonth)
            let name = [outcome.action.action.rawValue, outcome.action.district.map(PrintableText.escape)]
                .compactMap { $0 }.joined(separator: " in ")
            guard !outcome.isCompute else {
                return Lane(
                    name,
                    spans: [.init(start: start, end: start + 1, state: .planned, note: "compute centre")])
            }
            let planned = "planned \(outcome.action.month)"
            guard let done = outcome.doneMonth else {
                return Lane(
                    name,
                    spans: [
                        .init(
                            start: start, end: horizon, state: .unfinished, note: planned + ", not finished")
                    ])
            }
            let state: Lane.Span.State = outcome.slippedMonths > 0 ? .slipped : .planned
            let held = outcome.slippedMonths > 0 ? ", held back \(outcome.slippedMonths) months" : ""
            return Lane(
                name,
                spans: [
                    .init(
                        start: start, end: Double(done) + 1, state: state,
                        note: planned + ", done \(label(done))" + held)
                ])
        }
        return Section(
            id: "plan", title: "Plan as carried out",
            blocks: [
                .table(Table(id: "plan-table", title: "Actions", columns: columns, rows: outcomes)),
                .chart(
                    Chart(
                        id: "plan-timeline", title: "The plan on the time axis",
                        summary:
                            "Each action from its planned month to the month it finished; slipped and unfinished ones marked.",
                        kind: .timeline, x: timeAxis, y: Axis("action"), lanes: lanes)),
            ])
    }

    var constraintSection: Section {
        let bound = constraints
        let lanes = bound.map { constraint in
            let periods =
                constraint.periods ?? [
                    (constraint.firstMonth ?? 0)...(constraint.lastMonth ?? constraint.firstMonth ?? 0)
                ]
            return Lane(
                Self.describe(constraint.constraint) + place(constraint.district),
                spans: periods.map { months in
                    .init(
                        start: Double(months.lowerBound), end: Double(months.upperBound + 1), state: .bound,
                        note: constraint.periods == nil
                            ? String(format: "%.1f months on average between ", constraint.months)
                                + "\(period(months)) (medians over replications)" : period(months))
                })
        }
        let columns: [Column<Constraint>] = [
            Column("constraint") { .text(Self.describe($0.constraint)) },
            Column("district") { [scenario] in
                .text($0.district.map { PrintableText.escape(scenario.districts[$0].name) } ?? "city")
            },
            Column("first") { [self] in .month($0.firstMonth.map(label)) },
            Column("last") { [self] in .month($0.lastMonth.map(label)) },
            Column("months", format: .decimals(1)) { .number($0.months, .decimals(1)) },
            Column("of replications", unit: "%", format: .percent) { .number($0.share, .percent) },
        ]
        guard !bound.isEmpty else {
            return Section(
                id: "constraints", title: "Binding constraints", blocks: [.paragraph("None bound.")])
        }
        return Section(
            id: "constraints", title: "Binding constraints",
            blocks: [
                .table(Table(id: "constraint-table", title: "What bound", columns: columns, rows: bound)),
                .chart(
                    Chart(
                        id: "constraint-timeline", title: "Binding constraints on the time axis",
                        summary:
                            "The months each constraint bound; with several replications, from the median first to the median last month.",
                        kind: .timeline, x: timeAxis, y: Axis("constraint"), lanes: lanes)),
            ])
    }
}

/// The compute centre's part of the report: its KPIs, its yearly table and charts.
extension RunResult {
    func computeSection(_ runs: [ComputeCentreResult]) -> Section {
        let k = computeKPIs(runs)
        let hours = ComputeFigure.meanWait.format
        var facts = ComputeFigure.facts { figure in
            let spread: Spread? =
                switch figure {
                case .jobs: k.jobs
                case .utilization: k.utilization
                case .meanWait: k.meanWait
                case .p95Wait: k.p95Wait
                case .boundedSlowdown: k.meanBoundedSlowdown
                case .energy: k.energyKWh
                case .cloudRejections: k.cloudRejectionRate
                case .cloudUtilization: k.cloudUtilization
                case .gpuUtilization: k.gpuUtilization
                case .gpuP95Wait: k.gpuP95Wait
                }
            return spread.map { self.figure($0, figure.format) }
        }
        if scenario.compute?.slaP95WaitHours != nil {
            let breach = k.firstSLABreachMonth
            facts.append(
                Fact(
                    "SLA first broken",
                    runs.count == 1
                        ? .month(breach.p50) : .monthSpread(p10: breach.p10, p50: breach.p50, p90: breach.p90)
                ))
            facts.append(Fact("months in breach of the SLA", figure(k.slaMonthsBreached, .integer)))
        }
        let optional: @Sendable (Double?, NumberFormat) -> Value = { value, format in
            value.map { .number($0, format) } ?? .missing
        }
        let columns: [Column<ComputeYear>] = [
            Column("year from") { .text($0.start) },
            Column("jobs", format: .count) { .number($0.jobs, .count) },
            Column("CPU utilisation", format: .decimals(3)) { .number($0.utilization, .decimals(3)) },
            Column("wait mean", unit: "h", format: hours) { .number($0.meanWait, hours) },
            Column("wait P95", unit: "h", format: hours) { .number($0.p95Wait, hours) },
            Column("GPU utilisation", format: .decimals(3)) { optional($0.gpuUtilization, .decimals(3)) },
            Column("GPU wait P95", unit: "h", format: hours) { optional($0.gpuP95Wait, hours) },
            Column("cloud rejections", unit: "%", format: .percent) {
                optional($0.cloudRejectionRate, .percent)
            },
        ]
        let yearPoints = { (value: (ComputeYear) -> Double) in
            k.years.enumerated().map { Series.Point(x: Double(12 * $0), y: value($1)) }
        }
        var utilisation = [Series("CPU", points: yearPoints(\.utilization))]
        if k.years.allSatisfy({ $0.gpuUtilization != nil }) && !k.years.isEmpty {
            utilisation.append(Series("GPU", points: yearPoints { $0.gpuUtilization ?? 0 }))
        }
        let sla = scenario.compute?.slaP95WaitHours
        return Section(
            id: "compute", title: "Compute centre" + (runs.count == 1 ? "" : " (P10 / P50 / P90)"),
            blocks: [
                .facts(facts),
                .table(
                    Table(
                        id: "compute-years", title: "By year (means over replications)", columns: columns,
                        rows: k.years)),
                .chart(
                    Chart(
                        id: "compute-utilisation", title: "Compute centre utilisation by year",
                        summary: "The share of core-hours (and GPU-hours) busy in each year.", x: timeAxis,
                        y: Axis("utilisation", format: .decimals(2)), series: utilisation,
                        references: [Reference("full", value: 1)])),
                .chart(
                    Chart(
                        id: "compute-wait", title: "P95 wait by year",
                        summary:
                            "The wait 95% of the year's jobs stay under, in hours, against the SLA when there is one.",
                        x: timeAxis,
                        y: Axis("P95 wait", unit: "h", format: NumberFormat(scale: 1.0 / 3_600, decimals: 1)),
                        series: [Series("P95 wait", points: yearPoints(\.p95Wait))],
                        references: sla.map { [Reference("SLA", value: $0 * 3_600)] } ?? [])),
            ])
    }
}
