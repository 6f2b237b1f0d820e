import Packets
import Testing

import enum Packets.PacketBuilder

private typealias B = PacketBuilder

/// The dissector on frames built byte by byte: every link layer, the IPv6 header chain,
/// tunnels, and the limits that stop crafted packets.
@Suite("Dissector on hand-built frames")
struct DissectorTests {
    static func decode(_ frame: [UInt8], _ linkType: LinkType = .ethernet) -> DecodedPacket {
        Dissector(linkType: linkType).decode(frame.span.bytes, wireLength: frame.count)
    }

    static let udp6 = B.ipv6Packet(
        source: "2001:db8::1", destination: "2001:db8::2", nextHeader: 17,
        payload: B.udp(
            source: 1234, destination: 53, payload: B.dnsQuery(id: 7, name: "example.org", type: 28)))

    static func checkUDP6(_ packet: DecodedPacket, _ label: String) {
        #expect(packet.error == nil, "\(label): \(String(describing: packet.error))")
        #expect(packet.ipv6Headers == 1, "\(label)")
        #expect(packet.network?.destination.description == "2001:db8::2", "\(label)")
        guard case .udp(let udp) = packet.transport else {
            Issue.record("\(label): no UDP")
            return
        }
        #expect(udp.destinationPort == 53, "\(label)")
        guard case .dns(_, let length)? = packet.application else {
            Issue.record("\(label): no DNS")
            return
        }
        #expect(length == 12 + 13 + 4, "\(label)")
    }

    @Test("IPv6 behind every link layer: Ethernet, 802.1Q, QinQ, PPPoE, SLL, SLL2, null, raw, PPP, NFLOG")
    func linkLayers() {
        Self.checkUDP6(Self.decode(B.ethernet(type: 0x86DD, payload: Self.udp6)), "ethernet")
        let tagged = Self.decode(B.ethernet(vlans: [100], type: 0x86DD, payload: Self.udp6))
        Self.checkUDP6(tagged, "vlan")
        #expect(tagged.vlanID == 100 && tagged.vlanTags == 1)
        let qinq =
            B.mac("02:00:00:00:00:02") + B.mac("02:00:00:00:00:01") + B.be16(0x88A8) + B.be16(200)
            + B.be16(0x8100)
            + B.be16(300) + B.be16(0x86DD) + Self.udp6
        let stacked = Self.decode(qinq)
        Self.checkUDP6(stacked, "qinq")
        #expect(stacked.vlanID == 200 && stacked.vlanTags == 2)
        let pppoe = [0x11, 0x00] + B.be16(0x1234) + B.be16(2 + Self.udp6.count) + B.be16(0x0057) + Self.udp6
        let overPPPoE = Self.decode(B.ethernet(type: 0x8864, payload: pppoe))
        Self.checkUDP6(overPPPoE, "pppoe")
        #expect(overPPPoE.isPPPoE && overPPPoE.pppProtocol == 0x0057)
        let sll = B.be16(0) + B.be16(1) + B.be16(6) + B.mac("02:00:00:00:00:09") + [0, 0] + B.be16(0x86DD)
        let cooked = Self.decode(sll + Self.udp6, .linuxSLL)
        Self.checkUDP6(cooked, "sll")
        #expect(cooked.sourceMAC?.description == "02:00:00:00:00:09")
        let sll2 =
            B.be16(0x86DD) + [0, 0] + B.be32(2) + B.be16(1) + [0, 6] + B.mac("02:00:00:00:00:09") + [0, 0]
        Self.checkUDP6(Self.decode(sll2 + Self.udp6, .linuxSLL2), "sll2")
        Self.checkUDP6(Self.decode([30, 0, 0, 0] + Self.udp6, .null), "null (macOS AF_INET6, little-endian)")
        Self.checkUDP6(Self.decode([0, 0, 0, 24] + Self.udp6, .null), "null (big-endian writer)")
        Self.checkUDP6(Self.decode(Self.udp6, .raw), "raw")
        Self.checkUDP6(Self.decode(Self.udp6, .ipv6), "LINKTYPE_IPV6")
        Self.checkUDP6(Self.decode([0xFF, 0x03] + B.be16(0x0057) + Self.udp6, .ppp), "ppp")
        // NFLOG: header (AF_INET6, version 0, group 0), a prefix TLV, then the payload TLV (type 9).
        let prefixTLV: [UInt8] = [8, 0, 10, 0] + Array("eth0".utf8)
        let payloadTLV: [UInt8] = [
            UInt8((4 + Self.udp6.count) & 0xFF), UInt8((4 + Self.udp6.count) >> 8), 9, 0,
        ]
        Self.checkUDP6(Self.decode([10, 0, 0, 0] + prefixTLV + payloadTLV + Self.udp6, .nflog), "nflog")
    }

