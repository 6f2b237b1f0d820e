/// The one demultiplexer: link type → link layer → EtherType → IP → extension headers →
/// transport → the application messages and tunnels the probe analyses.
///
/// Decodes over a borrowed byte view, with no copy and no allocation per packet. A truncated or
/// lying packet ends the decode with a `DecodeError` in the result; nothing reads past the
/// captured bytes.
public struct Dissector: Sendable {
    /// The link type of the capture the frames come from.
    public let linkType: LinkType
    /// The operator's 6rd domain, when known: 6rd is then told from 6in4 exactly.
    public let sixRD: SixRDDomain?

    public init(linkType: LinkType, sixRD: SixRDDomain? = nil) {
        self.linkType = linkType
        self.sixRD = sixRD
    }

    /// Decodes one frame. `wireLength` is the frame's length on the wire: when more than the
    /// captured bytes (a snap length cut it), IP and UDP lengths beyond the capture are not
    /// malformed.
    public func decode(_ bytes: RawSpan, wireLength: Int) -> DecodedPacket {
        // Each path builds the result in place: merged here, the optimiser would copy it field
        // by field (a hundred instructions a packet).
        if let segment = commonTCPSegment(bytes) { return packet(segment) }
        if let datagram = commonDNSDatagram(bytes) { return packet(datagram) }
        return decodeInGeneral(bytes, wireLength: wireLength)
    }

    /// `decode` for a frame that `readCommonTCPSegment` and `readCommonDNSDatagram` have both
    /// turned down: the general path alone.
    public func decode(uncommon bytes: RawSpan, wireLength: Int) -> DecodedPacket {
        decodeInGeneral(bytes, wireLength: wireLength)
    }

    @inline(never)
    private func packet(_ datagram: CommonDNSDatagram) -> DecodedPacket {
        DecodedPacket(linkType: linkType, datagram)
    }

    @inline(never)
    private func packet(_ segment: CommonTCPSegment) -> DecodedPacket {
        DecodedPacket(linkType: linkType, segment)
    }

    /// `decode` without the shortcuts for common TCP segments and DNS messages (for the tests
    /// that compare them).
    @inline(never)
    func decodeInGeneral(_ bytes: RawSpan, wireLength: Int) -> DecodedPacket {
        var state = Dissection(
            packet: DecodedPacket(linkType: linkType), snapped: wireLength > bytes.byteCount, sixRD: sixRD)
        state.packet.capturedLength = bytes.byteCount
        do {
            try state.link(bytes, linkType)
        } catch {
            state.note(error)
        }
        return state.packet
    }
}

/// The state of one frame's decode: the result so far and the encapsulation depth.
struct Dissection {
    var packet: DecodedPacket
    /// Whether the capture kept fewer bytes than the wire carried.
    let snapped: Bool
    let sixRD: SixRDDomain?
    var encapsulations = 0

    /// Keeps `error` unless an earlier one was met. Length fields that claim more bytes than were
    /// captured are noted this way and decoding goes on over the captured bytes, as tcpdump and
    /// Wireshark do, so what follows is still counted.
    mutating func note(_ error: DecodeError) {
        if packet.error == nil { packet.error = error }
    }

    /// Counts one more nested header (VLAN tag, IP header, tunnel, MPLS label).
    mutating func enter(_ layer: Layer) throws(DecodeError) {
        encapsulations += 1
        guard encapsulations <= Limits.encapsulations * 2 else {
            throw .limitExceeded(layer, .encapsulations)
        }
    }

    mutating func link(_ bytes: RawSpan, _ linkType: LinkType) throws(DecodeError) {
        let end = bytes.byteCount
        switch linkType {
        case .ethernet: try ethernet(bytes, at: 0, end: end)
        case .linuxSLL: try linuxSLL(bytes, end: end)
        case .linuxSLL2: try linuxSLL2(bytes, end: end)
        case .null, .loop: try null(bytes, end: end, bigEndian: linkType == .loop)
        case .raw: try ip(bytes, at: 0, end: end)
        case .ipv4: try ipv4(bytes, at: 0, end: end)
        case .ipv6: try ipv6(bytes, at: 0, end: end)
        case .slip:
            // BSD/OS SLIP: direction byte and 15 bytes of the compressed-header copy.
            try bytes.require(16, at: 0, .slip)
            try ip(bytes, at: 16, end: end)
        case .ppp, .pppHDLC: try ppp(bytes, at: 0, end: end)
        case .nflog: try nflog(bytes, end: end)
        default: break
        }
    }

    /// An IP packet whose version nibble says which IP it is (raw IP, MPLS, GTP-U payloads).
    mutating func ip(_ bytes: RawSpan, at offset: Int, end: Int) throws(DecodeError) {
        guard offset < end else { throw .truncated(.ipv4, offset: offset, need: 1, have: 0) }
        switch try bytes.uint8(at: offset, .ipv4) >> 4 {
        case 4: try ipv4(bytes, at: offset, end: end)
        case 6: try ipv6(bytes, at: offset, end: end)
        default: throw .invalid(.ipv4, .version)
        }
    }

    /// The payload after an EtherType (Ethernet, VLAN, SLL, GRE, Geneve).
    mutating func etherPayload(
        _ bytes: RawSpan, type: UInt16, at start: Int, end: Int
    ) throws(DecodeError) {
        var type = EtherType(rawValue: type)
        var offset = start
        while type == .vlan || type == .qinq || type == .qinqLegacy {
            try enter(.vlan)
            let tci = try bytes.uint16(at: offset, .vlan)
            if packet.vlanTags == 0 { packet.vlanID = tci & 0x0FFF }
            packet.vlanTags += 1
            type = EtherType(rawValue: try bytes.uint16(at: offset + 2, .vlan))
            offset += 4
        }
        switch type {
        case .ipv4: try ipv4(bytes, at: offset, end: end)
        case .ipv6: try ipv6(bytes, at: offset, end: end)
        case .pppoeSession: try pppoe(bytes, at: offset, end: end)
        case .mplsUnicast, .mplsMulticast: try mpls(bytes, at: offset, end: end)
        case .transparentEthernet: try ethernet(bytes, at: offset, end: end)
        case .ppp: try ppp(bytes, at: offset, end: end)
        default: break
        }
    }
}
