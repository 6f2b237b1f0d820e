/// An ICMPv6 message type (IANA "ICMPv6 Parameters"). Open: unknown types are kept as numbers.
public struct ICMPv6Type: RawRepresentable, Hashable, Sendable {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let destinationUnreachable = ICMPv6Type(rawValue: 1)
    public static let packetTooBig = ICMPv6Type(rawValue: 2)
    public static let timeExceeded = ICMPv6Type(rawValue: 3)
    public static let parameterProblem = ICMPv6Type(rawValue: 4)
    public static let echoRequest = ICMPv6Type(rawValue: 128)
    public static let echoReply = ICMPv6Type(rawValue: 129)
    public static let routerSolicitation = ICMPv6Type(rawValue: 133)
    public static let routerAdvertisement = ICMPv6Type(rawValue: 134)
    public static let neighborSolicitation = ICMPv6Type(rawValue: 135)
    public static let neighborAdvertisement = ICMPv6Type(rawValue: 136)
    public static let redirect = ICMPv6Type(rawValue: 137)

    /// Whether the message quotes the packet that caused it (types 0-127 are errors).
    public var isError: Bool { rawValue < 128 }

    /// The fewest bytes a neighbour discovery message of this type has (RFC 4861 §6.1 to 8.1:
    /// "ICMP length is N or more octets"); nil for the other types.
    public var minimumLength: Int? {
        switch rawValue {
        case 133: 8
        case 134: 16
        case 135, 136: 24
        case 137: 40
        default: nil
        }
    }

    /// A readable name for reports.
    public var name: String {
        switch rawValue {
        case 1: "destination unreachable"
        case 2: "packet too big"
        case 3: "time exceeded"
        case 4: "parameter problem"
        case 128: "echo request"
        case 129: "echo reply"
        case 130: "MLD query"
        case 131: "MLD report"
        case 132: "MLD done"
        case 133: "router solicitation"
        case 134: "router advertisement"
        case 135: "neighbor solicitation"
        case 136: "neighbor advertisement"
        case 137: "redirect"
        case 138: "router renumbering"
        case 143: "MLDv2 report"
        default: "type \(rawValue)"
        }
    }
}
