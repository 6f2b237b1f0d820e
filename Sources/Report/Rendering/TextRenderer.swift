/// A report as text for a terminal: the title, then each section's heading, paragraphs, facts
/// (labels aligned), findings with their evidence, and tables. Charts are for HTML; text gives
/// their numbers in the tables.
public enum TextRenderer {
    /// The text of `document`.
    public static func render(_ document: ReportDocument) -> String {
        var out = document.title + "\n" + document.subtitle.map { "  \($0)\n" }.joined()
        for section in document.sections {
            let blocks = section.blocks.filter { if case .chart = $0 { false } else { true } }
            guard !blocks.isEmpty else { continue }
            out += "\n" + section.title + "\n"
            out += blocks.map(render).joined(separator: "\n")
        }
        return out
    }

    /// The text of one block.
    public static func render(_ block: Block) -> String {
        switch block {
        case .paragraph(let text):
            text.split(separator: "\n", omittingEmptySubsequences: false).map { "  \($0)\n" }.joined()
        case .facts(let facts): render(facts)
        case .findings(let findings): findings.map(render).joined()
        case .table(let table): render(table)
        case .chart: ""
        }
    }

    /// Facts a line each, values lined up after the longest label.
    public static func render(_ facts: [Fact]) -> String {
        let width = (facts.map(\.labelWithUnit.count).max() ?? 0) + 2
        return facts.map { fact in
            let label = fact.labelWithUnit.padding(toLength: width, withPad: " ", startingAt: 0)
            let note = fact.note.map { "  (\($0))" } ?? ""
            return "  " + label + fact.value.display + note + "\n"
        }.joined()
    }

    /// A finding: its status and title, its summary, and its evidence indented.
    public static func render(_ finding: Finding) -> String {
        var out = "  [\(finding.status.rawValue.uppercased())] \(finding.title): \(finding.summary)\n"
        out += finding.evidence.map { "      \($0)\n" }.joined()
        return out
    }

    /// A table: headers with units, numbers on the right, text on the left.
    public static func render(_ table: Table) -> String {
        let left = Set(
            table.headers.indices.filter { column in
                !table.rows.contains { $0[column].isNumeric }
            })
        let text = TextTable.render(
            header: table.headers.map(\.text), rows: table.rows.map { $0.map(\.display) }, leftAligned: left)
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { "  \($0)\n" }
            .joined() + (table.note.map { "  \($0)\n" } ?? "")
    }
}
