import ComputeModel
import Foundation
import MetroModel
import Scenario
import Testing

@Suite("Scenario files")
struct ScenarioLoaderTests {
    static let valid = """
        name: Two districts
        start: 2011-05
        months: 24
        reporting: quarterly
        seed: 7
        districts:
          - name: Futian
            subscribers: {xdsl: 1_000, xpon: 200, lan: 500}
            netAddsPerMonth: {xdsl: -10, xpon: 30, lan: 5}
            accessNodes:
              xdsl: {nodes: 4, ready: 0, upgradable: 2}
              xpon: {nodes: 1, ready: 1, upgradable: 0}
              lan: {nodes: 20, ready: 5, upgradable: 10}
            bngs: {count: 2, ready: 0}
            uplinkGbps: 10
          - name: Nanshan
            subscribers: {xdsl: 800, xpon: 100, lan: 300}
            accessNodes:
              xdsl: {nodes: 4, ready: 0, upgradable: 2}
              xpon: {nodes: 1, ready: 1, upgradable: 0}
              lan: {nodes: 20, ready: 5, upgradable: 10}
            bngs: {count: 2, ready: 0}
            uplinkGbps: 10
        cpe: {capableShare: 0.2, newCapableShare: 0.8, lifetimeShape: 2.5, lifetimeScaleMonths: 72, meanAgeMonths: 30}
        adoption: {p: 0.03, q: 0.38}
        content: {p: 0.05, q: 0.5}
        addressing: {publicIPv4: 3000, ipv4Price: 11, portsPerSubscriber: 1000, cgnatGbps: 1}
        traffic: {busyHourMbps: 1.5, yearlyGrowth: 0.35}
        costs:
          bngUpgrade: 20000
          accessNodeUpgrade: 500
          accessNodeReplacement: 8000
          cpe: 60
          truckRoll: 30
          cgnatPerGbps: 20000
          opexPerSubscriberMonth: 3
          cgnatOpexPerSubscriberYear: 30
        plan:
          - {month: 2011-06, action: upgradeBNGs, district: Futian}
          - {month: 2012-01, action: enableMode, mode: dsLite}
          - {month: 2012-03, action: buyIPv4, amount: 65536}
        """

    /// `valid` with each (old, new) replaced once.
    static func edited(_ edits: [(String, String)]) -> String {
        var text = valid
        for (old, new) in edits {
            precondition(text.contains(old), "no '\(old)' to edit")
            text = text.replacingOccurrences(of: old, with: new, options: [], range: text.range(of: old))
        }
        return text
    }

