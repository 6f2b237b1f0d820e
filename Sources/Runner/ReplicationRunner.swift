import Dispatch
import MetroModel
import Scenario
import SimCore
import Synchronization

/// Runs replications of a rollout on all cores.
///
/// Replication r draws from stream r of the seed (`RandomStreams`), so its numbers do not depend
/// on which thread ran it or how many threads there were; results come back in replication order.
public enum ReplicationRunner {
    /// The results of `replications` runs of `configuration` from `seed`, using up to `threads`
    /// threads (default: one per core).
    public static func run(
        _ configuration: NetworkConfiguration, seed: UInt64, replications: Int, threads: Int? = nil
    ) -> [RolloutResult] {
        let simulation = RolloutSimulation(configuration: configuration)
        let starts = RandomStreams(seed: seed).starts(of: 0..<replications)
        return map(replications: replications, threads: threads) { replication in
            var generator = starts[replication]
            return simulation.run(using: &generator)
        }
    }

    /// The network's results of every replication of `inputs`: each replication runs the
    /// scenario it draws (the same configuration for all when nothing is uncertain).
    /// `progress` is called as each replication finishes.
    public static func run(
        _ inputs: ScenarioInputs, seed: UInt64, replications: Int, threads: Int? = nil,
        progress: (@Sendable () -> Void)? = nil
    ) throws(ScenarioErrors) -> (results: [RolloutResult], scenarios: [ScenarioFile]?) {
        let scenarios =
            inputs.uncertain.isEmpty
            ? nil : try draws(inputs, seed: seed, replications: replications, threads: threads)
        let configuration = inputs.central.networkConfiguration
        let starts = RandomStreams(seed: seed).starts(of: 0..<replications)
        let results = map(replications: replications, threads: threads, progress: progress) { replication in
            var generator = starts[replication]
            return RolloutSimulation(
                configuration: scenarios?[replication].networkConfiguration ?? configuration
            ).run(using: &generator)
        }
        return (results, scenarios)
    }

    /// The scenario of every replication: `inputs` drawn from each replication's stream, on up
    /// to `threads` threads; the first draw that breaks a rule is the error.
    public static func draws(
        _ inputs: ScenarioInputs, seed: UInt64, replications: Int, threads: Int? = nil
    ) throws(ScenarioErrors) -> [ScenarioFile] {
        let starts = RandomStreams(seed: seed).starts(of: 0..<replications)
        let drawn = map(replications: replications, threads: threads) { replication in
            Result { () throws(ScenarioErrors) -> ScenarioFile in
                try inputs.drawWithValues(replicationStart: starts[replication]).scenario
            }
        }
        return try drawn.map { result throws(ScenarioErrors) in try result.get() }
    }

    /// `body(r)` for every replication r, on up to `threads` threads, in replication order;
    /// `progress` is called as each finishes.
    public static func map<T: Sendable>(
        replications: Int, threads: Int? = nil, progress: (@Sendable () -> Void)? = nil,
        _ body: @Sendable (Int) -> T
    ) -> [T] {
        precondition(replications > 0, "at least one replication")
        let results = Mutex<[T?]>(Array(repeating: nil, count: replications))
        let workers = Swift.max(1, Swift.min(threads ?? ProcessInfoCores.count, replications))
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let replication = next.add(1, ordering: .relaxed).oldValue
                if replication >= replications { return }
                let result = body(replication)
                results.withLock { $0[replication] = result }
                progress?()
            }
        }
        return results.withLock { $0.map { $0! } }
    }
}

/// The number of cores the process may use.
enum ProcessInfoCores {
    static var count: Int {
        #if canImport(Glibc)
            return Swift.max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
            return 1
        #endif
    }
}

#if canImport(Glibc)
    import Glibc
#endif
