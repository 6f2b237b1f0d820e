import Foundation
import TestSupport
import Testing

/// `--format` and `--out`, shared by the commands that print a result: the file holds exactly what
/// standard output would have, and nothing goes to standard output.
@Suite("--out writes what standard output would")
struct OutputOptionsTests {
    let cli = CommandLineTests()

    @Test(
        "run, compare, probe, compute and backtest",
        arguments: [
            ["run", "Scenarios/tiny/two-districts.yaml", "--format", "json"],
            ["run", "Scenarios/tiny/two-districts.yaml", "--format", "csv", "--by", "district"],
            ["run", "Scenarios/tiny/two-districts.yaml", "--format", "html"],
            ["probe", "Tests/ProbeTests/Fixtures/netlab/nat64.pcap"],
            ["probe", "Tests/ProbeTests/Fixtures/netlab/nat64.pcap", "--format", "html"],
            ["compute", "--synthetic", "500", "--cores", "64", "--format", "json"],
            [
                "backtest", "Scenarios/backtest/china-fixed-2011.yaml", "--actuals",
                "Scenarios/actuals/china-ipv6.yaml",
                "--replications", "2",
            ],
        ])
    func out(arguments: [String]) throws {
        let folder = try TemporaryFolder("metro6-out")
        let root = InputContractTests.repository
        let resolved = arguments.map { $0.contains("/") ? root.appendingPathComponent($0).path : $0 }
        let printed = try cli.run(resolved)
        let file = folder.path("output")
        let written = try cli.run(resolved + ["--out", file])
        #expect(written.status == printed.status, "\(written.error)")
        #expect(written.output.isEmpty)
        let contents = try String(contentsOfFile: file, encoding: .utf8)
        // The compute line that says how fast the simulation ran is the one figure that varies.
        func stable(_ text: String) -> String {
            text.split(separator: "\n").filter {
                !$0.contains("simulatedEventsPerSecond") && !$0.contains("simulationSeconds")
            }
            .joined(separator: "\n")
        }
        #expect(stable(contents) == stable(printed.output))
        #expect(!contents.isEmpty)
    }
}
