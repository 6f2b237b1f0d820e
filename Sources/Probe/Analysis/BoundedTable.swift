import Packets

/// A key of a `BoundedTable`: hashed with a few multiplications instead of `Hasher`'s SipHash,
/// since the probe looks one up for nearly every packet.
protocol TableKey: Equatable {
    /// A well-mixed 64-bit hash of the key.
    var tableHash: UInt64 { get }
}

/// Mixes two words into one: the wyhash "mum" step (a 128-bit product folded to 64 bits),
/// then SplitMix64's finaliser, so every output bit depends on every input bit. (The product
/// alone is weak when one word is constant: then it is a multiplication by a constant, whose
/// high bits follow the input.)
@inline(__always)
func mixHash(_ a: UInt64, _ b: UInt64) -> UInt64 {
    let product = (a ^ 0x9E37_79B9_7F4A_7C15).multipliedFullWidth(by: b ^ 0xD6E8_FEB8_6659_FD93)
    var hash = product.high ^ product.low
    hash = (hash ^ hash >> 30) &* 0xBF58_476D_1CE4_E5B9
    hash = (hash ^ hash >> 27) &* 0x94D0_49BB_1331_11EB
    return hash ^ hash >> 31
}

/// A hash table with a fixed capacity that evicts its oldest entry (first inserted) to make
/// room, and counts evictions. The probe's per-flow and per-host state lives in these, so
/// memory stays flat however long the capture is.
///
/// Open addressing with linear probing over twice `capacity` buckets (allocated as the table
/// grows), backward-shift deletion, and a ring of insertion stamps for the eviction order.
/// Iteration order depends only on the keys inserted, so reports are deterministic.
///
/// - Complexity: O(1) expected per lookup, insert and removal.
struct BoundedTable<Key: TableKey, Value> {
    private struct Slot {
        var key: Key
        var value: Value
        var stamp: UInt64
    }

    let capacity: Int
    private var slots: [Slot?]
    private var mask: Int
    private(set) var count = 0
    /// Keys in insertion order with the stamp they were inserted with; entries whose key was
    /// removed or re-inserted since are stale and skipped.
    private var order: [(key: Key, stamp: UInt64)] = []
    private var head = 0
    private var nextStamp: UInt64 = 0
    /// Entries dropped to make room.
    private(set) var evictions = 0
    /// The entry the last `update` evicted, if it evicted one.
    private(set) var lastEvicted: (key: Key, value: Value)?

    init(capacity: Int) {
        precondition(capacity > 0)
        self.capacity = capacity
        let buckets = 64
        slots = [Slot?](repeating: nil, count: buckets)
        mask = buckets - 1
    }

    var isEmpty: Bool { count == 0 }

    subscript(key: Key) -> Value? {
        guard let index = find(key) else { return nil }
        return slots[index]?.value
    }

    /// Updates the value for `key` in place, inserting `makeValue()` first when absent (evicting
    /// the oldest entry when full: see `lastEvicted`). Returns whether the key was new.
    @discardableResult
    @inline(__always)
    mutating func update(
        _ key: Key, default makeValue: @autoclosure () -> Value, _ body: (inout Value) -> Void
    ) -> Bool {
        lastEvicted = nil
        var index = Int(truncatingIfNeeded: key.tableHash) & mask
        while let slot = slots[index] {
            if slot.key == key {
                body(&slots[index]!.value)
                return false
            }
            index = (index + 1) & mask
        }
        if count >= capacity {
            evictOldest()
        } else if (count + 1) * 2 > slots.count {
            grow()
        }
        var value = makeValue()
        body(&value)
        insert(key, value)
        return true
    }

    /// Removes `key` and returns its value.
    @discardableResult
    mutating func removeValue(forKey key: Key) -> Value? {
        guard let index = find(key) else { return nil }
        let value = slots[index]?.value
        remove(at: index)
        return value
    }

