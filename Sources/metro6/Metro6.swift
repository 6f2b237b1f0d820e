import ArgumentParser
import Foundation

/// The `metro6` command: plans and checks a city's move from IPv4 to IPv6 broadband.
@main
struct Metro6: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "metro6",
        abstract: "Plan and check a city's move from IPv4 to IPv6 broadband.",
        discussion: """
            Metro6 simulates a broadband metro network's move to IPv6 month by month and reports \
            when subscribers get working IPv6, what it costs and how much IPv4 and CGNAT are \
            still needed. Start with `metro6 run` (the bundled Shenzhen 2011 scenario); write \
            your own scenario (docs/scenarios.md) and check it with `metro6 validate`. \
            `metro6 probe` reads packet captures of a real network and reports how ready it is \
            for IPv6 (docs/probe.md).

            \(ExitStatus.help)
            """,
        version: version,
        subcommands: [
            RunCommand.self, ReportCommand.self, SweepCommand.self, CompareCommand.self, MergeCommand.self,
            BacktestCommand.self,
            CalibrateCommand.self,
            InitCommand.self, ValidateCommand.self,
            SchemaCommand.self,
            ComputeCommand.self,
            ProbeCommand.self,
            Bench.self,
        ]
    )

    /// Parses and runs the command. Every usage error exits with 2, the status for bad input
    /// (`ExitStatus`), rather than argument-parser's 64; a `CommandFailure` prints one line.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            Foundation.exit(failure.report().rawValue)
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.badInput.rawValue)
            }
            exit(withError: error)
        }
    }
}