    @Test("IPv6 extension headers: hop-by-hop, destination options, routing, fragments, AH")
    func extensionHeaders() {
        let udp = B.udp(source: 1, destination: 2, payload: [1, 2, 3, 4])
        // Hop-by-hop (8 bytes) -> routing type 4 (24 bytes) -> AH (12 bytes) -> destination options (8) -> UDP.
        let hopByHop: [UInt8] = [43, 0, 1, 4, 0, 0, 0, 0]
        let routing: [UInt8] = [51, 2, 4, 0, 0, 0, 0, 0] + B.ipv6("2001:db8::9")
        let ah: [UInt8] = [60, 1, 0, 0] + B.be32(1) + B.be32(1)
        let destination: [UInt8] = [17, 0, 1, 4, 0, 0, 0, 0]
        let packet = Self.decode(
            B.ethernet(
                type: 0x86DD,
                payload: B.ipv6Packet(
                    source: "2001:db8::1", destination: "2001:db8::2", nextHeader: 0,
                    payload: hopByHop + routing + ah + destination + udp)))
        #expect(packet.error == nil)
        #expect(packet.extensionHeaders == 4)
        #expect(packet.network?.upperProtocol == .udp)
        guard case .udp(let header) = packet.transport else {
            Issue.record("no UDP after the extension headers")
            return
        }
        #expect(header.sourcePort == 1)

        // A first fragment is decoded into its transport; a later fragment is not.
        func fragment(offset: Int, more: Bool) -> DecodedPacket {
            let field = (offset / 8) << 3 | (more ? 1 : 0)
            return Self.decode(
                B.ethernet(
                    type: 0x86DD,
                    payload: B.ipv6Packet(
                        source: "2001:db8::1", destination: "2001:db8::2", nextHeader: 44,
                        payload: [17, 0] + B.be16(field) + B.be32(99) + udp)))
        }
        let first = fragment(offset: 0, more: true)
        #expect(first.fragment?.isIPv6 == true && first.fragment?.offset == 0)
        #expect(first.fragment?.moreFragments == true && first.fragment?.identification == 99)
        if case .udp = first.transport {} else { Issue.record("first fragment: no UDP") }
        let later = fragment(offset: 1448, more: false)
        #expect(later.fragment?.offset == 1448)
        #expect(later.transport == .other(.udp))
        #expect(fragment(offset: 0, more: false).fragment?.isAtomic == true)
    }

