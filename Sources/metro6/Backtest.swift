import ArgumentParser
import Foundation
import Report
import Runner
import Scenario

/// `metro6 backtest`: a scenario against published figures.
struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Check a scenario against published figures (actuals and targets).",
        discussion: ExitStatus.discussion(
            """
            Runs the scenario's network and sets each point of the actuals file beside the \
            model's P10 / P50 / P90 in its month. Exits 0 when every actual point with a \
            tolerance is within it, 1 when one is not, 2 for a bad scenario or actuals file.
            """,
            examples: [
                "metro6 backtest china.yaml --actuals china-ipv6.yaml",
                "metro6 backtest china.yaml --actuals china-ipv6.yaml --format json",
                "metro6 backtest china.yaml --actuals china-ipv6.yaml --format html > bt.html",
            ])
    )

    @Argument(help: "A scenario file (YAML or JSON).", completion: .scenarioFile)
    var file: String

    @Option(help: "The actuals file (YAML): a list of points.", completion: .scenarioFile)
    var actuals: String

    @Option(help: "Seed of the random streams (default: the scenario's seed).")
    var seed: UInt64?

    @Option(parsing: .unconditional, help: "Independent replications to run.")
    var replications = 16

    @Option(parsing: .unconditional, help: "Threads to use (default: one per core).")
    var threads: Int?

    @Option(help: PageFormat.argumentHelp)
    var format = PageFormat.text

    @OptionGroup var output: OutputFile

    func validate() throws {
        try check(replications, in: InputRanges.replications, "--replications")
        try check(threads, in: InputRanges.threads, "--threads")
    }

    func run() throws {
        let (inputs, points) = try reportingScenarioErrors { () throws(ScenarioErrors) in
            (try ScenarioLoader.inputs(path: file), try Actuals.load(path: actuals))
        }
        if let problem = InputRanges.memoryProblem(inputs.central, replications: replications) {
            throw CommandFailure(problem)
        }
        let backtest = try reportingScenarioErrors { () throws(ScenarioErrors) in
            try Backtest(
                inputs: inputs, actuals: points, actualsFile: actuals,
                seed: seed ?? UInt64(inputs.central.seed ?? 1), replications: replications, threads: threads)
        }
        switch format {
        case .text: try output.write(backtest.text())
        case .json: try output.write(try renderedJSON(backtest.json) + "\n")
        case .html: try output.write(HTMLRenderer.render(backtest.document))
        }
        if !backtest.passed { throw ExitCode(1) }
    }
}
