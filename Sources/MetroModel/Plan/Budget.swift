/// A yearly capital budget and a monthly crew capacity that plan actions draw on; what they
/// cannot cover slips to a later month.
public struct Budget: Sendable, Hashable, Codable {
    /// Capital that may be spent in each plan year (from the scenario's start), nil for no limit.
    public var yearlyCapex: Double?
    /// Site visits the crews can make in a month, nil for no limit.
    public var visitsPerMonth: Int?
    /// What has been spent in the current plan year.
    public private(set) var spentThisYear: Double = 0
    /// Visits used in the current month.
    public private(set) var visitsThisMonth: Int = 0
    private var year = 0
    private var month = 0

    /// A budget of `yearlyCapex` a year and `visitsPerMonth` visits a month.
    public init(yearlyCapex: Double?, visitsPerMonth: Int?) {
        precondition((yearlyCapex ?? 0) >= 0 && (visitsPerMonth ?? 0) >= 0, "budgets cannot be negative")
        self.yearlyCapex = yearlyCapex
        self.visitsPerMonth = visitsPerMonth
    }

    /// Starts month `month` (0-based from the scenario's start): a new year resets the capital,
    /// a new month the visits.
    public mutating func begin(month: Int) {
        precondition(month >= self.month, "months come in order")
        if month / 12 != year {
            year = month / 12
            spentThisYear = 0
        }
        self.month = month
        visitsThisMonth = 0
    }

    /// Capital left this year.
    public var capexLeft: Double { yearlyCapex.map { Swift.max(0, $0 - spentThisYear) } ?? .infinity }
    /// Visits left this month.
    public var visitsLeft: Int { visitsPerMonth.map { Swift.max(0, $0 - visitsThisMonth) } ?? .max }

    /// How many of `wanted` units costing `unitCost` and `visitsPerUnit` site visits each fit in
    /// what is left; spends for them and returns the count (the rest slips).
    public mutating func afford(_ wanted: Int, unitCost: Double, visitsPerUnit: Int = 0) -> Int {
        precondition(wanted >= 0 && unitCost >= 0 && visitsPerUnit >= 0, "wants and costs cannot be negative")
        var count = wanted
        if unitCost > 0 {
            let affordable = (capexLeft / unitCost).rounded(.down)
            if affordable < Double(count) { count = Int(affordable) }
        }
        if visitsPerUnit > 0 { count = Swift.min(count, visitsLeft / visitsPerUnit) }
        spentThisYear += Double(count) * unitCost
        visitsThisMonth += count * visitsPerUnit
        return count
    }
}
