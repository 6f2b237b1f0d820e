import Packets
import Testing

import enum Packets.PacketBuilder

private typealias B = PacketBuilder

/// One `DHCPv6Message` decoded into again and again (as the probe does, to keep its arrays'
/// storage) holds exactly what a fresh decode of each message holds.
@Suite("DHCPv6 messages decoded into a kept message")
struct DHCPv6ReuseTests {
    /// Messages that differ in every part the decode keeps: client ID or none, one, two or no
    /// IAs of each kind, status codes in and out of IAs, DNS servers, domains, relays, and
    /// malformed ones between them.
    static func messages() -> [[UInt8]] {
        let duid = B.dhcpv6Option(1, [0, 3, 0, 1, 2, 0, 0, 0, 0, 1])
        let otherDUID = B.dhcpv6Option(1, [0, 1, 0, 1, 9, 9])
        let iaNA =
            B.dhcpv6Option(
                3,
                B.be32(7) + B.be32(0) + B.be32(0)
                    + B.dhcpv6Option(5, B.ipv6("2001:db8::10") + B.be32(300) + B.be32(600)))
        let servers = B.dhcpv6Option(23, B.ipv6("2001:db8::53") + B.ipv6("2001:db8::54"))
        let domains = B.dhcpv6Option(24, B.dnsName("home.example") + B.dnsName("example"))
        let reply = B.dhcpv6(
            type: 7, transaction: 0x123456,
            options: [
                duid, B.iaPD(iaid: 1, prefix: "2001:db8:100::", length: 56),
                B.iaPD(iaid: 2, prefix: "2001:db8:200::", length: 60), iaNA, servers, domains,
            ])
        return [
            reply,
            B.dhcpv6(type: 1, transaction: 1, options: [otherDUID, B.iaPD(iaid: 9, prefix: nil, length: 0)]),
            B.dhcpv6(type: 2, transaction: 2, options: [B.iaPD(iaid: 3, prefix: nil, length: 0, status: 6)]),
            B.dhcpv6(type: 7, transaction: 3, options: [B.dhcpv6Option(13, B.be16(2)), iaNA, iaNA]),
            // Malformed: an IA_PD shorter than its fixed fields, and a DNS name running off the end.
            B.dhcpv6(type: 7, transaction: 4, options: [duid, B.dhcpv6Option(25, [0, 0, 0, 1])]),
            B.dhcpv6(type: 7, transaction: 5, options: [servers, B.dhcpv6Option(24, [9, 0x61])]),
            [13, 0] + B.ipv6("2001:db8::1") + B.ipv6("fe80::2") + B.dhcpv6Option(9, reply),
            B.dhcpv6(type: 11, transaction: 6, options: []),
            reply,
        ]
    }

    @Test("each message, decoded into the kept one, equals its fresh decode; errors are the same")
    func reuse() {
        var kept = DHCPv6Message()
        var failures = 0
        for (index, bytes) in Self.messages().enumerated() {
            let fresh: Result<DHCPv6Message, DecodeError>
            do throws(DecodeError) {
                fresh = .success(try DHCPv6Message(bytes.span.bytes))
            } catch {
                fresh = .failure(error)
            }
            do throws(DecodeError) {
                try kept.decode(bytes.span.bytes)
                #expect(fresh == .success(kept), "message \(index)")
            } catch {
                failures += 1
                #expect(fresh == .failure(error), "message \(index)")
            }
        }
        #expect(failures == 2)
        #expect(kept.delegatedPrefixes.count == 2 && kept.dnsServers.count == 2 && kept.domainList.count == 2)
    }
}
