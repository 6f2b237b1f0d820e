import ComputeModel
import Foundation
import SimCore
import TestSupport
import Testing

/// FCFS and EASY against schedules worked out by hand, against queueing theory, and against
/// invariants that any correct EASY must keep.
@Suite("Batch scheduling")
struct BatchSchedulingTests {
    /// Ten jobs on a 10-processor machine; fields: id, submit, wait, run, allocated, cpu, memory,
    /// requested processors, requested time, … Job 4 has no requested time (−1: its run time is
    /// used), job 9 no allocated processors (−1: field 8 is used).
    static let handTrace = """
        ; A hand-worked example: the schedules are written out in the tests.
        ; MaxProcs: 10
        1  0  -1 10 6  -1 -1 6  10 -1 1 1 -1 -1 -1 -1 -1 -1
        2  0  -1 5  4  -1 -1 4  8  -1 1 1 -1 -1 -1 -1 -1 -1
        3  1  -1 4  8  -1 -1 8  4  -1 1 2 -1 -1 -1 -1 -1 -1
        4  2  -1 3  2  -1 -1 2  -1 -1 1 2 -1 -1 -1 -1 -1 -1
        5  2  -1 6  4  -1 -1 4  6  -1 1 3 -1 -1 -1 -1 -1 -1
        6  3  -1 2  2  -1 -1 2  20 -1 1 3 -1 -1 -1 -1 -1 -1
        7  4  -1 10 10 -1 -1 10 10 -1 1 4 -1 -1 -1 -1 -1 -1
        8  5  -1 1  1  -1 -1 1  2  -1 1 4 -1 -1 -1 -1 -1 -1
        9  6  -1 3  -1 -1 -1 6  3  -1 1 5 -1 -1 -1 -1 -1 -1
        10 20 -1 5  3  -1 -1 3  5  -1 1 5 -1 -1 -1 -1 -1 -1
        """

    static func handJobs() throws -> [Job] {
        let trace = try SWFTrace(text: handTrace, file: "hand.swf", strict: true)
        #expect(trace.maximumProcessors == 10)
        return trace.jobs
    }

    @Test("FCFS on the hand-worked trace: every start time as worked out")
    func fcfsByHand() throws {
        // t=0 1,2 start; 2 ends 5, 1 ends 10: 3 (8) and 4 (2) start; 4 ends 13; 3 ends 14: 5, 6
        // start; 5 ends 20: 7 (10 procs) starts; 7 ends 30: 8, 9, 10 start.
        let result = BatchSimulation(processors: 10, scheduler: .fcfs).run(try Self.handJobs())
        #expect(result.starts == [0, 0, 10, 10, 14, 14, 20, 30, 30, 30])
        #expect(result.skipped.isEmpty)
    }

    @Test("EASY on the hand-worked trace: every start time as worked out")
    func easyByHand() throws {
        // t=5: 2 ends; head 3 reserved for 10 (extra 2): 4 ends by 10 → starts; 6 runs past 10
        // but needs 2 ≤ extra → starts, using up the extra. t=7: 6 ends; 8 ends by 10 → starts.
        // t=8: 5 (4 procs, past 10, 4 > extra 2) must wait. t=10: 3 starts. t=14: 5 starts; head 7
        // reserved for 20 with no extra; 9 ends by 20 → starts. t=20: 7; t=30: 10.
        let result = BatchSimulation(processors: 10, scheduler: .easy).run(try Self.handJobs())
        #expect(result.starts == [0, 0, 10, 5, 14, 5, 20, 7, 14, 30])
        #expect(result.headReservations[2] == 10)
        #expect(result.headReservations[4] == 14)
        #expect(result.headReservations[6] == 20)
        // Waits: FCFS sums to 115 s, EASY to 62 s.
        #expect(result.summary.meanWait == 6.2)
    }

