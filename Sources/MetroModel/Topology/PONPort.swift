/// A passive optical network port and the fibre tree behind it: the shared capacity every
/// subscriber on the tree divides.
public struct PONPort: Sendable, Hashable, Codable {
    /// The PON standards and their line rates (ITU-T G.984 for GPON, G.987 for XG-PON, IEEE
    /// 802.3ah for EPON).
    public enum Standard: String, Sendable, Hashable, Codable, CaseIterable {
        case gpon
        case xgpon
        case epon

        /// Downstream line rate, Mbit/s.
        public var downstreamMbps: Double {
            switch self {
            case .gpon: 2_488.32
            case .xgpon: 9_953.28
            case .epon: 1_000
            }
        }

        /// Upstream line rate, Mbit/s.
        public var upstreamMbps: Double {
            switch self {
            case .gpon: 1_244.16
            case .xgpon: 2_488.32
            case .epon: 1_000
            }
        }
    }

    /// The standard the port runs.
    public var standard: Standard
    /// The splitter ratio: ONTs the tree can reach (1:16 … 1:128).
    public var split: Int

    /// A port of `standard` feeding a 1:`split` tree.
    public init(standard: Standard, split: Int) {
        precondition(split >= 1, "a split ratio is at least 1")
        self.standard = standard
        self.split = split
    }

    /// Downstream Mbit/s per subscriber when `subscribers` share the tree (the whole port for
    /// one; nil for none).
    public func downstreamShare(subscribers: Int) -> Double? {
        precondition(subscribers <= split, "\(subscribers) subscribers do not fit a 1:\(split) tree")
        return subscribers > 0 ? standard.downstreamMbps / Double(subscribers) : nil
    }

    /// Utilisation of the downstream when each of `subscribers` draws `busyHourMbps`.
    public func utilization(subscribers: Int, busyHourMbps: Double) -> Double {
        Double(subscribers) * busyHourMbps / standard.downstreamMbps
    }

    /// Ports needed for `subscribers` at a take-up `fill` of each tree (0 < fill ≤ 1).
    public func portsNeeded(for subscribers: Int, fill: Double = 1) -> Int {
        precondition(fill > 0 && fill <= 1, "the fill of a tree is in (0, 1]")
        let perPort = Swift.max(1, Int((Double(split) * fill).rounded(.down)))
        return (subscribers + perPort - 1) / perPort
    }
}
