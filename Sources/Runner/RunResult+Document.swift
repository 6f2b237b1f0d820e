import ComputeModel
import Foundation
import MetroModel
import Report
import Scenario
import SimCore

/// The run as a report document: what bound and when in words, the KPIs, the plan as carried
/// out, charts of the months, the month table, and the compute centre. Text and HTML render it;
/// the CSV is its month table at full precision.
extension RunResult {
    /// The report of the run.
    public var document: ReportDocument {
        var sections = [
            Section(
                id: "outcome", title: "Outcome", blocks: [.paragraph(explanation().joined(separator: "\n"))]),
            Section(id: "kpis", title: kpiTitle, blocks: [.facts(kpiFacts)]),
            planSection,
            Section(
                id: "subscribers", title: "Subscribers on IPv6", blocks: subscriberCharts.map(Block.chart)),
            Section(
                id: "addresses", title: "Public IPv4 and the CGN", blocks: addressCharts.map(Block.chart)),
            Section(id: "capacity", title: "Capacity", blocks: capacityCharts.map(Block.chart)),
            constraintSection,
            Section(id: "costs", title: "Costs", blocks: [.chart(costChart), .facts(groupFacts)]),
            Section(id: "months", title: "Month by month", blocks: [.table(summaryTable)]),
        ]
        if let compute { sections.append(computeSection(compute)) }
        return ReportDocument(
            title: PrintableText.escape(scenario.name),
            subtitle: [
                "\(scenario.start) for \(scenario.months) months, \(scenario.districts.count) districts, seed \(seed), "
                    + "\(results.count) replication\(results.count == 1 ? "" : "s")"
            ],
            sections: sections)
    }

    /// The month table for CSV: every column at full precision, a row per month, or per district
    /// and month.
    public func monthTable(byDistrict: Bool) -> Table {
        guard byDistrict else {
            let columns = [monthColumn] + MonthColumns.city.enumerated().map { exactColumn($1, $0) }
            return Table(id: "months", title: "Months", columns: columns, rows: monthRows(monthMeans))
        }
        let columns =
            [Column<MonthRow>("district") { .text($0.district ?? "") }, monthColumn]
            + MonthColumns.district.enumerated().map { exactColumn($1, $0) }
        let rows = scenario.districts.indices.flatMap { index in
            monthRows(
                MonthColumns.means(results.map { $0.districts[index] }, MonthColumns.district),
                district: scenario.districts[index].name)
        }
        return Table(id: "district-months", title: "Months by district", columns: columns, rows: rows)
    }

    // MARK: Rows and columns

    /// A month's means, as tables read them.
    struct MonthRow: Sendable {
        var month: Int
        var label: String
        var district: String?
        var values: [Double]
    }

    func monthRows(_ means: [[Double]], district: String? = nil) -> [MonthRow] {
        means.enumerated().map { MonthRow(month: $0, label: label($0), district: district, values: $1) }
    }

    var monthColumn: Column<MonthRow> { Column("month") { .text($0.label) } }

    func exactColumn<Row>(_ column: MonthColumn<Row>, _ index: Int) -> Column<MonthRow> {
        Column(column.name, label: column.label, format: column.format) {
            .number($0.values[index], column.format)
        }
    }

    /// A column as a reader reads it: shares of subscribers as percentages, money in millions of
    /// the scenario's currency.
    func readerColumn(_ column: MonthColumn<MonthlyOutput>, _ index: Int) -> Column<MonthRow> {
        let subscribers = MonthColumns.city.firstIndex { $0.name == "subscribers" }!
        switch column.reading {
        case .value:
            return Column(column.name, label: column.label, unit: column.unit, format: column.format) {
                .number($0.values[index], column.format)
            }
        case .shareOfSubscribers:
            return Column(column.name, label: column.label, unit: column.unit, format: column.format) { row in
                let n = row.values[subscribers]
                return .number(n > 0 ? row.values[index] / n : 0, column.format)
            }
        case .cumulativeMoney:
            return Column(
                column.name, label: column.label, unit: moneyUnit + ", cumulative", format: column.format
            ) {
                .number($0.values[index], column.format)
            }
        }
    }

    /// Money as reports label it: millions of the scenario's currency.
    var moneyUnit: String { "M \(scenario.currency)" }

    /// The summary table: the columns marked for it, quarterly (or monthly) and the last month.
    var summaryTable: Table {
        let step = scenario.reporting == .monthly ? 1 : 3
        let columns =
            [Column<MonthRow>("month") { .text($0.label) }]
            + MonthColumns.city.enumerated().filter(\.element.inSummary).map { readerColumn($1, $0) }
        let means = monthMeans
        let rows = monthRows(means).filter { ($0.month + 1) % step == 0 || $0.month == means.count - 1 }
        return Table(
            id: "month-table", title: step == 1 ? "Each month" : "Each quarter's last month",
            columns: columns, rows: rows,
            note: results.count == 1 ? nil : "Means over \(results.count) replications.")
    }

