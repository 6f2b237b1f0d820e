import Foundation

/// A plan gate: a KPI, one of its statistics over replications, a comparison and a limit, as
/// written `month50 <= 2019-12`, `incrementalNPV > 0` or `p90(month90) <= 2022-06`.
public struct Expectation: Sendable, Hashable, CustomStringConvertible {
    /// Which value over the replications is compared.
    public enum Statistic: String, Sendable, Hashable, CaseIterable {
        case p10, p50, p90, mean
    }

    /// How the value is compared with the limit.
    public enum Comparison: String, Sendable, Hashable, CaseIterable {
        case lessOrEqual = "<="
        case greaterOrEqual = ">="
        case equal = "=="
        case notEqual = "!="
        case less = "<"
        case greater = ">"

        /// Whether `value` compared with `limit` holds.
        public func holds<T: Comparable>(_ value: T, _ limit: T) -> Bool {
            switch self {
            case .lessOrEqual: value <= limit
            case .greaterOrEqual: value >= limit
            case .equal: value == limit
            case .notEqual: value != limit
            case .less: value < limit
            case .greater: value > limit
            }
        }
    }

    /// What the KPI is compared with.
    public enum Limit: Sendable, Hashable, CustomStringConvertible {
        case number(Double)
        case month(YearMonth)
        /// A month KPI that is never reached (`month90 == never`).
        case never

        public var description: String {
            switch self {
            case .number(let value): Schema.format(value)
            case .month(let month): month.description
            case .never: "never"
            }
        }
    }

    /// The KPI, as the JSON names it (`month50`, `costByItem.cpeCampaigns`, `compute.p95Wait`).
    public var kpi: String
    /// The statistic compared: P50 unless the expression names another.
    public var statistic: Statistic
    /// The comparison.
    public var comparison: Comparison
    /// The limit.
    public var limit: Limit
    /// The expression as written.
    public var text: String

    public var description: String { text }

    /// Parses `text`; a problem names its column (1-based) and what was expected there.
    public init(_ text: String) throws(ExpectationError) {
        var scanner = ExpressionScanner(text)
        scanner.skipSpaces()
        var name = scanner.word()
        var statistic = Statistic.p50
        if let named = Statistic(rawValue: name.text), scanner.take("(") {
            statistic = named
            scanner.skipSpaces()
            name = scanner.word()
            scanner.skipSpaces()
            guard scanner.take(")") else { throw scanner.problem("')' after the KPI") }
        }
        guard !name.text.isEmpty else {
            throw ExpectationError(
                column: name.column, expected: "a KPI name, such as month50 or incrementalNPV")
        }
        guard let kind = KPICatalogue.kinds[name.text] else {
            throw ExpectationError(
                column: name.column,
                expected: "a KPI the JSON names (metro6 run --format json), not '\(name.text)'")
        }
        scanner.skipSpaces()
        guard let comparison = Comparison.allCases.first(where: { scanner.take($0.rawValue) }) else {
            throw scanner.problem("one of <=, <, >=, >, ==, !=")
        }
        scanner.skipSpaces()
        let value = scanner.word(allowing: "+-.")
        let limit: Limit
        switch kind {
        case .month:
            if value.text == "never" {
                guard comparison == .equal || comparison == .notEqual else {
                    throw ExpectationError(column: value.column, expected: "== or != with never")
                }
                limit = .never
            } else if let month = YearMonth(value.text) {
                limit = .month(month)
            } else {
                throw ExpectationError(
                    column: value.column, expected: "a month YYYY-MM or never for \(name.text)")
            }
        case .number:
            guard let number = Double(value.text), number.isFinite else {
                throw ExpectationError(column: value.column, expected: "a number for \(name.text)")
            }
            limit = .number(number)
        }
        scanner.skipSpaces()
        guard scanner.atEnd else { throw scanner.problem("the end of the expression") }
        self.kpi = name.text
        self.statistic = statistic
        self.comparison = comparison
        self.limit = limit
        self.text = text.trimmingCharacters(in: .whitespaces)
    }
}

/// An expression that does not parse: where and what was expected.
public struct ExpectationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The 1-based column in the expression.
    public var column: Int
    /// What the grammar wants there.
    public var expected: String

    public var description: String { "column \(column): expected \(expected)" }
}

/// Reads an expression left to right.
struct ExpressionScanner {
    let characters: [Character]
    var position = 0

    init(_ text: String) { characters = Array(text) }

    var atEnd: Bool { position >= characters.count }

    mutating func skipSpaces() {
        while !atEnd && characters[position].isWhitespace { position += 1 }
    }

    /// Letters, digits, `.`, `_` (and `extra`) from here, with the column they start at.
    mutating func word(allowing extra: String = "") -> (text: String, column: Int) {
        let start = position
        while !atEnd,
            characters[position].isLetter || characters[position].isNumber
                || "._".contains(characters[position])
                || extra.contains(characters[position])
        {
            position += 1
        }
        return (String(characters[start..<position]), start + 1)
    }

    /// Consumes `token` when it comes next.
    mutating func take(_ token: String) -> Bool {
        let wanted = Array(token)
        guard position + wanted.count <= characters.count,
            Array(characters[position..<(position + wanted.count)]) == wanted
        else { return false }
        position += wanted.count
        return true
    }

    func problem(_ expected: String) -> ExpectationError {
        ExpectationError(column: position + 1, expected: expected)
    }
}
