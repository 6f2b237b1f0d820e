import Foundation
import Testing

/// End-to-end tests: run the built `metro6` binary as a user would.
@Suite("metro6 command line")
struct CommandLineTests {
    struct Outcome {
        var status: Int32
        var output: String
        var error: String
    }

    /// The `metro6` built beside this test bundle.
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("metro6")
    }

    /// Runs the binary with `arguments`, and with the file `input` on standard input if given.
    func run(_ arguments: [String], input: String? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        if let input { process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: input)) }
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
            error: String(decoding: errData, as: UTF8.self))
    }

    struct PHOLDOutput: Decodable {
        var events: Int
        var seconds: Double
        var eventsPerSecond: Double
        var finalTime: Double
        var checksum: String
    }

    func phold(_ extra: [String]) throws -> PHOLDOutput {
        let outcome = try run(
            ["bench", "phold", "--lps", "64", "--population", "4", "--events", "20000", "--format", "json"]
                + extra)
        #expect(outcome.status == 0, "\(outcome.error)")
        return try JSONDecoder().decode(PHOLDOutput.self, from: Data(outcome.output.utf8))
    }

    @Test("--help tells a newcomer what the tool does and lists the subcommands")
    func help() throws {
        let outcome = try run(["--help"])
        #expect(outcome.status == 0)
        #expect(
            outcome.output == """
                OVERVIEW: Plan and check a city's move from IPv4 to IPv6 broadband.

                Metro6 simulates a broadband metro network's move to IPv6 month by month and
                reports when subscribers get working IPv6, what it costs and how much IPv4 and
                CGNAT are still needed. Start with `metro6 run` (the bundled Shenzhen 2011
                scenario); write your own scenario (docs/scenarios.md) and check it with
                `metro6 validate`. `metro6 probe` reads packet captures of a real network and
                reports how ready it is for IPv6 (docs/probe.md).

                Exit status: 0 ran and found nothing wrong; 1 ran and found problems (a failed
                check, a backtest out of tolerance, a broken SLA); 2 the input or the command
                line was wrong or unreadable.

                USAGE: metro6 <subcommand>

                OPTIONS:
                  --version               Show the version.
                  -h, --help              Show help information.

                SUBCOMMANDS:
                  run                     Simulate a rollout plan (the bundled Shenzhen 2011
                                          scenario by default).
                  report                  Write a scenario's run or a sweep's results as an
                                          HTML page with charts.
                  sweep                   Run every plan of a sweep file over its replications,
                                          results into SQLite.
                  compare                 Rank the plans of a sweep's results: P10/P50/P90, the
                                          Pareto front, Monte Carlo noise.
                  merge                   Join the results files of a sweep's shards into one.
                  backtest                Check a scenario against published figures (actuals
                                          and targets).
                  calibrate               Fit a scenario's inputs to published figures
                                          (actuals).
                  init                    Write a commented starter scenario to edit.
                  validate                Check scenario files (YAML or JSON) without running
                                          them.
                  schema                  Print the JSON Schema of scenario files (for editors).
                  compute                 Simulate the supercomputing centre's batch scheduler
                                          on a job trace.
                  probe                   Read packet captures or a live interface and report
                                          how ready the network is for IPv6.
                  bench                   Measure the engine (phold), a scenario's run, the
                                          schedulers and the probe.

                  See 'metro6 help <subcommand>' for detailed help.

                """)
    }

    @Test("--version prints the version")
    func version() throws {
        let outcome = try run(["--version"])
        #expect(outcome.status == 0)
        #expect(outcome.output == "0.1.0\n")
    }

    @Test("bench phold: JSON with the documented keys; same seed, same checksum on either calendar")
    func pholdJSON() throws {
        let first = try phold([])
        #expect(first.events == 20_000)
        #expect(first.checksum.count == 16 && UInt64(first.checksum, radix: 16) != nil)
        #expect(first.seconds > 0 && first.eventsPerSecond > 0 && first.finalTime > 0)
        #expect(try phold(["--calendar", "heap"]).checksum == first.checksum)
        #expect(try phold(["--seed", "2"]).checksum != first.checksum)
    }

    @Test("bench phold: text output names the figures")
    func pholdText() throws {
        let outcome = try run(["bench", "phold", "--lps", "8", "--events", "1000"])
        #expect(outcome.status == 0)
        for label in ["events/s", "checksum", "final time"] { #expect(outcome.output.contains(label)) }
    }

    @Test("bench phold: a bad parameter is a usage error that says what is wrong")
    func pholdBadInput() throws {
        let outcome = try run(["bench", "phold", "--lps", "0"])
        #expect(outcome.status == 2)
        #expect(outcome.error.contains("logical processes must be from 1 to 10000000"))
        let notANumber = try run(["bench", "phold", "--remote", "often"])
        #expect(notANumber.status == 2)
        #expect(notANumber.error.contains("--remote"))
    }
}

