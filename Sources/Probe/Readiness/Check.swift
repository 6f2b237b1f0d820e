/// One readiness check's verdict with the evidence behind it.
public struct Check: Sendable, Hashable, Codable {
    /// The verdict, ordered from best to worst (not-applicable aside).
    public enum Status: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
        case pass, warn, fail
        case notApplicable = "n/a"

        private var rank: Int {
            switch self {
            case .notApplicable: 0
            case .pass: 1
            case .warn: 2
            case .fail: 3
            }
        }

        public static func < (lhs: Status, rhs: Status) -> Bool { lhs.rank < rhs.rank }
    }

    /// Which check it is ("rogue-ra" in JSON), for JSON consumers, `--waive` and JUnit.
    public var id: CheckID
    /// The check's title (`CheckID.title`), kept in the JSON.
    public var title: String
    public var status: Status
    /// One sentence saying what was found, with the numbers.
    public var summary: String
    /// Packet numbers, addresses and counts behind the verdict: every instance up to
    /// `evidenceLimit` of each kind (the text report shows the first `textEvidence`).
    public var evidence: [String]

    /// The most instances of one kind a check lists as evidence (connections, routers, failures):
    /// all of them on an access link, bounded on a backbone capture.
    public static let evidenceLimit = 64
    /// The evidence lines the one-screen text shows per check.
    public static let textEvidence = 5

    /// The verdict of check `id`.
    public init(_ id: CheckID, status: Status, summary: String, evidence: [String] = []) {
        self.id = id
        self.title = id.title
        self.status = status
        self.summary = summary
        self.evidence = evidence
    }
}
