import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Counts a JUnit file's cases, failures and skipped cases as an XML parser reads them.
final class JUnitCounts: NSObject, XMLParserDelegate {
    var cases = 0
    var failures = 0
    var skipped = 0
    var failedNames: [String] = []
    var current = ""

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch name {
        case "testcase":
            cases += 1
            current = attributes["name"] ?? ""
        case "failure":
            failures += 1
            failedNames.append(current)
        case "skipped": skipped += 1
        default: break
        }
    }

    static func read(_ path: String) throws -> JUnitCounts {
        let counts = JUnitCounts()
        let parser = try #require(XMLParser(contentsOf: URL(fileURLWithPath: path)))
        parser.delegate = counts
        #expect(parser.parse(), "\(path) is not well-formed XML")
        return counts
    }
}

/// `metro6 run --expect` and `metro6 probe --waive/--min-score`, with JUnit output, end to end.
@Suite("Plan and probe gates")
struct GateTests {
    let cli = CommandLineTests()
    static let tiny = InputContractTests.repository.appendingPathComponent(
        "Scenarios/tiny/two-districts.yaml"
    ).path

    func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("metro6-\(UUID())-\(name)").path
    }

    @Test(
        "run --expect: limits at the run's own value pass or fail as the comparison says; exit 1 on a failure"
    )
    func runGates() throws {
        // The run's value, read from its JSON as a CI job would.
        let json = try cli.run(["run", Self.tiny, "--format", "json"])
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let kpis = try #require(document["kpis"] as? [String: Any])
        let npv = try #require((kpis["incrementalNPV"] as? [String: Any])?["p50"] as? Double)
        let limit = "\(npv)"
        let passing = try cli.run([
            "run", Self.tiny, "--expect", "incrementalNPV >= \(limit)", "--expect", "month50 == never",
        ])
        #expect(passing.status == 0, "\(passing.output)")
        #expect(passing.output.contains("Expectations\n  PASS  incrementalNPV >= \(limit)"))
        let junit = temporary("gates.xml")
        defer { try? FileManager.default.removeItem(atPath: junit) }
        let failing = try cli.run([
            "run", Self.tiny, "--expect", "incrementalNPV > \(limit)", "--expect", "month50 == never",
            "--expect", "month50 <= 2030-01", "--junit", junit,
        ])
        #expect(failing.status == 1)
        #expect(failing.output.contains("FAIL  incrementalNPV > \(limit)"))
        #expect(failing.output.contains("PASS  month50 == never"))
        #expect(failing.output.contains("FAIL  month50 <= 2030-01  (P50 never)"))
        let counts = try JUnitCounts.read(junit)
        #expect(counts.cases == 3 && counts.failures == 2)
        #expect(counts.failedNames == ["incrementalNPV > \(limit)", "month50 <= 2030-01"])
    }

    @Test("a scenario's own expect list gates the run; a bad one is exit 2 with its place")
    func scenarioGates() throws {
        let text = try String(contentsOfFile: Self.tiny, encoding: .utf8)
        let gated = temporary("gated.yaml")
        try (text + "expect:\n  - month50 <= 2030-01\n").write(
            toFile: gated, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: gated) }
        let outcome = try cli.run(["run", gated, "--format", "json"])
        #expect(outcome.status == 1)
        // JSON stays JSON: the verdicts go to standard error.
        #expect((try? JSONSerialization.jsonObject(with: Data(outcome.output.utf8))) != nil)
        #expect(outcome.error.contains("FAIL  month50 <= 2030-01"))
        let bad = temporary("bad-gate.yaml")
        try (text + "expect:\n  - month50 <= 2030\n").write(toFile: bad, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: bad) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count + 1
        let validate = try cli.run(["validate", bad])
        #expect(validate.status == 2)
        #expect(validate.error.hasPrefix("\(bad):\(lines):16: expect[0]: expected a month YYYY-MM or never"))
        let usage = try cli.run(["run", Self.tiny, "--expect", "month50 <= soon"])
        #expect(usage.status == 2)
        #expect(
            usage.error.contains("--expect 'month50 <= soon': column 12: expected a month YYYY-MM or never"))
    }

    @Test("probe: a waived check does not fail, --min-score does, and JUnit has a case per check")
    func probeGates() throws {
        // icmpv6.pcap scores 85 with one failing check, host-addresses (ProbeCommandTests).
        let capture = ProbeCommandTests.capture("tcpdump", "icmpv6.pcap")
        let plain = try cli.run(["probe", capture, "--format", "json"])
        #expect(plain.status == 1)
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(plain.output.utf8)) as? [String: Any])
        let score = try #require(document["score"] as? Int)
        let checks = try #require(document["checks"] as? [[String: Any]])
        let failing = checks.filter { $0["status"] as? String == "fail" }.compactMap { $0["id"] as? String }
        let notApplicable = checks.filter { $0["status"] as? String == "n/a" }.count
        #expect(!failing.isEmpty)
        let waivers = failing.flatMap { ["--waive", $0] }
        #expect(try cli.run(["probe", capture] + waivers).status == 0)
        #expect(try cli.run(["probe", capture, "--min-score", "\(score)"] + waivers).status == 0)
        #expect(try cli.run(["probe", capture, "--min-score", "\(score + 1)"] + waivers).status == 1)
        let junit = temporary("probe.xml")
        defer { try? FileManager.default.removeItem(atPath: junit) }
        let gated = try cli.run(["probe", capture, "--min-score", "\(score + 1)", "--junit", junit])
        #expect(gated.status == 1)
        let counts = try JUnitCounts.read(junit)
        #expect(counts.cases == checks.count + 1)
        #expect(counts.failures == failing.count + 1)
        #expect(counts.skipped == notApplicable)
        let unknown = try cli.run(["probe", capture, "--waive", "no-such-check"])
        #expect(unknown.status == 2)
        #expect(unknown.error.hasPrefix("error: --waive names no check: no-such-check (checks: ipv6-traffic"))
    }
}
