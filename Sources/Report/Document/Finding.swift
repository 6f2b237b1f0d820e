/// A judgement with its grounds: a readiness check's verdict, a constraint that bound, an
/// expectation. Evidence is kept whole: renderers that have room show all of it.
public struct Finding: Sendable, Hashable {
    /// How a finding ended.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case pass, warn, fail, info, skip
    }

    /// A stable identifier (a check's id).
    public var id: String
    /// Its title.
    public var title: String
    /// How it ended.
    public var status: Status
    /// One or two sentences saying what was found.
    public var summary: String
    /// The grounds, one line each (packet numbers, addresses, months).
    public var evidence: [String]

    /// A finding; see the properties.
    public init(id: String, title: String, status: Status, summary: String, evidence: [String] = []) {
        self.id = id
        self.title = title
        self.status = status
        self.summary = summary
        self.evidence = evidence
    }
}
