import Foundation
import Testing

/// One set of exit statuses and messages a person reads once, across subcommands (issue 14).
@Suite("Exit statuses and messages")
struct ExitStatusTests {
    let cli = CommandLineTests()

    @Test(
        "usage errors exit 2 in every subcommand, naming the option",
        arguments: [
            (["run", "--replications", "9223372036854775807"], "--replications must be from 1 to 100000"),
            (["run", "--threads", "-1"], "--threads must be from 1 to 1024, found -1"),
            (
                ["backtest", "x.yaml", "--actuals", "y.yaml", "--replications", "0"],
                "--replications must be from 1"
            ),
            (
                ["compute", "--synthetic", "100", "--cores", "-1"],
                "--cores must be from 1 to 10000000, found -1"
            ),
            (["compute", "--synthetic", "100", "--load", "1e308"], "--load must be from 0.01 to 4.0"),
            (["compute", "--synthetic", "100", "--pue", "nan"], "--pue must be from 1.0 to 10.0, found nan"),
            (["compute", "--synthetic", "100", "--sla-p95-wait", "nan"], "--sla-p95-wait must be from"),
            (["compute", "--synthetic", "9223372036854775807"], "--synthetic must be from 1 to 10000000"),
            (["bench", "phold", "--lookahead", "1e308"], "the lookahead must be a number from 0 to 1000000"),
            (["bench", "phold", "--lps", "1000000000"], "logical processes must be from 1 to 10000000"),
            (
                ["bench", "phold", "--lps", "1000000", "--population", "1000"],
                "at most 50000000 pending events"
            ),
            (["run", "--no-such-option"], "Unknown option '--no-such-option'"),
            (["no-such-command"], "Unexpected argument 'no-such-command'"),
        ])
    func usage(arguments: [String], message: String) throws {
        let outcome = try cli.run(arguments)
        #expect(outcome.status == 2, "\(arguments): \(outcome.error)")
        #expect(outcome.error.contains(message), "\(arguments): \(outcome.error)")
    }

    @Test("--help lists the exit statuses in every subcommand")
    func helpListsStatuses() throws {
        for command in [
            ["run"], ["backtest"], ["calibrate"], ["validate"], ["schema"], ["compute"], ["bench", "phold"],
            ["bench", "run"], ["bench", "compute"], ["bench", "probe"],
        ] {
            let outcome = try cli.run(command + ["--help"])
            #expect(outcome.status == 0)
            let flat = outcome.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(
                flat.contains("Exit status: 0 ran and found nothing wrong; 1 ran and found problems"),
                "\(command)")
        }
        let probe = try cli.run(["probe", "--help"])
        #expect(
            probe.output.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains(
                "Exit status: 0"))
    }

    @Test("unreadable inputs and unwritable outputs: one line with the file and the system's reason, exit 2")
    func files() throws {
        let directory = FileManager.default.temporaryDirectory.path
        let cases: [([String], String)] = [
            (
                ["run", "/nonexistent/city.yaml"],
                "/nonexistent/city.yaml:1:1: expected a readable file, found no such file or directory"
            ),
            (["validate", directory], "\(directory):1:1: expected a readable file, found it is a directory"),
            (
                ["compute", "--trace", "/nonexistent/t.swf"],
                "error: cannot read /nonexistent/t.swf: no such file or directory"
            ),
            (
                ["compute", "--synthetic", "50", "--cores", "64", "--schedule", "/nonexistent/dir/s.csv"],
                "error: cannot write /nonexistent/dir/s.csv: no such file or directory"
            ),
        ]
        for (arguments, message) in cases {
            let outcome = try cli.run(arguments)
            #expect(outcome.status == 2, "\(arguments)")
            #expect(outcome.error == message + "\n", "\(arguments): \(outcome.error)")
        }
    }

    @Test("a file that is not UTF-8 is placed at its first bad byte")
    func notUTF8() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("latin1-\(UUID()).yaml").path
        #expect(
            FileManager.default.createFile(
                atPath: path, contents: Data("name: x\nstart: 2011-0".utf8 + [0xE9])))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let outcome = try cli.run(["validate", path])
        #expect(outcome.status == 2)
        // Line 2 holds 13 characters before the byte 0xE9.
        #expect(outcome.error == "\(path):2:14: expected UTF-8 text, found a byte that is not UTF-8\n")
    }

    @Test("control characters from a scenario are escaped, not sent to the terminal")
    func controlCharacters() throws {
        let kept = InputContractTests.repository.appendingPathComponent(
            "Tools/fuzz/regressions/scenario/name-with-escape-codes.yaml"
        ).path
        let validate = try cli.run(["validate", kept])
        #expect(validate.status == 0)
        #expect(validate.output.contains("Every\\u{1B}[31m section\\r"))
        let run = try cli.run(["run", kept])
        #expect(run.status == 0)
        #expect(!run.output.contains("\u{1B}") && !run.output.contains("\r"))
        #expect(run.output.hasPrefix("Every\\u{1B}[31m section\\r\n"))
    }

    @Test("YAML syntax errors are worded for a person, with no parser jargon")
    func syntaxWords() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("alias-\(UUID()).yaml").path
        try "name: x\nstart: *later\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let outcome = try cli.run(["validate", path])
        #expect(outcome.status == 2)
        #expect(
            outcome.error
                == "\(path):2:8: expected valid YAML or JSON, found an alias (*name) with no anchor (&name) before it\n"
        )
    }

    @Test("a run asking for more memory than the limit says how many replications fit")
    func memoryLimit() throws {
        let tiny = InputContractTests.repository.appendingPathComponent("Scenarios/tiny/two-districts.yaml")
            .path
        let outcome = try cli.run(["run", tiny, "--replications", "100000"])
        #expect(outcome.status == 2)
        // 2 districts × 24 months = 48 district-months a replication; 4,000,000 / 48 = 83,333.
        #expect(outcome.error.contains("ask for at most 83333 replications"), "\(outcome.error)")
    }
}
