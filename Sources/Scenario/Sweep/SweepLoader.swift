import Foundation
import Yams

/// Reads sweep files (docs/sweeps.md), reporting every problem at once with file, line, column,
/// what was found and what was expected, as scenario files do. The changes a sweep makes are
/// checked against the scenarios when the sweep loads its variants (`SweepFile.inputs`).
public enum SweepLoader {
    /// The keys of a sweep file.
    static let keys = ["name", "base", "seed", "replications", "months", "skip", "set", "plans", "grid"]
    /// The keys of a plan.
    static let planKeys = ["name", "scenario", "set"]
    /// What a sweep file must hold, for messages.
    static let expected = "a sweep (a mapping with replications, and plans or a grid)"

    /// Loads the sweep file at `path`.
    public static func load(path: String) throws(ScenarioErrors) -> SweepFile {
        let text = try ScenarioLoader.text(path: path)
        return try load(text: text, file: path)
    }

    /// Loads sweep text; `file` names it in messages and relative scenario paths are read from
    /// its folder.
    public static func load(text: String, file: String) throws(ScenarioErrors) -> SweepFile {
        let node = try ScenarioLoader.parse(text: text, file: file, expected: expected)
        var reader = Reader(file: file, text: text)
        let sweep = reader.sweep(node)
        if !reader.checker.errors.isEmpty { throw ScenarioErrors(reader.checker.errors) }
        guard var sweep else { throw ScenarioErrors(reader.checker.errors) }
        var texts = [text]
        // Each distinct scenario once, in first use: the base's, then the plans' own. The
        // variants are loaded from these texts, so the identity covers what runs.
        var read = Set<String?>()
        for scenario in [sweep.base] + sweep.variants.map({ $0.scenario ?? sweep.base })
        where read.insert(scenario).inserted {
            let scenarioText = try scenario.map(ScenarioLoader.text(path:)) ?? DefaultScenario.text
            if let scenario { sweep.scenarioTexts[scenario] = scenarioText }
            texts.append(scenarioText)
        }
        sweep.identity = SweepFile.identity(of: texts)
        return sweep
    }

    /// `path` as written in `file`, relative to `file`'s folder (absolute paths stay).
    static func resolve(_ path: String, nextTo file: String) -> String {
        guard !path.hasPrefix("/") else { return path }
        let folder = (file as NSString).deletingLastPathComponent
        return folder.isEmpty ? path : (folder as NSString).appendingPathComponent(path)
    }

    /// Walks a sweep document, collecting problems in `checker`.
    struct Reader {
        var checker: SchemaChecker
        let file: String
        let text: String

        init(file: String, text: String) {
            self.file = file
            self.text = text
            checker = SchemaChecker(file: file)
        }

        mutating func sweep(_ node: Node) -> SweepFile? {
            guard let mapping = node.mapping else {
                checker.fail(node, "", SweepLoader.expected, found: SchemaChecker.describe(node))
                return nil
            }
            let fields = self.fields(of: mapping, allowed: SweepLoader.keys, path: "")
            let name = string(fields["name"], path: "name")
            let base = string(fields["base"], path: "base").map { SweepLoader.resolve($0, nextTo: file) }
            let seed = integer(fields["seed"], InputRanges.seed, path: "seed")
            let replications = integer(fields["replications"], InputRanges.replications, path: "replications")
            if fields["replications"] == nil {
                checker.fail(nil, parent: node, "replications", "a whole number of replications", found: nil)
            }
            let months = integer(fields["months"], InputRanges.months, path: "months")
            let skipsCompute = skip(fields["skip"])
            let common = changes(fields["set"], path: "set")
            let plans = self.plans(fields["plans"])
            let grid = self.grid(fields["grid"])
            let points = grid.reduce([[ScenarioOverride]]([[]])) { points, values in
                points.flatMap { point in values.map { point + [$0] } }
            }
            let variants = plans.flatMap { plan in
                points.map { point in
                    SweepVariant(
                        plan: plan.name, scenario: plan.scenario, overrides: common + plan.changes + point,
                        point: point)
                }
            }
            let runs = variants.count * (replications ?? 1)
            if runs > InputRanges.runs {
                checker.fail(
                    fields["grid"] ?? fields["plans"], parent: node, "grid",
                    "at most \(InputRanges.runs) runs (plans × grid points × replications)",
                    found: "\(runs) runs")
            }
            guard let replications, checker.errors.isEmpty else { return nil }
            let stem = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
            return SweepFile(
                name: name ?? stem, file: file, text: text, base: base, seed: seed.map(UInt64.init),
                replications: replications,
                months: months, skipsCompute: skipsCompute, variants: variants, identity: "")
        }

