import SimCore
import Yams

/// Checks a parsed YAML document against a `Schema` and reports every problem with its line
/// and column: unknown keys, missing keys, wrong types, numbers out of range, bad words, bad
/// months.
struct SchemaChecker {
    let file: String
    /// Whether number fields may hold a distribution instead (scenario files, outside the plan).
    let allowsDistributions: Bool
    var errors: [ScenarioError] = []

    init(file: String, allowsDistributions: Bool = false) {
        self.file = file
        self.allowsDistributions = allowsDistributions
    }

    func location(of node: Node?, orParent parent: Node? = nil) -> SourceLocation {
        let mark = node?.mark ?? parent?.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    mutating func fail(_ node: Node?, parent: Node? = nil, _ path: String, _ expected: String, found: String?)
    {
        errors.append(
            ScenarioError(
                location: location(of: node, orParent: parent), path: path, expected: expected, found: found))
    }

    /// A short rendering of what a node holds, for "found …".
    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            let text = scalar.string
            let shown = PrintableText.escape(text.count > 40 ? String(text.prefix(40)) + "…" : text)
            return text.isEmpty ? "nothing" : "'\(shown)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    mutating func check(_ node: Node, against schema: Schema, path: String) {
        switch schema {
        case .object(let fields):
            guard case .mapping(let mapping) = node else {
                fail(node, path, schema.expectation, found: Self.describe(node))
                return
            }
            var seen = Set<String>()
            for (key, value) in mapping {
                let name = key.string ?? ""
                let childPath = path.isEmpty ? name : "\(path).\(name)"
                if !seen.insert(name).inserted {
                    fail(key, childPath, "each key once", found: "'\(name)' again")
                    continue
                }
                guard let field = fields.first(where: { $0.name == name }) else {
                    let known = fields.map(\.name).joined(separator: ", ")
                    fail(key, childPath, "one of the keys \(known)", found: "unknown key '\(name)'")
                    continue
                }
                check(value, against: field.schema, path: childPath)
            }
            for field in fields where field.required && !seen.contains(field.name) {
                let childPath = path.isEmpty ? field.name : "\(path).\(field.name)"
                fail(node, childPath, "the key '\(field.name)': \(field.schema.expectation)", found: nil)
            }
        case .array(let item, let count):
            guard case .sequence(let sequence) = node else {
                fail(node, path, schema.expectation, found: Self.describe(node))
                return
            }
            if !count.contains(sequence.count) {
                fail(node, path, "\(Schema.describe(count)) items", found: "\(sequence.count)")
                if sequence.count > count.upperBound { return }
            }
            for (index, element) in sequence.enumerated() {
                check(element, against: item, path: "\(path)[\(index)]")
            }
        case .integer(let range, _):
            guard case .scalar(let scalar) = node, let value = Int(scalar.string.replacingUnderscores) else {
                fail(node, path, schema.expectation, found: Self.describe(node))
                return
            }
            if !range.contains(value) { fail(node, path, schema.expectation, found: "\(value)") }
        case .number(let range, _) where Self.isMapping(node) && allowsDistributions:
            checkDistribution(node, in: range, path: path)
        case .number(let range, _):
            guard case .scalar(let scalar) = node, let value = Double(scalar.string.replacingUnderscores),
                value.isFinite
            else {
                fail(node, path, schema.expectation, found: Self.describe(node))
                return
            }
            if !range.contains(value) { fail(node, path, schema.expectation, found: Schema.format(value)) }
        case .string:
            guard case .scalar(let scalar) = node, !scalar.string.isEmpty else {
                fail(node, path, schema.expectation, found: Self.describe(node))
                return
            }
        case .choice(let words):
            guard case .scalar(let scalar) = node, words.contains(scalar.string) else {
                fail(node, path, schema.expectation, found: Self.describe(node))
                return
            }
        case .boolean:
            guard case .scalar(let scalar) = node, ["true", "false"].contains(scalar.string) else {
                fail(node, path, schema.expectation, found: Self.describe(node))
                return
            }
        case .month:
            guard case .scalar(let scalar) = node, YearMonth(scalar.string) != nil else {
                fail(node, path, schema.expectation, found: Self.describe(node))
                return
            }
        }
    }
}

extension SchemaChecker {
    static func isMapping(_ node: Node) -> Bool {
        if case .mapping = node { true } else { false }
    }

    /// A distribution in a number field: well formed, inside the field's range, not in the plan.
    mutating func checkDistribution(_ node: Node, in range: ClosedRange<Double>, path: String) {
        if path.hasPrefix("plan") {
            fail(
                node, path, "a plain number (plan amounts are decisions, not uncertain)",
                found: "a distribution")
            return
        }
        let (distribution, problem) = InputDistribution.parse(node)
        guard let distribution else {
            let forms = InputDistribution.forms.map {
                "{\($0.name): {\($0.parameters.joined(separator: ", "))}}"
            }
            fail(
                node, path, problem ?? "a number or one of " + forms.joined(separator: ", "),
                found: Self.describe(node))
            return
        }
        if !distribution.fits(range) {
            fail(
                node, path, "a distribution inside \(Schema.describe(range)) (its range or centre)",
                found: "one centred on \(Schema.format(distribution.central))")
        }
    }
}

extension String {
    /// YAML allows 1_000_000 in numbers; Swift's parsers do not.
    var replacingUnderscores: String { contains("_") ? filter { $0 != "_" } : self }
}
