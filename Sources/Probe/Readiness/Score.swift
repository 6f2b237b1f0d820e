/// The readiness score: a weighted share of the applicable checks that pass.
///
/// score = round(100 × Σ wᵢ·sᵢ / Σ wᵢ) over checks that are not "n/a", where sᵢ is 1 for pass,
/// 0.5 for warn and 0 for fail, and wᵢ is the check's weight below (what a broken check costs
/// users: IPv6 that breaks connections or is absent weighs most). No applicable check: no score.
public enum Score {
    /// Weights by check id; a check not listed weighs 1.
    public static let weights: [String: Int] = [
        "ipv6-traffic": 3,
        "ipv6-connectivity": 3,
        "router-advertisements": 2,
        "rogue-ra": 2,
        "dns-aaaa": 2,
        "host-addresses": 2,
        "dns-configuration": 1,
        "dhcpv6": 1,
        "prefix-delegation": 1,
        "address-privacy": 1,
        "path-mtu": 1,
        "fragments": 1,
        "transition": 1,
        "malformed": 1,
        // Whether the captures were read whole says how far to trust the others, not how ready
        // the network is: it does not count.
        "capture": 0,
    ]

    /// The score of `checks`, or nil when none applies.
    public static func of(_ checks: [Check]) -> Int? {
        var total = 0.0
        var earned = 0.0
        for check in checks where check.status != .notApplicable {
            let weight = Double(weights[check.id] ?? 1)
            total += weight
            switch check.status {
            case .pass: earned += weight
            case .warn: earned += weight / 2
            default: break
            }
        }
        guard total > 0 else { return nil }
        return Int((100 * earned / total).rounded())
    }
}
