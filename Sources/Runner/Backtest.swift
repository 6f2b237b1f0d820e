import Foundation
import MetroModel
import Report
import Scenario
import SimCore

/// A scenario checked against published figures: for each point, the model's P10/P50/P90 in
/// that month beside the figure, the error of the P50, whether it is within the point's tolerance
/// and whether the P10–P90 band covers it.
public struct Backtest: Sendable {
    /// One figure against the model.
    public struct Comparison: Sendable, Hashable, Encodable {
        public var month: String
        public var metric: String
        public var kind: String
        public var source: String
        public var actual: Double
        public var p10: Double
        public var p50: Double
        public var p90: Double
        /// P50 − actual.
        public var error: Double
        public var tolerance: Double?
        /// |error| ≤ tolerance; nil without a tolerance.
        public var withinTolerance: Bool?
        /// The actual lies inside P10–P90.
        public var covered: Bool

        enum CodingKeys: String, CodingKey {
            case month, metric, kind, source, actual, p10, p50, p90, error, tolerance, withinTolerance,
                covered
        }

        /// Absent values are `null`, not left out.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(month, forKey: .month)
            try container.encode(metric, forKey: .metric)
            try container.encode(kind, forKey: .kind)
            try container.encode(source, forKey: .source)
            try container.encode(actual, forKey: .actual)
            try container.encode(p10, forKey: .p10)
            try container.encode(p50, forKey: .p50)
            try container.encode(p90, forKey: .p90)
            try container.encode(error, forKey: .error)
            try container.encode(tolerance, forKey: .tolerance)
            try container.encode(withinTolerance, forKey: .withinTolerance)
            try container.encode(covered, forKey: .covered)
        }
    }

    /// The actual points at a glance.
    public struct Summary: Sendable, Hashable, Encodable {
        /// Points of kind `actual`.
        public var actualPoints: Int
        /// Of those with a tolerance, how many are within it.
        public var withinTolerance: Int
        /// Of the actual points, how many P10–P90 covers.
        public var covered: Int
        /// The mean |error| over the actual points of each metric.
        public var meanAbsoluteError: [String: Double]
    }

    public let scenario: ScenarioFile
    public let actualsFile: String
    public let replications: Int
    public let comparisons: [Comparison]
    /// The model's spread of each metric the actuals name, month by month over the horizon.
    public let bands: [(metric: Actuals.Metric, months: [Spread])]

    /// Runs the network of `inputs` `replications` times from `seed` and compares it with every
    /// point of `actuals`; a point outside the scenario's horizon is an error at its position.
    public init(
        inputs: ScenarioInputs, actuals: Actuals, actualsFile: String, seed: UInt64, replications: Int,
        threads: Int? = nil
    ) throws(ScenarioErrors) {
        let scenario = inputs.central
        try Self.checkMonths(of: actuals, within: scenario)
        self.scenario = scenario
        self.actualsFile = actualsFile
        self.replications = replications
        let results = try ReplicationRunner.run(
            inputs, seed: seed, replications: replications, threads: threads
        ).results
        comparisons = Self.compare(results, start: scenario.start, with: actuals)
        let metrics = Actuals.Metric.allCases.filter { metric in
            actuals.points.contains { $0.metric == metric }
        }
        let months = results.map(\.months.count).min() ?? 0
        bands = metrics.map { metric in
            (
                metric,
                (0..<months).map { month in
                    Spread(results.map { Self.value(of: metric, in: $0.months[month]) })
                }
            )
        }
    }

    /// An error at each point outside `scenario`'s horizon.
    static func checkMonths(of actuals: Actuals, within scenario: ScenarioFile) throws(ScenarioErrors) {
        let problems = zip(actuals.points, actuals.locations).compactMap {
            point, location -> ScenarioError? in
            guard point.month < scenario.start || point.month >= scenario.end else { return nil }
            return ScenarioError(
                location: location, path: "month",
                expected:
                    "a month from \(scenario.start) to \(scenario.end.adding(months: -1)) (the scenario's horizon)",
                found: "\(point.month)")
        }
        if !problems.isEmpty { throw ScenarioErrors(problems) }
    }

    /// Each point of `actuals` beside the P10/P50/P90 of `results` (runs starting at `start`).
    static func compare(_ results: [RolloutResult], start: YearMonth, with actuals: Actuals) -> [Comparison] {
        actuals.points.map { point in
            let month = start.months(to: point.month)
            let values = results.map { Self.value(of: point.metric, in: $0.months[month]) }
            let spread = Spread(values)
            let p50 = spread.p50 ?? 0
            let error = p50 - point.value
            return Comparison(
                month: point.month.description, metric: point.metric.rawValue, kind: point.kind.rawValue,
                source: point.source, actual: point.value, p10: spread.p10 ?? 0, p50: p50,
                p90: spread.p90 ?? 0,
                error: error, tolerance: point.tolerance,
                withinTolerance: point.tolerance.map { abs(error) <= $0 },
                covered: (spread.p10 ?? 0) <= point.value && point.value <= (spread.p90 ?? 0))
        }
    }

    /// The metric's value in a month of a run.
    static func value(of metric: Actuals.Metric, in month: MonthlyOutput) -> Double {
        let n = Double(Swift.max(1, month.subscribers))
        switch metric {
        case .fixedIPv6TrafficShare: return month.ipv6TrafficShare
        case .ipv6EnabledShare: return Double(month.ipv6EnabledSubscribers) / n
        case .subscribers: return Double(month.subscribers)
        case .ftthShare: return Double(month.fibreSubscribers) / n
        }
    }

    /// The actual points' tally.
    public var summary: Summary {
        let actual = comparisons.filter { $0.kind == Actuals.Kind.actual.rawValue }
        var errors: [String: [Double]] = [:]
        for comparison in actual { errors[comparison.metric, default: []].append(abs(comparison.error)) }
        return Summary(
            actualPoints: actual.count, withinTolerance: actual.filter { $0.withinTolerance == true }.count,
            covered: actual.filter(\.covered).count,
            meanAbsoluteError: errors.mapValues { $0.reduce(0, +) / Double($0.count) })
    }

    /// Whether every actual point with a tolerance is within it (the exit status).
    public var passed: Bool {
        comparisons.allSatisfy { $0.kind != Actuals.Kind.actual.rawValue || $0.withinTolerance != false }
    }

    struct Document: Encodable {
        var scenario: String
        var actuals: String
        var replications: Int
        var points: [Comparison]
        var summary: Summary
    }

    /// `{scenario, actuals, replications, points, summary}` (docs/backtest.md).
    public func json() throws -> String {
        let document = Document(
            scenario: scenario.name, actuals: actualsFile, replications: replications, points: comparisons,
            summary: summary)
        return try JSONOutput.string(document)
    }

    /// A table a planner reads at a glance: each point, the model's band, the verdict.
    public func text() -> String {
        var out = "\(PrintableText.escape(scenario.name)) against \(actualsFile)\n"
        out += "  \(replications) replication\(replications == 1 ? "" : "s"); P50 ± tolerance decides, "
        out += "P10–P90 shows the spread\n\n"
        out +=
            "month    metric                  kind      actual        P10        P50        P90   error  verdict\n"
        for c in comparisons {
            let share = c.metric != Actuals.Metric.subscribers.rawValue
            func number(_ value: Double) -> String {
                share ? String(format: "%9.1f%%", 100 * value) : String(format: "%10.3gM", value / 1e6)
            }
            let verdict: String
            switch c.withinTolerance {
            case true?: verdict = "ok"
            case false?: verdict = c.kind == Actuals.Kind.actual.rawValue ? "FAIL" : "off target"
            case nil: verdict = c.covered ? "covered" : "-"
            }
            out += c.month.padding(toLength: 9, withPad: " ", startingAt: 0)
            out += c.metric.padding(toLength: 24, withPad: " ", startingAt: 0)
            out += c.kind.padding(toLength: 7, withPad: " ", startingAt: 0)
            out += [c.actual, c.p10, c.p50, c.p90].map(number).joined(separator: " ")
            out +=
                share ? String(format: "  %+6.1f", 100 * c.error) : String(format: " %+6.2gM", c.error / 1e6)
            out += "  " + verdict + "\n"
        }
        let s = summary
        out += "\n\(s.actualPoints) actual points: \(s.withinTolerance) within tolerance, "
        out += "\(s.covered) inside P10–P90; \(passed ? "PASS" : "FAIL")\n"
        return out
    }
}
