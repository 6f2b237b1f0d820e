import Yams

/// One change to a scenario, named by the path of the value it replaces:
/// `budget.yearlyCapex=6e7`, `plan[13].amount=50000`, `districts[0].name=Futian`.
///
/// The value is YAML (a number, a word, a month, a list or a mapping) and replaces what the file
/// holds there, or is added when the file has no such key; the whole scenario is then checked as
/// a file is, and a problem in the value is reported at the override, not in the file.
public struct ScenarioOverride: Sendable, Hashable, CustomStringConvertible {
    /// One step of a path: a mapping's key or a list's index (from 0).
    public enum Step: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    /// The steps from the document's root to the value.
    public let steps: [Step]
    /// The value, as YAML text.
    public let value: String
    /// Where the override is written: the command-line argument (line 1, the path's column), or
    /// a sweep file's place.
    public let place: SourceLocation
    /// Where the value's text starts, for positions inside the value.
    let valueStart: SourceLocation

    /// How messages name the override's source: `--set PATH=VALUE`, or a sweep file.
    public var origin: String { place.file }

    /// The override written `PATH=VALUE` on the command line (`origin` names it in messages,
    /// by default `--set PATH=VALUE`).
    public init(_ argument: String, origin: String? = nil) throws(ScenarioErrors) {
        let origin = origin ?? "--set \(argument)"
        let place = SourceLocation(file: origin, line: 1, column: origin.count - argument.count + 1)
        guard let equals = argument.firstIndex(of: "=") else {
            throw Self.problem(
                place.moved(by: argument.count), expected: "PATH=VALUE (say budget.yearlyCapex=6e7)",
                found: "no '='")
        }
        let path = String(argument[..<equals])
        try self.init(
            steps: Self.steps(path, at: place), value: String(argument[equals...].dropFirst()), place: place,
            valueStart: place.moved(by: path.count + 1))
    }

    /// The override of the value at `path` by `value` (YAML text), written in a file: the path at
    /// `place`, the value's text from `valueStart`.
    public init(path: String, value: String, at place: SourceLocation, valueStart: SourceLocation)
        throws(ScenarioErrors)
    {
        try self.init(steps: Self.steps(path, at: place), value: value, place: place, valueStart: valueStart)
    }

    private init(steps: [Step], value: String, place: SourceLocation, valueStart: SourceLocation)
        throws(ScenarioErrors)
    {
        self.steps = steps
        self.value = value
        self.place = place
        self.valueStart = valueStart
        _ = try valueNode()
    }

    /// The path as the scenario's messages write it: `plan[13].amount`.
    public var path: String { Self.text(of: steps[...]) }

    public var description: String { "\(path)=\(value)" }

    /// `node` with this override applied.
    func apply(to node: Node) throws(ScenarioErrors) -> Node {
        try replacing(node, at: steps[...], walked: [])
    }

    /// Whether a problem at `problemPath` lies in this override's value.
    func owns(_ problemPath: String) -> Bool {
        let own = path
        guard problemPath.hasPrefix(own) else { return false }
        let rest = problemPath.dropFirst(own.count)
        return rest.isEmpty || rest.hasPrefix(".") || rest.hasPrefix("[")
    }

    /// `error` (at a line and column of the value's text), placed at this override instead of
    /// the file.
    func relocated(_ error: ScenarioError) -> ScenarioError {
        var moved = error
        let line = error.location.line
        if line == 1 {
            moved.location = valueStart.moved(by: error.location.column - 1)
        } else if value.contains(where: \.isNewline) {
            moved.location = SourceLocation(
                file: valueStart.file, line: valueStart.line + line - 1, column: error.location.column)
        } else {
            // A one-line value that ends early (an unclosed list): the problem is the value.
            moved.location = valueStart
        }
        return moved
    }

    // MARK: Paths

