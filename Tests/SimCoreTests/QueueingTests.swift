import Foundation
import TestSupport
import Testing

@testable import SimCore

/// The engine against queueing theory: an M/M/c queue's mean wait must match Erlang C.
@Suite("M/M/c against Erlang C")
struct QueueingTests {
    enum Event {
        case arrival
        case departure
    }

    /// Simulates `customers` arrivals through c servers and returns batch means of their waits,
    /// after a warm-up of 1% of the customers.
    static func simulate(servers: Int, rho: Double, customers: Int, seed: UInt64) -> BatchMeans {
        let mu = 1.0
        let lambda = rho * Double(servers) * mu
        let streams = RandomStreams(seed: seed)
        var arrivals = streams.generator(replication: 0, stream: 0)
        var services = streams.generator(replication: 0, stream: 1)
        let interarrival = Exponential(rate: lambda)
        let service = Exponential(rate: mu)
        var simulation = Simulation<LadderQueueCalendar<Event>>()
        var queue: [Double] = []
        var head = 0
        var busy = 0
        var arrived = 0
        var started = 0
        let warmUp = customers / 100
        var waits = BatchMeans(batchSize: (customers - warmUp) / 50)
        simulation.schedule(.arrival, at: SimTime(interarrival.sample(using: &arrivals)))
        while let (now, event) = simulation.nextEvent() {
            switch event {
            case .arrival:
                arrived += 1
                if arrived < customers {
                    simulation.schedule(.arrival, after: interarrival.sample(using: &arrivals))
                }
                if busy < servers {
                    busy += 1
                    started += 1
                    if started > warmUp { waits.add(0) }
                    simulation.schedule(.departure, after: service.sample(using: &services))
                } else {
                    queue.append(now.value)
                }
            case .departure:
                if head < queue.count {
                    let arrivalTime = queue[head]
                    head += 1
                    if head > 4_096 && head * 2 > queue.count {
                        queue.removeFirst(head)
                        head = 0
                    }
                    started += 1
                    if started > warmUp { waits.add(now.value - arrivalTime) }
                    simulation.schedule(.departure, after: service.sample(using: &services))
                } else {
                    busy -= 1
                }
            }
        }
        return waits
    }

    @Test("Erlang C's closed form matches a published value")
    func closedForm() {
        // c = 2, λ = 1, μ = 1 (a = 1, ρ = 0.5): C = 1/3, Wq = (1/3)/(2 − 1) = 1/3.
        #expect(abs(ErlangC.meanWait(servers: 2, arrivalRate: 1, serviceRate: 1) - 1.0 / 3) < 1e-12)
    }

    @Test(
        "c = 64: mean wait within the 99% confidence interval of Erlang C (10^6 customers)",
        arguments: [(0.7, 20_110_529 as UInt64), (0.9, 20_110_530 as UInt64)])
    func mmc(rho: Double, seed: UInt64) {
        let servers = 64
        let waits = Self.simulate(servers: servers, rho: rho, customers: 1_000_000, seed: seed)
        let expected = ErlangC.meanWait(
            servers: servers, arrivalRate: rho * Double(servers), serviceRate: 1)
        let ci = waits.confidenceInterval(level: 0.99)!
        #expect(waits.overall.count == 990_000)
        #expect(ci.contains(expected), "Erlang C \(expected) outside [\(ci.lower), \(ci.upper)]")
        // The interval must be informative: it would catch a wait off by half.
        #expect(ci.halfWidth < expected / 2, "interval too wide to check anything: ±\(ci.halfWidth)")
    }
}
