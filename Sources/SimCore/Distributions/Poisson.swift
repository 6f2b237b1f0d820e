import RealModule

/// The Poisson distribution: counts of independent events in a period (failures per month).
public struct Poisson: DiscreteDistribution {
    public let lambda: Double

    /// Poisson with mean `lambda` ≥ 0.
    public init(mean lambda: Double) {
        precondition(lambda >= 0 && lambda.isFinite, "Poisson needs a finite mean ≥ 0")
        self.lambda = lambda
    }

    public var mean: Double { lambda }
    public var variance: Double { lambda }

    public func probability(_ k: Int) -> Double {
        if k < 0 { return 0 }
        if lambda == 0 { return k == 0 ? 1 : 0 }
        return Double.exp(Double(k) * Double.log(lambda) - lambda - SpecialFunctions.logFactorial(k))
    }

    /// One variate: inversion by sequential search below a mean of 10, else Hörmann's PTRS
    /// transformed rejection ("The transformed rejection method for generating Poisson random
    /// variables", Insurance: Mathematics and Economics 12, 1993).
    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Int {
        if lambda == 0 { return 0 }
        if lambda < 10 {
            var k = 0
            var p = Double.exp(-lambda)
            var cumulative = p
            let u = generator.nextUnitInterval()
            while u > cumulative && k < 1_000 {
                k += 1
                p *= lambda / Double(k)
                cumulative += p
            }
            return k
        }
        let rootLambda = lambda.squareRoot()
        let logLambda = Double.log(lambda)
        let b = 0.931 + 2.53 * rootLambda
        let a = -0.059 + 0.024_83 * b
        let inverseAlpha = 1.1239 + 1.1328 / (b - 3.4)
        let vr = 0.9277 - 3.6224 / (b - 2)
        while true {
            let u = generator.nextUnitInterval() - 0.5
            let v = generator.nextUnitInterval()
            let us = 0.5 - abs(u)
            let k = ((2 * a / us + b) * u + lambda + 0.43).rounded(.down)
            if us >= 0.07 && v <= vr { return Int(k) }
            if k < 0 || (us < 0.013 && v > us) { continue }
            let accept =
                Double.log(v) + Double.log(inverseAlpha) - Double.log(a / (us * us) + b)
                <= -lambda + k * logLambda - Double.logGamma(k + 1)
            if accept { return Int(k) }
        }
    }
}
