import SimCore

/// Runs a job stream through a machine of `processors` cores under FCFS or EASY, on SimCore.
///
/// Semantics, fixed so results compare with other simulators: a job holds its processors for
/// min(run time, requested time); a job wider than the machine is skipped and counted; events at
/// one time are applied together — completions first, then arrivals in trace order — and then one
/// scheduling pass runs. FCFS starts queued jobs strictly in order while the head fits. EASY then
/// reserves for the head the earliest time enough processors are free, judged from running jobs'
/// requested ends (the shadow time; processors left over then, counting every job whose requested
/// end falls at that instant, are the extra ones), and starts any
/// later job, in submit order, that fits now and either ends by its requested time no later than
/// the shadow time or needs no more than the extra processors (which it then uses up).
///
/// EASY looks at most `backfillDepth` queued jobs behind the head in a pass, as Slurm's backfill
/// does (`bf_max_job_test`, 500 by default): the cost of a pass stays bounded when an overloaded
/// machine's queue grows without bound.
///
/// The machine may grow: each expansion adds processors at its time, applied with the
/// completions at that time. A job is skipped when it is wider than the machine on arrival.
public struct BatchSimulation: Sendable {
    /// Cores of the machine at the start.
    public var processors: Int
    /// The policy.
    public var scheduler: SchedulerKind
    /// Processors added at given times, in time order.
    public var expansions: [Expansion]
    /// The most queued jobs behind the head EASY considers in one pass; nil: all of them.
    public var backfillDepth: Int?

    /// Slurm's default depth of a backfill pass (`bf_max_job_test`).
    public static let slurmBackfillDepth = 500

    /// A machine of `processors` cores, growing by `expansions`, run by `scheduler`, backfilling
    /// at most `backfillDepth` jobs deep.
    public init(
        processors: Int, scheduler: SchedulerKind, expansions: [Expansion] = [],
        backfillDepth: Int? = slurmBackfillDepth
    ) {
        precondition(processors > 0, "the machine needs at least one processor")
        precondition(expansions.allSatisfy { $0.processors > 0 }, "an expansion adds at least one processor")
        precondition(backfillDepth.map { $0 > 0 } ?? true, "a backfill pass looks at one job at least")
        self.processors = processors
        self.scheduler = scheduler
        self.expansions = expansions.sorted { $0.time < $1.time }
        self.backfillDepth = backfillDepth
    }

    /// Simulates `jobs` (in trace order; they are served by submit time, ties in trace order).
    public func run(_ jobs: [Job]) -> ScheduleResult {
        let order = jobs.indices.sorted { (jobs[$0].submitTime, $0) < (jobs[$1].submitTime, $1) }
        var starts = [Double](repeating: -1, count: jobs.count)
        var reservations = [Double](repeating: -1, count: jobs.count)
        var skipped: [Int] = []
        var completions = Simulation<LadderQueueCalendar<Int32>>()
        var running = RunningJobs()
        var queue: [Int] = []
        var queueHead = 0
        var free = processors
        var capacity = processors
        var nextExpansion = 0
        var next = 0
        var events = 0
        var queueLength = TimeWeightedAverage(value: 0, at: order.first.map { jobs[$0].submitTime } ?? 0)
        var lastEventTime = order.first.map { jobs[$0].submitTime } ?? 0
        let clock = ContinuousClock()
        let began = clock.now

        func start(_ job: Int, at now: Double) {
            starts[job] = now
            free -= jobs[job].processors
            let requestedEnd = now + jobs[job].requestedTime
            running.add(end: requestedEnd, processors: jobs[job].processors, job: job)
            completions.schedule(Int32(job), at: SimTime(now + jobs[job].duration))
        }

        while true {
            let nextCompletion = completions.nextEventTime()?.value ?? .infinity
            let nextArrival = next < order.count ? jobs[order[next]].submitTime : .infinity
            let pendingWork = nextCompletion < .infinity || nextArrival < .infinity
            let expansionTime =
                nextExpansion < expansions.count && pendingWork ? expansions[nextExpansion].time : .infinity
            let now = Swift.min(nextCompletion, nextArrival, expansionTime)
            if now == .infinity { break }
            while nextExpansion < expansions.count && expansions[nextExpansion].time <= now {
                capacity += expansions[nextExpansion].processors
                free += expansions[nextExpansion].processors
                nextExpansion += 1
            }
            while let (_, finished) = completions.nextEvent(until: SimTime(now)) {
                let job = Int(finished)
                free += jobs[job].processors
                running.remove(end: starts[job] + jobs[job].requestedTime, job: job)
                events += 1
            }
            while next < order.count && jobs[order[next]].submitTime <= now {
                let job = order[next]
                next += 1
                events += 1
                if jobs[job].processors > capacity {
                    skipped.append(job)
                } else {
                    queue.append(job)
                }
            }
            // FCFS: start the head while it fits.
            while queueHead < queue.count && jobs[queue[queueHead]].processors <= free {
                start(queue[queueHead], at: now)
                queueHead += 1
            }
            if scheduler == .easy && queueHead < queue.count && free > 0 {
                let head = queue[queueHead]
                let (shadow, extraAtShadow) = running.shadow(needed: jobs[head].processors, free: free)
                if reservations[head] < 0 { reservations[head] = shadow }
                var extra = extraAtShadow
                let depthEnd = backfillDepth.map { Swift.min(queue.count, queueHead + 1 + $0) } ?? queue.count
                var scanEnd = queueHead + 1
                while scanEnd < depthEnd && free > 0 {
                    let job = queue[scanEnd]
                    let width = jobs[job].processors
                    if width <= free && (now + jobs[job].requestedTime <= shadow || width <= extra) {
                        if now + jobs[job].requestedTime > shadow { extra -= width }
                        start(job, at: now)
                        queue[scanEnd] = -1
                    }
                    scanEnd += 1
                }
                // Right-align the head and the jobs kept in the scanned window, so the queue behind
                // it stays where it is: a pass costs its depth, not the queue's length.
                var write = scanEnd - 1
                for position in stride(from: scanEnd - 1, to: queueHead, by: -1) where queue[position] >= 0 {
                    queue[write] = queue[position]
                    write -= 1
                }
                queue[write] = head
                queueHead = write
            } else if scheduler == .easy && queueHead < queue.count {
                let head = queue[queueHead]
                if reservations[head] < 0 {
                    reservations[head] = running.shadow(needed: jobs[head].processors, free: free).time
                }
            }
            if queueHead > 4_096 && queueHead * 2 > queue.count {
                queue.removeFirst(queueHead)
                queueHead = 0
            }
            queueLength.record(Double(queue.count - queueHead), at: now)
            lastEventTime = now
        }
        let seconds = (clock.now - began) / .seconds(1)
        return ScheduleResult(
            jobs: jobs, processors: processors, expansions: Array(expansions.prefix(nextExpansion)),
            starts: starts, headReservations: reservations,
            skipped: skipped, meanQueueLength: queueLength.average(until: lastEventTime),
            maximumQueueLength: Int(queueLength.maximum), events: events, seconds: seconds)
    }
}

/// Processors added to the machine at a time (seconds, on the trace's clock).
public struct Expansion: Sendable, Hashable, Codable {
    /// When the processors become available.
    public var time: Double
    /// How many are added.
    public var processors: Int

    /// `processors` more from `time` on.
    public init(time: Double, processors: Int) {
        self.time = time
        self.processors = processors
    }
}
