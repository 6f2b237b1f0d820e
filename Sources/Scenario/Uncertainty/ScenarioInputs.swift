import SimCore
import Yams

/// A scenario whose numbers may be distributions: the file with every distribution at its
/// central value (for validation, labels and point runs), and one draw of all of them per
/// replication, from that replication's own stream, so the same seed gives the same numbers on
/// any number of threads.
public struct ScenarioInputs: Sendable {
    /// The scenario with every distribution at its central value.
    public private(set) var central: ScenarioFile
    /// A shorter horizon than the file's, when asked for.
    private var monthsLimit: Int?
    /// Whether the compute centre is left out (the network alone is the question).
    private var skipsCompute = false
    /// The uncertain fields, in file order: their paths and distributions.
    public let uncertain: [(path: String, distribution: InputDistribution)]
    /// The text the draws are made from; nil for a scenario given as a value.
    let text: String?
    let file: String
    /// The changes made to the file's values, applied again to each draw.
    let overrides: [ScenarioOverride]

    /// The stream (of each replication's streams) that input draws come from; the models use
    /// others.
    public static let stream = 9

    /// A scenario of point values only.
    public init(_ scenario: ScenarioFile) {
        central = scenario
        uncertain = []
        text = nil
        file = ""
        overrides = []
    }

    init(
        central: ScenarioFile, uncertain: [(path: String, distribution: InputDistribution)], text: String,
        file: String, overrides: [ScenarioOverride]
    ) {
        self.central = central
        self.uncertain = uncertain
        self.text = uncertain.isEmpty ? nil : text
        self.file = file
        self.overrides = overrides
    }

    /// The same inputs simulated for at most `months` months.
    public func limited(to months: Int) -> ScenarioInputs {
        var limited = self
        limited.monthsLimit = months
        limited.central.months = Swift.min(central.months, months)
        return limited
    }

    /// The same inputs without the compute centre: the network runs alone.
    public func withoutCompute() -> ScenarioInputs {
        var network = self
        network.skipsCompute = true
        network.central.compute = nil
        return network
    }

    /// The scenario replication `replication` of `seed` runs: every distribution drawn once.
    /// A draw that breaks a rule between fields (say, idle power above busy power) is an error at
    /// the field's position.
    public func draw(seed: UInt64, replication: Int) throws(ScenarioErrors) -> ScenarioFile {
        try drawWithValues(seed: seed, replication: replication).scenario
    }

    /// `draw(seed:replication:)` and the numbers drawn, one per `uncertain` field in its order.
    public func drawWithValues(seed: UInt64, replication: Int) throws(ScenarioErrors) -> (
        scenario: ScenarioFile, values: [Double]
    ) {
        try drawWithValues(replicationStart: RandomStreams(seed: seed).generator(replication: replication))
    }

    /// The same, for the replication whose stream 0 starts at `start` (`RandomStreams.starts`).
    public func drawWithValues(replicationStart start: Xoshiro256StarStar) throws(ScenarioErrors) -> (
        scenario: ScenarioFile, values: [Double]
    ) {
        guard let text else { return (central, []) }
        var generator = RandomStreams.stream(Self.stream, from: start)
        let node = try ScenarioLoader.document(text: text, file: file, overrides: overrides)
        var values: [Double] = []
        let drawn = Self.substitute(node, schema: ScenarioFile.schema) { distribution, range in
            let value = distribution.draw(in: range, using: &generator)
            values.append(value)
            return value
        }
        var scenario = try ScenarioLoader.decode(drawn, file: file, overrides: overrides)
        if let monthsLimit { scenario.months = Swift.min(scenario.months, monthsLimit) }
        if skipsCompute { scenario.compute = nil }
        return (scenario, values)
    }

    /// `node` with every distribution in a number field replaced by `value(distribution, range)`,
    /// in document order.
    static func substitute(
        _ node: Node, schema: Schema, _ value: (InputDistribution, ClosedRange<Double>) -> Double
    ) -> Node {
        switch (schema, node) {
        case (.object(let fields), .mapping(let mapping)):
            let pairs = mapping.map { key, child -> (Node, Node) in
                guard let field = fields.first(where: { $0.name == key.string }) else { return (key, child) }
                return (key, substitute(child, schema: field.schema, value))
            }
            return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
        case (.array(let item, _), .sequence(let sequence)):
            return .sequence(
                Node.Sequence(
                    sequence.map { substitute($0, schema: item, value) }, sequence.tag, sequence.style,
                    sequence.mark))
        case (.number(let range, _), .mapping(let mapping)):
            guard let distribution = InputDistribution.parse(node).0 else { return node }
            let number = value(distribution, range)
            return .scalar(Node.Scalar(String(number), .implicit, .any, mapping.mark))
        default:
            return node
        }
    }

    /// The uncertain fields of `node`, in document order.
    static func distributions(in node: Node, schema: Schema, path: String = "") -> [(
        path: String, distribution: InputDistribution
    )] {
        switch (schema, node) {
        case (.object(let fields), .mapping(let mapping)):
            return mapping.flatMap { key, child -> [(path: String, distribution: InputDistribution)] in
                guard let name = key.string, let field = fields.first(where: { $0.name == name }) else {
                    return []
                }
                return distributions(
                    in: child, schema: field.schema, path: path.isEmpty ? name : "\(path).\(name)")
            }
        case (.array(let item, _), .sequence(let sequence)):
            return sequence.enumerated().flatMap {
                distributions(in: $1, schema: item, path: "\(path)[\($0)]")
            }
        case (.number, .mapping):
            return InputDistribution.parse(node).0.map { [(path, $0)] } ?? []
        default:
            return []
        }
    }
}
