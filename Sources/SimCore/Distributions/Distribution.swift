/// A distribution over real numbers that the models draw from.
///
/// Every distribution states its mean and variance and its distribution function, so tests can
/// check the sampler against closed forms (moments, Kolmogorov–Smirnov).
public protocol ContinuousDistribution: Sendable {
    /// The expected value.
    var mean: Double { get }
    /// The variance.
    var variance: Double { get }
    /// P(X ≤ x).
    func cdf(_ x: Double) -> Double
    /// The smallest x with P(X ≤ x) ≥ p, for p in (0, 1).
    func quantile(_ p: Double) -> Double
    /// One variate.
    func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double
}

/// A distribution over integers that the models draw from.
public protocol DiscreteDistribution: Sendable {
    /// The expected value.
    var mean: Double { get }
    /// The variance.
    var variance: Double { get }
    /// P(X = k).
    func probability(_ k: Int) -> Double
    /// One variate.
    func sample<G: RandomNumberGenerator>(using generator: inout G) -> Int
}
