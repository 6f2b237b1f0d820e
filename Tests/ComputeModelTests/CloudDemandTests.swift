import Foundation
import SimCore
import TestSupport
import Testing

@testable import ComputeModel

/// The cloud against loss and delay systems' closed forms: one node of c cores with one-core
/// VMs is an M/M/c/c queue under `reject` (Erlang B) and an M/M/c queue under `wait` (Erlang C).
@Suite("Cloud demand")
struct CloudDemandTests {
    static func replications(
        _ simulation: CloudSimulation, hours: Double, seed: UInt64, _ measure: (CloudResult) -> Double
    ) -> ConfidenceInterval {
        var moments = RunningMoments()
        for replication in 0..<10 {
            moments.add(measure(simulation.run(horizon: hours * 3_600, seed: seed, replication: replication)))
        }
        return moments.confidenceInterval(level: 0.99)!
    }

    @Test("reject: the rejection rate matches Erlang B")
    func erlangB() {
        let service = CloudService(name: "transport", requestsPerHour: 15, vmCores: [1], meanLifetimeHours: 1)
        let cloud = CloudSimulation(nodes: 1, coresPerNode: 20, services: [service], admission: .reject)
        let ci = Self.replications(cloud, hours: 5_000, seed: 5) { $0.rejectionRate }
        let expected = ErlangC.blockingProbability(servers: 20, offeredLoad: 15)
        #expect(ci.contains(expected), "Erlang B \(expected) outside [\(ci.lower), \(ci.upper)]")
        #expect(ci.halfWidth < expected / 5)
    }

    @Test("wait: the mean wait matches Erlang C")
    func erlangC() {
        let service = CloudService(name: "health", requestsPerHour: 12, vmCores: [1], meanLifetimeHours: 1)
        let cloud = CloudSimulation(nodes: 1, coresPerNode: 16, services: [service], admission: .wait)
        let ci = Self.replications(cloud, hours: 5_000, seed: 6) { $0.meanWait / 3_600 }
        let expected = ErlangC.meanWait(servers: 16, arrivalRate: 12, serviceRate: 1)
        #expect(ci.contains(expected), "Erlang C \(expected) h outside [\(ci.lower), \(ci.upper)]")
        #expect(ci.halfWidth < expected / 3)
    }

    @Test("growth and the daily cycle: the number of requests is the integral of the rate")
    func growth() {
        let service = CloudService(
            name: "government", requestsPerHour: 10, yearlyGrowth: 1, dailyAmplitude: 0.5, vmCores: [1, 2],
            meanLifetimeHours: 0.5)
        let cloud = CloudSimulation(nodes: 4, coresPerNode: 64, services: [service], admission: .reject)
        let year = CloudSimulation.secondsPerYear
        let result = cloud.run(horizon: 2 * year, seed: 9)
        // ∫₀^2y 10/3600 · 2^(t/y) dt = 10/3600 · y · 3 / ln 2 (the daily sine adds under one day's worth).
        let expected = 10.0 / 3_600 * year * 3 / log(2.0)
        #expect(abs(Double(result.services[0].requests) - expected) < 5 * expected.squareRoot() + 10 * 24)
        #expect(result.services[0].accepted + result.services[0].rejected == result.services[0].requests)
        #expect(result.utilization > 0 && result.utilization < 1)
    }

    @Test("a VM larger than a node is a described problem")
    func problems() {
        let service = CloudService(name: "big", requestsPerHour: 1, vmCores: [128], meanLifetimeHours: 1)
        let cloud = CloudSimulation(nodes: 2, coresPerNode: 64, services: [service], admission: .reject)
        #expect(cloud.problems == ["big: a VM is larger than a node (64 cores)"])
    }
}

@Suite("First-fit nodes")
struct FirstFitNodesTests {
    @Test("the tree finds the same node as a linear first-fit scan, step after step")
    func matchesScan() {
        var generator = Xoshiro256StarStar(seed: 8)
        var tree = FirstFitNodes(count: 37, cores: 16)
        var scan = [Int](repeating: 16, count: 37)
        var placed: [(Int, Int)] = []
        for _ in 0..<5_000 {
            if placed.isEmpty || generator.nextUnitInterval() < 0.6 {
                let cores = 1 + Int(generator.next(upperBound: 16 as UInt64))
                let expected = scan.firstIndex { $0 >= cores }
                #expect(tree.first(fitting: cores) == expected)
                if let node = expected {
                    tree.adjust(node, by: -cores)
                    scan[node] -= cores
                    placed.append((node, cores))
                }
            } else {
                let (node, cores) = placed.remove(at: Int(generator.next(upperBound: UInt64(placed.count))))
                tree.adjust(node, by: cores)
                scan[node] += cores
            }
        }
    }
}

