import Benchmark
import MetroModel
import Scenario
import SimCore

/// The rollout model on the bundled city (the network model alone, its baseline included) and
/// on the same city with 100 times the subscribers and equipment (a nation, ~260M lines): the
/// cost must grow with cohorts, not subscribers. Metrics: CPU time and malloc counts.
let benchmarks: @Sendable () -> Void = {
    // Tolerances of `swift package benchmark thresholds check` against the committed Thresholds/.
    let thresholds: [BenchmarkMetric: BenchmarkThresholds] = [
        .cpuTotal: .init(relative: [.p90: 15]),
        .wallClock: .init(relative: [.p90: 25]),
        .mallocCountTotal: .init(absolute: [.p90: 1_000]),
    ]
    Benchmark.defaultConfiguration = .init(
        metrics: [.cpuTotal, .wallClock, .mallocCountTotal], timeUnits: .milliseconds, warmupIterations: 1,
        scalingFactor: .one, maxDuration: .seconds(10), maxIterations: 10, thresholds: thresholds)
    let city = try! DefaultScenario.load().networkConfiguration
    Benchmark("rollout-city") { _ in
        var generator = Xoshiro256StarStar(seed: 2011)
        blackHole(RolloutSimulation(configuration: city).run(using: &generator))
    }
    let nation = scaled(city, by: 100)
    Benchmark("rollout-nation-100x") { _ in
        var generator = Xoshiro256StarStar(seed: 2011)
        blackHole(RolloutSimulation(configuration: nation).run(using: &generator))
    }
}

/// `configuration` with `factor` times the lines, nodes, BNGs, capacity, addresses and budget.
func scaled(_ configuration: NetworkConfiguration, by factor: Int) -> NetworkConfiguration {
    var result = configuration
    let scale = Double(factor)
    result.districts = configuration.districts.map { district in
        var district = district
        district.subscribers = district.subscribers.map { $0 * factor }
        district.netAddsPerMonth = district.netAddsPerMonth.map { $0 * factor }
        district.access = district.access.map {
            AccessPlant(
                nodes: $0.nodes * factor, ready: $0.ready * factor, upgradable: $0.upgradable * factor,
                portsPerNode: $0.portsPerNode, subscribersPerPort: $0.subscribersPerPort, pppoe: $0.pppoe)
        }
        district.bngs *= factor
        district.readyBNGs *= factor
        district.uplinkGbps *= scale
        return district
    }
    result.publicIPv4 *= factor
    result.cgnat.gbps *= scale
    result.coreGbps = configuration.coreGbps.map { $0 * scale }
    result.budget = Budget(
        yearlyCapex: configuration.budget.yearlyCapex.map { $0 * scale },
        visitsPerMonth: configuration.budget.visitsPerMonth.map { $0 * factor },
        fiscalYearOffset: configuration.budget.fiscalYearOffset)
    result.actions = configuration.actions.map { action in
        var action = action
        if action.kind == .cpeCampaign { action.amount = action.amount.map { $0 * scale } }
        return action
    }
    return result
}