    func errors(_ text: String, file: String = "city.yaml") -> [String] {
        do {
            _ = try ScenarioLoader.load(text: text, file: file)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test("a valid file decodes into the scenario it describes")
    func valid() throws {
        let scenario = try ScenarioLoader.load(text: Self.valid, file: "city.yaml")
        #expect(scenario.name == "Two districts")
        #expect(scenario.start == YearMonth(year: 2011, month: 5))
        #expect(scenario.end == YearMonth(year: 2013, month: 5))
        #expect(scenario.districts.map(\.name) == ["Futian", "Nanshan"])
        #expect(scenario.districts[0].subscribers.xdsl == 1_000)
        #expect(scenario.districts[0].netAddsPerMonth?.xdsl == -10)
        #expect(scenario.districts[1].netAddsPerMonth == nil)
        #expect(
            scenario.plan?.map(\.action) == [
                .network(.upgradeBNGs), .network(.enableMode), .network(.buyIPv4),
            ])
        #expect(scenario.plan?[1].mode == .dsLite)
        #expect(scenario.plan?[2].amount == 65_536)
    }

    @Test("JSON is read too, into the same scenario")
    func json() throws {
        // `valid` converted to JSON by PyYAML + json.dumps.
        let text = #"""
            {"name": "Two districts", "start": "2011-05", "months": 24, "reporting": "quarterly", "seed": 7, "districts": [{"name": "Futian", "subscribers": {"xdsl": 1000, "xpon": 200, "lan": 500}, "netAddsPerMonth": {"xdsl": -10, "xpon": 30, "lan": 5}, "accessNodes": {"xdsl": {"nodes": 4, "ready": 0, "upgradable": 2}, "xpon": {"nodes": 1, "ready": 1, "upgradable": 0}, "lan": {"nodes": 20, "ready": 5, "upgradable": 10}}, "bngs": {"count": 2, "ready": 0}, "uplinkGbps": 10}, {"name": "Nanshan", "subscribers": {"xdsl": 800, "xpon": 100, "lan": 300}, "accessNodes": {"xdsl": {"nodes": 4, "ready": 0, "upgradable": 2}, "xpon": {"nodes": 1, "ready": 1, "upgradable": 0}, "lan": {"nodes": 20, "ready": 5, "upgradable": 10}}, "bngs": {"count": 2, "ready": 0}, "uplinkGbps": 10}], "cpe": {"capableShare": 0.2, "newCapableShare": 0.8, "lifetimeShape": 2.5, "lifetimeScaleMonths": 72, "meanAgeMonths": 30}, "adoption": {"p": 0.03, "q": 0.38}, "content": {"p": 0.05, "q": 0.5}, "addressing": {"publicIPv4": 3000, "ipv4Price": 11, "portsPerSubscriber": 1000, "cgnatGbps": 1}, "traffic": {"busyHourMbps": 1.5, "yearlyGrowth": 0.35}, "costs": {"bngUpgrade": 20000, "accessNodeUpgrade": 500, "accessNodeReplacement": 8000, "cpe": 60, "truckRoll": 30, "cgnatPerGbps": 20000, "opexPerSubscriberMonth": 3, "cgnatOpexPerSubscriberYear": 30}, "plan": [{"month": "2011-06", "action": "upgradeBNGs", "district": "Futian"}, {"month": "2012-01", "action": "enableMode", "mode": "dsLite"}, {"month": "2012-03", "action": "buyIPv4", "amount": 65536}]}
            """#
        #expect(
            try ScenarioLoader.load(text: text, file: "city.json")
                == ScenarioLoader.load(text: Self.valid, file: "city.yaml"))
    }

    @Test("every problem is reported with file, line, column, field, found and expected")
    func manyProblems() {
        let text = Self.edited([
            ("start: 2011-05", "start: 2011-13"), ("reporting: quarterly", "colour: blue"),
            (
                "subscribers: {xdsl: 1_000, xpon: 200, lan: 500}",
                "subscribers: {xdsl: -5, xpon: many, lan: 500}"
            ),
            ("subscribers: {xdsl: 800, xpon: 100, lan: 300}", "subscribers: {xdsl: 800, xpon: 100}"),
            ("action: upgradeBNGs", "action: upgradeBNGz"),
        ])
        #expect(
            errors(text) == [
                "city.yaml:2:8: start: expected a month written YYYY-MM, found '2011-13'",
                "city.yaml:4:1: colour: expected one of the keys name, start, months, reporting, seed, discountRate, "
                    + "districts, cpe, adoption, content, addressing, traffic, costs, cgnat, capacity, budget, compute, plan, expect, "
                    + "found unknown key 'colour'",
                "city.yaml:8:25: districts[0].subscribers.xdsl: expected a whole number from 0 to 1000000000 (subscribers), found -5",
                "city.yaml:8:35: districts[0].subscribers.xpon: expected a whole number from 0 to 1000000000 (subscribers), found 'many'",
                "city.yaml:17:18: districts[1].subscribers.lan: expected the key 'lan': a whole number from 0 to 1000000000 (subscribers)",
                "city.yaml:39:30: plan[0].action: expected one of upgradeBNGs, upgradeAccessNodes, cpeCampaign, "
                    + "upgradeCPEFirmware, enableMode, switchOnIPv6, addCGNAT, buyIPv4, expandCompute, expandCloud, "
                    + "expandGPUs, found 'upgradeBNGz'",
            ])
    }

    @Test("plan rules: campaigns end, addresses come in /24 blocks, one purchase fits a year's budget")
    func planRules() {
        let text = Self.edited([
            (
                "cgnatOpexPerSubscriberYear: 30",
                "cgnatOpexPerSubscriberYear: 30\nbudget: {yearlyCapex: 100000}"
            ),
            (
                "{month: 2011-06, action: upgradeBNGs, district: Futian}",
                "{month: 2011-06, action: cpeCampaign, amount: 100}"
            ),
            (
                "{month: 2012-01, action: enableMode, mode: dsLite}",
                "{month: 2012-01, action: addCGNAT, amount: 10}"
            ),
            (
                "{month: 2012-03, action: buyIPv4, amount: 65536}",
                "{month: 2012-03, action: buyIPv4, amount: 1000}"
            ),
        ])
        #expect(
            errors(text) == [
                "city.yaml:40:5: plan[0]: expected an 'until' month or a 'total' for cpeCampaign (a campaign ends), "
                    + "found none",
                "city.yaml:41:48: plan[1].amount: expected a purchase no dearer than a year's budget (100000): split it "
                    + "or raise budget.yearlyCapex, found one costing 200000",
                "city.yaml:42:47: plan[2].amount: expected whole /24 blocks: a multiple of 256 addresses, found 1000",
            ])
    }

    @Test("cross-references: names, node counts, months outside the horizon, missing action fields")
    func rules() {
        let text = Self.edited([
            ("- name: Nanshan", "- name: Futian"),
            (
                "{month: 2011-06, action: upgradeBNGs, district: Futian}",
                "{month: 2013-05, action: upgradeBNGs, district: Luohu}"
            ),
            ("{month: 2012-01, action: enableMode, mode: dsLite}", "{month: 2012-01, action: enableMode}"),
            (
                "{month: 2012-03, action: buyIPv4, amount: 65536}",
                "{month: 2012-03, action: buyIPv4, mode: dsLite}"
            ),
            ("xdsl: {nodes: 4, ready: 0, upgradable: 2}", "xdsl: {nodes: 4, ready: 3, upgradable: 2}"),
            ("bngs: {count: 2, ready: 0}", "bngs: {count: 2, ready: 5}"),
        ])
        #expect(
            errors(text) == [
                "city.yaml:11:13: districts[0].accessNodes.xdsl: expected ready + upgradable ≤ nodes (4), found 3 + 2",
                "city.yaml:14:29: districts[0].bngs.ready: expected at most the 2 BNGs there are, found 5",
                "city.yaml:16:11: districts[1].name: expected a district name used once, found 'Futian' again",
                "city.yaml:39:13: plan[0].month: expected a month from 2011-05 to 2013-04 (the horizon), found 2013-05",
                "city.yaml:39:53: plan[0].district: expected one of the districts Futian, found 'Luohu'",
                "city.yaml:40:5: plan[1]: expected a 'mode' for enableMode, found none",
                "city.yaml:41:5: plan[2]: expected an 'amount' for buyIPv4, found none",
                "city.yaml:41:45: plan[2].mode: expected no mode (only enableMode and switchOnIPv6 take one), found 'dsLite'",
            ])
    }

    @Test("a syntax error names its line and column")
    func syntax() {
        // PyYAML reports the same place: "expected ',' or ']', but got ':' ... line 3, column 7".
        #expect(
            errors("name: x\nstart: [2011-05\nmonths: 3\n") == [
                "city.yaml:3:7: expected valid YAML or JSON, found a list in [ ] that is not closed"
            ])
    }

    @Test("an empty or missing file is a clear error")
    func emptyOrMissing() {
        #expect(
            errors("") == [
                "city.yaml:1:1: expected a scenario (a mapping with name, start, months, districts), found an empty file"
            ])
        #expect(throws: ScenarioErrors.self) { try ScenarioLoader.load(path: "/nonexistent/city.yaml") }
    }

    @Test("every bundled scenario loads")
    func bundled() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scenarios/tiny")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasSuffix(".yaml")
        }
        #expect(!files.isEmpty)
        for file in files {
            let path = folder.appendingPathComponent(file).path
            // Sweep files load as sweeps, with every variant's scenario.
            #expect(throws: Never.self) {
                if file.contains("sweep") {
                    _ = try SweepLoader.load(path: path).inputs()
                } else {
                    _ = try ScenarioLoader.load(path: path)
                }
            }
        }
    }
}

@Suite("Scenario JSON Schema")
struct ScenarioSchemaTests {
    @Test("the JSON Schema closes every object, lists required keys and carries ranges")
    func jsonSchema() throws {
        let text = JSONSchemaWriter.document(
            for: ScenarioFile.schema, title: "Metro6 scenario", distributions: true)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(root["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        // A number outside the plan is a number or one of the four distributions; plan amounts are numbers.
        let schemaProperties = try #require(root["properties"] as? [String: Any])
        let discount = try #require(schemaProperties["discountRate"] as? [String: Any])
        let choices = try #require(discount["anyOf"] as? [[String: Any]])
        #expect(choices.first?["maximum"] as? Double == 1)
        #expect((choices.last?["oneOf"] as? [Any])?.count == 4)
        let plan = try #require(schemaProperties["plan"] as? [String: Any])
        let action = try #require((plan["items"] as? [String: Any])?["properties"] as? [String: Any])
        #expect((action["amount"] as? [String: Any])?["type"] as? String == "number")
        #expect(root["additionalProperties"] as? Bool == false)
        #expect(
            Set(root["required"] as? [String] ?? []) == [
                "name", "start", "months", "districts", "cpe", "adoption", "content", "addressing", "traffic",
                "costs",
            ])
        let properties = try #require(root["properties"] as? [String: Any])
        let months = try #require(properties["months"] as? [String: Any])
        #expect(months["minimum"] as? Int == 1 && months["maximum"] as? Int == 1_200)
        let start = try #require(properties["start"] as? [String: Any])
        #expect(start["pattern"] as? String == "^[0-9]{4}-(0[1-9]|1[0-2])$")
    }

    @Test("docs/scenarios.md documents every field of the format")
    func documented() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/scenarios.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        func names(_ schema: Schema) -> [String] {
            switch schema {
            case .object(let fields): return fields.flatMap { [$0.name] + names($0.schema) }
            case .array(let item, _): return names(item)
            default: return []
            }
        }
        for name in Set(names(ScenarioFile.schema)) {
            #expect(text.contains("`\(name)`"), "docs/scenarios.md does not mention `\(name)`")
        }
    }
}

/// The bundled city's file mapped to the models' inputs, value by value.
@Suite("Scenario to model")
struct ScenarioMappingTests {
    @Test("the bundled city: PPPoE plants, fiscal year, price path, campaign end, compute partitions")
    func bundled() throws {
        let scenario = try DefaultScenario.load()
        let network = scenario.networkConfiguration
        // May 2011 start, fiscal year from January: the first new fiscal year opens 8 months in.
        #expect(network.budget.fiscalYearOffset == 8)
        #expect(network.budget.fiscalYear(of: 7) == 0 && network.budget.fiscalYear(of: 8) == 1)
        let futian = network.districts[0]
        #expect(futian.access.xdsl.pppoe && futian.access.lan.pppoe && !futian.access.xpon.pppoe)
        #expect(futian.access.xdsl.needingReplacement == 0 && futian.access.xpon.needingUpgrade == 6)
        // $11 until the month before 2014-06 (month 37), $10 then, $20 at 2019-06 (month 97).
        #expect(network.ipv4Price.value(at: 0) == 11 && network.ipv4Price.value(at: 36) == 11)
        #expect(network.ipv4Price.value(at: 37) == 10 && network.ipv4Price.value(at: 97) == 20)
        #expect(network.ipv4Price.value(at: 67) == 15)
        let campaign = try #require(network.actions.first { $0.kind == .cpeCampaign })
        #expect(campaign.month == 32 && campaign.until == 67 && campaign.amount == 25_000)
        #expect(network.actions.allSatisfy { $0.kind.rawValue != "expandCompute" })
        #expect(network.actions.filter { $0.kind == .switchOnIPv6 }.map(\.month) == [44])
        #expect(network.capacity.cgnat?.leadMonths == 6 && network.capacity.ipv4 == nil)
        #expect(network.cgnat.gbps == 20 && network.cgnat.sessionsPerSubscriber == 100)
        let centre = try #require(scenario.computeCentre)
        let month = ScenarioFile.secondsPerMonth
        #expect(centre.cores == 55_680 && centre.workload.yearlyGrowth == 0.05)
        #expect(centre.expansions == [Expansion(time: 61 * month, processors: 60_000)])
        let gpu = try #require(centre.gpu)
        #expect(gpu.gpus == 4_640 && gpu.workload.processors == 4_640 && gpu.workload.maximumWidth == 512)
        #expect(gpu.expansions == [Expansion(time: 61 * month, processors: 4_000)])
        let cloud = try #require(centre.cloud)
        #expect(
            cloud.expansions == [
                Expansion(time: 32 * month, processors: 500), Expansion(time: 80 * month, processors: 1_500),
            ])
        #expect(centre.yearLength == 12 * month && cloud.yearLength == 12 * month)
    }
}

/// The one contract for numbers, as documented.
@Suite("Number ranges")
struct NumberRangeTests {
    @Test("docs/scenarios.md carries the range of every number exactly as the schema declares it")
    func documentedRanges() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/scenarios.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let table = RangeTable.markdown(for: ScenarioFile.schema)
        #expect(text.contains(table), "regenerate the table with `metro6 schema --ranges`")
        // Every number field is a row: no field escapes the contract.
        func numbers(_ schema: Schema) -> Int {
            switch schema {
            case .object(let fields): return fields.map { numbers($0.schema) }.reduce(0, +)
            case .array(let item, let count): return numbers(item) + (count.upperBound == Int.max ? 0 : 1)
            case .integer, .number: return 1
            case .string, .choice, .boolean, .month: return 0
            }
        }
        #expect(table.split(separator: "\n").count == numbers(ScenarioFile.schema) + 2)
        // No range is open-ended: each has a finite upper bound the model was checked with.
        #expect(!table.contains("e+"))
    }
}
