/// What money goes on, grouped the way a plan is judged: the IPv6 programme's own costs, the CGN
/// and the IPv4 addresses it can save, and business as usual, which runs with or without it.
public enum CostItem: String, Sendable, Hashable, Codable, CaseIterable {
    /// Dual-stack BNG upgrades (plan).
    case bngUpgrades
    /// Access node software upgrades and replacements (plan).
    case accessNodeUpgrades
    /// CPE swap campaigns: gateways and visits (plan).
    case cpeCampaigns
    /// IPv6 firmware pushed to managed CPEs (plan).
    case cpeFirmware
    /// CGN throughput bought (plan or capacity rule).
    case cgnatCapacity
    /// Running the CGN for its subscribers: operation and logging.
    case cgnatOperation
    /// CGN subscribers' support calls and churn (an optional assumption).
    case cgnatSupport
    /// Public IPv4 addresses bought (plan or capacity rule).
    case ipv4Purchases
    /// Addresses sold (money in: negative).
    case ipv4Sales
    /// BNG chassis added for sessions (capacity rule).
    case bngCapacity
    /// Uplink and core capacity added (capacity rule).
    case uplinkCapacity
    /// New access nodes for subscriber growth.
    case growthNodes
    /// Failed CPEs replaced: gateways and visits.
    case cpeFailures
    /// Running costs per subscriber.
    case subscriberOperation

    /// The groups a plan's incremental value is told in.
    public enum Group: String, Sendable, Hashable, Codable, CaseIterable {
        /// The programme's own actions.
        case programme
        /// CGN capacity and running costs.
        case cgnat
        /// IPv4 bought and sold.
        case ipv4
        /// What the network costs anyway.
        case businessAsUsual
    }

    /// The item's group.
    public var group: Group {
        switch self {
        case .bngUpgrades, .accessNodeUpgrades, .cpeCampaigns, .cpeFirmware: .programme
        case .cgnatCapacity, .cgnatOperation, .cgnatSupport: .cgnat
        case .ipv4Purchases, .ipv4Sales: .ipv4
        case .bngCapacity, .uplinkCapacity, .growthNodes, .cpeFailures, .subscriberOperation: .businessAsUsual
        }
    }

    /// Whether it is capital spending (equipment, addresses) rather than running cost; sales are
    /// neither.
    public var isCapital: Bool {
        switch self {
        case .cgnatOperation, .cgnatSupport, .cpeFailures, .subscriberOperation, .ipv4Sales: false
        default: true
        }
    }

    /// Whether it is a running cost.
    public var isRunning: Bool {
        switch self {
        case .cgnatOperation, .cgnatSupport, .cpeFailures, .subscriberOperation: true
        default: false
        }
    }
}
