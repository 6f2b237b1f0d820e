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

    /// One variate by exact inversion, searching outward from the mode (Kemp's method), so the
    /// expected work grows as √(n p (1 − p)), not as n.
    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Int {
        if trials == 0 || p == 0 { return 0 }
        if p == 1 { return trials }
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
