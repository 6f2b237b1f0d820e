import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Builds frames byte by byte, for tests and generated captures, independently of the decoders:
/// addresses written as text are parsed by the C library's `inet_pton`, lengths and checksums
/// computed here. Meant for literals: an address that does not parse stops the program.
public enum PacketBuilder {
    /// Big-endian bytes of a 16-bit value.
    public static func be16(_ value: Int) -> [UInt8] { [UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }

    /// Big-endian bytes of a 32-bit value.
    public static func be32(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    /// The 16 bytes of an IPv6 address in text form.
    public static func ipv6(_ text: String) -> [UInt8] {
        var address = in6_addr()
        precondition(inet_pton(AF_INET6, text, &address) == 1, "not an IPv6 address: \(text)")
        return withUnsafeBytes(of: &address) { Array($0) }
    }

    /// The 4 bytes of an IPv4 address in dotted-quad form.
    public static func ipv4(_ text: String) -> [UInt8] {
        var address = in_addr()
        precondition(inet_pton(AF_INET, text, &address) == 1, "not an IPv4 address: \(text)")
        return withUnsafeBytes(of: &address) { Array($0) }
    }

    /// The 6 bytes of a MAC address written "02:00:00:00:00:01".
    public static func mac(_ text: String) -> [UInt8] {
        text.split(separator: ":").map { UInt8($0, radix: 16)! }
    }

    /// An Ethernet II frame, with 802.1Q tags (outermost first) when `vlans` is not empty.
    public static func ethernet(
        source: String = "02:00:00:00:00:01", destination: String = "02:00:00:00:00:02", vlans: [Int] = [],
        type: Int, payload: [UInt8]
    ) -> [UInt8] {
        ethernet(
            source: mac(source), destination: mac(destination), vlans: vlans, type: type, payload: payload)
    }

    /// An Ethernet II frame between MAC addresses given as their 6 bytes.
    public static func ethernet(
        source: [UInt8], destination: [UInt8], vlans: [Int] = [], type: Int, payload: [UInt8]
    ) -> [UInt8] {
        var frame = destination + source
        for vlan in vlans { frame += be16(0x8100) + be16(vlan) }
        return frame + be16(type) + payload
    }

    /// An IPv6 packet.
    public static func ipv6Packet(
        source: String, destination: String, nextHeader: Int, hopLimit: Int = 64, payload: [UInt8]
    ) -> [UInt8] {
        ipv6Packet(
            source: ipv6(source), destination: ipv6(destination), nextHeader: nextHeader, hopLimit: hopLimit,
            payload: payload)
    }

    /// An IPv6 packet between addresses given as their 16 bytes.
    public static func ipv6Packet(
        source: [UInt8], destination: [UInt8], nextHeader: Int, hopLimit: Int = 64, payload: [UInt8]
    ) -> [UInt8] {
        [0x60, 0, 0, 0] + be16(payload.count) + [UInt8(nextHeader), UInt8(hopLimit)] + source + destination
            + payload
    }

    /// An IPv4 packet with a correct header checksum.
    public static func ipv4Packet(
        source: String, destination: String, protocol proto: Int, ttl: Int = 64, identification: Int = 1,
        fragmentField: Int = 0x4000, payload: [UInt8]
    ) -> [UInt8] {
        ipv4Packet(
            source: ipv4(source), destination: ipv4(destination), protocol: proto, ttl: ttl,
            identification: identification, fragmentField: fragmentField, payload: payload)
    }

    /// An IPv4 packet between addresses given as their 4 bytes, with a correct header checksum.
    public static func ipv4Packet(
        source: [UInt8], destination: [UInt8], protocol proto: Int, ttl: Int = 64, identification: Int = 1,
        fragmentField: Int = 0x4000, payload: [UInt8]
    ) -> [UInt8] {
        var header =
            [0x45, 0] + be16(20 + payload.count) + be16(identification & 0xFFFF) + be16(fragmentField)
            + [UInt8(ttl), UInt8(proto)] + [0, 0] + source + destination
        let checksum = internetChecksum(header)
        header[10] = UInt8(checksum >> 8)
        header[11] = UInt8(checksum & 0xFF)
        return header + payload
    }

    /// The RFC 1071 one's-complement checksum.
    public static func internetChecksum(_ bytes: [UInt8]) -> Int {
        var sum = 0
        var index = 0
        while index + 1 < bytes.count {
            sum += Int(bytes[index]) << 8 | Int(bytes[index + 1])
            index += 2
        }
        if index < bytes.count { sum += Int(bytes[index]) << 8 }
        while sum > 0xFFFF { sum = (sum & 0xFFFF) + (sum >> 16) }
        return ~sum & 0xFFFF
    }

    /// `segment` (a TCP segment, UDP datagram or ICMPv6 message whose checksum field is 0) with
    /// its checksum over the IPv4 or IPv6 pseudo-header written at `offset` (16, 6 or 2).
    public static func checksummed(
        _ segment: [UInt8], at offset: Int, source: [UInt8], destination: [UInt8], protocol proto: Int
    ) -> [UInt8] {
        let pseudo =
            source + destination
            + (source.count == 16
                ? be32(UInt32(segment.count)) + [0, 0, 0, UInt8(proto)]
                : [0, UInt8(proto)] + be16(segment.count))
        let checksum = internetChecksum(pseudo + segment)
        var result = segment
        let written = proto == 17 && checksum == 0 ? 0xFFFF : checksum
        result[offset] = UInt8(written >> 8)
        result[offset + 1] = UInt8(written & 0xFF)
        return result
    }

    /// A UDP datagram (checksum left 0).
    public static func udp(source: Int, destination: Int, payload: [UInt8]) -> [UInt8] {
        be16(source) + be16(destination) + be16(8 + payload.count) + [0, 0] + payload
    }

    /// TCP flag bits.
    public static let syn = 0x02
    public static let ack = 0x10
    public static let rst = 0x04

    /// A TCP segment with a 20-byte header.
    public static func tcp(
        source: Int, destination: Int, flags: Int, sequence: UInt32 = 1, acknowledgment: UInt32 = 0,
        payload: [UInt8] = []
    ) -> [UInt8] {
        be16(source) + be16(destination) + be32(sequence) + be32(acknowledgment) + [0x50, UInt8(flags)]
            + be16(65_535) + [0, 0, 0, 0] + payload
    }

    /// An ICMPv6 message (checksum left 0).
    public static func icmpv6(type: Int, code: Int = 0, body: [UInt8]) -> [UInt8] {
        [UInt8(type), UInt8(code), 0, 0] + body
    }

    /// A Neighbor Discovery option: type, length in 8-byte units (padded with zeros), data.
    public static func ndOption(type: Int, data: [UInt8]) -> [UInt8] {
        let total = (data.count + 2 + 7) / 8 * 8
        return [UInt8(type), UInt8(total / 8)] + data + [UInt8](repeating: 0, count: total - 2 - data.count)
    }

    /// A Prefix Information option.
    public static func prefixInformation(
        _ prefix: String, length: Int, onLink: Bool = true, autonomous: Bool = true, valid: UInt32 = 86_400,
        preferred: UInt32 = 14_400
    ) -> [UInt8] {
        let flags = (onLink ? 0x80 : 0) | (autonomous ? 0x40 : 0)
        return ndOption(
            type: 3,
            data: [UInt8(length), UInt8(flags)] + be32(valid) + be32(preferred) + [0, 0, 0, 0] + ipv6(prefix))
    }

    /// A router advertisement's ICMPv6 message with the given options.
    public static func routerAdvertisement(
        lifetime: Int = 1800, managed: Bool = false, other: Bool = false, options: [UInt8]
    ) -> [UInt8] {
        let flags = (managed ? 0x80 : 0) | (other ? 0x40 : 0)
        return icmpv6(type: 134, body: [64, UInt8(flags)] + be16(lifetime) + be32(0) + be32(0) + options)
    }

    /// A DNS name in wire form (uncompressed).
    public static func dnsName(_ name: String) -> [UInt8] {
        name.split(separator: ".").flatMap { [UInt8($0.utf8.count)] + Array($0.utf8) } + [0]
    }

    /// A DNS query for `name` of `type`.
    public static func dnsQuery(id: Int, name: String, type: Int) -> [UInt8] {
        be16(id) + be16(0x0100) + be16(1) + be16(0) + be16(0) + be16(0) + dnsName(name) + be16(type) + be16(1)
    }

    /// A DNS response echoing the question, with answers whose owner is a compression pointer
    /// to the question name.
    public static func dnsResponse(
        id: Int, name: String, type: Int, responseCode: Int = 0, answers: [(type: Int, data: [UInt8])]
    ) -> [UInt8] {
        var message =
            be16(id) + be16(0x8180 | responseCode) + be16(1) + be16(answers.count) + be16(0) + be16(0)
            + dnsName(name) + be16(type) + be16(1)
        for answer in answers {
            message +=
                [0xC0, 12] + be16(answer.type) + be16(1) + be32(300) + be16(answer.data.count) + answer.data
        }
        return message
    }

    /// A DHCPv6 option.
    public static func dhcpv6Option(_ code: Int, _ data: [UInt8]) -> [UInt8] {
        be16(code) + be16(data.count) + data
    }

    /// A DHCPv6 message.
    public static func dhcpv6(type: Int, transaction: Int, options: [[UInt8]]) -> [UInt8] {
        [
            UInt8(type), UInt8(transaction >> 16 & 0xFF), UInt8(transaction >> 8 & 0xFF),
            UInt8(transaction & 0xFF),
        ]
            + options.flatMap { $0 }
    }

    /// An IA_PD option holding one IA Prefix option (and optionally a status code inside the IA).
    public static func iaPD(
        iaid: UInt32, prefix: String?, length: Int, valid: UInt32 = 7200, status: Int? = nil
    )
        -> [UInt8]
    {
        var inner: [UInt8] = []
        if let prefix {
            inner += dhcpv6Option(26, be32(3600) + be32(valid) + [UInt8(length)] + ipv6(prefix))
        }
        if let status { inner += dhcpv6Option(13, be16(status) + Array("no prefix".utf8)) }
        return dhcpv6Option(25, be32(iaid) + be32(0) + be32(0) + inner)
    }
}
