import Benchmark
import Foundation
import Runner
import Scenario

/// Issue 16's speed figures for a 64-run sweep of plan variants of the bundled city (8 variants:
/// four yearly budgets × two home-visit capacities, × 8 replications): 1 worker against 2
/// (at least 1.8× as fast), CPU seconds a run (at most 0.5), SQLite against results discarded
/// (at most 5% more), and peak memory of 64 against 128 runs (flat).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident], timeUnits: .milliseconds, warmupIterations: 0,
        scalingFactor: .one, maxDuration: .seconds(120), maxIterations: 3)
    let sweep64 = sweep(replications: 8)
    let sweep128 = sweep(replications: 16)

    Benchmark("sweep-64-runs-1-worker-sqlite") { _ in run(sweep64, workers: 1) }
    Benchmark("sweep-64-runs-2-workers-sqlite") { _ in run(sweep64, workers: 2) }
    Benchmark("sweep-64-runs-2-workers-discarded") { _ in
        // As the session does: the variants' inputs loaded, then the runs, without a file.
        let inputs = try! sweep64.inputs()
        let executor = SweepExecutor(sweep: sweep64, inputs: inputs, seed: sweep64.seed(of: inputs))
        blackHole(try! executor.execute(runs: 0..<sweep64.runs, workers: 2) { record in blackHole(record) })
    }
    Benchmark("sweep-128-runs-2-workers-sqlite") { _ in run(sweep128, workers: 2) }
}

/// The bundled city's plan at four budgets and two visit capacities, `replications` each.
func sweep(replications: Int) -> SweepFile {
    let text = """
        name: bench
        seed: 2011
        replications: \(replications)
        grid:
          budget.yearlyCapex: [15000000, 30000000, 45000000, 60000000]
          budget.visitsPerMonth: [30000, 60000]
        """
    return try! SweepLoader.load(text: text, file: "bench-sweep.yaml")
}

/// Runs `sweep` into a new SQLite file on `workers` threads, then removes the file.
func run(_ sweep: SweepFile, workers: Int) {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("metro6-bench-\(UUID()).sqlite").path
    defer {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
    blackHole(
        try! SweepSession.run(sweep, out: path, resume: false, shard: .whole, workers: workers, version: "bench") {
            _, _ in
        })
}
