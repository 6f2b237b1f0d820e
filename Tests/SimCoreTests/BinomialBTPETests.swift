import Testing

@testable import SimCore

/// The binomial's BTPE branch (n·min(p, 1 − p) ≥ 10) against the exact pmf and the closed-form
/// moments, at fixed seeds (deterministic, never flaky).
@Suite("Binomial BTPE")
struct BinomialBTPETests {
    static let draws = 50_000

    /// Sample mean and variance within 4 standard errors of n p and n p (1 − p), and a chi-square
    /// p-value above 0.001 over bins around the mean, each expecting at least 5 draws.
    func check(trials n: Int, p: Double, seed: UInt64, sourceLocation: SourceLocation = #_sourceLocation) {
        let d = Binomial(trials: n, p: p)
        let mean = Double(n) * p
        let variance = mean * (1 - p)
        let sigma = variance.squareRoot()
        // Five standard deviations either side; the mass beyond is below 10⁻⁶.
        let lo = max(0, Int((mean - 5 * sigma).rounded(.down)))
        let hi = min(n, Int((mean + 5 * sigma).rounded(.up)))
        // Up to about 80 bins of equal width, so the large cases need not tabulate every value.
        let width = max(1, (hi - lo + 1) / 80)
        var binCounts = [Int](repeating: 0, count: (hi - lo) / width + 1)
        var moments = RunningMoments()
        var smallest = Int.max
        var largest = Int.min
        var g = Xoshiro256StarStar(seed: seed)
        for _ in 0..<Self.draws {
            let k = d.sample(using: &g)
            moments.add(Double(k))
            smallest = min(smallest, k)
            largest = max(largest, k)
            binCounts[(min(max(k, lo), hi) - lo) / width] += 1
        }
        #expect(smallest >= 0 && largest <= n, "draws in [0, n]", sourceLocation: sourceLocation)

        let total = Double(Self.draws)
        let standardError = (variance / total).squareRoot()
        #expect(
            abs(moments.mean - mean) < 4 * standardError, "sample mean \(moments.mean) vs \(mean)",
            sourceLocation: sourceLocation)
        // Var(s²) ≈ σ⁴ (2 + κ) / N with the binomial's excess kurtosis κ = (1 − 6 p q) / (n p q).
        let kurtosis = (1 - 6 * p * (1 - p)) / variance
        let varianceError = variance * ((2 + kurtosis) / total).squareRoot()
        #expect(
            abs(moments.variance - variance) < 4 * varianceError,
            "sample variance \(moments.variance) vs \(variance)", sourceLocation: sourceLocation)

        // Expected counts per bin from the pmf; the end bins share the mass beyond them (< 10⁻⁶).
        var binExpected = [Double](repeating: 0, count: binCounts.count)
        var covered = 0.0
        for k in lo...hi {
            let e = d.probability(k) * total
            binExpected[(k - lo) / width] += e
            covered += e
        }
        binExpected[0] += (total - covered) / 2
        binExpected[binExpected.count - 1] += (total - covered) / 2

        // Merge neighbouring bins until each expects at least 5 draws.
        var observed: [Int] = []
        var expected: [Double] = []
        var pendingObserved = 0
        var pendingExpected = 0.0
        for (o, e) in zip(binCounts, binExpected) {
            pendingObserved += o
            pendingExpected += e
            if pendingExpected >= 5 {
                observed.append(pendingObserved)
                expected.append(pendingExpected)
                pendingObserved = 0
                pendingExpected = 0
            }
        }
        observed[observed.count - 1] += pendingObserved
        expected[expected.count - 1] += pendingExpected
        let test = GoodnessOfFit.chiSquare(observed: observed, expected: expected)
        #expect(
            test.pValue > 0.001, "chi-square \(test.statistic) on \(observed.count) cells, p=\(test.pValue)",
            sourceLocation: sourceLocation)
    }

    @Test("n = 100,000, p = 0.02 matches the pmf and the moments")
    func moderateMean() { check(trials: 100_000, p: 0.02, seed: 31) }

    @Test("n = 10⁹, p = 0.4 matches the pmf and the moments")
    func hugeTrials() { check(trials: 1_000_000_000, p: 0.4, seed: 32) }

    @Test("at the switch from inversion, n p = 10, the hat still covers the pmf")
    func smallestMean() { check(trials: 20, p: 0.5, seed: 33) }

    @Test("p > 1/2 draws n − X with X ~ Binomial(n, 1 − p), and matches the pmf")
    func mirrored() {
        let n = 30_000
        let p = 0.93
        check(trials: n, p: p, seed: 34)
        var direct = Xoshiro256StarStar(seed: 35)
        var reflected = Xoshiro256StarStar(seed: 35)
        var mismatches = 0
        for _ in 0..<1_000 {
            let k = Binomial(trials: n, p: p).sample(using: &direct)
            let j = Binomial(trials: n, p: 1 - p).sample(using: &reflected)
            if k != n - j { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }
}