/// End-to-end tests of `metro6 compute`.
@Suite("metro6 compute")
struct ComputeCommandTests {
    let cli = CommandLineTests()

    func temporaryFile(_ name: String, _ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("metro6-\(UUID())-\(name)")
            .path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("JSON has the documented keys and the trace's figures")
    func json() throws {
        let trace = try temporaryFile(
            "two.swf",
            """
            ; MaxProcs: 4
            1 0 -1 100 4 -1 -1 4 100 -1 1 1 -1 -1 -1 -1 -1 -1
            2 0 -1 50 4 -1 -1 4 60 -1 1 1 -1 -1 -1 -1 -1 -1
            """)
        defer { try? FileManager.default.removeItem(atPath: trace) }
        let outcome = try cli.run(["compute", "--trace", trace, "--scheduler", "fcfs", "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.error)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any])
        for key in [
            "jobs", "skippedJobs", "utilization", "meanWait", "p95Wait", "maxWait", "meanBoundedSlowdown",
            "makespan",
            "simulatedEventsPerSecond",
        ] {
            #expect(object[key] != nil, "missing \(key)")
        }
        // Job 2 waits for job 1: waits 0 and 100, makespan 150, the machine always full.
        #expect(object["jobs"] as? Int == 2)
        #expect(object["meanWait"] as? Double == 50)
        #expect(object["makespan"] as? Double == 150)
        #expect(object["utilization"] as? Double == 1)
    }

    @Test("--sla-p95-wait and the power model add their figures")
    func slaAndEnergy() throws {
        // Two 4-core jobs on a 4-core machine: job 2 waits 100 s. An SLA of 10 s breaks in month
        // 1 and one more 4-core node keeps it. Energy: 1 node × 150 s at 100 W idle plus 600 busy
        // core-seconds / 4 × 200 W more = 45,000 J, × 1.5 = 67,500 J.
        let trace = try temporaryFile(
            "sla.swf",
            """
            1 0 -1 100 4 -1 -1 4 100 -1 1 1 -1 -1 -1 -1 -1 -1
            2 0 -1 50 4 -1 -1 4 60 -1 1 1 -1 -1 -1 -1 -1 -1
            """)
        defer { try? FileManager.default.removeItem(atPath: trace) }
        let outcome = try cli.run([
            "compute", "--trace", trace, "--cores", "4", "--node-cores", "4", "--sla-p95-wait", "10",
            "--idle-watts", "100", "--busy-watts", "300", "--pue", "1.5", "--format", "json",
        ])
        // The SLA is broken: the run found a problem, status 1, and still prints its figures.
        #expect(outcome.status == 1, "\(outcome.error)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any])
        let sla = try #require(object["sla"] as? [String: Any])
        #expect(sla["firstBreachPeriod"] as? Int == 0)
        #expect(sla["processorsToAdd"] as? Int == 4)
        let energy = try #require(object["energyKWh"] as? Double)
        #expect(abs(energy - 67_500 / 3.6e6) < 1e-12)
        let unpaired = try cli.run(["compute", "--trace", trace, "--idle-watts", "100"])
        #expect(unpaired.status == 2)
    }

    @Test("a bad line is skipped and named; --strict stops with exit code 2")
    func badTrace() throws {
        let trace = try temporaryFile(
            "bad.swf",
            """
            1 0 -1 100 4 -1 -1 4 100 -1 1 1 -1 -1 -1 -1 -1 -1
            2 0 -1 fifty 4 -1 -1 4 60 -1 1 1 -1 -1 -1 -1 -1 -1
            """)
        defer { try? FileManager.default.removeItem(atPath: trace) }
        let lenient = try cli.run(["compute", "--trace", trace, "--cores", "8"])
        #expect(lenient.status == 0)
        #expect(lenient.error.contains("\(trace):2: field 4 is not a number: 'fifty'"))
        let line = lenient.output.split(separator: "\n").first { $0.contains("bad trace lines") }
        #expect(line?.hasSuffix(" 1") == true, "\(lenient.output)")
        let strict = try cli.run(["compute", "--trace", trace, "--cores", "8", "--strict"])
        #expect(strict.status == 2)
        #expect(strict.error.contains("\(trace):2: field 4 is not a number"))
    }

    @Test("a synthetic stream runs, and usage errors say what is missing")
    func synthetic() throws {
        let outcome = try cli.run(["compute", "--synthetic", "2000", "--cores", "256", "--format", "json"])
        #expect(outcome.status == 0)
        let neither = try cli.run(["compute"])
        #expect(neither.status == 2)
        #expect(neither.error.contains("give either --trace FILE or --synthetic JOBS"))
        let tooWide = try cli.run(["compute", "--synthetic", "10", "--cores", "16"])
        #expect(tooWide.status == 2)
        #expect(tooWide.error.contains("widest job"))
    }
}

/// End-to-end tests of `metro6 validate` and `metro6 schema`.
@Suite("metro6 validate and schema")
struct ScenarioCommandTests {
    let cli = ComputeCommandTests()

    static let tiny = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios/tiny/two-districts.yaml").path

    @Test("validate: a good file passes; a bad one gets file:line:column messages and exit code 2")
    func validate() throws {
        let text = try String(contentsOfFile: Self.tiny, encoding: .utf8)
        let bad = try cli.temporaryFile(
            "bad.yaml", text.replacingOccurrences(of: "months: 24", with: "months: 0"))
        defer { try? FileManager.default.removeItem(atPath: bad) }
        let passed = try cli.cli.run(["validate", Self.tiny])
        #expect(passed.status == 0)
        #expect(passed.output.contains("valid — Two districts, 2 districts"))
        let failed = try cli.cli.run(["validate", Self.tiny, bad])
        #expect(failed.status == 2)
        #expect(
            failed.error == "\(bad):5:9: months: expected a whole number from 1 to 1200 (months), found 0\n")
    }

    @Test("run: the bundled city with no file; JSON with the documented keys")
    func run() throws {
        // Six months keep this fast in a debug build; the horizon is the bundled one's otherwise.
        let outcome = try cli.cli.run(["run", "--months", "6", "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.error)")
        let root = try #require(
            try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any])
        #expect(root["scenario"] as? String == "Shenzhen 2011 (dual-stack + CGNAT, BNG first)")
        #expect(root["replications"] as? Int == 1)
        let months = try #require(root["months"] as? [[String: Any]])
        #expect(months.count == 6)
        #expect(months.first?["month"] as? String == "2011-05")
        #expect(root["compute"] != nil)
        for key in [
            "month", "subscribers", "ipv6AvailableSubscribers", "ipv6EnabledSubscribers",
            "ipv6SubscribersByMode",
            "ipv6TrafficShare", "publicIPv4InUse", "natSubscribers", "publicIPv4Subscribers",
            "cgnatThroughputGbps",
            "cgnatSessions", "natLogBytes", "cgnatUtilization", "peakLinkUtilization", "capexCumulative",
            "opexCumulative", "programmeCostCumulative", "businessAsUsualCostCumulative", "truckRolls",
            "slippedActions",
        ] {
            #expect(months[0][key] != nil, "missing \(key)")
        }
        let kpis = try #require(root["kpis"] as? [String: Any])
        for key in [
            "month50", "month90", "finalIPv6TrafficShare", "peakCGNATUtilization", "ipv4Purchased", "npv",
            "baselineNPV", "incrementalNPV", "programmeCost", "truckRolls", "unmetDemandMonths",
        ] {
            // One replication has the same shape as many: a spread.
            let spread = try #require(kpis[key] as? [String: Any], "missing \(key)")
            #expect(Set(spread.keys) == ["p10", "p50", "p90", "mean"])
        }
        #expect(kpis["bindingConstraints"] is [Any])
    }

    @Test("run: replications report P10/P50/P90; a bad file is exit code 2 with nothing on standard output")
    func runReplications() throws {
        let outcome = try cli.cli.run(["run", Self.tiny, "--replications", "4", "--format", "json"])
        #expect(outcome.status == 0)
        let root = try #require(
            try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any])
        let npv = try #require((root["kpis"] as? [String: Any])?["npv"] as? [String: Any])
        #expect(Set(npv.keys) == ["p10", "p50", "p90", "mean"])
        let missing = try cli.cli.run(["run", "/nonexistent/city.yaml"])
        #expect(missing.status == 2 && missing.output.isEmpty)
        #expect(missing.error.contains("/nonexistent/city.yaml:1:1"))
    }

    @Test("schema prints a JSON Schema")
    func schema() throws {
        let outcome = try cli.cli.run(["schema"])
        #expect(outcome.status == 0)
        let root = try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any]
        #expect(root?["title"] as? String == "Metro6 scenario")
    }
}
