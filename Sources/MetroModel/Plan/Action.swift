extension NetworkConfiguration {
    /// One dated action of the plan, months counted from the start.
    public struct Action: Sendable, Hashable, Codable {
        /// What an action does.
        public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
            /// Make BNGs dual-stack (software and licence), `amount` of them or all.
            case upgradeBNGs
            /// Make access nodes IPv6-ready: upgrade software where enough, else replace. Nodes
            /// that only pass PPPoE need neither.
            case upgradeAccessNodes
            /// Replace legacy CPEs, `amount` a month (or as many as crews allow), until `until`,
            /// until `total` are replaced, or until none is left.
            case cpeCampaign
            /// Push IPv6 firmware to the operator-managed legacy CPEs that can take it (no visit).
            case upgradeCPEFirmware
            /// Switch a provisioning mode on: subscribers whose equipment is ready opt in at the
            /// Bass rate.
            case enableMode
            /// Switch IPv6 on (opt-out) with a provisioning mode for every subscriber whose access
            /// node, BNG and CPE are ready.
            case switchOnIPv6
            /// Add `amount` Gbit/s of CGNAT throughput.
            case addCGNAT
            /// Buy `amount` public IPv4 addresses (whole /24 blocks) at the month's price.
            case buyIPv4

        }

        /// The month, from 0.
        public var month: Int
        /// What it does.
        public var kind: Kind
        /// The district (index) it applies to; nil for all.
        public var district: Int?
        /// The provisioning mode, for `enableMode` and `switchOnIPv6`.
        public var mode: ProvisioningMode?
        /// How much (units per kind).
        public var amount: Double?
        /// The order in which actions draw on the budget: lower first, ties in plan order.
        public var priority: Int
        /// The last month (from 0) a campaign runs; nil for no end date.
        public var until: Int?
        /// The most units a campaign replaces in all; nil for no total.
        public var total: Int?

        /// An action; see the properties.
        public init(
            month: Int, kind: Kind, district: Int? = nil, mode: ProvisioningMode? = nil,
            amount: Double? = nil,
            priority: Int = 0, until: Int? = nil, total: Int? = nil
        ) {
            self.month = month
            self.kind = kind
            self.district = district
            self.mode = mode
            self.amount = amount
            self.priority = priority
            self.until = until
            self.total = total
        }
    }
}