/// The centre's growth: demand that grows, a cloud that grows, a GPU partition, yearly figures.
@Suite("Compute centre growth")
struct ComputeGrowthTests {
    @Test("a growing job stream: each year's submissions are the integral of the rate")
    func growingWorkload() {
        // Rate r·2^(t/y): year one carries r·y/ln 2, year two twice that.
        let workload = SyntheticWorkload(
            jobs: 0, processors: 1_024, load: 0.5, maximumWidth: 64, medianRunTime: 600, yearlyGrowth: 1)
        let year = CloudSimulation.secondsPerYear
        let jobs = workload.generate(seed: 4, horizon: 2 * year)
        let flat = SyntheticWorkload(
            jobs: 0, processors: 1_024, load: 0.5, maximumWidth: 64, medianRunTime: 600)
        let perYear = Double(flat.generate(seed: 4, horizon: year).count)
        let first = Double(jobs.filter { $0.submitTime < year }.count)
        let second = Double(jobs.count) - first
        let expected = perYear / log(2.0)
        #expect(abs(first - expected) < 5 * expected.squareRoot() + 100, "\(first) vs \(expected)")
        #expect(
            abs(second - 2 * expected) < 5 * (2 * expected).squareRoot() + 100, "\(second) vs \(2 * expected)"
        )
        // Without growth the stream is the one a job count gives.
        #expect(
            Array(flat.generate(seed: 4, horizon: year).prefix(100))
                == SyntheticWorkload(
                    jobs: 100, processors: 1_024, load: 0.5, maximumWidth: 64, medianRunTime: 600
                ).generate(seed: 4))
    }

    @Test("a cloud that grows stops rejecting: Erlang B before, next to none after")
    func growingCloud() {
        let service = CloudService(name: "health", requestsPerHour: 15, vmCores: [1], meanLifetimeHours: 1)
        let year = 2_000.0 * 3_600
        let cloud = CloudSimulation(
            nodes: 1, coresPerNode: 12, services: [service], admission: .reject,
            expansions: [Expansion(time: year, processors: 9)], yearLength: year)
        let result = cloud.run(horizon: 2 * year, seed: 8)
        #expect(result.years.count == 2 && result.finalNodes == 10)
        let before = ErlangC.blockingProbability(servers: 12, offeredLoad: 15)
        let after = ErlangC.blockingProbability(servers: 120, offeredLoad: 15)
        #expect(
            abs(result.years[0].rejectionRate - before) < 0.02,
            "\(result.years[0].rejectionRate) vs \(before)")
        #expect(result.years[1].rejectionRate <= after + 0.001)
        #expect(result.years.reduce(0) { $0 + $1.requests } == result.services[0].requests)
    }

    @Test("growing the first-fit tree keeps every node's free cores and adds full nodes")
    func growTree() {
        var nodes = FirstFitNodes(count: 3, cores: 8)
        nodes.adjust(0, by: -8)
        nodes.adjust(2, by: -3)
        nodes.grow(by: 3, cores: 8)
        #expect(nodes.count == 6)
        #expect((0..<6).map(nodes.free) == [0, 8, 5, 8, 8, 8])
        #expect(nodes.first(fitting: 6) == 1)
        nodes.adjust(1, by: -8)
        #expect(nodes.first(fitting: 6) == 3)
    }

    @Test("the GPU partition is scheduled apart, at its offered load, with figures per year")
    func gpuPartition() throws {
        let year = CloudSimulation.secondsPerYear
        let gpu = ComputeCentre.GPUPartition(
            gpus: 256, workload: SyntheticWorkload(jobs: 0, processors: 256, load: 0.4, maximumWidth: 32))
        let centre = ComputeCentre(
            cores: 512, scheduler: .easy, workload: SyntheticWorkload(jobs: 0, processors: 512, load: 0.6),
            horizon: 2 * year, gpu: gpu, yearLength: year)
        let result = centre.run(seed: 3, replication: 0)
        let gpuSummary = try #require(result.gpu)
        #expect(abs(gpuSummary.utilization - 0.4) < 0.03, "\(gpuSummary.utilization)")
        #expect(abs(result.summary.utilization - 0.6) < 0.03, "\(result.summary.utilization)")
        #expect(result.years.count == 2 && result.gpuYears.count == 2)
        #expect(result.years.reduce(0) { $0 + $1.jobs } == result.summary.jobs)
    }
}
