import RealModule

/// Goodness-of-fit tests used to check samplers against their distributions.
public enum GoodnessOfFit {
    /// The one-sample Kolmogorov–Smirnov statistic D = sup |F_n(x) − F(x)| and its p-value.
    public static func kolmogorovSmirnov(_ sample: [Double], cdf: (Double) -> Double) -> (
        statistic: Double, pValue: Double
    ) {
        precondition(!sample.isEmpty, "KS needs a sample")
        let sorted = sample.sorted()
        let n = Double(sorted.count)
        var d = 0.0
        for (i, x) in sorted.enumerated() {
            let f = cdf(x)
            d = Swift.max(d, Double(i + 1) / n - f, f - Double(i) / n)
        }
        return (d, kolmogorovPValue(statistic: d, sampleSize: sorted.count))
    }

    /// P(D_n > d) by the asymptotic Kolmogorov distribution with Stephens' small-sample
    /// correction λ = (√n + 0.12 + 0.11/√n) d (Stephens, JRSS B 32, 1970).
    public static func kolmogorovPValue(statistic d: Double, sampleSize n: Int) -> Double {
        let root = Double(n).squareRoot()
        let lambda = (root + 0.12 + 0.11 / root) * d
        if lambda < 0.2 { return 1 }
        var sum = 0.0
        for k in 1...100 {
            let term = Double.exp(-2 * Double(k * k) * lambda * lambda)
            sum += (k % 2 == 1 ? term : -term)
            if term < 1e-16 { break }
        }
        return Swift.min(1, Swift.max(0, 2 * sum))
    }

    /// Pearson's chi-square test of observed counts against expected counts; cells with expected
    /// counts below 5 should be pooled by the caller. Returns the statistic and its p-value with
    /// `cells − 1 − estimatedParameters` degrees of freedom.
    public static func chiSquare(observed: [Int], expected: [Double], estimatedParameters: Int = 0) -> (
        statistic: Double, pValue: Double
    ) {
        precondition(
            observed.count == expected.count && observed.count > 1, "chi-square needs matching cells")
        var statistic = 0.0
        for (o, e) in zip(observed, expected) {
            precondition(e > 0, "every cell needs an expected count > 0")
            statistic += (Double(o) - e) * (Double(o) - e) / e
        }
        let degrees = Double(observed.count - 1 - estimatedParameters)
        return (statistic, SpecialFunctions.regularizedGammaQ(degrees / 2, statistic / 2))
    }
}
