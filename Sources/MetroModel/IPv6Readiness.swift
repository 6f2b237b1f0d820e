/// Why a district's subscribers have working IPv6 or not: the shares of the pieces their IPv6
/// needs, whose product is the share available, and the share of those who switched it on.
public struct IPv6Readiness: Sendable, Hashable, Codable {
    /// CPEs able to carry the district's mode (capable, and for DS-Lite, 464XLAT or MAP also
    /// implementing the mechanism: `cpes.mechanismShare`).
    public var cpe: Double
    /// The district's BNGs ready for dual stack (1 where the mode needs no native IPv6 access).
    public var bng: Double
    /// Subscribers whose access node carries IPv6 (1 where the mode needs no native access).
    public var access: Double
    /// Whether a provisioning mode is switched on.
    public var modeOn: Bool
    /// Of the subscribers, the share who switched IPv6 on or were opted in (0 with no mode).
    public var uptake: Double

    /// The readiness; see the properties.
    public init(cpe: Double, bng: Double, access: Double, modeOn: Bool, uptake: Double) {
        self.cpe = cpe
        self.bng = bng
        self.access = access
        self.modeOn = modeOn
        self.uptake = uptake
    }
}

/// Subscribers of one access technology and how many of them have IPv6 available and on.
public struct TechnologyIPv6: Sendable, Hashable, Codable {
    public var subscribers = 0
    /// Those whose CPE, BNG and access node of this technology allow IPv6 (rounded per district).
    public var ipv6AvailableSubscribers = 0
    /// Those with working IPv6.
    public var ipv6EnabledSubscribers = 0

    public init() {}
}
