/// The scenario `metro6 init` writes: a small city to start from, every field explained by a
/// comment taken from the scenario schema (its meaning, unit and range), so the comments cannot
/// drift from what `metro6 validate` accepts.
public enum StarterScenario {
    /// The starter scenario for a city named `city`, as YAML text.
    public static func text(city: String) -> String {
        let header = """
            # A starter scenario written by `metro6 init`: a city of two districts, its network, its
            # subscribers' equipment and a four-step IPv6 plan. The numbers describe an example
            # city; put your own in their place. Each field's comment says what it means, its unit
            # and the range the model accepts (docs/scenarios.md has the whole format, `metro6
            # schema` the same as a JSON Schema for editors).
            #
            #   metro6 validate this-file.yaml     # every problem with its line and column
            #   metro6 run this-file.yaml          # the months, the KPIs


            """
        let quoted =
            "\""
            + city.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            + "\""
        return header
            + annotate(template.replacingOccurrences(of: "CITY", with: quoted), with: ScenarioFile.schema)
    }

    /// The starter's values: block style, one key a line, so that each gets its comment.
    static let template = """
        name: CITY
        start: 2026-01
        months: 120
        reporting: quarterly
        seed: 1
        discountRate: 0.08
        districts:
          - name: North
            subscribers:
              xdsl: 40000
              xpon: 60000
              lan: 20000
            netAddsPerMonth:
              xdsl: -500
              xpon: 900
              lan: 50
            accessNodes:
              xdsl:
                nodes: 200
                ready: 0
                upgradable: 120
              xpon:
                nodes: 60
                ready: 40
                upgradable: 20
              lan:
                nodes: 800
                ready: 200
                upgradable: 400
            bngs:
              count: 6
              ready: 2
            uplinkGbps: 1000
          - name: South
            subscribers:
              xdsl: 30000
              xpon: 30000
              lan: 10000
            accessNodes:
              xdsl:
                nodes: 150
                ready: 0
                upgradable: 150
              xpon:
                nodes: 30
                ready: 30
                upgradable: 0
              lan:
                nodes: 400
                ready: 0
                upgradable: 200
            bngs:
              count: 4
              ready: 0
            uplinkGbps: 500
        cpe:
          capableShare: 0.3
          newCapableShare: 0.9
          lifetimeShape: 2.5
          lifetimeScaleMonths: 72
          meanAgeMonths: 30
        adoption:
          p: 0.03
          q: 0.38
        content:
          p: 0.05
          q: 0.5
        addressing:
          publicIPv4: 120000
          ipv4Price: 40
          portsPerSubscriber: 1000
          cgnatGbps: 400
        traffic:
          busyHourMbps: 1.5
          yearlyGrowth: 0.25
        costs:
          bngUpgrade: 200000
          accessNodeUpgrade: 2000
          accessNodeReplacement: 15000
          cpe: 60
          truckRoll: 40
          cgnatPerGbps: 30000
          opexPerSubscriberMonth: 2
          cgnatOpexPerSubscriberYear: 20
        budget:
          yearlyCapex: 8000000
          visitsPerMonth: 3000
        plan:
          - month: 2026-03
            action: upgradeBNGs
          - month: 2026-06
            action: upgradeAccessNodes
          - month: 2026-09
            action: enableMode
            mode: dualStackCGNAT
          - month: 2027-01
            action: upgradeCPEFirmware
        """

    /// `yaml` with a comment above each key: the field's description, and for a value its
    /// expectation (kind, range, unit), found by following the keys' indentation through `schema`.
    static func annotate(_ yaml: String, with schema: Schema) -> String {
        // The object schema at each open indentation level.
        var open: [(indent: Int, schema: Schema)] = [(-1, schema)]
        var lines: [String] = []
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            var text = Substring(line)
            var indent = text.prefix { $0 == " " }.count
            text = text.dropFirst(indent)
            var prefix = String(repeating: " ", count: indent)
            if text.hasPrefix("- ") {
                // A list item: its keys sit two columns further in.
                text = text.dropFirst(2)
                indent += 2
                prefix += "  "
            }
            guard let colon = text.firstIndex(of: ":") else {
                lines.append(String(line))
                continue
            }
            let key = String(text[..<colon])
            while let last = open.last, last.indent >= indent { open.removeLast() }
            guard let field = open.last.flatMap({ Self.field(key, in: $0.schema) }) else {
                lines.append(String(line))
                continue
            }
            let leaf: Bool
            switch field.schema {
            case .object, .array: leaf = false
            default: leaf = true
            }
            let meaning =
                field.description.hasSuffix(".") ? String(field.description.dropLast()) : field.description
            let comment = leaf ? "\(meaning) — \(field.schema.expectation)" : meaning
            lines.append(prefix + "# " + comment)
            lines.append(String(line))
            if !leaf { open.append((indent, field.schema)) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The field `key` of an object schema, or of a list's items.
    private static func field(_ key: String, in schema: Schema) -> Schema.Field? {
        switch schema {
        case .object(let fields): fields.first { $0.name == key }
        case .array(let item, _): field(key, in: item)
        default: nil
        }
    }
}