    @Test("tunnels: IPv4-in-IPv6 (DS-Lite), IPv6-in-IPv6, Teredo, GRE, VXLAN, GTP-U")
    func tunnels() {
        let tcp4 = B.ipv4Packet(
            source: "192.0.2.1", destination: "198.51.100.1", protocol: 6,
            payload: B.tcp(source: 1000, destination: 80, flags: B.syn))
        let dsLite = Self.decode(
            B.ethernet(
                type: 0x86DD,
                payload: B.ipv6Packet(
                    source: "2001:db8::b4", destination: "2001:db8::af", nextHeader: 4, payload: tcp4)))
        #expect(dsLite.tunnels == .ipv4InIPv6)
        #expect(dsLite.outer?.isIPv6 == true && dsLite.network?.isIPv6 == false)
        #expect(dsLite.ipv4Headers == 1 && dsLite.ipv6Headers == 1)

        let inner6 = B.ipv6Packet(
            source: "2001:0:4136:e378:8000:63bf:3fff:fdd2", destination: "2001:db8::2", nextHeader: 59,
            payload: [])
        let teredo = Self.decode(
            B.ethernet(
                type: 0x0800,
                payload: B.ipv4Packet(
                    source: "192.0.2.1", destination: "198.51.100.1", protocol: 17,
                    payload: B.udp(source: 40000, destination: 3544, payload: inner6))))
        #expect(teredo.tunnels == .teredo && teredo.ipv6Headers == 1)
        // On another port Teredo needs the exact length: one byte too many and it is plain UDP.
        let notTeredo = Self.decode(
            B.ethernet(
                type: 0x0800,
                payload: B.ipv4Packet(
                    source: "192.0.2.1", destination: "198.51.100.1", protocol: 17,
                    payload: B.udp(source: 40000, destination: 40001, payload: inner6 + [0]))))
        #expect(notTeredo.tunnels.isEmpty && notTeredo.ipv6Headers == 0)

        let gre = Self.decode(
            B.ethernet(
                type: 0x0800,
                payload: B.ipv4Packet(
                    source: "192.0.2.1", destination: "198.51.100.1", protocol: 47,
                    payload: [0x20, 0x00] + B.be16(0x86DD) + B.be32(42) + Self.udp6)))
        #expect(gre.tunnels == .gre)
        Self.checkUDP6(gre, "gre with key")

        let vxlan = Self.decode(
            B.ethernet(
                type: 0x0800,
                payload: B.ipv4Packet(
                    source: "192.0.2.1", destination: "198.51.100.1", protocol: 17,
                    payload: B.udp(
                        source: 50000, destination: 4789,
                        payload: [0x08, 0, 0, 0, 0, 0, 1, 0] + B.ethernet(type: 0x86DD, payload: Self.udp6))))
        )
        #expect(vxlan.tunnels == .vxlan)
        Self.checkUDP6(vxlan, "vxlan")

        // GTP-U with the sequence-number flag (4 more bytes) and one extension header.
        let gtpHeader: [UInt8] = [0x36, 0xFF] + B.be16(0) + B.be32(1) + [0, 0, 0, 0x85] + [1, 0, 0, 0]
        let gtp = Self.decode(
            B.ethernet(
                type: 0x0800,
                payload: B.ipv4Packet(
                    source: "192.0.2.1", destination: "198.51.100.1", protocol: 17,
                    payload: B.udp(source: 2152, destination: 2152, payload: gtpHeader + Self.udp6))))
        #expect(gtp.tunnels == .gtpU)
        Self.checkUDP6(gtp, "gtp-u")
    }

    @Test(
        "limits stop crafted packets: extension-header chains, DNS pointer loops, relay nesting, zero-length ND options"
    )
    func limits() throws {
        let chain = (0..<(Limits.extensionHeaders + 4)).flatMap { _ in [60, 0, 1, 4, 0, 0, 0, 0] as [UInt8] }
        let long = Self.decode(
            B.ethernet(
                type: 0x86DD,
                payload: B.ipv6Packet(
                    source: "2001:db8::1", destination: "2001:db8::2", nextHeader: 60, payload: chain)))
        #expect(long.error == .limitExceeded(.ipv6Extension, .extensionHeaders))

        // A name that is a pointer to itself.
        let loop: [UInt8] =
            B.be16(1) + B.be16(0x0100) + B.be16(1) + [0, 0, 0, 0, 0, 0] + [0xC0, 12] + B.be16(28) + B.be16(1)
        #expect(throws: DecodeError.limitExceeded(.dns, .compressionPointers)) {
            try DNSMessage(loop.span.bytes)
        }
        // A label running past the message.
        let cut: [UInt8] = B.be16(1) + B.be16(0x0100) + B.be16(1) + [0, 0, 0, 0, 0, 0] + [9, 0x61]
        #expect(throws: DecodeError.self) { try DNSMessage(cut.span.bytes) }

