import Packets

/// One pass over any number of captures: every analyser sees every packet once, in bounded
/// memory. Feed packets with `observe`, then ask for the `report`.
public struct ProbeAnalysis {
    var traffic = TrafficAnalyzer()
    var hosts = HostAnalyzer()
    var routers = RouterAdvertisementAnalyzer()
    var dhcpv6 = DHCPv6Analyzer()
    var dns = DNSAnalyzer()
    var connectivity = ConnectivityAnalyzer()
    var pmtu = PMTUAnalyzer()
    var nat64 = NAT64Analyzer()
    var anomalies = Anomalies()
    private var fileList: [CaptureSummary] = []
    /// The last file's index in `fileList` (-1 before the first) and its packets, kept apart so
    /// that a packet touches no array (whose storage would have left the cache).
    private var lastFile = -1
    private var lastFilePackets = 0

    /// The captures read, in order.
    public var files: [CaptureSummary] {
        var files = fileList
        if !files.isEmpty { files[files.count - 1].packets = lastFilePackets }
        return files
    }

    public init() {}

    /// Starts the next capture file; packets observed from now on belong to it.
    public mutating func beginFile(path: String, linkType: LinkType) {
        fileList = files
        fileList.append(CaptureSummary(path: path, linkType: linkType.rawValue, packets: 0))
        lastFile = fileList.count - 1
        lastFilePackets = 0
    }

    /// Records that the current file could not be read to its end (`reason` says where).
    public mutating func endFileEarly(_ reason: String) {
        guard !fileList.isEmpty else { return }
        fileList[fileList.count - 1].error = reason
    }

    /// Notes that reading the current file stopped at a signal (the report covers what was read).
    public mutating func interruptFile(by signal: String) {
        guard !fileList.isEmpty else { return }
        fileList[fileList.count - 1].interrupted = signal
    }

    /// What the active checks sent and got back, when they ran.
    private(set) var active: [ActiveResult]?

    /// Records the results of the active checks run beside the live capture.
    public mutating func noteActive(_ results: [ActiveResult]) { active = results }

    /// Records the kernel's counts for the live capture just read.
    public mutating func noteLive(_ statistics: LiveCaptureStatistics) {
        guard !fileList.isEmpty else { return }
        fileList[fileList.count - 1].live = statistics
    }

    /// Analyses a common TCP segment (see `CommonTCPSegment`): what `observe` does for its
    /// decode, without building it. The arguments are as `observe`'s.
    public mutating func observe(_ segment: CommonTCPSegment, number: Int, time: Double, wireLength: Int) {
        if lastFile < 0 { beginFile(path: "-", linkType: .ethernet) }
        lastFilePackets += 1
        let observation = Observation(
            ref: PacketRef(file: lastFile, number: number), time: time, wireLength: wireLength)
        traffic.observe(
            segment.frame.ip, ports: (segment.tcp.sourcePort, segment.tcp.destinationPort), observation)
        hosts.observe(segment.frame, observation)
        nat64.observe(segment.frame.ip, observation)
        connectivity.observe(segment.tcp, segment.frame.ip, mac: segment.frame.sourceMAC, observation)
    }

    /// Analyses a common DNS datagram (see `CommonDNSDatagram`) whose frame is `bytes`: what
    /// `observe` does for its decode, without building it. The other arguments are as `observe`'s.
    public mutating func observe(
        _ datagram: CommonDNSDatagram, bytes: RawSpan, number: Int, time: Double, wireLength: Int
    ) {
        if lastFile < 0 { beginFile(path: "-", linkType: .ethernet) }
        lastFilePackets += 1
        let observation = Observation(
            ref: PacketRef(file: lastFile, number: number), time: time, wireLength: wireLength)
        traffic.observe(
            datagram.frame.ip, ports: (datagram.udp.sourcePort, datagram.udp.destinationPort), observation)
        hosts.observe(datagram.frame, observation)
        nat64.observe(datagram.frame.ip, observation)
        dns.observe(datagram, observation, bytes, anomalies: &anomalies, nat64: &nat64)
    }

    /// Analyses one decoded packet. `bytes` are its captured bytes, `number` its 1-based
    /// position in the current file, `time` its capture time in seconds since the epoch.
    public mutating func observe(
        _ packet: borrowing DecodedPacket, bytes: RawSpan, number: Int, time: Double, wireLength: Int
    ) {
        if lastFile < 0 { beginFile(path: "-", linkType: packet.linkType) }
        lastFilePackets += 1
        let observation = Observation(
            ref: PacketRef(file: lastFile, number: number), time: time, wireLength: wireLength)
        if let error = packet.error {
            if case .truncated = error, packet.capturedLength < wireLength {
                anomalies.recordSnapTruncation(at: observation.ref)
            } else {
                anomalies.record(error, at: observation.ref)
            }
        }
        traffic.observe(packet, observation)
        hosts.observe(packet, observation)
        if let network = packet.network { nat64.observe(network, observation) }
        switch packet.transport {
        case .icmpv6:
            routers.observe(packet, observation, bytes, anomalies: &anomalies, nat64: &nat64)
            pmtu.observe(packet, observation, bytes)
        case .tcp:
            connectivity.observe(packet, observation)
        default: break
        }
        switch packet.application {
        case .dhcpv6?: dhcpv6.observe(packet, observation, bytes, anomalies: &anomalies)
        case .dns?: dns.observe(packet, observation, bytes, anomalies: &anomalies, nat64: &nat64)
        case nil: break
        }
    }
}

/// One capture file the probe read.
public struct CaptureSummary: Sendable, Hashable, Codable {
    public var path: String
    /// LINKTYPE_ number.
    public var linkType: Int
    public var packets: Int
    /// Why reading stopped before the end of the file (a truncated file), if it did.
    public var error: String?
    /// The signal that stopped reading (`SIGINT`), if one did: the file may go on past it.
    public var interrupted: String?
    /// For a live capture (`path` is then the interface): the kernel's counts, drops included.
    public var live: LiveCaptureStatistics?
}
