import Testing

import struct TestSupport.XorShift

@testable import Probe

/// The analysers' small cache of recent hashes against a model of a two-way LRU cache: per set,
/// the hashes it holds, most recently used first.
@Suite("Recent-hash cache")
struct RecentHashesTests {
    /// A hash of set `set` (of 2^bits sets) told apart from others of its set by `tag`.
    static func hash(set: UInt64, tag: UInt64, bits: Int) -> UInt64 {
        set << UInt64(64 - bits) | (tag & 0x7F_FFFF) << UInt64(40 - bits) | 0xABC
    }

    @Test("flags accumulate and are returned; remove forgets")
    func flags() {
        var cache = RecentHashes(sets: 16)
        let a = Self.hash(set: 3, tag: 1, bits: 4)
        #expect(cache.insert(a, flags: 1) == nil)
        #expect(cache.insert(a, flags: 4) == 1)
        #expect(cache.insert(a) == 5)
        cache.remove(a)
        #expect(cache.insert(a, flags: 2) == nil)
        #expect(cache.insert(a) == 2)
    }

    @Test("two entries a set; the least recently used one leaves")
    func leastRecentlyUsedLeaves() {
        var cache = RecentHashes(sets: 16)
        let (a, b, c) = (
            Self.hash(set: 5, tag: 1, bits: 4), Self.hash(set: 5, tag: 2, bits: 4),
            Self.hash(set: 5, tag: 3, bits: 4)
        )
        let other = Self.hash(set: 6, tag: 1, bits: 4)
        #expect(cache.insert(a, flags: 1) == nil)
        #expect(cache.insert(b, flags: 2) == nil)
        #expect(cache.insert(other, flags: 8) == nil)
        #expect(cache.insert(a) == 1)  // a is now the most recent of set 5
        #expect(cache.insert(c, flags: 4) == nil)  // evicts b
        #expect(cache.insert(a) == 1)
        #expect(cache.insert(c) == 4)
        #expect(cache.insert(other) == 8)
        #expect(cache.insert(b) == nil)
    }

    @Test("random operations match the model", arguments: 0..<4)
    func matchesModel(seed: UInt64) {
        var random = XorShift(seed: seed)
        func next(_ bound: UInt64) -> UInt64 { random.next(bound) }
        let bits = 3
        var cache = RecentHashes(sets: 1 << bits)
        var model = [[(tag: UInt64, flags: UInt8)]](repeating: [], count: 1 << bits)
        for _ in 0..<20_000 {
            let set = next(1 << UInt64(bits))
            let tag = 1 + next(5)
            let hash = Self.hash(set: set, tag: tag, bits: bits)
            var ways = model[Int(set)]
            let found = ways.firstIndex { $0.tag == tag }
            if next(5) == 0 {
                cache.remove(hash)
                if let found { ways.remove(at: found) }
            } else {
                let flags = UInt8(1) << UInt8(next(8))
                let expected = found.map { ways[$0].flags }
                #expect(cache.insert(hash, flags: flags) == expected)
                let entry = (tag, (expected ?? 0) | flags)
                if let found { ways.remove(at: found) }
                ways.insert(entry, at: 0)
                if ways.count > 2 { ways.removeLast() }
            }
            model[Int(set)] = ways
        }
    }
}
