import ArgumentParser
import Foundation
import Runner
import Scenario

/// `metro6 calibrate`: fits named inputs of a scenario to published figures.
struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Fit a scenario's inputs to published figures (actuals).",
        discussion: """
            Searches the named inputs (paths such as content.q, adoption.p, plan[5].month) for \
            the values that bring the model's P50 closest to the actual points with a tolerance, \
            and writes the scenario with the fitted values in place and a comment block saying \
            what was fitted, the error before and after, and the points used. Deterministic: the \
            same seed gives the same fit. Exits 2 for a bad scenario, actuals file or path.
            """
    )

    @Argument(help: "A scenario file (YAML or JSON).")
    var file: String

    @Option(help: "The actuals file (YAML): a list of points.")
    var actuals: String

    @Option(help: "Inputs to fit, by path, comma-separated (content.q,content.p,plan[5].month).")
    var fit: String

    @Option(help: "Where to write the fitted scenario (default: standard output).")
    var out: String?

    @Option(help: "Seed of the random streams (default: the scenario's seed).")
    var seed: UInt64?

    @Option(
        help:
            "Replications per candidate run (backtest's default, so the fit is judged as backtest judges it)."
    )
    var replications = 16

    @Option(help: "Most candidate runs.")
    var maximumRuns = Calibration.defaultMaximumRuns

    func validate() throws {
        if replications < 1 { throw ValidationError("--replications must be at least 1") }
        if maximumRuns < 1 { throw ValidationError("--maximum-runs must be at least 1") }
        if fit.split(separator: ",").isEmpty { throw ValidationError("--fit needs at least one path") }
    }

    func run() throws {
        let calibration: Calibration
        do throws(ScenarioErrors) {
            let text = try ScenarioLoader.text(path: file)
            let central = try ScenarioLoader.load(text: text, file: file)
            calibration = try Calibration(
                text: text, file: file, actuals: try Actuals.load(path: actuals), actualsFile: actuals,
                fit: fit.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) },
                seed: seed ?? UInt64(central.seed ?? 1), replications: replications,
                maximumEvaluations: maximumRuns)
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(2)
        }
        let summary = calibration.summary
        if let out {
            do {
                try calibration.text.write(toFile: out, atomically: true, encoding: .utf8)
            } catch {
                FileHandle.standardError.write(Data("\(out): cannot write the fitted scenario\n".utf8))
                throw ExitCode(2)
            }
            print(summary, terminator: "")
        } else {
            FileHandle.standardError.write(Data(summary.utf8))
            print(calibration.text, terminator: calibration.text.hasSuffix("\n") ? "" : "\n")
        }
    }
}
