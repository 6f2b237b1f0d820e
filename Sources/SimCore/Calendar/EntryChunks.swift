/// A pool of fixed-size chunks of calendar entries, holding many singly linked lists of chunks:
/// the storage of `LadderQueueCalendar`'s top and buckets.
///
/// A list is known by its head: its newest chunk and that chunk's fill; every older chunk is
/// full. Appending writes next to the list's last entry, and a list is read chunk by chunk, so
/// both touch memory in runs instead of one cache line per entry. Freed chunks are reused first.
/// Slots are initialised by copying the entry that opened the chunk, so no unsafe memory is needed.
public struct EntryChunks<Event> {
    /// Entries per chunk.
    @usableFromInline
    static var chunkSize: Int { 16 }

    /// `chunkSize` slots per chunk, chunk c at c × chunkSize.
    @usableFromInline
    var slots: ContiguousArray<CalendarEntry<Event>>
    /// The next older chunk of each chunk's list, or the next free chunk; −1 ends either.
    @usableFromInline
    var links: ContiguousArray<Int32>
    /// The first free chunk, or −1.
    @usableFromInline
    var free: Int32

    /// An empty pool.
    @inlinable
    public init() {
        slots = []
        links = []
        free = -1
    }

    /// The bytes of the slots and links arrays' storage.
    var allocatedBytes: Int {
        slots.capacity * MemoryLayout<CalendarEntry<Event>>.stride + links.capacity
            * MemoryLayout<Int32>.stride
    }

    /// Appends `entry` to the list at `head`.
    @inlinable @inline(__always)
    mutating func push(_ entry: CalendarEntry<Event>, onto head: inout LadderQueueCalendar<Event>.ListHead) {
        let size = Self.chunkSize
        if head.chunk >= 0 && Int(head.fill) < size {
            slots[Int(head.chunk) &* size &+ Int(head.fill)] = entry
            head.fill &+= 1
            return
        }
        let chunk = allocate(filledWith: entry)
        links[Int(chunk)] = head.chunk
        head = .init(chunk: chunk, fill: 1)
    }

    /// A free chunk (reused or new) whose first slot holds `entry`.
    @inlinable
    mutating func allocate(filledWith entry: CalendarEntry<Event>) -> Int32 {
        let chunk = free
        if chunk >= 0 {
            free = links[Int(chunk)]
            slots[Int(chunk) &* Self.chunkSize] = entry
            return chunk
        }
        precondition(links.count < Int(Int32.max), "calendar: more than 2^31 chunks")
        slots.append(contentsOf: repeatElement(entry, count: Self.chunkSize))
        links.append(-1)
        return Int32(truncatingIfNeeded: links.count - 1)
    }

    /// Appends every entry of the list at `head` to `output`, frees its chunks and empties it.
    @inlinable
    mutating func drain(
        _ head: inout LadderQueueCalendar<Event>.ListHead,
        into output: inout ContiguousArray<CalendarEntry<Event>>
    ) {
        var chunk = head.chunk
        var fill = Int(head.fill)
        head = .empty
        let size = Self.chunkSize
        while chunk >= 0 {
            let base = Int(chunk) * size
            output.append(contentsOf: slots[base..<(base + fill)])
            chunk = release(chunk)
            fill = size
        }
    }

    /// Moves every entry of the list `source` to the list `heads[bucket(entry)]`, freeing each
    /// source chunk once it is read so the next chunk's entries can reuse it.
    @inlinable
    mutating func redistribute(
        _ source: LadderQueueCalendar<Event>.ListHead,
        into heads: inout ContiguousArray<LadderQueueCalendar<Event>.ListHead>,
        bucket: (CalendarEntry<Event>) -> Int
    ) {
        var chunk = source.chunk
        var fill = Int(source.fill)
        let size = Self.chunkSize
        while chunk >= 0 {
            let base = Int(chunk) * size
            for slot in base..<(base + fill) {
                let entry = slots[slot]
                push(entry, onto: &heads[bucket(entry)])
            }
            chunk = release(chunk)
            fill = size
        }
    }

    /// Puts `chunk` on the free list; returns the next older chunk of its list.
    @inlinable @inline(__always)
    mutating func release(_ chunk: Int32) -> Int32 {
        let older = links[Int(chunk)]
        links[Int(chunk)] = free
        free = chunk
        return older
    }

    /// Calls `body` with every entry of the list at `head`, newest chunk first.
    @inlinable
    func forEach(in head: LadderQueueCalendar<Event>.ListHead, _ body: (CalendarEntry<Event>) -> Void) {
        var chunk = head.chunk
        var fill = Int(head.fill)
        while chunk >= 0 {
            let base = Int(chunk) * Self.chunkSize
            for slot in base..<(base + fill) { body(slots[slot]) }
            chunk = links[Int(chunk)]
            fill = Self.chunkSize
        }
    }

    /// Forgets every list and keeps the storage.
    @inlinable
    mutating func removeAll() {
        slots.removeAll(keepingCapacity: true)
        links.removeAll(keepingCapacity: true)
        free = -1
    }

    #if METRO6_INTERNAL_CHECKS
        /// Traps unless the given lists and the free list use every chunk exactly once.
        func checkInvariants(heads: [LadderQueueCalendar<Event>.ListHead]) {
            var seen = [Bool](repeating: false, count: links.count)
            func walk(_ start: Int32) {
                var chunk = start
                while chunk >= 0 {
                    precondition(!seen[Int(chunk)], "chunk \(chunk) is in two lists")
                    seen[Int(chunk)] = true
                    chunk = links[Int(chunk)]
                }
            }
            for head in heads {
                precondition(head.chunk < 0 || (1...Self.chunkSize).contains(Int(head.fill)), "bad fill")
                walk(head.chunk)
            }
            walk(free)
            precondition(seen.allSatisfy { $0 }, "a chunk is lost")
            precondition(slots.count == links.count * Self.chunkSize, "slots and links disagree")
        }
    #endif
}

extension EntryChunks: Sendable where Event: Sendable {}
