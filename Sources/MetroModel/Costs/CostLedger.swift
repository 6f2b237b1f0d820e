/// Money spent month by month, by item: what the KPIs, the cumulative columns and the plan's
/// value against its baseline are all read from.
public struct CostLedger: Sendable, Hashable, Codable {
    /// Spending per item (index: `CostItem.allCases` order) per month; sales negative.
    public private(set) var flows: [[Double]]
    /// Per item, the months before the current one, summed as they close (so a total is not a
    /// pass over every month, each month).
    private var closed: [Double]

    /// An empty ledger.
    public init() {
        flows = Array(repeating: [], count: CostItem.allCases.count)
        closed = Array(repeating: 0, count: CostItem.allCases.count)
    }

    /// Starts a month with nothing spent in it yet.
    public mutating func beginMonth() {
        for index in flows.indices {
            if let last = flows[index].last { closed[index] += last }
            flows[index].append(0)
        }
    }

    /// Records `amount` spent on `item` in the current month.
    public mutating func spend(_ amount: Double, on item: CostItem) {
        let index = Self.index(item)
        flows[index][flows[index].count - 1] += amount
    }

    /// Months recorded.
    public var months: Int { flows[0].count }

    /// The monthly flows of `item`.
    public func flows(of item: CostItem) -> [Double] { flows[Self.index(item)] }

    /// Total spent on `item` so far.
    public func total(_ item: CostItem) -> Double {
        let index = Self.index(item)
        return closed[index] + (flows[index].last ?? 0)
    }

    /// Total spent on the items that `include` selects, so far.
    public func total(where include: (CostItem) -> Bool) -> Double {
        CostItem.allCases.filter(include).reduce(0) { $0 + total($1) }
    }

    /// The present value of the costs of the items `include` selects, at `rate` (money out
    /// positive).
    public func presentCost(rate: NetPresentValue, where include: (CostItem) -> Bool) -> Double {
        CostItem.allCases.filter(include).reduce(0) { $0 + rate.value(of: flows(of: $1)) }
    }

    static func index(_ item: CostItem) -> Int {
        CostItem.allCases.firstIndex(of: item)!
    }
}
