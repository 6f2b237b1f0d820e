import Foundation
import TestSupport
import Testing

@testable import Runner

/// `metro6 sweep` as a user runs it: killed with SIGKILL in the middle, resumed, and compared.
@Suite("metro6 sweep, compare and merge")
struct SweepCommandTests {
    static let tiny = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios/tiny")

    /// A sweep of `replications` replications of the two-district city's six variants, in `folder`.
    static func sweepFile(in folder: TemporaryFolder, replications: Int) throws -> String {
        let text = try String(
            contentsOf: tiny.appendingPathComponent("two-districts-sweep.yaml"), encoding: .utf8
        )
        .replacingOccurrences(of: "base: two-districts.yaml", with: "base: \(tiny.path)/two-districts.yaml")
        .replacingOccurrences(of: "replications: 6", with: "replications: \(replications)")
        let path = folder.path("long-sweep.yaml")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Runs written so far (0 before the file has its tables).
    static func runsWritten(_ path: String) -> Int {
        guard FileManager.default.fileExists(atPath: path),
            let database = try? SQLiteDatabase(path: path, create: false, readOnly: true, busySeconds: 1),
            let rows = try? database.rows("SELECT count(*) FROM runs")
        else { return 0 }
        return Int(rows.first?.first?.integer ?? 0)
    }

    @Test("kill -9 in the middle, then --resume: the results of an uninterrupted sweep, none lost or twice")
    func killedAndResumed() throws {
        let folder = try TemporaryFolder("metro6-sweep-cli")
        let sweep = try Self.sweepFile(in: folder, replications: 60)  // 360 runs, a few seconds
        let killed = folder.path("killed.sqlite")
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = ["sweep", sweep, "--out", killed, "--workers", "2", "--quiet"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while Self.runsWritten(killed) < 40 && process.isRunning && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(process.isRunning, "the sweep ended before it could be killed: make it longer")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        let before = Self.runsWritten(killed)
        #expect(before >= 40 && before < 360)

        let database = try SQLiteDatabase(path: killed, create: false)
        #expect(try database.rows("PRAGMA integrity_check") == [[.text("ok")]])
        let resumed = try CommandLineTests().run(["sweep", sweep, "--out", killed, "--resume", "--quiet"])
        #expect(resumed.status == 0, "\(resumed.error)")
        #expect(resumed.output.contains("ran \(360 - before) runs (\(before) were already done)"))
        #expect(try database.rows("PRAGMA integrity_check") == [[.text("ok")]])

        let whole = folder.path("whole.sqlite")
        let uninterrupted = try CommandLineTests().run(["sweep", sweep, "--out", whole, "--quiet"])
        #expect(uninterrupted.status == 0, "\(uninterrupted.error)")
        #expect(try SweepTestsDump.rows(killed) == (try SweepTestsDump.rows(whole)))
    }

    @Test("compare ranks, marks the front and names noise; formats agree; bad KPIs and files exit 2")
    func compare() throws {
        let folder = try TemporaryFolder("metro6-sweep-cli")
        let results = folder.path("tiny.sqlite")
        let sweep = try CommandLineTests().run([
            "sweep", Self.tiny.appendingPathComponent("two-districts-sweep.yaml").path, "--out", results,
            "--quiet",
        ])
        #expect(sweep.status == 0, "\(sweep.error)")
        #expect(sweep.output.contains("6 variants (3 plans) × 6 replications = 36 runs"))

        let json = try CommandLineTests().run(["compare", results, "--format", "json"])
        #expect(json.status == 0)
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let plans = try #require(document["plans"] as? [[String: Any]])
        #expect(plans.count == 6 && plans.map { $0["rank"] as? Int } == (1...6).map { $0 })
        // Ranked by incrementalNPV P50, higher first.
        let p50s = plans.compactMap {
            (($0["kpis"] as? [String: Any])?["incrementalNPV"] as? [String: Any])?["p50"] as? Double
        }
        #expect(p50s.count == 6 && p50s == p50s.sorted(by: >))
        // "dslite-again" is "dslite" under another name: same numbers, and within noise.
        func plan(_ name: String) -> [String: Any]? { plans.first { $0["plan"] as? String == name } }
        let twin = try #require(plan("dslite-again budget.yearlyCapex=100000"))
        let original = try #require(plan("dslite budget.yearlyCapex=100000"))
        #expect(
            NSDictionary(dictionary: twin["kpis"] as? [String: Any] ?? [:])
                == NSDictionary(dictionary: original["kpis"] as? [String: Any] ?? [:]))
        #expect(twin["pareto"] as? Bool == original["pareto"] as? Bool)
        let noise = try #require(document["noise"] as? [[String: Any]])
        let pair = try #require(
            noise.first { $0["plan"] as? String == "dslite-again budget.yearlyCapex=100000" })
        #expect(pair["against"] as? String == "dslite budget.yearlyCapex=100000")
        #expect(pair["meanDifference"] as? Double == 0 && pair["withinNoise"] as? Bool == true)

        let csv = try CommandLineTests().run(["compare", results, "--format", "csv", "--by", "month50"])
        #expect(csv.status == 0)
        #expect(csv.output.hasPrefix("rank,plan,runs,pareto,kpi,p10,p50,p90,mean\n"))
        let text = try CommandLineTests().run(["compare", results])
        #expect(text.output.contains("ranked by incrementalNPV P50 (higher is better)"))
        #expect(text.output.contains("within noise"))

        // Gates on the plans' spreads, as on a run's: the best plan passes a bound its P50 meets.
        let best = try #require(p50s.first)
        let junit = folder.path("gates.xml")
        let gates = try CommandLineTests().run([
            "compare", results, "--top", "1", "--expect", "incrementalNPV >= \(best.rounded(.down))",
            "--expect", "p90(month90) <= 2012-12", "--junit", junit, "--format", "json",
        ])
        #expect(gates.status == 1)
        #expect(gates.error.contains("PASS  incrementalNPV >= \(Int(best.rounded(.down)))"))
        #expect(gates.error.contains("FAIL  p90(month90) <= 2012-12  (P90 never)"))
        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        #expect(xml.contains("<testsuites tests=\"2\" failures=\"1\""))
        #expect(xml.contains("classname=\"metro6.compare\""))
        let passing = try CommandLineTests().run(["compare", results, "--expect", "incrementalNPV > -1e9"])
        #expect(passing.status == 0 && passing.output.contains("Expectations\n"))

        let badKPI = try CommandLineTests().run(["compare", results, "--by", "npvv"])
        #expect(badKPI.status == 2 && badKPI.error.contains("no KPI named 'npvv'"))
        let notResults = try CommandLineTests().run([
            "compare", Self.tiny.appendingPathComponent("two-districts.yaml").path,
        ])
        #expect(notResults.status == 2 && notResults.error.contains("is not a Metro6 sweep results file"))
    }

