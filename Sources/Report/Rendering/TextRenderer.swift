/// A report as text for a terminal: the title, then each section's heading, paragraphs, facts
/// (labels aligned), findings with their evidence, and tables. A section without a title runs on
/// without a heading or an indent (a one-screen summary). Charts are for HTML; text gives their
/// numbers in the tables.
public enum TextRenderer {
    /// The text of `document`.
    public static func render(_ document: ReportDocument) -> String {
        var out = document.title + "\n" + document.subtitle.map { "  \($0)\n" }.joined()
        for section in document.sections {
            let blocks = section.blocks.filter { if case .chart = $0 { false } else { true } }
            guard !blocks.isEmpty else { continue }
            let indent = section.title.isEmpty ? "" : "  "
            out += section.title.isEmpty ? "\n" : "\n" + section.title + "\n"
            out += blocks.map { render($0, indent: indent) }.joined(
                separator: section.title.isEmpty ? "" : "\n")
        }
        return out
    }

    /// The text of one block, each line after `indent`.
    public static func render(_ block: Block, indent: String = "  ") -> String {
        switch block {
        case .paragraph(let text):
            text.split(separator: "\n", omittingEmptySubsequences: false).map {
                wrap(String($0), indent: indent).joined(separator: "\n") + "\n"
            }.joined()
        case .facts(let facts): render(facts, indent: indent)
        case .findings(let findings): findings.map { render($0, indent: indent) }.joined()
        case .table(let table): render(table, indent: indent)
        case .chart: ""
        }
    }

    /// The width prose is wrapped to: a wide terminal's, so that tables and prose line up.
    public static let width = 100

    /// `line` after `indent`, broken between words before `width` columns; the lines after the
    /// first are indented two more. A word longer than a line stands alone.
    public static func wrap(_ line: String, indent: String) -> [String] {
        var lines: [String] = []
        var current: String?
        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
            guard let text = current else {
                current = indent + word
                continue
            }
            if text.count + 1 + word.count > width && !word.isEmpty {
                lines.append(text)
                current = indent + "  " + word
            } else {
                current = text + " " + word
            }
        }
        return lines + [current ?? indent]
    }

    /// Facts a line each, values lined up after the longest label.
    public static func render(_ facts: [Fact], indent: String = "  ") -> String {
        let width = (facts.map(\.labelWithUnit.count).max() ?? 0) + 2
        return facts.map { fact in
            let label = fact.labelWithUnit.padding(toLength: width, withPad: " ", startingAt: 0)
            let note = fact.note.map { "  (\($0))" } ?? ""
            return indent + label + fact.value.display + note + "\n"
        }.joined()
    }

    /// A finding: its status (failures and warnings in capitals), title and summary, then its
    /// evidence indented.
    public static func render(_ finding: Finding, indent: String = "  ") -> String {
        var out = indent + label(finding.status) + "  \(finding.title): \(finding.summary)\n"
        out += finding.evidence.map { indent + "      \($0)\n" }.joined()
        return out
    }

    /// A status as a four-letter column: what needs attention in capitals.
    public static func label(_ status: Finding.Status) -> String {
        switch status {
        case .fail: "FAIL"
        case .warn: "WARN"
        case .pass: "pass"
        case .info: "info"
        case .skip: "n/a "
        }
    }

    /// A table: headers with units, numbers on the right, text on the left.
    public static func render(_ table: Table, indent: String = "  ") -> String {
        let left = Set(
            table.headers.indices.filter { column in
                !table.rows.contains { $0[column].isNumeric }
            })
        let text = TextTable.render(
            header: table.headers.map(\.text), rows: table.rows.map { $0.map(\.display) }, leftAligned: left)
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map {
            indent + $0 + "\n"
        }
        .joined() + (table.note.map { indent + $0 + "\n" } ?? "")
    }
}
