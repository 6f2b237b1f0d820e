/// A table for a terminal: each column as wide as its widest cell, two spaces between columns,
/// cells right-aligned (numbers line up) except in the columns named left-aligned (names), and
/// no blanks at the ends of lines.
public enum TextTable {
    /// `header` and `rows` (each as many cells as the header), one line each.
    public static func render(header: [String], rows: [[String]], leftAligned: Set<Int>) -> String {
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            let text = cells.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return leftAligned.contains(column) ? cell + pad : pad + cell
            }.joined(separator: "  ")
            return String(text.reversed().drop { $0 == " " }.reversed())
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}
