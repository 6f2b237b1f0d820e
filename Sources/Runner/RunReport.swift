import ComputeModel
import Foundation
import MetroModel
import Scenario
import SimCore

/// The outcome of `metro6 run`: a scenario, its replications, and their renderings as text, JSON
/// and CSV.
public struct RunReport: Sendable {
    /// The scenario run.
    public let scenario: ScenarioFile
    /// The seed.
    public let seed: UInt64
    /// One result per replication, in replication order.
    public let results: [RolloutResult]
    /// The compute centre's result per replication, when the scenario has a centre.
    public let compute: [ComputeCentreResult]?

    init(scenario: ScenarioFile, seed: UInt64, results: [RolloutResult], compute: [ComputeCentreResult]?) {
        self.scenario = scenario
        self.seed = seed
        self.results = results
        self.compute = compute
    }

    /// Runs `scenario` `replications` times from `seed` on up to `threads` threads: the network,
    /// and the compute centre when the scenario has one.
    public init(scenario: ScenarioFile, seed: UInt64, replications: Int, threads: Int? = nil) {
        let results = ReplicationRunner.run(
            scenario.networkConfiguration, seed: seed, replications: replications, threads: threads)
        let compute = scenario.computeCentre.map { centre in
            ReplicationRunner.map(replications: replications, threads: threads) { replication in
                centre.run(seed: seed, replication: replication)
            }
        }
        self.init(scenario: scenario, seed: seed, results: results, compute: compute)
    }

    /// Runs `inputs` `replications` times from `seed`: each replication draws the scenario's
    /// distributions once from its own stream, then runs the network and the compute centre.
    /// `progress` is called as each network run and each compute-centre run finishes (`steps`
    /// of them in all).
    public init(
        inputs: ScenarioInputs, seed: UInt64, replications: Int, threads: Int? = nil,
        progress: (@Sendable () -> Void)? = nil
    ) throws(ScenarioErrors) {
        let (results, scenarios) = try ReplicationRunner.run(
            inputs, seed: seed, replications: replications, threads: threads, progress: progress)
        let compute = inputs.central.computeCentre.map { central in
            ReplicationRunner.map(replications: replications, threads: threads, progress: progress) {
                replication in
                (scenarios?[replication].computeCentre ?? central).run(seed: seed, replication: replication)
            }
        }
        self.init(scenario: inputs.central, seed: seed, results: results, compute: compute)
    }

    /// The progress steps of running `replications` replications of `inputs`: a network run
    /// each, and a compute-centre run each when the scenario has a centre.
    public static func steps(_ inputs: ScenarioInputs, replications: Int) -> Int {
        replications * (inputs.central.computeCentre == nil ? 1 : 2)
    }

    /// The compute centre's KPIs over replications.
    struct ComputeKPIs: Encodable {
        var jobs: Spread
        var utilization: Spread
        var meanWait: Spread
        var p95Wait: Spread
        var meanBoundedSlowdown: Spread
        var firstSLABreachMonth: MonthSpread
        var slaMonthsBreached: Spread
        var energyKWh: Spread?
        var cloudRejectionRate: Spread?
        var cloudUtilization: Spread?
        var gpuUtilization: Spread?
        var gpuMeanWait: Spread?
        var gpuP95Wait: Spread?
        var years: [ComputeYear]
    }

    /// A reporting year of the compute centre: means over replications.
    struct ComputeYear: Encodable {
        /// The year's first month, "YYYY-MM".
        var start: String
        var jobs: Double
        var utilization: Double
        var meanWait: Double
        var p95Wait: Double
        var gpuUtilization: Double?
        var gpuP95Wait: Double?
        var cloudRejectionRate: Double?
    }

    func computeYears(_ runs: [ComputeCentreResult]) -> [ComputeYear] {
        let n = Double(runs.count)
        let count = runs.map(\.years.count).min() ?? 0
        func mean(_ value: (ComputeCentreResult) -> Double) -> Double {
            runs.reduce(0) { $0 + value($1) } / n
        }
        func optionalMean(_ value: (ComputeCentreResult) -> Double?) -> Double? {
            let values = runs.compactMap(value)
            return values.count == runs.count ? values.reduce(0, +) / n : nil
        }
        return (0..<count).map { year in
            ComputeYear(
                start: label(12 * year), jobs: mean { Double($0.years[year].jobs) },
                utilization: mean { $0.years[year].utilization }, meanWait: mean { $0.years[year].meanWait },
                p95Wait: mean { $0.years[year].p95Wait },
                gpuUtilization: optionalMean {
                    year < $0.gpuYears.count ? $0.gpuYears[year].utilization : nil
                },
                gpuP95Wait: optionalMean { year < $0.gpuYears.count ? $0.gpuYears[year].p95Wait : nil },
                cloudRejectionRate: optionalMean { run in
                    run.cloud.flatMap { year < $0.years.count ? $0.years[year].rejectionRate : nil }
                })
        }
    }

