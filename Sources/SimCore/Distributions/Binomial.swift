import RealModule

/// The binomial distribution: successes in n independent trials of probability p.
public struct Binomial: DiscreteDistribution {
    public let trials: Int
    public let p: Double

    /// Binomial with `trials` ≥ 0 and success probability `p` in [0, 1].
    public init(trials: Int, p: Double) {
        precondition(trials >= 0 && (0...1).contains(p), "Binomial needs trials ≥ 0 and p in [0, 1]")
        self.trials = trials
        self.p = p
    }

    public var mean: Double { Double(trials) * p }
    public var variance: Double { Double(trials) * p * (1 - p) }

    public func probability(_ k: Int) -> Double {
        if k < 0 || k > trials { return 0 }
        if p == 0 { return k == 0 ? 1 : 0 }
        if p == 1 { return k == trials ? 1 : 0 }
        let logChoose =
            SpecialFunctions.logFactorial(trials) - SpecialFunctions.logFactorial(k)
            - SpecialFunctions.logFactorial(trials - k)
        return Double.exp(
            logChoose + Double(k) * Double.log(p) + Double(trials - k) * Double.log(onePlus: -p))
    }

    /// One variate, exactly distributed. When n·min(p, 1 − p) ≥ 10 it comes from BTPE
    /// (Kachitvichyanukul and Schmeiser, CACM 31(2), 1988), whose expected cost does not grow with n;
    /// below that, inversion from the mode is cheap and needs no setup.
    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Int {
        if trials == 0 || p == 0 { return 0 }
        if p == 1 { return trials }
        // 1 − p is exact for p ≥ 1/2, so the reflected distribution is the same one.
        let smaller = Swift.min(p, 1 - p)
        if Double(trials) * smaller < 10 { return sampleByInversion(using: &generator) }
        let k = BTPE(trials: trials, p: smaller).sample(using: &generator)
        return p > 0.5 ? trials - k : k
    }

    /// Exact inversion, searching outward from the mode (Kemp's method), so the expected work grows
    /// as √(n p (1 − p)), not as n.
    private func sampleByInversion<G: RandomNumberGenerator>(using generator: inout G) -> Int {
        let mode = Swift.min(trials, Int((Double(trials + 1) * p).rounded(.down)))
        let ratio = p / (1 - p)
        let u = generator.nextUnitInterval()
        // Walk the probability mass alternately down and up from the mode until it covers u.
        let pMode = probability(mode)
        var lowK = mode
        var lowP = pMode
        var highK = mode
        var highP = pMode
        var covered = pMode
        if u < covered { return mode }
        while lowK > 0 || highK < trials {
            if highK < trials {
                highP *= Double(trials - highK) / Double(highK + 1) * ratio
                highK += 1
                covered += highP
                if u < covered { return highK }
            }
            if lowK > 0 {
                lowP *= Double(lowK) / Double(trials - lowK + 1) / ratio
                lowK -= 1
                covered += lowP
                if u < covered { return lowK }
            }
        }
        return mode
    }
}

/// BTPE's rejection sampler for n trials of probability r ≤ 1/2 with n r ≥ 10.
///
/// The pmf, scaled to 1 at the mode M, lies under a hat made of a triangle and a parallelogram
/// around M and an exponential tail on each side. A point drawn under the hat is kept when it is
/// under the pmf; cheap bounds on the pmf decide most points without evaluating it.
private struct BTPE {
    let n: Int
    let r: Double
    let q: Double
    /// n r (1 − r), the variance.
    let npq: Double
    /// The mode M = ⌊(n + 1) r⌋.
    let mode: Int
    /// M + 1/2, the centre of the triangle and the parallelogram.
    let centre: Double
    /// The half width of the triangle; also the cumulative area of the triangle.
    let p1: Double
    /// Where the left and right exponential tails begin.
    let leftEdge: Double
    let rightEdge: Double
    /// The height of the parallelogram above the triangle's sides.
    let c: Double
    /// The decay rates of the exponential tails.
    let lambdaLeft: Double
    let lambdaRight: Double
    /// Cumulative areas of the hat: up to the parallelogram, the left tail and the right tail.
    let p2: Double
    let p3: Double
    let p4: Double

