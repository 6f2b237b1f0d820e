/// The city's supercomputing and cloud centre over a horizon: an HPC (CPU) partition running a
/// synthetic job stream under a batch scheduler, growing by dated expansions, optionally a GPU
/// partition with a job stream of its own, a wait SLA, a power model and a cloud partition.
/// Equal centres run from the same seed and replication give equal results, so a sweep keys
/// shared results by the centre itself.
public struct ComputeCentre: Sendable, Hashable {
    /// A partition of accelerators scheduled apart from the CPU cores (a CPU+GPU machine's
    /// TOP500 core count is not all CPU cores).
    public struct GPUPartition: Sendable, Hashable {
        /// GPUs at the start.
        public var gpus: Int
        /// Its job stream, widths in GPUs (its `jobs` count is ignored).
        public var workload: SyntheticWorkload
        /// GPUs added at given times (`processors` counts GPUs).
        public var expansions: [Expansion]

        /// `gpus` GPUs running `workload`, growing by `expansions`.
        public init(gpus: Int, workload: SyntheticWorkload, expansions: [Expansion] = []) {
            self.gpus = gpus
            self.workload = workload
            self.expansions = expansions
        }
    }

    /// Cores of the HPC partition at the start.
    public var cores: Int
    /// The batch policy (both partitions).
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
    /// The GPU partition, if any.
    public var gpu: GPUPartition?
    /// The length of a reporting year, seconds (the yearly figures).
    public var yearLength: Double
    /// The most queued jobs an EASY pass looks at behind the head (both partitions).
    public var backfillDepth: Int

    /// A centre; see the properties.
    public init(
        cores: Int, scheduler: SchedulerKind, workload: SyntheticWorkload, horizon: Double,
        expansions: [Expansion] = [], sla: WaitSLA? = nil, power: PowerModel? = nil,
        cloud: CloudSimulation? = nil, gpu: GPUPartition? = nil,
        yearLength: Double = CloudSimulation.secondsPerYear,
        backfillDepth: Int = BatchSimulation.slurmBackfillDepth
    ) {
        self.backfillDepth = backfillDepth
        self.cores = cores
        self.scheduler = scheduler
        self.workload = workload
        self.horizon = horizon
        self.expansions = expansions
        self.sla = sla
        self.power = power
        self.cloud = cloud
        self.gpu = gpu
        self.yearLength = yearLength
    }

    /// Runs replication `replication` of `seed` (the HPC stream uses streams 0–1 of it, the GPU
    /// stream and the cloud seed offsets of their own, so no two share numbers).
    public func run(seed: UInt64, replication: Int) -> ComputeCentreResult {
        let jobs = workload.generate(seed: seed, replication: replication, horizon: horizon)
        let result = BatchSimulation(
            processors: cores, scheduler: scheduler, expansions: expansions, backfillDepth: backfillDepth
        ).run(jobs)
        var breaches: [PeriodSummary] = []
        if let sla { breaches = sla.breaches(in: result, origin: 0) }
        let gpuResult = gpu.map { partition in
            BatchSimulation(
                processors: partition.gpus, scheduler: scheduler, expansions: partition.expansions,
                backfillDepth: backfillDepth
            ).run(
                partition.workload.generate(
                    seed: seed &+ 0x5851_F42D, replication: replication, horizon: horizon))
        }
        return ComputeCentreResult(
            summary: result.summary, firstSLABreachPeriod: breaches.first?.index,
            slaPeriodsBreached: breaches.count, energyKWh: power?.energy(of: result),
            cloud: cloud?.run(horizon: horizon, seed: seed &+ 0x9E37_79B9, replication: replication),
            years: years(of: result), gpu: gpuResult?.summary, gpuYears: gpuResult.map(years) ?? [])
    }

    /// The figures of each reporting year within the horizon.
    func years(of result: ScheduleResult) -> [PeriodSummary] {
        let count = Swift.max(1, Int((horizon / yearLength).rounded(.up)))
        return Array(result.periods(length: yearLength, origin: 0).prefix(count))
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
    /// The HPC partition's figures per reporting year.
    public var years: [PeriodSummary]
    /// The GPU partition's figures (with one).
    public var gpu: ScheduleSummary?
    /// The GPU partition's figures per reporting year.
    public var gpuYears: [PeriodSummary]
}
