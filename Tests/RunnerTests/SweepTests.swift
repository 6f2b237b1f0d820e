import Foundation
import MetroModel
import Scenario
import Synchronization
import TestSupport
import Testing

@testable import Runner

/// Sweeps: the same numbers as `metro6 run`, whatever the worker count, the shard or an
/// interruption; refusals that keep a results file whole.
@Suite("Sweeps")
struct SweepTests {
    static let tiny = RunnerTests.root.appendingPathComponent("Scenarios/tiny/two-districts-sweep.yaml").path

    /// Every run's rows, table by table, in run order: what must not depend on how it was run.
    static func dump(_ path: String) throws -> [String] {
        let database = try SQLiteDatabase(path: path, create: false, readOnly: true)
        return try [
            "SELECT * FROM runs ORDER BY run", "SELECT * FROM inputs ORDER BY run, path",
            "SELECT * FROM kpis ORDER BY run, kpi", "SELECT * FROM months ORDER BY run, month",
            "SELECT * FROM variants ORDER BY variant",
        ].map { try database.rows($0).map { "\($0)" }.joined(separator: "\n") }
    }

    static func session(
        _ sweep: SweepFile, out: String, resume: Bool = false, shard: Shard = .whole, workers: Int = 2
    ) throws -> SweepSession.Outcome {
        try SweepSession.run(sweep, out: out, resume: resume, shard: shard, workers: workers, version: "test")
        { _, _ in }
    }

