import Benchmark
import SimCore

/// PHOLD on every calendar, and the throughput of the random streams and distributions.
///
/// PHOLD runs here are shorter than the figures in the closing note (which come from
/// `Tools/phold-compare.sh` with K = 20,000,000 beside the ns-3 and C++ peers); these catch
/// regressions. Metrics: wall clock, throughput, and malloc counts (stable on a noisy machine).
let benchmarks: @Sendable () -> Void = {
    let metrics: [BenchmarkMetric] = [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident]
    let thresholds: [BenchmarkMetric: BenchmarkThresholds] = [
        // This 2-core machine's timings vary by ±25% between identical runs.
        .wallClock: .init(relative: [.p90: 25]),
        .throughput: .init(relative: [.p90: 25]),
        .mallocCountTotal: .init(absolute: [.p90: 1_000]),
        .peakMemoryResident: .init(relative: [.p90: 20]),
    ]
    Benchmark.defaultConfiguration = .init(
        metrics: metrics, timeUnits: .milliseconds, warmupIterations: 1, scalingFactor: .one,
        maxDuration: .seconds(10), maxIterations: 5, thresholds: thresholds)

    for processes in [1_024, 65_536] {
        let configuration = PHOLDConfiguration(
            logicalProcesses: processes, population: 16, remoteProbability: 0.9, lookahead: 0.1,
            events: 2_000_000, seed: 1)
        Benchmark("PHOLD-ladder-N\(processes)-2M") { benchmark in
            blackHole(PHOLD.run(configuration, calendar: LadderQueueCalendar<UInt32>.self))
        }
        Benchmark("PHOLD-dary4-N\(processes)-2M") { benchmark in
            blackHole(PHOLD.run(configuration, calendar: DaryHeapCalendar<UInt32>.self))
        }
        Benchmark("PHOLD-collectionsHeap-N\(processes)-2M") { benchmark in
            blackHole(PHOLD.run(configuration, calendar: CollectionsHeapCalendar<UInt32>.self))
        }
    }

    // One iteration is one draw; each sample runs a million of them, so the throughput
    // column reads as millions of draws per second.
    let scaled = Benchmark.Configuration(scalingFactor: .mega)
    Benchmark("RNG-xoshiro256starstar", configuration: scaled) { benchmark in
        var generator = Xoshiro256StarStar(seed: 1)
        var sum: UInt64 = 0
        for _ in benchmark.scaledIterations { sum &+= generator.next() }
        blackHole(sum)
    }
    func distribution<D: ContinuousDistribution>(_ name: String, _ d: D) {
        Benchmark("Draw-\(name)", configuration: scaled) { benchmark in
            var generator = Xoshiro256StarStar(seed: 1)
            var sum = 0.0
            for _ in benchmark.scaledIterations { sum += d.sample(using: &generator) }
            blackHole(sum)
        }
    }
    func discrete<D: DiscreteDistribution>(_ name: String, _ d: D) {
        Benchmark("Draw-\(name)", configuration: scaled) { benchmark in
            var generator = Xoshiro256StarStar(seed: 1)
            var sum = 0
            for _ in benchmark.scaledIterations { sum &+= d.sample(using: &generator) }
            blackHole(sum)
        }
    }
    distribution("exponentialZiggurat", Exponential(rate: 1))
    distribution("exponentialInversion", Truncated(Exponential(rate: 1)))
    distribution("normal", Normal(mean: 0, standardDeviation: 1))
    distribution("lognormal", Lognormal(mu: 0, sigma: 1))
    distribution("weibull", Weibull(shape: 2, scale: 1))
    distribution("gamma", Gamma(shape: 2.5, scale: 1))
    discrete("poisson4", Poisson(mean: 4))
    discrete("poisson1000", Poisson(mean: 1_000))
    discrete("binomial1e6p001", Binomial(trials: 1_000_000, p: 0.01))
    discrete("aliasTable16", Empirical(weights: (1...16).map(Double.init)))
}
