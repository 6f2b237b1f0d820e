/// A 4-ary implicit min-heap over contiguous storage.
///
/// The reference calendar: simple, no tuning, good up to ~10^5 pending events. Four children per
/// node halve the depth of a binary heap and keep siblings in one or two cache lines.
///
/// - Complexity: insert O(log₄ n), removeFirst O(4 log₄ n) comparisons.
/// - Memory: `MemoryLayout<CalendarEntry<Event>>.stride` per pending event (24 bytes for a
///   4-byte event), plus the array's growth slack.
public struct DaryHeapCalendar<Event>: EventCalendar {
    @usableFromInline
    static var arity: Int { 4 }

    @usableFromInline
    var storage: ContiguousArray<CalendarEntry<Event>>

    /// An empty heap.
    @inlinable
    public init() {
        storage = []
    }

    /// An empty heap with room for `capacity` entries.
    @inlinable
    public init(reservingCapacity capacity: Int) {
        storage = []
        storage.reserveCapacity(capacity)
    }

    @inlinable
    public var count: Int { storage.count }

    public var allocatedBytes: Int {
        storage.capacity * MemoryLayout<CalendarEntry<Event>>.stride
    }

    @inlinable
    public mutating func insert(_ entry: CalendarEntry<Event>) {
        storage.append(entry)
        storage.withUnsafeMutableBufferPointer { buffer in
            var hole = buffer.count - 1
            while hole > 0 {
                let parent = (hole - 1) >> 2
                if !entry.precedes(buffer[parent]) { break }
                buffer[hole] = buffer[parent]
                hole = parent
            }
            buffer[hole] = entry
        }
    }

    @inlinable
    public mutating func removeFirst() -> CalendarEntry<Event>? {
        guard let last = storage.popLast() else { return nil }
        if storage.isEmpty { return last }
        return storage.withUnsafeMutableBufferPointer { buffer in
            let first = buffer[0]
            Self.siftDown(last, from: 0, in: buffer)
            return first
        }
    }

    @inlinable
    public mutating func first() -> CalendarEntry<Event>? {
        storage.first
    }

    /// Restores heap order over arbitrary storage, bottom-up in O(n).
    @inlinable
    mutating func heapify() {
        let n = storage.count
        if n < 2 { return }
        storage.withUnsafeMutableBufferPointer { buffer in
            var start = (n - 2) >> 2
            while start >= 0 {
                Self.siftDown(buffer[start], from: start, in: buffer)
                start -= 1
            }
        }
    }

    /// Places `moving` in the hole at `hole`, moving smaller children up until heap order holds.
    @inlinable @inline(__always)
    static func siftDown(
        _ moving: CalendarEntry<Event>, from hole: Int,
        in buffer: UnsafeMutableBufferPointer<CalendarEntry<Event>>
    ) {
        let n = buffer.count
        var hole = hole
        while true {
            let firstChild = hole << 2 + 1
            if firstChild >= n { break }
            var best = firstChild
            let end = Swift.min(firstChild + 4, n)
            var child = firstChild + 1
            while child < end {
                if buffer[child].precedes(buffer[best]) { best = child }
                child += 1
            }
            if !buffer[best].precedes(moving) { break }
            buffer[hole] = buffer[best]
            hole = best
        }
        buffer[hole] = moving
    }

    @inlinable
    public mutating func removeAll() {
        storage.removeAll(keepingCapacity: true)
    }

    #if METRO6_INTERNAL_CHECKS
        /// Traps unless every node precedes or equals its children.
        func checkInvariants() {
            for index in storage.indices.dropFirst() {
                let parent = (index - 1) / Self.arity
                precondition(!storage[index].precedes(storage[parent]), "heap order broken at \(index)")
            }
        }
    #endif
}

extension DaryHeapCalendar: Sendable where Event: Sendable {}
