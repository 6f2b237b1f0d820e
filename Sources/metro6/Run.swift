import ArgumentParser
import Foundation
import Report
import Runner
import Scenario
import Synchronization

/// `metro6 run`: simulates a rollout plan and prints its milestones, table and KPIs.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Simulate a rollout plan (the bundled Shenzhen 2011 scenario by default).",
        discussion: ExitStatus.discussion(
            """
            Runs the scenario month by month over its horizon and reports when subscribers get \
            working IPv6, what it costs, how much public IPv4 and CGNAT capacity is still \
            needed. With --replications N, runs N independent replications on all cores and \
            reports the KPIs as P10 / P50 / P90; the numbers do not depend on the thread count.
            """,
            examples: [
                "metro6 run",
                "metro6 run city.yaml --replications 20 --format json",
                "metro6 run city.yaml --set budget.yearlyCapex=6e7 --skip compute",
                "metro6 run --format csv --by district",
            ])
    )

    @Argument(
        help:
            "Scenario files (YAML or JSON); the bundled Shenzhen 2011 scenario when absent. With several, their KPIs side by side.",
        completion: .scenarioFile
    )
    var files: [String] = []

    @Option(help: ReportFormat.argumentHelp)
    var format = ReportFormat.text

    @OptionGroup var output: OutputFile

    enum Grouping: String, ExpressibleByArgument, CaseIterable {
        case district
    }

    @Option(help: "CSV: one row per month and district (--by district).")
    var by: Grouping?

    @Option(
        name: .customLong("expect"),
        help: ArgumentHelp(
            "A plan gate, KPI OP LIMIT as the JSON names KPIs: 'month50 <= 2019-12', 'incrementalNPV > 0', 'p90(month90) <= 2022-06'; P50 unless p10(), p90() or mean() says otherwise; repeatable, added to the scenario's expect list. The run exits 1 when one fails.",
            valueName: "expression"))
    var expectations: [String] = []

    @Option(
        help: ArgumentHelp("Write the expectations as JUnit XML to this file.", valueName: "file"),
        completion: .anyFile)
    var junit: String?

    @OptionGroup var options: RunOptions

    func validate() throws {
        if by != nil && format != .csv { throw ValidationError("--by district applies to --format csv") }
        if format == .html && files.count > 1 {
            throw ValidationError("--format html reports one scenario; several print their KPIs side by side")
        }
        if by != nil && files.count > 1 {
            throw ValidationError(
                "--by district applies to one scenario; several print their KPIs side by side")
        }
        for text in expectations {
            do {
                _ = try Expectation(text)
            } catch {
                throw ValidationError("--expect '\(text)': \(error)")
            }
        }
    }

    func run() throws {
        let overrides = try options.changes.overrides()
        let gates = try expectations.map { try Expectation($0) }
        guard files.count > 1 else { return try runOne(files.first, overrides: overrides, gates: gates) }
        try runSeveral(overrides: overrides, gates: gates)
    }

    /// One scenario: its milestones, table and KPIs.
    func runOne(_ file: String?, overrides: [ScenarioOverride], gates: [Expectation]) throws {
        let inputs = try options.inputs(file, overrides: overrides)
        let report = try options.result(inputs)
        let gates = try (inputs.central.expect ?? []).map { try Expectation($0) } + gates
        let checked = !gates.isEmpty || junit != nil
        // The JSON is rendered once: for the output, the gates, or both.
        let json = format == .json || checked ? try renderedJSON(report.json) : ""
        switch format {
        case .text: try output.write(TextRenderer.render(report.document))
        case .json: try output.write(json + "\n")
        case .csv: try output.write(CSVRenderer.render(report.monthTable(byDistrict: by == .district)))
        case .html: try output.write(HTMLRenderer.render(report.document))
        }
        guard checked else { return }
        let outcomes = try ExpectationCheck.evaluate(gates, onJSON: json)
        try conclude([(inputs.central.name, outcomes)])
    }

    /// Several scenarios: their KPIs side by side (JSON: the single runs' objects in an array).
    func runSeveral(overrides: [ScenarioOverride], gates: [Expectation]) throws {
        var runs: [(name: String, json: String)] = []
        var checks: [(name: String, outcomes: [ExpectationOutcome])] = []
        for file in files {
            let inputs = try options.inputs(file, overrides: overrides)
            let json = try renderedJSON(try options.result(inputs).json)
            let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            runs.append((name, json))
            let own = try (inputs.central.expect ?? []).map { try Expectation($0) } + gates
            if !own.isEmpty || junit != nil {
                checks.append((name, try ExpectationCheck.evaluate(own, onJSON: json)))
            }
        }
        let table = try KPITable(runs: runs)
        switch format {
        case .text:
            let spread =
                options.replications > 1 ? "P50 over \(options.replications) replications" : "one replication"
            try output.write("metro6 run: \(runs.count) scenarios, \(spread)\n\n" + table.text())
        case .json: try output.write("[\n" + runs.map(\.json).joined(separator: ",\n") + "\n]\n")
        case .csv: try output.write(table.csv())
        case .html: preconditionFailure("validate() refuses --format html with several scenarios")
        }
        if !checks.isEmpty { try conclude(checks) }
    }

    /// Prints the expectations' lines, writes the JUnit file, and exits 1 when one failed.
    func conclude(_ checks: [(name: String, outcomes: [ExpectationOutcome])]) throws {
        try concludeExpectations(checks, command: "metro6 run", linesOnOutput: format == .text, junit: junit)
    }
}

/// Counts finished steps across threads.
final class StepCounter: Sendable {
    private let count = Atomic<Int>(0)

    /// The count after one more step.
    func next() -> Int { count.add(1, ordering: .relaxed).newValue }
}
