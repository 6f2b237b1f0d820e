import Foundation
import SimCore
import Yams

/// Reads scenario files (YAML or JSON) into `ScenarioFile`, reporting every problem at once with
/// file, line, column, field path, what was found and what was expected.
public enum ScenarioLoader {
    /// Loads the file at `path`.
    public static func load(path: String) throws(ScenarioErrors) -> ScenarioFile {
        try load(text: text(path: path), file: path)
    }

    /// What a scenario file must hold, for messages.
    static let scenarioExpected = "a scenario (a mapping with name, start, months, districts)"

    /// The YAML (or JSON) document at `path`, with syntax errors at their line and column;
    /// `expected` says what the file should hold when it is empty.
    static func parse(path: String, expected: String) throws(ScenarioErrors) -> Node {
        try parse(text: text(path: path), file: path, expected: expected)
    }

    /// The text of the file at `path`.
    public static func text(path: String) throws(ScenarioErrors) -> String {
        let bytes: [UInt8]
        do {
            bytes = try FileContents.bytes(path: path)
        } catch {
            throw ScenarioErrors([
                ScenarioError(
                    location: SourceLocation(file: path, line: 1, column: 1), path: "",
                    expected: "a readable file", found: error.reason)
            ])
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let offset = Self.firstInvalidUTF8(bytes)
            let line = bytes[..<offset].count { $0 == UInt8(ascii: "\n") } + 1
            let column = offset - (bytes[..<offset].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0) + 1
            throw ScenarioErrors([
                ScenarioError(
                    location: SourceLocation(file: path, line: line, column: column), path: "",
                    expected: "UTF-8 text", found: "a byte that is not UTF-8")
            ])
        }
        return text
    }

