import Foundation
import Testing

/// `metro6 bench run|compute|probe`: JSON with the documented keys, the work they say they did.
@Suite("metro6 bench workloads")
struct BenchCommandTests {
    let cli = CommandLineTests()

    func json(_ arguments: [String]) throws -> [String: Any] {
        let outcome = try cli.run(arguments + ["--format", "json", "--repeat", "1"])
        #expect(outcome.status == 0, "\(arguments): \(outcome.error)")
        return try #require(
            try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any])
    }

    @Test("bench run measures the scenario it names, district-months over CPU seconds")
    func run() throws {
        let tiny = InputContractTests.repository.appendingPathComponent("Scenarios/tiny/two-districts.yaml")
            .path
        let result = try json(["bench", "run", tiny])
        #expect(result["districts"] as? Int == 2 && result["months"] as? Int == 24)
        let seconds = try #require(result["seconds"] as? Double)
        let rate = try #require(result["districtMonthsPerSecond"] as? Double)
        #expect(seconds > 0 && abs(rate * seconds - 48) < 1e-6)
    }

    @Test("bench compute runs both schedulers on the trace it generates")
    func compute() throws {
        let result = try json(["bench", "compute", "--jobs", "2000", "--cores", "128"])
        #expect(result["jobs"] as? Int == 2_000)
        let fcfs = try #require(result["fcfsSeconds"] as? Double)
        let easy = try #require(result["easySeconds"] as? Double)
        #expect(abs((result["easyOverFCFS"] as? Double ?? 0) - easy / fcfs) < 1e-9)
    }

    @Test("bench probe reads as many packets as the probe reports, floor and probe in one run")
    func probe() throws {
        let capture = ProbeCommandTests.capture("zeek", "wikipedia.pcap")
        let report = try #require(
            try JSONSerialization.jsonObject(
                with: Data(cli.run(["probe", capture, "--format", "json"]).output.utf8))
                as? [String: Any])
        let result = try json(["bench", "probe", capture])
        #expect(result["packets"] as? Int == report["packets"] as? Int)
        let floor = try #require(result["floorSeconds"] as? Double)
        let probe = try #require(result["probeSeconds"] as? Double)
        #expect(abs((result["probeOverFloor"] as? Double ?? 0) - probe / floor) < 1e-9)
        let missing = try cli.run(["bench", "probe", "/nonexistent/c.pcap"])
        #expect(missing.status == 2)
        #expect(missing.error.hasPrefix("error: /nonexistent/c.pcap: cannot open the capture"))
    }

    @Test("bench probe without files generates the capture it measures and leaves nothing behind")
    func generated() throws {
        let before = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())
            .filter { $0.hasPrefix("metro6-bench-") }
        let result = try json(["bench", "probe", "--packets", "5000"])
        #expect(result["packets"] as? Int == 5_000)
        #expect(result["generated"] as? Bool == true)
        let after = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())
            .filter { $0.hasPrefix("metro6-bench-") }
        #expect(after == before)
        let outside = try cli.run(["bench", "probe", "--packets", "0"])
        #expect(outside.status == 2)
        #expect(outside.error.contains("--packets"))
    }
}
