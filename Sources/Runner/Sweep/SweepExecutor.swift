import ComputeModel
import Dispatch
import MetroModel
import Scenario
import SimCore
import Synchronization

/// Runs a sweep's runs on several threads and hands each finished run's record to a sink.
///
/// Run `n` is replication `r` of variant `v` (`SweepFile.position`): it draws its scenario
/// from stream `r` of the sweep's seed and runs the network from the same stream, exactly as
/// `metro6 run` runs replication `r`, so a run's numbers depend on neither the thread count nor
/// the shard. Runs share the compute centre's result when their centres, seed and replication
/// are equal, and the baseline's when their networks (without the plan's actions) and district
/// seeds are.
public struct SweepExecutor: Sendable {
    /// The sweep.
    public let sweep: SweepFile
    /// Each variant's inputs, in variant order.
    public let inputs: [ScenarioInputs]
    /// The seed all runs derive their random numbers from.
    public let seed: UInt64

    /// An executor of `sweep`'s variants `inputs` from `seed`.
    public init(sweep: SweepFile, inputs: [ScenarioInputs], seed: UInt64) {
        precondition(inputs.count == sweep.variants.count, "one input per variant")
        self.sweep = sweep
        self.inputs = inputs
        self.seed = seed
    }

    /// What a compute centre's result depends on.
    struct ComputeKey: Hashable, Sendable {
        var centre: ComputeCentre
        var seed: UInt64
        var replication: Int
    }

    /// What a baseline depends on: the network without the plan's actions and the seeds.
    struct BaselineKey: Hashable, Sendable {
        var network: NetworkConfiguration
        var seeds: DistrictSeeds
    }

    /// A run whose network is done, waiting for its compute centre's result.
    struct Partial: Sendable {
        var run: Int
        var variant: Int
        var replication: Int
        var inputs: [(path: String, value: Double)]
        var result: RolloutResult
        var labels: [String]
    }

    /// The work an execution did: what it computed, against the runs it finished.
    public struct Work: Sendable, Hashable {
        /// Runs finished.
        public var runs = 0
        /// Compute-centre simulations (the rest of the runs with a centre shared one).
        public var centres = 0
        /// Baseline simulations (the rest shared one, or had no plan actions).
        public var baselines = 0
    }

    /// Runs every run in `runs` not in `finished` on `workers` threads. Each record goes to
    /// `sink` as its run finishes, one at a time; the first error (a draw that breaks a
    /// scenario rule, a failed write) stops the sweep after the runs in progress.
    @discardableResult
    public func execute(
        runs: Range<Int>, skipping finished: Set<Int> = [], workers: Int,
        sink: @Sendable (RunRecord) throws(SweepError) -> Void
    ) throws(SweepError) -> Work {
        let todo = runs.filter { !finished.contains($0) }
        guard let first = todo.first, let last = todo.last else { return Work() }
        let replications = sweep.position(of: first).replication..<sweep.position(of: last).replication + 1
        let state = ExecutionState(
            replications: replications, starts: RandomStreams(seed: seed).starts(of: replications))
        let next = Atomic<Int>(0)
        let count = Swift.max(1, Swift.min(workers, todo.count))
        DispatchQueue.concurrentPerform(iterations: count) { _ in
            while !state.stopped {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < todo.count else { return }
                let run = todo[index]
                let replication = sweep.position(of: run).replication
                if replication >= 2 { state.release(before: replication - 1) }
                do throws(SweepError) {
                    try perform(run, state: state, sink: sink)
                } catch {
                    state.fail(error)
                }
            }
        }
        if let error = state.error { throw error }
        return state.work
    }

