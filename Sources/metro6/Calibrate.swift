import ArgumentParser
import Foundation
import Runner
import Scenario
import SimCore

/// `metro6 calibrate`: fits named inputs of a scenario to published figures.
struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Fit a scenario's inputs to published figures (actuals).",
        discussion: ExitStatus.discussion(
            """
            Searches the named inputs (paths such as content.q, adoption.p, plan[5].month) for \
            the values that bring the model's P50 closest to the actual points with a tolerance, \
            and writes the scenario with the fitted values in place and a comment block saying \
            what was fitted, the error before and after, and the points used. Deterministic: the \
            same seed gives the same fit. With --probe, districts start from what probes of their \
            access networks measured (CPE capability, mode, content shift), noted in the file. \
            Exits 2 for a bad scenario, actuals file, probe report or path.
            """,
            examples: [
                "metro6 calibrate china.yaml --actuals china-ipv6.yaml --fit adoption.q"
            ])
    )

    @Argument(help: "A scenario file (YAML or JSON).", completion: .scenarioFile)
    var file: String

    @Option(help: "The actuals file (YAML): a list of points.", completion: .scenarioFile)
    var actuals: String

    @Option(help: "Inputs to fit, by path, comma-separated (content.q,content.p,plan[5].month).")
    var fit: String?

    @Option(
        help: ArgumentHelp(
            "A district's starting state from a probe report (metro6 probe --format json) of its access network; repeatable.",
            valueName: "district=probe.json"))
    var probe: [String] = []

    @Option(help: "Where to write the fitted scenario (default: standard output).", completion: .scenarioFile)
    var out: String?

    @Option(help: "Seed of the random streams (default: the scenario's seed).")
    var seed: UInt64?

    @Option(
        parsing: .unconditional,
        help:
            "Replications per candidate run (backtest's default, so the fit is judged as backtest judges it)."
    )
    var replications = 16

    @Option(parsing: .unconditional, help: "Most candidate runs.")
    var maximumRuns = Calibration.defaultMaximumRuns

    func validate() throws {
        try check(replications, in: InputRanges.replications, "--replications")
        try check(maximumRuns, in: 1...InputRanges.runs, "--maximum-runs")
        if replications * maximumRuns > InputRanges.runs {
            throw ValidationError(
                "--replications × --maximum-runs must be at most \(InputRanges.runs) runs, "
                    + "found \(replications * maximumRuns)")
        }
        if (fit ?? "").split(separator: ",").isEmpty && probe.isEmpty {
            throw ValidationError("give --fit with at least one path, or --probe")
        }
        for item in probe where !item.contains("=") {
            throw ValidationError("--probe takes DISTRICT=PROBE.json, not '\(item)'")
        }
    }

    func run() throws {
        var summary = ""
        var fitted = ""
        do throws(ScenarioErrors) {
            var text = try ScenarioLoader.text(path: file)
            if !probe.isEmpty {
                let readings = try probe.map { item throws(ScenarioErrors) in
                    let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
                    return (district: parts[0], reading: try ProbeReading.load(path: parts[1]))
                }
                let applied = try ProbeStart.apply(readings, to: text, file: file)
                text = applied.text
                summary += "# Starting state from probes:\n" + applied.notes.map { "#   \($0)\n" }.joined()
            }
            let paths = (fit ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if paths.isEmpty {
                fitted = summary + text
            } else {
                let central = try ScenarioLoader.load(text: text, file: file)
                let calibration = try Calibration(
                    text: text, file: file, actuals: try Actuals.load(path: actuals), actualsFile: actuals,
                    fit: paths, seed: seed ?? UInt64(central.seed ?? 1), replications: replications,
                    maximumEvaluations: maximumRuns)
                summary += calibration.summary
                fitted = summary + calibration.body
            }
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(2)
        }
        if let out {
            try save(fitted, to: out)
            print(summary, terminator: "")
        } else {
            FileHandle.standardError.write(Data(summary.utf8))
            print(fitted, terminator: fitted.hasSuffix("\n") ? "" : "\n")
        }
    }
}
