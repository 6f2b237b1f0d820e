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

    func run(_ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
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

                Metro6 simulates IPv6 rollout plans for a broadband metro network and measures
                its own simulation engine. Start with `metro6 bench phold` to see the engine's
                speed on the standard PHOLD benchmark.

                USAGE: metro6 <subcommand>

                OPTIONS:
                  --version               Show the version.
                  -h, --help              Show help information.

                SUBCOMMANDS:
                  bench                   Measure the simulation engine.

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
        #expect(outcome.status == 64)
        #expect(outcome.error.contains("logical processes must be between 1"))
        let notANumber = try run(["bench", "phold", "--remote", "often"])
        #expect(notANumber.status == 64)
        #expect(notANumber.error.contains("--remote"))
    }
}
