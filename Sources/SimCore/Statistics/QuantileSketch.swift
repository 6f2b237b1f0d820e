import RealModule

/// Quantiles (P50, P90, P95, P99) of a stream of non-negative values in bounded memory, with a
/// guaranteed relative error.
///
/// Values fall in logarithmic buckets of ratio γ = (1 + α) / (1 − α); a quantile is answered with
/// the bucket's centre, within relative error α of a true value of that rank (the DDSketch
/// construction: Masson, Rim and Lee, VLDB 2019). Zero and values below `minimumValue` share one
/// bucket. Memory grows with log(max / minimumValue) / log γ, not with the number of values.
public struct QuantileSketch: Sendable, Hashable, Codable {
    /// The relative accuracy α.
    public let relativeAccuracy: Double
    /// Values at or below this count as zero.
    public let minimumValue: Double
    private let logGamma: Double
    private var counts: [Int] = []
    private var offset = 0
    private var zeroCount = 0
    /// Values added.
    public private(set) var count = 0

    /// A sketch answering within `relativeAccuracy` (0 < α < 1) for values above `minimumValue`.
    public init(relativeAccuracy: Double = 0.005, minimumValue: Double = 1e-9) {
        precondition(relativeAccuracy > 0 && relativeAccuracy < 1, "relative accuracy must be in (0, 1)")
        precondition(minimumValue > 0, "the minimum value must be > 0")
        self.relativeAccuracy = relativeAccuracy
        self.minimumValue = minimumValue
        logGamma = Double.log((1 + relativeAccuracy) / (1 - relativeAccuracy))
    }

    /// Adds a value (≥ 0).
    public mutating func add(_ value: Double) {
        precondition(value >= 0, "QuantileSketch takes values ≥ 0")
        count += 1
        if value <= minimumValue {
            zeroCount += 1
            return
        }
        let key = Int((Double.log(value) / logGamma).rounded(.up))
        if counts.isEmpty {
            offset = key
            counts = [0]
        } else if key < offset {
            counts.insert(contentsOf: repeatElement(0, count: offset - key), at: 0)
            offset = key
        } else if key >= offset + counts.count {
            counts.append(contentsOf: repeatElement(0, count: key - offset - counts.count + 1))
        }
        counts[key - offset] += 1
    }

    /// The value of rank ⌈q · count⌉ (q in [0, 1]), within the relative accuracy; nil when empty.
    public func quantile(_ q: Double) -> Double? {
        precondition((0...1).contains(q), "a quantile is in [0, 1]")
        guard count > 0 else { return nil }
        let rank = Swift.max(1, Int((q * Double(count)).rounded(.up)))
        var seen = zeroCount
        if rank <= seen { return 0 }
        for (index, bucketCount) in counts.enumerated() {
            seen += bucketCount
            if seen >= rank {
                let key = Double(index + offset)
                return 2 * Double.exp(key * logGamma) / (1 + Double.exp(logGamma))
            }
        }
        return nil
    }
}
