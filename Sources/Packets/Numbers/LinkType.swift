/// A capture's link-layer header type (tcpdump.org's LINKTYPE_ numbers).
public struct LinkType: RawRepresentable, Hashable, Sendable {
    public var rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// BSD loopback: a 4-byte address family in the writer's byte order.
    public static let null = LinkType(rawValue: 0)
    public static let ethernet = LinkType(rawValue: 1)
    /// BSD/OS SLIP: a 16-byte pseudo-header before the IP packet.
    public static let slip = LinkType(rawValue: 8)
    /// PPP with its 2-byte protocol field (RFC 1661), optionally behind HDLC address/control.
    public static let ppp = LinkType(rawValue: 9)
    /// PPP in HDLC-like framing (RFC 1662).
    public static let pppHDLC = LinkType(rawValue: 50)
    /// Raw IPv4 or IPv6, told apart by the version nibble.
    public static let raw = LinkType(rawValue: 101)
    /// OpenBSD loopback: like `null` but in network byte order.
    public static let loop = LinkType(rawValue: 108)
    /// Linux cooked capture v1.
    public static let linuxSLL = LinkType(rawValue: 113)
    public static let ipv4 = LinkType(rawValue: 228)
    public static let ipv6 = LinkType(rawValue: 229)
    /// Linux netfilter NFLOG.
    public static let nflog = LinkType(rawValue: 239)
    /// Linux cooked capture v2.
    public static let linuxSLL2 = LinkType(rawValue: 276)

    /// Whether `Dissector` decodes this link type.
    public var isSupported: Bool {
        switch rawValue {
        case 0, 1, 8, 9, 50, 101, 108, 113, 228, 229, 239, 276: true
        default: false
        }
    }
}
