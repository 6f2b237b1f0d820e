import ComputeModel
import Testing

@Suite("Synthetic workload")
struct SyntheticWorkloadTests {
    @Test("the offered load, widths and estimates match what was asked for")
    func shape() {
        let workload = SyntheticWorkload(jobs: 200_000, processors: 2_048, load: 0.85)
        let jobs = workload.generate(seed: 1)
        #expect(jobs.count == 200_000)
        let span = jobs.last!.submitTime - jobs.first!.submitTime
        let demand = jobs.reduce(0.0) { $0 + Double($1.processors) * $1.runTime }
        let offered = demand / (span * 2_048)
        #expect(abs(offered / 0.85 - 1) < 0.05, "offered load \(offered)")
        #expect(
            jobs.allSatisfy { $0.requestedTime >= $0.runTime && $0.processors >= 1 && $0.processors <= 64 })
        let powers = jobs.filter { $0.processors & ($0.processors - 1) == 0 }.count
        // 80% drawn as powers of two, plus the uniform draws that land on one (7 of 64).
        let expectedShare = 0.8 + 0.2 * 7 / 64
        #expect(abs(Double(powers) / Double(jobs.count) - expectedShare) < 0.01)
        #expect(zip(jobs, jobs.dropFirst()).allSatisfy { $0.submitTime <= $1.submitTime })
        #expect(
            SyntheticWorkload(jobs: 100, processors: 2_048, load: 0.85).generate(seed: 1)
                == Array(jobs.prefix(100)))
    }

    @Test("bad parameters are described")
    func problems() {
        #expect(SyntheticWorkload(jobs: 10, processors: 16, load: 0.5, maximumWidth: 64).problems.count == 1)
        #expect(SyntheticWorkload(jobs: 10, processors: 16, load: 0.5, maximumWidth: 16).problems.isEmpty)
    }
}
