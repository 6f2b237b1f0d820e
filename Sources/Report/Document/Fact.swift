/// A labelled figure of a report: "50% on IPv6: 2016-03", "programme cost: 412.5 M CNY".
public struct Fact: Sendable, Hashable {
    /// What it is, for a reader.
    public var label: String
    /// Its value.
    public var value: Value
    /// Its unit as a reader reads it ("%", "M CNY, cumulative"), or nil.
    public var unit: String?
    /// A short remark after the value ("positive: the plan saves money").
    public var note: String?

    /// A fact; see the properties.
    public init(_ label: String, _ value: Value, unit: String? = nil, note: String? = nil) {
        self.label = label
        self.value = value
        self.unit = unit
        self.note = note
    }

    /// The label with its unit in brackets, as table headers and fact lists show it.
    public var labelWithUnit: String { withUnit(label, unit) }
}

/// A label as headers, axes and facts show it: with its unit in brackets when it has one.
func withUnit(_ label: String, _ unit: String?) -> String { unit.map { "\(label) (\($0))" } ?? label }
