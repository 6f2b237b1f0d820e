/// The shape of a scenario file: what each field may hold, its unit and its meaning.
///
/// One description serves three ends: checking a file with line and column for every problem
/// (`SchemaChecker`), the JSON Schema that editors validate with (`JSONSchemaWriter`), and the
/// reference in docs/scenarios.md.
public indirect enum Schema: Sendable {
    /// A mapping with these fields; other keys are errors.
    case object([Field])
    /// A list of items of one shape, with a number of items in `count`.
    case array(Schema, count: ClosedRange<Int>)
    /// A whole number in `range`.
    case integer(ClosedRange<Int>, unit: String?)
    /// A number in `range` (ends included).
    case number(ClosedRange<Double>, unit: String?)
    /// Any text that is not empty.
    case string
    /// One of these words.
    case choice([String])
    /// true or false.
    case boolean
    /// A month, written `YYYY-MM`.
    case month

    /// A field of an object.
    public struct Field: Sendable {
        /// The key.
        public var name: String
        /// Whether the key must be present.
        public var required: Bool
        /// What the field means, for the JSON Schema and the docs.
        public var description: String
        /// What it may hold.
        public var schema: Schema

        /// A field; see the properties.
        public init(_ name: String, required: Bool = true, _ schema: Schema, _ description: String) {
            self.name = name
            self.required = required
            self.description = description
            self.schema = schema
        }
    }

    /// A list of at least `minimumCount` items of one shape.
    public static func array(_ item: Schema, minimumCount: Int) -> Schema {
        .array(item, count: minimumCount...Int.max)
    }

    /// The expectation in words, as error messages give it.
    public var expectation: String {
        switch self {
        case .object: return "a mapping of keys to values"
        case .array(let item, let count):
            let size = count == 0...Int.max ? "" : Self.describe(count)
            return "a list of \(size.isEmpty ? "" : size + " ")items, each \(item.expectation)"
        case .integer(let range, let unit):
            return ["a whole number", Self.describe(range)].filter { !$0.isEmpty }.joined(separator: " ")
                + Self.suffix(unit)
        case .number(let range, let unit):
            return ["a number", Self.describe(range)].filter { !$0.isEmpty }.joined(separator: " ")
                + Self.suffix(unit)
        case .string: return "some text"
        case .choice(let words): return "one of \(words.joined(separator: ", "))"
        case .boolean: return "true or false"
        case .month: return "a month written YYYY-MM"
        }
    }

    static func describe(_ range: ClosedRange<Int>) -> String {
        bounds(
            lower: range.lowerBound == Int.min ? nil : "\(range.lowerBound)",
            upper: range.upperBound == Int.max ? nil : "\(range.upperBound)")
    }

    static func describe(_ range: ClosedRange<Double>) -> String {
        bounds(
            lower: range.lowerBound.isInfinite ? nil : Self.format(range.lowerBound),
            upper: range.upperBound.isInfinite ? nil : Self.format(range.upperBound))
    }

    static func bounds(lower: String?, upper: String?) -> String {
        switch (lower, upper) {
        case (nil, nil): return ""
        case (let lower?, nil): return "≥ \(lower)"
        case (nil, let upper?): return "≤ \(upper)"
        case (let lower?, let upper?): return "from \(lower) to \(upper)"
        }
    }

    /// A number as a person writes it: no ".0" on whole numbers.
    public static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e18 ? String(Int(value)) : String(value)
    }

    /// The digits of `magnitude` in groups of three, "1,234,567", as people read large numbers.
    public static func grouped(_ magnitude: Int) -> String {
        let digits = String(magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return grouped
    }

    /// A computed quantity for a message, to four significant digits (2.49e+22, 2.49e+07, 0.1235).
    static func approximate(_ value: Double) -> String {
        abs(value) < 1e6 && value == value.rounded() ? String(Int(value)) : String(format: "%.4g", value)
    }

    static func suffix(_ unit: String?) -> String {
        unit.map { " (\($0))" } ?? ""
    }
}