    func computeKPIs(_ runs: [ComputeCentreResult]) -> ComputeKPIs {
        let breach = Spread(runs.map { $0.firstSLABreachPeriod.map(Double.init) })
        return ComputeKPIs(
            jobs: Spread(runs.map { Double($0.summary.jobs) }),
            utilization: Spread(runs.map(\.summary.utilization)),
            meanWait: Spread(runs.map(\.summary.meanWait)), p95Wait: Spread(runs.map(\.summary.p95Wait)),
            meanBoundedSlowdown: Spread(runs.map(\.summary.meanBoundedSlowdown)),
            firstSLABreachMonth: monthSpread(breach),
            slaMonthsBreached: Spread(runs.map { Double($0.slaPeriodsBreached) }),
            energyKWh: runs.first?.energyKWh == nil ? nil : Spread(runs.map(\.energyKWh)),
            cloudRejectionRate: runs.first?.cloud == nil ? nil : Spread(runs.map { $0.cloud?.rejectionRate }),
            cloudUtilization: runs.first?.cloud == nil ? nil : Spread(runs.map { $0.cloud?.utilization }),
            gpuUtilization: runs.first?.gpu == nil ? nil : Spread(runs.map { $0.gpu?.utilization }),
            gpuMeanWait: runs.first?.gpu == nil ? nil : Spread(runs.map { $0.gpu?.meanWait }),
            gpuP95Wait: runs.first?.gpu == nil ? nil : Spread(runs.map { $0.gpu?.p95Wait }),
            years: computeYears(runs))
    }

    /// A CSV field (RFC 4180): quoted, with quotes doubled, when it holds a comma, a quote or a
    /// line break.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// "YYYY-MM" of month index `month`.
    func label(_ month: Int) -> String { scenario.start.adding(months: month).description }

    // MARK: JSON

