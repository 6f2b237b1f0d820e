import ArgumentParser
import Foundation
import Runner
import Scenario

/// `metro6 compare`: ranks a sweep's plans from its results file.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Rank the plans of a sweep's results: P10/P50/P90, the Pareto front, Monte Carlo noise.",
        discussion: ExitStatus.discussion(
            """
            Reads a results file of `metro6 sweep` (or of `metro6 merge`) and ranks its plans by \
            the P50 of a KPI over their replications. The Pareto front is the plans no other plan \
            beats on every objective. Because replication r of every plan ran on the same random \
            numbers, each plan is compared with the plan ranked above it run by run: a 95% \
            interval of the mean difference that holds 0 is within Monte Carlo noise (run more \
            replications to separate them).
            """,
            examples: [
                "metro6 sweep plans-sweep.yaml --out plans.sqlite",
                "metro6 compare plans.sqlite",
                "metro6 compare plans.sqlite --by month90 --format csv",
                "metro6 compare plans.sqlite --pareto incrementalNPV,month50",
                "metro6 compare plans.sqlite --top 1 --expect 'p90(month90) <= 2018-12'",
            ])
    )

    @Argument(
        help: ArgumentHelp("A sweep's results file.", valueName: "results.sqlite"), completion: .resultsFile)
    var file: String

    @Option(help: ArgumentHelp("The KPI to rank by, as the JSON names KPIs.", valueName: "kpi"))
    var by = "incrementalNPV"

    @Option(
        help: ArgumentHelp(
            "The Pareto front's objectives, comma-separated (default: \(SweepComparison.defaultObjectives.joined(separator: ","))).",
            valueName: "kpi,kpi,…"))
    var pareto: String?

    @Option(help: TableFormat.argumentHelp)
    var format = TableFormat.text

    @OptionGroup var output: OutputFile

    @Option(
        name: .customLong("expect"),
        help: ArgumentHelp(
            "A gate every checked plan must pass, as `metro6 run --expect` writes it: 'p90(month90) <= 2018-12', 'incrementalNPV > 0'; repeatable. The command exits 1 when one fails.",
            valueName: "expression"))
    var expectations: [String] = []

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Check the expectations on the N best-ranked plans only (default: every plan).", valueName: "N"))
    var top: Int?

    @Option(
        help: ArgumentHelp(
            "Write the expectations as JUnit XML to this file (a suite per plan).", valueName: "file"),
        completion: .anyFile)
    var junit: String?

    func validate() throws {
        try check(top, in: 1...InputRanges.runs, "--top")
        for text in expectations {
            do {
                _ = try Expectation(text)
            } catch {
                throw ValidationError("--expect '\(text)': \(error)")
            }
        }
        if (top != nil || junit != nil) && expectations.isEmpty {
            throw ValidationError("--top and --junit apply to --expect")
        }
    }

    func run() throws {
        let objectives =
            pareto.map { $0.split(separator: ",").map(String.init) } ?? SweepComparison.defaultObjectives
        let comparison = try reportingSweepErrors { () throws(SweepError) in
            try SweepComparison(path: file, by: by, objectives: objectives)
        }
        switch format {
        case .text: try output.write(comparison.text())
        case .json: try output.write(try renderedJSON(comparison.json) + "\n")
        case .csv: try output.write(comparison.csv())
        }
        guard !expectations.isEmpty else { return }
        let gates = try expectations.map { try Expectation($0) }
        try concludeExpectations(
            comparison.check(gates, top: top), command: "metro6 compare", linesOnOutput: format == .text,
            junit: junit)
    }
}

/// `metro6 merge`: joins the results files of a sweep's shards.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the results files of a sweep's shards into one.",
        discussion: ExitStatus.discussion(
            """
            Each shard of `metro6 sweep --shard i/n` (a Slurm array task, a Kubernetes indexed \
            Job's pod) writes its own file; merge joins them for `metro6 compare`. Files of \
            different sweeps, or holding the same runs, are refused; runs no file holds are \
            listed (an unfinished shard: resume it, then merge again).
            """,
            examples: [
                "metro6 sweep plans-sweep.yaml --shard 1/2 --out part-1.sqlite",
                "metro6 sweep plans-sweep.yaml --shard 2/2 --out part-2.sqlite",
                "metro6 merge part-1.sqlite part-2.sqlite --out all.sqlite",
            ])
    )

    @Argument(
        help: ArgumentHelp("The shards' results files.", valueName: "shard.sqlite"), completion: .resultsFile)
    var files: [String]

    @Option(
        help: ArgumentHelp("The merged results file (new).", valueName: "all.sqlite"),
        completion: .resultsFile)
    var out: String

    func validate() throws {
        if files.isEmpty { throw ValidationError("give the shards' results files") }
    }

    func run() throws {
        let outcome = try reportingSweepErrors { () throws(SweepError) in
            try ShardMerge.merge(files, into: out)
        }
        print("metro6 merge: \(files.count) files, \(outcome.runs) of \(outcome.runsInSweep) runs → \(out)")
        guard !outcome.missing.isEmpty else { return }
        let ranges = outcome.missing.map {
            $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound - 1)"
        }
        print("  missing runs: \(ranges.joined(separator: ", "))")
        throw ExitStatus.problemsFound.exit
    }
}
