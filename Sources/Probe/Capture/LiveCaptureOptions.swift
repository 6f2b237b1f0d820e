/// How a live capture is opened and when it ends.
public struct LiveCaptureOptions: Sendable, Hashable {
    /// Bytes kept of each packet: whole packets up to 256 KiB, as tcpdump keeps.
    public var snapshotLength = 262_144
    /// The kernel's ring of packets waiting to be read. The probe keeps up with the rate easily
    /// (about 40% of a core at 200,000 packets/s) but is not always scheduled at once; 128 MiB
    /// rides out those pauses: no drops in six runs at 200,000-225,000 packets/s of 600-byte
    /// frames on a 2-core VM, where 64 MiB dropped 0.05% and 32 MiB 0.5-9%
    /// (Tools/probe/live-speed.sh). The ring counts in the process's resident memory.
    public var bufferBytes = 128 << 20
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
