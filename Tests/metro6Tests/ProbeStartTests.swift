import Foundation
import Testing

/// `metro6 calibrate --probe`: districts start from what probes of their networks measured.
@Suite("metro6 calibrate --probe")
struct ProbeStartTests {
    let cli = CommandLineTests()
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// The probe's JSON report of a fixture capture, in a temporary file.
    func report(_ capture: String) throws -> String {
        let outcome = try cli.run(["probe", Self.path(capture), "--format", "json"])
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("probe-\(UUID()).json")
        try outcome.output.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test("two corpus captures set two districts, checked by hand")
    func twoCaptures() throws {
        // 4in6.pcap: one host sends one 94-byte IPv6 packet carrying IPv4 (DS-Lite), so 1 of 1
        // hosts has IPv6 and the mode is dsLite; its bytes are left out of the content shift.
        // Teredo.pcap: one host, 29 Teredo packets (UDP 3544) with 25,025 IPv4 bytes and no
        // native IPv6: a host tunnel, no operator mode, and 0% of bytes on native IPv6, so
        // content.p drops to the smallest the format allows.
        let dsLite = try report("Tests/ProbeTests/Fixtures/zeek/4in6.pcap")
        let teredo = try report("Tests/ProbeTests/Fixtures/zeek/Teredo.pcap")
        defer {
            try? FileManager.default.removeItem(atPath: dsLite)
            try? FileManager.default.removeItem(atPath: teredo)
        }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("probed-\(UUID()).yaml").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let outcome = try cli.run([
            "calibrate", Self.path("Scenarios/tiny/two-districts.yaml"), "--actuals",
            Self.path("Scenarios/actuals/china-ipv6.yaml"), "--probe", "Futian=\(dsLite)", "--probe",
            "Nanshan=\(teredo)", "--out", out,
        ])
        #expect(outcome.status == 0, "\(outcome.error)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains("cpeCapableShare: 1   # probe \(dsLite): 1 of 1 hosts with IPv6"))
        #expect(lines.contains("ipv6Mode: dsLite   # probe \(dsLite): 1 IPv4-in-IPv6 packets"))
        #expect(lines.contains("cpeCapableShare: 1   # probe \(teredo): 1 of 1 hosts with IPv6"))
        #expect(!text.contains("ipv6Mode: dualStack"))
        #expect(text.contains("content: {p: 1e-06, q: 0.5}"))
        #expect(
            outcome.output.contains("Nanshan).cpeCapableShare = 1 from \(teredo) (1 of 1 hosts with IPv6)"))
        // The file still loads, and says where each value came from.
        let validated = try cli.run(["validate", out])
        #expect(validated.status == 0, "\(validated.error)")
        #expect(text.hasPrefix("# Starting state from probes:"))
    }

    @Test("a district that is not in the scenario, and a file that is not a probe report, exit 2")
    func bad() throws {
        let dsLite = try report("Tests/ProbeTests/Fixtures/zeek/4in6.pcap")
        defer { try? FileManager.default.removeItem(atPath: dsLite) }
        let unknown = try cli.run([
            "calibrate", Self.path("Scenarios/tiny/two-districts.yaml"), "--actuals",
            Self.path("Scenarios/actuals/china-ipv6.yaml"), "--probe", "Luohu=\(dsLite)",
        ])
        #expect(
            unknown.status == 2 && unknown.error.contains("expected one of the districts Futian, Nanshan"))
        let notReport = try cli.run([
            "calibrate", Self.path("Scenarios/tiny/two-districts.yaml"), "--actuals",
            Self.path("Scenarios/actuals/china-ipv6.yaml"), "--probe",
            "Futian=\(Self.path("Scenarios/actuals/china-ipv6.yaml"))",
        ])
        #expect(notReport.status == 2 && notReport.error.contains("a report of metro6 probe --format json"))
    }
}
