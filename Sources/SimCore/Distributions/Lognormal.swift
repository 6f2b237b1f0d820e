import RealModule

/// The lognormal distribution: exp of a normal with parameters mu and sigma (job run times).
public struct Lognormal: ContinuousDistribution {
    public let mu: Double
    public let sigma: Double

    /// exp(N(mu, sigma²)); sigma > 0.
    public init(mu: Double, sigma: Double) {
        precondition(sigma > 0 && sigma.isFinite && mu.isFinite, "Lognormal needs finite mu and sigma > 0")
        self.mu = mu
        self.sigma = sigma
    }

    /// The lognormal with this mean and standard deviation of the variate itself.
    public init(mean: Double, standardDeviation: Double) {
        precondition(mean > 0 && standardDeviation > 0, "Lognormal needs mean and deviation > 0")
        let s2 = Double.log(onePlus: (standardDeviation * standardDeviation) / (mean * mean))
        self.init(mu: Double.log(mean) - s2 / 2, sigma: s2.squareRoot())
    }

    public var mean: Double { Double.exp(mu + sigma * sigma / 2) }
    public var variance: Double { Double.expMinusOne(sigma * sigma) * Double.exp(2 * mu + sigma * sigma) }

    public func cdf(_ x: Double) -> Double {
        x <= 0 ? 0 : SpecialFunctions.normalCDF((Double.log(x) - mu) / sigma)
    }

    public func quantile(_ p: Double) -> Double {
        Double.exp(mu + sigma * SpecialFunctions.normalQuantile(p))
    }

    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        Double.exp(mu + sigma * Normal.standard(using: &generator))
    }
}
