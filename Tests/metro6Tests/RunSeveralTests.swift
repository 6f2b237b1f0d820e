import Foundation
import Testing

/// The small steps a planner takes first: `run --set`, several scenarios side by side, and
/// `--skip compute`.
@Suite("metro6 run: overrides, several scenarios, sections left out")
struct RunSeveralTests {
    let cli = CommandLineTests()
    static let tiny = InputContractTests.repository.appendingPathComponent(
        "Scenarios/tiny/two-districts.yaml"
    ).path
    static let every = InputContractTests.repository.appendingPathComponent(
        "Scenarios/tiny/every-section.yaml"
    ).path

    func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func p50(_ document: [String: Any], _ kpi: String) -> Any? {
        ((document["kpis"] as? [String: Any])?[kpi] as? [String: Any])?["p50"]
    }

    @Test("--set changes the value the run uses: a budget that no longer binds pays the same actions earlier")
    func set() throws {
        let base = try object(cli.run(["run", Self.tiny, "--format", "json"]).output)
        let rich = try object(
            cli.run(["run", Self.tiny, "--format", "json", "--set", "budget.yearlyCapex=1e7"]).output)
        #expect(rich["scenario"] as? String == "Two districts")
        // The tiny city's programme is held back by its capital (a binding constraint). With 100
        // times the budget the same actions cost the same, but nothing waits for money: they are
        // paid earlier, so their present value, and the plan's incremental NPV, is lower.
        func constraints(_ document: [String: Any]) -> [String] {
            ((document["kpis"] as? [String: Any])?["bindingConstraints"] as? [[String: Any]] ?? [])
                .compactMap { $0["constraint"] as? String }
        }
        #expect(constraints(base).contains("capital") && !constraints(rich).contains("capital"))
        #expect(p50(base, "programmeCost") as? Double == p50(rich, "programmeCost") as? Double)
        let npv = try #require(p50(base, "incrementalNPV") as? Double)
        let richNPV = try #require(p50(rich, "incrementalNPV") as? Double)
        #expect(richNPV < npv)
        let bad = try cli.run(["run", Self.tiny, "--set", "budget.yearlyCapex=-5"])
        #expect(bad.status == 2)
        #expect(
            bad.error.hasPrefix("--set budget.yearlyCapex=-5:1:26: budget.yearlyCapex: expected a number"))
        #expect(bad.output.isEmpty)
    }

    @Test("several scenarios: a column each, the numbers their single runs print")
    func sideBySide() throws {
        let single = try object(cli.run(["run", Self.tiny, "--format", "json", "--skip", "compute"]).output)
        let other = try object(cli.run(["run", Self.every, "--format", "json", "--skip", "compute"]).output)
        let both = try cli.run(["run", Self.tiny, Self.every, "--format", "json", "--skip", "compute"])
        #expect(both.status == 0)
        let array = try #require(
            try JSONSerialization.jsonObject(with: Data(both.output.utf8)) as? [[String: Any]])
        #expect(array.count == 2)
        #expect(NSDictionary(dictionary: array[0]).isEqual(to: single))
        #expect(NSDictionary(dictionary: array[1]).isEqual(to: other))

        let csv = try cli.run(["run", Self.tiny, Self.every, "--format", "csv", "--skip", "compute"]).output
        let rows = csv.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        #expect(rows[0] == ["kpi", "two-districts", "every-section"])
        let npv = try #require(rows.first { $0[0] == "incrementalNPV" })
        #expect(Double(npv[1]) == p50(single, "incrementalNPV") as? Double)
        #expect(Double(npv[2]) == p50(other, "incrementalNPV") as? Double)
        let month50 = try #require(rows.first { $0[0] == "month50" })
        #expect(String(month50[1]) == (p50(single, "month50") as? String ?? "never"))

        let text = try cli.run(["run", Self.tiny, Self.every, "--skip", "compute"]).output
        #expect(text.hasPrefix("metro6 run: 2 scenarios, one replication\n"))
        #expect(text.contains("two-districts") && text.contains("every-section"))
        let byDistrict = try cli.run(["run", Self.tiny, Self.every, "--format", "csv", "--by", "district"])
        #expect(byDistrict.status == 2)
    }

    @Test("--skip compute: no compute block, and the network's numbers do not move")
    func skipCompute() throws {
        let whole = try object(cli.run(["run", Self.every, "--format", "json"]).output)
        let network = try object(
            cli.run(["run", Self.every, "--format", "json", "--skip", "compute"]).output)
        #expect(whole["compute"] != nil)
        #expect(network["compute"] == nil)
        let wholeKPIs = try #require(whole["kpis"] as? [String: Any])
        let networkKPIs = try #require(network["kpis"] as? [String: Any])
        #expect(NSDictionary(dictionary: wholeKPIs).isEqual(to: networkKPIs))
    }

    @Test("gates over several scenarios: a line each, one JUnit suite each, exit 1 when one fails")
    func gates() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "metro6-several-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let junit = folder.appendingPathComponent("gates.xml").path
        let outcome = try cli.run([
            "run", Self.tiny, Self.every, "--skip", "compute", "--expect", "incrementalNPV > 0", "--junit",
            junit,
        ])
        let lines = outcome.output.split(separator: "\n").filter { $0.contains("incrementalNPV > 0") }
        #expect(lines.count == 2)
        #expect(lines[0].contains("two-districts: FAIL"))
        #expect(outcome.status == 1)
        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        #expect(xml.components(separatedBy: "<testsuite ").count == 3)
        #expect(xml.contains("<testsuites tests=\"2\""))
    }
}
