import Foundation
import SimCore
import Yams

/// A number the planner does not know, written in its place in a scenario file:
/// `{lognormal: {median, sigma}}`, `{triangular: {low, mode, high}}`, `{uniform: {low, high}}`
/// or `{normal: {mean, sd}}`. Each replication draws it once; draws are kept inside the field's
/// range (the distribution truncated to it).
public enum InputDistribution: Sendable, Hashable {
    case lognormal(median: Double, sigma: Double)
    case triangular(low: Double, mode: Double, high: Double)
    case uniform(low: Double, high: Double)
    case normal(mean: Double, sd: Double)

    /// The names and parameters, as files write them.
    static let forms: [(name: String, parameters: [String])] = [
        ("lognormal", ["median", "sigma"]), ("triangular", ["low", "mode", "high"]),
        ("uniform", ["low", "high"]),
        ("normal", ["mean", "sd"]),
    ]

    /// The value a point run uses: the median, the mode, the middle or the mean.
    public var central: Double {
        switch self {
        case .lognormal(let median, _): median
        case .triangular(_, let mode, _): mode
        case .uniform(let low, let high): (low + high) / 2
        case .normal(let mean, _): mean
        }
    }

    /// One draw inside `range` (by inversion of the truncated distribution: one uniform a draw).
    public func draw<G: RandomNumberGenerator>(in range: ClosedRange<Double>, using generator: inout G)
        -> Double
    {
        func truncated<D: ContinuousDistribution>(_ distribution: D) -> Double {
            Truncated(distribution, lower: range.lowerBound, upper: range.upperBound).sample(
                using: &generator)
        }
        switch self {
        case .lognormal(let median, let sigma):
            return truncated(Lognormal(mu: Foundation.log(median), sigma: sigma))
        case .triangular(let low, let mode, let high):
            return truncated(Triangular(low: low, mode: mode, high: high))
        case .uniform(let low, let high): return truncated(Uniform(lower: low, upper: high))
        case .normal(let mean, let sd): return truncated(Normal(mean: mean, standardDeviation: sd))
        }
    }

    /// Reads a distribution from `node`, or says what is wrong with it (nil problem: not a
    /// distribution at all, so the caller reports a plain type error).
    static func parse(_ node: Node) -> (InputDistribution?, problem: String?) {
        guard case .mapping(let mapping) = node, mapping.count == 1, let pair = mapping.first,
            let name = pair.key.string, let form = forms.first(where: { $0.name == name })
        else { return (nil, nil) }
        guard case .mapping(let parameters) = pair.value else {
            return (nil, "\(name) with \(form.parameters.joined(separator: ", "))")
        }
        var values: [String: Double] = [:]
        for (key, value) in parameters {
            guard let key = key.string, form.parameters.contains(key),
                let number = value.string.flatMap({ Double($0.replacingUnderscores) }), number.isFinite
            else {
                return (
                    nil, "\(name) with numbers \(form.parameters.joined(separator: ", ")) and nothing else"
                )
            }
            values[key] = number
        }
        guard values.count == form.parameters.count else {
            return (nil, "\(name) with \(form.parameters.joined(separator: ", "))")
        }
        let v = { (key: String) in values[key]! }
        switch name {
        case "lognormal":
            guard v("median") > 0, v("sigma") > 0 else {
                return (nil, "lognormal with median > 0 and sigma > 0")
            }
            return (.lognormal(median: v("median"), sigma: v("sigma")), nil)
        case "triangular":
            guard v("low") <= v("mode"), v("mode") <= v("high"), v("low") < v("high") else {
                return (nil, "triangular with low ≤ mode ≤ high and low < high")
            }
            return (.triangular(low: v("low"), mode: v("mode"), high: v("high")), nil)
        case "uniform":
            guard v("low") < v("high") else { return (nil, "uniform with low < high") }
            return (.uniform(low: v("low"), high: v("high")), nil)
        default:
            guard v("sd") > 0 else { return (nil, "normal with sd > 0") }
            return (.normal(mean: v("mean"), sd: v("sd")), nil)
        }
    }

    /// Whether draws truncated to `range` are possible and centred inside it.
    func fits(_ range: ClosedRange<Double>) -> Bool {
        switch self {
        case .triangular(let low, _, let high), .uniform(let low, let high):
            return range.contains(low) && range.contains(high)
        case .lognormal, .normal:
            return range.contains(central)
        }
    }
}
