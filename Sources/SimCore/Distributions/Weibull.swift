import RealModule

/// The Weibull distribution with shape k and scale λ: equipment lifetimes (CPEs wear out, k > 1).
public struct Weibull: ContinuousDistribution {
    public let shape: Double
    public let scale: Double

    /// Weibull with `shape` > 0 and `scale` > 0.
    public init(shape: Double, scale: Double) {
        precondition(
            shape > 0 && scale > 0 && shape.isFinite && scale.isFinite, "Weibull needs shape, scale > 0")
        self.shape = shape
        self.scale = scale
    }

    public var mean: Double { scale * Double.gamma(1 + 1 / shape) }
    public var variance: Double {
        let g1 = Double.gamma(1 + 1 / shape)
        return scale * scale * (Double.gamma(1 + 2 / shape) - g1 * g1)
    }

    public func cdf(_ x: Double) -> Double {
        x <= 0 ? 0 : -Double.expMinusOne(-Double.pow(x / scale, shape))
    }

    public func quantile(_ p: Double) -> Double {
        scale * Double.pow(-Double.log(onePlus: -p), 1 / shape)
    }

    /// One variate by inversion.
    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        scale * Double.pow(-Double.log(generator.nextOpenUnitInterval()), 1 / shape)
    }
}
