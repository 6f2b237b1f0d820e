import Foundation
import Packets
import SimCore

/// A deterministic capture of an access network's mixed traffic, for measuring the probe when no
/// capture is at hand (`metro6 bench probe` without files). The same packet count and seed give
/// the same bytes.
///
/// Seen from the subscribers' LAN (the router is 00:00:5e:00:01:01): 500 dual-stack clients, one
/// MAC each, in 198.18.0.0/15 and 2001:db8:1::/64, talk to servers in the documentation ranges.
/// Per 1,000 packets: 774 TCP (43% over IPv6; handshakes, TLS records or HTTP on port 80, FIN;
/// 4% of the IPv6 flows send a SYN three times that is never answered; 4% of the flows on
/// 802.1Q VLANs 100–110 and 2% in PPPoE sessions), 80 DNS over IPv4 and 70 over IPv6 (A and AAAA,
/// some AAAA answers empty, some NXDOMAIN), 30 ICMPv6 (echo, neighbour discovery, router
/// advertisements, Packet Too Big), 20 DHCPv6 prefix delegation exchanges, 20 tunnels (6in4,
/// Teredo, DS-Lite), 5 fragmented UDP datagrams and 1 malformed frame. Checksums are correct
/// except in the malformed frames; Tools/probe/gencap.c writes a larger mix of the same kind.
public struct MixedCapture {
    /// The packet counts a generated capture may have (a million packets is about 0.6 GB).
    public static let packetRange = 1...1_000_000

    /// Packets in the capture.
    public let packets: Int
    /// The seed of its random choices.
    public let seed: UInt64

    /// A capture of `packets` packets drawn with `seed`.
    public init(packets: Int, seed: UInt64 = 1) {
        self.packets = packets
        self.seed = seed
    }

    /// The capture as a classic pcap file.
    public func pcap() -> Data {
        var traffic = MixedTraffic(seed: seed)
        var writer = PcapWriter()
        var written = 0
        while written < packets {
            for frame in traffic.next() where written < packets {
                writer.append(frame, time: 1_700_000_000 + Double(written) * 20e-6)
                written += 1
            }
        }
        return writer.data
    }
}

/// The traffic behind `MixedCapture`: each call to `next()` draws one kind by its weight and
/// returns the frames it makes (one, or a few that belong together).
private struct MixedTraffic {
    private typealias B = PacketBuilder

    private enum Kind: CaseIterable {
        case tcp, dns4, dns6, icmpv6, dhcpv6, tunnel, fragments, malformed

        /// Draws of this kind per 908 (DNS makes two frames a draw, DHCPv6 four, fragments two:
        /// about 1,000 frames).
        var weight: Int {
            switch self {
            case .tcp: 774
            case .dns4: 40
            case .dns6: 35
            case .icmpv6: 30
            case .dhcpv6: 5
            case .tunnel: 20
            case .fragments: 3
            case .malformed: 1
            }
        }
    }

    private enum Carrier {
        case plain
        case vlan(Int)
        case pppoe(Int)
    }

    private struct Flow {
        var client: Int
        var server: Int
        var v6: Bool
        var carrier: Carrier
        var clientPort: Int
        var serverPort: Int
        var unanswered: Bool
        var exchanges: Int
        var step = 0
        var clientInitial: UInt32
        var clientNext: UInt32
        var serverNext: UInt32
    }

    private static let clients = 500
    private static let servers = 200
    private static let slots = 256
    private static let routerMAC = B.mac("00:00:5e:00:01:01")
    private static let routerLinkLocal = B.ipv6("fe80::200:5eff:fe00:101")
    private static let resolver4 = B.ipv4("192.0.2.53")
    private static let resolver6 = B.ipv6("2001:db8:53::53")

