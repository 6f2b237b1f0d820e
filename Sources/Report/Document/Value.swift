/// A cell of a table or the value of a fact: a number with its format, a month, a spread over
/// replications, text, or nothing.
public enum Value: Sendable, Hashable {
    /// A number, shown in `format`.
    case number(Double, NumberFormat)
    /// A month, "YYYY-MM", or nil for a milestone never reached.
    case month(String?)
    /// P10, P50 and P90 over replications (nil: never, for milestones; undefined otherwise).
    case spread(p10: Double?, p50: Double?, p90: Double?, NumberFormat)
    /// Months P10, P50 and P90 over replications, nil where not reached.
    case monthSpread(p10: String?, p50: String?, p90: String?)
    /// Text as it is.
    case text(String)
    /// Nothing to show (a figure that does not apply).
    case missing

    /// The value for a reader: numbers formatted, spreads as "P10 / P50 / P90", "never" for
    /// milestones not reached, "-" for nothing.
    public var display: String {
        switch self {
        case .number(let value, let format): format.string(value)
        case .month(let month): month ?? "never"
        case .spread(let p10, let p50, let p90, let format):
            [p10, p50, p90].map { $0.map(format.string) ?? "-" }.joined(separator: " / ")
        case .monthSpread(let p10, let p50, let p90):
            [p10, p50, p90].map { $0 ?? "never" }.joined(separator: " / ")
        case .text(let text): text
        case .missing: "-"
        }
    }

    /// The value for a machine: numbers at full precision and unscaled, spreads as their P50,
    /// empty for nothing.
    public var exact: String {
        switch self {
        case .number(let value, _): NumberFormat.exact(value)
        case .month(let month): month ?? "never"
        case .spread(_, let p50, _, _): p50.map(NumberFormat.exact) ?? ""
        case .monthSpread(_, let p50, _): p50 ?? "never"
        case .text(let text): text
        case .missing: ""
        }
    }

    /// Whether a reader lines it up on the right (numbers) rather than the left (names).
    var isNumeric: Bool {
        switch self {
        case .number, .spread: true
        default: false
        }
    }
}
