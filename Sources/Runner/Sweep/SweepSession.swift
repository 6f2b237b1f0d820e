import Foundation
import Scenario
import Synchronization

/// A sweep run into a results file: created anew, or resumed where a killed run stopped.
public enum SweepSession {
    /// What a session did.
    public struct Outcome: Sendable {
        /// The runs of the slice.
        public var slice: Range<Int>
        /// Runs found already written (resumed).
        public var alreadyDone: Int
        /// What this session ran and computed.
        public var work: SweepExecutor.Work
        /// Wall-clock seconds.
        public var seconds: Double
    }

    /// Runs `shard` of `sweep` into the results file `out` on `workers` threads (resuming the
    /// file when `resume`), calling `progress(done, total)` after each run.
    public static func run(
        _ sweep: SweepFile, out: String, resume: Bool, shard: Shard, workers: Int, version: String,
        progress: @escaping @Sendable (_ done: Int, _ total: Int) -> Void
    ) throws(SweepError) -> Outcome {
        let started = Date()
        let inputs: [ScenarioInputs]
        do {
            inputs = try sweep.inputs()
        } catch {
            throw .scenario(error)
        }
        let seed = sweep.seed(of: inputs)
        let store =
            resume
            ? try ResultStore.resume(path: out, sweep: sweep, slice: shard, version: version)
            : try ResultStore.create(
                path: out, sweep: sweep, inputs: inputs, seed: seed, slice: shard,
                version: version)
        let slice = shard.runs(of: sweep.runs)
        let finished = try store.finishedRuns()
        let done = Atomic<Int>(finished.count)
        progress(finished.count, slice.count)
        let guarded = Mutex(store)
        let work = try SweepExecutor(sweep: sweep, inputs: inputs, seed: seed).execute(
            runs: slice, skipping: finished, workers: workers
        ) { record throws(SweepError) in
            try guarded.withLock { store throws(SweepError) in try store.write(record) }
            progress(done.add(1, ordering: .relaxed).newValue, slice.count)
        }
        return Outcome(
            slice: slice, alreadyDone: finished.count, work: work, seconds: Date().timeIntervalSince(started))
    }
}
