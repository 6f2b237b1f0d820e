import Foundation
import MetroModel
import Scenario

/// Fits named inputs of a scenario to published figures, minimising the tolerance-weighted
/// squared error Σ ((P50 − actual) / tolerance)² over the `actual` points that have a tolerance,
/// by a deterministic search (`FitSearch`): months and counts scanned, numbers by Nelder–Mead on
/// a log scale within a factor 10 of the file's value.
public struct Calibration: Sendable {
    /// A fitted input.
    public struct Fitted: Sendable {
        public var parameter: FitParameter
        public var before: Double
        public var after: Double
    }

    /// The most scenario runs a fit makes unless told otherwise.
    public static let defaultMaximumRuns = 400

    /// The inputs, as fitted.
    public let fitted: [Fitted]
    /// The error before and after.
    public let errorBefore: Double
    public let errorAfter: Double
    /// Scenario runs made (each of `replications` replications).
    public let evaluations: Int
    /// The points the error is made of.
    public let pointsUsed: Int
    /// The comment block saying what was fitted: the inputs before and after, the error.
    public let summary: String
    /// The fitted scenario file: the original with the fitted values in place and `summary` on
    /// top.
    public let text: String

    /// The fitted scenario file without `summary`.
    public var body: String { String(text.dropFirst(summary.count)) }

    /// Fits `paths` of the scenario `text` (from `file`) to `actuals`, each candidate run
    /// `replications` times from `seed`, within `maximumEvaluations` runs.
    public init(
        text: String, file: String, actuals: Actuals, actualsFile: String, fit paths: [String], seed: UInt64,
        replications: Int, threads: Int? = nil, maximumEvaluations: Int = Calibration.defaultMaximumRuns
    ) throws(ScenarioErrors) {
        let original = try ScenarioLoader.inputs(text: text, file: file)
        try Backtest.checkMonths(of: actuals, within: original.central)
        let parameters = try paths.map { path throws(ScenarioErrors) in
            try FitParameter.resolve(path, text: text, file: file)
        }
        let used = actuals.points.filter { $0.kind == .actual && ($0.tolerance ?? 0) > 0 }
        guard !used.isEmpty else {
            throw ScenarioErrors([
                ScenarioError(
                    location: SourceLocation(file: actualsFile, line: 1, column: 1), path: "",
                    expected: "at least one actual point with a tolerance to fit to", found: "none")
            ])
        }
        var evaluations = 0
        func error(_ values: [Double]) -> Double {
            evaluations += 1
            let candidate = FitParameter.write(values, of: parameters, into: text)
            guard let inputs = try? ScenarioLoader.inputs(text: candidate, file: file),
                let results = try? ReplicationRunner.run(
                    inputs, seed: seed, replications: replications, threads: threads
                ).results
            else { return .infinity }
            let comparisons = Backtest.compare(
                results, start: inputs.central.start, with: Actuals(points: used, locations: []))
            var sum = 0.0
            for comparison in comparisons {
                let scaled = comparison.error / (comparison.tolerance ?? 1)
                sum += scaled * scaled
            }
            return sum
        }
        let search = FitSearch(parameters: parameters)
        let start = parameters.map(\.value)
        let before = error(start)
        let best = search.minimise(from: start, initialError: before, maximumEvaluations: maximumEvaluations)
        {
            error($0)
        }
        errorBefore = before
        errorAfter = best.error
        self.evaluations = evaluations
        pointsUsed = used.count
        fitted = zip(parameters, best.values).map { Fitted(parameter: $0, before: $0.value, after: $1) }
        let result = FitParameter.write(best.values, of: parameters, into: text)
        var header =
            "# Calibrated by metro6 calibrate against \(actualsFile): \(used.count) actual points with a "
        header +=
            "tolerance, seed \(seed), \(replications) replication\(replications == 1 ? "" : "s") a run, "
        header += "\(evaluations) runs.\n"
        for item in fitted {
            header += "#   \(item.parameter.path): \(item.parameter.written(item.before)) -> "
            header += "\(item.parameter.written(item.after))\n"
        }
        header += String(
            format: "# Error, the sum of ((P50 - actual) / tolerance)^2: %.4g before, %.4g after.\n",
            errorBefore,
            errorAfter)
        summary = header
        self.text = header + result
    }
}

/// Months and counts scanned (every value first, then those near the best), and Nelder–Mead
/// over the numbers scaled to [0, 1] (log scale for positive ones) with the months and counts
/// held, in turns, restarted with a smaller simplex until a turn no longer helps.
struct FitSearch {
    let parameters: [FitParameter]

    /// Position u in [0, 1] of value `x` of parameter `i`.
    func unit(_ x: Double, _ i: Int) -> Double {
        let bounds = parameters[i].bounds
        guard bounds.upperBound > bounds.lowerBound else { return 0 }
        if logScale(i) { return log(x / bounds.lowerBound) / log(bounds.upperBound / bounds.lowerBound) }
        return (x - bounds.lowerBound) / (bounds.upperBound - bounds.lowerBound)
    }

