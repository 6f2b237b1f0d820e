import Packets
import Testing

import struct TestSupport.XorShift

@testable import Probe

/// The DNS analyser's store of names: texts in a byte ring, AAAA marks, four names a set with
/// the least recently used one leaving, against a model of a four-way LRU cache.
@Suite("DNS name store")
struct DNSNameStoreTests {
    /// A hash of set `set` (of 2^bits sets) told apart from others of its set by `tag`.
    static func hash(set: UInt64, tag: UInt64, bits: Int) -> UInt64 {
        set << UInt64(64 - bits) | tag << 8 | 0x5A
    }

    /// Remembers `hash` with `text`, and says whether the store asked for the text.
    static func remember(_ store: inout DNSNameStore, _ hash: UInt64, _ text: String) -> Bool {
        var asked = false
        store.remember(hash) { bytes throws(DecodeError) in
            asked = true
            bytes += Array(text.utf8)
        }
        return asked
    }

    @Test("texts come back; a kept text is not asked for again; AAAA marks stay with their name")
    func roundTrip() {
        var store = DNSNameStore(sets: 16, ringBytes: 1 << 16)
        let names = (0..<40).map { "host\($0).example.org" }
        for (index, name) in names.enumerated() {
            #expect(
                Self.remember(&store, Self.hash(set: UInt64(index % 16), tag: UInt64(index), bits: 4), name))
        }
        for (index, name) in names.enumerated() {
            let hash = Self.hash(set: UInt64(index % 16), tag: UInt64(index), bits: 4)
            #expect(store.text(hash) == name)
            #expect(!Self.remember(&store, hash, "changed"))
            #expect(!store.hasAAAA(hash))
        }
        let marked = Self.hash(set: 3, tag: 3, bits: 4)
        store.markAAAA(marked)
        #expect(store.hasAAAA(marked))
        #expect(store.text(marked) == names[3])
        // Marking a name never remembered stores it without text; the text comes later.
        let unseen = Self.hash(set: 9, tag: 999, bits: 4)
        store.markAAAA(unseen)
        #expect(store.hasAAAA(unseen) && store.text(unseen) == nil)
        #expect(Self.remember(&store, unseen, "late.example"))
        #expect(store.text(unseen) == "late.example" && store.hasAAAA(unseen))
        #expect(store.text(Self.hash(set: 9, tag: 12345, bits: 4)) == nil)
        #expect(store.evictions == 0)
    }

    @Test("four names a set; the least recently used one leaves, and is counted")
    func leastRecentlyUsedLeaves() {
        var store = DNSNameStore(sets: 16, ringBytes: 1 << 16)
        let set5 = (1...5).map { Self.hash(set: 5, tag: $0, bits: 4) }
        for (index, hash) in set5.prefix(4).enumerated() { _ = Self.remember(&store, hash, "n\(index)") }
        store.markAAAA(set5[0])  // set5[0] is now the most recent; set5[1] the least
        _ = Self.remember(&store, set5[4], "n4")
        #expect(store.evictions == 1)
        #expect(store.text(set5[1]) == nil)
        #expect(store.text(set5[0]) == "n0" && store.hasAAAA(set5[0]))
        for index in [2, 3, 4] { #expect(store.text(set5[index]) == "n\(index)") }
        // Another set is untouched.
        let other = Self.hash(set: 6, tag: 1, bits: 4)
        _ = Self.remember(&store, other, "other")
        #expect(store.evictions == 1 && store.text(other) == "other")
    }

    @Test("texts the ring has overwritten are dropped, their marks kept, and written again on return")
    func ringOverwrite() {
        var store = DNSNameStore(sets: 64, ringBytes: 4_096)
        let first = Self.hash(set: 0, tag: 1, bits: 6)
        _ = Self.remember(&store, first, "first.example")
        store.markAAAA(first)
        // 200 more names of 30-odd bytes each overrun the 4 KiB ring.
        for index in 0..<200 {
            let hash = Self.hash(set: UInt64(1 + index % 63), tag: UInt64(index / 63 + 1), bits: 6)
            _ = Self.remember(&store, hash, "name-\(index).some-domain.example")
        }
        #expect(store.text(first) == nil)
        #expect(store.hasAAAA(first))
        #expect(Self.remember(&store, first, "first.example"))
        #expect(store.text(first) == "first.example")
        // The newest names are intact.
        let newest = Self.hash(set: UInt64(1 + 199 % 63), tag: UInt64(199 / 63 + 1), bits: 6)
        #expect(store.text(newest) == "name-199.some-domain.example")
    }

    @Test("a text that cannot be read stores the name without one; a text is cut at 1,024 bytes")
    func unreadableAndLong() {
        var store = DNSNameStore(sets: 16, ringBytes: 1 << 16)
        let bad = Self.hash(set: 1, tag: 1, bits: 4)
        store.remember(bad) { _ throws(DecodeError) in throw .invalid(.dns, .label) }
        #expect(store.text(bad) == nil && !store.hasAAAA(bad))
        let long = Self.hash(set: 2, tag: 1, bits: 4)
        _ = Self.remember(&store, long, String(repeating: "a", count: 3_000))
        #expect(store.text(long) == String(repeating: "a", count: DNSNameStore.longestText))
    }

    @Test("random use agrees with a model of four-way LRU sets")
    func againstModel() {
        let bits = 3
        var store = DNSNameStore(sets: 1 << bits, ringBytes: 1 << 20)
        var model = [[UInt64]](repeating: [], count: 1 << bits)  // per set, most recent first
        var marked: Set<UInt64> = []
        var evictions = 0
        var random = XorShift(seed: 42)
        for step in 0..<20_000 {
            let set = random.next(1 << UInt64(bits))
            let hash = Self.hash(set: set, tag: random.next(9) + 1, bits: bits)
            let ways = Int(set)
            if let position = model[ways].firstIndex(of: hash) {
                model[ways].remove(at: position)
            } else if model[ways].count == 4 {
                marked.remove(model[ways].removeLast())
                evictions += 1
            }
            model[ways].insert(hash, at: 0)
            if step % 3 == 0 {
                store.markAAAA(hash)
                marked.insert(hash)
            } else {
                _ = Self.remember(&store, hash, "h\(hash)")
            }
            #expect(store.evictions == evictions)
        }
        for hashes in model {
            for hash in hashes { #expect(store.hasAAAA(hash) == marked.contains(hash)) }
        }
    }
}