    @Test("EASY's extra processors count every running job ending at the shadow time (ties)")
    func shadowTies() {
        // 8 cores. At 0, A, B (2 cores, 100 s) and C (2 cores, 200 s) start; 2 are free. At 1,
        // D (3 cores) heads the queue: A's end at 100 gives 2 + 2 ≥ 3, and B ends at the same
        // instant, so 2 + 2 + 2 − 3 = 3 processors are extra then (1 without B). E (2 cores,
        // 1,000 s) fits the 2 free and the 3 extra: it starts at 1, and D still starts at 100.
        let jobs = [
            Job(id: 1, submitTime: 0, runTime: 100, processors: 2),
            Job(id: 2, submitTime: 0, runTime: 100, processors: 2),
            Job(id: 3, submitTime: 0, runTime: 200, processors: 2),
            Job(id: 4, submitTime: 1, runTime: 50, processors: 3),
            Job(id: 5, submitTime: 1, runTime: 1_000, processors: 2),
        ]
        let result = BatchSimulation(processors: 8, scheduler: .easy).run(jobs)
        #expect(result.starts == [0, 0, 0, 100, 1])
        #expect(result.headReservations[3] == 100)
    }

    @Test("EASY never starts a head after its reservation; on these workloads it also waits less than FCFS")
    func easyInvariants() throws {
        let workloads: [(String, [Job], Int)] = [
            ("hand", try Self.handJobs(), 10),
            ("corpus", try Self.corpusJobs(), 16),
            ("synthetic", SyntheticWorkload(jobs: 3_000, processors: 256, load: 0.85).generate(seed: 7), 256),
        ]
        for (name, jobs, processors) in workloads {
            let easy = BatchSimulation(processors: processors, scheduler: .easy).run(jobs)
            let fcfs = BatchSimulation(processors: processors, scheduler: .fcfs).run(jobs)
            for index in jobs.indices where easy.headReservations[index] >= 0 {
                #expect(
                    easy.starts[index] <= easy.headReservations[index], "\(name): job \(index) started late")
            }
            // An observation on these three workloads, not a theorem: a backfilled job can delay
            // the second job in the queue, so EASY's mean wait may exceed FCFS's elsewhere.
            #expect(easy.summary.meanWait <= fcfs.summary.meanWait, "\(name)")
            for result in [easy, fcfs] { Self.checkFeasible(result, name: name) }
        }
    }

    /// No job starts before it is submitted, and at no time do running jobs hold more than the
    /// machine's processors; utilisation equals the job areas over capacity × makespan.
    static func checkFeasible(_ result: ScheduleResult, name: String) {
        var changes: [(Double, Int)] = []
        var area = 0.0
        var firstSubmit = Double.infinity
        var lastEnd = -Double.infinity
        for index in result.jobs.indices where result.starts[index] >= 0 {
            let job = result.jobs[index]
            #expect(result.starts[index] >= job.submitTime, "\(name): job \(job.id) starts early")
            let end = result.starts[index] + min(job.runTime, job.requestedTime)
            changes.append((result.starts[index], job.processors))
            changes.append((end, -job.processors))
            area += Double(job.processors) * (end - result.starts[index])
            firstSubmit = min(firstSubmit, job.submitTime)
            lastEnd = max(lastEnd, end)
        }
        // Releases before acquisitions at the same instant.
        changes.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        var busy = 0
        var peak = 0
        for (_, delta) in changes {
            busy += delta
            peak = max(peak, busy)
        }
        #expect(peak <= result.processors, "\(name): \(peak) processors busy")
        let utilization = area / (Double(result.processors) * (lastEnd - firstSubmit))
        #expect(abs(result.summary.utilization - utilization) < 1e-12, "\(name): utilisation")
    }

    static func corpusJobs() throws -> [Job] {
        let url = try #require(
            Bundle.module.url(
                forResource: "easy_mediumWL_smallPF", withExtension: "swf", subdirectory: "Fixtures"))
        return try SWFTrace(contentsOf: url.path, strict: true).jobs
    }

    @Test("jobs wider than the machine are skipped and counted")
    func skipping() throws {
        let result = BatchSimulation(processors: 8, scheduler: .easy).run(try Self.handJobs())
        // Job 7 (10 processors) cannot run on 8.
        #expect(result.skipped == [6])
        #expect(result.summary.skippedJobs == 1 && result.summary.jobs == 9)
        #expect(result.starts[6] == -1)
    }

    @Test(
        "M/M/c, c = 64, FCFS with one-processor jobs: mean wait within the 99% interval of Erlang C",
        arguments: [(0.7, 41 as UInt64), (0.9, 42 as UInt64)])
    func mmc(rho: Double, seed: UInt64) {
        let servers = 64
        let lambda = rho * Double(servers)
        let streams = RandomStreams(seed: seed)
        var arrivals = streams.generator(replication: 0, stream: 0)
        var services = streams.generator(replication: 0, stream: 1)
        let interarrival = Exponential(rate: lambda)
        let service = Exponential(rate: 1)
        var time = 0.0
        var jobs: [Job] = []
        jobs.reserveCapacity(1_000_000)
        for id in 0..<1_000_000 {
            time += interarrival.sample(using: &arrivals)
            jobs.append(
                Job(id: id, submitTime: time, runTime: service.sample(using: &services), processors: 1))
        }
        let result = BatchSimulation(processors: servers, scheduler: .fcfs).run(jobs)
        var batches = BatchMeans(batchSize: 19_800)
        for index in jobs.indices.dropFirst(10_000) {
            batches.add(result.starts[index] - jobs[index].submitTime)
        }
        let expected = ErlangC.meanWait(servers: servers, arrivalRate: lambda, serviceRate: 1)
        let ci = batches.confidenceInterval(level: 0.99)!
        #expect(ci.contains(expected), "Erlang C \(expected) outside [\(ci.lower), \(ci.upper)]")
        #expect(ci.halfWidth < expected / 2)
    }
}

