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
    private(set) var flows = BoundedTable<FlowKey, Void>(capacity: ProbeLimits.flows)
    var ipv4Flows = 0
    var ipv6Flows = 0
    /// Frames per tunnel kind, in `TunnelSet.named` order.
    var tunnelPackets = [Int](repeating: 0, count: TunnelSet.named.count)
    var ipv4Fragments = 0
    var ipv6Fragments = 0
    var ipv6AtomicFragments = 0
    var firstIPv6Fragment: PacketRef?
    /// Traffic to each IPv4 destination (packets, bytes), for the busiest IPv4-only destinations.
    private(set) var ipv4Destinations = BoundedTable<IPv4Address, Volume>(capacity: ProbeLimits.destinations)
    var firstTime: Double?
    var lastTime = 0.0

    struct Volume {
        var packets = 0
        var bytes = 0
    }

    mutating func observe(_ observation: Observation) {
        let packet = observation.packet
        packets += 1
        if firstTime == nil { firstTime = observation.time }
        lastTime = Swift.max(lastTime, observation.time)
        if packet.ipv6Headers > 0 { ipv6Packets += 1 }
        if packet.ipv4Headers > 0 { ipv4Packets += 1 }
        guard let outer = packet.outer else {
            nonIPPackets += 1
            nonIPBytes += observation.wireLength
            return
        }
        if outer.isIPv6 {
            ipv6Bytes += observation.wireLength
        } else {
            ipv4Bytes += observation.wireLength
            if packet.ipv6Headers > 0 { tunnelledIPv6Packets += 1 }
            if case .v4(let destination) = outer.destination, !packet.tunnels.contains(.teredo),
                packet.ipv6Headers == 0
            {
                ipv4Destinations.update(destination, default: Volume()) {
                    $0.packets += 1
                    $0.bytes += observation.wireLength
                }
            }
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
        if let network = packet.network {
            let ports: (UInt16, UInt16)
            switch packet.transport {
            case .tcp(let tcp): ports = (tcp.sourcePort, tcp.destinationPort)
            case .udp(let udp): ports = (udp.sourcePort, udp.destinationPort)
            default: ports = (0, 0)
            }
            let key = FlowKey(network, sourcePort: ports.0, destinationPort: ports.1)
            if flows.update(key, default: (), { _ in }) {
                if key.isIPv6 { ipv6Flows += 1 } else { ipv4Flows += 1 }
            }
        }
    }

    /// The IP packets' share that is IPv6 (by frames with any IPv6 header).
    var ipv6Share: Double {
        let ip = packets - nonIPPackets
        return ip == 0 ? 0 : Double(ipv6Packets) / Double(ip)
    }
}