    // MARK: Words

    var kpiTitle: String {
        results.count == 1 ? "KPIs" : "KPIs (P10 / P50 / P90 over \(results.count) replications)"
    }

    /// A figure: its value with one replication, its spread with several.
    func figure(_ spread: Spread, _ format: NumberFormat) -> Value {
        results.count == 1
            ? spread.p50.map { .number($0, format) } ?? .missing
            : .spread(p10: spread.p10, p50: spread.p50, p90: spread.p90, format)
    }

    /// A milestone month: "never" where not reached.
    func milestone(_ spread: Spread) -> Value {
        results.count == 1
            ? .month(spread.p50.map { label(Int($0)) })
            : .monthSpread(
                p10: spread.p10.map { label(Int($0)) }, p50: spread.p50.map { label(Int($0)) },
                p90: spread.p90.map { label(Int($0)) })
    }

    var kpiFacts: [Fact] {
        let k = spread
        let money = moneyUnit
        return [
            Fact("50% on IPv6", milestone(k.month50)),
            Fact("90% on IPv6", milestone(k.month90)),
            Fact("final IPv6 traffic", figure(k.finalIPv6TrafficShare, .percent), unit: "%"),
            Fact("peak CGN utilisation", figure(k.peakCGNATUtilization, .ratio)),
            Fact("IPv4 bought", figure(k.ipv4Purchased, .count), unit: "addresses"),
            Fact("IPv4 sold", figure(k.ipv4Sold, .count), unit: "addresses"),
            Fact("programme cost", figure(k.programmeCost, .millions), unit: money + ", undiscounted"),
            Fact("NPV, plan", figure(k.npv, .millions), unit: money),
            Fact("NPV, baseline", figure(k.baselineNPV, .millions), unit: money),
            Fact(
                "incremental NPV", figure(k.incrementalNPV, .millions), unit: money,
                note: "positive: the plan saves money"),
            Fact("truck rolls", figure(k.truckRolls, .count)),
            Fact("months with unmet demand", figure(k.unmetDemandMonths, .integer)),
        ]
    }

    var groupFacts: [Fact] {
        let k = spread
        return CostItem.Group.allCases.map { group in
            Fact(
                "incremental NPV, \(group.rawValue)",
                figure(k.incrementalNPVByGroup[group.rawValue]!, .millions), unit: moneyUnit)
        }
    }

    /// What a constraint's name means to a planner.
    static func describe(_ constraint: String) -> String {
        switch constraint {
        case "capital": "the year's capital budget"
        case "crews": "the month's crew visits"
        case "cgnat": "the CGN"
        case "uplink": "the district uplink"
        case "core": "the metro core"
        case "ponTrees": "PON trees"
        case "accessPorts": "access ports"
        case "bngSessions": "BNG sessions"
        case "ipv4Addresses": "public IPv4 addresses"
        default: constraint
        }
    }

    /// What happened when a constraint bound: a limit ran out, a resource was over capacity.
    static func verb(_ constraint: String) -> String {
        switch constraint {
        case "capital", "crews": "ran out"
        case "ipv4Addresses": "ran short"
        default: "was over capacity"
        }
    }

    func place(_ district: Int?) -> String {
        district.map { " in " + PrintableText.escape(scenario.districts[$0].name) } ?? ""
    }

    /// In words: when the milestones came or why not, what was over capacity when, which actions
    /// slipped and to when, and how money is counted.
    func explanation() -> [String] {
        let k = spread
        var lines = [milestoneSentence(k.month50, "Half"), milestoneSentence(k.month90, "90% of")]
        if k.month90.p50 == nil { lines.append(shortfallSentence()) }
        let bound = constraints
        if bound.isEmpty { lines.append("Nothing was over capacity and no limit held the plan back.") }
        for constraint in bound {
            let what = Self.describe(constraint.constraint).capitalisedFirst + place(constraint.district)
            if let periods = constraint.periods {
                let months =
                    constraint.months.rounded() == 1
                    ? "1 month" : String(format: "%.0f months", constraint.months)
                lines.append(
                    "\(what) \(Self.verb(constraint.constraint)) in \(months): \(periods.map(period).joined(separator: ", "))."
                )
                continue
            }
            let runs = String(format: "in %.0f%% of replications", 100 * constraint.share)
            lines.append(
                "\(what) \(Self.verb(constraint.constraint)) \(runs), "
                    + String(format: "%.1f months on average", constraint.months)
                    + " between \(constraint.firstMonth.map(label) ?? "-") and \(constraint.lastMonth.map(label) ?? "-") (medians)."
            )
        }
        let outcomes = actions.filter { !$0.isCompute }
        for outcome in outcomes
        where outcome.plannedMonth < scenario.months
            && (outcome.slippedMonths > 0 || outcome.doneMonth == nil)
        {
            lines.append(slipSentence(outcome))
        }
        let later = outcomes.filter { $0.plannedMonth >= scenario.months }.count
        if later > 0 {
            lines.append(
                "\(later) of the plan's actions \(later == 1 ? "is" : "are") planned after the horizon "
                    + "(\(label(scenario.months - 1))) and did not run.")
        }
        let rate = String(format: "%.0f%%", 100 * (scenario.discountRate ?? 0.08))
        lines.append(
            "Money is in millions of \(scenario.currency): costs in the month table are cumulative from "
                + "\(scenario.start); NPVs are discounted at \(rate) a year.")
        return lines
    }

