import Packets
import Report

extension ReadinessReport {
    /// The report an engineer reads in one screen: score and findings first (worst first, with
    /// evidence), then the traffic, router, DHCPv6, DNS and host figures behind them.
    public var text: String {
        var rendered = TextRenderer.render(summary)
        if rendered.hasSuffix("\n") { rendered.removeLast() }
        return rendered
    }

    /// The one-screen document `text` renders: untitled sections that run on, a figure a line.
    public var summary: ReportDocument {
        let fileList = files.map {
            ($0.live == nil ? "" : "interface ") + $0.path
                + " (\(Self.linkTypeName($0.linkType)), \($0.packets) packets"
                + ($0.live.map { ", \($0.droppedByKernel) dropped by the kernel" } ?? "")
                + ($0.error == nil ? "" : ", cut short") + ($0.interrupted.map { ", stopped by \($0)" } ?? "")
                + ")"
        }
        let tally = Check.Status.allCases.compactMap { status in
            let count = checks.filter { $0.status == status }.count
            return count == 0 ? nil : "\(count) \(status.rawValue)"
        }.joined(separator: ", ")
        let shown = findings.filter { $0.status != .skip }.map { finding in
            var finding = finding
            let more = finding.evidence.count - Check.textEvidence
            if more > 0 {
                finding.evidence =
                    finding.evidence.prefix(Check.textEvidence)
                    + ["... \(more) more (all of them: --format json or html)"]
            }
            return finding
        }
        var verdicts: [Block] = [.findings(shown)]
        let skipped = checks.filter { $0.status == .notApplicable }
        if !skipped.isEmpty {
            verdicts.append(.paragraph("n/a   " + skipped.map(\.id.rawValue).joined(separator: ", ")))
        }
        var sections = [Section(id: "checks", title: "", blocks: verdicts)]
        if let active {
            let lines = active.map { result in
                "\(result.answered ? "answered" : "no answer")  \(result.sent) (\(result.packets) sent): \(result.answer)"
                    + (result.seconds.map { " [\(Int(($0 * 1000).rounded())) ms]" } ?? "")
            }
            sections.append(
                Section(id: "active", title: "", blocks: [.paragraph(lines.joined(separator: "\n"))]))
        }
        sections.append(Section(id: "figures", title: "", blocks: [.facts(figureLines)]))
        return ReportDocument(
            title: "metro6 probe: " + fileList.joined(separator: ", "),
            subtitle: [
                "IPv6 readiness: " + (score.map { "\($0)/100" } ?? "no score (no check applied)")
                    + "  [\(tally)]"
            ],
            sections: sections)
    }

