/// How a live capture is opened and when it ends.
public struct LiveCaptureOptions: Sendable, Hashable {
    /// Bytes kept of each packet: whole packets up to 256 KiB, as tcpdump keeps.
    public var snapshotLength = 262_144
    /// The kernel's ring of packets waiting to be read: 32 MiB holds a quarter of a second at
    /// 1 Gbit/s, enough to ride out a slow report step without drops.
    public var bufferBytes = 32 << 20
    /// Whether to receive frames addressed to other hosts too (off: an access port sees its own).
    public var promiscuous = false
    /// The longest wait for a packet before the deadline and signals are looked at again (a
    /// signal also ends the wait at once).
    public var readTimeoutMilliseconds = 100
    /// Seconds to capture for; nil for no limit.
    public var duration: Double?
    /// Packets to capture; nil for no limit.
    public var count: Int?

    public init(duration: Double? = nil, count: Int? = nil) {
        self.duration = duration
        self.count = count
    }
}

/// The kernel's counts for a live capture, from `pcap_stats`.
public struct LiveCaptureStatistics: Sendable, Hashable, Codable {
    /// Packets the capture filter accepted.
    public var received: Int
    /// Packets dropped because the capture's buffer was full: the probe did not see them.
    public var droppedByKernel: Int
    /// Packets the interface or its driver dropped (0 where the platform cannot tell).
    public var droppedByInterface: Int

    public init(received: Int, droppedByKernel: Int, droppedByInterface: Int) {
        self.received = received
        self.droppedByKernel = droppedByKernel
        self.droppedByInterface = droppedByInterface
    }
}
