/// A report as a neutral document: a title, and sections of facts, findings, tables, charts and
/// paragraphs. Runner and Probe build one; the renderers turn it into text, CSV and HTML. It
/// knows no model and no packet.
public struct ReportDocument: Sendable, Hashable {
    /// The title (the scenario's or capture's name).
    public var title: String
    /// Lines under the title: what was run or read, when, with which seed.
    public var subtitle: [String]
    /// The sections, in reading order.
    public var sections: [Section]

    /// A document; see the properties.
    public init(title: String, subtitle: [String] = [], sections: [Section] = []) {
        self.title = title
        self.subtitle = subtitle
        self.sections = sections
    }

    /// Every chart of the document, in order.
    public var charts: [Chart] {
        sections.flatMap { $0.blocks.compactMap { if case .chart(let chart) = $0 { chart } else { nil } } }
    }

    /// Every table of the document, in order.
    public var tables: [Table] {
        sections.flatMap { $0.blocks.compactMap { if case .table(let table) = $0 { table } else { nil } } }
    }
}

/// A section of a report: a heading and its blocks.
public struct Section: Sendable, Hashable {
    /// An identifier unique in its document (an HTML anchor).
    public var id: String
    /// Its heading.
    public var title: String
    /// Its content, in order.
    public var blocks: [Block]

    /// A section; see the properties.
    public init(id: String, title: String, blocks: [Block]) {
        self.id = id
        self.title = title
        self.blocks = blocks
    }
}

/// A piece of a section.
public enum Block: Sendable, Hashable {
    /// Sentences.
    case paragraph(String)
    /// Labelled figures.
    case facts([Fact])
    /// Judgements with evidence.
    case findings([Finding])
    /// A table.
    case table(Table)
    /// A chart.
    case chart(Chart)
}
