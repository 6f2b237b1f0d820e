import Packets

/// What the active checks send, beyond a router solicitation and a DHCPv6 information-request.
public struct ActiveOptions: Sendable, Hashable {
    /// Names to query (AAAA and A): none by default, so the probe asks no public name unbidden.
    public var names: [String] = []
    /// The resolver to ask; nil for the one learnt from the RA's RDNSS or DHCPv6.
    public var dnsServer: IPAddress?
    /// Services to connect to over IPv6 and IPv4.
    public var targets: [ActiveTarget] = []
    /// Whether to solicit a delegated prefix (IA_PD): the advertisement is reported, never taken.
    public var requestPrefix = false
    /// Seconds to wait for each answer.
    public var timeout = 2.0
    /// Times a router solicitation or DHCPv6 message is sent before giving up.
    public var attempts = 3

    public init() {}
}

/// A service to connect to: a host (name or address) and a TCP port.
public struct ActiveTarget: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: UInt16

    /// Parses "host:port", "[2001:db8::1]:443" or "192.0.2.1:80".
    public init(_ text: String) throws(ActiveError) {
        let host: Substring
        let port: Substring
        if text.hasPrefix("["), let close = text.firstIndex(of: "]"), text[close...].hasPrefix("]:") {
            host = text[text.index(after: text.startIndex)..<close]
            port = text[text.index(close, offsetBy: 2)...]
        } else if let colon = text.lastIndex(of: ":"), !text[..<colon].contains(":") {
            host = text[..<colon]
            port = text[text.index(after: colon)...]
        } else {
            throw .badTarget(text)
        }
        guard !host.isEmpty, let number = UInt16(port), number > 0 else { throw .badTarget(text) }
        self.host = String(host)
        self.port = number
    }

    /// The host as an address when it is one.
    var address: IPAddress? {
        if let v6 = IPv6Address(host) { return .v6(v6) }
        if let v4 = IPv4Address(host) { return .v4(v4) }
        return nil
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

/// One active check: what was sent, and what came back.
public struct ActiveResult: Sendable, Hashable, Codable {
    /// `router-solicitation`, `dhcpv6-information-request`, `dhcpv6-prefix`, `dns`, `tcp`.
    public var check: String
    /// What was sent, to where ("router solicitation to ff02::2 on eth0").
    public var sent: String
    /// Packets sent (each check sends a bounded number).
    public var packets: Int
    public var answered: Bool
    /// Seconds from the first packet sent to the answer.
    public var seconds: Double?
    /// What came back, or why nothing did.
    public var answer: String
}
