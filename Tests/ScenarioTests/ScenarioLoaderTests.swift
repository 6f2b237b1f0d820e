import Foundation
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
          - name: Nanshan
            subscribers: {xdsl: 800, xpon: 100, lan: 300}
        plan:
          - {month: 2011-06, action: upgradeBNGs, district: Futian}
          - {month: 2012-01, action: enableMode, mode: dsLite}
          - {month: 2012-03, action: buyIPv4, amount: 65536}
        """

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
        #expect(scenario.plan?.map(\.action) == [.upgradeBNGs, .enableMode, .buyIPv4])
        #expect(scenario.plan?[1].mode == .dsLite)
        #expect(scenario.plan?[2].amount == 65_536)
    }

    @Test("JSON is read too")
    func json() throws {
        let text = """
            {"name": "J", "start": "2020-01", "months": 12,
             "districts": [{"name": "A", "subscribers": {"xdsl": 1, "xpon": 2, "lan": 3}}]}
            """
        let scenario = try ScenarioLoader.load(text: text, file: "city.json")
        #expect(scenario.districts[0].subscribers.lan == 3)
    }

    @Test("every problem is reported with file, line, column, field, found and expected")
    func manyProblems() {
        let text = """
            name: Broken
            start: 2011-13
            months: 24
            colour: blue
            districts:
              - name: Futian
                subscribers: {xdsl: -5, xpon: many, lan: 1}
              - name: Futian
                subscribers: {xdsl: 1, xpon: 1}
            plan:
              - {month: 2011-06, action: upgradeBNGz}
            """
        #expect(
            errors(text) == [
                "city.yaml:2:8: start: expected a month written YYYY-MM, found '2011-13'",
                "city.yaml:4:1: colour: expected one of the keys name, start, months, reporting, seed, discountRate, "
                    + "districts, plan, found unknown key 'colour'",
                "city.yaml:7:25: districts[0].subscribers.xdsl: expected a whole number ≥ 0 (subscribers), found -5",
                "city.yaml:7:35: districts[0].subscribers.xpon: expected a whole number ≥ 0 (subscribers), found 'many'",
                "city.yaml:9:18: districts[1].subscribers.lan: expected the key 'lan': a whole number ≥ 0 (subscribers)",
                "city.yaml:11:30: plan[0].action: expected one of upgradeBNGs, upgradeAccessNodes, cpeCampaign, "
                    + "enableMode, addCGNAT, buyIPv4, expandCompute, found 'upgradeBNGz'",
            ])
    }

    @Test("cross-references: unknown districts, months outside the horizon, missing action fields")
    func rules() {
        let text = """
            name: Rules
            start: 2011-05
            months: 12
            districts:
              - name: Futian
                subscribers: {xdsl: 1, xpon: 1, lan: 1}
              - name: Futian
                subscribers: {xdsl: 1, xpon: 1, lan: 1}
            plan:
              - {month: 2012-05, action: upgradeBNGs, district: Luohu}
              - {month: 2011-07, action: enableMode}
              - {month: 2011-08, action: buyIPv4, mode: dsLite}
            """
        #expect(
            errors(text) == [
                "city.yaml:7:11: districts[1].name: expected a district name used once, found 'Futian' again",
                "city.yaml:10:13: plan[0].month: expected a month from 2011-05 to 2012-04 (the horizon), found 2012-05",
                "city.yaml:10:53: plan[0].district: expected one of the districts Futian, found 'Luohu'",
                "city.yaml:11:5: plan[1]: expected a 'mode' for enableMode, found none",
                "city.yaml:12:5: plan[2]: expected an 'amount' for buyIPv4, found none",
                "city.yaml:12:45: plan[2].mode: expected no mode (only enableMode takes one), found 'dsLite'",
            ])
    }

    @Test("a syntax error names its line and column")
    func syntax() {
        let found = errors("name: x\nstart: [2011-05\nmonths: 3\n")
        #expect(found.count == 1)
        #expect(
            found.first?.hasPrefix("city.yaml:3:") == true || found.first?.hasPrefix("city.yaml:4:") == true)
        #expect(found.first?.contains("expected valid YAML or JSON") == true)
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
            #expect(throws: Never.self) {
                try ScenarioLoader.load(path: folder.appendingPathComponent(file).path)
            }
        }
    }
}

@Suite("Scenario JSON Schema")
struct ScenarioSchemaTests {
    @Test("the JSON Schema closes every object, lists required keys and carries ranges")
    func jsonSchema() throws {
        let text = JSONSchemaWriter.document(for: ScenarioFile.schema, title: "Metro6 scenario")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(root["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(root["additionalProperties"] as? Bool == false)
        #expect(Set(root["required"] as? [String] ?? []) == ["name", "start", "months", "districts"])
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
