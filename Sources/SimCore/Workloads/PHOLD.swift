/// The parameters of a PHOLD run (Fujimoto, "Performance of Time Warp under synthetic workloads",
/// 1990): the standard benchmark of discrete-event engines.
public struct PHOLDConfiguration: Sendable, Hashable, Codable {
    /// Logical processes (N).
    public var logicalProcesses: Int
    /// Pending events per logical process at the start (E).
    public var population: Int
    /// Probability that a new event goes to a uniformly chosen process rather than its own (R).
    public var remoteProbability: Double
    /// Fixed part of every delay (L); the rest is exponential with mean 1.
    public var lookahead: Double
    /// Events to process before stopping (K).
    public var events: Int
    /// The seed of the run's random stream.
    public var seed: UInt64

    /// A configuration; see the properties for the meaning of each parameter.
    public init(
        logicalProcesses: Int, population: Int, remoteProbability: Double, lookahead: Double,
        events: Int, seed: UInt64
    ) {
        self.logicalProcesses = logicalProcesses
        self.population = population
        self.remoteProbability = remoteProbability
        self.lookahead = lookahead
        self.events = events
        self.seed = seed
    }

    /// The most logical processes (N).
    public static let processes = 1...10_000_000
    /// The most pending events per process (E).
    public static let populations = 1...1_000
    /// The most pending events in all (N × E): the calendar's memory grows with them.
    public static let maximumPending = 50_000_000
    /// The lookahead (L), in simulated time units.
    public static let lookaheads = 0...1_000_000.0
    /// Events to process (K): the run's time grows with them.
    public static let eventCounts = 0...10_000_000_000

    /// The problems that make this configuration unrunnable, as sentences; empty when valid.
    public var problems: [String] {
        var found: [String] = []
        if !Self.processes.contains(logicalProcesses) {
            found.append("the number of logical processes must be from 1 to \(Self.processes.upperBound)")
        }
        if !Self.populations.contains(population) {
            found.append("the population per process must be from 1 to \(Self.populations.upperBound)")
        }
        if found.isEmpty && logicalProcesses * population > Self.maximumPending {
            found.append(
                "processes × population must be at most \(Self.maximumPending) pending events "
                    + "(found \(logicalProcesses * population))")
        }
        if !(0...1).contains(remoteProbability) { found.append("the remote probability must be in [0, 1]") }
        if !Self.lookaheads.contains(lookahead) {
            found.append("the lookahead must be a number from 0 to \(Int(Self.lookaheads.upperBound))")
        }
        if !Self.eventCounts.contains(events) {
            found.append("the number of events must be from 0 to \(Self.eventCounts.upperBound)")
        }
        return found
    }
}

/// What a PHOLD run did and how fast.
public struct PHOLDResult: Sendable, Hashable, Codable {
    /// Events processed.
    public var events: Int
    /// Wall-clock seconds of the event loop (set-up excluded).
    public var seconds: Double
    /// `events / seconds`.
    public var eventsPerSecond: Double
    /// The simulation time of the last event processed.
    public var finalTime: Double
    /// FNV-1a (64-bit) of the per-process event counters, little-endian, in process order: the
    /// same seed gives the same checksum, so two engines can be shown to do the same work.
    public var checksum: UInt64
    /// Events still pending at the end.
    public var pendingEvents: Int
    /// Bytes of storage the calendar held at the end (its peak: calendars keep their capacity).
    public var calendarBytes: Int

    /// `calendarBytes / pendingEvents`.
    public var calendarBytesPerPendingEvent: Double {
        pendingEvents > 0 ? Double(calendarBytes) / Double(pendingEvents) : 0
    }

    enum CodingKeys: String, CodingKey {
        case events, seconds, eventsPerSecond, finalTime, checksum, pendingEvents, calendarBytes
    }

