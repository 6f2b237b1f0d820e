/// What the dissector learned about one frame: parsed fields and byte offsets, never the bytes
/// themselves, so it can outlive the capture buffer. Decoding stops at the first error, which is
/// kept in `error` beside every layer decoded before it.
public struct DecodedPacket: Sendable, Equatable {
    /// The capture's link type.
    public var linkType: LinkType
    /// Bytes captured for this frame.
    public var capturedLength = 0
    /// Ethernet (or cooked-capture) source and destination hardware addresses, when the frame has them.
    public var sourceMAC: MACAddress?
    public var destinationMAC: MACAddress?
    /// The outermost 802.1Q VLAN identifier, and how many VLAN tags the frame carried.
    public var vlanID: UInt16?
    public var vlanTags = 0
    /// Whether the frame was a PPPoE session frame, and the PPP protocol it carried.
    public var isPPPoE = false
    public var pppProtocol: UInt16?
    /// The first IP header of the frame (what the access network carries).
    public var outer: IPHeaderInfo?
    /// The innermost IP header whose payload was decoded (after tunnels); equals `outer` when
    /// there is no tunnel.
    public var network: IPHeaderInfo?
    /// How many IPv4 and IPv6 headers the frame carried (tunnels add to them; headers quoted
    /// inside ICMP errors do not count).
    public var ipv4Headers = 0
    public var ipv6Headers = 0
    /// Encapsulations met on the way in.
    public var tunnels: TunnelSet = []
    /// IPv6 extension headers walked (all IPv6 headers of the frame together).
    public var extensionHeaders = 0
    /// The fragment header or IPv4 fragment fields of the innermost fragmented header.
    public var fragment: FragmentInfo?
    /// The transport header after the innermost IP header.
    public var transport: TransportInfo = .none
    /// Where an application message the probe analyses starts and how long it is.
    public var application: ApplicationInfo?
    /// The first error met; nil when every layer decoded.
    public var error: DecodeError?

    public init(linkType: LinkType) {
        self.linkType = linkType
    }
}

/// One IP header's addresses and where its payload lies in the frame.
public struct IPHeaderInfo: Sendable, Hashable {
    public var source: IPAddress
    public var destination: IPAddress
    /// The upper-layer protocol after any extension headers.
    public var upperProtocol: IPProtocol
    /// The header's offset in the frame, and its total length as declared (0 when unknown).
    public var offset: Int
    public var declaredLength: Int

    public var isIPv6: Bool {
        if case .v6 = source { return true }
        return false
    }
}

/// Fragmentation fields of an IPv4 header or IPv6 fragment header.
public struct FragmentInfo: Sendable, Hashable {
    public var isIPv6: Bool
    /// Offset of this fragment's data in the original packet, in bytes.
    public var offset: Int
    public var moreFragments: Bool
    public var identification: UInt32

    /// An IPv6 fragment header with offset 0 and no more fragments (RFC 6946): not really fragmented.
    public var isAtomic: Bool { offset == 0 && !moreFragments }
}

/// The transport header of a frame.
public enum TransportInfo: Sendable, Hashable {
    case none
    case tcp(TCPHeader)
    case udp(UDPHeader)
    case icmpv6(ICMPv6Header)
    case icmpv4(type: UInt8, code: UInt8)
    /// A protocol the dissector does not decode (ESP, SCTP, ...), or a non-first fragment's.
    case other(IPProtocol)
}

/// An application message's place in the frame.
public enum ApplicationInfo: Sendable, Hashable {
    /// A DHCPv6 message (UDP 546/547).
    case dhcpv6(offset: Int, length: Int)
    /// A DNS message (UDP or TCP 53, mDNS 5353, LLMNR 5355); over TCP, after the length prefix.
    case dns(offset: Int, length: Int)
}
