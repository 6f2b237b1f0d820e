/// The Bernoulli distribution: 1 with probability p, else 0.
public struct Bernoulli: DiscreteDistribution {
    public let p: Double

    /// A coin that shows 1 with probability `p` in [0, 1].
    public init(p: Double) {
        precondition((0...1).contains(p), "Bernoulli needs p in [0, 1]")
        self.p = p
    }

    public var mean: Double { p }
    public var variance: Double { p * (1 - p) }

    public func probability(_ k: Int) -> Double {
        k == 1 ? p : (k == 0 ? 1 - p : 0)
    }

    @inlinable
    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Int {
        generator.nextUnitInterval() < p ? 1 : 0
    }
}
