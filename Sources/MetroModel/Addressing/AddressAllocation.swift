/// Who gets a public IPv4 address of their own and who goes behind the CGN: NAT by address
/// scarcity, not by IPv6 mode.
///
/// Every subscriber on dual-stack or 6rd, and every one without working IPv6, keeps a public
/// address while the pool lasts; DS-Lite and 464XLAT subscribers reach IPv4 through a stateful
/// translator (the AFTR, the NAT64) and MAP subscribers through a stateless port set, both on the
/// port plan's shared addresses. When the pool is short, the fewest subscribers that make it fit
/// go behind the CGN (NAT444), drawn from dual-stack and IPv4-only subscribers in proportion
/// (the operator does not pick them by IPv6): the dual-stack ones' IPv6 traffic bypasses it.
public struct AddressAllocation: Sendable, Hashable {
    /// Subscribers with working IPv6 whose mode gives a public IPv4 address.
    public var dualStackWanting: Int
    /// Subscribers without working IPv6 (they all want a public address).
    public var ipv4OnlyWanting: Int
    /// Subscribers on stateful translation by design (DS-Lite, 464XLAT).
    public var statefulByMode: Int
    /// Subscribers on stateless sharing (MAP).
    public var stateless: Int
    /// Dual-stack subscribers moved behind the CGN for lack of addresses.
    public private(set) var natDualStack = 0
    /// IPv4-only subscribers moved behind the CGN for lack of addresses.
    public private(set) var natIPv4Only = 0
    /// Addresses the allocation uses (at most the pool, unless even full NAT does not fit).
    public private(set) var addressesUsed = 0
    /// Addresses it would use with nobody moved behind the CGN.
    public let addressesWanted: Int

    /// Allocates `pool` addresses to these subscribers under `plan`.
    public init(
        dualStackWanting: Int, ipv4OnlyWanting: Int, statefulByMode: Int, stateless: Int, pool: Int,
        plan: CGNATPortPlan
    ) {
        self.dualStackWanting = dualStackWanting
        self.ipv4OnlyWanting = ipv4OnlyWanting
        self.statefulByMode = statefulByMode
        self.stateless = stateless
        let wanting = dualStackWanting + ipv4OnlyWanting
        func addresses(overflow: Int) -> Int {
            (wanting - overflow) + plan.addressesNeeded(for: statefulByMode + overflow)
                + plan.addressesNeeded(for: stateless)
        }
        addressesWanted = addresses(overflow: 0)
        var overflow = 0
        if addressesWanted > pool {
            // Moving one more subscriber behind the CGN never needs more addresses: bisect.
            var low = 0
            var high = wanting
            while low < high {
                let middle = (low + high) / 2
                if addresses(overflow: middle) <= pool { high = middle } else { low = middle + 1 }
            }
            overflow = low
        }
        natDualStack =
            wanting > 0 ? Int((Double(overflow) * Double(dualStackWanting) / Double(wanting)).rounded()) : 0
        natIPv4Only = overflow - natDualStack
        addressesUsed = addresses(overflow: overflow)
    }

    /// Subscribers moved behind the CGN for lack of addresses.
    public var overflow: Int { natDualStack + natIPv4Only }
    /// Subscribers whose IPv4 goes through a stateful NAT (CGN, AFTR or NAT64).
    public var natSubscribers: Int { statefulByMode + overflow }
    /// Subscribers with a public address of their own.
    public var publicSubscribers: Int { dualStackWanting + ipv4OnlyWanting - overflow }

    /// NAT subscribers weighted by the share of their traffic still on IPv4, when an IPv6
    /// subscriber sends `ipv6Share` of its traffic over IPv6: the CGN's load in subscribers.
    public func natEquivalentSubscribers(ipv6Share: Double) -> Double {
        Double(statefulByMode + natDualStack) * (1 - ipv6Share) + Double(natIPv4Only)
    }
}
