import Report

/// What makes `metro6 probe` fail a CI job: checks at or past a level, unless waived as known and
/// accepted, and a score below a minimum.
public struct ReadinessGate: Sendable, Hashable {
    /// The status at which a check fails the gate (warn or fail).
    public var failOn: Check.Status
    /// Check ids whose findings are known and accepted: reported, never failing.
    public var waived: Set<String>
    /// The lowest acceptable score, when one is asked for.
    public var minimumScore: Int?

    /// A gate; see the properties.
    public init(failOn: Check.Status, waived: Set<String> = [], minimumScore: Int? = nil) {
        self.failOn = failOn
        self.waived = waived
        self.minimumScore = minimumScore
    }

    /// Waived ids that name no check of `report`: a typo would otherwise waive nothing silently.
    public func unknownWaivers(in report: ReadinessReport) -> [String] {
        waived.subtracting(report.checks.map(\.id.rawValue)).sorted()
    }

    /// Whether `check` fails the gate.
    public func fails(_ check: Check) -> Bool {
        check.status != .notApplicable && check.status >= failOn && !waived.contains(check.id.rawValue)
    }

    /// Whether the score is below the minimum (a report with no applicable check has no score and
    /// cannot meet one).
    public func scoreFails(_ report: ReadinessReport) -> Bool {
        guard let minimumScore else { return false }
        return (report.score ?? -1) < minimumScore
    }

    /// Whether `report` passes.
    public func passes(_ report: ReadinessReport) -> Bool {
        !report.checks.contains(where: fails) && !scoreFails(report)
    }

    /// The report as a JUnit suite: a case per check (failed at the gate's level, skipped when
    /// not applicable or waived), and one for the score when a minimum is set.
    public func junit(_ report: ReadinessReport, suite: String) -> JUnitReport {
        var cases = report.checks.map { check in
            let evidence = ([check.summary] + check.evidence).joined(separator: "\n")
            let verdict: JUnitReport.Case.Verdict
            if check.status == .notApplicable {
                verdict = .skipped(reason: "not applicable: \(check.summary)")
            } else if waived.contains(check.id.rawValue) && check.status >= failOn {
                verdict = .skipped(reason: "waived (\(check.status.rawValue)): \(check.summary)")
            } else if fails(check) {
                verdict = .failed(message: "\(check.status.rawValue): \(check.summary)", details: evidence)
            } else {
                verdict = .passed
            }
            return JUnitReport.Case(
                name: "\(check.id): \(check.title)", className: "metro6.probe", verdict: verdict,
                output: "\(check.status.rawValue): \(evidence)")
        }
        if let minimumScore {
            let score = report.score.map(String.init) ?? "none (no check applied)"
            cases.append(
                JUnitReport.Case(
                    name: "score >= \(minimumScore)", className: "metro6.probe",
                    verdict: scoreFails(report)
                        ? .failed(
                            message: "score \(score) is below \(minimumScore)", details: "score \(score)")
                        : .passed))
        }
        return JUnitReport(name: suite, cases: cases)
    }
}
