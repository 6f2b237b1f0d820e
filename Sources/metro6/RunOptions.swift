import ArgumentParser
import Foundation
import Report
import Runner
import Scenario

/// What running a scenario takes, shared by `run` and `report`: the seed, the horizon, the
/// replications and threads, changes to the scenario, sections left out, progress.
struct RunOptions: ParsableArguments {
    @Option(help: "Seed of the random streams (default: the scenario's seed).")
    var seed: UInt64?

    @Option(parsing: .unconditional, help: "Simulate only the first N months of the scenario's horizon.")
    var months: Int?

    @Option(parsing: .unconditional, help: "Independent replications to run.")
    var replications = 1

    @Option(parsing: .unconditional, help: "Threads to use (default: one per core).")
    var threads: Int?

    @OptionGroup var changes: OverrideOptions

    enum Section: String, ExpressibleByArgument, CaseIterable {
        case compute
    }

    @Option(help: "Leave a section out: --skip compute runs the network alone.")
    var skip: [Section] = []

    @Flag(help: "No progress on standard error (shown with more than one replication).")
    var quiet = false

    func validate() throws {
        try check(replications, in: InputRanges.replications, "--replications")
        try check(months, in: InputRanges.months, "--months")
        try check(threads, in: InputRanges.threads, "--threads")
    }

    /// The inputs of `file` (the bundled scenario when nil) with the command's changes.
    func inputs(_ file: String?, overrides: [ScenarioOverride]) throws -> ScenarioInputs {
        var inputs = try reportingScenarioErrors { () throws(ScenarioErrors) in
            try DefaultScenario.inputs(orFile: file, overrides: overrides)
        }
        if let months { inputs = inputs.limited(to: months) }
        if skip.contains(.compute) { inputs = inputs.withoutCompute() }
        if let problem = InputRanges.memoryProblem(inputs.central, replications: replications) {
            throw CommandFailure(problem)
        }
        return inputs
    }

    /// The run of `inputs`, with progress on standard error when there are several replications.
    func result(_ inputs: ScenarioInputs) throws -> RunResult {
        // Progress on standard error when there is more than one replication to wait for.
        let meter =
            replications > 1 && !quiet
            ? ProgressMeter(
                label: "metro6 run \(inputs.central.name)", unit: "runs",
                total: RunResult.steps(inputs, replications: replications)) : nil
        let counter = StepCounter()
        var progress: (@Sendable () -> Void)?
        if let meter { progress = { meter.update(done: counter.next()) } }
        defer { meter?.finish() }
        return try reportingScenarioErrors { () throws(ScenarioErrors) in
            try RunResult(
                inputs: inputs, seed: seed ?? UInt64(inputs.central.seed ?? 1), replications: replications,
                threads: threads, progress: progress)
        }
    }
}
