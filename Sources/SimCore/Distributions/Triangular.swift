import RealModule

/// The triangular distribution on [low, high] with its peak at `mode`: what a planner gives as
/// "at least, most likely, at most".
public struct Triangular: ContinuousDistribution {
    public let low: Double
    public let mode: Double
    public let high: Double

    /// Triangular with low ≤ mode ≤ high and low < high.
    public init(low: Double, mode: Double, high: Double) {
        precondition(
            low <= mode && mode <= high && low < high && low.isFinite && high.isFinite,
            "Triangular needs finite low ≤ mode ≤ high and low < high")
        self.low = low
        self.mode = mode
        self.high = high
    }

    public var mean: Double { (low + mode + high) / 3 }
    public var variance: Double {
        (low * low + mode * mode + high * high - low * mode - low * high - mode * high) / 18
    }

    public func cdf(_ x: Double) -> Double {
        if x <= low { return 0 }
        if x >= high { return 1 }
        if x <= mode { return (x - low) * (x - low) / ((high - low) * (mode - low)) }
        return 1 - (high - x) * (high - x) / ((high - low) * (high - mode))
    }

    public func quantile(_ p: Double) -> Double {
        let split = (mode - low) / (high - low)
        if p < split { return low + Double.sqrt(p * (high - low) * (mode - low)) }
        return high - Double.sqrt((1 - p) * (high - low) * (high - mode))
    }

    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        quantile(generator.nextUnitInterval())
    }
}
