extension Dissector {
    /// The most common frame on an access link, decoded straight through: Ethernet II, then
    /// IPv4 without options or fragmentation, or IPv6 without extension headers, then TCP on
    /// ports other than DNS's, every length consistent with the captured bytes. Returns nil for
    /// any other frame, which the general path decodes; for these frames both give the same
    /// result (the tests compare them on every corpus frame and on mutated ones).
    ///
    /// Three of four frames of a typical capture are such segments (and one in ten a DNS
    /// message, see `decodeCommonDNS`); the general path spends most of its work telling them
    /// apart from everything else a frame can be.
    func decodeCommonTCP(_ bytes: RawSpan) -> DecodedPacket? {
        commonTCPSegment(bytes).map { DecodedPacket(linkType: linkType, $0) }
    }

    /// The fields of a common TCP segment (see `decodeCommonTCP`), or nil for another frame:
    /// what `decode` would give for it, without building a whole `DecodedPacket`.
    @inline(__always)
    public func commonTCPSegment(_ bytes: RawSpan) -> CommonTCPSegment? {
        var segment = CommonTCPSegment()
        return readCommonTCPSegment(bytes, into: &segment) ? segment : nil
    }

    /// `commonTCPSegment` writing into `segment` (left partly written when the frame is not a
    /// common TCP segment): whether the frame is one. In a loop, with one segment kept from
    /// frame to frame, no optional result is built and copied.
    @inline(__always)
    public func readCommonTCPSegment(_ bytes: RawSpan, into segment: inout CommonTCPSegment) -> Bool {
        guard let plain = plainIP(bytes, carrying: .tcp, headerLength: 20) else { return false }
        // TCP: ports and sequence number, then acknowledgment, data offset and flags.
        guard let ports = try? bytes.uint64(at: plain.transport, .tcp),
            let control = try? bytes.uint64(at: plain.transport + 8, .tcp)
        else { return false }
        let sourcePort = UInt16(truncatingIfNeeded: ports >> 48)
        let destinationPort = UInt16(truncatingIfNeeded: ports >> 32)
        let dataOffset = Int(control >> 28 & 0xF) * 4
        guard dataOffset >= 20, plain.end - plain.transport >= dataOffset, sourcePort != Dissection.Port.dns,
            destinationPort != Dissection.Port.dns
        else { return false }
        segment.frame = plain.frame
        segment.tcp = TCPHeader(
            sourcePort: sourcePort, destinationPort: destinationPort,
            sequence: UInt32(truncatingIfNeeded: ports),
            acknowledgment: UInt32(truncatingIfNeeded: control >> 32),
            flags: TCPHeader.Flags(rawValue: UInt8(truncatingIfNeeded: control >> 16) & 0x3F),
            payloadLength: plain.end - plain.transport - dataOffset)
        return true
    }

    /// The second most common frame: a DNS message over UDP port 53 in the same plain
    /// Ethernet and IP headers, its UDP length consistent with the IP packet's. Returns nil for
    /// any other frame; for these, the same result as the general path.
    func decodeCommonDNS(_ bytes: RawSpan) -> DecodedPacket? {
        commonDNSDatagram(bytes).map { DecodedPacket(linkType: linkType, $0) }
    }

    /// The fields of a common DNS datagram (see `decodeCommonDNS`), or nil for another frame.
    @inline(__always)
    func commonDNSDatagram(_ bytes: RawSpan) -> CommonDNSDatagram? {
        var datagram = CommonDNSDatagram()
        return readCommonDNSDatagram(bytes, into: &datagram) ? datagram : nil
    }