    /// The entries, in bucket order.
    var entries: [(key: Key, value: Value)] {
        slots.compactMap { $0.map { ($0.key, $0.value) } }
    }

    private func find(_ key: Key) -> Int? {
        var index = Int(truncatingIfNeeded: key.tableHash) & mask
        while let slot = slots[index] {
            if slot.key == key { return index }
            index = (index + 1) & mask
        }
        return nil
    }

    private mutating func insert(_ key: Key, _ value: Value) {
        nextStamp += 1
        var index = Int(truncatingIfNeeded: key.tableHash) & mask
        while slots[index] != nil { index = (index + 1) & mask }
        slots[index] = Slot(key: key, value: value, stamp: nextStamp)
        count += 1
        order.append((key, nextStamp))
        compactIfNeeded()
    }

    /// Empties bucket `index` and shifts later members of its probe run back (no tombstones).
    private mutating func remove(at start: Int) {
        slots[start] = nil
        count -= 1
        var hole = start
        var index = (start + 1) & mask
        while let slot = slots[index] {
            let home = Int(truncatingIfNeeded: slot.key.tableHash) & mask
            // Move the entry into the hole unless its home lies cyclically in (hole, index].
            let distanceToHole = (index - hole) & mask
            let distanceToHome = (index - home) & mask
            if distanceToHome >= distanceToHole {
                slots[hole] = slot
                slots[index] = nil
                hole = index
            }
            index = (index + 1) & mask
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot?](repeating: nil, count: old.count * 2)
        mask = slots.count - 1
        for case let slot? in old {
            var index = Int(truncatingIfNeeded: slot.key.tableHash) & mask
            while slots[index] != nil { index = (index + 1) & mask }
            slots[index] = slot
        }
    }

    private mutating func evictOldest() {
        while head < order.count {
            let (key, stamp) = order[head]
            head += 1
            if let index = find(key), slots[index]?.stamp == stamp {
                lastEvicted = (key, slots[index]!.value)
                remove(at: index)
                evictions += 1
                return
            }
        }
    }

    /// Drops consumed and stale entries of `order` so it stays within a small multiple of the
    /// live entries (tables where most keys are soon removed, like pending queries, would
    /// otherwise keep a long tail of stale ones).
    private mutating func compactIfNeeded() {
        if head > 4096 && head * 2 > order.count {
            order.removeFirst(head)
            head = 0
        }
        if order.count - head > 2 * count + 4096 {
            // Rebuilt from the live entries in one pass over the buckets, in stamp order: a
            // lookup per logged key would touch the table at random thousands of times.
            order = slots.compactMap { $0.map { ($0.key, $0.stamp) } }.sorted { $0.stamp < $1.stamp }
            head = 0
        }
    }

    #if METRO6_INTERNAL_CHECKS
        /// Every entry is reachable from its home bucket; every live entry appears in `order`
        /// with its stamp; the table is within capacity.
        func checkInvariants() {
            precondition(count <= capacity)
            precondition(slots.compactMap { $0 }.count == count)
            for case let slot? in slots { precondition(find(slot.key) != nil) }
            var live = 0
            for (key, stamp) in order[head...] where find(key).map({ slots[$0]?.stamp == stamp }) ?? false {
                live += 1
            }
            precondition(live == count)
        }
    #endif
}

extension UInt64: TableKey {
    var tableHash: UInt64 { mixHash(self, 0x1234_5678) }
}

extension UInt32: TableKey {
    var tableHash: UInt64 { mixHash(UInt64(self), 0x8765_4321) }
}

extension IPv4Address: TableKey {
    var tableHash: UInt64 { mixHash(UInt64(rawValue), 0x4) }
}

extension IPAddress: TableKey {
    var tableHash: UInt64 {
        switch self {
        case .v4(let address): mixHash(UInt64(address.rawValue), 0x4)
        case .v6(let address): mixHash(address.high, address.low ^ 0x6)
        }
    }
}
