/// A discrete distribution over 0..<n with given weights, sampled in O(1) by the alias method.
///
/// Vose, "A linear algorithm for generating random numbers with a given distribution", IEEE TSE
/// 17(9), 1991. Used for categorical choices (access technology of a new subscriber, job widths).
public struct Empirical: DiscreteDistribution {
    /// The normalised probability of each outcome.
    public let probabilities: [Double]
    @usableFromInline
    let threshold: [Double]
    @usableFromInline
    let alias: [Int]

    /// Outcomes 0..<weights.count with probabilities proportional to `weights` (≥ 0, sum > 0).
    public init(weights: [Double]) {
        precondition(!weights.isEmpty, "Empirical needs at least one weight")
        precondition(
            weights.allSatisfy { $0 >= 0 && $0.isFinite }, "Empirical weights must be finite and ≥ 0")
        let total = weights.reduce(0, +)
        precondition(total > 0, "Empirical weights must not all be zero")
        let n = weights.count
        probabilities = weights.map { $0 / total }
        var scaled = probabilities.map { $0 * Double(n) }
        var threshold = [Double](repeating: 1, count: n)
        var alias = Array(0..<n)
        var small = scaled.indices.filter { scaled[$0] < 1 }
        var large = scaled.indices.filter { scaled[$0] >= 1 }
        while let s = small.popLast(), let l = large.popLast() {
            threshold[s] = scaled[s]
            alias[s] = l
            scaled[l] -= 1 - scaled[s]
            if scaled[l] < 1 { small.append(l) } else { large.append(l) }
        }
        self.threshold = threshold
        self.alias = alias
    }

    public var mean: Double {
        probabilities.enumerated().reduce(0) { $0 + Double($1.offset) * $1.element }
    }

    public var variance: Double {
        let m = mean
        return probabilities.enumerated().reduce(0) {
            $0 + (Double($1.offset) - m) * (Double($1.offset) - m) * $1.element
        }
    }

    public func probability(_ k: Int) -> Double {
        probabilities.indices.contains(k) ? probabilities[k] : 0
    }

    @inlinable
    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Int {
        let column = Int(generator.next(upperBound: UInt64(threshold.count)))
        return generator.nextUnitInterval() < threshold[column] ? column : alias[column]
    }
}
