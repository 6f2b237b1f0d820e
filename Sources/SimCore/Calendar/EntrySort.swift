/// Sorting of `LadderQueueCalendar`'s bottom: the entry served first ends up last (descending
/// (time, sequence) order), so serving is `popLast()`.
///
/// Entries of a refill span a known, narrow time range and are spread fairly evenly over it, so a
/// distribution (counting) sort by time into one slot per entry, followed by an insertion sort
/// that repairs the few slots holding more than one entry, orders them in O(k) with few
/// mispredicted branches; a comparison sort of random times mispredicts about every other
/// comparison and dominated the calendar's profile. When all times are equal the counting step
/// cannot help, and a quicksort on (time, sequence) is used instead, as it is inside any slot that
/// received more than 16 entries. Nothing allocates once the scratch buffers have grown.
@usableFromInline
struct EntrySorter<Event> {
    @usableFromInline
    var scratch: ContiguousArray<CalendarEntry<Event>> = []
    @usableFromInline
    var counts: ContiguousArray<Int32> = []

    @inlinable
    init() {}

    /// Sorts `entries` into descending (time, sequence) order.
    ///
    /// - Complexity: O(k) expected for k entries spread over their time range; O(k log k) expected
    ///   when many share a time.
    @inlinable
    mutating func sortDescending(_ entries: inout ContiguousArray<CalendarEntry<Event>>) {
        let k = entries.count
        if k < 2 { return }
        var earliest = Double.infinity
        var latest = -Double.infinity
        for entry in entries {
            earliest = Swift.min(earliest, entry.time)
            latest = Swift.max(latest, entry.time)
        }
        if k <= 16 {
            insertionSortDescending(&entries)
            return
        }
        let span = latest - earliest
        guard span > 0 && span.isFinite else {
            entries.withUnsafeMutableBufferPointer { Self.quicksortDescending($0, 0, $0.count - 1) }
            return
        }
        // Slot s holds times in [earliest + s·span/k, …); slot k − 1 also takes `latest`.
        let scale = Double(k) / span
        let lastSlot = k - 1
        counts.removeAll(keepingCapacity: true)
        counts.append(contentsOf: repeatElement(0, count: k + 1))
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: entries)
        counts.withUnsafeMutableBufferPointer { counts in
            entries.withUnsafeMutableBufferPointer { entries in
                scratch.withUnsafeMutableBufferPointer { scratch in
                    for entry in scratch {
                        // Count from the end: later slots first, for descending order.
                        let slot = lastSlot - Swift.min(Int((entry.time - earliest) * scale), lastSlot)
                        counts[slot + 1] &+= 1
                    }
                    for slot in 1...k { counts[slot] &+= counts[slot - 1] }
                    for entry in scratch {
                        let slot = lastSlot - Swift.min(Int((entry.time - earliest) * scale), lastSlot)
                        let position = Int(counts[slot])
                        counts[slot] &+= 1
                        entries[position] = entry
                    }
                    // counts[s] is now the end of slot s. Slots are already in order; a crowded
                    // slot (many equal or close times) gets a quicksort, the rest the final
                    // insertion sort, which then only moves entries within small slots.
                    var start = 0
                    for slot in 0..<k {
                        let end = Int(counts[slot])
                        if end - start > 16 { Self.quicksortDescending(entries, start, end - 1) }
                        start = end
                    }
                }
            }
        }
        insertionSortDescending(&entries)
    }

    /// Insertion sort into descending order: O(k + inversions), fast on nearly sorted input.
    @inlinable
    func insertionSortDescending(_ entries: inout ContiguousArray<CalendarEntry<Event>>) {
        entries.withUnsafeMutableBufferPointer { buffer in
            for k in buffer.indices.dropFirst() {
                let moving = buffer[k]
                var hole = k
                while hole > 0 && buffer[hole - 1].precedes(moving) {
                    buffer[hole] = buffer[hole - 1]
                    hole -= 1
                }
                buffer[hole] = moving
            }
        }
    }

    /// Quicksort of buffer[low...high] into descending order, median-of-three pivots, recursing
    /// into the smaller side only (depth ≤ log₂ k).
    @inlinable
    static func quicksortDescending(
        _ buffer: UnsafeMutableBufferPointer<CalendarEntry<Event>>, _ low: Int, _ high: Int
    ) {
        var low = low
        var high = high
        while high - low >= 16 {
            let middle = low + (high - low) / 2
            if buffer[low].precedes(buffer[middle]) { buffer.swapAt(low, middle) }
            if buffer[middle].precedes(buffer[high]) { buffer.swapAt(middle, high) }
            if buffer[low].precedes(buffer[middle]) { buffer.swapAt(low, middle) }
            let pivot = buffer[middle]
            var i = low
            var j = high
            while i <= j {
                while pivot.precedes(buffer[i]) { i += 1 }
                while buffer[j].precedes(pivot) { j -= 1 }
                if i <= j {
                    buffer.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if j - low < high - i {
                Self.quicksortDescending(buffer, low, j)
                low = i
            } else {
                Self.quicksortDescending(buffer, i, high)
                high = j
            }
        }
        if low < high {
            for k in (low + 1)...high {
                let moving = buffer[k]
                var hole = k
                while hole > low && buffer[hole - 1].precedes(moving) {
                    buffer[hole] = buffer[hole - 1]
                    hole -= 1
                }
                buffer[hole] = moving
            }
        }
    }
}

extension EntrySorter: Sendable where Event: Sendable {}
