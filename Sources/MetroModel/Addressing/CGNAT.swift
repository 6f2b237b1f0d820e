/// Carrier-grade NAT arithmetic: how many subscribers share one public IPv4 address, and how many
/// addresses a CGNAT needs.
///
/// Each public address offers 65,536 ports, of which the well-known range 0–1023 is not handed
/// out, leaving 64,512; a subscriber gets a fixed block (RFC 6888 requires a per-subscriber limit
/// and sets no number; deployments use ~1,000 up to 8,000; RFC 7422 describes deterministic
/// blocks).
public struct CGNATPortPlan: Sendable, Hashable, Codable {
    /// Ports per public address that can be handed out (65,536 minus the 1,024 well-known ports).
    public static let usablePortsPerAddress = 64_512

    /// Ports reserved for each subscriber.
    public var portsPerSubscriber: Int

    /// A plan giving each subscriber `portsPerSubscriber` ports (1…64,512).
    public init(portsPerSubscriber: Int) {
        precondition(
            (1...Self.usablePortsPerAddress).contains(portsPerSubscriber),
            "ports per subscriber must be between 1 and \(Self.usablePortsPerAddress)")
        self.portsPerSubscriber = portsPerSubscriber
    }

    /// Subscribers behind one public address: ⌊64,512 / ports per subscriber⌋.
    public var sharingRatio: Int { Self.usablePortsPerAddress / portsPerSubscriber }

    /// Public addresses needed for `subscribers` behind the CGNAT: ⌈subscribers / sharing ratio⌉.
    public func addressesNeeded(for subscribers: Int) -> Int {
        precondition(subscribers >= 0, "subscribers cannot be negative")
        let ratio = sharingRatio
        return (subscribers + ratio - 1) / ratio
    }
}
