import ArgumentParser
import Foundation
import Runner
import Scenario

/// `metro6 backtest`: a scenario against published figures.
struct BacktestCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Check a scenario against published figures (actuals and targets).",
        discussion: """
            Runs the scenario's network and sets each point of the actuals file beside the \
            model's P10 / P50 / P90 in its month. Exits 0 when every actual point with a \
            tolerance is within it, 1 when one is not, 2 for a bad scenario or actuals file.
            """
    )

    @Argument(help: "A scenario file (YAML or JSON).")
    var file: String

    @Option(help: "The actuals file (YAML): a list of points.")
    var actuals: String

    @Option(help: "Seed of the random streams (default: the scenario's seed).")
    var seed: UInt64?

    @Option(help: "Independent replications to run.")
    var replications = 16

    @Option(help: "Threads to use (default: one per core).")
    var threads: Int?

    @Option(help: "Output format: text or json.")
    var format = Format.text

    func validate() throws {
        if replications < 1 { throw ValidationError("--replications must be at least 1") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        let backtest: Backtest
        do throws(ScenarioErrors) {
            let inputs = try ScenarioLoader.inputs(path: file)
            backtest = try Backtest(
                inputs: inputs, actuals: try Actuals.load(path: actuals), actualsFile: actuals,
                seed: seed ?? UInt64(inputs.central.seed ?? 1), replications: replications, threads: threads)
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(2)
        }
        switch format {
        case .text: print(backtest.text(), terminator: "")
        case .json: print(try backtest.json())
        }
        if !backtest.passed { throw ExitCode(1) }
    }
}