    /// The figures behind the checks, a line per subject (continuation lines unlabelled).
    var figureLines: [Fact] {
        var lines: [Fact] = []
        func line(_ label: String, _ text: String) { lines.append(Fact(label, .text(text))) }
        let ipPackets = packets - nonIPPackets
        line(
            "Traffic",
            "\(packets) packets over \(Self.seconds(durationSeconds)): IPv6 \(ipv6Packets), IPv4 \(ipv4Packets), "
                + "other \(nonIPPackets)\(ipPackets > 0 ? "" : " (no IP)")")
        line(
            "",
            "bytes IPv6 \(bytesByFamily["ipv6"] ?? 0), IPv4 \(bytesByFamily["ipv4"] ?? 0); "
                + "flows IPv6 \(flowsByFamily["ipv6"] ?? 0), IPv4 \(flowsByFamily["ipv4"] ?? 0)")
        if !tunnels.isEmpty {
            line(
                "Tunnels",
                tunnels.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        if !icmpv6Types.isEmpty {
            let types = icmpv6Types.sorted { $0.key < $1.key }.map { type, count in
                "\(ICMPv6Type(rawValue: UInt8(type)).name) \(count)"
            }
            line("ICMPv6", types.joined(separator: ", "))
        }
        for ra in routerAdvertisements.prefix(6) {
            let prefixes = ra.prefixes.map(\.prefix).joined(separator: " ")
            line(
                "RA",
                "\(ra.firstPacket) \(ra.router)\(ra.vlan.map { " vlan \($0)" } ?? "") x\(ra.count): "
                    + "lifetime \(ra.routerLifetime) s, M=\(ra.managed ? 1 : 0) O=\(ra.otherConfiguration ? 1 : 0)"
                    + (prefixes.isEmpty ? "" : ", prefixes \(prefixes)")
                    + (ra.dnsServers.isEmpty ? "" : ", RDNSS \(ra.dnsServers.joined(separator: " "))")
                    + (ra.mtu.map { ", MTU \($0)" } ?? "") + (ra.pref64.map { ", PREF64 \($0)" } ?? ""))
        }
        if routerAdvertisements.count > 6 { line("", "... \(routerAdvertisements.count - 6) more") }
        if !dhcpv6.messages.isEmpty {
            let messages = dhcpv6.messages.sorted { $0.key < $1.key }.map {
                "\(DHCPv6Message.typeName(UInt8($0.key))) \($0.value)"
            }
            line("DHCPv6", messages.joined(separator: ", "))
            for delegation in dhcpv6.delegatedPrefixes.prefix(4) {
                line(
                    "",
                    "delegated \(delegation.prefix) (valid \(delegation.validLifetime) s) \(delegation.packet)"
                )
            }
        }
        if dns.messages > 0 {
            line(
                "DNS",
                "\(dns.queries) queries (A \(dns.aQueries), AAAA \(dns.aaaaQueries)); AAAA answered "
                    + "\(dns.aaaaAnswered), empty \(dns.aaaaEmpty), failed \(dns.aaaaFailed); unanswered \(dns.unanswered)"
                    + (dns.dns64Answers > 0 ? "; DNS64 \(dns.dns64Answers)" : ""))
        }
        for prefix in nat64.prefixes {
            line(
                "NAT64",
                "\(prefix.prefix) from \(prefix.learnedFrom.joined(separator: ", ")) \(prefix.firstPacket); "
                    + "DNS64 answers \(prefix.synthesisedAnswers)"
                    + (prefix.synthesisedNames.isEmpty
                        ? "" : " (\(prefix.synthesisedNames.prefix(4).joined(separator: ", ")))")
                    + "; translated \(prefix.packets) packets, \(prefix.bytes) bytes")
        }
        for destination in nat64.translatedDestinations.prefix(4) {
            line(
                "",
                "to \(destination.address)\(destination.name.map { " (\($0))" } ?? ""): "
                    + "\(destination.packets) packets, \(destination.bytes) bytes")
        }
        if hosts.total > 0 {
            line(
                "Hosts",
                "\(hosts.total)\(hosts.byMAC ? "" : " (by address)"): dual-stack \(hosts.dualStack), "
                    + "IPv6-only \(hosts.ipv6Only), IPv4-only \(hosts.ipv4Only), link-local IPv6 only "
                    + "\(hosts.ipv4WithLinkLocalOnly + hosts.linkLocalOnly); EUI-64 \(hosts.eui64)")
        }
        if ipv6Connections.syns > 0 || ipv4Connections.syns > 0 {
            line(
                "TCP",
                "IPv6 SYNs \(ipv6Connections.syns), answered \(ipv6Connections.answered), unanswered "
                    + "\(ipv6Connections.unanswered ?? 0); IPv4 SYNs \(ipv4Connections.syns), answered \(ipv4Connections.answered)"
            )
        }
        if !topIPv4OnlyDestinations.isEmpty {
            line(
                "IPv4-only",
                topIPv4OnlyDestinations.prefix(5).map { "\($0.name ?? $0.address) \($0.bytes) B" }.joined(
                    separator: ", "))
        }
        if malformed > 0 || snapTruncated > 0 {
            line(
                "Malformed",
                "\(malformed)"
                    + (anomalies.isEmpty
                        ? ""
                        : ": " + anomalies.prefix(4).map { "\($0.name) \($0.count)" }.joined(separator: ", "))
                    + (snapTruncated > 0 ? "; \(snapTruncated) frames cut by the snap length" : ""))
        }
        if evictions.total > 0 {
            let full = [
                ("hosts", evictions.hosts), ("IPv4 servers", evictions.ipv4Destinations),
                ("IPv6 connection attempts", evictions.ipv6ConnectionAttempts),
                ("IPv4 answering servers", evictions.ipv4AnsweringServers),
                ("DHCPv6 exchanges", evictions.dhcpv6Exchanges), ("DNS queries", evictions.dnsQueries),
                ("DNS answer addresses", evictions.dnsAnswerAddresses), ("DNS names", evictions.dnsNames),
            ].filter { $0.1 > 0 }.map { "\($0.0) \($0.1)" }
            line(
                "Evicted",
                full.joined(separator: ", ") + " (tables were full: what rests on them is incomplete)")
        }
        return lines
    }

    private static func seconds(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) s"
    }
}
