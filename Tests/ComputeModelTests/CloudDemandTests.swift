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
