/// The encapsulations a frame passed through, as a bit set.
public struct TunnelSet: OptionSet, Hashable, Sendable {
    public var rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// IPv6 in IPv4 (protocol 41) not recognised as 6to4 or 6rd: a configured 6in4 tunnel.
    public static let sixInFour = TunnelSet(rawValue: 1 << 0)
    /// IPv6 in IPv4 with 2002::/16 addresses embedding the IPv4 endpoint (RFC 3056).
    public static let sixToFour = TunnelSet(rawValue: 1 << 1)
    /// IPv6 in IPv4 whose IPv6 prefix embeds the IPv4 endpoint after an ISP prefix (RFC 5969).
    public static let sixRD = TunnelSet(rawValue: 1 << 2)
    /// IPv6 in UDP (port 3544, or a UDP payload that is an exact IPv6 packet) (RFC 4380).
    public static let teredo = TunnelSet(rawValue: 1 << 3)
    /// IPv4 in IPv6 (next header 4), the DS-Lite softwire (RFC 6333).
    public static let ipv4InIPv6 = TunnelSet(rawValue: 1 << 4)
    /// IPv6 in IPv6 (next header 41) (RFC 2473), as SRv6 encapsulation uses.
    public static let ipv6InIPv6 = TunnelSet(rawValue: 1 << 5)
    public static let gre = TunnelSet(rawValue: 1 << 6)
    public static let vxlan = TunnelSet(rawValue: 1 << 7)
    public static let geneve = TunnelSet(rawValue: 1 << 8)
    /// GTP-U user plane (UDP 2152), as mobile cores carry subscriber IP.
    public static let gtpU = TunnelSet(rawValue: 1 << 9)
    /// AYIYA (UDP 5072), the SixXS tunnel broker protocol.
    public static let ayiya = TunnelSet(rawValue: 1 << 10)
    /// IPv4 in IPv4 (protocol 4).
    public static let ipv4InIPv4 = TunnelSet(rawValue: 1 << 11)
    public static let mpls = TunnelSet(rawValue: 1 << 12)

    /// Every kind with its report name, in report order.
    public static let named: [(TunnelSet, String)] = [
        (.sixInFour, "6in4"), (.sixToFour, "6to4"), (.sixRD, "6rd"), (.teredo, "teredo"),
        (.ipv4InIPv6, "ipv4-in-ipv6"), (.ipv6InIPv6, "ipv6-in-ipv6"), (.gre, "gre"), (.vxlan, "vxlan"),
        (.geneve, "geneve"), (.gtpU, "gtp-u"), (.ayiya, "ayiya"), (.ipv4InIPv4, "ipv4-in-ipv4"),
        (.mpls, "mpls"),
    ]
}
