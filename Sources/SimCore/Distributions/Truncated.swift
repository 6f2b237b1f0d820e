/// A continuous distribution restricted to [lower, upper] and renormalised.
///
/// Sampled by inversion, F⁻¹(F(a) + U (F(b) − F(a))), so every draw costs one uniform and no
/// draw is rejected. Moments are computed numerically from the quantile function.
public struct Truncated<Base: ContinuousDistribution>: ContinuousDistribution {
    public let base: Base
    public let lower: Double
    public let upper: Double
    @usableFromInline
    let lowerMass: Double
    @usableFromInline
    let keptMass: Double

    /// `base` restricted to [lower, upper]; the interval must carry probability.
    public init(_ base: Base, lower: Double = -.infinity, upper: Double = .infinity) {
        precondition(lower < upper, "Truncated needs lower < upper")
        self.base = base
        self.lower = lower
        self.upper = upper
        lowerMass = lower.isFinite ? base.cdf(lower) : 0
        keptMass = (upper.isFinite ? base.cdf(upper) : 1) - lowerMass
        precondition(keptMass > 0, "the truncation interval [\(lower), \(upper)] carries no probability")
    }

    public func cdf(_ x: Double) -> Double {
        if x < lower { return 0 }
        if x >= upper { return 1 }
        return (base.cdf(x) - lowerMass) / keptMass
    }

    public func quantile(_ p: Double) -> Double {
        Swift.min(upper, Swift.max(lower, base.quantile(lowerMass + p * keptMass)))
    }

    /// The mean, by the midpoint rule over 20,000 quantiles.
    public var mean: Double { moment { $0 } }

    /// The variance, by the midpoint rule over 20,000 quantiles.
    public var variance: Double {
        let m = mean
        return moment { ($0 - m) * ($0 - m) }
    }

    private func moment(_ f: (Double) -> Double) -> Double {
        let steps = 20_000
        var sum = 0.0
        for i in 0..<steps { sum += f(quantile((Double(i) + 0.5) / Double(steps))) }
        return sum / Double(steps)
    }

    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        var p = generator.nextUnitInterval()
        if p == 0 { p = 0x1.0p-54 }
        return quantile(p)
    }
}
