/// How a subscriber line is given IPv4 and IPv6: the transition mechanisms a broadband operator
/// chooses among (compared in RFC 9313).
public enum ProvisioningMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Native IPv4 with a public address, plus native IPv6 (RFC 4213).
    case dualStack
    /// Native IPv6 plus IPv4 that goes through a carrier-grade NAT (NAT444; RFC 6888, shared
    /// space RFC 6598) when the pool runs short; who is NATed is decided by address scarcity, so
    /// the model treats it as dual-stack.
    case dualStackCGNAT
    /// IPv6-only access; IPv4 tunnelled to an AFTR, which is a CGN (DS-Lite, RFC 6333).
    case dsLite
    /// IPv4-only access; IPv6 tunnelled over it to a border relay (6rd, RFC 5969).
    case sixRD = "6rd"
    /// IPv6-only access; IPv4 translated by the CPE and a NAT64 (464XLAT, RFC 6877; RFC 6146).
    case xlat464 = "464xlat"
    /// IPv6-only access; stateless address and port sharing by translation (MAP-T, RFC 7599).
    case mapT
    /// IPv6-only access; stateless address and port sharing by encapsulation (MAP-E, RFC 7597).
    case mapE

    /// Where a subscriber's IPv4 traffic goes and what it costs in public addresses.
    public enum IPv4Service: Sendable, Hashable {
        /// A public address of its own while the pool lasts (NAT444 when it runs short).
        case publicAddress
        /// Shared through a stateful translator by design (DS-Lite's AFTR, 464XLAT's NAT64):
        /// counts against CGN sessions and throughput, and the CGN's port plan sets the addresses.
        case statefulSharing
        /// Shared statelessly: a fixed port set of one address, no CGN state (MAP).
        case statelessSharing
    }

    /// How the subscriber's IPv4 is served.
    public var ipv4Service: IPv4Service {
        switch self {
        case .dualStack, .dualStackCGNAT, .sixRD: .publicAddress
        case .dsLite, .xlat464: .statefulSharing
        case .mapT, .mapE: .statelessSharing
        }
    }

    /// Whether the access network itself must carry IPv6 (BNG and access nodes ready): every mode
    /// but 6rd, which tunnels IPv6 over IPv4 to a border relay.
    public var needsNativeIPv6Access: Bool { self != .sixRD }

    /// Whether the CPE must implement the mechanism beyond plain dual-stack (a B4, a 6rd CE, a
    /// CLAT, a MAP CE).
    public var needsSpecialCPE: Bool {
        switch self {
        case .dualStack, .dualStackCGNAT: false
        case .dsLite, .sixRD, .xlat464, .mapT, .mapE: true
        }
    }

    /// Public IPv4 addresses `subscribers` on this mode hold, given the CGN or MAP port plan.
    public func publicAddresses(for subscribers: Int, portPlan: CGNATPortPlan) -> Int {
        switch ipv4Service {
        case .publicAddress: subscribers
        case .statefulSharing, .statelessSharing: portPlan.addressesNeeded(for: subscribers)
        }
    }
}