    /// The offset of the first byte where `bytes` stops being valid UTF-8.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput, .error: return offset
            }
        }
    }

    /// Loads scenario text; `file` names it in messages. Distributions take their central
    /// values.
    public static func load(text: String, file: String) throws(ScenarioErrors) -> ScenarioFile {
        try inputs(text: text, file: file).central
    }

    /// Loads the file at `path` with its distributions, to draw from per replication, with
    /// `overrides` applied in order.
    public static func inputs(path: String, overrides: [ScenarioOverride] = []) throws(ScenarioErrors)
        -> ScenarioInputs
    {
        try inputs(text: text(path: path), file: path, overrides: overrides)
    }

    /// Loads scenario text with its distributions and `overrides`; `file` names it in messages.
    public static func inputs(text: String, file: String, overrides: [ScenarioOverride] = [])
        throws(ScenarioErrors) -> ScenarioInputs
    {
        let node = try document(text: text, file: file, overrides: overrides)
        var checker = SchemaChecker(file: file, allowsDistributions: true)
        checker.check(node, against: ScenarioFile.schema, path: "")
        if !checker.errors.isEmpty { throw relocated(ScenarioErrors(checker.errors), overrides) }
        let central = ScenarioInputs.substitute(node, schema: ScenarioFile.schema) { distribution, _ in
            distribution.central
        }
        return ScenarioInputs(
            central: try decode(central, file: file, overrides: overrides),
            uncertain: ScenarioInputs.distributions(in: node, schema: ScenarioFile.schema), text: text,
            file: file, overrides: overrides)
    }

    /// The document in `text` with `overrides` applied.
    static func document(text: String, file: String, overrides: [ScenarioOverride]) throws(ScenarioErrors)
        -> Node
    {
        var node = try parse(text: text, file: file, expected: scenarioExpected)
        for override in overrides { node = try override.apply(to: node) }
        return node
    }

    /// `errors` with each problem inside an override's value placed at that override.
    static func relocated(_ errors: ScenarioErrors, _ overrides: [ScenarioOverride]) -> ScenarioErrors {
        guard !overrides.isEmpty else { return errors }
        return ScenarioErrors(
            errors.errors.map { error in
                overrides.last { $0.owns(error.path) }?.relocated(error) ?? error
            })
    }

    /// Decodes a checked document and applies the rules between fields; problems inside an
    /// override's value are placed at the override.
    static func decode(_ node: Node, file: String, overrides: [ScenarioOverride]) throws(ScenarioErrors)
        -> ScenarioFile
    {
        do {
            return try decode(node, file: file)
        } catch {
            throw relocated(error, overrides)
        }
    }

    /// Decodes a checked document and applies the rules between fields.
    static func decode(_ node: Node, file: String) throws(ScenarioErrors) -> ScenarioFile {
        let scenario: ScenarioFile
        do {
            scenario = try YAMLDecoder().decode(ScenarioFile.self, from: node)
        } catch {
            // The schema check passed, so this is a mismatch between schema and types: a bug.
            throw ScenarioErrors([
                ScenarioError(
                    location: SourceLocation(file: file, line: 1, column: 1), path: "",
                    expected: "a file Metro6 can decode (please report this, with the file)",
                    found: "a value the checks passed but the reader refused")
            ])
        }
        let problems = ScenarioRules.check(scenario, in: node, file: file)
        if !problems.isEmpty { throw ScenarioErrors(problems) }
        return scenario
    }

    /// The YAML (or JSON) document in `text`; `file` names it in messages.
    static func parse(text: String, file: String, expected: String) throws(ScenarioErrors) -> Node {
        let node: Node
        do {
            guard let composed = try Yams.compose(yaml: text) else {
                throw ScenarioErrors([
                    ScenarioError(
                        location: SourceLocation(file: file, line: 1, column: 1), path: "",
                        expected: expected, found: "an empty file")
                ])
            }
            node = composed
        } catch let errors as ScenarioErrors {
            throw errors
        } catch let error as YamlError {
            throw ScenarioErrors([syntaxError(error, file: file)])
        } catch {
            throw ScenarioErrors([
                ScenarioError(
                    location: SourceLocation(file: file, line: 1, column: 1), path: "",
                    expected: "valid YAML or JSON", found: "text the YAML reader cannot read")
            ])
        }
        return node
    }

    static func syntaxError(_ error: YamlError, file: String) -> ScenarioError {
        func at(_ mark: Mark, _ problem: String) -> ScenarioError {
            ScenarioError(
                location: SourceLocation(file: file, line: mark.line, column: mark.column), path: "",
                expected: "valid YAML or JSON", found: problem)
        }
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return at(mark, syntaxProblem(problem))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return at(context.mark, "the key \(duplicates.joined(separator: ", ")) twice")
        default:
            return ScenarioError(
                location: SourceLocation(file: file, line: 1, column: 1), path: "",
                expected: "valid YAML or JSON", found: "text the YAML reader cannot read")
        }
    }

    /// The YAML reader's problems (libyaml's words) as what a person finds at that place.
    static let syntaxProblems: [String: String] = [
        "found undefined alias": "an alias (*name) with no anchor (&name) before it",
        "found character that cannot start any token":
            "a character that cannot start a value (a tab, or text to put in quotes)",
        "mapping values are not allowed in this context":
            "a ':' where no key can start (put the value in quotes, or check the indentation)",
        "did not find expected key": "a line that is not a key of this mapping (check the indentation)",
        "did not find expected node content": "no value where one must be",
        "did not find expected '-' indicator":
            "a line that is not an item of this list (check the indentation)",
        "could not find expected ':'": "a key without ':' after it",
        "found unexpected end of stream": "the end of the file inside a quoted text",
        "did not find expected ',' or ']'": "a list in [ ] that is not closed",
        "did not find expected ',' or '}'": "a mapping in { } that is not closed",
        "found a tab character that violates indentation": "a tab in the indentation (indent with spaces)",
        "found a tab character where an indentation space is expected":
            "a tab in the indentation (indent with spaces)",
        "block sequence entries are not allowed in this context": "a '- ' item where no list can start",
        "found unknown escape character": "a backslash escape YAML does not know (use single quotes)",
        "did not find expected comment or line break": "more text after a value on the same line",
        "found unexpected ':'": "a ':' where none can be (put the text in quotes)",
    ]

    /// `problem` reworded for a person, or as a plain description when it is not in the table.
    static func syntaxProblem(_ problem: String) -> String {
        if let words = syntaxProblems[problem] { return words }
        if problem.hasPrefix("Maximum nesting level reached") {
            return "lists or mappings nested deeper than the reader allows"
        }
        let plain = problem.hasPrefix("found ") ? String(problem.dropFirst("found ".count)) : problem
        return "a syntax error (\(plain))"
    }
}
