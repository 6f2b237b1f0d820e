/// A limit that bound during a run: the budget or the crews holding back a purchase, or a
/// resource over capacity.
public struct BindingConstraint: Sendable, Hashable, Codable {
    /// What bound: `capital`, `crews`, `cgnat`, `uplink`, `core`, `ponTrees`, `accessPorts`,
    /// `bngSessions` or `ipv4Addresses`.
    public var constraint: String
    /// The district (index) it bound in; nil for the city's.
    public var district: Int?
    /// The first month (from 0) it bound.
    public var firstMonth: Int
    /// The months it bound, as runs of consecutive months from the first to the last.
    public var periods: [ClosedRange<Int>]

    /// The last month it bound.
    public var lastMonth: Int { periods.last?.upperBound ?? firstMonth }
    /// Months in which it bound.
    public var months: Int { periods.reduce(0) { $0 + $1.count } }
}

/// The binding constraints met so far, each counted once a month.
struct ConstraintLog: Sendable, Hashable {
    private struct Key: Hashable {
        var constraint: String
        var district: Int?
    }
    private var entries: [Key: [ClosedRange<Int>]] = [:]
    private var order: [Key] = []

    mutating func note(_ constraint: String, district: Int?, month: Int) {
        let key = Key(constraint: constraint, district: district)
        guard let last = entries[key]?.last else {
            entries[key] = [month...month]
            order.append(key)
            return
        }
        guard month > last.upperBound else { return }
        // In place: the periods are not copied out of the dictionary and back.
        if month == last.upperBound + 1 {
            entries[key]![entries[key]!.count - 1] = last.lowerBound...month
        } else {
            entries[key]!.append(month...month)
        }
    }

    static func == (lhs: ConstraintLog, rhs: ConstraintLog) -> Bool { lhs.list == rhs.list }
    func hash(into hasher: inout Hasher) { hasher.combine(list) }

    /// The constraints, in the order first met.
    var list: [BindingConstraint] {
        order.map {
            let periods = entries[$0]!
            return BindingConstraint(
                constraint: $0.constraint, district: $0.district, firstMonth: periods[0].lowerBound,
                periods: periods)
        }
    }
}

/// The figures a plan is judged by.
public struct RolloutKPIs: Sendable, Hashable, Codable {
    /// The first month (from 0) with half the subscribers on working IPv6; nil if never.
    public var month50: Int?
    /// The first month with 90%; nil if never.
    public var month90: Int?
    /// The IPv6 share of traffic in the last month.
    public var finalIPv6TrafficShare: Double
    /// The highest CGN utilisation of any month.
    public var peakCGNATUtilization: Double
    /// Public IPv4 addresses bought.
    public var ipv4Purchased: Int
    /// Public IPv4 addresses sold.
    public var ipv4Sold: Int
    /// Net present value of all the plan run's cash flows (costs negative), discounted monthly.
    public var npv: Double
    /// The same for the baseline: the same city without the plan's actions.
    public var baselineNPV: Double
    /// `npv` − `baselineNPV`: positive when the plan saves money.
    public var incrementalNPV: Double
    /// `incrementalNPV` by cost group (programme, cgnat, ipv4, businessAsUsual); they add up to it.
    public var incrementalNPVByGroup: [String: Double]
    /// The programme's own spending, undiscounted.
    public var programmeCost: Double
    /// Home visits over the horizon.
    public var truckRolls: Int
    /// Months in which a link, the CGN, the ports or the BNG sessions were over capacity, or
    /// addresses ran short.
    public var unmetDemandMonths: Int
    /// Money spent over the horizon, undiscounted, by item (raw values of `CostItem`).
    public var costByItem: [String: Double]
    /// What bound, where, from when and for how long.
    public var bindingConstraints: [BindingConstraint]
}
