/// IPv6 Next Header / IPv4 Protocol (IANA "Assigned Internet Protocol Numbers"). Open: unknown
/// values survive the decode and show up in the report as numbers.
public struct IPProtocol: RawRepresentable, Hashable, Sendable {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// IPv6 Hop-by-Hop Options [RFC 8200]
    public static let hopByHop = IPProtocol(rawValue: 0)
    public static let icmp = IPProtocol(rawValue: 1)
    /// IPv4 encapsulation [RFC 2003]; IPv4-in-IPv6 as DS-Lite uses it [RFC 6333]
    public static let ipv4 = IPProtocol(rawValue: 4)
    public static let tcp = IPProtocol(rawValue: 6)
    public static let udp = IPProtocol(rawValue: 17)
    /// IPv6 encapsulation: 6in4, 6to4, 6rd in IPv4; IPv6-in-IPv6 [RFC 2473]
    public static let ipv6 = IPProtocol(rawValue: 41)
    /// Routing Header for IPv6 [RFC 8200, RFC 8754]
    public static let routing = IPProtocol(rawValue: 43)
    /// Fragment Header for IPv6 [RFC 8200]
    public static let fragment = IPProtocol(rawValue: 44)
    public static let gre = IPProtocol(rawValue: 47)
    /// Encapsulating Security Payload [RFC 4303]: nothing after it can be read.
    public static let esp = IPProtocol(rawValue: 50)
    /// Authentication Header [RFC 4302]
    public static let authentication = IPProtocol(rawValue: 51)
    /// ICMP for IPv6 [RFC 4443]
    public static let icmpv6 = IPProtocol(rawValue: 58)
    /// No Next Header for IPv6 [RFC 8200]
    public static let noNextHeader = IPProtocol(rawValue: 59)
    /// Destination Options for IPv6 [RFC 8200]
    public static let destinationOptions = IPProtocol(rawValue: 60)
    /// Mobility Header [RFC 6275]
    public static let mobility = IPProtocol(rawValue: 135)
    /// Host Identity Protocol [RFC 7401]
    public static let hip = IPProtocol(rawValue: 139)
    /// Shim6 [RFC 5533]
    public static let shim6 = IPProtocol(rawValue: 140)
    /// Ethernet inside IPv6, as SRv6 End.DX2 uses it [RFC 8986]
    public static let ethernet = IPProtocol(rawValue: 143)

    /// Whether this number is an IPv6 extension header that carries a Next Header field and a
    /// length (RFC 7045's list, ESP excepted since nothing after it is readable).
    public var isIPv6ExtensionHeader: Bool {
        switch rawValue {
        case 0, 43, 44, 51, 60, 135, 139, 140, 253, 254: true
        default: false
        }
    }
}
