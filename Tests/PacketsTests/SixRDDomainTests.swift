import Packets
import Testing

import enum Packets.PacketBuilder

private typealias B = PacketBuilder

/// 6rd told from 6in4: by the operator's 6rd domain when given, else by the heuristic.
@Suite("6rd domains")
struct SixRDDomainTests {
    @Test("parsing: a prefix, an optional IPv4 mask length, and RFC 5969's 64-bit bound")
    func parsing() throws {
        let plain = try #require(SixRDDomain("2001:db8::/32"))
        #expect(plain.prefix.length == 32 && plain.ipv4MaskLength == 0)
        #expect(plain.description == "2001:db8::/32")
        let masked = try #require(SixRDDomain("2001:db8:aa00::/40,8"))
        #expect(masked.prefix.description == "2001:db8:aa00::/40" && masked.ipv4MaskLength == 8)
        #expect(masked.description == "2001:db8:aa00::/40,8")
        // Delegated prefixes longer than 64 bits, bad masks, bad syntax.
        for text in [
            "2001:db8::/40", "2001:db8::/40,7", "2001:db8::/32,33", "2001:db8::/32,-1", "2001:db8::",
            "2001:db8::/32,8,1", "2001:db8::/x", "192.0.2.0/24", "",
        ] {
            #expect(SixRDDomain(text) == nil, "\(text)")
        }
        #expect(SixRDDomain("2001:db8::/0,32") != nil)  // every IPv4 bit common: the whole prefix
    }

    @Test("an address embeds the customer's IPv4 bits right after the 6rd prefix")
    func embedding() throws {
        let domain = try #require(SixRDDomain("2001:db8:aa00::/40,8"))
        let customer = try #require(IPv4Address("10.0.2.33"))
        #expect(domain.embeds(customer, in: try #require(IPv6Address("2001:db8:aa00:221::1"))))
        #expect(!domain.embeds(customer, in: try #require(IPv6Address("2001:db8:aa00:222::1"))))
        #expect(!domain.embeds(customer, in: try #require(IPv6Address("2001:db8:ab00:221::1"))))
        let whole = try #require(SixRDDomain("2001:db8::/32"))
        #expect(
            whole.embeds(
                try #require(IPv4Address("192.0.2.33")), in: try #require(IPv6Address("2001:db8:c000:221::")))
        )
    }

    static func tunnels(outer: (String, String), inner: (String, String), _ domain: SixRDDomain?) -> TunnelSet
    {
        let frame = B.ethernet(
            type: 0x0800,
            payload: B.ipv4Packet(
                source: outer.0, destination: outer.1, protocol: 41,
                payload: B.ipv6Packet(
                    source: inner.0, destination: inner.1, nextHeader: 6,
                    payload: B.tcp(source: 1000, destination: 80, flags: B.syn))))
        let packet = Dissector(linkType: .ethernet, sixRD: domain).decode(
            frame.span.bytes, wireLength: frame.count)
        #expect(packet.error == nil)
        return packet.tunnels
    }

    @Test("the domain decides where the heuristic cannot, and overrules it where it guesses wrong")
    func dissection() throws {
        let masked = try #require(SixRDDomain("2001:db8:aa00::/40,8"))
        // CE 10.0.0.7 in a domain with IPv4MaskLen 8: only 00:00:07 follows the /40 prefix, too
        // few non-zero octets for the heuristic to risk calling it 6rd.
        let up = (outer: ("10.0.0.7", "203.0.113.1"), inner: ("2001:db8:aa00:7::1", "2001:db8:ffff::80"))
        #expect(Self.tunnels(outer: up.outer, inner: up.inner, nil) == .sixInFour)
        #expect(Self.tunnels(outer: up.outer, inner: up.inner, masked) == .sixRD)
        // The way back: the CE's address is the destination.
        let down = (outer: ("203.0.113.1", "10.0.0.7"), inner: ("2001:db8:ffff::80", "2001:db8:aa00:7::1"))
        #expect(Self.tunnels(outer: down.outer, inner: down.inner, masked) == .sixRD)
        // A configured tunnel whose address happens to hold its IPv4 endpoint: the heuristic says
        // 6rd, the operator's domain (another prefix) says 6in4.
        let chance = (
            outer: ("192.0.2.33", "203.0.113.1"), inner: ("2001:db8:c000:221::1", "2001:db8:ffff::80")
        )
        #expect(Self.tunnels(outer: chance.outer, inner: chance.inner, nil) == .sixRD)
        #expect(Self.tunnels(outer: chance.outer, inner: chance.inner, masked) == .sixInFour)
        // 6to4 stays 6to4 whatever the domain.
        let sixToFour = (
            outer: ("192.0.2.33", "192.88.99.1"), inner: ("2002:c000:221::1", "2001:db8:ffff::80")
        )
        #expect(Self.tunnels(outer: sixToFour.outer, inner: sixToFour.inner, masked) == .sixToFour)
    }
}
