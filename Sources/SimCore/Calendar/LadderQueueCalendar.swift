/// A ladder queue: an unsorted top for the far future, one rung of buckets for the near future,
/// and a sorted bottom for the buckets being served.
///
/// After Tang, Goh and Thng, "Ladder queue: An O(1) priority queue structure for large-scale
/// discrete event simulation", ACM TOMACS 15(3), 2005. The top and every bucket are lists of
/// fixed-size chunks in one shared pool (`EntryChunks`), so an insert writes next to the bucket's
/// previous insert, serving a bucket reads whole chunks in a row, and a sparse bucket wastes at
/// most one chunk. When the rung is used up, the top is spread over a new rung whose bucket width
/// is chosen from the densest part of the top's time span. Buckets move into the bottom a few at a
/// time; the bottom is sorted once per refill and served from its end. Ties keep scheduling order
/// because the order is (time, sequence) throughout. A refill too large to sort cheaply (many
/// events at one time) goes into a 4-ary heap instead, so no pattern is worse than O(log n).
///
/// Bucket order agrees with time order because the bucket index, ⌊(t − start) / width⌋, never
/// decreases as t grows; events in the bottom precede those still in buckets, and those in
/// buckets precede the top's.
///
/// - Complexity: insert O(1) (O(k) into a bottom of k events, which needs a delay shorter than a
///   bucket); removeFirst amortised O(log k) for the sort of a refill of k events. A rung rebuild
///   is O(n) and happens about once per span of the pending times.
/// - Memory: one entry stride per pending event (24 bytes for a 4-byte event), at most one partly
///   filled chunk per bucket and 8 bytes per bucket (the rung has at most one bucket per 64
///   events), the bottom's few hundred entries, and chunks freed by served buckets, which new
///   events reuse first.
public struct LadderQueueCalendar<Event>: EventCalendar {
    /// Where a list of chunks starts: its newest chunk and how many entries that chunk holds.
    @usableFromInline
    struct ListHead {
        @usableFromInline var chunk: Int32
        @usableFromInline var fill: Int32

        @usableFromInline
        static var empty: ListHead { ListHead(chunk: -1, fill: 0) }

        @inlinable
        init(chunk: Int32, fill: Int32) {
            self.chunk = chunk
            self.fill = fill
        }
    }

    /// The entries of every list, in chunks.
    @usableFromInline
    var chunks: EntryChunks<Event>
    /// The rung's buckets; only the first `bucketCount` are in use.
    @usableFromInline
    var heads: ContiguousArray<ListHead>
    @usableFromInline
    var bucketCount: Int
    /// The index of the next bucket to move into the bottom.
    @usableFromInline
    var currentBucket: Int
    @usableFromInline
    var rungStart: Double
    @usableFromInline
    var inverseWidth: Double
    /// Events at or after this time go to the top.
    @usableFromInline
    var rungEnd: Double
    /// The top: events at or after `rungEnd`, unsorted.
    @usableFromInline
    var top: ListHead
    @usableFromInline
    var topCount: Int
    @usableFromInline
    var topMin: Double
    @usableFromInline
    var topMax: Double
    /// The events taken from buckets, sorted so that the next one is last.
    @usableFromInline
    var bottom: ContiguousArray<CalendarEntry<Event>>
    /// Used instead of `bottom` for a refill of more than `sortLimit` events.
    @usableFromInline
    var bottomHeap: DaryHeapCalendar<Event>
    @usableFromInline
    var sorter: EntrySorter<Event>
    @usableFromInline
    var storedCount: Int

    // Tuned on PHOLD (N = 1,024 and 65,536, E = 16): buckets of ~256 events keep the rung's write
    // frontier (one partly filled chunk per bucket) small enough for the caches, and the
    // distribution sort makes large refills cheap. 48 events per bucket and 8-entry chunks ran
    // at 60% of this speed at N = 65,536.

