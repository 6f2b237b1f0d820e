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

    func validate() throws {
        try check(replications, in: InputRanges.replications, "--replications")
        try check(months, in: InputRanges.months, "--months")
        try check(threads, in: InputRanges.threads, "--threads")
        if by != nil && format != .csv { throw ValidationError("--by district applies to --format csv") }
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
        switch format {
        case .text: print(report.text(), terminator: "")
        case .json: print(try renderedJSON(report.json))
        case .csv: print(report.csv(byDistrict: by == .district), terminator: "")
        }
    }
}
