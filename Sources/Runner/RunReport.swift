import ComputeModel
import Foundation
import MetroModel
import Scenario

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

    /// Runs `scenario` `replications` times from `seed` on up to `threads` threads: the network,
    /// and the compute centre when the scenario has one.
    public init(scenario: ScenarioFile, seed: UInt64, replications: Int, threads: Int? = nil) {
        self.scenario = scenario
        self.seed = seed
        results = ReplicationRunner.run(
            scenario.networkConfiguration, seed: seed, replications: replications, threads: threads)
        if let centre = scenario.computeCentre {
            compute = ReplicationRunner.map(replications: replications, threads: threads) { replication in
                centre.run(seed: seed, replication: replication)
            }
        } else {
            compute = nil
        }
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
    }

    func computeKPIs(_ runs: [ComputeCentreResult]) -> ComputeKPIs {
        let breach = Spread(runs.map { $0.firstSLABreachPeriod.map(Double.init) })
        return ComputeKPIs(
            jobs: Spread(runs.map { Double($0.summary.jobs) }),
            utilization: Spread(runs.map(\.summary.utilization)),
            meanWait: Spread(runs.map(\.summary.meanWait)), p95Wait: Spread(runs.map(\.summary.p95Wait)),
            meanBoundedSlowdown: Spread(runs.map(\.summary.meanBoundedSlowdown)),
            firstSLABreachMonth: MonthSpread(
                p10: breach.p10.map { label(Int($0)) }, p50: breach.p50.map { label(Int($0)) },
                p90: breach.p90.map { label(Int($0)) }, mean: breach.mean),
            slaMonthsBreached: Spread(runs.map { Double($0.slaPeriodsBreached) }),
            energyKWh: runs.first?.energyKWh == nil ? nil : Spread(runs.map(\.energyKWh)),
            cloudRejectionRate: runs.first?.cloud == nil ? nil : Spread(runs.map { $0.cloud?.rejectionRate }),
            cloudUtilization: runs.first?.cloud == nil ? nil : Spread(runs.map { $0.cloud?.utilization }))
    }

    /// "YYYY-MM" of month index `month`.
    func label(_ month: Int) -> String { scenario.start.adding(months: month).description }

    // MARK: JSON

    struct JSONMonth: Encodable {
        var month: String
        var subscribers: Double
        var ipv6EnabledSubscribers: Double
        var ipv6TrafficShare: Double
        var publicIPv4InUse: Double
        var cgnatSubscribers: Double
        var cgnatUtilization: Double
        var peakLinkUtilization: Double
        var peakPortUtilization: Double
        var peakBNGSessionUtilization: Double
        var capexCumulative: Double
        var opexCumulative: Double
        var truckRolls: Double
        var slippedActions: Double
    }

    struct SingleKPIs: Encodable {
        var month50: String?
        var month90: String?
        var finalIPv6TrafficShare: Double
        var peakCGNATUtilization: Double
        var ipv4Purchased: Int
        var npv: Double
        var truckRolls: Int
        var unmetDemandMonths: Int
        var capexByItem: CapexByItem

        enum CodingKeys: String, CodingKey {
            case month50, month90, finalIPv6TrafficShare, peakCGNATUtilization, ipv4Purchased, npv, truckRolls
            case unmetDemandMonths, capexByItem
        }

        /// Milestones never reached are `null`, not left out.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(month50, forKey: .month50)
            try container.encode(month90, forKey: .month90)
            try container.encode(finalIPv6TrafficShare, forKey: .finalIPv6TrafficShare)
            try container.encode(peakCGNATUtilization, forKey: .peakCGNATUtilization)
            try container.encode(ipv4Purchased, forKey: .ipv4Purchased)
            try container.encode(npv, forKey: .npv)
            try container.encode(truckRolls, forKey: .truckRolls)
            try container.encode(unmetDemandMonths, forKey: .unmetDemandMonths)
            try container.encode(capexByItem, forKey: .capexByItem)
        }
    }

    struct MonthSpread: Encodable {
        var p10: String?
        var p50: String?
        var p90: String?
        var mean: Double?

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

    struct SpreadKPIs: Encodable {
        var month50: MonthSpread
        var month90: MonthSpread
        var finalIPv6TrafficShare: Spread
        var peakCGNATUtilization: Spread
        var ipv4Purchased: Spread
        var npv: Spread
        var truckRolls: Spread
        var unmetDemandMonths: Spread
    }

    struct Document<K: Encodable>: Encodable {
        var scenario: String
        var seed: UInt64
        var replications: Int
        var months: [JSONMonth]
        var kpis: K
        var compute: ComputeKPIs?
    }

    var jsonMonths: [JSONMonth] {
        MonthlyMeans.of(results.map(\.months)).map {
            JSONMonth(
                month: label($0.month), subscribers: $0.subscribers,
                ipv6EnabledSubscribers: $0.ipv6EnabledSubscribers,
                ipv6TrafficShare: $0.ipv6TrafficShare, publicIPv4InUse: $0.publicIPv4InUse,
                cgnatSubscribers: $0.cgnatSubscribers, cgnatUtilization: $0.cgnatUtilization,
                peakLinkUtilization: $0.peakLinkUtilization, peakPortUtilization: $0.peakPortUtilization,
                peakBNGSessionUtilization: $0.peakBNGSessionUtilization, capexCumulative: $0.capexCumulative,
                opexCumulative: $0.opexCumulative, truckRolls: $0.truckRolls,
                slippedActions: $0.slippedActions)
        }
    }

    /// The JSON document: `{"scenario", "seed", "replications", "months", "kpis"}` (docs/run.md).
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data: Data
        if results.count == 1 {
            let k = results[0].kpis
            data = try encoder.encode(
                Document(
                    scenario: scenario.name, seed: seed, replications: 1, months: jsonMonths,
                    kpis: SingleKPIs(
                        month50: k.month50.map(label), month90: k.month90.map(label),
                        finalIPv6TrafficShare: k.finalIPv6TrafficShare,
                        peakCGNATUtilization: k.peakCGNATUtilization,
                        ipv4Purchased: k.ipv4Purchased, npv: k.npv, truckRolls: k.truckRolls,
                        unmetDemandMonths: k.unmetDemandMonths, capexByItem: k.capexByItem),
                    compute: compute.map(computeKPIs)))
        } else {
            let spread = KPISpread(results)
            func months(_ s: Spread) -> MonthSpread {
                MonthSpread(
                    p10: s.p10.map { label(Int($0)) }, p50: s.p50.map { label(Int($0)) },
                    p90: s.p90.map { label(Int($0)) }, mean: s.mean)
            }
            data = try encoder.encode(
                Document(
                    scenario: scenario.name, seed: seed, replications: results.count, months: jsonMonths,
                    kpis: SpreadKPIs(
                        month50: months(spread.month50), month90: months(spread.month90),
                        finalIPv6TrafficShare: spread.finalIPv6TrafficShare,
                        peakCGNATUtilization: spread.peakCGNATUtilization,
                        ipv4Purchased: spread.ipv4Purchased,
                        npv: spread.npv, truckRolls: spread.truckRolls,
                        unmetDemandMonths: spread.unmetDemandMonths), compute: compute.map(computeKPIs)))
        }
        return String(decoding: data, as: UTF8.self)
    }

    // MARK: CSV

    static let csvColumns = [
        "month", "subscribers", "ipv6EnabledSubscribers", "ipv6TrafficShare", "publicIPv4InUse",
        "cgnatSubscribers",
        "cgnatUtilization", "peakLinkUtilization", "peakPortUtilization", "peakBNGSessionUtilization",
        "capexCumulative", "opexCumulative", "truckRolls",
        "slippedActions",
    ]

    static func row(_ label: String, _ m: MeanMonth) -> String {
        [
            label, number(m.subscribers), number(m.ipv6EnabledSubscribers), number(m.ipv6TrafficShare),
            number(m.publicIPv4InUse), number(m.cgnatSubscribers), number(m.cgnatUtilization),
            number(m.peakLinkUtilization), number(m.peakPortUtilization), number(m.peakBNGSessionUtilization),
            number(m.capexCumulative), number(m.opexCumulative),
            number(m.truckRolls),
            number(m.slippedActions),
        ].joined(separator: ",")
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.6g", value)
    }

    /// The monthly table as CSV, one row per month, or per month and district.
    public func csv(byDistrict: Bool) -> String {
        var text =
            (byDistrict ? ["district"] + Self.csvColumns : Self.csvColumns).joined(separator: ",") + "\n"
        if byDistrict {
            for (index, district) in scenario.districts.enumerated() {
                let name = district.name.contains(",") ? "\"\(district.name)\"" : district.name
                for month in MonthlyMeans.of(results.map { $0.districts[index] }) {
                    text += name + "," + Self.row(label(month.month), month) + "\n"
                }
            }
        } else {
            for month in MonthlyMeans.of(results.map(\.months)) {
                text += Self.row(label(month.month), month) + "\n"
            }
        }
        return text
    }

    // MARK: Text

    /// A summary a planner reads: milestones, the quarterly (or monthly) table, the KPIs.
    public func text() -> String {
        var out = "\(scenario.name)\n"
        out += "  \(scenario.start) for \(scenario.months) months, \(scenario.districts.count) districts, "
        out += "seed \(seed), \(results.count) replication\(results.count == 1 ? "" : "s")\n\n"
        out += "Plan\n"
        let months = MonthlyMeans.of(results.map(\.months))
        for action in scenario.plan ?? [] {
            var line = "  \(action.month)  \(action.action.rawValue)"
            if let district = action.district { line += " in \(district)" }
            if let mode = action.mode { line += " (\(mode.rawValue))" }
            if let amount = action.amount { line += " amount \(Self.number(amount))" }
            out += line + "\n"
        }
        let slipped = months.filter { $0.slippedActions > 0 }
        if let first = slipped.first {
            out += "  slipped for budget or crews in \(slipped.count) months, first \(label(first.month))\n"
        }
        out += "\n"
        let step = scenario.reporting == .monthly ? 1 : 3
        out += "month     subscribers  IPv6 %  IPv6 traffic  public IPv4  CGN util  peak link  capex (M)\n"
        for month in months where (month.month + 1) % step == 0 || month.month == months.count - 1 {
            let share = month.subscribers > 0 ? 100 * month.ipv6EnabledSubscribers / month.subscribers : 0
            out += label(month.month).padding(toLength: 8, withPad: " ", startingAt: 0)
            out += String(
                format: "  %11.0f  %6.1f  %11.1f%%  %11.0f  %8.2f  %9.2f  %9.2f\n", month.subscribers, share,
                100 * month.ipv6TrafficShare, month.publicIPv4InUse, month.cgnatUtilization,
                month.peakLinkUtilization,
                month.capexCumulative / 1e6)
        }
        out += "\nKPIs\n"
        if results.count == 1 {
            let k = results[0].kpis
            out += "  50% on IPv6          \(k.month50.map(label) ?? "never")\n"
            out += "  90% on IPv6          \(k.month90.map(label) ?? "never")\n"
            out += "  final IPv6 traffic   \(String(format: "%.1f%%", 100 * k.finalIPv6TrafficShare))\n"
            out += "  peak CGN utilisation \(String(format: "%.2f", k.peakCGNATUtilization))\n"
            out += "  IPv4 bought          \(k.ipv4Purchased)\n"
            out += "  NPV of costs         \(String(format: "%.1f M", k.npv / 1e6))\n"
            out += "  truck rolls          \(k.truckRolls)\n"
            out += "  months with unmet demand \(k.unmetDemandMonths)\n"
            let c = k.capexByItem
            out += String(
                format:
                    "  capex (M)            BNGs %.1f, access nodes %.1f, CPE campaigns %.1f, CGN %.1f, IPv4 %.1f, growth %.1f\n",
                c.bngs / 1e6, c.accessNodes / 1e6, c.cpeCampaigns / 1e6, c.cgnat / 1e6, c.ipv4 / 1e6,
                c.growth / 1e6)
        } else {
            let s = KPISpread(results)
            func m(_ spread: Spread) -> String {
                [spread.p10, spread.p50, spread.p90].map { $0.map { label(Int($0)) } ?? "never" }.joined(
                    separator: " / ")
            }
            func v(_ spread: Spread, _ format: String, _ scale: Double = 1) -> String {
                [spread.p10, spread.p50, spread.p90].map {
                    $0.map { String(format: format, $0 * scale) } ?? "-"
                }
                .joined(separator: " / ")
            }
            out += "  (P10 / P50 / P90 over \(results.count) replications)\n"
            out += "  50% on IPv6          \(m(s.month50))\n"
            out += "  90% on IPv6          \(m(s.month90))\n"
            out += "  final IPv6 traffic % \(v(s.finalIPv6TrafficShare, "%.1f", 100))\n"
            out += "  peak CGN utilisation \(v(s.peakCGNATUtilization, "%.2f"))\n"
            out += "  IPv4 bought          \(v(s.ipv4Purchased, "%.0f"))\n"
            out += "  NPV of costs (M)     \(v(s.npv, "%.1f", 1e-6))\n"
            out += "  truck rolls          \(v(s.truckRolls, "%.0f"))\n"
            out += "  months with unmet demand \(v(s.unmetDemandMonths, "%.0f"))\n"
        }
        if let compute {
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
            out += "\nCompute centre\(compute.count == 1 ? "" : " (P10 / P50 / P90)")\n"
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
        }
        return out
    }
}
