import Foundation
import Scenario
import Testing
import Yams

/// The input contract of issue 14: whatever `metro6 validate` accepts, `metro6 run` runs to the
/// end with finite numbers, in bounded time and memory; whatever it rejects is exit status 2 with
/// a file, line and column, and `run` agrees.
@Suite("Input contract")
struct InputContractTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A step of a path into a document: a key, or every item of a list.
    enum Step: Hashable, CustomStringConvertible {
        case key(String)
        case everyItem

        var description: String {
            switch self {
            case .key(let key): return "." + key
            case .everyItem: return "[]"
            }
        }
    }

    /// One end of one number field's range.
    struct End: CustomStringConvertible, Sendable {
        var path: [Step]
        var value: String

        var description: String { path.map(\.description).joined().dropFirst() + " = " + value }
    }

    /// Both ends of every number field of the scenario schema.
    static let ends: [End] = {
        var ends: [End] = []
        func text(_ value: Double) -> String {
            value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
        }
        func visit(_ schema: Schema, _ path: [Step]) {
            switch schema {
            case .object(let fields): for field in fields { visit(field.schema, path + [.key(field.name)]) }
            case .array(let item, _): visit(item, path + [.everyItem])
            case .integer(let range, _):
                ends += [
                    End(path: path, value: "\(range.lowerBound)"),
                    End(path: path, value: "\(range.upperBound)"),
                ]
            case .number(let range, _):
                ends += [
                    End(path: path, value: text(range.lowerBound)),
                    End(path: path, value: text(range.upperBound)),
                ]
            case .string, .choice, .boolean, .month: break
            }
        }
        visit(ScenarioFile.schema, [])
        return ends
    }()

    /// `node` with every value at `path` replaced by `value`, and whether there was one.
    static func replacing(_ node: Node, at path: ArraySlice<Step>, with value: Node) -> (Node, Bool) {
        guard let step = path.first else { return (value, true) }
        switch (step, node) {
        case (.key(let key), .mapping(var mapping)):
            guard let child = mapping[key] else { return (node, false) }
            let (replaced, found) = replacing(child, at: path.dropFirst(), with: value)
            mapping[key] = replaced
            return (.mapping(mapping), found)
        case (.everyItem, .sequence(var sequence)):
            var found = false
            for index in sequence.indices {
                let (replaced, hit) = replacing(sequence[index], at: path.dropFirst(), with: value)
                sequence[index] = replaced
                found = found || hit
            }
            return (.sequence(sequence), found)
        default:
            return (node, false)
        }
    }

    static func temporaryFile(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "metro6-contract-\(UUID()).yaml"
        )
        .path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Checks the contract on one file: validate and run agree, and a run ends with finite numbers.
    static func checkAgreement(_ path: String, runArguments: [String] = [], _ label: String) throws {
        let bounded = BoundedRun()
        let validate = try bounded.run(["validate", path])
        #expect(!validate.timedOut, "validate hung on \(label)")
        #expect(
            [0, 2].contains(validate.status),
            "validate exited \(validate.status) on \(label): \(validate.error)")
        let run = try bounded.run(["run", path, "--format", "json"] + runArguments)
        #expect(!run.timedOut, "run hung on \(label)")
        if validate.status == 2 {
            #expect(run.status == 2, "validate rejected \(label) but run exited \(run.status)")
            for line in validate.error.split(separator: "\n") {
                #expect(
                    line.hasPrefix(path + ":")
                        && line.dropFirst(path.count + 1).prefix { $0 != ":" }.allSatisfy(\.isNumber),
                    "no position in '\(line)' for \(label)")
            }
            return
        }
        #expect(
            run.status == 0,
            "validate accepted \(label) but run exited \(run.status): \(run.error.suffix(600))")
        // JSONSerialization refuses NaN and infinity, so a parse is the finiteness check.
        #expect(
            (try? JSONSerialization.jsonObject(with: Data(run.output.utf8))) != nil,
            "run of \(label) printed JSON that does not parse: \(run.output.prefix(200))")
    }

    @Test(
        "every number at both ends of its range validates and runs, or is rejected with its place",
        arguments: ends)
    func extremes(end: End) throws {
        let base = Self.repository.appendingPathComponent("Scenarios/tiny/every-section.yaml")
        let document = try #require(try Yams.compose(yaml: String(contentsOf: base, encoding: .utf8)))
        let (edited, found) = Self.replacing(document, at: end.path[...], with: Node(end.value))
        guard found else { return }  // A field the file leaves out (its default is tested elsewhere).
        let path = try Self.temporaryFile(try Yams.serialize(node: edited))
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Self.checkAgreement(path, "\(end)")
    }

    /// A place in a document: the keys and indices down to one scalar.
    enum Index: Hashable {
        case key(String)
        case item(Int)
    }

    /// Every scalar of `node` with its place.
    static func scalars(_ node: Node, _ path: [Index] = []) -> [[Index]] {
        switch node {
        case .scalar: return [path]
        case .mapping(let mapping):
            return mapping.flatMap { pair in
                pair.key.string.map { scalars(pair.value, path + [.key($0)]) } ?? []
            }
        case .sequence(let sequence):
            return sequence.enumerated().flatMap { scalars($0.element, path + [.item($0.offset)]) }
        case .alias: return []
        }
    }

    /// `node` with the scalar at `path` replaced by `value`.
    static func replacing(_ node: Node, at path: ArraySlice<Index>, with value: Node) -> Node {
        guard let step = path.first else { return value }
        switch (step, node) {
        case (.key(let key), .mapping(var mapping)):
            mapping[key] = mapping[key].map { replacing($0, at: path.dropFirst(), with: value) }
            return .mapping(mapping)
        case (.item(let index), .sequence(var sequence)):
            sequence[index] = replacing(sequence[index], at: path.dropFirst(), with: value)
            return .sequence(sequence)
        default: return node
        }
    }

    /// What a mutation writes in place of a scalar: YAML text, not a value, so it can be an
    /// alias, a tag, deep nesting or a number no parser holds.
    static let mutations: [String] = [
        "1e308", "-1e308", "9223372036854775807", "-9223372036854775808", "99999999999999999999", ".nan",
        ".inf", "-.inf", "0", "-1", "0.000001", "1e-320", "'12'", "twelve", "[1, 2]", "{a: 1}", "~", "''",
        "true", "2011-13", "*nowhere", "&anchor 5", "!!binary AAAA", "\"\\u001B[31mred\\r\"",
        String(repeating: "[", count: 2_000) + String(repeating: "]", count: 2_000),
        String(repeating: "{a: ", count: 300) + "1" + String(repeating: "}", count: 300),
    ]

    /// The seeds of the random mutations: each picks a scenario, a scalar and a mutation.
    static let seeds = Array(UInt64(1)...96)

    /// SplitMix64: the mutations' own small random stream, so a failing seed reproduces.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test("random mutations of the bundled scenarios: validate and run agree", arguments: seeds)
    func mutations(seed: UInt64) throws {
        var random = SplitMix(state: seed)
        let files = [
            "Scenarios/shenzhen-2011.yaml", "Scenarios/shenzhen-2011-dslite.yaml",
            "Scenarios/shenzhen-2011-cpe-first.yaml",
            "Scenarios/backtest/china-fixed-2011.yaml", "Scenarios/tiny/two-districts.yaml",
            "Scenarios/tiny/every-section.yaml",
        ]
        let file = files[Int(random.next() % UInt64(files.count))]
        let text = try String(contentsOf: Self.repository.appendingPathComponent(file), encoding: .utf8)
        let document = try #require(try Yams.compose(yaml: text))
        let places = Self.scalars(document)
        let place = places[Int(random.next() % UInt64(places.count))]
        let mutation = Self.mutations[Int(random.next() % UInt64(Self.mutations.count))]
        let marker = "METRO6-MUTATION-MARKER"
        let edited = try Yams.serialize(node: Self.replacing(document, at: place[...], with: Node(marker)))
        let path = try Self.temporaryFile(edited.replacingOccurrences(of: marker, with: mutation))
        defer { try? FileManager.default.removeItem(atPath: path) }
        // The full cities take a minute in a debug build: their first year is enough to run every
        // part of the model; the small files run whole.
        let months = file.contains("tiny") ? [] : ["--months", "12"]
        try Self.checkAgreement(
            path, runArguments: months, "seed \(seed): \(file) at \(place) ← \(mutation.prefix(40))")
    }

    /// The files in a folder of kept crashers (Tools/fuzz/regressions/NAME).
    static func keptCrashers(_ name: String) -> [String] {
        let folder = repository.appendingPathComponent("Tools/fuzz/regressions/\(name)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().map { folder.appendingPathComponent($0).path }
    }

    @Test("kept scenario crashers: validate and run agree", arguments: keptCrashers("scenario"))
    func keptScenario(path: String) throws {
        try Self.checkAgreement(path, URL(fileURLWithPath: path).lastPathComponent)
    }

    @Test(
        "kept SWF crashers: compute skips the line or stops with its place, never traps",
        arguments: keptCrashers("swf"))
    func keptTrace(path: String) throws {
        let outcome = try BoundedRun().run(["compute", "--trace", path, "--format", "json"])
        #expect(!outcome.timedOut)
        #expect([0, 2].contains(outcome.status), "exit \(outcome.status): \(outcome.error)")
        // The line at fault is named (the header's line, or the skipped job's).
        #expect(outcome.error.contains(path + ":"), "\(outcome.error)")
        if outcome.status == 0 {
            #expect((try? JSONSerialization.jsonObject(with: Data(outcome.output.utf8))) != nil)
        }
    }

    @Test("the kept crashers are there to replay")
    func keptCrashersExist() {
        #expect(Self.keptCrashers("scenario").count >= 10)
        #expect(Self.keptCrashers("swf").count >= 6)
    }
}
