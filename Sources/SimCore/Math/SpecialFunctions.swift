import RealModule

/// Special functions the distributions and statistics need, in double precision.
///
/// Series and continued fractions after Press et al., "Numerical Recipes", 3rd ed., §6.2 and §6.4,
/// and the normal quantile after Acklam (2003) refined by one Halley step.
public enum SpecialFunctions {
    /// The regularized lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a).
    public static func regularizedGammaP(_ a: Double, _ x: Double) -> Double {
        precondition(a > 0, "P(a, x) needs a > 0")
        if x <= 0 { return 0 }
        if x.isInfinite { return 1 }
        let logPrefix = a * Double.log(x) - x - Double.logGamma(a)
        if x < a + 1 {
            var term = 1 / a
            var sum = term
            var n = a
            for _ in 0..<10_000 {
                n += 1
                term *= x / n
                sum += term
                if abs(term) < abs(sum) * 1e-16 { break }
            }
            return sum * Double.exp(logPrefix)
        }
        return 1 - continuedFractionGammaQ(a, x) * Double.exp(logPrefix)
    }

    /// The regularized upper incomplete gamma function Q(a, x) = 1 − P(a, x).
    public static func regularizedGammaQ(_ a: Double, _ x: Double) -> Double {
        if x < a + 1 { return 1 - regularizedGammaP(a, x) }
        let logPrefix = a * Double.log(x) - x - Double.logGamma(a)
        return continuedFractionGammaQ(a, x) * Double.exp(logPrefix)
    }

    /// Lentz's continued fraction for Q(a, x) without its prefix x^a e^−x / Γ(a).
    private static func continuedFractionGammaQ(_ a: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        for i in 1..<10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return h
    }

    /// The regularized incomplete beta function I_x(a, b).
    public static func regularizedBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        precondition(a > 0 && b > 0, "I_x(a, b) needs a, b > 0")
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logPrefix =
            Double.logGamma(a + b) - Double.logGamma(a) - Double.logGamma(b) + a * Double.log(x)
            + b * Double.log(1 - x)
        if x < (a + 1) / (a + b + 2) {
            return Double.exp(logPrefix) * continuedFractionBeta(x, a, b) / a
        }
        return 1 - Double.exp(logPrefix) * continuedFractionBeta(1 - x, b, a) / b
    }

    private static func continuedFractionBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1..<10_000 {
            let m = Double(m)
            let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + even * d
            if abs(d) < tiny { d = tiny }
            c = 1 + even / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + odd * d
            if abs(d) < tiny { d = tiny }
            c = 1 + odd / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return h
    }

    /// Φ(z), the standard normal distribution function.
    public static func normalCDF(_ z: Double) -> Double {
        0.5 * Double.erfc(-z / 2.0.squareRoot())
    }

    /// Φ⁻¹(p), the standard normal quantile, for p in (0, 1).
    public static func normalQuantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "the normal quantile needs p in (0, 1)")
        let a = [
            -39.696_830_286_653_76, 220.946_098_424_520_5, -275.928_510_446_968_7,
            138.357_751_867_269_0, -30.664_798_066_147_16, 2.506_628_277_459_239,
        ]
        let b = [
            -54.476_098_798_224_06, 161.585_836_858_040_9, -155.698_979_859_886_6,
            66.801_311_887_719_72, -13.280_681_552_885_72,
        ]
        let c = [
            -0.007_784_894_002_430_293, -0.322_396_458_041_136_5, -2.400_758_277_161_838,
            -2.549_732_539_343_734, 4.374_664_141_464_968, 2.938_163_982_698_783,
        ]
        let d = [
            0.007_784_695_709_041_462, 0.322_467_129_070_039_8, 2.445_134_137_142_996,
            3.754_408_661_907_416,
        ]
        let low = 0.024_25
        var x: Double
        if p < low {
            let q = (-2 * Double.log(p)).squareRoot()
            x =
                (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p <= 1 - low {
            let q = p - 0.5
            let r = q * q
            x =
                (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        } else {
            let q = (-2 * Double.log(1 - p)).squareRoot()
            x =
                -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        let error = normalCDF(x) - p
        let u = error * (2 * Double.pi).squareRoot() * Double.exp(x * x / 2)
        x -= u / (1 + x * u / 2)
        return x
    }

    /// log(n!), exact through `logGamma`.
    public static func logFactorial(_ n: Int) -> Double {
        Double.logGamma(Double(n) + 1)
    }

    /// The x in [lower, upper] where the increasing function `f` crosses `target`, by bisection
    /// to within `tolerance` (relative to the bracket) or 200 halvings.
    public static func invert(
        _ f: (Double) -> Double, target: Double, lower: Double, upper: Double,
        tolerance: Double = 1e-13
    ) -> Double {
        var lo = lower
        var hi = upper
        for _ in 0..<200 {
            let mid = 0.5 * (lo + hi)
            if f(mid) < target { lo = mid } else { hi = mid }
            if hi - lo <= tolerance * Swift.max(1, abs(mid)) { break }
        }
        return 0.5 * (lo + hi)
    }
}
