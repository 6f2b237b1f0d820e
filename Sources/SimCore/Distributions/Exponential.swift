import RealModule

/// The exponential distribution with a rate (mean 1 / rate): times between Poisson events.
public struct Exponential: ContinuousDistribution {
    public let rate: Double
    @usableFromInline
    let ziggurat: ExponentialZiggurat

    /// Exponential with `rate` > 0 events per time unit.
    public init(rate: Double) {
        precondition(rate > 0 && rate.isFinite, "Exponential needs a finite rate > 0")
        self.rate = rate
        ziggurat = ExponentialZiggurat()
    }

    /// Exponential with the given mean (> 0).
    public init(mean: Double) {
        self.init(rate: 1 / mean)
    }

    public var mean: Double { 1 / rate }
    public var variance: Double { 1 / (rate * rate) }

    public func cdf(_ x: Double) -> Double {
        x <= 0 ? 0 : -Double.expMinusOne(-rate * x)
    }

    public func quantile(_ p: Double) -> Double {
        -Double.log(onePlus: -p) / rate
    }

    @inlinable
    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        ziggurat.sample(using: &generator) / rate
    }
}
