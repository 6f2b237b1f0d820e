import Foundation
import Yams

/// An input that `metro6 calibrate` may fit: a number, a whole number or a month of a scenario
/// file, named by its path (`content.q`, `districts[0].netAddsFrom[1].xpon`, `plan[5].month`).
/// Fitted values are written back in place, so the file keeps its comments and layout.
public struct FitParameter: Sendable, Hashable {
    /// What the field holds, and the values it may take.
    public enum Kind: Sendable, Hashable {
        case number(ClosedRange<Double>)
        case integer(ClosedRange<Int>)
        /// A month, as months from the scenario's start, inside its horizon.
        case month(ClosedRange<Int>)
    }

    /// The field's path.
    public let path: String
    /// What it holds.
    public let kind: Kind
    /// Its value in the file (months: from the start).
    public let value: Double
    let line: Int
    let column: Int
    let start: YearMonth

    /// The parameter at `path` in the scenario `text` (from `file`), or an error naming the path.
    public static func resolve(_ path: String, text: String, file: String) throws(ScenarioErrors)
        -> FitParameter
    {
        let scenario = try ScenarioLoader.load(text: text, file: file)
        let root = try ScenarioLoader.parse(text: text, file: file, expected: ScenarioLoader.scenarioExpected)
        func fail(_ expected: String, found: String = "no such field") -> ScenarioErrors {
            ScenarioErrors([
                ScenarioError(
                    location: SourceLocation(file: file, line: 1, column: 1), path: path, expected: expected,
                    found: found)
            ])
        }
        var node = root
        var schema = ScenarioFile.schema
        for step in steps(of: path) {
            switch (step, schema, node) {
            case (.key(let key), .object(let fields), .mapping(let mapping)):
                guard let field = fields.first(where: { $0.name == key }), let child = mapping[key] else {
                    throw fail("a field of the scenario, written as a path like content.q or plan[2].month")
                }
                node = child
                schema = field.schema
            case (.index(let index), .array(let item, _), .sequence(let sequence))
            where index < sequence.count:
                node = sequence[index]
                schema = item
            default:
                throw fail("a field of the scenario, written as a path like content.q or plan[2].month")
            }
        }
        guard case .scalar(let scalar) = node, let mark = scalar.mark else {
            throw fail(
                "a field holding one number or month",
                found: SchemaChecker.isMapping(node) ? "a distribution or a section" : "a list")
        }
        let kind: Kind
        let value: Double
        switch schema {
        case .number(let range, _):
            kind = .number(range)
            value = Double(scalar.string.replacingUnderscores) ?? 0
        case .integer(let range, _):
            kind = .integer(range)
            value = Double(Int(scalar.string.replacingUnderscores) ?? 0)
        case .month:
            kind = .month(0...(scenario.months - 1))
            value = Double(scenario.start.months(to: YearMonth(scalar.string) ?? scenario.start))
        default:
            throw fail("a number, a whole number or a month")
        }
        return FitParameter(
            path: path, kind: kind, value: value, line: mark.line, column: mark.column, start: scenario.start)
    }

    /// `value` as the file writes it: a month, a whole number, or a number.
    public func written(_ value: Double) -> String {
        switch kind {
        case .month: return start.adding(months: Int(value.rounded())).description
        case .integer: return String(Int(value.rounded()))
        case .number: return Schema.format(Double(String(format: "%.4g", value)) ?? value)
        }
    }

    /// The values a search may try: the field's range, and for numbers and counts no further
    /// than a factor 10 from the file's value (a fit, not a rewrite).
    public var bounds: ClosedRange<Double> {
        switch kind {
        case .month(let range): return Double(range.lowerBound)...Double(range.upperBound)
        case .integer(let range):
            let near =
                value == 0
                ? -1_000...1_000 : Swift.min(value / 10, value * 10)...Swift.max(value / 10, value * 10)
            return Swift.max(
                Double(range.lowerBound), near.lowerBound)...Swift.min(
                    Double(range.upperBound), near.upperBound)
        case .number(let range):
            let near =
                value == 0
                ? -1.0...1.0 : Swift.min(value / 10, value * 10)...Swift.max(value / 10, value * 10)
            return Swift.max(range.lowerBound, near.lowerBound)...Swift.min(range.upperBound, near.upperBound)
        }
    }

    /// `text` with each of `parameters` set to its value in `values`, the last in the file first
    /// so that no replacement moves the position of another.
    public static func write(_ values: [Double], of parameters: [FitParameter], into text: String) -> String {
        let order = parameters.indices.sorted {
            (parameters[$0].line, parameters[$0].column) > (parameters[$1].line, parameters[$1].column)
        }
        return order.reduce(text) { parameters[$1].write(values[$1], into: $0) }
    }

    /// `text` with this field set to `value` (the token at the field's position replaced).
    public func write(_ value: Double, into text: String) -> String {
        Self.replaceToken(in: text, line: line, column: column, with: written(value))
    }

    /// `text` with the plain scalar starting at `line` and `column` (1-based, in Unicode
    /// scalars, as YAML marks count) replaced by `replacement`.
    static func replaceToken(in text: String, line: Int, column: Int, with replacement: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard line - 1 < lines.count else { return text }
        let scalars = Array(lines[line - 1].unicodeScalars)
        let begin = column - 1
        var end = begin
        let stops: Set<Unicode.Scalar> = [",", "}", "]", " ", "\t", "#"]
        while end < scalars.count && !stops.contains(scalars[end]) { end += 1 }
        var rewritten = String.UnicodeScalarView()
        rewritten.append(contentsOf: scalars[..<begin])
        rewritten.append(contentsOf: replacement.unicodeScalars)
        rewritten.append(contentsOf: scalars[end...])
        lines[line - 1] = String(rewritten)
        return lines.joined(separator: "\n")
    }

    enum Step {
        case key(String)
        case index(Int)
    }

    /// `a.b[2].c` as its steps.
    static func steps(of path: String) -> [Step] {
        var steps: [Step] = []
        for part in path.split(separator: ".") {
            var name = Substring(part)
            var indices: [Int] = []
            while let open = name.lastIndex(of: "["), name.hasSuffix("]"),
                let index = Int(name[name.index(after: open)..<name.index(before: name.endIndex)])
            {
                indices.insert(index, at: 0)
                name = name[..<open]
            }
            if !name.isEmpty { steps.append(.key(String(name))) }
            steps += indices.map(Step.index)
        }
        return steps
    }
}
