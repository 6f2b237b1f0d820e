import ComputeModel
import Foundation
import MetroModel
import Scenario
import SimCore

/// The outcome of `metro6 run`: a scenario and its replications' results, with their spreads.
/// It holds numbers only: `RunResult+JSON` writes the documented JSON, `RunResult+Document` the
/// report that text, CSV and HTML render.
public struct RunResult: Sendable {
    /// The scenario run.
    public let scenario: ScenarioFile
    /// The seed.
    public let seed: UInt64
    /// One result per replication, in replication order.
    public let results: [RolloutResult]
    /// The compute centre's result per replication, when the scenario has a centre.
    public let compute: [ComputeCentreResult]?

    init(scenario: ScenarioFile, seed: UInt64, results: [RolloutResult], compute: [ComputeCentreResult]?) {
        self.scenario = scenario
        self.seed = seed
        self.results = results
        self.compute = compute
    }

    /// Runs `scenario` `replications` times from `seed` on up to `threads` threads: the network,
    /// and the compute centre when the scenario has one.
    public init(scenario: ScenarioFile, seed: UInt64, replications: Int, threads: Int? = nil) {
        let results = ReplicationRunner.run(
            scenario.networkConfiguration, seed: seed, replications: replications, threads: threads)
        let compute = scenario.computeCentre.map { centre in
            ReplicationRunner.map(replications: replications, threads: threads) { replication in
                centre.run(seed: seed, replication: replication)
            }
        }
        self.init(scenario: scenario, seed: seed, results: results, compute: compute)
    }

    /// Runs `inputs` `replications` times from `seed`: each replication draws the scenario's
    /// distributions once from its own stream, then runs the network and the compute centre.
    /// `progress` is called as each network run and each compute-centre run finishes (`steps`
    /// of them in all).
    public init(
        inputs: ScenarioInputs, seed: UInt64, replications: Int, threads: Int? = nil,
        progress: (@Sendable () -> Void)? = nil
    ) throws(ScenarioErrors) {
        let (results, scenarios) = try ReplicationRunner.run(
            inputs, seed: seed, replications: replications, threads: threads, progress: progress)
        let compute = inputs.central.computeCentre.map { central in
            ReplicationRunner.map(replications: replications, threads: threads, progress: progress) {
                replication in
                (scenarios?[replication].computeCentre ?? central).run(seed: seed, replication: replication)
            }
        }
        self.init(scenario: inputs.central, seed: seed, results: results, compute: compute)
    }

    /// The progress steps of running `replications` replications of `inputs`: a network run
    /// each, and a compute-centre run each when the scenario has a centre.
    public static func steps(_ inputs: ScenarioInputs, replications: Int) -> Int {
        replications * (inputs.central.computeCentre == nil ? 1 : 2)
    }

    /// "YYYY-MM" of month index `month`.
    public func label(_ month: Int) -> String { scenario.start.adding(months: month).description }

    /// The KPIs over replications.
    public var spread: KPISpread { KPISpread(results) }

    /// The mean of each city column in each month over the replications.
    public var monthMeans: [[Double]] { MonthColumns.means(results.map(\.months), MonthColumns.city) }

    /// A binding constraint over replications.
    public struct Constraint: Sendable, Hashable {
        /// What bound (`BindingConstraint.constraint`).
        public var constraint: String
        /// The district's index, nil for the city's.
        public var district: Int?
        /// The share of replications in which it bound.
        public var share: Double
        /// The median first month among those.
        public var firstMonth: Int?
        /// The median last month among those.
        public var lastMonth: Int?
        /// Months it bound, the mean over all replications.
        public var months: Double
        /// The runs of consecutive months it bound, with one replication (nil with several).
        public var periods: [ClosedRange<Int>]?
    }

    /// The binding constraints of all replications, in the order first met.
    public var constraints: [Constraint] {
        struct Key: Hashable {
            var constraint: String
            var district: Int?
        }
        var order: [Key] = []
        var found: [Key: [BindingConstraint]] = [:]
        for result in results {
            for constraint in result.kpis.bindingConstraints {
                let key = Key(constraint: constraint.constraint, district: constraint.district)
                if found[key] == nil { order.append(key) }
                found[key, default: []].append(constraint)
            }
        }
        let n = Double(results.count)
        return order.map { key in
            let list = found[key]!
            return Constraint(
                constraint: key.constraint, district: key.district, share: Double(list.count) / n,
                firstMonth: Spread(list.map { Double($0.firstMonth) }).p50.map { Int($0) },
                lastMonth: Spread(list.map { Double($0.lastMonth) }).p50.map { Int($0) },
                months: list.reduce(0) { $0 + Double($1.months) } / n,
                periods: results.count == 1 ? list[0].periods : nil)
        }
    }

    /// A plan action as carried out over replications.
    public struct ActionOutcome: Sendable, Hashable {
        /// The action as written in the scenario.
        public var action: PlanAction
        /// Its month as written, from the start.
        public var plannedMonth: Int
        /// Whether it acts on the compute centre (its outcome is the centre's, not tracked here).
        public var isCompute: Bool
        /// The median month it finished; nil when it did not in most replications.
        public var doneMonth: Int?
        /// Months it was held back, the mean over replications rounded down.
        public var slippedMonths: Int
        /// What held it back in any replication, sorted.
        public var limits: [String]
    }

    /// The plan's actions as carried out, in the scenario's order.
    public var actions: [ActionOutcome] {
        var networkIndex = 0
        return (scenario.plan ?? []).map { action in
            let planned = scenario.start.months(to: action.month)
            guard action.action.network != nil else {
                return ActionOutcome(
                    action: action, plannedMonth: planned, isCompute: true, doneMonth: nil, slippedMonths: 0,
                    limits: [])
            }
            let progress = results.map { $0.actions[networkIndex] }
            networkIndex += 1
            return ActionOutcome(
                action: action, plannedMonth: planned, isCompute: false,
                doneMonth: Spread(progress.map { $0.doneMonth.map(Double.init) }).p50.map { Int($0) },
                slippedMonths: progress.reduce(0) { $0 + $1.slippedMonths } / progress.count,
                limits: Set(progress.flatMap(\.limits)).map(\.rawValue).sorted())
        }
    }
}
