/// One problem in a scenario file: where, which field, what was found and what was expected.
///
/// Carries facts, not prose; `description` renders them as
/// `file:line:column: path: expected …, found …`.
public struct ScenarioError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the problem is.
    public var location: SourceLocation
    /// The field's path, as `districts[2].subscribers.xdsl` (empty for the whole document).
    public var path: String
    /// What the format wants there.
    public var expected: String
    /// What the file has there (nil when the field is missing).
    public var found: String?

    /// A problem at `location` in field `path`.
    public init(location: SourceLocation, path: String, expected: String, found: String?) {
        self.location = location
        self.path = path
        self.expected = expected
        self.found = found
    }

    public var description: String {
        let field = path.isEmpty ? "" : "\(path): "
        let what = found.map { ", found \($0)" } ?? ""
        return "\(location): \(field)expected \(expected)\(what)"
    }
}

/// Every problem found in a scenario file, in file order.
public struct ScenarioErrors: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems, sorted by location.
    public var errors: [ScenarioError]

    /// The problems in `errors`, sorted by location.
    public init(_ errors: [ScenarioError]) {
        self.errors = errors.sorted { ($0.location, $0.path) < ($1.location, $1.path) }
    }

    /// One line per problem.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
