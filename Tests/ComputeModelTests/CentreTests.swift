import ComputeModel
import Testing

/// Expansions, periods, the wait SLA and energy, on a two-job case worked out by hand: a 4-core
/// machine that gains 4 cores at t = 50; job A (4 cores, 100 s) at t = 0, job B (8 cores, 100 s)
/// at t = 60, which can only start when A ends at 100.
@Suite("Compute centre")
struct CentreTests {
    static let jobs = [
        Job(id: 1, submitTime: 0, runTime: 100, processors: 4),
        Job(id: 2, submitTime: 60, runTime: 100, processors: 8),
    ]
    static let machine = BatchSimulation(
        processors: 4, scheduler: .easy, expansions: [Expansion(time: 50, processors: 4)])

    @Test("an expansion lets a wider job run, and utilisation counts the added capacity")
    func expansion() {
        let result = Self.machine.run(Self.jobs)
        #expect(result.starts == [0, 100])
        // Areas 400 + 800 over capacity 4·200 + 4·150 core-seconds.
        #expect(abs(result.utilization - 1_200.0 / 1_400) < 1e-12)
        let without = BatchSimulation(processors: 4, scheduler: .easy).run(Self.jobs)
        #expect(without.skipped == [1])
    }

    @Test("an expansion at the start behaves like a bigger machine")
    func expansionAtStart() throws {
        let jobs = try BatchSchedulingTests.handJobs()
        let grown = BatchSimulation(
            processors: 8, scheduler: .fcfs, expansions: [Expansion(time: 0, processors: 2)])
        #expect(grown.run(jobs).starts == BatchSimulation(processors: 10, scheduler: .fcfs).run(jobs).starts)
    }

    @Test("periods: waits by submit period, utilisation by overlap")
    func periods() {
        let periods = Self.machine.run(Self.jobs).periods(length: 100)
        #expect(periods.count == 2)
        // Period 0: waits 0 and 40; A's 400 core-seconds over 4·100 + 4·50 available.
        #expect(periods[0].jobs == 2 && periods[0].meanWait == 20 && periods[0].p95Wait == 40)
        #expect(abs(periods[0].utilization - 400.0 / 600) < 1e-12)
        // Period 1: B's 800 core-seconds over 8·100.
        #expect(periods[1].jobs == 0 && periods[1].utilization == 1)
    }

    @Test("the SLA breaks in the first period, and 4 more cores at its start fix it")
    func sla() {
        let sla = WaitSLA(maximumP95Wait: 10, period: 100)
        let assessment = SLAAssessment.assess(jobs: Self.jobs, on: Self.machine, against: sla)
        // With k cores added at t = 0, B finds 4 + k free at t = 60: it needs k ≥ 4.
        #expect(assessment.firstBreach == 0)
        #expect(assessment.periodsBreached == 1)
        #expect(assessment.processorsToAdd == 4)
        let relaxed = SLAAssessment.assess(
            jobs: Self.jobs, on: Self.machine, against: WaitSLA(maximumP95Wait: 40, period: 100))
        #expect(relaxed.firstBreach == nil && relaxed.processorsToAdd == nil)
        let capped = SLAAssessment.assess(jobs: Self.jobs, on: Self.machine, against: sla, maximumAdded: 2)
        #expect(capped.firstBreach == 0 && capped.processorsToAdd == nil)
    }

    @Test("energy: PUE × (idle node-seconds + busy share), by hand")
    func energy() {
        let power = PowerModel(coresPerNode: 4, idleWattsPerNode: 100, busyWattsPerNode: 300, pue: 1.5)
        // 1,400 core-seconds = 350 node-seconds at 100 W, plus 1,200 busy core-seconds = 300
        // node-seconds at 200 W more: 95,000 J, × 1.5 = 142,500 J.
        #expect(abs(power.energy(of: Self.machine.run(Self.jobs)) - 142_500 / 3.6e6) < 1e-12)
    }
}
