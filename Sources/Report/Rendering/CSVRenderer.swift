/// Tables as CSV (RFC 4180): the columns' machine names as the header, values at full
/// precision and unscaled, fields quoted where they hold a comma, a quote or a line break.
public enum CSVRenderer {
    /// The CSV of `table`.
    public static func render(_ table: Table) -> String {
        render(header: table.headers.map(\.name), rows: table.rows.map { $0.map(\.exact) })
    }

    /// The CSV of a header and rows of fields.
    public static func render(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(field).joined(separator: ",") + "\n" }.joined()
    }

    /// One field, quoted with quotes doubled when it needs to be.
    public static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
