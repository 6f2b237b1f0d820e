/// The continuous uniform distribution on [lower, upper).
public struct Uniform: ContinuousDistribution {
    public let lower: Double
    public let upper: Double

    /// Uniform on [lower, upper); requires lower < upper.
    public init(lower: Double, upper: Double) {
        precondition(lower < upper && lower.isFinite && upper.isFinite, "Uniform needs finite lower < upper")
        self.lower = lower
        self.upper = upper
    }

    public var mean: Double { (lower + upper) / 2 }
    public var variance: Double { (upper - lower) * (upper - lower) / 12 }

    public func cdf(_ x: Double) -> Double {
        Swift.min(1, Swift.max(0, (x - lower) / (upper - lower)))
    }

    public func quantile(_ p: Double) -> Double {
        lower + p * (upper - lower)
    }

    @inlinable
    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        lower + generator.nextUnitInterval() * (upper - lower)
    }
}
