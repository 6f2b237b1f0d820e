import Packets

/// Packets, bytes and flows by IP family; tunnels and fragments; busiest IPv4 destinations.
struct TrafficAnalyzer {
    var packets = 0
    var ipv4Packets = 0
    var ipv6Packets = 0
    var nonIPPackets = 0
    /// Wire bytes by the family of the outermost IP header (tunnelled IPv6 counts as IPv4 here).
    var ipv4Bytes = 0
    var ipv6Bytes = 0
    var nonIPBytes = 0
    /// Frames that carried tunnelled IPv6 (6in4, 6to4, 6rd, Teredo, AYIYA, ...).
    var tunnelledIPv6Packets = 0
    private var ipv4FlowCounter = FlowCounter()
    private var ipv6FlowCounter = FlowCounter()
    /// Frames per tunnel kind, in `TunnelSet.named` order.
    var tunnelPackets = [Int](repeating: 0, count: TunnelSet.named.count)
    var ipv4Fragments = 0
    var ipv6Fragments = 0
    var ipv6AtomicFragments = 0
    var firstIPv6Fragment: PacketRef?
    /// Traffic of IPv4 flows that carry no IPv6, by server address: the busiest IPv4-only
    /// destinations. Packets are summed first in `recentDestinations`, a direct-mapped
    /// write-back cache (32 KiB) that meets most packets, and reach the table on eviction.
    private var destinationTable = BoundedTable<IPv4Address, Volume>(capacity: ProbeLimits.destinations)
    private static let recentBits = 11
    private var recentDestinations = [RecentVolume](
        repeating: RecentVolume(), count: 1 << TrafficAnalyzer.recentBits)
    var firstTime: Double?
    var lastTime = 0.0

    struct Volume {
        var packets = 0
        var bytes = 0
    }

    /// 16 bytes; unused while `packets` is 0.
    struct RecentVolume {
        var server: UInt32 = 0
        var packets: UInt32 = 0
        var bytes: UInt64 = 0
    }

    /// Counts a frame of plain Ethernet and one IP header `ip` with these transport ports (a
    /// common TCP segment or DNS datagram, see `CommonTCPSegment`): what `observe` does for
    /// its decode, read from the few fields it has.
    @inline(__always)
    mutating func observe(
        _ ip: IPHeaderInfo, ports: (source: UInt16, destination: UInt16), _ observation: Observation
    ) {
        countTime(observation)
        if ip.isIPv6 {
            ipv6Packets += 1
            ipv6Bytes += observation.wireLength
        } else {
            ipv4Packets += 1
            ipv4Bytes += observation.wireLength
        }
        countFlow(ip, ports: ports, carriesIPv6: false, wireLength: observation.wireLength)
    }

    @inline(__always)
    private mutating func countTime(_ observation: Observation) {
        packets += 1
        if firstTime == nil { firstTime = observation.time }
        lastTime = Swift.max(lastTime, observation.time)
    }

    /// Counts the packet.
    mutating func observe(_ packet: borrowing DecodedPacket, _ observation: Observation) {
        countTime(observation)
        if packet.ipv6Headers > 0 { ipv6Packets += 1 }
        if packet.ipv4Headers > 0 { ipv4Packets += 1 }
        guard let outerIsIPv6 = packet.outer?.isIPv6 else {
            nonIPPackets += 1
            nonIPBytes += observation.wireLength
            return
        }
        if outerIsIPv6 {
            ipv6Bytes += observation.wireLength
        } else {
            ipv4Bytes += observation.wireLength
            if packet.ipv6Headers > 0 { tunnelledIPv6Packets += 1 }
        }
        if !packet.tunnels.isEmpty {
            for (index, (kind, _)) in TunnelSet.named.enumerated() where packet.tunnels.contains(kind) {
                tunnelPackets[index] += 1
            }
        }
        if let fragment = packet.fragment {
            if fragment.isIPv6 {
                if fragment.isAtomic {
                    ipv6AtomicFragments += 1
                } else {
                    ipv6Fragments += 1
                    if firstIPv6Fragment == nil { firstIPv6Fragment = observation.ref }
                }
            } else {
                ipv4Fragments += 1
            }
        }
        guard let network = packet.network else { return }
        let ports: (source: UInt16, destination: UInt16)
        switch packet.transport {
        case .tcp(let tcp): ports = (tcp.sourcePort, tcp.destinationPort)
        case .udp(let udp): ports = (udp.sourcePort, udp.destinationPort)
        default: ports = (0, 0)
        }
        countFlow(
            network, ports: ports, carriesIPv6: packet.ipv6Headers > 0, wireLength: observation.wireLength)
    }

    /// Adds the flow of `network` to its family's counter and, for IPv4 carrying no IPv6, the
    /// packet to its server's traffic.
    @inline(__always)
    private mutating func countFlow(
        _ network: IPHeaderInfo, ports: (source: UInt16, destination: UInt16), carriesIPv6: Bool,
        wireLength: Int
    ) {
        let flow = network.flowHash(sourcePort: ports.source, destinationPort: ports.destination)
        if network.isIPv6 {
            ipv6FlowCounter.add(hash: flow)
        } else {
            ipv4FlowCounter.add(hash: flow)
            // The server is the end with the lower port (services listen below the ephemeral range).
            if !carriesIPv6, case .v4(let source) = network.source,
                case .v4(let destination) = network.destination
            {
                let server = ports.source != 0 && ports.source < ports.destination ? source : destination
                count(server, bytes: wireLength)
            }
        }
    }

    private mutating func count(_ server: IPv4Address, bytes: Int) {
        let slot = Int(truncatingIfNeeded: server.tableHash >> UInt64(64 - Self.recentBits))
        let recent = recentDestinations[slot]
        if recent.packets > 0 && recent.server == server.rawValue && recent.packets < UInt32.max {
            recentDestinations[slot].packets += 1
            recentDestinations[slot].bytes += UInt64(bytes)
            return
        }
        if recent.packets > 0 { flush(recent) }
        recentDestinations[slot] = RecentVolume(server: server.rawValue, packets: 1, bytes: UInt64(bytes))
    }

    private mutating func flush(_ recent: RecentVolume) {
        destinationTable.update(IPv4Address(rawValue: recent.server), default: Volume()) {
            $0.packets += Int(recent.packets)
            $0.bytes += Int(recent.bytes)
        }
    }

    /// Traffic by IPv4 server address (flows carrying no IPv6).
    var ipv4Destinations: [(key: IPv4Address, value: Volume)] { flushed.destinationTable.entries }

    /// IPv4 servers dropped from the destination table to make room.
    var destinationEvictions: Int { flushed.destinationTable.evictions }

    /// A copy with the recent-destination cache summed into the table.
    private var flushed: TrafficAnalyzer {
        var table = self
        for recent in recentDestinations where recent.packets > 0 { table.flush(recent) }
        return table
    }

    /// Distinct IPv4 and IPv6 flows (estimated; see `FlowCounter`).
    var ipv4Flows: Int { ipv4FlowCounter.estimate }
    var ipv6Flows: Int { ipv6FlowCounter.estimate }

    /// The IP packets' share that is IPv6 (by frames with any IPv6 header).
    var ipv6Share: Double {
        let ip = packets - nonIPPackets
        return ip == 0 ? 0 : Double(ipv6Packets) / Double(ip)
    }
}
