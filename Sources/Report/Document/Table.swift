/// A column of a table, declared once: its machine name (CSV header, JSON key), what a reader
/// calls it, its unit and format, and how a row gives its value.
public struct Column<Row>: Sendable {
    /// The name machines read: the CSV header, the JSON key.
    public let name: String
    /// What a reader calls it (the text and HTML header).
    public let label: String
    /// Its unit for a reader, or nil.
    public let unit: String?
    /// How a reader sees its numbers.
    public let format: NumberFormat
    /// The value of a row.
    public let value: @Sendable (Row) -> Value

    /// A column of values.
    public init(
        _ name: String, label: String? = nil, unit: String? = nil, format: NumberFormat = .decimals(2),
        value: @escaping @Sendable (Row) -> Value
    ) {
        self.name = name
        self.label = label ?? name
        self.unit = unit
        self.format = format
        self.value = value
    }

    /// A column of numbers shown in `format`.
    public init(
        _ name: String, label: String? = nil, unit: String? = nil, format: NumberFormat = .decimals(2),
        number: @escaping @Sendable (Row) -> Double
    ) {
        self.init(name, label: label, unit: unit, format: format) { row in .number(number(row), format) }
    }
}

/// A table of a report: a header per column and rows of values, made from typed rows and their
/// declared columns so the text, CSV, JSON and HTML renderings show the same cells.
public struct Table: Sendable, Hashable {
    /// A column's header: machine name, reader's label, unit.
    public struct Header: Sendable, Hashable {
        public var name: String
        public var label: String
        public var unit: String?

        /// The label with its unit in brackets.
        public var text: String { withUnit(label, unit) }
    }

    /// An identifier unique in its document (an HTML anchor, a CSV file's name).
    public var id: String
    /// The table's title.
    public var title: String
    /// The columns' headers.
    public var headers: [Header]
    /// The rows, each a value per column.
    public var rows: [[Value]]
    /// A line under the table: what its numbers mean.
    public var note: String?

    /// The table of `rows` through `columns`.
    public init<Row>(
        id: String, title: String, columns: [Column<Row>], rows: some Sequence<Row>, note: String? = nil
    ) {
        self.id = id
        self.title = title
        headers = columns.map { Header(name: $0.name, label: $0.label, unit: $0.unit) }
        self.rows = rows.map { row in columns.map { $0.value(row) } }
        self.note = note
    }
}
