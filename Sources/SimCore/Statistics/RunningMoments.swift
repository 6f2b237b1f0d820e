/// Streaming mean and variance by Welford's method: one pass, numerically stable, mergeable.
///
/// Welford, Technometrics 4(3), 1962; the merge is Chan, Golub and LeVeque's pairwise update.
public struct RunningMoments: Sendable, Hashable, Codable {
    /// Observations seen.
    public private(set) var count: Int = 0
    /// Their mean (0 when empty).
    public private(set) var mean: Double = 0
    private var sumOfSquaredDeviations: Double = 0
    /// The smallest observation (+∞ when empty).
    public private(set) var minimum: Double = .infinity
    /// The largest observation (−∞ when empty).
    public private(set) var maximum: Double = -.infinity

    /// No observations yet.
    public init() {}

    /// Adds one observation.
    public mutating func add(_ x: Double) {
        count += 1
        let delta = x - mean
        mean += delta / Double(count)
        sumOfSquaredDeviations += delta * (x - mean)
        if x < minimum { minimum = x }
        if x > maximum { maximum = x }
    }

    /// Adds everything `other` has seen, as if its observations had been added here.
    public mutating func merge(_ other: RunningMoments) {
        guard other.count > 0 else { return }
        guard count > 0 else {
            self = other
            return
        }
        let total = count + other.count
        let delta = other.mean - mean
        mean += delta * Double(other.count) / Double(total)
        sumOfSquaredDeviations +=
            other.sumOfSquaredDeviations + delta * delta * Double(count) * Double(other.count) / Double(total)
        count = total
        minimum = Swift.min(minimum, other.minimum)
        maximum = Swift.max(maximum, other.maximum)
    }

    /// The sample variance (n − 1 denominator); 0 with fewer than two observations.
    public var variance: Double {
        count > 1 ? sumOfSquaredDeviations / Double(count - 1) : 0
    }

    /// The sample standard deviation.
    public var standardDeviation: Double { variance.squareRoot() }

    /// The Student-t confidence interval for the mean at `level` (e.g. 0.95), assuming independent
    /// observations; nil with fewer than two.
    public func confidenceInterval(level: Double) -> ConfidenceInterval? {
        guard count > 1 else { return nil }
        let t = StudentT(degreesOfFreedom: Double(count - 1)).quantile(0.5 + level / 2)
        let halfWidth = t * standardDeviation / Double(count).squareRoot()
        return ConfidenceInterval(center: mean, halfWidth: halfWidth, level: level)
    }
}

/// An estimate with a symmetric confidence interval.
public struct ConfidenceInterval: Sendable, Hashable, Codable {
    /// The point estimate.
    public var center: Double
    /// Half the interval's width.
    public var halfWidth: Double
    /// The confidence level, e.g. 0.99.
    public var level: Double

    /// The lower end.
    public var lower: Double { center - halfWidth }
    /// The upper end.
    public var upper: Double { center + halfWidth }

    /// Whether `value` lies inside the closed interval.
    public func contains(_ value: Double) -> Bool {
        value >= lower && value <= upper
    }
}