    /// A month in the JSON: its label, each city column, and the subscribers per mode.
    struct JSONMonth: Encodable {
        var month: String
        var values: [Double]
        var byMode: [String: Double]

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(month, forKey: Key(stringValue: "month"))
            for (column, value) in zip(MonthColumns.city, values) {
                try container.encode(value, forKey: Key(stringValue: column.name))
            }
            try container.encode(byMode, forKey: Key(stringValue: "ipv6SubscribersByMode"))
        }
    }

    /// A milestone month over replications: "YYYY-MM" or null for each figure (the mean rounded
    /// to a month).
    struct MonthSpread: Encodable {
        var p10: String?
        var p50: String?
        var p90: String?
        var mean: String?

        enum CodingKeys: String, CodingKey {
            case p10, p50, p90, mean
        }

        /// Undefined values are `null`, not left out.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(p10, forKey: .p10)
            try container.encode(p50, forKey: .p50)
            try container.encode(p90, forKey: .p90)
            try container.encode(mean, forKey: .mean)
        }
    }

    /// A binding constraint over replications.
    struct JSONConstraint: Encodable {
        var constraint: String
        var district: String?
        /// The share of replications in which it bound.
        var share: Double
        /// The median first month among those.
        var firstMonth: String?
        /// Months it bound, the mean over all replications.
        var months: Double

        enum CodingKeys: String, CodingKey {
            case constraint, district, share, firstMonth, months
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(constraint, forKey: .constraint)
            try container.encode(district, forKey: .district)
            try container.encode(share, forKey: .share)
            try container.encode(firstMonth, forKey: .firstMonth)
            try container.encode(months, forKey: .months)
        }
    }

    /// The KPIs: the same shape with one replication or many.
    struct JSONKPIs: Encodable {
        var month50: MonthSpread
        var month90: MonthSpread
        var finalIPv6TrafficShare: Spread
        var peakCGNATUtilization: Spread
        var ipv4Purchased: Spread
        var ipv4Sold: Spread
        var npv: Spread
        var baselineNPV: Spread
        var incrementalNPV: Spread
        var incrementalNPVByGroup: [String: Spread]
        var programmeCost: Spread
        var truckRolls: Spread
        var unmetDemandMonths: Spread
        var costByItem: [String: Spread]
        var bindingConstraints: [JSONConstraint]
    }

    struct Document: Encodable {
        var scenario: String
        var seed: UInt64
        var replications: Int
        var months: [JSONMonth]
        var kpis: JSONKPIs
        var compute: ComputeKPIs?
    }

    func monthSpread(_ spread: Spread) -> MonthSpread {
        MonthSpread(
            p10: spread.p10.map { label(Int($0)) }, p50: spread.p50.map { label(Int($0)) },
            p90: spread.p90.map { label(Int($0)) }, mean: spread.mean.map { label(Int($0.rounded())) })
    }

    /// The binding constraints of all replications, in the order first met.
    var constraints: [JSONConstraint] {
        struct Key: Hashable {
            var constraint: String
            var district: Int?
        }
        var order: [Key] = []
        var found: [Key: [BindingConstraint]] = [:]
        for result in results {
            for constraint in result.kpis.bindingConstraints {
                let key = Key(constraint: constraint.constraint, district: constraint.district)
                if found[key] == nil { order.append(key) }
                found[key, default: []].append(constraint)
            }
        }
        let n = Double(results.count)
        return order.map { key in
            let list = found[key]!
            return JSONConstraint(
                constraint: key.constraint, district: key.district.map { scenario.districts[$0].name },
                share: Double(list.count) / n,
                firstMonth: Spread(list.map { Double($0.firstMonth) }).p50.map { label(Int($0)) },
                months: list.reduce(0) { $0 + Double($1.months) } / n)
        }
    }

    /// The JSON document: `{"scenario", "seed", "replications", "months", "kpis", "compute"}`
    /// (docs/run.md).
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let spread = KPISpread(results)
        let means = MonthColumns.means(results.map(\.months), MonthColumns.city)
        let modes = MonthColumns.modeMeans(results.map(\.months))
        let months = means.indices.map { JSONMonth(month: label($0), values: means[$0], byMode: modes[$0]) }
        let kpis = JSONKPIs(
            month50: monthSpread(spread.month50), month90: monthSpread(spread.month90),
            finalIPv6TrafficShare: spread.finalIPv6TrafficShare,
            peakCGNATUtilization: spread.peakCGNATUtilization,
            ipv4Purchased: spread.ipv4Purchased, ipv4Sold: spread.ipv4Sold, npv: spread.npv,
            baselineNPV: spread.baselineNPV, incrementalNPV: spread.incrementalNPV,
            incrementalNPVByGroup: spread.incrementalNPVByGroup, programmeCost: spread.programmeCost,
            truckRolls: spread.truckRolls, unmetDemandMonths: spread.unmetDemandMonths,
            costByItem: spread.costByItem, bindingConstraints: constraints)
        let data = try encoder.encode(
            Document(
                scenario: scenario.name, seed: seed, replications: results.count, months: months, kpis: kpis,
                compute: compute.map(computeKPIs)))
        return String(decoding: data, as: UTF8.self)
    }

    // MARK: CSV

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : value.description
    }

    /// The monthly table as CSV at full precision: one row per month with the city's columns, or
    /// per district and month with the district's own columns.
    public func csv(byDistrict: Bool) -> String {
        if byDistrict {
            var text =
                (["district", "month"] + MonthColumns.district.map(\.name)).joined(separator: ",") + "\n"
            for (index, district) in scenario.districts.enumerated() {
                let name = Self.csvField(district.name)
                let means = MonthColumns.means(results.map { $0.districts[index] }, MonthColumns.district)
                for (month, values) in means.enumerated() {
                    text += ([name, label(month)] + values.map(Self.number)).joined(separator: ",") + "\n"
                }
            }
            return text
        }
        var text = (["month"] + MonthColumns.city.map(\.name)).joined(separator: ",") + "\n"
        for (month, values) in MonthColumns.means(results.map(\.months), MonthColumns.city).enumerated() {
            text += ([label(month)] + values.map(Self.number)).joined(separator: ",") + "\n"
        }
        return text
    }

    // MARK: Text

    /// One figure as text: the value with one replication, P10 / P50 / P90 with several.
    func figure(_ spread: Spread, _ format: String, _ scale: Double = 1, never: String = "-") -> String {
        let values = results.count == 1 ? [spread.p50] : [spread.p10, spread.p50, spread.p90]
        return values.map { $0.map { String(format: format, $0 * scale) } ?? never }.joined(separator: " / ")
    }

    /// A milestone as text, "never" where not reached.
    func milestone(_ spread: Spread) -> String {
        let values = results.count == 1 ? [spread.p50] : [spread.p10, spread.p50, spread.p90]
        return values.map { $0.map { label(Int($0)) } ?? "never" }.joined(separator: " / ")
    }

    /// The plan as carried out: each action's month as written, when it finished (the median
    /// over replications) and what held it back.
    func planText() -> String {
        var out = "Plan as carried out\n"
        var networkIndex = 0
        for action in scenario.plan ?? [] {
            var line = "  \(action.month)  \(action.action.rawValue)"
            if let district = action.district { line += " in \(district)" }
            if let mode = action.mode { line += " (\(mode.rawValue))" }
            if let amount = action.amount { line += " amount \(Self.number(amount))" }
            line = line.padding(toLength: Swift.max(line.count, 52), withPad: " ", startingAt: 0)
            guard action.action.network != nil else {
                out += line + "  compute centre\n"
                continue
            }
            let progress = results.map { $0.actions[networkIndex] }
            networkIndex += 1
            let done = Spread(progress.map { $0.doneMonth.map(Double.init) }).p50
            let slipped = progress.reduce(0) { $0 + $1.slippedMonths } / progress.count
            var status = done.map { "done \(label(Int($0)))" } ?? "not finished"
            if slipped > 0 {
                let limits = Set(progress.flatMap(\.limits)).map(\.rawValue).sorted().joined(separator: ", ")
                status += " (held back \(slipped) month\(slipped == 1 ? "" : "s"): \(limits))"
            }
            out += line + "  " + status + "\n"
        }
        return out
    }

    /// The compute centre's figures and its yearly table.
    func computeText(_ compute: [ComputeCentreResult]) -> String {
        let k = computeKPIs(compute)
        func v(_ spread: Spread?, _ format: String, _ scale: Double = 1) -> String {
            guard let spread else { return "-" }
            let values = (compute.count == 1 ? [spread.p50] : [spread.p10, spread.p50, spread.p90])
            return values.map { $0.map { String(format: format, $0 * scale) } ?? "never" }.joined(
                separator: " / ")
        }
        let breach =
            compute.count == 1
            ? (k.firstSLABreachMonth.p50 ?? "never")
            : [k.firstSLABreachMonth.p10, k.firstSLABreachMonth.p50, k.firstSLABreachMonth.p90]
                .map { $0 ?? "never" }.joined(separator: " / ")
        var out = "\nCompute centre\(compute.count == 1 ? "" : " (P10 / P50 / P90)")\n"
        out += "  jobs                 \(v(k.jobs, "%.0f"))\n"
        out += "  utilisation          \(v(k.utilization, "%.3f"))\n"
        out += "  wait mean (h)        \(v(k.meanWait, "%.2f", 1.0 / 3_600))\n"
        out += "  wait P95 (h)         \(v(k.p95Wait, "%.2f", 1.0 / 3_600))\n"
        out += "  bounded slowdown     \(v(k.meanBoundedSlowdown, "%.2f"))\n"
        if scenario.compute?.slaP95WaitHours != nil {
            out +=
                "  SLA first broken     \(breach) (\(v(k.slaMonthsBreached, "%.0f")) months in breach)\n"
        }
        if k.energyKWh != nil { out += "  energy (GWh)         \(v(k.energyKWh, "%.1f", 1e-6))\n" }
        if k.cloudRejectionRate != nil {
            out += "  cloud rejections %   \(v(k.cloudRejectionRate, "%.2f", 100))\n"
            out += "  cloud utilisation    \(v(k.cloudUtilization, "%.3f"))\n"
        }
        if k.gpuUtilization != nil {
            out += "  GPU utilisation      \(v(k.gpuUtilization, "%.3f"))\n"
            out += "  GPU wait P95 (h)     \(v(k.gpuP95Wait, "%.2f", 1.0 / 3_600))\n"
        }
        out +=
            "\nyear from  jobs      CPU util  wait mean (h)  wait P95 (h)  GPU util  GPU P95 (h)  cloud rej %\n"
        for year in k.years {
            out += year.start.padding(toLength: 9, withPad: " ", startingAt: 0)
            out += String(
                format: "  %8.0f  %8.3f  %13.2f  %12.2f", year.jobs, year.utilization, year.meanWait / 3_600,
                year.p95Wait / 3_600)
            out += year.gpuUtilization.map { String(format: "  %8.3f", $0) } ?? "         -"
            out += year.gpuP95Wait.map { String(format: "  %11.2f", $0 / 3_600) } ?? "            -"
            out += year.cloudRejectionRate.map { String(format: "  %11.2f", 100 * $0) } ?? "            -"
            out += "\n"
        }
        return out
    }

    /// A summary a planner reads: the plan as carried out, the quarterly (or monthly) table, the
    /// KPIs against the baseline, and the compute centre.
    public func text() -> String {
        var out = "\(PrintableText.escape(scenario.name))\n"
        out += "  \(scenario.start) for \(scenario.months) months, \(scenario.districts.count) districts, "
        out += "seed \(seed), \(results.count) replication\(results.count == 1 ? "" : "s")\n\n"
        out += planText() + "\n"
        let columns = MonthColumns.city.map(\.name)
        func column(_ name: String) -> Int { columns.firstIndex(of: name)! }
        let means = MonthColumns.means(results.map(\.months), MonthColumns.city)
        let step = scenario.reporting == .monthly ? 1 : 3
        out +=
            "month     subscribers  avail %  IPv6 %  IPv6 traffic  NAT subs  CGN Gbit/s  CGN util  peak link"
        out += "  programme (M)\n"
        for (month, values) in means.enumerated() where (month + 1) % step == 0 || month == means.count - 1 {
            let n = values[column("subscribers")]
            func share(_ name: String) -> Double { n > 0 ? 100 * values[column(name)] / n : 0 }
            out += label(month).padding(toLength: 8, withPad: " ", startingAt: 0)
            out += String(
                format: "  %11.0f  %7.1f  %6.1f  %11.1f%%  %8.0f  %10.1f  %8.2f  %9.2f  %13.2f\n", n,
                share("ipv6AvailableSubscribers"), share("ipv6EnabledSubscribers"),
                100 * values[column("ipv6TrafficShare")], values[column("natSubscribers")],
                values[column("cgnatThroughputGbps")], values[column("cgnatUtilization")],
                values[column("peakLinkUtilization")], values[column("programmeCostCumulative")] / 1e6)
        }
        let k = KPISpread(results)
        out += "\nKPIs\(results.count == 1 ? "" : " (P10 / P50 / P90 over \(results.count) replications)")\n"
        func line(_ label: String, _ value: String) -> String {
            label.padding(toLength: 34, withPad: " ", startingAt: 0) + value + "\n"
        }
        out += line("  50% on IPv6", milestone(k.month50))
        out += line("  90% on IPv6", milestone(k.month90))
        out += line("  final IPv6 traffic %", figure(k.finalIPv6TrafficShare, "%.1f", 100))
        out += line("  peak CGN utilisation", figure(k.peakCGNATUtilization, "%.2f"))
        out += line("  IPv4 bought", figure(k.ipv4Purchased, "%.0f"))
        out += line("  IPv4 sold", figure(k.ipv4Sold, "%.0f"))
        out += line("  programme cost (M)", figure(k.programmeCost, "%.1f", 1e-6))
        out += line("  NPV, plan (M)", figure(k.npv, "%.1f", 1e-6))
        out += line("  NPV, baseline (M)", figure(k.baselineNPV, "%.1f", 1e-6))
        out += line(
            "  incremental NPV (M)",
            figure(k.incrementalNPV, "%.1f", 1e-6) + "  (positive: the plan saves money)")
        for group in CostItem.Group.allCases {
            out += line(
                "    of which \(group.rawValue)",
                figure(k.incrementalNPVByGroup[group.rawValue]!, "%.1f", 1e-6))
        }
        out += line("  truck rolls", figure(k.truckRolls, "%.0f"))
        out += line("  months with unmet demand", figure(k.unmetDemandMonths, "%.0f"))
        let bound = constraints
        out += line("  binding constraints", bound.isEmpty ? "none" : "")
        for constraint in bound {
            let place = constraint.district.map { " in \(PrintableText.escape($0))" } ?? ""
            let share = results.count == 1 ? "" : String(format: " in %.0f%% of runs", 100 * constraint.share)
            out += "    \(constraint.constraint)\(place): from \(constraint.firstMonth ?? "-"),"
            out += String(format: " %.0f months", constraint.months) + share + "\n"
        }
        if let compute { out += computeText(compute) }
        return out
    }
}