/// ComputeModel against an independent implementation of the same semantics.
@Suite("Batch scheduling against the Python reference")
struct ReferenceScheduleTests {
    /// `random-3000.swf` and its schedules come from `Tools/compute/easy_reference.py` (a plain
    /// Python FCFS/EASY written separately): `--generate 3000 --cores 64 --seed 11`, then
    /// `--starts` for each scheduler. The trace overloads the machine, so EASY backfills from
    /// queues hundreds of jobs long. `random-2000-grow.swf` (`--generate 2000 --cores 64 --seed 23
    /// --killed 0.2 --too-wide 0.02`) adds what the first leaves out: 396 jobs that outrun their
    /// requested time and are killed at it, 37 wider than the 64-processor machine, and a machine
    /// that grows by 32 processors at 20,000 s and 64 more at 50,000 s, so some wide jobs are
    /// skipped and later ones run.
    struct Schedule: Sendable, CustomTestStringConvertible {
        var trace: String
        var scheduler: SchedulerKind
        var depth: Int?
        var expansions: [Expansion] = []
        var file: String
        var testDescription: String { file }
    }

    static let growth = [Expansion(time: 20_000, processors: 32), Expansion(time: 50_000, processors: 64)]
    static let schedules = [
        Schedule(trace: "random-3000", scheduler: .fcfs, depth: nil, file: "random-3000.fcfs"),
        Schedule(trace: "random-3000", scheduler: .easy, depth: nil, file: "random-3000.easy"),
        Schedule(trace: "random-3000", scheduler: .easy, depth: 20, file: "random-3000.easy-depth20"),
        Schedule(
            trace: "random-2000-grow", scheduler: .fcfs, depth: nil, expansions: growth,
            file: "random-2000-grow.fcfs"),
        Schedule(
            trace: "random-2000-grow", scheduler: .easy, depth: nil, expansions: growth,
            file: "random-2000-grow.easy"),
    ]

