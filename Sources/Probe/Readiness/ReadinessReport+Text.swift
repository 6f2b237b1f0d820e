import Packets

extension ReadinessReport {
    /// The report an engineer reads in one screen: score and findings first (worst first, with
    /// evidence), then the traffic, router, DHCPv6, DNS and host figures behind them.
    public var text: String {
        var lines: [String] = []
        let fileList = files.map {
            ($0.live == nil ? "" : "interface ") + $0.path
                + " (\(Self.linkTypeName($0.linkType)), \($0.packets) packets"
                + ($0.live.map { ", \($0.droppedByKernel) dropped by the kernel" } ?? "")
                + ($0.error == nil ? "" : ", cut short") + ($0.interrupted.map { ", stopped by \($0)" } ?? "")
                + ")"
        }
        lines.append("metro6 probe: " + fileList.joined(separator: ", "))
        lines.append(
            "IPv6 readiness: " + (score.map { "\($0)/100" } ?? "no score (no check applied)")
                + "  [\(Self.tally(checks))]")
        lines.append("")
        for check in checks.filter({ $0.status != .notApplicable }).sorted(by: { $0.status > $1.status }) {
            lines.append("\(Self.label(check.status))  \(check.title): \(check.summary)")
            for line in check.evidence { lines.append("      \(line)") }
        }
        let skipped = checks.filter { $0.status == .notApplicable }
        if !skipped.isEmpty {
            lines.append("n/a   " + skipped.map(\.id).joined(separator: ", "))
        }
        if let active {
            lines.append("")
            for result in active {
                lines.append(
                    "\(result.answered ? "answered" : "no answer")  \(result.sent) (\(result.packets) sent): \(result.answer)"
                        + (result.seconds.map { " [\(Int(($0 * 1000).rounded())) ms]" } ?? ""))
            }
        }
        lines.append("")
        let ipPackets = packets - nonIPPackets
        lines.append(
            "Traffic   \(packets) packets over \(Self.seconds(durationSeconds)): IPv6 \(ipv6Packets), IPv4 \(ipv4Packets), "
                + "other \(nonIPPackets)\(ipPackets > 0 ? "" : " (no IP)")")
        lines.append(
            "          bytes IPv6 \(bytesByFamily["ipv6"] ?? 0), IPv4 \(bytesByFamily["ipv4"] ?? 0); "
                + "flows IPv6 \(flowsByFamily["ipv6"] ?? 0), IPv4 \(flowsByFamily["ipv4"] ?? 0)")
        if !tunnels.isEmpty {
            lines.append(
                "Tunnels   "
                    + tunnels.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(
                        separator: ", "))
        }
        if !icmpv6Types.isEmpty {
            let types = icmpv6Types.sorted { Int($0.key)! < Int($1.key)! }.map { key, count in
                "\(ICMPv6Type(rawValue: UInt8(key)!).name) \(count)"
            }
            lines.append("ICMPv6    " + types.joined(separator: ", "))
        }
        for ra in routerAdvertisements.prefix(6) {
            let prefixes = ra.prefixes.map(\.prefix).joined(separator: " ")
            lines.append(
                "RA        \(ra.firstPacket) \(ra.router)\(ra.vlan.map { " vlan \($0)" } ?? "") x\(ra.count): "
                    + "lifetime \(ra.routerLifetime) s, M=\(ra.managed ? 1 : 0) O=\(ra.otherConfiguration ? 1 : 0)"
                    + (prefixes.isEmpty ? "" : ", prefixes \(prefixes)")
                    + (ra.dnsServers.isEmpty ? "" : ", RDNSS \(ra.dnsServers.joined(separator: " "))")
                    + (ra.mtu.map { ", MTU \($0)" } ?? "") + (ra.pref64.map { ", PREF64 \($0)" } ?? ""))
        }
        if routerAdvertisements.count > 6 {
            lines.append("          ... \(routerAdvertisements.count - 6) more")
        }
        if !dhcpv6.messages.isEmpty {
            let messages = dhcpv6.messages.sorted { Int($0.key)! < Int($1.key)! }.map {
                "\(Self.dhcpv6Name($0.key)) \($0.value)"
            }
            lines.append("DHCPv6    " + messages.joined(separator: ", "))
            for delegation in dhcpv6.delegatedPrefixes.prefix(4) {
                lines.append(
                    "          delegated \(delegation.prefix) (valid \(delegation.validLifetime) s) \(delegation.packet)"
                )
            }
        }
        if dns.messages > 0 {
            lines.append(
                "DNS       \(dns.queries) queries (A \(dns.aQueries), AAAA \(dns.aaaaQueries)); AAAA answered "
                    + "\(dns.aaaaAnswered), empty \(dns.aaaaEmpty), failed \(dns.aaaaFailed); unanswered \(dns.unanswered)"
                    + (dns.dns64Answers > 0 ? "; DNS64 \(dns.dns64Answers)" : ""))
        }
        for prefix in nat64.prefixes {
            lines.append(
                "NAT64     \(prefix.prefix) from \(prefix.learnedFrom.joined(separator: ", ")) \(prefix.firstPacket); "
                    + "DNS64 answers \(prefix.synthesisedAnswers)"
                    + (prefix.synthesisedNames.isEmpty
                        ? "" : " (\(prefix.synthesisedNames.prefix(4).joined(separator: ", ")))")
                    + "; translated \(prefix.packets) packets, \(prefix.bytes) bytes")
        }
        for destination in nat64.translatedDestinations.prefix(4) {
            lines.append(
                "          to \(destination.address)\(destination.name.map { " (\($0))" } ?? ""): "
                    + "\(destination.packets) packets, \(destination.bytes) bytes")
        }
        if hosts.total > 0 {
            lines.append(
                "Hosts     \(hosts.total)\(hosts.byMAC ? "" : " (by address)"): dual-stack \(hosts.dualStack), "
                    + "IPv6-only \(hosts.ipv6Only), IPv4-only \(hosts.ipv4Only), link-local IPv6 only "
                    + "\(hosts.ipv4WithLinkLocalOnly + hosts.linkLocalOnly); EUI-64 \(hosts.eui64)")
        }
        if ipv6Connections.syns > 0 || ipv4Connections.syns > 0 {
            lines.append(
                "TCP       IPv6 SYNs \(ipv6Connections.syns), answered \(ipv6Connections.answered), unanswered "
                    + "\(ipv6Connections.unanswered ?? 0); IPv4 SYNs \(ipv4Connections.syns), answered \(ipv4Connections.answered)"
            )
        }
        if !topIPv4OnlyDestinations.isEmpty {
            let top = topIPv4OnlyDestinations.prefix(5).map { "\($0.name ?? $0.address) \($0.bytes) B" }
            lines.append("IPv4-only " + top.joined(separator: ", "))
        }
        if malformed > 0 || snapTruncated > 0 {
            lines.append(
                "Malformed \(malformed)"
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
            lines.append(
                "Evicted   " + full.joined(separator: ", ")
                    + " (tables were full: what rests on them is incomplete)")
        }
        return lines.joined(separator: "\n")
    }

    private static func label(_ status: Check.Status) -> String {
        switch status {
        case .fail: "FAIL"
        case .warn: "WARN"
        case .pass: "pass"
        case .notApplicable: "n/a "
        }
    }

    private static func tally(_ checks: [Check]) -> String {
        Check.Status.allCases.compactMap { status in
            let count = checks.filter { $0.status == status }.count
            return count == 0 ? nil : "\(count) \(status.rawValue)"
        }.joined(separator: ", ")
    }

    private static func seconds(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) s"
    }

    /// A LINKTYPE_ number's name for people ("Ethernet").
    public static func linkTypeName(_ linkType: Int) -> String {
        switch linkType {
        case 0: "BSD loopback"
        case 1: "Ethernet"
        case 8: "SLIP"
        case 9, 50: "PPP"
        case 101: "raw IP"
        case 108: "OpenBSD loopback"
        case 113: "Linux SLL"
        case 228: "raw IPv4"
        case 229: "raw IPv6"
        case 239: "NFLOG"
        case 276: "Linux SLL2"
        default: "link type \(linkType)"
        }
    }

    private static func dhcpv6Name(_ type: String) -> String {
        switch type {
        case "1": "Solicit"
        case "2": "Advertise"
        case "3": "Request"
        case "4": "Confirm"
        case "5": "Renew"
        case "6": "Rebind"
        case "7": "Reply"
        case "8": "Release"
        case "9": "Decline"
        case "10": "Reconfigure"
        case "11": "Information-request"
        case "12": "Relay-forward"
        case "13": "Relay-reply"
        default: "type \(type)"
        }
    }
}
