import Foundation
import Report
import Scenario

/// An expectation checked on a run: the value it found and whether it holds.
public struct ExpectationOutcome: Sendable, Hashable {
    /// The expectation.
    public var expectation: Expectation
    /// The value compared, as the JSON shows it (a number, `YYYY-MM`, or `never`); nil when the
    /// run has no such value (no compute centre, say).
    public var value: String?
    /// Whether it holds.
    public var passed: Bool

    /// One line: verdict, expression, the statistic's value.
    public var line: String {
        let statistic = expectation.statistic.rawValue.uppercased()
        let found = value.map { "\(statistic) \($0)" } ?? "no such value in this run"
        return "\(passed ? "PASS" : "FAIL")  \(expectation.text)  (\(found))"
    }
}

/// Checks expectations on what `metro6 run --format json` reports, so a gate reads exactly the
/// numbers a person reads.
public enum ExpectationCheck {
    /// The outcome of each of `expectations` on a run's JSON (`RunResult.json()`), in order.
    public static func evaluate(_ expectations: [Expectation], onJSON json: String) throws
        -> [ExpectationOutcome]
    {
        let document = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] ?? [:]
        return expectations.map { outcome(of: $0, in: document) }
    }

    /// The outcomes as a JUnit suite named `suite`: a case per expectation, of class `className`.
    public static func junit(
        _ outcomes: [ExpectationOutcome], suite: String, className: String = "metro6.run"
    )
        -> JUnitReport
    {
        JUnitReport(
            name: suite,
            cases: outcomes.map { outcome in
                let statistic = outcome.expectation.statistic.rawValue.uppercased()
                let found = outcome.value ?? "no such value in this run"
                return JUnitReport.Case(
                    name: outcome.expectation.text, className: className,
                    verdict: outcome.passed
                        ? .passed
                        : .failed(
                            message: "\(outcome.expectation.kpi) \(statistic) is \(found)",
                            details:
                                "expected \(outcome.expectation.kpi) \(statistic) \(outcome.expectation.comparison.rawValue) "
                                + "\(outcome.expectation.limit), found \(found)"),
                    output: outcome.line)
            })
    }

    /// The `statistic` of `kpi` in a run's JSON document: a number, a `YYYY-MM` text, `NSNull`
    /// for a milestone never reached, or nil when the run has no such KPI.
    static func value(of kpi: String, _ statistic: Expectation.Statistic, in document: [String: Any]) -> Any?
    {
        let compute = kpi.hasPrefix("compute.")
        var node: Any? = compute ? document["compute"] : document["kpis"]
        let path = compute ? String(kpi.dropFirst("compute.".count)) : kpi
        for key in path.split(separator: ".") { node = (node as? [String: Any])?[String(key)] }
        return (node as? [String: Any])?[statistic.rawValue]
    }

    static func outcome(of expectation: Expectation, in document: [String: Any]) -> ExpectationOutcome {
        let value = value(of: expectation.kpi, expectation.statistic, in: document)
        switch (expectation.limit, value) {
        case (.number(let limit), let number as NSNumber):
            let found = number.doubleValue
            return ExpectationOutcome(
                expectation: expectation, value: Schema.format(found),
                passed: expectation.comparison.holds(found, limit))
        case (.month(let limit), let text as String):
            let month = YearMonth(text) ?? limit
            return ExpectationOutcome(
                expectation: expectation, value: text, passed: expectation.comparison.holds(month, limit))
        case (.month, is NSNull):
            // Never reached: later than every month.
            let passed = [.greater, .greaterOrEqual, .notEqual].contains(expectation.comparison)
            return ExpectationOutcome(expectation: expectation, value: "never", passed: passed)
        case (.never, let reached):
            let never = reached is NSNull
            return ExpectationOutcome(
                expectation: expectation, value: never ? "never" : (reached as? String),
                passed: (expectation.comparison == .equal) == never)
        default:
            return ExpectationOutcome(expectation: expectation, value: nil, passed: false)
        }
    }
}
