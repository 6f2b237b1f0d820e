import Foundation
import Scenario
import Testing

@Suite("Expectations (plan gates)")
struct ExpectationTests {
    @Test("an expression names a KPI, a statistic, a comparison and a limit")
    func parses() throws {
        let gate = try Scenario.Expectation("p90(month90) <= 2022-06")
        #expect(gate.kpi == "month90")
        #expect(gate.statistic == .p90)
        #expect(gate.comparison == .lessOrEqual)
        #expect(gate.limit == .month(YearMonth(year: 2022, month: 6)))
        let npv = try Scenario.Expectation("  incrementalNPV>-1.5e6 ")
        #expect(npv.statistic == .p50 && npv.comparison == .greater && npv.limit == .number(-1.5e6))
        #expect(npv.text == "incrementalNPV>-1.5e6")
        #expect(try Scenario.Expectation("costByItem.cpeCampaigns < 1e9").kpi == "costByItem.cpeCampaigns")
        #expect(try Scenario.Expectation("mean(compute.p95Wait) <= 86400").statistic == .mean)
        #expect(try Scenario.Expectation("month50 == never").limit == .never)
    }

    @Test(
        "a bad expression names the column and what was expected there",
        arguments: [
            ("", 1, "a KPI name"),
            ("month55 <= 2019-12", 1, "a KPI the JSON names"),
            ("month50 =< 2019-12", 9, "one of <=, <, >=, >, ==, !="),
            ("month50 <= 2019-13", 12, "a month YYYY-MM or never for month50"),
            ("incrementalNPV > lots", 18, "a number for incrementalNPV"),
            ("incrementalNPV > 0 and more", 20, "the end of the expression"),
            ("p90(month90 <= 2022-06", 13, "')' after the KPI"),
            ("month90 < never", 11, "== or != with never"),
            ("npv > nan", 7, "a number for npv"),
        ])
    func problems(text: String, column: Int, expected: String) {
        do {
            _ = try Scenario.Expectation(text)
            Issue.record("'\(text)' parsed")
        } catch {
            #expect(error.column == column, "'\(text)': \(error)")
            #expect(error.expected.hasPrefix(expected), "'\(text)': \(error)")
        }
    }

    @Test("a scenario's expect list is checked when it loads, each problem at its line and column")
    func inScenario() throws {
        let tiny = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scenarios/tiny/two-districts.yaml")
        let text =
            try String(contentsOf: tiny, encoding: .utf8)
            + "expect:\n  - month50 <= 2019-12\n  - \"incrementalNPV >> 0\"\n"
        // The problem is at the second '>' of the last line: the column an editor shows for it.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let line = try #require(lines.last)
        let column = line.distance(from: line.startIndex, to: line.lastIndex(of: ">")!) + 1
        do {
            _ = try ScenarioLoader.load(text: text, file: "gates.yaml")
            Issue.record("loaded")
        } catch {
            let gate = try #require(error.errors.first { $0.path == "expect[1]" })
            #expect(gate.location.line == lines.count)
            #expect(gate.location.column == column)
            #expect(gate.expected == "a number for incrementalNPV")
        }
    }

    @Test("the comparisons hold as their symbols say")
    func comparisons() {
        let cases: [(Scenario.Expectation.Comparison, [Bool])] = [
            (.less, [true, false, false]), (.lessOrEqual, [true, true, false]),
            (.equal, [false, true, false]),
            (.notEqual, [true, false, true]), (.greaterOrEqual, [false, true, true]),
            (.greater, [false, false, true]),
        ]
        for (comparison, expected) in cases {
            #expect([1, 2, 3].map { comparison.holds($0, 2) } == expected, "\(comparison.rawValue)")
        }
    }
}
