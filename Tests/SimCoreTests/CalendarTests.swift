import Testing

@testable import SimCore

/// Both calendars must serve entries in (time, sequence) order whatever the insert pattern.
@Suite("Event calendars")
struct CalendarTests {
    /// Drives a calendar like a simulation: interleaved inserts (never before the last removal)
    /// and removals; checks the order against a sorted reference and the invariants after each step.
    func exercise<C: EventCalendar<Int>>(
        _ type: C.Type, seed: UInt64, operations: Int, timeScale: Double, ties: Bool,
        mixed: Bool = false, check: (C) -> Void
    ) {
        var random = Xoshiro256StarStar(seed: seed)
        var calendar = C()
        var reference: [CalendarEntry<Int>] = []
        var now = 0.0
        var sequence: UInt64 = 0
        var served = 0
        for step in 0..<operations {
            let insert = reference.isEmpty || random.nextUnitInterval() < 0.55
            if insert {
                var delay = -timeScale * (1 - random.nextUnitInterval()).squareRoot() + timeScale
                if ties { delay = (delay * 4).rounded(.down) / 4 }
                // Mixed scales, as in a model with monthly steps and near-immediate follow-ups.
                if mixed && random.nextUnitInterval() < 0.5 { delay *= 1e-7 }
                let entry = CalendarEntry(time: now + delay, sequence: sequence, event: step)
                sequence += 1
                calendar.insert(entry)
                reference.append(entry)
            } else {
                let expectedIndex = reference.indices.min { reference[$0].precedes(reference[$1]) }!
                let expected = reference.remove(at: expectedIndex)
                #expect(calendar.first()?.sequence == expected.sequence, "step \(step): wrong first()")
                let got = calendar.removeFirst()
                #expect(got?.sequence == expected.sequence, "step \(step): wrong entry served")
                now = expected.time
                served += 1
            }
            #expect(calendar.count == reference.count)
            check(calendar)
        }
        reference.sort { $0.precedes($1) }
        for expected in reference {
            #expect(calendar.removeFirst()?.sequence == expected.sequence)
        }
        #expect(calendar.removeFirst() == nil)
        #expect(calendar.isEmpty)
        #expect(served > operations / 4)
    }

    @Test("the 4-ary heap serves in (time, sequence) order", arguments: [1, 2, 3] as [UInt64])
    func heapOrder(seed: UInt64) {
        for ties in [false, true] {
            exercise(DaryHeapCalendar<Int>.self, seed: seed, operations: 3_000, timeScale: 5, ties: ties) {
                $0.checkInvariants()
            }
        }
    }

    @Test("the ladder queue serves in (time, sequence) order", arguments: [1, 2, 3, 4, 5] as [UInt64])
    func ladderOrder(seed: UInt64) {
        for ties in [false, true] {
            for scale in [1e-6, 1.0, 1e6] {
                for mixed in [false, true] {
                    exercise(
                        LadderQueueCalendar<Int>.self, seed: seed, operations: 3_000, timeScale: scale,
                        ties: ties,
                        mixed: mixed
                    ) { $0.checkInvariants() }
                }
            }
        }
    }

    /// 500 events at three times take the ladder's sort of equal times; 20,000 its heap fallback.
    @Test("equal times are served first in, first out", arguments: [500, 20_000])
    func fifoTies(count: Int) {
        var ladder = LadderQueueCalendar<Int>()
        var heap = DaryHeapCalendar<Int>()
        for i in 0..<count {
            let entry = CalendarEntry(time: Double(i % 3), sequence: UInt64(i), event: i)
            ladder.insert(entry)
            heap.insert(entry)
        }
        var previous: (Double, UInt64) = (-1, 0)
        while let a = ladder.removeFirst(), let b = heap.removeFirst() {
            #expect(a.sequence == b.sequence)
            #expect(a.time > previous.0 || (a.time == previous.0 && a.sequence > previous.1))
            previous = (a.time, a.sequence)
        }
        #expect(ladder.isEmpty && heap.isEmpty)
    }

    @Test("removeAll empties the calendar and it can be reused")
    func removeAllReuse() {
        var ladder = LadderQueueCalendar<Int>()
        for i in 0..<100 { ladder.insert(CalendarEntry(time: Double(i), sequence: UInt64(i), event: i)) }
        _ = ladder.removeFirst()
        ladder.removeAll()
        #expect(ladder.isEmpty)
        #expect(ladder.removeFirst() == nil)
        ladder.insert(CalendarEntry(time: 7, sequence: 0, event: 1))
        #expect(ladder.removeFirst()?.event == 1)
    }
}

extension CalendarEntry: Equatable where Event: Equatable {
    public static func == (lhs: CalendarEntry, rhs: CalendarEntry) -> Bool {
        lhs.time == rhs.time && lhs.sequence == rhs.sequence && lhs.event == rhs.event
    }
}
