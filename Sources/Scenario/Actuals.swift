import Foundation
import Yams

/// Published figures to check a scenario against: what happened (actuals) and what was aimed
/// for (targets), each with its month, source, confidence and, for a gate, a tolerance.
///
/// Read from YAML (a list of points) with the same checking as scenario files: every problem
/// with file, line and column.
public struct Actuals: Sendable, Hashable {
    /// What a point measures; shares are fractions from 0 to 1.
    public enum Metric: String, Sendable, Hashable, Codable, CaseIterable {
        /// The share of fixed subscribers' busy-hour traffic on IPv6.
        case fixedIPv6TrafficShare
        /// The share of fixed subscribers with working IPv6.
        case ipv6EnabledShare
        /// Fixed broadband subscribers.
        case subscribers
        /// The share of them on fibre (FTTH/O).
        case ftthShare

        /// Whether values are shares (0…1).
        public var isShare: Bool { self != .subscribers }
    }

    /// An actual outcome or a policy target.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case actual
        case target
    }

    /// How sure the source is.
    public enum Confidence: String, Sendable, Hashable, Codable, CaseIterable {
        case high
        case medium
        case low
    }

    /// One published figure.
    public struct Point: Sendable, Hashable, Codable {
        /// A point; see the properties.
        public init(
            month: YearMonth, metric: Metric, value: Double, kind: Kind, source: String,
            confidence: Confidence? = nil, tolerance: Double? = nil
        ) {
            self.month = month
            self.metric = metric
            self.value = value
            self.kind = kind
            self.source = source
            self.confidence = confidence
            self.tolerance = tolerance
        }

        public var month: YearMonth
        public var metric: Metric
        public var value: Double
        public var kind: Kind
        public var source: String
        public var confidence: Confidence?
        /// The largest acceptable |model P50 − value|, in the metric's unit; no gate when absent.
        public var tolerance: Double?
    }

    /// The points, in file order.
    public var points: [Point]
    /// Where each point sits in its file (for messages that name it).
    public var locations: [SourceLocation]

    /// Points with their positions (empty when made in code).
    public init(points: [Point], locations: [SourceLocation] = []) {
        self.points = points
        self.locations = locations
    }

    /// The file's shape.
    public static let schema = Schema.array(
        .object([
            .init("month", .month, "The month the figure describes (its end)."),
            .init("metric", .choice(Metric.allCases.map(\.rawValue)), "What the figure measures."),
            .init("value", .number(0...1e15, unit: nil), "The figure; shares as fractions 0–1."),
            .init("kind", .choice(Kind.allCases.map(\.rawValue)), "An actual outcome or a policy target."),
            .init("source", .string, "Where the figure was published."),
            .init(
                "confidence", required: false, .choice(Confidence.allCases.map(\.rawValue)),
                "How sure the source is."),
            .init(
                "tolerance", required: false, .number(0...1e15, unit: nil),
                "The largest acceptable distance of the model's P50, in the metric's unit; no gate when absent."
            ),
        ]), count: 1...100_000)

    /// Reads the actuals file at `path`.
    public static func load(path: String) throws(ScenarioErrors) -> Actuals {
        let node = try ScenarioLoader.parse(
            path: path, expected: "a list of actuals: month, metric, value, kind, source")
        var checker = SchemaChecker(file: path)
        checker.check(node, against: schema, path: "")
        guard case .sequence(let sequence) = node else { throw ScenarioErrors(checker.errors) }
        for (index, item) in sequence.enumerated() {
            guard let metric = item["metric"]?.string.flatMap(Metric.init(rawValue:)), metric.isShare,
                let valueNode = item["value"],
                let value = Double(valueNode.string?.replacingUnderscores ?? ""),
                value > 1
            else { continue }
            checker.fail(
                valueNode, "[\(index)].value", "a share from 0 to 1 for \(metric.rawValue)",
                found: Schema.format(value)
            )
        }
        if !checker.errors.isEmpty { throw ScenarioErrors(checker.errors) }
        do {
            let points = try YAMLDecoder().decode([Point].self, from: node)
            let locations = sequence.map { checker.location(of: $0) }
            return Actuals(points: points, locations: locations)
        } catch {
            throw ScenarioErrors([
                ScenarioError(
                    location: SourceLocation(file: path, line: 1, column: 1), path: "",
                    expected: "a file Metro6 can decode (please report this, with the file)",
                    found: "a value the checks passed but the reader refused")
            ])
        }
    }
}