    private var random: SplitMix64
    private var flows: [Flow] = []
    private var sequence = 0
    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
        flows = (0..<Self.slots).map { _ in newFlow() }
    }

    /// The weights' sum: one draw picks a number below it.
    private static let totalWeight = Kind.allCases.reduce(0) { $0 + $1.weight }

    /// The frames of the next draw, padded to Ethernet's 60 bytes as on the wire (malformed
    /// frames are left as they are).
    mutating func next() -> [[UInt8]] {
        sequence += 1
        var draw = below(Self.totalWeight)
        let kind =
            Kind.allCases.first {
                draw -= $0.weight
                return draw < 0
            } ?? .tcp
        let frames: [[UInt8]]
        switch kind {
        case .tcp: frames = [tcpStep()]
        case .dns4: frames = dns(v6: false)
        case .dns6: frames = dns(v6: true)
        case .icmpv6: frames = [icmpv6()]
        case .dhcpv6: frames = dhcpv6()
        case .tunnel: frames = [tunnel()]
        case .fragments: frames = fragments()
        case .malformed: return [malformed()]
        }
        return frames.map { $0.count < 60 ? $0 + [UInt8](repeating: 0, count: 60 - $0.count) : $0 }
    }

    // MARK: Random choices

    private mutating func below(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
    private mutating func chance(_ perThousand: Int) -> Bool { below(1_000) < perThousand }

    // MARK: Hosts

    private static func clientMAC(_ client: Int) -> [UInt8] { [0x02, 0, 0, 0] + B.be16(client) }
    private static func client4(_ client: Int) -> [UInt8] {
        [198, 18, UInt8(client >> 8), UInt8(client & 0xFF)]
    }
    private static func client6(_ client: Int) -> [UInt8] {
        [0x20, 0x01, 0x0D, 0xB8, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0] + B.be16(client)
    }
    private static func clientLinkLocal(_ client: Int) -> [UInt8] {
        let mac = clientMAC(client)
        return [
            0xFE, 0x80, 0, 0, 0, 0, 0, 0, mac[0] ^ 0x02, mac[1], mac[2], 0xFF, 0xFE, mac[3], mac[4], mac[5],
        ]
    }
    private static func server4(_ server: Int) -> [UInt8] {
        [[192, 0, 2], [198, 51, 100], [203, 0, 113]][server % 3] + [UInt8(100 + server / 3)]
    }
    private static func server6(_ server: Int) -> [UInt8] {
        [0x20, 0x01, 0x0D, 0xB8, 0x0F, 0, 0, 0, 0, 0, 0, 0] + B.be32(UInt32(server + 1))
    }

    /// An Ethernet frame between the client and the router, in either direction.
    private static func frame(
        client: Int, fromClient: Bool, carrier: Carrier = .plain, v6: Bool, packet: [UInt8]
    ) -> [UInt8] {
        let mac = clientMAC(client)
        let (source, destination) = fromClient ? (mac, routerMAC) : (routerMAC, mac)
        switch carrier {
        case .plain:
            return B.ethernet(
                source: source, destination: destination, type: v6 ? 0x86DD : 0x0800, payload: packet)
        case .vlan(let id):
            return B.ethernet(
                source: source, destination: destination, vlans: [id], type: v6 ? 0x86DD : 0x0800,
                payload: packet)
        case .pppoe(let session):
            let ppp = B.be16(v6 ? 0x0057 : 0x0021) + packet
            return B.ethernet(
                source: source, destination: destination, type: 0x8864,
                payload: [0x11, 0] + B.be16(session) + B.be16(ppp.count) + ppp)
        }
    }

    /// An IPv4 or IPv6 packet carrying `segment`, with the segment's checksum written.
    private static func ip(
        v6: Bool, source: [UInt8], destination: [UInt8], protocol proto: Int, checksumAt offset: Int,
        segment: [UInt8], identification: Int
    ) -> [UInt8] {
        let payload = B.checksummed(
            segment, at: offset, source: source, destination: destination, protocol: proto)
        return v6
            ? B.ipv6Packet(source: source, destination: destination, nextHeader: proto, payload: payload)
            : B.ipv4Packet(
                source: source, destination: destination, protocol: proto, identification: identification,
                payload: payload)
    }

    // MARK: TCP

    private mutating func newFlow() -> Flow {
        let clientInitial = UInt32(truncatingIfNeeded: random.next())
        let v6 = below(774) < 333
        let carrier: Carrier =
            switch below(100) {
            case 0..<4: .vlan(100 + below(11))
            case 4..<6: .pppoe(1 + below(64))
            default: .plain
            }
        return Flow(
            client: below(Self.clients), server: below(Self.servers), v6: v6, carrier: carrier,
            clientPort: 32_768 + below(28_000), serverPort: chance(900) ? 443 : 80,
            unanswered: v6 && chance(40), exchanges: 1 + below(12), clientInitial: clientInitial,
            clientNext: clientInitial, serverNext: UInt32(truncatingIfNeeded: random.next()))
    }

    private mutating func tcpStep() -> [UInt8] {
        let slot = below(Self.slots)
        var flow = flows[slot]
        let (fromClient, flags, payload) = segment(of: &flow)
        let (sequenceNumber, acknowledgment) = Self.numbers(
            of: &flow, fromClient: fromClient, flags: flags, payload: payload.count)
        flows[slot] = flow.step < 0 ? newFlow() : flow
        let client = flow.v6 ? Self.client6(flow.client) : Self.client4(flow.client)
        let server = flow.v6 ? Self.server6(flow.server) : Self.server4(flow.server)
        let tcp = B.tcp(
            source: fromClient ? flow.clientPort : flow.serverPort,
            destination: fromClient ? flow.serverPort : flow.clientPort, flags: flags,
            sequence: sequenceNumber, acknowledgment: acknowledgment, payload: payload)
        let packet = Self.ip(
            v6: flow.v6, source: fromClient ? client : server, destination: fromClient ? server : client,
            protocol: 6, checksumAt: 16, segment: tcp, identification: sequence)
        return Self.frame(
            client: flow.client, fromClient: fromClient, carrier: flow.carrier, v6: flow.v6, packet: packet)
    }

    /// The next segment of `flow` (who sends it, its flags, its payload); `step` becomes −1 when
    /// the flow is over.
    private mutating func segment(of flow: inout Flow) -> (fromClient: Bool, flags: Int, payload: [UInt8]) {
        let fin = 0x01
        let push = 0x08
        defer { flow.step = flow.step < 0 ? -1 : flow.step + 1 }
        switch flow.step {
        case 0...2 where flow.unanswered:
            if flow.step == 2 { flow.step = -2 }
            return (true, B.syn, [])
        case 0: return (true, B.syn, [])
        case 1: return (false, B.syn | B.ack, [])
        case 2: return (true, B.ack, [])
        case let step where step - 3 < 2 * flow.exchanges:
            let fromClient = (step - 3) % 2 == 0
            return (fromClient, B.ack | push, content(port: flow.serverPort, fromClient: fromClient))
        case let step where step - 3 == 2 * flow.exchanges: return (true, B.ack | fin, [])
        case let step where step - 3 == 2 * flow.exchanges + 1: return (false, B.ack | fin, [])
        default:
            flow.step = -2
            return (true, B.ack, [])
        }
    }

    /// The sequence and acknowledgment numbers of a segment, advancing the sender's next number.
    private static func numbers(
        of flow: inout Flow, fromClient: Bool, flags: Int, payload: Int
    ) -> (sequence: UInt32, acknowledgment: UInt32) {
        let consumed = UInt32(payload + (flags & (B.syn | 0x01) != 0 ? 1 : 0))
        if fromClient {
            let sequence = flags & B.syn != 0 ? flow.clientInitial : flow.clientNext
            flow.clientNext = sequence &+ consumed
            return (sequence, flags & B.ack != 0 ? flow.serverNext : 0)
        }
        let sequence = flow.serverNext
        flow.serverNext = sequence &+ consumed
        return (sequence, flow.clientNext)
    }

    /// An HTTP/1.1 message on port 80, a TLS application-data record otherwise.
    private mutating func content(port: Int, fromClient: Bool) -> [UInt8] {
        let size = fromClient ? 60 + below(400) : 32 + below(1_368)
        let body = [UInt8](repeating: 0x61, count: size)
        guard port == 80 else { return [0x17, 0x03, 0x03] + B.be16(size) + body }
        return fromClient
            ? Array("GET /\(size) HTTP/1.1\r\nHost: www.example.com\r\n\r\n".utf8)
            : Array("HTTP/1.1 200 OK\r\nContent-Length: \(size)\r\n\r\n".utf8) + body
    }

    // MARK: Other traffic

    /// A query and its answer: A or AAAA for one of the servers' names.
    private mutating func dns(v6: Bool) -> [[UInt8]] {
        let client = below(Self.clients)
        let server = below(Self.servers)
        let aaaa = chance(600)
        let name = "www\(server).example.\(server % 2 == 0 ? "com" : "net")"
        let id = below(65_536)
        let port = 49_152 + below(16_384)
        let address = v6 ? Self.client6(client) : Self.client4(client)
        let resolver = v6 ? Self.resolver6 : Self.resolver4
        let nxdomain = chance(30)
        let answers: [(type: Int, data: [UInt8])] =
            nxdomain || (aaaa && server % 5 == 4)
            ? [] : [(aaaa ? 28 : 1, aaaa ? Self.server6(server) : Self.server4(server))]
        let query = B.udp(
            source: port, destination: 53, payload: B.dnsQuery(id: id, name: name, type: aaaa ? 28 : 1))
        let response = B.udp(
            source: 53, destination: port,
            payload: B.dnsResponse(
                id: id, name: name, type: aaaa ? 28 : 1, responseCode: nxdomain ? 3 : 0, answers: answers))
        return [
            Self.frame(
                client: client, fromClient: true, v6: v6,
                packet: Self.ip(
                    v6: v6, source: address, destination: resolver, protocol: 17, checksumAt: 6,
                    segment: query,
                    identification: sequence)),
            Self.frame(
                client: client, fromClient: false, v6: v6,
                packet: Self.ip(
                    v6: v6, source: resolver, destination: address, protocol: 17, checksumAt: 6,
                    segment: response,
                    identification: sequence + 1)),
        ]
    }

    private mutating func icmpv6() -> [UInt8] {
        let client = below(Self.clients)
        let address = Self.client6(client)
        let message: (source: [UInt8], destination: [UInt8], body: [UInt8], fromClient: Bool)
        switch below(100) {
        case 0..<40:
            let reply = chance(500)
            let echo = B.icmpv6(
                type: reply ? 129 : 128,
                body: B.be16(client) + B.be16(sequence & 0xFFFF) + [UInt8](repeating: 0x20, count: 56))
            let server = Self.server6(client % Self.servers)
            message = reply ? (server, address, echo, false) : (address, server, echo, true)
        case 40..<80:
            let advert = chance(500)
            let linkLocal = Self.clientLinkLocal(client)
            let nd = B.icmpv6(
                type: advert ? 136 : 135,
                body: (advert ? [0xC0, 0, 0, 0] : [0, 0, 0, 0]) + Self.routerLinkLocal
                    + B.ndOption(type: advert ? 2 : 1, data: advert ? Self.routerMAC : Self.clientMAC(client))
            )
            message =
                advert
                ? (Self.routerLinkLocal, linkLocal, nd, false) : (linkLocal, Self.routerLinkLocal, nd, true)
        case 80..<97:
            let options =
                B.prefixInformation("2001:db8:1::", length: 64)
                + B.ndOption(type: 5, data: [0, 0] + B.be32(1500))
                + B.ndOption(type: 25, data: [0, 0] + B.be32(600) + Self.resolver6)
                + B.ndOption(type: 1, data: Self.routerMAC)
            message = (
                Self.routerLinkLocal, B.ipv6("ff02::1"), B.routerAdvertisement(other: true, options: options),
                false
            )
        default:
            let quoted = B.ipv6Packet(
                source: address, destination: Self.server6(0), nextHeader: 6,
                payload: B.tcp(
                    source: 40_000, destination: 443, flags: B.ack,
                    payload: [UInt8](repeating: 0, count: 1_400)))
            message = (
                Self.routerLinkLocal, address, B.icmpv6(type: 2, body: B.be32(1280) + quoted.prefix(1_184)),
                false
            )
        }
        let packet = Self.ip(
            v6: true, source: message.source, destination: message.destination, protocol: 58, checksumAt: 2,
            segment: message.body, identification: 0)
        return Self.frame(client: client, fromClient: message.fromClient, v6: true, packet: packet)
    }

    /// Solicit, Advertise, Request and Reply delegating a /56 to one client.
    private mutating func dhcpv6() -> [[UInt8]] {
        let client = below(Self.clients)
        let transaction = below(1 << 24)
        let clientID = B.dhcpv6Option(1, [0, 3, 0, 1] + Self.clientMAC(client))
        let serverID = B.dhcpv6Option(2, [0, 3, 0, 1] + Self.routerMAC)
        let prefix = [0x20, 0x01, 0x0D, 0xB8, 0xFF, UInt8(client & 0xFF)] + [UInt8](repeating: 0, count: 10)
        let delegated = B.dhcpv6Option(
            25,
            B.be32(1) + B.be32(0) + B.be32(0)
                + B.dhcpv6Option(26, B.be32(3600) + B.be32(7200) + [56] + prefix))
        let dnsServers = B.dhcpv6Option(23, Self.resolver6)
        let messages: [(type: Int, options: [[UInt8]])] = [
            (1, [clientID, B.dhcpv6Option(25, B.be32(1) + B.be32(0) + B.be32(0))]),
            (2, [clientID, serverID, delegated, dnsServers]),
            (3, [clientID, serverID, delegated]),
            (7, [clientID, serverID, delegated, dnsServers]),
        ]
        return messages.map { message in
            let fromClient = message.type == 1 || message.type == 3
            let udp = B.udp(
                source: fromClient ? 546 : 547, destination: fromClient ? 547 : 546,
                payload: B.dhcpv6(type: message.type, transaction: transaction, options: message.options))
            let linkLocal = Self.clientLinkLocal(client)
            let packet = Self.ip(
                v6: true, source: fromClient ? linkLocal : Self.routerLinkLocal,
                destination: fromClient ? B.ipv6("ff02::1:2") : linkLocal, protocol: 17, checksumAt: 6,
                segment: udp,
                identification: 0)
            return Self.frame(client: client, fromClient: fromClient, v6: true, packet: packet)
        }
    }

    /// IPv6 over IPv4 (6in4 to a tunnel broker, Teredo over UDP 3544) or IPv4 over IPv6 (DS-Lite).
    private mutating func tunnel() -> [UInt8] {
        let client = below(Self.clients)
        let server = below(Self.servers)
        let port = 32_768 + below(28_000)
        let tcp = B.tcp(
            source: port, destination: 443, flags: B.ack,
            payload: [0x17, 0x03, 0x03, 0, 32] + [UInt8](repeating: 0x62, count: 32))
        switch below(3) {
        case 0:
            let inner = Self.ip(
                v6: true, source: Self.client6(client), destination: Self.server6(server), protocol: 6,
                checksumAt: 16,
                segment: tcp, identification: 0)
            let outer = B.ipv4Packet(
                source: Self.client4(client), destination: B.ipv4("198.51.100.41"), protocol: 41,
                identification: sequence, payload: inner)
            return Self.frame(client: client, fromClient: true, v6: false, packet: outer)
        case 1:
            let teredo =
                [0x20, 0x01, 0, 0] + B.ipv4("192.0.2.45") + [0, 0] + B.be16(0xFFFF ^ port)
                + Self.client4(client).map { $0 ^ 0xFF }
            let inner = Self.ip(
                v6: true, source: teredo, destination: Self.server6(server), protocol: 6, checksumAt: 16,
                segment: tcp,
                identification: 0)
            let udp = B.udp(source: port, destination: 3544, payload: inner)
            let outer = Self.ip(
                v6: false, source: Self.client4(client), destination: B.ipv4("198.51.100.99"), protocol: 17,
                checksumAt: 6,
                segment: udp, identification: sequence)
            return Self.frame(client: client, fromClient: true, v6: false, packet: outer)
        default:
            let inner = Self.ip(
                v6: false, source: B.ipv4("192.0.0.2"), destination: Self.server4(server), protocol: 6,
                checksumAt: 16,
                segment: tcp, identification: sequence)
            let outer = B.ipv6Packet(
                source: Self.client6(client), destination: B.ipv6("2001:db8:a::1"), nextHeader: 4,
                payload: inner)
            return Self.frame(client: client, fromClient: true, v6: true, packet: outer)
        }
    }

    /// A 2,400-byte UDP datagram in two fragments: IPv4 fragments or an IPv6 fragment header.
    private mutating func fragments() -> [[UInt8]] {
        let client = below(Self.clients)
        let v6 = chance(500)
        let source = v6 ? Self.client6(client) : Self.client4(client)
        let destination = v6 ? Self.server6(client % Self.servers) : Self.server4(client % Self.servers)
        let datagram = B.checksummed(
            B.udp(
                source: 40_000 + below(1_000), destination: 5_001,
                payload: [UInt8](repeating: 0x63, count: 2_392)),
            at: 6, source: source, destination: destination, protocol: 17)
        let identification = sequence & 0xFFFF
        return [(0, 1_448, true), (1_448, datagram.count, false)].map { start, end, more in
            let piece = Array(datagram[start..<end])
            let packet =
                v6
                ? B.ipv6Packet(
                    source: source, destination: destination, nextHeader: 44,
                    payload: [17, 0] + B.be16(start | (more ? 1 : 0)) + B.be32(UInt32(identification)) + piece
                )
                : B.ipv4Packet(
                    source: source, destination: destination, protocol: 17, identification: identification,
                    fragmentField: start / 8 | (more ? 0x2000 : 0), payload: piece)
            return Self.frame(client: client, fromClient: true, v6: v6, packet: packet)
        }
    }

    /// A truncated IPv6 header, or an IPv4 header whose length field says 12 bytes.
    private mutating func malformed() -> [UInt8] {
        let client = below(Self.clients)
        if chance(500) {
            let packet = Array(
                B.ipv6Packet(
                    source: Self.client6(client), destination: Self.server6(0), nextHeader: 59, payload: []
                ).prefix(20))
            return Self.frame(client: client, fromClient: true, v6: true, packet: packet)
        }
        var packet = B.ipv4Packet(
            source: Self.client4(client), destination: Self.server4(0), protocol: 17, payload: [0, 0, 0, 0])
        packet[0] = 0x43
        return Self.frame(client: client, fromClient: true, v6: false, packet: packet)
    }
}
