import SimCore

/// What a batch simulation did to each job, and the metrics of the whole run.
public struct ScheduleResult: Sendable {
    /// The jobs, as given.
    public let jobs: [Job]
    /// Cores of the machine at the start.
    public let processors: Int
    /// The expansions that took effect while jobs were still running or waiting.
    public let expansions: [Expansion]
    /// Start time of each job (−1 for a skipped job), in the order of `jobs`.
    public let starts: [Double]
    /// For EASY, the reservation each job got when it first headed the queue without fitting
    /// (−1 when it never waited at the head, and always under FCFS).
    public let headReservations: [Double]
    /// Indices of jobs wider than the machine, which were skipped.
    public let skipped: [Int]
    /// Time-averaged number of waiting jobs, from the first submit to the last event.
    public let meanQueueLength: Double
    /// The most jobs waiting at once.
    public let maximumQueueLength: Int
    /// Arrivals plus completions processed.
    public let events: Int
    /// Wall-clock seconds of the simulation.
    public let seconds: Double

    /// Indices of the jobs that ran (computed once: every metric walks them).
    public let scheduled: [Int]

    /// A result; `scheduled` is derived from `starts`.
    init(
        jobs: [Job], processors: Int, expansions: [Expansion], starts: [Double], headReservations: [Double],
        skipped: [Int], meanQueueLength: Double, maximumQueueLength: Int, events: Int, seconds: Double
    ) {
        self.jobs = jobs
        self.processors = processors
        self.expansions = expansions
        self.starts = starts
        self.headReservations = headReservations
        self.skipped = skipped
        self.meanQueueLength = meanQueueLength
        self.maximumQueueLength = maximumQueueLength
        self.events = events
        self.seconds = seconds
        scheduled = jobs.indices.filter { starts[$0] >= 0 }
    }

    /// The end time of job `index`.
    public func end(of index: Int) -> Double { starts[index] + jobs[index].duration }

    /// Time from the first submit to the last completion (0 when nothing ran).
    public var makespan: Double {
        let ran = scheduled
        guard let firstSubmit = ran.map({ jobs[$0].submitTime }).min(),
            let lastEnd = ran.map({ end(of: $0) }).max()
        else { return 0 }
        return lastEnd - firstSubmit
    }

    /// Σ processors × duration over the processor-seconds available in the makespan (cores ×
    /// makespan on a machine that does not grow).
    public var utilization: Double {
        let ran = scheduled
        guard let firstSubmit = ran.map({ jobs[$0].submitTime }).min(),
            let lastEnd = ran.map({ end(of: $0) }).max(), lastEnd > firstSubmit
        else { return 0 }
        let area = ran.reduce(0.0) { $0 + Double(jobs[$1].processors) * jobs[$1].duration }
        return area / capacitySeconds(from: firstSubmit, to: lastEnd)
    }

    /// Processor-seconds the machine offers between two times, counting expansions.
    public func capacitySeconds(from start: Double, to end: Double) -> Double {
        var total = Double(processors) * (end - start)
        for expansion in expansions where expansion.time < end {
            total += Double(expansion.processors) * (end - Swift.max(start, expansion.time))
        }
        return total
    }

    /// Waits (start − submit) of the jobs that ran, in job order.
    public var waits: [Double] { scheduled.map { starts[$0] - jobs[$0].submitTime } }

    /// The summary figures of the run.
    public var summary: ScheduleSummary {
        let waits = self.waits
        var moments = RunningMoments()
        var slowdown = RunningMoments()
        for index in scheduled {
            let wait = starts[index] - jobs[index].submitTime
            moments.add(wait)
            let run = jobs[index].duration
            slowdown.add(Swift.max(1, (wait + run) / Swift.max(run, 10)))
        }
        let sorted = waits.sorted()
        func quantile(_ q: Double) -> Double {
            sorted.nearestRankQuantile(q) ?? 0
        }
        let span = makespan
        return ScheduleSummary(
            jobs: sorted.count, skippedJobs: skipped.count, utilization: utilization,
            meanWait: moments.mean, p50Wait: quantile(0.5), p95Wait: quantile(0.95),
            maxWait: sorted.last ?? 0,
            meanBoundedSlowdown: slowdown.mean, makespan: span,
            meanQueueLength: meanQueueLength,
            simulationSeconds: seconds,
            simulatedEventsPerSecond: seconds > 0 ? Double(events) / seconds : 0)
    }
}

/// The figures of a batch simulation, as `metro6 compute` prints them.
public struct ScheduleSummary: Sendable, Hashable, Codable {
    /// Jobs that ran.
    public var jobs: Int
    /// Jobs wider than the machine.
    public var skippedJobs: Int
    /// Σ processors × duration over cores × makespan.
    public var utilization: Double
    /// Mean of start − submit, seconds.
    public var meanWait: Double
    /// Median wait (the wait of rank ⌈n/2⌉), seconds.
    public var p50Wait: Double
    /// 95th-percentile wait (rank ⌈0.95 n⌉), seconds.
    public var p95Wait: Double
    /// Longest wait, seconds.
    public var maxWait: Double
    /// Mean of max(1, (wait + run) / max(run, 10 s)).
    public var meanBoundedSlowdown: Double
    /// First submit to last completion, seconds.
    public var makespan: Double
    /// Time-averaged number of waiting jobs over the makespan.
    public var meanQueueLength: Double
    /// Wall-clock seconds of the simulation (generation, parsing and metrics excluded).
    public var simulationSeconds: Double
    /// Arrivals and completions simulated per wall-clock second.
    public var simulatedEventsPerSecond: Double
}