    @Test("every start time equals the reference's", arguments: schedules)
    func matchesReference(schedule: Schedule) throws {
        let trace = try #require(
            Bundle.module.url(forResource: schedule.trace, withExtension: "swf", subdirectory: "Fixtures"))
        let expected = try #require(
            Bundle.module.url(forResource: schedule.file, withExtension: "csv", subdirectory: "Fixtures"))
        let jobs = try SWFTrace(contentsOf: trace.path, strict: true).jobs
        let result = BatchSimulation(
            processors: 64, scheduler: schedule.scheduler, expansions: schedule.expansions,
            backfillDepth: schedule.depth
        ).run(jobs)
        let rows = try String(contentsOf: expected, encoding: .utf8).split(whereSeparator: \.isNewline)
            .dropFirst()
        #expect(rows.count == jobs.count)
        var mismatches = 0
        for (index, row) in rows.enumerated() {
            let fields = row.split(separator: ",")
            #expect(Int(fields[0]) == jobs[index].id)
            if Double(fields[1]) != result.starts[index] { mismatches += 1 }
        }
        #expect(mismatches == 0)
        let skipped = rows.filter { $0.hasSuffix(",-1") }.count
        #expect(result.skipped.count == skipped)
    }

    @Test("the grown machine's trace holds what it is for: kills, skipped and admitted wide jobs")
    func growthTraceCoverage() throws {
        let trace = try #require(
            Bundle.module.url(forResource: "random-2000-grow", withExtension: "swf", subdirectory: "Fixtures")
        )
        let jobs = try SWFTrace(contentsOf: trace.path, strict: true).jobs
        #expect(jobs.filter { $0.requestedTime < $0.runTime }.count == 396)
        let wide = jobs.indices.filter { jobs[$0].processors > 64 }
        #expect(wide.count == 37)
        let result = BatchSimulation(processors: 64, scheduler: .easy, expansions: Self.growth).run(jobs)
        let ran = wide.filter { result.starts[$0] >= 0 }
        #expect(!ran.isEmpty && ran.count < wide.count)
    }

    /// The SLA search against the reference's, which tries every expansion in turn where
    /// ComputeModel doubles and bisects: `random-2000-grow.swf --cores C --scheduler S --sla-p95
    /// 3600 --period 14400 --node-size 8` (C = 128, 160; about 2,000 jobs, six periods).
    static let slaCases:
        [(processors: Int, scheduler: SchedulerKind, first: Int, breached: Int, added: Int)] = [
            (128, .fcfs, 0, 6, 56), (128, .easy, 1, 5, 48), (160, .fcfs, 1, 5, 24), (160, .easy, 1, 5, 16),
        ]

    @Test("the wait SLA's first breach and the fewest processors that fix it equal the reference's")
    func slaSearch() throws {
        let trace = try #require(
            Bundle.module.url(forResource: "random-2000-grow", withExtension: "swf", subdirectory: "Fixtures")
        )
        let jobs = try SWFTrace(contentsOf: trace.path, strict: true).jobs
        for expected in Self.slaCases {
            let assessment = SLAAssessment.assess(
                jobs: jobs,
                on: BatchSimulation(processors: expected.processors, scheduler: expected.scheduler),
                against: WaitSLA(maximumP95Wait: 3_600, period: 14_400), nodeSize: 8)
            #expect(assessment.firstBreach == expected.first, "\(expected)")
            #expect(assessment.periodsBreached == expected.breached, "\(expected)")
            #expect(assessment.processorsToAdd == expected.added, "\(expected)")
        }
    }

    @Test("a shallow backfill pass changes the schedule of a long queue, as the reference's does")
    func depthMatters() throws {
        let trace = try #require(
            Bundle.module.url(forResource: "random-3000", withExtension: "swf", subdirectory: "Fixtures"))
        let jobs = try SWFTrace(contentsOf: trace.path, strict: true).jobs
        let deep = BatchSimulation(processors: 64, scheduler: .easy, backfillDepth: nil).run(jobs)
        let shallow = BatchSimulation(processors: 64, scheduler: .easy, backfillDepth: 20).run(jobs)
        #expect(deep.maximumQueueLength > 20)
        #expect(deep.starts != shallow.starts)
    }

    @Test("SWF written from jobs reads back as the same jobs")
    func roundTrip() throws {
        let jobs = SyntheticWorkload(jobs: 500, processors: 128, load: 0.8).generate(seed: 3)
        let text = SWFTrace.text(of: jobs, maximumProcessors: 128, comment: "round trip")
        let back = try SWFTrace(text: text, strict: true)
        #expect(back.jobs == jobs)
        #expect(back.maximumProcessors == 128)
    }
}
