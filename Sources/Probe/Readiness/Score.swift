/// The readiness score: a weighted share of the applicable checks that pass.
///
/// score = round(100 × Σ wᵢ·sᵢ / Σ wᵢ) over checks that are not "n/a", where sᵢ is 1 for pass,
/// 0.5 for warn and 0 for fail, and wᵢ is the check's weight (`CheckID.weight`). No applicable check: no score.
public enum Score {
    /// The score of `checks`, or nil when none applies.
    public static func of(_ checks: [Check]) -> Int? {
        var total = 0.0
        var earned = 0.0
        for check in checks where check.status != .notApplicable {
            let weight = Double(check.id.weight)
            total += weight
            switch check.status {
            case .pass: earned += weight
            case .warn: earned += weight / 2
            default: break
            }
        }
        guard total > 0 else { return nil }
        return Int((100 * earned / total).rounded())
    }
}
