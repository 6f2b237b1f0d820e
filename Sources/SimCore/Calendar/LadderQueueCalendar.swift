/// A two-tier ladder queue: an unsorted top for the far future, one rung of equal-width buckets
/// for the near future, and a small heap (the bottom) for the bucket being served.
///
/// After Tang, Goh and Thng, "Ladder queue: An O(1) priority queue structure for large-scale
/// discrete event simulation", ACM TOMACS 15(3), 2005. An insert appends to the top or to one
/// bucket; when the rung is used up, the top is spread over a new rung whose bucket width is
/// chosen from the top's count and time span, so a bucket holds a few events on average. Only the
/// bucket being served is ordered, in a 4-ary heap, which keeps first-in first-out ties and stays
/// O(log k) even when many events share one bucket.
///
/// Bucket order agrees with time order because the bucket index, ⌊(t − start) / width⌋, never
/// decreases as t grows; events in the bottom always precede those still in buckets, and those in
/// buckets precede the top's.
///
/// - Complexity: insert O(1); removeFirst amortised O(1) plus O(log k) in the bottom heap, where k
///   is the size of the bucket being served. A rung rebuild is O(n) and happens about once per
///   span of the pending times.
/// - Memory: one entry stride per pending event in the buckets or the top (24 bytes for a 4-byte
///   event) plus array growth slack; the top keeps its capacity between rebuilds.
public struct LadderQueueCalendar<Event>: EventCalendar {
    /// Events with times earlier than the current bucket's end, in (time, sequence) order.
    @usableFromInline
    var bottom: DaryHeapCalendar<Event>
    /// The rung's buckets; only the first `bucketCount` are in use.
    @usableFromInline
    var buckets: ContiguousArray<ContiguousArray<CalendarEntry<Event>>>
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
    /// Unsorted events at or after `rungEnd`.
    @usableFromInline
    var top: ContiguousArray<CalendarEntry<Event>>
    @usableFromInline
    var topMin: Double
    @usableFromInline
    var topMax: Double
    @usableFromInline
    var storedCount: Int

    /// The mean number of events a rebuild aims to put in one bucket.
    @usableFromInline
    static var eventsPerBucket: Int { 4 }

    /// An empty ladder queue.
    @inlinable
    public init() {
        bottom = DaryHeapCalendar()
        buckets = []
        bucketCount = 0
        currentBucket = 0
        rungStart = 0
        inverseWidth = 1
        rungEnd = -.infinity
        top = []
        topMin = .infinity
        topMax = -.infinity
        storedCount = 0
    }

    @inlinable
    public var count: Int { storedCount }

    @inlinable
    public mutating func insert(_ entry: CalendarEntry<Event>) {
        storedCount += 1
        let time = entry.time
        if time >= rungEnd {
            top.append(entry)
            if time < topMin { topMin = time }
            if time > topMax { topMax = time }
            return
        }
        let index = Swift.min(Int((time - rungStart) * inverseWidth), bucketCount - 1)
        if index < currentBucket {
            bottom.insert(entry)
        } else {
            buckets[index].append(entry)
        }
    }

    @inlinable
    public mutating func removeFirst() -> CalendarEntry<Event>? {
        if bottom.count == 0 {
            if storedCount == 0 { return nil }
            refillBottom()
        }
        storedCount -= 1
        return bottom.removeFirst()
    }

    @inlinable
    public mutating func removeAll() {
        bottom.removeAll()
        for index in 0..<bucketCount { buckets[index].removeAll(keepingCapacity: true) }
        top.removeAll(keepingCapacity: true)
        bucketCount = 0
        currentBucket = 0
        rungEnd = -.infinity
        topMin = .infinity
        topMax = -.infinity
        storedCount = 0
    }

    /// Moves the next non-empty bucket into the (empty) bottom, rebuilding the rung from the top
    /// when the rung is used up. Requires at least one stored event.
    @usableFromInline
    mutating func refillBottom() {
        while true {
            while currentBucket < bucketCount {
                let index = currentBucket
                currentBucket += 1
                if !buckets[index].isEmpty {
                    bottom.storage.append(contentsOf: buckets[index])
                    buckets[index].removeAll(keepingCapacity: true)
                    bottom.heapify()
                    return
                }
            }
            rebuildRung()
        }
    }

    /// Spreads the top over a new rung of about `count / eventsPerBucket` buckets.
    @usableFromInline
    mutating func rebuildRung() {
        precondition(!top.isEmpty, "ladder queue: count says events remain but none are stored")
        let n = top.count
        let wanted = Swift.max(1, n / Self.eventsPerBucket)
        var width = (topMax - topMin) / Double(wanted)
        if !(width > 0) || !width.isFinite { width = 1 }
        if buckets.count < wanted {
            buckets.append(contentsOf: repeatElement([], count: wanted - buckets.count))
        }
        bucketCount = wanted
        currentBucket = 0
        rungStart = topMin
        inverseWidth = 1 / width
        rungEnd = topMin + Double(wanted) * width
        if !(rungEnd > topMax) { rungEnd = topMax.nextUp }
        let last = wanted - 1
        for entry in top {
            let offset = (entry.time - rungStart) * inverseWidth
            buckets[Swift.min(Int(offset), last)].append(entry)
        }
        top.removeAll(keepingCapacity: true)
        topMin = .infinity
        topMax = -.infinity
    }

    #if METRO6_INTERNAL_CHECKS
        /// Traps unless bottom ≺ buckets ≺ top and the count adds up.
        func checkInvariants() {
            bottom.checkInvariants()
            var total = bottom.count + top.count
            var previousMax = bottom.storage.map(\.time).max() ?? -.infinity
            for index in currentBucket..<bucketCount {
                total += buckets[index].count
                for entry in buckets[index] {
                    precondition(entry.time >= previousMax, "bucket \(index) holds an event out of order")
                    let offset = (entry.time - rungStart) * inverseWidth
                    precondition(
                        Swift.min(Int(offset), bucketCount - 1) == index, "event in the wrong bucket")
                }
                previousMax = Swift.max(previousMax, buckets[index].map(\.time).max() ?? previousMax)
            }
            for index in 0..<Swift.min(currentBucket, bucketCount) {
                precondition(buckets[index].isEmpty, "a served bucket still holds events")
            }
            for entry in top {
                precondition(entry.time >= rungEnd && entry.time >= previousMax, "top out of order")
            }
            precondition(total == storedCount, "count \(storedCount) but \(total) stored")
        }
    #endif
}

extension LadderQueueCalendar: Sendable where Event: Sendable {}
