import RealModule

/// Student's t distribution, for confidence intervals on means of few observations.
public struct StudentT: Sendable, Hashable {
    /// Degrees of freedom (> 0).
    public let degreesOfFreedom: Double

    /// Student's t with ν > 0 degrees of freedom.
    public init(degreesOfFreedom: Double) {
        precondition(degreesOfFreedom > 0, "Student's t needs degrees of freedom > 0")
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// P(T ≤ t), through the regularized incomplete beta function.
    public func cdf(_ t: Double) -> Double {
        let nu = degreesOfFreedom
        let tail = 0.5 * SpecialFunctions.regularizedBeta(nu / (nu + t * t), nu / 2, 0.5)
        return t >= 0 ? 1 - tail : tail
    }

    /// The t with P(T ≤ t) = p, by bisection on `cdf`.
    public func quantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "the t quantile needs p in (0, 1)")
        if p == 0.5 { return 0 }
        var bound = 10.0
        while cdf(bound) < p || cdf(-bound) > p { bound *= 4 }
        return SpecialFunctions.invert(cdf, target: p, lower: -bound, upper: bound, tolerance: 1e-14)
    }
}