    /// The number of events a rebuild aims to put in a bucket where the top is densest.
    @usableFromInline
    static var eventsPerBucket: Double { 256 }
    /// A rung has at most one bucket per this many events it starts with.
    @usableFromInline
    static var eventsPerBucketAtLeast: Int { 64 }
    /// The fewest events a refill moves into the bottom when the rung has them.
    @usableFromInline
    static var refillTarget: Int { 128 }
    /// A refill larger than this goes into the heap rather than the sorted bottom, so that
    /// inserts into the bottom (an O(k) shift) stay cheap.
    @usableFromInline
    static var sortLimit: Int { 4_096 }
    /// The longest sorted bottom an insert shifts; a longer one becomes a heap.
    @usableFromInline
    static var shiftLimit: Int { 32 }
    /// Coarse bins used to find where the top is densest.
    @usableFromInline
    static var densityBins: Int { 64 }

    /// An empty ladder queue.
    @inlinable
    public init() {
        chunks = EntryChunks()
        heads = []
        bucketCount = 0
        currentBucket = 0
        rungStart = 0
        inverseWidth = 1
        rungEnd = -.infinity
        top = .empty
        topCount = 0
        topMin = .infinity
        topMax = -.infinity
        bottom = []
        bottomHeap = DaryHeapCalendar()
        sorter = EntrySorter()
        storedCount = 0
    }

    @inlinable
    public var count: Int { storedCount }

    public var allocatedBytes: Int {
        chunks.allocatedBytes + heads.capacity * MemoryLayout<ListHead>.stride
            + (bottom.capacity + sorter.scratch.capacity) * MemoryLayout<CalendarEntry<Event>>.stride
            + sorter.counts.capacity * MemoryLayout<Int32>.stride + bottomHeap.allocatedBytes
    }

    @inlinable
    public mutating func insert(_ entry: CalendarEntry<Event>) {
        storedCount += 1
        let time = entry.time
        if time >= rungEnd {
            chunks.push(entry, onto: &top)
            topCount += 1
            if time < topMin { topMin = time }
            if time > topMax { topMax = time }
            return
        }
        let index = Swift.min(Int((time - rungStart) * inverseWidth), bucketCount - 1)
        if index >= currentBucket {
            chunks.push(entry, onto: &heads[index])
        } else if bottomHeap.count > 0 {
            bottomHeap.insert(entry)
        } else {
            insertIntoBottom(entry)
        }
    }

    @inlinable
    public mutating func removeFirst() -> CalendarEntry<Event>? {
        if let next = bottom.popLast() {
            storedCount -= 1
            return next
        }
        if bottomHeap.count > 0 {
            storedCount -= 1
            return bottomHeap.removeFirst()
        }
        if storedCount == 0 { return nil }
        refillBottom()
        return removeFirst()
    }

    @inlinable
    public mutating func first() -> CalendarEntry<Event>? {
        if let next = bottom.last { return next }
        if let next = bottomHeap.storage.first { return next }
        if storedCount == 0 { return nil }
        refillBottom()
        return first()
    }

    @inlinable
    public mutating func removeAll() {
        chunks.removeAll()
        heads.removeAll(keepingCapacity: true)
        bucketCount = 0
        currentBucket = 0
        rungEnd = -.infinity
        top = .empty
        topCount = 0
        topMin = .infinity
        topMax = -.infinity
        bottom.removeAll(keepingCapacity: true)
        bottomHeap.removeAll()
        storedCount = 0
    }

    /// Puts `entry` into the sorted bottom at its place (binary search, then a shift). A bottom
    /// longer than `shiftLimit` is turned into the heap first (a sorted array read from its
    /// smallest end is already a heap), so a stream of short delays costs O(log k) each, not O(k).
    @inlinable
    mutating func insertIntoBottom(_ entry: CalendarEntry<Event>) {
        if bottom.count > Self.shiftLimit {
            bottomHeap.storage.append(contentsOf: bottom.reversed())
            bottom.removeAll(keepingCapacity: true)
            bottomHeap.insert(entry)
            return
        }
        // The bottom is in descending order: find the first element that `entry` does not follow.
        var low = 0
        var high = bottom.count
        while low < high {
            let middle = (low + high) / 2
            if entry.precedes(bottom[middle]) { low = middle + 1 } else { high = middle }
        }
        bottom.insert(entry, at: low)
    }