    @Test("a bad sweep file exits 2 with its line and column; an existing results file is not overwritten")
    func refusals() throws {
        let folder = try TemporaryFolder("metro6-sweep-cli")
        let bad = folder.path("bad-sweep.yaml")
        try
            "replications: 2\nbase: \(Self.tiny.path)/two-districts.yaml\ngrid:\n  budget.yearlyCapex: [1e5, -1]\n"
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let outcome = try CommandLineTests().run(["sweep", bad, "--out", folder.path("bad.sqlite")])
        #expect(outcome.status == 2)
        #expect(outcome.error.hasPrefix("\(bad):4:29: budget.yearlyCapex: expected a number from 0"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("bad.sqlite")))

        let results = folder.path("results.sqlite")
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: results))
        let exists = try CommandLineTests().run([
            "sweep", Self.tiny.appendingPathComponent("two-districts-sweep.yaml").path, "--out", results,
        ])
        #expect(exists.status == 2 && exists.error.contains("exists: add --resume"))
        #expect(try String(contentsOfFile: results, encoding: .utf8) == "not a database")
    }
}

/// The rows that must not depend on how a sweep ran.
enum SweepTestsDump {
    static func rows(_ path: String) throws -> [String] {
        let database = try SQLiteDatabase(path: path, create: false, readOnly: true)
        return try [
            "SELECT * FROM runs ORDER BY run", "SELECT * FROM inputs ORDER BY run, path",
            "SELECT * FROM kpis ORDER BY run, kpi", "SELECT * FROM months ORDER BY run, month",
        ].map { try database.rows($0).map { "\($0)" }.joined(separator: "\n") }
    }
}
