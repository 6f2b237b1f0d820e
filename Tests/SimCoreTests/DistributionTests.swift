import Foundation
import Testing

@testable import SimCore

/// Each sampler against closed-form moments written out here, and against its distribution
/// function by Kolmogorov–Smirnov or chi-square, at fixed seeds (deterministic, never flaky).
@Suite("Distributions")
struct DistributionTests {
    static let n = 40_000

    func draw<D: ContinuousDistribution>(_ d: D, seed: UInt64) -> [Double] {
        var g = Xoshiro256StarStar(seed: seed)
        return (0..<Self.n).map { _ in d.sample(using: &g) }
    }

    /// Sample moments within a few standard errors of the closed forms, and a KS p-value above 0.001.
    func checkContinuous<D: ContinuousDistribution>(
        _ d: D, mean: Double, variance: Double, seed: UInt64 = 11, momentTolerance: Double = 1e-9,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(
            abs(d.mean - mean) <= momentTolerance * max(1, abs(mean)), "mean property",
            sourceLocation: sourceLocation)
        #expect(
            abs(d.variance - variance) <= 1e-6 * max(1, variance), "variance property",
            sourceLocation: sourceLocation)
        let sample = draw(d, seed: seed)
        var moments = RunningMoments()
        for x in sample { moments.add(x) }
        let standardError = (variance / Double(Self.n)).squareRoot()
        #expect(
            abs(moments.mean - mean) < 5 * standardError, "sample mean \(moments.mean) vs \(mean)",
            sourceLocation: sourceLocation)
        #expect(
            abs(moments.variance / variance - 1) < 0.06, "sample variance \(moments.variance) vs \(variance)",
            sourceLocation: sourceLocation)
        let ks = GoodnessOfFit.kolmogorovSmirnov(sample, cdf: d.cdf)
        #expect(ks.pValue > 0.001, "KS D=\(ks.statistic) p=\(ks.pValue)", sourceLocation: sourceLocation)
        for p in [0.01, 0.3, 0.5, 0.9, 0.999] {
            #expect(
                abs(d.cdf(d.quantile(p)) - p) < 1e-7, "quantile(\(p)) inverts cdf",
                sourceLocation: sourceLocation)
        }
    }

    /// Sample moments and a chi-square test over cells with expected counts ≥ 5.
    func checkDiscrete<D: DiscreteDistribution>(
        _ d: D, mean: Double, variance: Double, seed: UInt64 = 12,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(
            abs(d.mean - mean) <= 1e-9 * max(1, abs(mean)), "mean property", sourceLocation: sourceLocation)
        #expect(
            abs(d.variance - variance) <= 1e-9 * max(1, variance), "variance property",
            sourceLocation: sourceLocation)
        var g = Xoshiro256StarStar(seed: seed)
        var counts: [Int: Int] = [:]
        var moments = RunningMoments()
        for _ in 0..<Self.n {
            let k = d.sample(using: &g)
            counts[k, default: 0] += 1
            moments.add(Double(k))
        }
        let standardError = (max(variance, 1e-12) / Double(Self.n)).squareRoot()
        #expect(
            abs(moments.mean - mean) < 5 * standardError, "sample mean \(moments.mean) vs \(mean)",
            sourceLocation: sourceLocation)
        if variance > 0 {
            #expect(
                abs(moments.variance / variance - 1) < 0.06,
                "sample variance \(moments.variance) vs \(variance)", sourceLocation: sourceLocation)
        }
        // Cells: each k with expected ≥ 5 alone; the rest pooled into one cell.
        let lowest = counts.keys.min()!
        let highest = counts.keys.max()!
        var observed: [Int] = []
        var expected: [Double] = []
        var pooledObserved = 0
        var pooledExpected = 0.0
        for k in (lowest - 5)...(highest + 5) {
            let e = d.probability(k) * Double(Self.n)
            if e >= 5 {
                observed.append(counts[k] ?? 0)
                expected.append(e)
            } else {
                pooledObserved += counts[k] ?? 0
                pooledExpected += e
            }
        }
        let covered = expected.reduce(0, +) + pooledExpected
        pooledExpected += Double(Self.n) - covered
        if pooledExpected >= 1 {
            observed.append(pooledObserved)
            expected.append(pooledExpected)
        }
        if observed.count > 1 {
            let test = GoodnessOfFit.chiSquare(observed: observed, expected: expected)
            #expect(
                test.pValue > 0.001, "chi-square \(test.statistic) p=\(test.pValue)",
                sourceLocation: sourceLocation)
        }
    }

    @Test func uniform() { checkContinuous(Uniform(lower: -2, upper: 6), mean: 2, variance: 64.0 / 12) }

    /// Mean (a + b + c)/3, variance (a² + b² + c² − ab − ac − bc)/18: 4 and (1 + 9 + 64 − 3 − 8 − 24)/18.
    @Test func triangular() {
        checkContinuous(Triangular(low: 1, mode: 3, high: 8), mean: 4, variance: 39.0 / 18)
        checkContinuous(Triangular(low: 0, mode: 0, high: 1), mean: 1.0 / 3, variance: 1.0 / 18, seed: 12)
    }

    @Test func exponential() {
        checkContinuous(Exponential(rate: 0.25), mean: 4, variance: 16)
        checkContinuous(Exponential(rate: 1), mean: 1, variance: 1, seed: 99)
    }

    @Test("the ziggurat's tail beyond its base layer (x > 7.7) has the exponential's mass")
    func exponentialTail() {
        var g = Xoshiro256StarStar(seed: 3)
        let z = ExponentialZiggurat()
        let draws = 2_000_000
        var beyond = 0
        for _ in 0..<draws where z.sample(using: &g) > 7.697_117_470_131_049_72 { beyond += 1 }
        let expected = Double(draws) * exp(-7.697_117_470_131_049_72)
        #expect(abs(Double(beyond) - expected) < 5 * expected.squareRoot(), "\(beyond) vs \(expected)")
    }

    @Test func normal() { checkContinuous(Normal(mean: 3, standardDeviation: 2), mean: 3, variance: 4) }

    @Test func lognormal() {
        let (mu, sigma) = (0.5, 0.6)
        let mean = exp(mu + sigma * sigma / 2)
        let variance = (exp(sigma * sigma) - 1) * exp(2 * mu + sigma * sigma)
        checkContinuous(Lognormal(mu: mu, sigma: sigma), mean: mean, variance: variance)
        let fitted = Lognormal(mean: 10, standardDeviation: 4)
        #expect(abs(fitted.mean - 10) < 1e-9 && abs(fitted.variance - 16) < 1e-9)
    }

    @Test func weibull() {
        // Shape 2, scale 3: mean 3·Γ(1.5) = 3√π/2, variance 9(1 − π/4).
        checkContinuous(
            Weibull(shape: 2, scale: 3), mean: 1.5 * Double.pi.squareRoot(), variance: 9 * (1 - Double.pi / 4)
        )
        // Shape 1 is the exponential with mean = scale.
        checkContinuous(Weibull(shape: 1, scale: 5), mean: 5, variance: 25, seed: 5)
    }

    @Test func gamma() {
        checkContinuous(Gamma(shape: 2.5, scale: 2), mean: 5, variance: 10)
        checkContinuous(Gamma(shape: 0.4, scale: 3), mean: 1.2, variance: 3.6, seed: 21)
    }

    @Test func truncatedExponential() {
        // Exp(1) on [0.5, 2]: mean = (a e^−a − b e^−b)/(e^−a − e^−b) + 1.
        let (a, b) = (0.5, 2.0)
        let z = exp(-a) - exp(-b)
        let mean = (a * exp(-a) - b * exp(-b)) / z + 1
        let second = ((a * a + 2 * a + 2) * exp(-a) - (b * b + 2 * b + 2) * exp(-b)) / z
        checkContinuous(
            Truncated(Exponential(rate: 1), lower: a, upper: b), mean: mean, variance: second - mean * mean,
            momentTolerance: 1e-7)
    }

    @Test func truncatedNormal() {
        // N(0, 1) on [−1, 2]: mean = (φ(α) − φ(β))/Z, variance = 1 + (αφ(α) − βφ(β))/Z − mean².
        let (alpha, beta) = (-1.0, 2.0)
        func phi(_ x: Double) -> Double { exp(-x * x / 2) / (2 * Double.pi).squareRoot() }
        func cdfOfNormal(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }
        let z = cdfOfNormal(beta) - cdfOfNormal(alpha)
        let mean = (phi(alpha) - phi(beta)) / z
        let variance = 1 + (alpha * phi(alpha) - beta * phi(beta)) / z - mean * mean
        let d = Truncated(Normal(mean: 0, standardDeviation: 1), lower: alpha, upper: beta)
        checkContinuous(d, mean: mean, variance: variance, momentTolerance: 1e-7)
        var g = Xoshiro256StarStar(seed: 1)
        for _ in 0..<1_000 { #expect((alpha...beta).contains(d.sample(using: &g))) }
    }

    @Test func bernoulli() { checkDiscrete(Bernoulli(p: 0.3), mean: 0.3, variance: 0.21) }

    @Test func poisson() {
        checkDiscrete(Poisson(mean: 3.5), mean: 3.5, variance: 3.5)
        checkDiscrete(Poisson(mean: 250), mean: 250, variance: 250, seed: 13)
        checkDiscrete(Poisson(mean: 12), mean: 12, variance: 12, seed: 14)
    }

    @Test func binomial() {
        checkDiscrete(Binomial(trials: 20, p: 0.25), mean: 5, variance: 3.75)
        checkDiscrete(Binomial(trials: 100_000, p: 0.01), mean: 1_000, variance: 990, seed: 15)
        checkDiscrete(Binomial(trials: 40, p: 0.97), mean: 38.8, variance: 40 * 0.97 * 0.03, seed: 16)
    }

    @Test func empirical() {
        let weights = [1.0, 0, 3, 6]
        // Mean Σ k p_k = (0 + 0 + 6 + 18)/10; E[X²] = (0 + 0 + 12 + 54)/10.
        checkDiscrete(Empirical(weights: weights), mean: 2.4, variance: 6.6 - 2.4 * 2.4)
        var g = Xoshiro256StarStar(seed: 2)
        for _ in 0..<10_000 { #expect(Empirical(weights: weights).sample(using: &g) != 1) }
    }
}
