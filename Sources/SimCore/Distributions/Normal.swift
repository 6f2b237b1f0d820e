import RealModule

/// The normal (Gaussian) distribution.
public struct Normal: ContinuousDistribution {
    public let mu: Double
    public let sigma: Double

    /// Normal with mean `mu` and standard deviation `sigma` > 0.
    public init(mean mu: Double, standardDeviation sigma: Double) {
        precondition(sigma > 0 && sigma.isFinite && mu.isFinite, "Normal needs finite mean and sigma > 0")
        self.mu = mu
        self.sigma = sigma
    }

    public var mean: Double { mu }
    public var variance: Double { sigma * sigma }

    public func cdf(_ x: Double) -> Double {
        SpecialFunctions.normalCDF((x - mu) / sigma)
    }

    public func quantile(_ p: Double) -> Double {
        mu + sigma * SpecialFunctions.normalQuantile(p)
    }

    /// One variate by the Box–Muller transform (one of the pair is used).
    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        mu + sigma * Self.standard(using: &generator)
    }

    /// One standard normal variate.
    static func standard<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        let radius = (-2 * Double.log(generator.nextOpenUnitInterval())).squareRoot()
        return radius * Double.cos(2 * Double.pi * generator.nextUnitInterval())
    }
}