    /// Moves the next non-empty buckets into the (empty) bottom, at least `refillTarget` events
    /// when the rung has them, rebuilding the rung from the top when it is used up. Requires at
    /// least one stored event.
    @inlinable
    mutating func refillBottom() {
        while true {
            while currentBucket < bucketCount && bottom.count < Self.refillTarget {
                chunks.drain(&heads[currentBucket], into: &bottom)
                currentBucket += 1
            }
            if bottom.count > Self.sortLimit {
                bottomHeap.storage.append(contentsOf: bottom)
                bottom.removeAll(keepingCapacity: true)
                bottomHeap.heapify()
                return
            }
            if !bottom.isEmpty {
                sorter.sortDescending(&bottom)
                return
            }
            rebuildRung()
        }
    }

    /// Spreads the top over a new rung whose bucket width puts about `eventsPerBucket` events in
    /// a bucket where the top is densest.
    @inlinable
    mutating func rebuildRung() {
        precondition(topCount > 0, "ladder queue: count says events remain but none are stored")
        let span = topMax - topMin
        var width = span
        var wanted = 1
        if span > 0 && span.isFinite && topCount > 1 {
            var bins = [Int](repeating: 0, count: Self.densityBins)
            let binScale = Double(Self.densityBins) / span
            let origin = topMin
            let lastBin = Self.densityBins - 1
            chunks.forEach(in: top) { entry in
                bins[Swift.min(Int((entry.time - origin) * binScale), lastBin)] += 1
            }
            let densest = Double(bins.max() ?? 1) * binScale
            let maximumBuckets = Swift.max(1, topCount / Self.eventsPerBucketAtLeast)
            let ideal = span * densest / Self.eventsPerBucket
            wanted = Swift.max(1, Swift.min(maximumBuckets, Int(ideal.rounded(.up))))
            width = span / Double(wanted)
        }
        if !(width > 0) || !width.isFinite { width = 1 }
        if heads.count < wanted {
            heads.append(contentsOf: repeatElement(.empty, count: wanted - heads.count))
        }
        bucketCount = wanted
        currentBucket = 0
        rungStart = topMin
        inverseWidth = 1 / width
        rungEnd = topMin + Double(wanted) * width
        if !(rungEnd > topMax) { rungEnd = topMax.nextUp }
        let oldTop = top
        top = .empty
        topCount = 0
        topMin = .infinity
        topMax = -.infinity
        let last = wanted - 1
        let start = rungStart
        let scale = inverseWidth
        chunks.redistribute(oldTop, into: &heads) { entry in
            Swift.min(Int((entry.time - start) * scale), last)
        }
    }

    #if METRO6_INTERNAL_CHECKS
        /// Traps unless bottom ≺ buckets ≺ top, lists are well formed and the count adds up.
        func checkInvariants() {
            bottomHeap.checkInvariants()
            precondition(bottom.isEmpty || bottomHeap.count == 0, "both bottoms in use")
            for index in bottom.indices.dropFirst() {
                precondition(bottom[index].precedes(bottom[index - 1]), "bottom out of order at \(index)")
            }
            var total = bottom.count + bottomHeap.count
            var previousMax = Swift.max(
                bottom.first?.time ?? -.infinity, bottomHeap.storage.map(\.time).max() ?? -.infinity)
            for index in 0..<bucketCount {
                var entries: [CalendarEntry<Event>] = []
                chunks.forEach(in: heads[index]) { entries.append($0) }
                if index < currentBucket {
                    precondition(entries.isEmpty, "a served bucket still holds events")
                    continue
                }
                total += entries.count
                for entry in entries {
                    precondition(entry.time >= previousMax, "bucket \(index) holds an event out of order")
                    let offset = (entry.time - rungStart) * inverseWidth
                    precondition(
                        Swift.min(Int(offset), bucketCount - 1) == index, "event in the wrong bucket")
                }
                previousMax = Swift.max(previousMax, entries.map(\.time).max() ?? previousMax)
            }
            var topEntries = 0
            chunks.forEach(in: top) { entry in
                precondition(entry.time >= rungEnd && entry.time >= previousMax, "top out of order")
                topEntries += 1
            }
            precondition(topEntries == topCount, "top count is off")
            total += topCount
            precondition(total == storedCount, "count \(storedCount) but \(total) stored")
            chunks.checkInvariants(heads: Array(heads.prefix(bucketCount)) + [top])
        }
    #endif
}

extension LadderQueueCalendar.ListHead: Sendable {}
extension LadderQueueCalendar: Sendable where Event: Sendable {}
