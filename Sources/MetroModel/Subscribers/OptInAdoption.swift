import RealModule

/// Subscribers' own uptake of IPv6 where the operator leaves it to them (opt-in): a Bass curve
/// whose coefficients may change at policy months.
///
/// The model draws each month's adopters as one binomial cohort per district: a non-adopter
/// adopts within the month with the probability the Bass equation gives from the month's starting
/// share, so the expected share follows the closed form exactly and the cost does not grow with
/// the number of subscribers.
public struct OptInAdoption: Sendable, Hashable, Codable {
    /// A change of coefficients from a month on (a policy that pushes uptake).
    public struct Change: Sendable, Hashable, Codable {
        /// The first month (from 0) with the new coefficients.
        public var month: Int
        /// The coefficients from then on.
        public var curve: BassDiffusion

        /// `curve` from `month` on.
        public init(month: Int, curve: BassDiffusion) {
            self.month = month
            self.curve = curve
        }
    }

    /// The coefficients at the start (per year).
    public var initial: BassDiffusion
    /// Later changes, in ascending months.
    public private(set) var changes: [Change]

    /// Uptake following `initial`, then each of `changes` from its month.
    public init(_ initial: BassDiffusion, changes: [Change] = []) {
        self.initial = initial
        self.changes = changes.sorted { $0.month < $1.month }
    }

    /// The coefficients in force in `month`.
    public func curve(month: Int) -> BassDiffusion {
        changes.last { $0.month <= month }?.curve ?? initial
    }

    /// The probability that a subscriber who has not adopted at the start of `month` adopts
    /// within it, when `share` of the population had adopted at its start.
    public func monthlyProbability(month: Int, share: Double) -> Double {
        let curve = curve(month: month)
        let next = curve.share(after: 1.0 / 12, from: share)
        return share >= 1 ? 0 : Swift.min(1, Swift.max(0, (next - share) / (1 - share)))
    }
}

extension BassDiffusion {
    /// The adopted share `t` after a moment when it was `share`: the Bass equation
    /// dF/dt = (p + qF)(1 − F) solved from there, (1 − F)/(p + qF) = A·e^−(p+q)t.
    public func share(after t: Double, from share: Double) -> Double {
        let a = (1 - share) / (p + q * share)
        let x = a * Double.exp(-(p + q) * t)
        return (1 - x * p) / (1 + x * q)
    }
}
