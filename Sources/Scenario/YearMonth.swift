/// A calendar month, written `YYYY-MM` in scenario files: the model's reporting step.
public struct YearMonth: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The year, e.g. 2011.
    public var year: Int
    /// The month, 1…12.
    public var month: Int

    /// The month `month` (1…12) of `year`.
    public init(year: Int, month: Int) {
        precondition((1...12).contains(month), "a month is 1…12")
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM`; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month)
        else { return nil }
        self.year = year
        self.month = month
    }

    /// Months from `self` to `other` (negative when `other` is earlier).
    public func months(to other: YearMonth) -> Int {
        (other.year - year) * 12 + (other.month - month)
    }

    /// The month `count` months later.
    public func adding(months count: Int) -> YearMonth {
        let index = year * 12 + (month - 1) + count
        return YearMonth(year: index / 12, month: index % 12 + 1)
    }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    public var description: String {
        let digits = String(month)
        return "\(year)-\(digits.count == 1 ? "0" + digits : digits)"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = YearMonth(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected YYYY-MM, found '\(text)'")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
