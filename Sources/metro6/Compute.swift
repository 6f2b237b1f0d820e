import ArgumentParser
import ComputeModel
import Foundation
import Report
import Scenario
import SimCore

extension SchedulerKind: ExpressibleByArgument {}

/// `metro6 compute`: a batch machine under FCFS or EASY, on a trace or a synthetic stream.
struct ComputeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compute",
        abstract: "Simulate the supercomputing centre's batch scheduler on a job trace.",
        discussion: ExitStatus.discussion(
            """
            Reads a Standard Workload Format trace (--trace) or generates a synthetic job stream \
            (--synthetic N) and runs it through a machine of --cores processors under FCFS or \
            EASY backfilling. Reports utilisation, waits, bounded slowdown and makespan. Every \
            field of a trace line is range-checked: a bad line is skipped and counted (listed \
            on standard error with FILE:LINE), or stops the run with --strict; a bad MaxProcs \
            header is an error. With --sla-p95-wait, a month that breaks the SLA exits 1.
            """,
            examples: [
                "metro6 compute --synthetic 100000 --scheduler easy --sla-p95-wait 7200",
                "metro6 compute --trace cluster.swf --cores 512 --format json",
            ])
    )

    @Option(
        help: "A job trace in the Standard Workload Format (.swf).", completion: .file(extensions: ["swf"]))
    var trace: String?

    @Option(parsing: .unconditional, help: "Generate this many synthetic jobs instead of reading a trace.")
    var synthetic: Int?

    @Option(help: "Scheduler: fcfs or easy.")
    var scheduler = SchedulerKind.easy

    @Option(
        parsing: .unconditional, help: "Processors of the machine (default: the trace's MaxProcs, else 2048)."
    )
    var cores: Int?

    @Option(parsing: .unconditional, help: "Offered load of the synthetic stream.")
    var load = 0.85

    @Option(parsing: .unconditional, help: "Widest synthetic job.")
    var maxWidth = 64

    @Option(
        parsing: .unconditional,
        help: "Queued jobs an EASY pass looks at behind the head (Slurm's bf_max_job_test).")
    var backfillDepth = BatchSimulation.slurmBackfillDepth

    @Option(help: "Seed of the synthetic stream.")
    var seed: UInt64 = 1

    @Flag(help: "Stop at the first bad trace line instead of skipping it.")
    var strict = false

    @Option(help: "Write each job's submit, start and end to this CSV file.")
    var schedule: String?

    @Option(
        parsing: .unconditional,
        help: "Wait SLA: the largest acceptable P95 wait of a month's jobs, in seconds.")
    var slaP95Wait: Double?

    @Option(
        parsing: .unconditional, help: "Cores per node (the SLA's expansion step and the power model's unit)."
    )
    var nodeCores = 64

    @Option(parsing: .unconditional, help: "Watts a node draws idle (with --busy-watts: report energy).")
    var idleWatts: Double?

    @Option(parsing: .unconditional, help: "Watts a node draws with every core busy.")
    var busyWatts: Double?

    @Option(parsing: .unconditional, help: "Power usage effectiveness of the building.")
    var pue = 1.4

    @Option(help: "Write the jobs simulated (for example the synthetic stream) as an SWF trace.")
    var writeTrace: String?

    @Option(help: PageFormat.argumentHelp)
    var format = PageFormat.text

    @OptionGroup var output: OutputFile

    func validate() throws {
        if (trace == nil) == (synthetic == nil) {
            throw ValidationError("give either --trace FILE or --synthetic JOBS")
        }
        try check(cores, in: InputRanges.cores, "--cores")
        try check(synthetic, in: InputRanges.syntheticJobs, "--synthetic")
        try check(load, in: InputRanges.load, "--load")
        try check(maxWidth, in: InputRanges.cores, "--max-width")
        try check(backfillDepth, in: InputRanges.backfillDepth, "--backfill-depth")
        try check(nodeCores, in: InputRanges.nodeCores, "--node-cores")
        try check(idleWatts, in: InputRanges.nodeWatts, "--idle-watts")
        try check(busyWatts, in: InputRanges.nodeWatts, "--busy-watts")
        try check(pue, in: InputRanges.pue, "--pue")
        try check(slaP95Wait, in: 0...InputRanges.slaHours.upperBound * 3_600, "--sla-p95-wait")
        if (idleWatts == nil) != (busyWatts == nil) {
            throw ValidationError("give both --idle-watts and --busy-watts to report energy")
        }
        if let idleWatts, let busyWatts, busyWatts < idleWatts {
            throw ValidationError("--busy-watts must be at least --idle-watts")
        }
        if let synthetic {
            let problems = SyntheticWorkload(
                jobs: synthetic, processors: cores ?? 2_048, load: load, maximumWidth: maxWidth
            ).problems
            if let problem = problems.first { throw ValidationError(problem) }
        }
    }

    func run() throws {
        var jobs: [Job]
        var processors = cores ?? 2_048
        var skippedLines = 0
        if let trace {
            let parsed: SWFTrace
            do {
                parsed = try SWFTrace(contentsOf: trace, strict: strict)
            } catch {
                throw CommandFailure(error.description)
            }
            for problem in parsed.problems {
                FileHandle.standardError.write(Data("skipped: \(problem)\n".utf8))
            }
            skippedLines = parsed.problems.count
            jobs = parsed.jobs
            if cores == nil, let maximum = parsed.maximumProcessors { processors = maximum }
        } else {
            jobs = SyntheticWorkload(
                jobs: synthetic ?? 0, processors: processors, load: load, maximumWidth: maxWidth
            ).generate(seed: seed)
        }
        if let writeTrace {
            let text = SWFTrace.text(
                of: jobs, maximumProcessors: processors, comment: "Written by metro6 compute")
            try save(text, to: writeTrace)
        }
        let simulation = BatchSimulation(
            processors: processors, scheduler: scheduler, backfillDepth: backfillDepth)
        let result = simulation.run(jobs)
        if let schedule { try writeSchedule(result, to: schedule) }
        let summary = result.summary
        var report = ComputeReport(summary: summary)
        if let idleWatts, let busyWatts {
            let power = PowerModel(
                coresPerNode: nodeCores, idleWattsPerNode: idleWatts, busyWattsPerNode: busyWatts, pue: pue)
            report.energyKWh = power.energy(of: result)
        }
        if let slaP95Wait {
            let sla = WaitSLA(maximumP95Wait: slaP95Wait)
            report.sla = sla
            report.slaAssessment = SLAAssessment.assess(
                jobs: jobs, on: simulation, against: sla, nodeSize: nodeCores)
        }
        switch format {
        case .json:
            try output.writeJSON(report)
        case .text, .html:
            let document = report.document(
                scheduler: scheduler.rawValue, processors: processors, skippedLines: skippedLines,
                maximumQueueLength: result.maximumQueueLength, pue: idleWatts == nil ? nil : pue,
                nodeCores: nodeCores)
            try output.write(format == .html ? HTMLRenderer.render(document) : TextRenderer.render(document))
        }
        if report.slaAssessment?.firstBreach != nil { throw ExitStatus.problemsFound.exit }
    }

    private func writeSchedule(_ result: ScheduleResult, to path: String) throws {
        var csv = "id,submit,start,end,processors,wait\n"
        for (index, job) in result.jobs.enumerated() where result.starts[index] >= 0 {
            let start = result.starts[index]
            csv +=
                "\(job.id),\(job.submitTime),\(start),\(result.end(of: index)),\(job.processors),\(start - job.submitTime)\n"
        }
        try save(csv, to: path)
    }
}
