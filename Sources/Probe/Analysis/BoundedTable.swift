/// A dictionary with a fixed capacity that evicts its oldest entry (first inserted) to make
/// room, and counts evictions. The probe's per-flow and per-host state lives in these, so memory
/// stays flat however long the capture is.
///
/// - Complexity: O(1) amortised per lookup, insert and removal.
struct BoundedTable<Key: Hashable, Value> {
    private struct Slot {
        var value: Value
        var stamp: UInt64
    }

    let capacity: Int
    private var slots: [Key: Slot]
    /// Keys in insertion order with the stamp they were inserted with; entries whose key was
    /// removed or re-inserted since are stale and skipped.
    private var order: [(key: Key, stamp: UInt64)] = []
    private var head = 0
    private var nextStamp: UInt64 = 0
    /// Entries dropped to make room.
    private(set) var evictions = 0

    init(capacity: Int) {
        precondition(capacity > 0)
        self.capacity = capacity
        slots = Dictionary(minimumCapacity: Swift.min(capacity, 1 << 16))
    }

    var count: Int { slots.count }
    var isEmpty: Bool { slots.isEmpty }

    subscript(key: Key) -> Value? {
        slots[key]?.value
    }

    /// Updates the value for `key` in place, inserting `makeValue()` first when absent (evicting
    /// the oldest entry when full). Returns whether the key was new.
    @discardableResult
    mutating func update(
        _ key: Key, default makeValue: @autoclosure () -> Value, _ body: (inout Value) -> Void
    ) -> Bool {
        if let index = slots.index(forKey: key) {
            body(&slots.values[index].value)
            return false
        }
        if slots.count >= capacity { evictOldest() }
        var value = makeValue()
        body(&value)
        nextStamp += 1
        slots[key] = Slot(value: value, stamp: nextStamp)
        order.append((key, nextStamp))
        compactIfNeeded()
        return true
    }

    /// Removes `key` and returns its value.
    @discardableResult
    mutating func removeValue(forKey key: Key) -> Value? {
        slots.removeValue(forKey: key)?.value
    }

    /// The entries, in no particular order.
    var entries: some Sequence<(key: Key, value: Value)> {
        slots.lazy.map { ($0.key, $0.value.value) }
    }

    private mutating func evictOldest() {
        while head < order.count {
            let (key, stamp) = order[head]
            head += 1
            if let slot = slots[key], slot.stamp == stamp {
                slots.removeValue(forKey: key)
                evictions += 1
                return
            }
        }
    }

    /// Drops consumed and stale entries of `order` so it stays within a small multiple of
    /// `capacity`.
    private mutating func compactIfNeeded() {
        if head > 4096 && head * 2 > order.count {
            order.removeFirst(head)
            head = 0
        }
        if order.count - head > 2 * capacity + 1024 {
            order = order[head...].filter { slots[$0.key]?.stamp == $0.stamp }
            head = 0
        }
    }

    #if METRO6_INTERNAL_CHECKS
        /// Every live entry appears once in `order` with its stamp; the table is within capacity.
        func checkInvariants() {
            precondition(slots.count <= capacity)
            var live = 0
            for (key, stamp) in order[head...] where slots[key]?.stamp == stamp { live += 1 }
            precondition(live == slots.count)
        }
    #endif
}
