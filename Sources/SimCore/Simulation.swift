/// A discrete-event simulation: a clock and a calendar of pending events.
///
/// The model owns the loop: it takes events with `nextEvent()`, changes its own state, and
/// schedules new events. Events are the model's own value type (usually a small enum); the
/// calendar is a generic parameter so the loop is statically dispatched and allocates nothing per
/// event. Equal times are served in scheduling order, so a run is reproducible.
///
/// ```swift
/// var sim = Simulation<LadderQueueCalendar<MyEvent>>()
/// sim.schedule(.arrival, at: SimTime(0))
/// while let (time, event) = sim.nextEvent(until: SimTime(100)) { ... }
/// ```
public struct Simulation<Calendar: EventCalendar> {
    /// The model's event type.
    public typealias Event = Calendar.Event

    /// The current simulation time: the time of the last event taken.
    @inlinable
    public var now: SimTime { clock }
    /// The number of events taken so far (cancelled events not included).
    @inlinable
    public var processedEvents: Int { taken }

    @usableFromInline
    var clock: SimTime
    @usableFromInline
    var taken: Int

    @usableFromInline
    var calendar: Calendar
    @usableFromInline
    var nextSequence: UInt64
    /// Cancellable events still in the calendar: `true` once cancelled.
    @usableFromInline
    var tracked: [UInt64: Bool]
    @usableFromInline
    var cancelledInCalendar: Int

    /// An empty simulation whose clock starts at `start`.
    @inlinable
    public init(calendar: Calendar = Calendar(), start: SimTime = .zero) {
        self.calendar = calendar
        clock = start
        taken = 0
        nextSequence = 0
        tracked = [:]
        cancelledInCalendar = 0
    }

    /// The bytes of storage the calendar holds.
    public var calendarBytes: Int { calendar.allocatedBytes }

    /// The number of events still to happen.
    @inlinable
    public var pendingCount: Int { calendar.count - cancelledInCalendar }

    /// Schedules `event` at `time`, which must not be before `now`.
    @inlinable
    public mutating func schedule(_ event: Event, at time: SimTime) {
        precondition(time >= now, "cannot schedule an event in the past (\(time) < \(now))")
        calendar.insert(CalendarEntry(time: time.value, sequence: nextSequence, event: event))
        nextSequence &+= 1
    }

    /// Schedules `event` after `delay` (≥ 0) model units.
    @inlinable
    public mutating func schedule(_ event: Event, after delay: Double) {
        schedule(event, at: now + delay)
    }

    /// Schedules `event` at `time` and returns a handle that can cancel it.
    @inlinable
    public mutating func scheduleCancellable(_ event: Event, at time: SimTime) -> EventID {
        let id = EventID(sequence: nextSequence)
        schedule(event, at: time)
        tracked[id.sequence] = false
        return id
    }

    /// Cancels a pending event; returns false when it already happened or was cancelled.
    ///
    /// - Complexity: O(1): the entry stays in the calendar and is skipped when its time comes.
    @inlinable
    @discardableResult
    public mutating func cancel(_ id: EventID) -> Bool {
        guard tracked[id.sequence] == false else { return false }
        tracked[id.sequence] = true
        cancelledInCalendar += 1
        return true
    }

    /// Takes the next event at or before `end`, advancing the clock to its time; nil when none is
    /// left by then (the clock then stays where it was).
    @inlinable
    public mutating func nextEvent(until end: SimTime = .infinity) -> (time: SimTime, event: Event)? {
        while let entry = calendar.removeFirst() {
            if !tracked.isEmpty, let cancelled = tracked[entry.sequence] {
                if cancelled {
                    tracked[entry.sequence] = nil
                    cancelledInCalendar -= 1
                    continue
                }
                if entry.time <= end.value { tracked[entry.sequence] = nil }
            }
            if entry.time > end.value {
                calendar.insert(entry)
                return nil
            }
            clock = SimTime(entry.time)
            taken += 1
            return (clock, entry.event)
        }
        return nil
    }

    /// The time of the next event that will happen (cancelled ones skipped), without taking it;
    /// nil when none is pending.
    @inlinable
    public mutating func nextEventTime() -> SimTime? {
        while let entry = calendar.first() {
            if !tracked.isEmpty, tracked[entry.sequence] == true {
                _ = calendar.removeFirst()
                tracked[entry.sequence] = nil
                cancelledInCalendar -= 1
                continue
            }
            return SimTime(entry.time)
        }
        return nil
    }

    /// Moves the clock forward to `time` without taking events (for example to the end of a
    /// reporting period once `nextEvent(until:)` returned nil).
    @inlinable
    public mutating func advance(to time: SimTime) {
        precondition(time >= now, "the clock cannot go back (\(time) < \(now))")
        clock = time
    }
}

extension Simulation: Sendable where Calendar: Sendable {}
