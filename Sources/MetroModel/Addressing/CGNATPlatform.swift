/// The carrier-grade NAT platform: how much it carries and what it must log.
///
/// A CGN is sized by throughput and by concurrent sessions (its translation table), and hands
/// out ports in blocks (RFC 6888 REQ-4, RFC 7422 deterministic blocks): the block size is the
/// port plan's, so the addresses it needs follow from `CGNATPortPlan`. The law keeps a record of
/// who held which address and port block; with block allocation, one record per block handed out.
public struct CGNATPlatform: Sendable, Hashable, Codable {
    /// Throughput at the start, Gbit/s.
    public var gbps: Double
    /// Concurrent sessions the platform holds per Gbit/s of throughput (its table scales with
    /// its blades).
    public var sessionsPerGbps: Double
    /// Busy-hour concurrent sessions of a subscriber whose IPv4 all goes through the CGN.
    public var sessionsPerSubscriber: Double
    /// Port-block records logged per NATed subscriber and month (a block per PPPoE session: lines
    /// that redial daily log about 30).
    public var logRecordsPerSubscriberMonth: Double
    /// Bytes a log record takes (a syslog or IPFIX line of time, subscriber, address and block).
    public var logRecordBytes: Double

    /// A platform; see the properties.
    public init(
        gbps: Double, sessionsPerGbps: Double, sessionsPerSubscriber: Double,
        logRecordsPerSubscriberMonth: Double, logRecordBytes: Double
    ) {
        precondition(
            gbps >= 0 && sessionsPerGbps > 0 && sessionsPerSubscriber >= 0
                && logRecordsPerSubscriberMonth >= 0
                && logRecordBytes >= 0, "CGN figures are ≥ 0 (sessions per Gbit/s > 0)")
        self.gbps = gbps
        self.sessionsPerGbps = sessionsPerGbps
        self.sessionsPerSubscriber = sessionsPerSubscriber
        self.logRecordsPerSubscriberMonth = logRecordsPerSubscriberMonth
        self.logRecordBytes = logRecordBytes
    }

    /// The load of `natEquivalentSubscribers` (subscribers weighted by the IPv4 share of their
    /// traffic) each drawing `perSubscriberMbps`: throughput, sessions, and the load in Gbit/s of
    /// capacity, the larger of the two needs.
    public func load(natEquivalentSubscribers: Double, perSubscriberMbps: Double) -> CGNATLoad {
        let gbps = natEquivalentSubscribers * perSubscriberMbps / 1_000
        let sessions = natEquivalentSubscribers * sessionsPerSubscriber
        return CGNATLoad(
            gbps: gbps, sessions: sessions, capacityNeededGbps: Swift.max(gbps, sessions / sessionsPerGbps))
    }

    /// Log bytes a month for `natSubscribers` subscribers behind the CGN.
    public func logBytes(natSubscribers: Int) -> Double {
        Double(natSubscribers) * logRecordsPerSubscriberMonth * logRecordBytes
    }
}

/// What the CGN carries in a busy hour.
public struct CGNATLoad: Sendable, Hashable, Codable {
    /// Busy-hour IPv4 throughput, Gbit/s.
    public var gbps: Double
    /// Concurrent sessions.
    public var sessions: Double
    /// The capacity that load needs, Gbit/s: throughput, or sessions over sessions per Gbit/s.
    public var capacityNeededGbps: Double
}