    /// `commonDNSDatagram` writing into `datagram` (left partly written when the frame is not a
    /// common DNS datagram): whether the frame is one. See `readCommonTCPSegment`.
    @inline(__always)
    public func readCommonDNSDatagram(_ bytes: RawSpan, into datagram: inout CommonDNSDatagram) -> Bool {
        guard let plain = plainIP(bytes, carrying: .udp, headerLength: 8),
            let header = try? bytes.uint64(at: plain.transport, .udp)
        else { return false }
        let sourcePort = UInt16(truncatingIfNeeded: header >> 48)
        let destinationPort = UInt16(truncatingIfNeeded: header >> 32)
        let length = Int(header >> 16 & 0xFFFF)
        // DHCPv6's ports win over DNS's in the general path: such a frame is left to it.
        guard sourcePort == Dissection.Port.dns || destinationPort == Dissection.Port.dns,
            sourcePort != Dissection.Port.dhcpv6Client, sourcePort != Dissection.Port.dhcpv6Server,
            destinationPort != Dissection.Port.dhcpv6Client, destinationPort != Dissection.Port.dhcpv6Server,
            length >= 8, plain.transport + length <= plain.end
        else { return false }
        datagram.frame = plain.frame
        datagram.udp = UDPHeader(sourcePort: sourcePort, destinationPort: destinationPort, length: length)
        datagram.messageOffset = plain.transport + 8
        return true
    }

    /// Ethernet II carrying IPv4 without options or fragmentation, or IPv6 without extension
    /// headers, whose upper protocol is `proto` and whose lengths fit the captured bytes and
    /// leave room for `headerLength` bytes of it; nil for any other frame.
    @inline(__always)
    func plainIP(_ bytes: RawSpan, carrying proto: IPProtocol, headerLength: Int) -> PlainIP? {
        let end = bytes.byteCount
        // Ethernet: destination and half the source, then the source and the type.
        guard linkType == .ethernet, end >= 34 + headerLength,
            let first = try? bytes.uint64(at: 0, .ethernet),
            let second = try? bytes.uint64(at: 6, .ethernet)
        else { return nil }
        let ip: IPHeaderInfo
        let transport: Int
        let payloadEnd: Int
        switch UInt16(truncatingIfNeeded: second) {
        case 0x0800:
            // Version 4 with a 20-byte header, not a fragment (DF may be set).
            guard let lengths = try? bytes.uint64(at: 14, .ipv4), lengths >> 56 == 0x45,
                lengths & 0x3FFF == 0, let routing = try? bytes.uint64(at: 22, .ipv4),
                routing >> 48 & 0xFF == UInt64(proto.rawValue),
                let destination = try? bytes.uint32(at: 30, .ipv4)
            else { return nil }
            let totalLength = Int(lengths >> 32 & 0xFFFF)
            guard totalLength >= 20 + headerLength, 14 + totalLength <= end else { return nil }
            ip = IPHeaderInfo(
                source: .v4(IPv4Address(rawValue: UInt32(truncatingIfNeeded: routing))),
                destination: .v4(IPv4Address(rawValue: destination)), upperProtocol: proto, offset: 14,
                declaredLength: totalLength)
            transport = 34
            payloadEnd = 14 + totalLength
        case 0x86DD:
            // Version 6 whose next header is `proto`, with a payload length that fits the capture.
            guard end >= 54 + headerLength, let fixed = try? bytes.uint64(at: 14, .ipv6), fixed >> 60 == 6,
                fixed >> 8 & 0xFF == UInt64(proto.rawValue),
                let source = try? bytes.ipv6Address(at: 22, .ipv6),
                let destination = try? bytes.ipv6Address(at: 38, .ipv6)
            else { return nil }
            let payloadLength = Int(fixed >> 16 & 0xFFFF)
            guard payloadLength >= headerLength, 54 + payloadLength <= end else { return nil }
            ip = IPHeaderInfo(
                source: .v6(source), destination: .v6(destination), upperProtocol: proto, offset: 14,
                declaredLength: 40 + payloadLength)
            transport = 54
            payloadEnd = 54 + payloadLength
        default:
            return nil
        }
        return PlainIP(
            frame: PlainFrame(
                capturedLength: end, destinationMAC: MACAddress(rawValue: first >> 16),
                sourceMAC: MACAddress(rawValue: second >> 16), ip: ip),
            transport: transport, end: payloadEnd)
    }
}

