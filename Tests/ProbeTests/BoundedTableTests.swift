import Testing

import struct TestSupport.XorShift

@testable import Probe

/// The probe's bounded tables against a plain dictionary with a FIFO list, and the flow
/// counter against exact counts.
@Suite("Bounded tables and the flow counter")
struct BoundedTableTests {
    @Test(
        "random inserts, updates and removals match a dictionary with oldest-first eviction",
        arguments: 0..<8)
    func matchesReference(seed: UInt64) {
        var random = XorShift(seed: seed)
        func next(_ bound: UInt64) -> UInt64 { random.next(bound) }
        let capacity = 1 + Int(next(300))
        var table = BoundedTable<UInt64, Int>(capacity: capacity)
        var reference: [UInt64: Int] = [:]
        var order: [UInt64] = []
        var evictions = 0
        for step in 0..<4_000 {
            let key = next(UInt64(capacity) * 3)
            if next(4) == 0 {
                #expect(table.removeValue(forKey: key) == reference.removeValue(forKey: key))
                order.removeAll { $0 == key }
            } else {
                let isNew = table.update(key, default: 0) { $0 += step }
                #expect(isNew == (reference[key] == nil))
                if reference[key] == nil {
                    if reference.count == capacity {
                        let oldest = order.removeFirst()
                        #expect(table.lastEvicted?.key == oldest)
                        reference[oldest] = nil
                        evictions += 1
                    }
                    reference[key] = 0
                    order.append(key)
                }
                reference[key]! += step
            }
            #if METRO6_INTERNAL_CHECKS
                if step % 16 == 0 { table.checkInvariants() }
            #endif
            #expect(table.count == reference.count)
        }
        #expect(table.evictions == evictions)
        for (key, value) in reference { #expect(table[key] == value) }
        #expect(Dictionary(uniqueKeysWithValues: table.entries.map { ($0.key, $0.value) }) == reference)
    }

    @Test("HyperLogLog flow counts: exact for a handful, within 3 standard errors (4.9%) up to 10^6")
    func flowCounter() {
        for count in [0, 1, 3, 17, 1_000, 20_000, 100_000, 1_000_000] {
            var counter = FlowCounter()
            for index in 0..<count {
                let hash = mixHash(UInt64(index), 0xF10)
                counter.add(hash: hash)
                if index % 3 == 0 { counter.add(hash: hash) }  // repeats change nothing
            }
            if count <= 17 {
                #expect(counter.estimate == count)
            } else {
                let error = abs(Double(counter.estimate - count)) / Double(count)
                #expect(error < 3 * 1.04 / 64, "\(count): estimate \(counter.estimate)")
            }
        }
    }
}
