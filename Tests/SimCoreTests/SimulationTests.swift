import Testing

@testable import SimCore

@Suite("Simulation")
struct SimulationTests {
    enum Event: Equatable {
        case ping(Int)
        case failure(Int)
    }

    @Test("events come in time order, ties in scheduling order, and the clock follows")
    func ordering() {
        var simulation = Simulation<LadderQueueCalendar<Event>>()
        simulation.schedule(.ping(1), at: SimTime(2))
        simulation.schedule(.ping(2), at: SimTime(1))
        simulation.schedule(.ping(3), at: SimTime(2))
        simulation.schedule(.ping(4), after: 1)
        var seen: [(Double, Event)] = []
        while let (time, event) = simulation.nextEvent() { seen.append((time.value, event)) }
        #expect(seen.map(\.1) == [.ping(2), .ping(4), .ping(1), .ping(3)])
        #expect(seen.map(\.0) == [1, 1, 2, 2])
        #expect(simulation.now == SimTime(2))
        #expect(simulation.processedEvents == 4)
    }

    @Test("a cancelled event never happens; cancelling twice or after it happened fails")
    func cancellation() {
        var simulation = Simulation<DaryHeapCalendar<Event>>()
        let failure = simulation.scheduleCancellable(.failure(7), at: SimTime(5))
        let kept = simulation.scheduleCancellable(.failure(8), at: SimTime(6))
        simulation.schedule(.ping(1), at: SimTime(3))
        #expect(simulation.pendingCount == 3)
        let first = simulation.cancel(failure)
        let second = simulation.cancel(failure)
        #expect(first)
        #expect(!second)
        #expect(simulation.pendingCount == 2)
        var seen: [Event] = []
        while let (_, event) = simulation.nextEvent() { seen.append(event) }
        #expect(seen == [.ping(1), .failure(8)])
        let afterItHappened = simulation.cancel(kept)
        #expect(!afterItHappened)
        #expect(simulation.pendingCount == 0)
    }

    @Test("nextEventTime peeks without taking and skips cancelled events")
    func peek() {
        var simulation = Simulation<LadderQueueCalendar<Event>>()
        let early = simulation.scheduleCancellable(.failure(1), at: SimTime(2))
        simulation.schedule(.ping(2), at: SimTime(3))
        let firstPeek = simulation.nextEventTime()
        #expect(firstPeek == SimTime(2))
        let cancelled = simulation.cancel(early)
        #expect(cancelled)
        let secondPeek = simulation.nextEventTime()
        #expect(secondPeek == SimTime(3))
        #expect(simulation.pendingCount == 1)
        let next = simulation.nextEvent()
        #expect(next?.event == .ping(2))
        let none = simulation.nextEventTime()
        #expect(none == nil)
    }

    @Test("nextEvent(until:) stops at the horizon and keeps later events, cancellable ones too")
    func horizon() {
        var simulation = Simulation<LadderQueueCalendar<Event>>()
        simulation.schedule(.ping(1), at: SimTime(1))
        let late = simulation.scheduleCancellable(.failure(2), at: SimTime(10))
        let first = simulation.nextEvent(until: SimTime(5))
        #expect(first?.event == .ping(1))
        let none = simulation.nextEvent(until: SimTime(5))
        #expect(none == nil)
        #expect(simulation.now == SimTime(1))
        simulation.advance(to: SimTime(5))
        #expect(simulation.pendingCount == 1)
        let cancelled = simulation.cancel(late)
        #expect(cancelled)
        let next = simulation.nextEvent()
        #expect(next == nil)
    }

    @Test("many cancellations among many events: exactly the survivors happen, in order")
    func cancellationAtScale() {
        var simulation = Simulation<LadderQueueCalendar<Event>>()
        var random = Xoshiro256StarStar(seed: 9)
        var ids: [(EventID, Double, Int)] = []
        for i in 0..<2_000 {
            let time = random.nextUnitInterval() * 100
            ids.append((simulation.scheduleCancellable(.failure(i), at: SimTime(time)), time, i))
        }
        var survivors: [(Double, Int)] = []
        for (index, (id, time, i)) in ids.enumerated() {
            if index % 3 == 0 {
                let cancelled = simulation.cancel(id)
                #expect(cancelled)
            } else {
                survivors.append((time, i))
            }
        }
        survivors.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        var seen: [Int] = []
        while let (_, event) = simulation.nextEvent() {
            if case .failure(let i) = event { seen.append(i) }
        }
        #expect(seen == survivors.map(\.1))
    }
}