        var message = B.dhcpv6(type: 1, transaction: 1, options: [])
        for _ in 0...(Limits.relayDepth + 1) {
            message = [12, 0] + B.ipv6("2001:db8::1") + B.ipv6("fe80::1") + B.dhcpv6Option(9, message)
        }
        #expect(throws: DecodeError.limitExceeded(.dhcpv6, .relayDepth)) {
            try DHCPv6Message(message.span.bytes)
        }

        let zeroLength = B.routerAdvertisement(options: [1, 0, 0, 0, 0, 0, 0, 0])
        #expect(throws: DecodeError.invalid(.ndOption, .optionLength)) {
            try RouterAdvertisement(zeroLength.span.bytes)
        }
    }

    @Test("application messages: a relayed DHCPv6 Reply with IA_PD, an RA with every option the probe reads")
    func applicationMessages() throws {
        let reply = B.dhcpv6(
            type: 7, transaction: 0xABCDEF,
            options: [
                B.dhcpv6Option(1, [0, 3, 0, 1, 2, 0, 0, 0, 0, 1]),
                B.iaPD(iaid: 5, prefix: "2001:db8:ff00::", length: 56, valid: 3600),
                B.dhcpv6Option(23, B.ipv6("2001:db8::53") + B.ipv6("2001:db8::54")),
                B.dhcpv6Option(24, B.dnsName("home.example") + B.dnsName("example")),
            ])
        let relayed = [13, 0] + B.ipv6("2001:db8::1") + B.ipv6("fe80::2") + B.dhcpv6Option(9, reply)
        let message = try DHCPv6Message(relayed.span.bytes)
        #expect(message.type == 13 && message.peerAddress?.description == "fe80::2")
        let inner = message.innermost
        #expect(inner.type == 7 && inner.transactionID == 0xABCDEF)
        #expect(inner.clientDUIDHex == "00030001020000000001")
        #expect(inner.delegatedPrefixes.first?.prefixes.map(\.description) == ["2001:db8:ff00::/56"])
        #expect(inner.delegatedPrefixes.first?.validLifetimes == [3600])
        #expect(inner.dnsServers.map(\.description) == ["2001:db8::53", "2001:db8::54"])
        #expect(inner.domainList == ["home.example", "example"])

        let options =
            B.ndOption(type: 1, data: B.mac("02:00:00:00:00:fe"))
            + B.prefixInformation("2001:db8:1::", length: 64, autonomous: false, valid: 600, preferred: 300)
            + B.ndOption(type: 5, data: [0, 0] + B.be32(1480))
            + B.ndOption(type: 25, data: [0, 0] + B.be32(600) + B.ipv6("2001:db8::53"))
            + B.ndOption(type: 31, data: [0, 0] + B.be32(600) + B.dnsName("corp.example"))
            + B.ndOption(type: 24, data: [48, 0x08] + B.be32(1800) + B.ipv6("2001:db8:aa::").prefix(8))
            // PREF64: lifetime 600 s scaled by 8 (75 << 3), PLC 1 (a /64), 64:ff9b:1::.
            + B.ndOption(type: 38, data: B.be16(75 << 3 | 1) + B.ipv6("64:ff9b:1::").prefix(12))
        let ra = try RouterAdvertisement(
            B.routerAdvertisement(lifetime: 0, managed: true, other: true, options: options).span.bytes)
        #expect(ra.managed && ra.otherConfiguration && ra.routerLifetime == 0)
        #expect(ra.sourceLinkLayerAddress?.description == "02:00:00:00:00:fe")
        #expect(ra.prefixes.first?.prefix.description == "2001:db8:1::/64")
        #expect(ra.prefixes.first?.autonomous == false && ra.prefixes.first?.onLink == true)
        #expect(ra.prefixes.first?.validLifetime == 600 && ra.prefixes.first?.preferredLifetime == 300)
        #expect(ra.mtu == 1480)
        #expect(ra.dnsServers.map(\.description) == ["2001:db8::53"])
        #expect(ra.searchDomains == ["corp.example"])
        #expect(ra.routes.map(\.description) == ["2001:db8:aa::/48"])
        #expect(ra.pref64?.description == "64:ff9b:1::/64")
    }
}