    static func text(of steps: ArraySlice<Step>) -> String {
        var text = ""
        for step in steps {
            switch step {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    /// The steps of `path` (`a.b[2].c`), written at `place`; a problem names its column.
    static func steps(_ path: String, at place: SourceLocation) throws(ScenarioErrors) -> [Step] {
        var steps: [Step] = []
        let characters = Array(path)
        var position = 0
        func fail(_ expected: String) -> ScenarioErrors {
            let found = position < characters.count ? "'\(characters[position])'" : "the end of the path"
            return problem(place.moved(by: position), expected: expected, found: found)
        }
        while position < characters.count || steps.isEmpty {
            if position < characters.count && characters[position] == "[" {
                guard !steps.isEmpty else { throw fail("a key first (say plan[13].amount)") }
                position += 1
                let digits = characters[position...].prefix { $0.isASCII && $0.isNumber }
                guard !digits.isEmpty, let index = Int(String(digits)), index < 1_000_000 else {
                    throw fail("a list index (0, 1, 2, …)")
                }
                position += digits.count
                guard position < characters.count && characters[position] == "]" else { throw fail("']'") }
                position += 1
                steps.append(.index(index))
                continue
            }
            if !steps.isEmpty {
                guard characters[position] == "." else {
                    throw fail("'.' or '[' between the parts of the path")
                }
                position += 1
            }
            let key = characters[position...].prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
            guard !key.isEmpty else { throw fail("a key (letters, digits, '_' or '-')") }
            position += key.count
            steps.append(.key(String(key)))
        }
        return steps
    }

    static func problem(_ location: SourceLocation, expected: String, found: String) -> ScenarioErrors {
        ScenarioErrors([ScenarioError(location: location, path: "", expected: expected, found: found)])
    }

    // MARK: Applying

    /// The value as a YAML node (an empty value is an empty word).
    func valueNode() throws(ScenarioErrors) -> Node {
        do {
            return try Yams.compose(yaml: value) ?? Node("")
        } catch let error as YamlError {
            throw ScenarioErrors([relocated(ScenarioLoader.syntaxError(error, file: origin))])
        } catch {
            throw Self.problem(valueStart, expected: "a YAML value", found: "'\(value)'")
        }
    }

    private func replacing(_ node: Node?, at steps: ArraySlice<Step>, walked: [Step]) throws(ScenarioErrors)
        -> Node
    {
        guard let step = steps.first else { return try valueNode() }
        let here = Self.text(of: walked[...])
        let inside = walked + [step]
        switch (step, node) {
        case (.key(let key), nil):
            return .mapping(
                Node.Mapping([(Node(key), try replacing(nil, at: steps.dropFirst(), walked: inside))]))
        case (.key(let key), .mapping(let mapping)?):
            var pairs = Array(mapping)
            if let index = pairs.firstIndex(where: { $0.0.string == key }) {
                pairs[index].1 = try replacing(pairs[index].1, at: steps.dropFirst(), walked: inside)
            } else {
                pairs.append((Node(key), try replacing(nil, at: steps.dropFirst(), walked: inside)))
            }
            return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
        case (.index(let index), .sequence(let sequence)?):
            guard index < sequence.count else {
                throw Self.problem(
                    place,
                    expected:
                        "an index of \(here) (it has \(sequence.count) entries, 0 to \(sequence.count - 1))",
                    found: "[\(index)]")
            }
            var items = Array(sequence)
            items[index] = try replacing(items[index], at: steps.dropFirst(), walked: inside)
            return .sequence(Node.Sequence(items, sequence.tag, sequence.style, sequence.mark))
        case (.index(let index), nil):
            throw Self.problem(
                place, expected: "\(here) to be a list in the file (an index cannot create one)",
                found: "no \(here) for [\(index)]")
        case (.key(let key), let node?):
            throw Self.problem(
                place,
                expected: "\(here.isEmpty ? "the document" : here) to be a mapping with key '\(key)'",
                found: SchemaChecker.describe(node))
        case (.index(let index), let node?):
            throw Self.problem(
                place, expected: "\(here) to be a list with an entry [\(index)]",
                found: SchemaChecker.describe(node))
        }
    }
}
