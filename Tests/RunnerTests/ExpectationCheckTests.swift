import Foundation
import Scenario
import Testing

@testable import Runner

@Suite("Expectations checked on a run")
struct ExpectationCheckTests {
    static let everySection = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios/tiny/every-section.yaml").path

    @Test("the catalogue names exactly the KPIs the JSON holds with P10 / P50 / P90")
    func catalogue() throws {
        let report = try RunResult(
            inputs: try ScenarioLoader.inputs(path: Self.everySection), seed: 1, replications: 2, threads: 1)
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        var names: Set<String> = []
        func collect(_ node: Any?, _ prefix: String) {
            guard let object = node as? [String: Any] else { return }
            if object["p50"] != nil {
                names.insert(prefix)
                return
            }
            for (key, value) in object { collect(value, prefix.isEmpty ? key : "\(prefix).\(key)") }
        }
        collect(document["kpis"], "")
        for (key, value) in document["compute"] as? [String: Any] ?? [:] { collect(value, "compute.\(key)") }
        #expect(names == Set(KPICatalogue.kinds.keys))
    }

    /// A document shaped as the run's JSON, with one KPI's statistics.
    static func document(_ kpi: String, p50: Any, p90: Any = NSNull()) -> [String: Any] {
        ["kpis": [kpi: ["p10": p50, "p50": p50, "p90": p90, "mean": p50]]]
    }

    @Test(
        "months compare as months; never is later than every month",
        arguments: [
            ("month50 <= 2019-12", "2019-12" as String?, true), ("month50 < 2019-12", "2019-12", false),
            ("month50 >= 2019-11", "2019-12", true), ("month50 <= 2030-01", nil, false),
            ("month50 > 2030-01", nil, true), ("month50 == never", nil, true),
            ("month50 != never", nil, false), ("month50 == never", "2012-01", false),
        ])
    func months(text: String, value: String?, passes: Bool) throws {
        let outcome = ExpectationCheck.outcome(
            of: try Scenario.Expectation(text), in: Self.document("month50", p50: value ?? NSNull()))
        #expect(outcome.passed == passes, "\(text) with \(value ?? "never")")
    }

    @Test("the named statistic is the one compared, and a missing KPI fails with no value")
    func statistics() throws {
        let document = Self.document("incrementalNPV", p50: 5.0, p90: 12.0)
        let p50 = ExpectationCheck.outcome(of: try Scenario.Expectation("incrementalNPV > 10"), in: document)
        let p90 = ExpectationCheck.outcome(
            of: try Scenario.Expectation("p90(incrementalNPV) > 10"), in: document)
        #expect(!p50.passed && p50.value == "5")
        #expect(p90.passed && p90.value == "12")
        let missing = ExpectationCheck.outcome(
            of: try Scenario.Expectation("compute.utilization > 0"), in: document)
        #expect(!missing.passed && missing.value == nil)
        #expect(missing.line == "FAIL  compute.utilization > 0  (no such value in this run)")
    }
}