/// What `plainIP` found: the frame's headers, where the IP payload starts and where it ends.
struct PlainIP {
    var frame: PlainFrame
    var transport: Int
    var end: Int
}

/// The Ethernet and IP headers of a common TCP segment or DNS datagram (see `CommonTCPSegment`
/// and `CommonDNSDatagram`): the captured length, the hardware addresses and the one IP header.
public struct PlainFrame: Sendable, Hashable {
    public var capturedLength: Int
    public var destinationMAC: MACAddress
    public var sourceMAC: MACAddress
    public var ip: IPHeaderInfo

    /// An empty frame whose IP header carries `proto`, for the lanes to write into.
    init(carrying proto: IPProtocol) {
        self.init(
            capturedLength: 0, destinationMAC: MACAddress(rawValue: 0), sourceMAC: MACAddress(rawValue: 0),
            ip: IPHeaderInfo(
                source: .v4(IPv4Address(rawValue: 0)), destination: .v4(IPv4Address(rawValue: 0)),
                upperProtocol: proto, offset: 0, declaredLength: 0))
    }

    init(capturedLength: Int, destinationMAC: MACAddress, sourceMAC: MACAddress, ip: IPHeaderInfo) {
        self.capturedLength = capturedLength
        self.destinationMAC = destinationMAC
        self.sourceMAC = sourceMAC
        self.ip = ip
    }
}

/// A plain TCP segment over Ethernet (see `Dissector.decodeCommonTCP`): what its decode holds
/// beyond what every decode starts from. Its `DecodedPacket` has `frame`'s captured length and
/// MAC addresses, its `ip` as both `outer` and `network`, one IP header of that family,
/// `.tcp(tcp)` as transport, and nothing else: no VLAN, tunnel, fragment, application message
/// or error.
public struct CommonTCPSegment: Sendable, Hashable {
    public var frame = PlainFrame(carrying: .tcp)
    public var tcp = TCPHeader(
        sourcePort: 0, destinationPort: 0, sequence: 0, acknowledgment: 0, flags: [], payloadLength: 0)

    /// An empty segment, for `Dissector.readCommonTCPSegment` to write into.
    public init() {}
}

extension DecodedPacket {
    /// The decode of a common TCP segment.
    @inline(__always)
    public init(linkType: LinkType, _ segment: CommonTCPSegment) {
        self.init(linkType: linkType, segment.frame)
        transport = .tcp(segment.tcp)
    }

    /// A frame of plain Ethernet and one IP header, as the shortcuts find them.
    @inline(__always)
    init(linkType: LinkType, _ frame: PlainFrame) {
        self.init(linkType: linkType)
        capturedLength = frame.capturedLength
        destinationMAC = frame.destinationMAC
        sourceMAC = frame.sourceMAC
        if frame.ip.isIPv6 { ipv6Headers = 1 } else { ipv4Headers = 1 }
        outer = frame.ip
        network = frame.ip
    }
}

/// A DNS message over UDP in plain Ethernet and IP headers (see `Dissector.decodeCommonDNS`):
/// what its decode holds beyond what every decode starts from. Its `DecodedPacket` is built
/// from `frame` as a segment's is, with `.udp(udp)` as transport, the DNS message at
/// `messageOffset` (its length `udp.length - 8`) as application, and nothing else.
public struct CommonDNSDatagram: Sendable, Hashable {
    public var frame = PlainFrame(carrying: .udp)
    public var udp = UDPHeader(sourcePort: 0, destinationPort: 0, length: 8)
    /// Where the DNS message starts in the frame.
    public var messageOffset = 0

    /// An empty datagram, for `Dissector.readCommonDNSDatagram` to write into.
    public init() {}
}

extension DecodedPacket {
    /// The decode of a common DNS datagram.
    @inline(__always)
    public init(linkType: LinkType, _ datagram: CommonDNSDatagram) {
        self.init(linkType: linkType, datagram.frame)
        transport = .udp(datagram.udp)
        application = .dns(offset: datagram.messageOffset, length: datagram.udp.length - 8)
    }
}
