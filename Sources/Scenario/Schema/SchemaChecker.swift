import Yams

/// Checks a parsed YAML document against a `Schema` and reports every problem with its line
/// and column: unknown keys, missing keys, wrong types, numbers out of range, bad words, bad
/// months.
struct SchemaChecker {
    let file: String
    var errors: [ScenarioError] = []

    init(file: String) {
        self.file = file
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
            return text.isEmpty ? "nothing" : "'\(text.count > 40 ? String(text.prefix(40)) + "…" : text)'"
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
        case .array(let item, let minimumCount):
            guard case .sequence(let sequence) = node else {
                fail(node, path, schema.expectation, found: Self.describe(node))
                return
            }
            if sequence.count < minimumCount {
                fail(node, path, "at least \(minimumCount) items", found: "\(sequence.count)")
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

extension String {
    /// YAML allows 1_000_000 in numbers; Swift's parsers do not.
    var replacingUnderscores: String { contains("_") ? filter { $0 != "_" } : self }
}
