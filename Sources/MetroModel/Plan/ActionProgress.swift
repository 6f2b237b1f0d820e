/// How a plan action was carried out: when it first did something, when it finished, how long it
/// was held back and by what. The report shows the plan this way, not as written.
public struct ActionProgress: Sendable, Hashable, Codable {
    /// The action as planned.
    public var action: NetworkConfiguration.Action
    /// The first month (from 0) it bought or switched anything; nil if never.
    public var firstMonth: Int?
    /// The month it finished (or its campaign ended); nil if it never did within the horizon.
    public var doneMonth: Int?
    /// Months in which it wanted more than the budget or the crews allowed.
    public var slippedMonths = 0
    /// What held it back, in the order first met.
    public var limits: [Budget.Limit] = []
    /// Units done (BNGs, nodes, CPEs, Gbit/s, addresses; districts for switching modes).
    public var units = 0.0
    private var lastSlip: Int?

    /// An action not yet started.
    public init(action: NetworkConfiguration.Action) {
        self.action = action
    }

    /// Whether it is finished.
    public var isDone: Bool { doneMonth != nil }

    mutating func record(units done: Double, month: Int) {
        guard done > 0 else { return }
        units += done
        if firstMonth == nil { firstMonth = month }
    }

    /// Notes that it got less than it wanted in `month`; returns whether that month is new.
    @discardableResult
    mutating func slip(_ limit: Budget.Limit?, month: Int) -> Bool {
        let new = lastSlip != month
        if new { slippedMonths += 1 }
        lastSlip = month
        if let limit, !limits.contains(limit) { limits.append(limit) }
        return new
    }
}