    /// The checksum as 16 hexadecimal digits, as peers print it.
    public var checksumHex: String {
        let digits = String(checksum, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    public init(
        events: Int, seconds: Double, eventsPerSecond: Double, finalTime: Double, checksum: UInt64,
        pendingEvents: Int, calendarBytes: Int
    ) {
        self.events = events
        self.seconds = seconds
        self.eventsPerSecond = eventsPerSecond
        self.finalTime = finalTime
        self.checksum = checksum
        self.pendingEvents = pendingEvents
        self.calendarBytes = calendarBytes
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        events = try container.decode(Int.self, forKey: .events)
        seconds = try container.decode(Double.self, forKey: .seconds)
        eventsPerSecond = try container.decode(Double.self, forKey: .eventsPerSecond)
        finalTime = try container.decode(Double.self, forKey: .finalTime)
        let hex = try container.decode(String.self, forKey: .checksum)
        guard let value = UInt64(hex, radix: 16) else {
            throw DecodingError.dataCorruptedError(
                forKey: .checksum, in: container, debugDescription: "expected 16 hexadecimal digits")
        }
        checksum = value
        pendingEvents = try container.decode(Int.self, forKey: .pendingEvents)
        calendarBytes = try container.decode(Int.self, forKey: .calendarBytes)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(events, forKey: .events)
        try container.encode(seconds, forKey: .seconds)
        try container.encode(eventsPerSecond, forKey: .eventsPerSecond)
        try container.encode(finalTime, forKey: .finalTime)
        try container.encode(checksumHex, forKey: .checksum)
        try container.encode(pendingEvents, forKey: .pendingEvents)
        try container.encode(calendarBytes, forKey: .calendarBytes)
    }
}

/// PHOLD on the SimCore engine.
///
/// Each of N processes starts with E events at times drawn from Exp(1). Processing an event at
/// process i and time t counts it at i, draws delay = L + Exp(1), then with probability R picks a
/// destination uniformly among all N processes (else i), and schedules an event there at
/// t + delay. The random numbers are drawn in that order from one xoshiro256** stream.
public enum PHOLD {
    /// Runs PHOLD with the given calendar.
    @inlinable
    public static func run<C: EventCalendar<UInt32>>(
        _ configuration: PHOLDConfiguration, calendar: C.Type
    ) -> PHOLDResult {
        precondition(configuration.problems.isEmpty, configuration.problems.joined(separator: "; "))
        let n = configuration.logicalProcesses
        let lookahead = configuration.lookahead
        let remote = configuration.remoteProbability
        var random = RandomStreams(seed: configuration.seed).generator(replication: 0)
        let exponential = ExponentialZiggurat()
        var simulation = Simulation<C>()
        for process in 0..<n {
            for _ in 0..<configuration.population {
                simulation.schedule(UInt32(process), at: SimTime(exponential.sample(using: &random)))
            }
        }
        var counters = [UInt64](repeating: 0, count: n)
        let clock = ContinuousClock()
        let start = clock.now
        var processed = 0
        var finalTime = 0.0
        counters.withUnsafeMutableBufferPointer { counters in
            while processed < configuration.events, let (time, process) = simulation.nextEvent() {
                counters[Int(process)] &+= 1
                let delay = lookahead + exponential.sample(using: &random)
                var destination = process
                if random.nextUnitInterval() < remote {
                    destination = UInt32(truncatingIfNeeded: random.next(upperBound: UInt64(n)))
                }
                simulation.schedule(destination, at: time + delay)
                finalTime = time.value
                processed += 1
            }
        }
        let seconds = (clock.now - start) / .seconds(1)
        return PHOLDResult(
            events: processed, seconds: seconds,
            eventsPerSecond: seconds > 0 ? Double(processed) / seconds : 0,
            finalTime: finalTime, checksum: fnv1a(counters), pendingEvents: simulation.pendingCount,
            calendarBytes: simulation.calendarBytes)
    }

    @usableFromInline
    static func fnv1a(_ words: [UInt64]) -> UInt64 {
        var hash = FNV1a()
        for word in words { hash.add(word: word) }
        return hash.value
    }
}
