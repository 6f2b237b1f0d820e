import Foundation
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
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioErrors([
                ScenarioError(
                    location: SourceLocation(file: path, line: 1, column: 1), path: "",
                    expected: "a readable file", found: "no such file or no permission")
            ])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScenarioErrors([
                ScenarioError(
                    location: SourceLocation(file: path, line: 1, column: 1), path: "",
                    expected: "UTF-8 text", found: "bytes that are not UTF-8")
            ])
        }
        return text
    }

    /// Loads scenario text; `file` names it in messages. Distributions take their central
    /// values.
    public static func load(text: String, file: String) throws(ScenarioErrors) -> ScenarioFile {
        try inputs(text: text, file: file).central
    }

    /// Loads the file at `path` with its distributions, to draw from per replication.
    public static func inputs(path: String) throws(ScenarioErrors) -> ScenarioInputs {
        try inputs(text: text(path: path), file: path)
    }

    /// Loads scenario text with its distributions; `file` names it in messages.
    public static func inputs(text: String, file: String) throws(ScenarioErrors) -> ScenarioInputs {
        let node = try parse(text: text, file: file, expected: scenarioExpected)
        var checker = SchemaChecker(file: file, allowsDistributions: true)
        checker.check(node, against: ScenarioFile.schema, path: "")
        if !checker.errors.isEmpty { throw ScenarioErrors(checker.errors) }
        let central = ScenarioInputs.substitute(node, schema: ScenarioFile.schema) { distribution, _ in
            distribution.central
        }
        return ScenarioInputs(
            central: try decode(central, file: file),
            uncertain: ScenarioInputs.distributions(in: node, schema: ScenarioFile.schema), text: text,
            file: file)
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
                    expected: "a file Metro6 can decode (please report this)", found: "\(error)")
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
                    expected: "valid YAML or JSON",
                    found: "\(error)")
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
            return at(mark, problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return at(context.mark, "the key \(duplicates.joined(separator: ", ")) twice")
        default:
            return ScenarioError(
                location: SourceLocation(file: file, line: 1, column: 1), path: "",
                expected: "valid YAML or JSON",
                found: "\(error)")
        }
    }
}
