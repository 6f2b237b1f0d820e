/// Every number of a `Schema` with the range it may hold, as a Markdown table: the reference
/// docs/scenarios.md carries (a test keeps it equal) and `metro6 schema --ranges` prints.
public enum RangeTable {
    /// One row per number field (`[]` marks a list's items), in the schema's order.
    public static func markdown(for schema: Schema) -> String {
        var rows = ["| field | range | unit |", "|---|---|---|"]
        func visit(_ schema: Schema, _ path: String) {
            switch schema {
            case .object(let fields):
                for field in fields {
                    visit(field.schema, path.isEmpty ? field.name : "\(path).\(field.name)")
                }
            case .array(let item, let count):
                if count.upperBound != Int.max {
                    rows.append(
                        "| `\(path)` | \(text(Double(count.lowerBound), Double(count.upperBound))) | items |")
                }
                visit(item, path + "[]")
            case .integer(let range, let unit):
                rows.append(
                    "| `\(path)` | \(text(Double(range.lowerBound), Double(range.upperBound))) | \(unit ?? "") |"
                )
            case .number(let range, let unit):
                rows.append("| `\(path)` | \(text(range.lowerBound, range.upperBound)) | \(unit ?? "") |")
            case .string, .choice, .boolean, .month: break
            }
        }
        visit(schema, "")
        return rows.joined(separator: "\n") + "\n"
    }

    /// "low – high" with thousands separated, as people read ranges.
    static func text(_ low: Double, _ high: Double) -> String {
        func number(_ value: Double) -> String {
            guard value == value.rounded(), abs(value) < 1e18 else { return Schema.format(value) }
            return (value < 0 ? "−" : "") + Schema.grouped(Int(abs(value)))
        }
        return "\(number(low)) – \(number(high))"
    }
}
