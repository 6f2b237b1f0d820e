import Testing

@testable import SimCore

@Suite("Statistics")
struct StatisticsTests {
    @Test("Welford agrees with the two-pass formulas, and merging equals adding")
    func welford() {
        var g = Xoshiro256StarStar(seed: 8)
        let data = (0..<5_000).map { _ in 1e9 + g.nextUnitInterval() }
        let mean = data.reduce(0, +) / Double(data.count)
        let variance = data.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(data.count - 1)
        var all = RunningMoments()
        var left = RunningMoments()
        var right = RunningMoments()
        for (i, x) in data.enumerated() {
            all.add(x)
            if i < 1_234 { left.add(x) } else { right.add(x) }
        }
        left.merge(right)
        // Values near 10^9 differing in the last 30 bits: a naive Σx² formula loses every digit here.
        #expect(abs(all.mean - mean) < 1e-5)
        #expect(abs(all.variance / variance - 1) < 1e-6)
        #expect(abs(left.mean - all.mean) < 1e-5 && abs(left.variance / all.variance - 1) < 1e-6)
        #expect(left.count == 5_000 && left.minimum == data.min() && left.maximum == data.max())
    }

    @Test("Student-t and normal quantiles match published tables")
    func quantiles() {
        // Student's t table: t(0.975; 10) = 2.228139, t(0.995; 5) = 4.032143, t(0.95; 1) = 6.313752.
        #expect(abs(StudentT(degreesOfFreedom: 10).quantile(0.975) - 2.228_138_852) < 1e-8)
        #expect(abs(StudentT(degreesOfFreedom: 5).quantile(0.995) - 4.032_142_984) < 1e-8)
        #expect(abs(StudentT(degreesOfFreedom: 1).quantile(0.95) - 6.313_751_515) < 1e-7)
        #expect(abs(SpecialFunctions.normalQuantile(0.975) - 1.959_963_984_540_054) < 1e-12)
        #expect(abs(SpecialFunctions.normalQuantile(1e-6) + 4.753_424_308_822_899) < 1e-9)
        // P(2, 3) = 1 − 4 e^−3; I_0.5(2, 3) = 11/16.
        #expect(abs(SpecialFunctions.regularizedGammaP(2, 3) - (1 - 4 * 0.049_787_068_367_863_944)) < 1e-13)
        #expect(abs(SpecialFunctions.regularizedBeta(0.5, 2, 3) - 11.0 / 16) < 1e-13)
    }

    @Test("a confidence interval from 10 values uses t(0.975; 9)")
    func confidenceInterval() {
        var moments = RunningMoments()
        for x in [4.0, 6, 5, 7, 3, 5, 6, 4, 5, 5] { moments.add(x) }
        let ci = moments.confidenceInterval(level: 0.95)!
        // The mean is 5 and Σ(x − 5)² = 12, so s² = 12/9 and the half width is 2.262157 · √(12/9) / √10.
        #expect(abs(ci.halfWidth - 2.262_157_163 * (12.0 / 9).squareRoot() / 10.0.squareRoot()) < 1e-8)
        #expect(ci.contains(5) && !ci.contains(6))
    }

    @Test("the time-weighted average weights each value by how long it held")
    func timeWeighted() {
        var busy = TimeWeightedAverage(value: 0, at: 0)
        busy.record(2, at: 1)
        busy.record(1, at: 4)
        busy.record(0, at: 5)
        // 0·1 + 2·3 + 1·1 + 0·5 over 10.
        #expect(busy.average(until: 10) == 0.7)
        #expect(busy.maximum == 2)
        busy.reset(at: 6)
        busy.record(4, at: 8)
        #expect(busy.average(until: 10) == 2)
    }

    @Test("the quantile sketch stays within its relative accuracy of the exact order statistics")
    func sketch() {
        var g = Xoshiro256StarStar(seed: 4)
        let lognormal = Lognormal(mu: 2, sigma: 1.5)
        let values = (0..<100_000).map { _ in lognormal.sample(using: &g) }
        var sketch = QuantileSketch(relativeAccuracy: 0.01)
        for value in values { sketch.add(value) }
        let sorted = values.sorted()
        for q in [0.5, 0.9, 0.95, 0.99] {
            let exact = sorted[Int((q * Double(sorted.count)).rounded(.up)) - 1]
            let estimate = sketch.quantile(q)!
            #expect(abs(estimate / exact - 1) <= 0.01 + 1e-12, "P\(Int(q * 100)): \(estimate) vs \(exact)")
        }
        #expect(QuantileSketch().quantile(0.5) == nil)
    }

    @Test("batch means: intervals cover the mean of AR(1) streams whose naive intervals are too narrow")
    func batchMeans() {
        // Five independent streams; each 99% interval misses with probability 0.01, so two or
        // more misses (probability 0.001) would mean the intervals are too narrow.
        var covered = 0
        for seed in 1...5 as ClosedRange<UInt64> {
            var g = Xoshiro256StarStar(seed: seed)
            var batches = BatchMeans(batchSize: 2_000)
            var x = 0.0
            let innovation = Normal(mean: 0, standardDeviation: 1)
            for _ in 0..<200_000 {
                x = 0.95 * x + innovation.sample(using: &g)
                batches.add(x)
            }
            let ci = batches.confidenceInterval(level: 0.99)!
            if ci.contains(0) { covered += 1 }
            let naive = batches.overall.confidenceInterval(level: 0.99)!
            // The AR(1) variance inflation is (1 + φ)/(1 − φ) = 39: the honest interval is ~6× wider.
            #expect(ci.halfWidth > 4 * naive.halfWidth)
        }
        #expect(covered >= 4)
    }

    @Test("goodness of fit rejects the wrong distribution")
    func rejects() {
        var g = Xoshiro256StarStar(seed: 10)
        let sample = (0..<5_000).map { _ in Exponential(rate: 1).sample(using: &g) }
        #expect(GoodnessOfFit.kolmogorovSmirnov(sample, cdf: Exponential(rate: 1.1).cdf).pValue < 0.001)
        #expect(GoodnessOfFit.kolmogorovSmirnov(sample, cdf: Exponential(rate: 1).cdf).pValue > 0.01)
    }
}

@Suite("Nearest-rank quantiles")
struct NearestRankTests {
    @Test("rank ⌈q·n⌉ of sorted values, by hand")
    func ranks() {
        let values = [1.0, 2, 3, 4, 5, 6, 7, 8, 9, 10]
        #expect(values.nearestRankQuantile(0) == 1)
        #expect(values.nearestRankQuantile(0.1) == 1)
        #expect(values.nearestRankQuantile(0.5) == 5)
        #expect(values.nearestRankQuantile(0.95) == 10)
        #expect([Double]().nearestRankQuantile(0.5) == nil)
    }
}