        /// A mapping's values by key; unknown keys are problems.
        mutating func fields(of mapping: Node.Mapping, allowed: [String], path: String) -> [String: Node] {
            var fields: [String: Node] = [:]
            for (key, value) in mapping {
                let name = key.string ?? ""
                guard allowed.contains(name) else {
                    checker.fail(
                        key, path, "one of the keys \(allowed.joined(separator: ", "))",
                        found: SchemaChecker.describe(key))
                    continue
                }
                fields[name] = value
            }
            return fields
        }

        mutating func string(_ node: Node?, path: String) -> String? {
            guard let node else { return nil }
            checker.check(node, against: .string, path: path)
            return node.string
        }

        mutating func integer(_ node: Node?, _ range: ClosedRange<Int>, path: String) -> Int? {
            guard let node else { return nil }
            let before = checker.errors.count
            checker.check(node, against: .integer(range, unit: nil), path: path)
            return checker.errors.count == before ? node.int : nil
        }

        mutating func skip(_ node: Node?) -> Bool {
            guard let node else { return false }
            checker.check(node, against: .array(.choice(["compute"]), minimumCount: 0), path: "skip")
            return node.sequence?.contains { $0.string == "compute" } ?? false
        }

        /// A `set` mapping: scenario paths and their values, as overrides placed in the file.
        mutating func changes(_ node: Node?, path: String) -> [ScenarioOverride] {
            guard let node else { return [] }
            guard let mapping = node.mapping else {
                checker.fail(
                    node, path, "a mapping of scenario paths to values (say budget.yearlyCapex: 6e7)",
                    found: SchemaChecker.describe(node))
                return []
            }
            return mapping.compactMap { key, value in override(key, value) }
        }

        /// The override of the path in `key` by `value`.
        mutating func override(_ key: Node, _ value: Node) -> ScenarioOverride? {
            do {
                return try ScenarioOverride(
                    path: key.string ?? "", value: Self.text(of: value), at: checker.location(of: key),
                    valueStart: checker.location(of: value))
            } catch {
                checker.errors += error.errors
                return nil
            }
        }

        /// The plans; one plan named `base` when the file lists none.
        mutating func plans(_ node: Node?) -> [(name: String, scenario: String?, changes: [ScenarioOverride])]
        {
            guard let node else { return [("base", nil, [])] }
            guard let items = node.sequence, !items.isEmpty else {
                checker.fail(
                    node, "plans",
                    "a list of at least 1 plan (each a mapping with name, and scenario or set)",
                    found: SchemaChecker.describe(node))
                return []
            }
            var names = Set<String>()
            return items.enumerated().compactMap { index, item in
                let path = "plans[\(index)]"
                guard let mapping = item.mapping else {
                    checker.fail(
                        item, path, "a plan: a mapping with name, and scenario or set",
                        found: SchemaChecker.describe(item))
                    return nil
                }
                let fields = self.fields(of: mapping, allowed: SweepLoader.planKeys, path: path)
                guard let name = string(fields["name"], path: "\(path).name") else {
                    checker.fail(nil, parent: item, "\(path).name", "the plan's name", found: nil)
                    return nil
                }
                if !names.insert(name).inserted {
                    checker.fail(
                        fields["name"], "\(path).name", "a name no other plan has", found: "'\(name)' again")
                }
                let scenario = string(fields["scenario"], path: "\(path).scenario").map {
                    SweepLoader.resolve($0, nextTo: file)
                }
                return (name, scenario, changes(fields["set"], path: "\(path).set"))
            }
        }

        /// The grid: for each path, its values as overrides, in file order.
        mutating func grid(_ node: Node?) -> [[ScenarioOverride]] {
            guard let node else { return [] }
            guard let mapping = node.mapping else {
                checker.fail(
                    node, "grid",
                    "a mapping of scenario paths to lists of values (say budget.yearlyCapex: [4e7, 6e7])",
                    found: SchemaChecker.describe(node))
                return []
            }
            return mapping.map { key, values in
                // A key that is not a path is one problem, not one per value.
                do throws(ScenarioErrors) {
                    _ = try ScenarioOverride.steps(key.string ?? "", at: checker.location(of: key))
                } catch {
                    checker.errors += error.errors
                    return []
                }
                guard let items = values.sequence, !items.isEmpty else {
                    checker.fail(
                        values, "grid.\(key.string ?? "")", "a list of at least one value",
                        found: SchemaChecker.describe(values))
                    return []
                }
                return items.compactMap { override(key, $0) }
            }
        }

        /// A value's YAML text: a plain scalar as written, anything else serialized.
        static func text(of node: Node) -> String {
            if case .scalar(let scalar) = node, scalar.style == .plain { return scalar.string }
            let text = (try? Yams.serialize(node: node)) ?? ""
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }
}
