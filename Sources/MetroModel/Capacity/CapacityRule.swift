import RealModule

/// A rule that adds capacity ahead of demand, as network planning does: when the load forecast
/// `leadMonths` ahead would put utilisation above `threshold`, order enough modules of
/// `moduleSize` to bring it back under; they enter service `leadMonths` after the order.
///
/// The forecast extends the growth of the last twelve months (or as many as there are) at its
/// monthly compound rate, or along the last month's straight line when the load started from
/// nothing within them; a falling load is forecast flat.
public struct CapacityRule: Sendable, Hashable, Codable {
    /// One module's capacity (Gbit/s, BNGs, addresses).
    public var moduleSize: Double
    /// The utilisation the forecast may reach (0.8 = order at 80%).
    public var threshold: Double
    /// Months from order to service, and how far ahead the forecast looks.
    public var leadMonths: Int

    /// A rule; see the properties.
    public init(moduleSize: Double, threshold: Double, leadMonths: Int) {
        precondition(
            moduleSize > 0 && threshold > 0 && leadMonths >= 0,
            "a rule needs a module, a threshold and a lead ≥ 0")
        self.moduleSize = moduleSize
        self.threshold = threshold
        self.leadMonths = leadMonths
    }

    /// The load `leadMonths` after the last of `history` (one load a month, oldest first).
    public func forecast(_ history: ArraySlice<Double>) -> Double {
        guard let last = history.last else { return 0 }
        let span = Swift.min(12, history.count - 1)
        guard span > 0 else { return last }
        let old = history[history.endIndex - 1 - span]
        guard last > old else { return last }
        guard old > 0 else {
            let previous = history[history.endIndex - 2]
            return last + Swift.max(0, last - previous) * Double(leadMonths)
        }
        return last * Double.pow(last / old, Double(leadMonths) / Double(span))
    }

    /// Modules to order now, given the load `history` (plus `extra` load foreseen otherwise), the
    /// capacity in service and on order; at most `maximumOrder` (the scenario checks keep real
    /// demand far below it, so only a runaway extrapolation is trimmed).
    public func modulesToOrder(history: ArraySlice<Double>, extra: Double = 0, capacity: Double) -> Int {
        let needed = (forecast(history) + extra) / threshold - capacity
        guard needed > 0 else { return 0 }
        return Int(Swift.min((needed / moduleSize).rounded(.up), Self.maximumOrder))
    }

    /// The most modules one order holds.
    public static let maximumOrder = 1e15
}

/// The capacity rules of a network; a rule left out adds nothing.
public struct CapacityRules: Sendable, Hashable, Codable {
    /// CGN throughput (module in Gbit/s; utilisation counts sessions too).
    public var cgnat: CapacityRule?
    /// BNGs (module in BNGs; utilisation = sessions over the district's session limit). New BNGs
    /// are dual-stack.
    public var bngs: CapacityRule?
    /// District uplinks and the metro core (module in Gbit/s).
    public var uplinks: CapacityRule?
    /// Public IPv4 (module in addresses, whole /24 blocks): bought while the month's price is at
    /// most `ipv4MaximumPrice`; NAT444 takes what is not bought.
    public var ipv4: CapacityRule?
    /// The highest price per address the IPv4 rule pays.
    public var ipv4MaximumPrice: Double

    /// Rules; see the properties.
    public init(
        cgnat: CapacityRule? = nil, bngs: CapacityRule? = nil, uplinks: CapacityRule? = nil,
        ipv4: CapacityRule? = nil, ipv4MaximumPrice: Double = 0
    ) {
        self.cgnat = cgnat
        self.bngs = bngs
        self.uplinks = uplinks
        self.ipv4 = ipv4
        self.ipv4MaximumPrice = ipv4MaximumPrice
    }
}
