import RealModule

/// The gamma distribution with shape k and scale θ.
public struct Gamma: ContinuousDistribution {
    public let shape: Double
    public let scale: Double

    /// Gamma with `shape` > 0 and `scale` > 0.
    public init(shape: Double, scale: Double) {
        precondition(
            shape > 0 && scale > 0 && shape.isFinite && scale.isFinite, "Gamma needs shape, scale > 0")
        self.shape = shape
        self.scale = scale
    }

    public var mean: Double { shape * scale }
    public var variance: Double { shape * scale * scale }

    public func cdf(_ x: Double) -> Double {
        x <= 0 ? 0 : SpecialFunctions.regularizedGammaP(shape, x / scale)
    }

    /// The quantile by bisection on the distribution function.
    public func quantile(_ p: Double) -> Double {
        var upper = mean + 10 * variance.squareRoot() + 1
        while cdf(upper) < p { upper *= 2 }
        return SpecialFunctions.invert(cdf, target: p, lower: 0, upper: upper)
    }

    /// One variate by Marsaglia and Tsang's method (ACM TOMS 26(3), 2000); for shape < 1 the
    /// variate of shape + 1 is scaled by U^(1/shape).
    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        let boosted = shape < 1
        let d = (boosted ? shape + 1 : shape) - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        var value: Double
        while true {
            var x: Double
            var v: Double
            repeat {
                x = Normal.standard(using: &generator)
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = generator.nextOpenUnitInterval()
            if u < 1 - 0.0331 * x * x * x * x || Double.log(u) < 0.5 * x * x + d * (1 - v + Double.log(v)) {
                value = d * v
                break
            }
        }
        if boosted { value *= Double.pow(generator.nextOpenUnitInterval(), 1 / shape) }
        return value * scale
    }
}
