/// A yearly capital budget and a monthly crew capacity that plan actions and capacity rules draw
/// on; what they cannot cover slips to a later month.
public struct Budget: Sendable, Hashable, Codable {
    /// What stopped a purchase.
    public enum Limit: String, Sendable, Hashable, Codable, CaseIterable {
        /// The year's capital ran out.
        case capital
        /// The month's crew visits ran out.
        case crews
    }

    /// Capital that may be spent in each fiscal year, nil for no limit.
    public var yearlyCapex: Double?
    /// Site visits the crews can make in a month, nil for no limit.
    public var visitsPerMonth: Int?
    /// Months from the scenario's start to the first new fiscal year (0: the start opens one).
    public var fiscalYearOffset: Int
    /// What has been spent in the current fiscal year.
    public private(set) var spentThisYear: Double = 0
    /// Visits used in the current month.
    public private(set) var visitsThisMonth: Int = 0
    /// What held back the last `afford` that got less than it wanted; nil when it got all.
    public private(set) var lastLimit: Limit?
    private var year = 0
    private var month = 0

    /// A budget of `yearlyCapex` a fiscal year and `visitsPerMonth` visits a month; the first new
    /// fiscal year starts `fiscalYearOffset` months (0…11) after the scenario's start.
    public init(yearlyCapex: Double?, visitsPerMonth: Int?, fiscalYearOffset: Int = 0) {
        precondition((yearlyCapex ?? 0) >= 0 && (visitsPerMonth ?? 0) >= 0, "budgets cannot be negative")
        precondition((0..<12).contains(fiscalYearOffset), "a fiscal year starts within 12 months")
        self.yearlyCapex = yearlyCapex
        self.visitsPerMonth = visitsPerMonth
        self.fiscalYearOffset = fiscalYearOffset
        year = fiscalYear(of: 0)
    }

    /// The fiscal year (counted from the one the scenario starts in) of `month`.
    public func fiscalYear(of month: Int) -> Int {
        (month + 12 - fiscalYearOffset) / 12 - (fiscalYearOffset == 0 ? 1 : 0)
    }

    /// Starts month `month` (0-based from the scenario's start): a new fiscal year resets the
    /// capital, a new month the visits.
    public mutating func begin(month: Int) {
        precondition(month >= self.month, "months come in order")
        if fiscalYear(of: month) != year {
            year = fiscalYear(of: month)
            spentThisYear = 0
        }
        self.month = month
        visitsThisMonth = 0
    }

    /// Capital left this fiscal year.
    public var capexLeft: Double { yearlyCapex.map { Swift.max(0, $0 - spentThisYear) } ?? .infinity }
    /// Visits left this month.
    public var visitsLeft: Int { visitsPerMonth.map { Swift.max(0, $0 - visitsThisMonth) } ?? .max }

    /// How many of `wanted` units costing `unitCost` and `visitsPerUnit` site visits each fit in
    /// what is left; spends for them and returns the count (the rest slips, and `lastLimit` says
    /// why).
    public mutating func afford(_ wanted: Int, unitCost: Double, visitsPerUnit: Int = 0) -> Int {
        precondition(wanted >= 0 && unitCost >= 0 && visitsPerUnit >= 0, "wants and costs cannot be negative")
        var count = wanted
        lastLimit = nil
        if unitCost > 0 {
            let affordable = (capexLeft / unitCost).rounded(.down)
            if affordable < Double(count) {
                count = Int(affordable)
                lastLimit = .capital
            }
        }
        if visitsPerUnit > 0, visitsLeft / visitsPerUnit < count {
            count = visitsLeft / visitsPerUnit
            lastLimit = .crews
        }
        spentThisYear += Double(count) * unitCost
        visitsThisMonth += count * visitsPerUnit
        return count
    }
}
