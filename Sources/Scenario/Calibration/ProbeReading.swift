import Foundation
import MetroModel

/// What a probe report (`metro6 probe --format json`) measured in a district's access network,
/// read as the district's starting state: the share of hosts with working IPv6, the IPv6 share
/// of the bytes, and the provisioning mode its traffic shows.
public struct ProbeReading: Sendable, Hashable {
    /// The report's file.
    public let file: String
    /// Hosts that used a global IPv6 address (dual-stack or IPv6-only).
    public let ipv6Hosts: Int
    /// Hosts that used IPv4 or IPv6 at all.
    public let hosts: Int
    /// IPv6 and all IP bytes.
    public let ipv6Bytes: Int
    public let ipBytes: Int
    /// The mode the traffic shows: DS-Lite (IPv4 in IPv6), 6rd, NAT64 (DNS64 answers), native
    /// dual-stack, or nil without IPv6 hosts or when only host-based tunnels (Teredo, 6to4, 6in4)
    /// carry IPv6.
    public let mode: ProvisioningMode?
    /// What showed the mode.
    public let modeEvidence: String

    /// The share of hosts with working IPv6.
    public var hostShare: Double { Double(ipv6Hosts) / Double(hosts) }
    /// The IPv6 share of the bytes.
    public var byteShare: Double { ipBytes > 0 ? Double(ipv6Bytes) / Double(ipBytes) : 0 }
    /// The share of an IPv6 host's traffic on IPv6 (the content shift): bytes over hosts, at most 1.
    public var contentShare: Double { hostShare > 0 ? Swift.min(1, byteShare / hostShare) : 0 }

    struct Report: Decodable {
        struct Hosts: Decodable {
            var dualStack: Int
            var ipv6Only: Int
            var ipv4Only: Int
            var linkLocalOnly: Int
            var ipv4WithLinkLocalOnly: Int
        }
        struct DNS: Decodable {
            var dns64Answers: Int
        }
        var hosts: Hosts
        var bytesByFamily: [String: Int]
        var tunnels: [String: Int]
        var dns: DNS
    }

    /// Reads the probe report at `path`.
    public static func load(path: String) throws(ScenarioErrors) -> ProbeReading {
        func fail(_ expected: String, _ found: String) -> ScenarioErrors {
            ScenarioErrors([
                ScenarioError(
                    location: SourceLocation(file: path, line: 1, column: 1), path: "", expected: expected,
                    found: found)
            ])
        }
        let text = try ScenarioLoader.text(path: path)
        let report: Report
        do {
            report = try JSONDecoder().decode(Report.self, from: Data(text.utf8))
        } catch {
            throw fail(
                "a report of metro6 probe --format json",
                "JSON without its hosts, bytesByFamily, tunnels or dns")
        }
        let h = report.hosts
        let ipv6Hosts = h.dualStack + h.ipv6Only
        let hosts = ipv6Hosts + h.ipv4Only + h.linkLocalOnly + h.ipv4WithLinkLocalOnly
        guard hosts > 0 else { throw fail("a capture with hosts that used IPv4 or IPv6", "no such host") }
        let ipv6Bytes = report.bytesByFamily["ipv6"] ?? 0
        let mode: ProvisioningMode?
        let evidence: String
        if let packets = report.tunnels["ipv4-in-ipv6"] {
            (mode, evidence) = (.dsLite, "\(packets) IPv4-in-IPv6 packets")
        } else if let packets = report.tunnels["6rd"] {
            (mode, evidence) = (.sixRD, "\(packets) 6rd packets")
        } else if report.dns.dns64Answers > 0 {
            (mode, evidence) = (.xlat464, "\(report.dns.dns64Answers) DNS64 answers")
        } else if let tunnel = ["teredo", "6to4", "6in4"].first(where: { report.tunnels[$0] != nil }) {
            (mode, evidence) = (nil, "host-based \(tunnel) tunnels, not the operator's IPv6")
        } else if ipv6Hosts > 0 {
            (mode, evidence) = (.dualStack, "native IPv6 on \(ipv6Hosts) hosts")
        } else {
            (mode, evidence) = (nil, "no host used IPv6")
        }
        return ProbeReading(
            file: path, ipv6Hosts: ipv6Hosts, hosts: hosts, ipv6Bytes: ipv6Bytes,
            ipBytes: ipv6Bytes + (report.bytesByFamily["ipv4"] ?? 0), mode: mode, modeEvidence: evidence)
    }
}