    @Test("each run of a sweep has the numbers `metro6 run` gives that variant's replication")
    func sameAsRun() throws {
        let sweep = try SweepLoader.load(path: Self.tiny)
        let inputs = try sweep.inputs()
        let seed = sweep.seed(of: inputs)
        let records = Mutex<[Int: RunRecord]>([:])
        // One worker: with two, both may compute a baseline neither has stored yet.
        let work = try SweepExecutor(sweep: sweep, inputs: inputs, seed: seed).execute(
            runs: 0..<sweep.runs, workers: 1
        ) { record throws(SweepError) in records.withLock { $0[record.run] = record } }
        let found = records.withLock { $0 }
        #expect(found.count == sweep.runs && work.runs == sweep.runs)
        for (variant, inputs) in inputs.enumerated() {
            // RunResult draws and simulates each replication on its own, baseline included.
            let report = try RunResult(
                inputs: inputs, seed: seed, replications: sweep.replications, threads: 1)
            for replication in 0..<sweep.replications {
                let record = try #require(found[sweep.run(variant: variant, replication: replication)])
                let expected = RunKPIs.values(report.results[replication], compute: nil)
                #expect(record.kpis.map(\.name) == expected.map(\.name))
                #expect(
                    record.kpis.map(\.value) == expected.map(\.value),
                    "variant \(variant) replication \(replication)")
                #expect(
                    record.months[5][2]
                        == Double(report.results[replication].months[5].ipv6AvailableSubscribers))
                #expect(record.inputs.map(\.path) == ["adoption.q"])
            }
        }
        // The three plans at one budget and replication share one baseline (their networks
        // without actions are equal): 2 budgets × 6 replications.
        #expect(work.baselines == 2 * sweep.replications)
    }

    @Test(
        "plans with equal compute centres share its result: one simulation per replication, equal to a run's")
    func sharedCentre() throws {
        let text = """
            base: every-section.yaml
            replications: 3
            months: 12
            plans:
              - name: as-is
              - name: small-budget
                set: {budget.yearlyCapex: 45000}
              - name: bigger-centre
                set: {compute.cores: 128}
            """
        let sweep = try SweepLoader.load(text: text, file: Self.tiny)
        let inputs = try sweep.inputs()
        let seed = sweep.seed(of: inputs)
        let records = Mutex<[Int: RunRecord]>([:])
        let work = try SweepExecutor(sweep: sweep, inputs: inputs, seed: seed).execute(
            runs: 0..<sweep.runs, workers: 2
        ) { record throws(SweepError) in records.withLock { $0[record.run] = record } }
        // as-is and small-budget share the centre; bigger-centre has its own.
        #expect(work.runs == 9 && work.centres == 2 * 3)
        for variant in [1, 2] {
            let report = try RunResult(inputs: inputs[variant], seed: seed, replications: 3, threads: 1)
            for replication in 0..<3 {
                let record = try #require(
                    records.withLock { $0[sweep.run(variant: variant, replication: replication)] })
                let expected = RunKPIs.values(
                    report.results[replication], compute: report.compute?[replication])
                #expect(record.kpis.map(\.name) == expected.map(\.name))
                #expect(record.kpis.map(\.value) == expected.map(\.value))
                #expect(record.kpis.contains { $0.name == "compute.p95Wait" })
            }
        }
    }

    @Test("one worker, two workers and three shards merged write the same results")
    func workersAndShards() throws {
        let files = try TemporaryFolder("metro6-sweep")
        let sweep = try SweepLoader.load(path: Self.tiny)
        _ = try Self.session(sweep, out: files.path("one.sqlite"), workers: 1)
        _ = try Self.session(sweep, out: files.path("two.sqlite"), workers: 2)
        var shards: [String] = []
        for index in 1...3 {
            let path = files.path("shard-\(index).sqlite")
            let outcome = try Self.session(sweep, out: path, shard: try Shard(index: index, count: 3))
            #expect(outcome.work.runs == 12)
            shards.append(path)
        }
        let merged = try ShardMerge.merge(shards.reversed(), into: files.path("all.sqlite"))
        #expect(merged.runs == 36 && merged.missing.isEmpty)
        let one = try Self.dump(files.path("one.sqlite"))
        #expect(one[0].split(separator: "\n").count == 36)
        #expect(try Self.dump(files.path("two.sqlite")) == one)
        #expect(try Self.dump(files.path("all.sqlite")) == one)
    }

    @Test("a sweep stopped part way resumes to exactly the uninterrupted results")
    func resume() throws {
        let files = try TemporaryFolder("metro6-sweep")
        let sweep = try SweepLoader.load(path: Self.tiny)
        _ = try Self.session(sweep, out: files.path("whole.sqlite"))
        // A sink that fails after 10 runs stands for a crash between two runs.
        let path = files.path("resumed.sqlite")
        let inputs = try sweep.inputs()
        let store = try ResultStore.create(
            path: path, sweep: sweep, inputs: inputs, seed: sweep.seed(of: inputs),
            slice: .whole, version: "test")
        let guarded = Mutex(store)
        let written = Atomic<Int>(0)
        #expect(throws: SweepError.self) {
            try SweepExecutor(sweep: sweep, inputs: inputs, seed: sweep.seed(of: inputs)).execute(
                runs: 0..<sweep.runs, workers: 2
            ) { record throws(SweepError) in
                guard written.add(1, ordering: .relaxed).newValue <= 10 else {
                    throw .database(path: path, SQLiteError(code: 10, message: "disk I/O error", sql: nil))
                }
                try guarded.withLock { store throws(SweepError) in try store.write(record) }
            }
        }
        let outcome = try Self.session(sweep, out: path, resume: true)
        #expect(outcome.alreadyDone == 10 && outcome.work.runs == 26)
        #expect(try Self.dump(path) == (try Self.dump(files.path("whole.sqlite"))))
        // Resuming a finished sweep runs nothing.
        #expect(try Self.session(sweep, out: path, resume: true).work.runs == 0)
    }

    @Test("a results file is never overwritten, resumed for another sweep or slice, or merged twice")
    func refusals() throws {
        let files = try TemporaryFolder("metro6-sweep")
        let sweep = try SweepLoader.load(path: Self.tiny)
        let path = files.path("results.sqlite")
        _ = try Self.session(sweep, out: path, shard: try Shard(index: 1, count: 2))
        #expect {
            try Self.session(sweep, out: path)
        } throws: { ($0 as? SweepError)?.description.contains("exists: add --resume") == true }
        #expect {
            try Self.session(sweep, out: path, resume: true)
        } throws: {
            ($0 as? SweepError)?.description.contains("holds runs 0–17 of the sweep, not 0–35") == true
        }
        var other = try SweepLoader.load(
            text: sweep.text.replacingOccurrences(of: "replications: 6", with: "replications: 5"),
            file: Self.tiny)
        other.name = "other"
        #expect {
            try Self.session(other, out: path, resume: true, shard: try Shard(index: 1, count: 2))
        } throws: {
            ($0 as? SweepError)?.description.contains("holds sweep \(sweep.identity), not \(other.identity)")
                == true
        }
        #expect {
            try SweepSession.run(
                sweep, out: path, resume: true, shard: try Shard(index: 1, count: 2), workers: 1,
                version: "0.0.9"
            ) { _, _ in }
        } throws: {
            ($0 as? SweepError)?.description.contains("was started by metro6 test, this is 0.0.9") == true
        }
        #expect {
            try Self.session(sweep, out: files.path("none.sqlite"), resume: true)
        } throws: { ($0 as? SweepError)?.description.contains("there is no sweep to resume") == true }

        // Merging: the same shard twice, another sweep's shard, and a missing shard.
        #expect {
            try ShardMerge.merge([path, path], into: files.path("twice.sqlite"))
        } throws: { ($0 as? SweepError)?.description.contains("both hold 18 of the same runs") == true }
        let foreign = files.path("foreign.sqlite")
        _ = try Self.session(other, out: foreign, shard: try Shard(index: 2, count: 2))
        #expect {
            try ShardMerge.merge([path, foreign], into: files.path("mixed.sqlite"))
        } throws: { ($0 as? SweepError)?.description.contains("holds sweep \(other.identity)") == true }
        let partial = try ShardMerge.merge([path], into: files.path("half.sqlite"))
        #expect(partial.runs == 18 && partial.runsInSweep == 36 && partial.missing == [18..<36])
    }

    @Test("slices cover every run once, in order, for any count of runs and shards")
    func slices() throws {
        for total in [0, 1, 7, 36, 1_000] {
            for count in [1, 2, 3, 8, 50] {
                let slices = try (1...count).map { try Shard(index: $0, count: count).runs(of: total) }
                #expect(slices.first?.lowerBound == 0 && slices.last?.upperBound == total)
                #expect(zip(slices, slices.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
                #expect(slices.allSatisfy { abs($0.count - total / count) <= 1 })
            }
        }
        #expect(try Shard(parsing: "2/8") == Shard(index: 2, count: 8))
        for bad in ["0/4", "5/4", "2", "a/b", "1/0", "-1/3"] {
            #expect(throws: SweepError.self) { try Shard(parsing: bad) }
        }
    }

    @Test("a Slurm array task or a Kubernetes indexed Job's pod takes its slice from the environment")
    func environment() throws {
        let slurm = try Shard.from(
            environment: [
                "SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_MIN": "0",
            ],
            count: nil)
        #expect(slurm?.shard == (try Shard(index: 4, count: 4)) && slurm?.source == "SLURM_ARRAY_TASK_ID")
        let fromOne = try Shard.from(
            environment: [
                "SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_MIN": "1",
            ],
            count: nil)
        #expect(fromOne?.shard == (try Shard(index: 1, count: 4)))
        let kubernetes = try Shard.from(environment: ["JOB_COMPLETION_INDEX": "0"], count: 6)
        #expect(kubernetes?.shard == (try Shard(index: 1, count: 6)))
        #expect(throws: SweepError.self) {
            try Shard.from(environment: ["JOB_COMPLETION_INDEX": "0"], count: nil)
        }
        #expect(try Shard.from(environment: ["HOME": "/root"], count: nil) == nil)
    }

    @Test("shared results are kept for the replications in progress only")
    func sharedResultsRelease() {
        let shared = SharedResults<Int, Double, Int>()
        shared.store(1, replication: 0, 1.5)
        guard case .claimed = shared.claim(2, replication: 1, waiting: 0) else {
            Issue.record("a new key is claimed")
            return
        }
        guard case .queued = shared.claim(2, replication: 1, waiting: 7) else {
            Issue.record("a key being computed queues")
            return
        }
        #expect(shared.fulfil(2, 2.5) == [7])
        guard case .ready(let value) = shared.claim(2, replication: 1, waiting: 0) else {
            Issue.record("a computed key is ready")
            return
        }
        #expect(value == 2.5)
        shared.release(before: 1)
        #expect(shared.value(1) == nil && shared.value(2) == 2.5 && shared.count == 1)
    }
}
