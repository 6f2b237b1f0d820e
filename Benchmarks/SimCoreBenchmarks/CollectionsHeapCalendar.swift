import HeapModule
import SimCore

/// swift-collections' `Heap` (a min-max heap) as an event calendar: the ecosystem's standard
/// priority queue, measured beside SimCore's own calendars.
struct CollectionsHeapCalendar<Event>: EventCalendar {
    struct Item: Comparable {
        var entry: CalendarEntry<Event>

        static func < (lhs: Item, rhs: Item) -> Bool { lhs.entry.precedes(rhs.entry) }
        static func == (lhs: Item, rhs: Item) -> Bool {
            lhs.entry.time == rhs.entry.time && lhs.entry.sequence == rhs.entry.sequence
        }
    }

    var heap = Heap<Item>()

    init() {}

    var count: Int { heap.count }

    /// `Heap` does not expose its capacity: this counts the elements held.
    var allocatedBytes: Int { heap.count * MemoryLayout<Item>.stride }

    mutating func insert(_ entry: CalendarEntry<Event>) { heap.insert(Item(entry: entry)) }

    mutating func removeFirst() -> CalendarEntry<Event>? { heap.popMin()?.entry }

    mutating func first() -> CalendarEntry<Event>? { heap.min?.entry }

    mutating func removeAll() { heap = Heap() }
}
