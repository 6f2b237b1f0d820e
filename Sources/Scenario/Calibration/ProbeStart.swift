import MetroModel
import Yams

/// Sets districts' starting state in a scenario file from probe readings: each district's CPE
/// capability (`cpeCapableShare`, the share of hosts with IPv6) and mode (`ipv6Mode`), and the
/// city's content shift (`content.p`, so that the first month's content share is the byte-
/// weighted share the probes saw, DS-Lite captures left out: their IPv4 rides in IPv6). Values are written into the text with a comment naming the
/// capture they came from, so the file keeps its layout.
public enum ProbeStart {
    /// `text` (from `file`) with `readings` applied, and a line per value saying where it came from.
    public static func apply(
        _ readings: [(district: String, reading: ProbeReading)], to text: String, file: String
    ) throws(ScenarioErrors) -> (text: String, notes: [String]) {
        var text = text
        var notes: [String] = []
        for (name, reading) in readings {
            let scenario = try ScenarioLoader.load(text: text, file: file)
            guard let index = scenario.districts.firstIndex(where: { $0.name == name }) else {
                throw ScenarioErrors([
                    ScenarioError(
                        location: SourceLocation(file: reading.file, line: 1, column: 1), path: "",
                        expected:
                            "one of the districts \(scenario.districts.map(\.name).joined(separator: ", "))",
                        found: "'\(name)'")
                ])
            }
            let source = "probe \(reading.file)"
            let share = Schema.format((reading.hostShare * 10_000).rounded() / 10_000)
            let hosts = "\(reading.ipv6Hosts) of \(reading.hosts) hosts with IPv6"
            text = try set(
                "cpeCapableShare", to: share, district: index, in: text, file: file,
                comment: "\(source): \(hosts)")
            notes.append(
                "districts[\(index)] (\(name)).cpeCapableShare = \(share) from \(reading.file) (\(hosts))")
            if let mode = reading.mode {
                text = try set(
                    "ipv6Mode", to: mode.rawValue, district: index, in: text, file: file,
                    comment: "\(source): \(reading.modeEvidence)")
                notes.append(
                    "districts[\(index)] (\(name)).ipv6Mode = \(mode.rawValue) from \(reading.file) (\(reading.modeEvidence))"
                )
            }
        }
        // DS-Lite carries IPv4 inside IPv6, so its bytes say nothing of the content shift.
        let measured = readings.map(\.reading).filter {
            $0.ipBytes > 0 && $0.ipv6Hosts > 0 && $0.mode != .dsLite
        }
        if !measured.isEmpty {
            let bytes = Double(measured.reduce(0) { $0 + $1.ipBytes })
            let share = measured.reduce(0) { $0 + $1.contentShare * Double($1.ipBytes) } / bytes
            let scenario = try ScenarioLoader.load(text: text, file: file)
            let p = innovation(reaching: share, in: 1.0 / 12, imitation: scenario.content.q)
            let parameter = try FitParameter.resolve("content.p", text: text, file: file)
            text = parameter.write(p, into: text)
            notes.append(
                "content.p = \(parameter.written(p)) from \(measured.map(\.file).joined(separator: ", ")) (IPv6 hosts send "
                    + "\(Schema.format((share * 1_000).rounded() / 10))% of their bytes over IPv6)")
        }
        return (text, notes)
    }

    /// The Bass p that reaches `share` after `t` years with imitation `q` (bisection).
    static func innovation(reaching share: Double, in t: Double, imitation q: Double) -> Double {
        var low = 0.000_001
        var high = 100.0
        let target = Swift.min(Swift.max(share, BassDiffusion(p: low, q: q).share(at: t)), 0.999)
        for _ in 0..<100 {
            let middle = (low * high).squareRoot()
            if BassDiffusion(p: middle, q: q).share(at: t) < target { low = middle } else { high = middle }
        }
        return (low * high).squareRoot()
    }

    /// `text` with district `index`'s `key` set to `value`: the value replaced where the key is
    /// written, else a line added under the district's name.
    static func set(
        _ key: String, to value: String, district index: Int, in text: String, file: String, comment: String
    ) throws(ScenarioErrors) -> String {
        let root = try ScenarioLoader.parse(text: text, file: file, expected: ScenarioLoader.scenarioExpected)
        guard let districts = root["districts"], case .sequence(let sequence) = districts,
            index < sequence.count,
            case .mapping(let mapping) = sequence[index]
        else { return text }
        if let existing = mapping[key], let mark = existing.mark {
            return FitParameter.replaceToken(in: text, line: mark.line, column: mark.column, with: value)
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let flow = mapping.mark.map {
            Array(lines[$0.line - 1].unicodeScalars).dropFirst($0.column - 1).first == "{"
        }
        guard let name = mapping.first(where: { $0.key.string == "name" })?.key, let mark = name.mark,
            flow != true
        else {
            throw ScenarioErrors([
                ScenarioError(
                    location: SourceLocation(file: file, line: sequence[index].mark?.line ?? 1, column: 1),
                    path: "districts[\(index)]",
                    expected: "a district written in block style (one key a line)",
                    found: "a flow mapping")
            ])
        }
        let indent = String(repeating: " ", count: mark.column - 1)
        lines.insert("\(indent)\(key): \(value)   # \(comment)", at: mark.line)
        return lines.joined(separator: "\n")
    }
}