    /// Runs `run` and hands its record to `sink`, or leaves it for the run computing its centre.
    func perform(_ run: Int, state: ExecutionState, sink: (RunRecord) throws(SweepError) -> Void)
        throws(SweepError)
    {
        let (variant, replication) = sweep.position(of: run)
        let drawn: (scenario: ScenarioFile, values: [Double])
        do {
            drawn = try inputs[variant].drawWithValues(replicationStart: state.start(of: replication))
        } catch {
            throw .scenario(error)
        }
        let scenario = drawn.scenario
        let partial = Partial(
            run: run, variant: variant, replication: replication,
            inputs: zip(inputs[variant].uncertain, drawn.values).map { ($0.path, $1) },
            result: network(scenario.networkConfiguration, replication: replication, state: state),
            labels: (0..<scenario.months).map { scenario.start.adding(months: $0).description })
        guard let centre = scenario.computeCentre else {
            return try finish(partial, nil, state: state, sink: sink)
        }
        let key = ComputeKey(centre: centre, seed: seed, replication: replication)
        switch state.computes.claim(key, replication: replication, waiting: partial) {
        case .ready(let value): try finish(partial, value, state: state, sink: sink)
        case .queued: return
        case .claimed:
            let value = centre.run(seed: seed, replication: replication)
            state.counted(\.centres)
            let waiting = state.computes.fulfil(key, value)
            for other in [partial] + waiting { try finish(other, value, state: state, sink: sink) }
        }
    }

    /// The network's result of replication `replication`, sharing the baseline.
    func network(_ configuration: NetworkConfiguration, replication: Int, state: ExecutionState)
        -> RolloutResult
    {
        let simulation = RolloutSimulation(configuration: configuration)
        var generator = state.start(of: replication)
        let seeds = simulation.districtSeeds(using: &generator)
        guard !configuration.actions.isEmpty else { return simulation.run(seeds: seeds, baseline: nil) }
        var network = configuration
        network.actions = []
        let key = BaselineKey(network: network, seeds: seeds)
        let baseline =
            state.baselines.value(key)
            ?? {
                let computed = simulation.baseline(seeds: seeds)
                state.counted(\.baselines)
                state.baselines.store(key, replication: replication, computed)
                return computed
            }()
        return simulation.run(seeds: seeds, baseline: baseline)
    }

    func finish(
        _ partial: Partial, _ compute: ComputeCentreResult?, state: ExecutionState,
        sink: (RunRecord) throws(SweepError) -> Void
    ) throws(SweepError) {
        let record = RunRecord(
            run: partial.run, variant: partial.variant, replication: partial.replication, seed: seed,
            inputs: partial.inputs, result: partial.result, compute: compute, labels: partial.labels)
        try state.serialized { () throws(SweepError) in try sink(record) }
        state.counted(\.runs)
    }

    /// What the workers share: the replications' random streams, the shared results, the
    /// sink's lock, the first error.
    final class ExecutionState: Sendable {
        /// The replications run, and where each one's random numbers start.
        let replications: Range<Int>
        let starts: [Xoshiro256StarStar]

        init(replications: Range<Int>, starts: [Xoshiro256StarStar]) {
            self.replications = replications
            self.starts = starts
        }

        /// Stream 0 of replication `replication`.
        func start(of replication: Int) -> Xoshiro256StarStar {
            starts[replication - replications.lowerBound]
        }

        let computes = SharedResults<ComputeKey, ComputeCentreResult, Partial>()
        let baselines = SharedResults<BaselineKey, BaselineCosts, Never>()
        private let sinkLock = Mutex<Void>(())
        private let failure = Mutex<SweepError?>(nil)
        private let done = Mutex(Work())

        var work: Work { done.withLock { $0 } }

        func counted(_ figure: WritableKeyPath<Work, Int>) {
            done.withLock { $0[keyPath: figure] += 1 }
        }

        var stopped: Bool { failure.withLock { $0 != nil } }
        var error: SweepError? { failure.withLock { $0 } }

        func fail(_ error: SweepError) {
            failure.withLock { if $0 == nil { $0 = error } }
        }

        func release(before replication: Int) {
            computes.release(before: replication)
            baselines.release(before: replication)
        }

        func serialized(_ body: () throws(SweepError) -> Void) throws(SweepError) {
            try sinkLock.withLock { _ throws(SweepError) in try body() }
        }
    }
}
