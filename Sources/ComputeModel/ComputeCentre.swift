/// The city's supercomputing and cloud centre over a horizon: an HPC partition running a
/// synthetic job stream under a batch scheduler, growing by dated expansions, optionally with a
/// wait SLA, a power model and a cloud partition.
public struct ComputeCentre: Sendable {
    /// Cores of the HPC partition at the start.
    public var cores: Int
    /// The batch policy.
    public var scheduler: SchedulerKind
    /// The HPC job stream (its `jobs` count is ignored: jobs arrive until the horizon).
    public var workload: SyntheticWorkload
    /// Seconds simulated.
    public var horizon: Double
    /// Cores added at given times.
    public var expansions: [Expansion]
    /// The wait objective, if any.
    public var sla: WaitSLA?
    /// The power model, if any.
    public var power: PowerModel?
    /// The cloud partition, if any.
    public var cloud: CloudSimulation?

    /// A centre; see the properties.
    public init(
        cores: Int, scheduler: SchedulerKind, workload: SyntheticWorkload, horizon: Double,
        expansions: [Expansion] = [],
        sla: WaitSLA? = nil, power: PowerModel? = nil, cloud: CloudSimulation? = nil
    ) {
        self.cores = cores
        self.scheduler = scheduler
        self.workload = workload
        self.horizon = horizon
        self.expansions = expansions
        self.sla = sla
        self.power = power
        self.cloud = cloud
    }

    /// Runs replication `replication` of `seed` (the HPC stream uses streams 0–1 of it, the
    /// cloud its own seed offset so the two never share numbers).
    public func run(seed: UInt64, replication: Int) -> ComputeCentreResult {
        let jobs = workload.generate(seed: seed, replication: replication, horizon: horizon)
        let result = BatchSimulation(processors: cores, scheduler: scheduler, expansions: expansions).run(
            jobs)
        let summary = result.summary
        var breaches: [PeriodSummary] = []
        if let sla { breaches = sla.breaches(in: result, origin: 0) }
        return ComputeCentreResult(
            summary: summary, firstSLABreachPeriod: breaches.first?.index, slaPeriodsBreached: breaches.count,
            energyKWh: power?.energy(of: result),
            cloud: cloud?.run(horizon: horizon, seed: seed &+ 0x9E37_79B9, replication: replication))
    }
}

/// What one replication of the compute centre produced.
public struct ComputeCentreResult: Sendable, Hashable, Codable {
    /// The HPC partition's figures.
    public var summary: ScheduleSummary
    /// The first SLA period (from 0) whose P95 wait broke the bound; nil if none (or no SLA).
    public var firstSLABreachPeriod: Int?
    /// SLA periods in breach.
    public var slaPeriodsBreached: Int
    /// Facility energy, kWh (with a power model).
    public var energyKWh: Double?
    /// The cloud partition's outcome (with a cloud).
    public var cloud: CloudResult?
}
