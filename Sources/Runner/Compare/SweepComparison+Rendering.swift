import Foundation
import Report
import Scenario

extension SweepComparison {
    /// A KPI value as the outputs write it: months `YYYY-MM` (from the plan's start), numbers in
    /// full, nil for never.
    static func rendered(_ value: Double?, kpi: String, start: String) -> String? {
        guard let value else { return nil }
        guard KPICatalogue.kinds[kpi] == .month, let first = YearMonth(start) else {
            return Schema.format(value)
        }
        return first.adding(months: Int(value.rounded())).description
    }

    // MARK: Text

    /// The ranking as a table (P50 of the ranking KPI and the objectives, with the ranking KPI's
    /// P10–P90), the Pareto front marked, then the noise verdicts.
    public func text() -> String {
        let shown = [by] + objectives.filter { $0 != by }
        let header = ["rank", "plan", "runs"] + shown.map { "\($0) P50" } + ["\(by) P10–P90", "Pareto"]
        let rows = plans.map { plan -> [String] in
            let spread = plan.spread(by)
            let band = [spread?.p10, spread?.p90].map { value in
                Self.rendered(value, kpi: by, start: plan.start).map(KPITable.readable) ?? "never"
            }
            return ["\(plan.rank)", plan.name, "\(plan.runs)"]
                + shown.map { kpi in
                    plan.spread(kpi).map {
                        Self.rendered($0.p50, kpi: kpi, start: plan.start).map(KPITable.readable) ?? "never"
                    }
                        ?? "-"
                } + [band.joined(separator: " – "), plan.pareto ? "*" : ""]
        }
        let better = KPICatalogue.higherIsBetter.contains(by) ? "higher is better" : "lower is better"
        var text = """
            metro6 compare \(sweep): \(plans.count) plans, \(runsFound) of \(runsInSweep) runs, ranked by \(by) P50 (\(better))
            Pareto front (*) over \(objectives.joined(separator: ", ")) (P50)

            """
        text += TextTable.render(header: header, rows: rows, leftAligned: [1, header.count - 1])
        guard !noise.isEmpty else { return text }
        text += "\nPaired differences in \(by) (same random numbers per replication, 95% interval)\n"
        for entry in noise {
            let interval = entry.interval.map {
                "[\(KPITable.readable(Schema.format($0.lowerBound))), \(KPITable.readable(Schema.format($0.upperBound)))]"
            }
            let verdict = entry.withinNoise ? "within noise" : "a real difference"
            text +=
                "  \(entry.plan) − \(entry.against): mean \(KPITable.readable(Schema.format(entry.meanDifference)))"
                + " \(interval ?? "(too few pairs)") over \(entry.pairs) replications: \(verdict)\n"
        }
        return text
    }

    // MARK: JSON

    private struct JSONPlan: Encodable {
        var plan: String
        var variant: Int
        var runs: Int
        var kpis: [String: JSONValueSpread]
        var pareto: Bool
        var rank: Int
    }

    /// A spread whose values are numbers, or months as `YYYY-MM` (as `metro6 run` writes them).
    private enum JSONValueSpread: Encodable {
        case numbers(Spread)
        case months(RunResult.MonthSpread)

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .numbers(let spread): try spread.encode(to: encoder)
            case .months(let spread): try spread.encode(to: encoder)
            }
        }
    }

    private struct JSONNoise: Encodable {
        var plan: String
        var against: String
        var kpi: String
        var pairs: Int
        var meanDifference: Double
        var low: Double?
        var high: Double?
        var withinNoise: Bool

        enum CodingKeys: String, CodingKey {
            case plan, against, kpi, pairs, meanDifference, low, high, withinNoise
        }

        /// No interval is `null`, not left out.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(plan, forKey: .plan)
            try container.encode(against, forKey: .against)
            try container.encode(kpi, forKey: .kpi)
            try container.encode(pairs, forKey: .pairs)
            try container.encode(meanDifference, forKey: .meanDifference)
            try container.encode(low, forKey: .low)
            try container.encode(high, forKey: .high)
            try container.encode(withinNoise, forKey: .withinNoise)
        }
    }

    private struct Document: Encodable {
        var sweep: String
        var by: String
        var objectives: [String]
        var runs: Int
        var runsInSweep: Int
        var plans: [JSONPlan]
        var noise: [JSONNoise]
    }

    /// `{sweep, by, objectives, runs, runsInSweep, plans: [{plan, variant, runs, kpis: {NAME:
    /// {p10, p50, p90, mean}}, pareto, rank}], noise: [...]}` (docs/sweeps.md).
    public func json() throws -> String {
        let document = Document(
            sweep: sweep, by: by, objectives: objectives, runs: runsFound, runsInSweep: runsInSweep,
            plans: plans.map { plan in
                JSONPlan(
                    plan: plan.name, variant: plan.variant, runs: plan.runs,
                    kpis: Dictionary(
                        uniqueKeysWithValues: plan.kpis.map { kpi in
                            guard KPICatalogue.kinds[kpi.name] == .month else {
                                return (kpi.name, .numbers(kpi.spread))
                            }
                            let month = { (value: Double?) in
                                Self.rendered(value, kpi: kpi.name, start: plan.start)
                            }
                            return (
                                kpi.name,
                                .months(
                                    RunResult.MonthSpread(
                                        p10: month(kpi.spread.p10), p50: month(kpi.spread.p50),
                                        p90: month(kpi.spread.p90), mean: month(kpi.spread.mean)))
                            )
                        }), pareto: plan.pareto, rank: plan.rank)
            },
            noise: noise.map {
                JSONNoise(
                    plan: $0.plan, against: $0.against, kpi: $0.kpi, pairs: $0.pairs,
                    meanDifference: $0.meanDifference,
                    low: $0.interval?.lowerBound, high: $0.interval?.upperBound, withinNoise: $0.withinNoise)
            })
        return try JSONOutput.string(document)
    }

    // MARK: CSV

    /// One row per plan and KPI: `rank,plan,runs,pareto,kpi,p10,p50,p90,mean`, full precision.
    public func csv() -> String {
        let rows = plans.flatMap { plan in
            plan.kpis.map { kpi in
                let spread = kpi.spread
                let values = [spread.p10, spread.p50, spread.p90, spread.mean].map {
                    Self.rendered($0, kpi: kpi.name, start: plan.start) ?? ""
                }
                return ["\(plan.rank)", plan.name, "\(plan.runs)", "\(plan.pareto)", kpi.name] + values
            }
        }
        return CSVRenderer.render(
            header: ["rank", "plan", "runs", "pareto", "kpi", "p10", "p50", "p90", "mean"], rows: rows)
    }
}
