import ArgumentParser
import Foundation
import Report
import Runner
import Scenario

/// `metro6 sweep`: runs every plan variant of a sweep file over its replications into SQLite.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run every plan of a sweep file over its replications, results into SQLite.",
        discussion: ExitStatus.discussion(
            """
            A sweep file (docs/sweeps.md) names a base scenario, plans and a grid of values; \
            every plan at every grid point runs every replication, on all cores. Each finished \
            run is written to the results file at once, so a sweep that is killed resumes with \
            --resume, losing and repeating nothing. The numbers do not depend on the worker \
            count or the shard. Rank the plans with `metro6 compare RESULTS`.
            """,
            examples: [
                "metro6 sweep plans-sweep.yaml --out plans.sqlite",
                "metro6 sweep plans-sweep.yaml --out part-2.sqlite --shard 2/8",
                "metro6 sweep plans-sweep.yaml --out part-2.sqlite --shard 2/8 --resume",
            ])
    )

    @Argument(
        help: ArgumentHelp("The sweep file (YAML).", valueName: "sweep.yaml"), completion: .scenarioFile)
    var file: String

    @Option(
        help: ArgumentHelp(
            "The results file (SQLite); default: the sweep file's name with .sqlite (and the shard) in the current folder.",
            valueName: "results.sqlite"),
        completion: .resultsFile)
    var out: String?

    @Option(parsing: .unconditional, help: "Worker threads (default: one per core).")
    var workers: Int?

    @Flag(help: "Finish the sweep the results file holds: run only the runs it lacks.")
    var resume = false

    @Option(
        help: ArgumentHelp(
            "Run slice i of n of the runs (from 1). Without it, a Slurm array task or a Kubernetes indexed Job takes its slice from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX.",
            valueName: "i/n"))
    var shard: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "The number of slices when the slice's index comes from JOB_COMPLETION_INDEX (a Kubernetes indexed Job's completions).",
            valueName: "n"))
    var shards: Int?

    @Flag(help: "No progress on standard error.")
    var quiet = false

    func validate() throws {
        try check(workers, in: InputRanges.threads, "--workers")
        try check(shards, in: 1...1_000_000, "--shards")
    }

    func run() throws {
        let sweep = try reportingScenarioErrors { () throws(ScenarioErrors) in
            try SweepLoader.load(path: file)
        }
        let (slice, source) = try reportingSweepErrors { () throws(SweepError) in try self.slice() }
        let out = out ?? defaultOut(sweep, slice)
        let workers = workers ?? ProcessInfo.processInfo.activeProcessorCount
        if let source {
            FileHandle.standardError.write(Data("metro6 sweep: shard \(slice) from \(source)\n".utf8))
        }
        let meter = ProgressMeter(
            label: "metro6 sweep", unit: "runs", total: slice.runs(of: sweep.runs).count)
        let outcome = try reportingSweepErrors { () throws(SweepError) in
            try SweepSession.run(
                sweep, out: out, resume: resume, shard: slice, workers: workers, version: Metro6.version
            ) { done, _ in
                if !quiet { meter.update(done: done) }
            }
        }
        if !quiet { meter.finish() }
        print(summary(sweep, slice: slice, out: out, outcome: outcome, workers: workers))
    }

    /// The slice to run: `--shard`, else the environment's, else the whole sweep.
    func slice() throws(SweepError) -> (Shard, String?) {
        if let shard { return (try Shard(parsing: shard), nil) }
        if let found = try Shard.from(environment: ProcessInfo.processInfo.environment, count: shards) {
            return (found.shard, found.source)
        }
        return (.whole, nil)
    }

    /// `NAME.sqlite`, or `NAME-shard-I-of-N.sqlite` for a slice.
    func defaultOut(_ sweep: SweepFile, _ slice: Shard) -> String {
        let stem = URL(fileURLWithPath: sweep.file).deletingPathExtension().lastPathComponent
        return slice == .whole ? "\(stem).sqlite" : "\(stem)-shard-\(slice.index)-of-\(slice.count).sqlite"
    }

    func summary(_ sweep: SweepFile, slice: Shard, out: String, outcome: SweepSession.Outcome, workers: Int)
        -> String
    {
        func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
        let plans = Set(sweep.variants.map(\.plan)).count
        let shape =
            "\(count(sweep.variants.count, "variant")) (\(count(plans, "plan"))) × "
            + "\(count(sweep.replications, "replication")) = \(count(sweep.runs, "run"))"
        let part =
            slice == .whole
            ? "" : ", shard \(slice): runs \(outcome.slice.lowerBound)–\(outcome.slice.upperBound - 1)"
        let resumed = outcome.alreadyDone > 0 ? " (\(outcome.alreadyDone) were already done)" : ""
        return """
            metro6 sweep \(sweep.name): \(shape)\(part)
              ran \(outcome.work.runs) runs\(resumed) in \(String(format: "%.1f", outcome.seconds)) s on \(workers) worker\(workers == 1 ? "" : "s")
              results: \(out)
              next: metro6 compare \(out)
              shared work: \(outcome.work.centres) compute-centre and \(outcome.work.baselines) baseline simulations for \(outcome.work.runs) runs
            """
    }
}

/// `body`'s result; a sweep's problem goes to standard error (scenario problems one per line,
/// with file, line and column) and the command stops with status 2.
func reportingSweepErrors<T>(_ body: () throws(SweepError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        if case .scenario(let errors) = error {
            FileHandle.standardError.write(Data((errors.description + "\n").utf8))
            throw ExitStatus.badInput.exit
        }
        throw CommandFailure(error.description)
    }
}
