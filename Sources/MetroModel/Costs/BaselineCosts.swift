/// What a plan's money is judged against: the present costs of its baseline (the same city with
/// none of the plan's actions), in total and by cost group.
public struct BaselineCosts: Sendable, Hashable {
    /// The present value of every cost of the baseline (money out positive).
    public var presentCost: Double
    /// The same, by cost group.
    public var presentCostByGroup: [CostItem.Group: Double]

    /// The present costs of `ledger` at `rate`.
    init(ledger: CostLedger, rate: NetPresentValue) {
        presentCost = ledger.presentCost(rate: rate) { _ in true }
        presentCostByGroup = Dictionary(
            uniqueKeysWithValues: CostItem.Group.allCases.map { group in
                (group, ledger.presentCost(rate: rate) { $0.group == group })
            })
    }
}
