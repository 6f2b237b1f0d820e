/// A service-level objective on waits: in every period, the 95th-percentile wait of the jobs
/// submitted in it stays at or below a bound.
public struct WaitSLA: Sendable, Hashable, Codable {
    /// The bound on the period's P95 wait, seconds.
    public var maximumP95Wait: Double
    /// The period's length, seconds (default: a mean Gregorian month, 30.436875 days).
    public var period: Double

    /// An objective of `maximumP95Wait` seconds per `period`.
    public init(maximumP95Wait: Double, period: Double = 30.436_875 * 86_400) {
        precondition(maximumP95Wait >= 0 && period > 0, "an SLA needs a bound ≥ 0 and a period > 0")
        self.maximumP95Wait = maximumP95Wait
        self.period = period
    }

    /// The periods of `result` that break the objective.
    public func breaches(in result: ScheduleResult, origin: Double? = nil) -> [PeriodSummary] {
        result.periods(length: period, origin: origin).filter { $0.p95Wait > maximumP95Wait }
    }
}

/// When a machine breaks its wait SLA, and the smallest expansion that would have kept it.
public struct SLAAssessment: Sendable, Hashable, Codable {
    /// The first period (0-based) whose P95 wait breaks the bound, or nil when none does.
    public var firstBreach: Int?
    /// How many periods break it.
    public var periodsBreached: Int
    /// The fewest processors (a multiple of the node size) which, added at the start of the first
    /// breached period, leave no period in breach; nil when there is no breach, or when even the
    /// largest expansion tried does not fix it.
    public var processorsToAdd: Int?
    /// The largest expansion tried.
    public var largestTried: Int

    /// Assesses `jobs` on `simulation` against `sla`. The search doubles the expansion (in steps
    /// of `nodeSize` processors) until the SLA holds or `maximumAdded` is reached, then bisects;
    /// each step is a full simulation.
    public static func assess(
        jobs: [Job], on simulation: BatchSimulation, against sla: WaitSLA, nodeSize: Int = 1,
        maximumAdded: Int? = nil
    ) -> SLAAssessment {
        precondition(nodeSize > 0, "the node size is at least one processor")
        let baseline = simulation.run(jobs)
        let origin = baseline.scheduled.map { jobs[$0].submitTime }.min() ?? 0
        let breaches = sla.breaches(in: baseline, origin: origin)
        guard let first = breaches.first else {
            return SLAAssessment(firstBreach: nil, periodsBreached: 0, processorsToAdd: nil, largestTried: 0)
        }
        let limit = maximumAdded ?? 16 * simulation.processors
        let expansionTime = origin + Double(first.index) * sla.period
        func holds(adding nodes: Int) -> Bool {
            var expanded = simulation
            expanded.expansions.append(Expansion(time: expansionTime, processors: nodes * nodeSize))
            expanded.expansions.sort { $0.time < $1.time }
            return sla.breaches(in: expanded.run(jobs), origin: origin).isEmpty
        }
        var low = 0
        var high = 1
        while !holds(adding: high) {
            low = high
            if high * nodeSize >= limit {
                return SLAAssessment(
                    firstBreach: first.index, periodsBreached: breaches.count, processorsToAdd: nil,
                    largestTried: high * nodeSize)
            }
            high = Swift.min(high * 2, Swift.max(1, limit / nodeSize))
        }
        while high - low > 1 {
            let middle = (low + high) / 2
            if holds(adding: middle) { high = middle } else { low = middle }
        }
        return SLAAssessment(
            firstBreach: first.index, periodsBreached: breaches.count, processorsToAdd: high * nodeSize,
            largestTried: high * nodeSize)
    }
}