    init(trials n: Int, p r: Double) {
        self.n = n
        self.r = r
        q = 1 - r
        let meanPlusR = Double(n) * r + r
        npq = Double(n) * r * q
        mode = Int(meanPlusR.rounded(.down))
        centre = Double(mode) + 0.5
        // The paper's constants, chosen to keep the hat close to the pmf.
        p1 = (2.195 * npq.squareRoot() - 4.6 * q).rounded(.down) + 0.5
        leftEdge = centre - p1
        rightEdge = centre + p1
        c = 0.134 + 20.5 / (15.3 + Double(mode))
        let slopeLeft = (meanPlusR - leftEdge) / (meanPlusR - leftEdge * r)
        lambdaLeft = slopeLeft * (1 + slopeLeft / 2)
        let slopeRight = (rightEdge - meanPlusR) / (rightEdge * q)
        lambdaRight = slopeRight * (1 + slopeRight / 2)
        p2 = p1 * (1 + 2 * c)
        p3 = p2 + c / lambdaLeft
        p4 = p3 + c / lambdaRight
    }

    func sample<G: RandomNumberGenerator>(using generator: inout G) -> Int {
        while true {
            let u = generator.nextUnitInterval() * p4
            var v = generator.nextUnitInterval()
            // The triangle lies wholly under the pmf: accept at once.
            if u <= p1 { return Int((centre - p1 * v + u).rounded(.down)) }
            let y: Double
            if u <= p2 {
                let x = leftEdge + (u - p1) / c
                v = v * c + 1 - abs(x - centre) / p1
                if v > 1 { continue }
                y = x.rounded(.down)
            } else if u <= p3 {
                y = (leftEdge + Double.log(v) / lambdaLeft).rounded(.down)
                // Written to reject NaN and −∞ (v = 0) too.
                if !(y >= 0) { continue }
                v *= (u - p2) * lambdaLeft
            } else {
                y = (rightEdge - Double.log(v) / lambdaRight).rounded(.down)
                if !(y <= Double(n)) { continue }
                v *= (u - p3) * lambdaRight
            }
            let k = Int(y)
            if accepts(k, height: v) { return k }
        }
    }

    /// Whether `height` ≤ f(k) / f(M), with f the pmf.
    private func accepts(_ k: Int, height v: Double) -> Bool {
        let distance = Double(abs(k - mode))
        if distance <= 20 || distance >= npq / 2 - 1 {
            // Near the mode (or for a small variance) the ratio by the recurrence
            // f(i) / f(i − 1) = (n + 1 − i) r / (i q); it only falls moving away from M.
            let s = r / q
            let a = s * Double(n + 1)
            var ratio = 1.0
            if k > mode {
                for i in (mode + 1)...k {
                    ratio *= a / Double(i) - s
                    if ratio < v { return false }
                }
            } else if k < mode {
                for i in (k + 1)...mode {
                    ratio /= a / Double(i) - s
                    if ratio < v { return false }
                }
            }
            return v <= ratio
        }
        // Squeeze: log f(k) / f(M) lies within ρ of the normal approximation t = −d² / (2 n p q).
        let logV = Double.log(v)
        let rho = distance / npq * ((distance * (distance / 3 + 0.625) + 1.0 / 6) / npq + 0.5)
        let t = -distance * distance / (2 * npq)
        if logV < t - rho { return true }
        if logV > t + rho { return false }
        // Otherwise log f(k) / f(M) itself, from Stirling's series for the four factorials.
        let x1 = Double(k + 1)
        let f1 = Double(mode + 1)
        let z = Double(n + 1 - mode)
        let w = Double(n - k + 1)
        let shift = Double(k - mode)
        let leading =
            centre * Double.log(onePlus: -shift / x1) + (z - 0.5) * Double.log(onePlus: shift / w)
            + shift * Double.log(w * r / (x1 * q))
        let logRatio =
            leading + stirlingCorrection(f1) + stirlingCorrection(z) - stirlingCorrection(x1)
            - stirlingCorrection(w)
        return logV <= logRatio
    }

    /// log Γ(x) − ((x − 1/2) log x − x + log √(2π)), to five terms of Stirling's series.
    private func stirlingCorrection(_ x: Double) -> Double {
        let x2 = x * x
        return (13_860 - (462 - (132 - (99 - 140 / x2) / x2) / x2) / x2) / x / 166_320
    }
}