    /// The value of parameter `i` at position `u` (clamped; counts and months whole).
    func value(_ u: Double, _ i: Int) -> Double {
        let bounds = parameters[i].bounds
        let clamped = Swift.min(1, Swift.max(0, u))
        let x =
            logScale(i)
            ? bounds.lowerBound * pow(bounds.upperBound / bounds.lowerBound, clamped)
            : bounds.lowerBound + clamped * (bounds.upperBound - bounds.lowerBound)
        return isDiscrete(i) ? x.rounded() : x
    }

    func logScale(_ i: Int) -> Bool {
        if case .number = parameters[i].kind { return parameters[i].bounds.lowerBound > 0 }
        return false
    }

    func isDiscrete(_ i: Int) -> Bool {
        if case .number = parameters[i].kind { return false }
        return true
    }

    func minimise(
        from start: [Double], initialError: Double, maximumEvaluations: Int, _ error: ([Double]) -> Double
    ) -> (values: [Double], error: Double) {
        var budget = maximumEvaluations - 1
        var best = (values: start, error: initialError)
        func evaluate(_ values: [Double]) -> Double {
            budget -= 1
            let result = error(values)
            if result < best.error { best = (values, result) }
            return result
        }
        let continuous = parameters.indices.filter { !isDiscrete($0) }
        var size = 0.1
        var firstPass = true
        while budget > continuous.count + 1 {
            let before = best.error
            // Months and counts: every value on the first pass, then those near the best.
            for i in parameters.indices where isDiscrete(i) {
                let candidates = neighbours(of: best.values, i, within: firstPass ? nil : 6)
                for candidate in candidates where budget > 0 { _ = evaluate(candidate) }
            }
            firstPass = false
            if !continuous.isEmpty {
                let held = best.values
                func evaluateNumbers(_ sub: [Double]) -> Double {
                    var values = held
                    for (k, i) in continuous.enumerated() { values[i] = value(sub[k], i) }
                    return evaluate(values)
                }
                nelderMead(
                    from: continuous.map { unit(held[$0], $0) }, size: size, isSpent: { budget <= 0 },
                    evaluateNumbers)
            }
            if best.error >= before * (1 - 1e-6) {
                if size < 0.01 || continuous.isEmpty { break }
                size /= 4
            }
        }
        return best
    }

    /// One Nelder–Mead descent from `start` with an initial simplex of edge `size`.
    func nelderMead(from start: [Double], size: Double, isSpent: () -> Bool, _ evaluate: ([Double]) -> Double)
    {
        let n = start.count
        var simplex =
            [start]
            + (0..<n).map { i -> [Double] in
                var vertex = start
                vertex[i] = start[i] + size <= 1 ? start[i] + size : start[i] - size
                return vertex
            }
        var errors = simplex.map(evaluate)
        while !isSpent() {
            let order = errors.indices.sorted { errors[$0] < errors[$1] }
            simplex = order.map { simplex[$0] }
            errors = order.map { errors[$0] }
            let spread = (1..<simplex.count).map { v in
                zip(simplex[v], simplex[0]).map { abs($0 - $1) }.max()!
            }.max()!
            if spread < 1e-4 { return }
            let centroid = (0..<n).map { d in simplex.dropLast().reduce(0) { $0 + $1[d] } / Double(n) }
            func along(_ t: Double) -> [Double] {
                (0..<n).map { Swift.min(1, Swift.max(0, centroid[$0] + t * (simplex[n][$0] - centroid[$0]))) }
            }
            let reflected = along(-1)
            let reflectedError = evaluate(reflected)
            if reflectedError < errors[0] {
                let expanded = along(-2)
                let expandedError = evaluate(expanded)
                (simplex[n], errors[n]) =
                    expandedError < reflectedError ? (expanded, expandedError) : (reflected, reflectedError)
            } else if reflectedError < errors[n - 1] {
                (simplex[n], errors[n]) = (reflected, reflectedError)
            } else {
                let contracted = along(reflectedError < errors[n] ? -0.5 : 0.5)
                let contractedError = evaluate(contracted)
                if contractedError < Swift.min(reflectedError, errors[n]) {
                    (simplex[n], errors[n]) = (contracted, contractedError)
                } else {
                    for v in 1...n {
                        simplex[v] = (0..<n).map { simplex[0][$0] + 0.5 * (simplex[v][$0] - simplex[0][$0]) }
                        errors[v] = evaluate(simplex[v])
                    }
                }
            }
        }
    }

    /// `values` with parameter `i` (a month or a count) at each other value within `distance` of
    /// its own (every value in its bounds when nil).
    func neighbours(of values: [Double], _ i: Int, within distance: Double?) -> [[Double]] {
        let bounds = parameters[i].bounds
        let centre = values[i]
        let low = distance.map { Swift.max(bounds.lowerBound, centre - $0) } ?? bounds.lowerBound
        let high = distance.map { Swift.min(bounds.upperBound, centre + $0) } ?? bounds.upperBound
        return stride(from: low, through: high, by: 1).filter { $0 != centre }.map { candidate in
            var moved = values
            moved[i] = candidate
            return moved
        }
    }
}