    /// A run of months as a reader reads it: "2013-02", "2013-02 to 2013-05".
    func period(_ months: ClosedRange<Int>) -> String {
        months.count == 1
            ? label(months.lowerBound) : "\(label(months.lowerBound)) to \(label(months.upperBound))"
    }

    func milestoneSentence(_ spread: Spread, _ share: String) -> String {
        guard let month = spread.p50 else {
            return
                "\(share) the subscribers never have working IPv6 within the horizon (to \(label(scenario.months - 1)))."
        }
        let range =
            results.count == 1
            ? ""
            : " (P10 \(spread.p10.map { label(Int($0)) } ?? "never"), P90 \(spread.p90.map { label(Int($0)) } ?? "never"))"
        return "\(share) the subscribers have working IPv6 from \(label(Int(month)))\(range)."
    }

    /// Why working IPv6 stops short at the end: the pieces it needs and their shares, weighted by
    /// subscribers and averaged over replications.
    func shortfallSentence() -> String {
        var weights = 0.0
        var cpe = 0.0
        var bng = 0.0
        var access = 0.0
        var uptake = 0.0
        var dark: [Int: Double] = [:]
        for result in results {
            for (index, months) in result.districts.enumerated() {
                guard let last = months.last else { continue }
                let n = Double(last.subscribers)
                weights += n
                cpe += n * last.readiness.cpe
                bng += n * last.readiness.bng
                access += n * last.readiness.access
                uptake += n * last.readiness.uptake
                if !last.readiness.modeOn { dark[index, default: 0] += n }
            }
        }
        guard weights > 0 else { return "There are no subscribers at the end." }
        func percent(_ value: Double) -> String { String(format: "%.0f%%", 100 * value / weights) }
        // Each piece working IPv6 needs, with the share of subscribers who have it.
        var pieces = [
            ("CPEs able to carry their district's mode", cpe), ("a dual-stack BNG", bng),
            ("an IPv6-ready access node", access),
        ]
        var parts = pieces.map { "\(percent($1)) have \($0)" }
        if !dark.isEmpty {
            let names = dark.keys.sorted().map { PrintableText.escape(scenario.districts[$0].name) }
            let lit = weights - dark.values.reduce(0, +)
            parts.append("\(percent(lit)) live where a mode is on (none in \(names.joined(separator: ", ")))")
            pieces.append(("a provisioning mode switched on", lit))
        }
        parts.append("\(percent(uptake)) switched IPv6 on or were opted in")
        pieces.append(("subscribers switching it on", uptake))
        let short = pieces.filter { $0.1 / weights < 0.9 }.sorted { $0.1 < $1.1 }.map(\.0)
        return "At the end (\(label(scenario.months - 1))), of all subscribers "
            + parts.joined(separator: ", ")
            + (short.isEmpty ? "." : "; what holds it back: " + short.joined(separator: ", then ") + ".")
    }

    func slipSentence(_ outcome: ActionOutcome) -> String {
        let action = outcome.action
        var name = "The plan's " + action.action.rawValue
        if let mode = action.mode { name += " (\(mode.rawValue))" }
        name += " in " + (action.district.map(PrintableText.escape) ?? "all districts")
        let held =
            outcome.slippedMonths > 0
            ? " was held back \(outcome.slippedMonths) month\(outcome.slippedMonths == 1 ? "" : "s")"
                + (outcome.limits.isEmpty
                    ? "" : " by " + outcome.limits.map(Self.describe).joined(separator: " and "))
            : " did not finish"
        let done =
            outcome.doneMonth.map { "done \(label($0))" } ?? "not finished by \(label(scenario.months - 1))"
        return name + held + ": planned \(action.month), \(done)."
    }
}

extension String {
    /// The text with its first letter in upper case.
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
