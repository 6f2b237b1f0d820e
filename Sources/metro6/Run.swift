import ArgumentParser
import Foundation
import Runner
import Scenario

/// `metro6 run`: simulates a rollout plan and prints its milestones, table and KPIs.
struct RunCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
        case csv
    }

    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Simulate a rollout plan (the bundled Shenzhen 2011 scenario by default).",
        discussion: ExitStatus.discussion(
            """
            Runs the scenario month by month over its horizon and reports when subscribers get \
            working IPv6, what it costs, how much public IPv4 and CGNAT capacity is still \
            needed. With --replications N, runs N independent replications on all cores and \
            reports the KPIs as P10 / P50 / P90; the numbers do not depend on the thread count.
            """)
    )

    @Argument(help: "A scenario file (YAML or JSON); the bundled Shenzhen 2011 scenario when absent.")
    var file: String?

    @Option(help: "Seed of the random streams (default: the scenario's seed).")
    var seed: UInt64?

    @Option(parsing: .unconditional, help: "Simulate only the first N months of the scenario's horizon.")
    var months: Int?

    @Option(parsing: .unconditional, help: "Independent replications to run.")
    var replications = 1

    @Option(parsing: .unconditional, help: "Threads to use (default: one per core).")
    var threads: Int?

    @Option(help: "Output format: text, json or csv.")
    var format = Format.text

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

    @Option(help: ArgumentHelp("Write the expectations as JUnit XML to this file.", valueName: "file"))
    var junit: String?

    func validate() throws {
        try check(replications, in: InputRanges.replications, "--replications")
        try check(months, in: InputRanges.months, "--months")
        try check(threads, in: InputRanges.threads, "--threads")
        if by != nil && format != .csv { throw ValidationError("--by district applies to --format csv") }
        for text in expectations {
            do {
                _ = try Expectation(text)
            } catch {
                throw ValidationError("--expect '\(text)': \(error)")
            }
        }
    }

    func run() throws {
        var inputs = try reportingScenarioErrors { () throws(ScenarioErrors) in
            if let file { try ScenarioLoader.inputs(path: file) } else { try DefaultScenario.inputs() }
        }
        if let months { inputs = inputs.limited(to: months) }
        if let problem = InputRanges.memoryProblem(inputs.central, replications: replications) {
            throw CommandFailure(problem)
        }
        let report = try reportingScenarioErrors { () throws(ScenarioErrors) in
            try RunReport(
                inputs: inputs, seed: seed ?? UInt64(inputs.central.seed ?? 1), replications: replications,
                threads: threads)
        }
        let gates = try ((inputs.central.expect ?? []) + expectations).map { try Expectation($0) }
        let checked = !gates.isEmpty || junit != nil
        // The JSON is rendered once: for the output, the gates, or both.
        let json = format == .json || checked ? try renderedJSON(report.json) : ""
        switch format {
        case .text: print(report.text(), terminator: "")
        case .json: print(json)
        case .csv: print(report.csv(byDistrict: by == .district), terminator: "")
        }
        guard checked else { return }
        let outcomes = try ExpectationCheck.evaluate(gates, onJSON: json)
        let lines = "Expectations\n" + outcomes.map { "  \($0.line)\n" }.joined()
        if format == .text {
            print("\n" + lines, terminator: "")
        } else {
            FileHandle.standardError.write(Data(lines.utf8))
        }
        if let junit {
            let name = "metro6 run: \(inputs.central.name)"
            try save(ExpectationCheck.junit(outcomes, suite: name).xml, to: junit)
        }
        if outcomes.contains(where: { !$0.passed }) { throw ExitStatus.problemsFound.exit }
    }
}
