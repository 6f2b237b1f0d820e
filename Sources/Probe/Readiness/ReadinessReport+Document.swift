import Packets
import Report

/// The probe's findings as a report document: the score, every check with all its evidence, the
/// active checks, then the traffic, routers, DHCPv6, DNS, NAT64, hosts and what the tables dropped.
/// HTML renders it (`metro6 probe --format html`).
extension ReadinessReport {
    /// The report of the capture.
    public var document: ReportDocument {
        var sections = [
            Section(id: "readiness", title: "Readiness", blocks: [.facts(readinessFacts)]),
            Section(id: "checks", title: "Checks", blocks: [.findings(findings)]),
        ]
        if let active, !active.isEmpty {
            sections.append(
                Section(id: "active", title: "Active checks", blocks: [.table(activeTable(active))]))
        }
        sections.append(Section(id: "traffic", title: "Traffic", blocks: trafficBlocks))
        if !routerAdvertisements.isEmpty {
            sections.append(
                Section(id: "routers", title: "Router advertisements", blocks: [.table(routerTable)]))
        }
        if !dhcpv6.messages.isEmpty {
            sections.append(Section(id: "dhcpv6", title: "DHCPv6", blocks: dhcpv6Blocks))
        }
        if dns.messages > 0 { sections.append(Section(id: "dns", title: "DNS", blocks: [.facts(dnsFacts)])) }
        if !nat64.prefixes.isEmpty {
            sections.append(Section(id: "nat64", title: "NAT64 and DNS64", blocks: nat64Blocks))
        }
        sections.append(Section(id: "hosts", title: "Hosts", blocks: [.facts(hostFacts)]))
        if !topIPv4OnlyDestinations.isEmpty {
            sections.append(
                Section(
                    id: "ipv4-only", title: "IPv4-only destinations",
                    blocks: [
                        .table(
                            destinationTable(
                                topIPv4OnlyDestinations, id: "ipv4-only-table", title: "The busiest"))
                    ]))
        }
        if malformed > 0 || evictions.total > 0 {
            sections.append(
                Section(id: "limits", title: "Malformed packets and full tables", blocks: limitBlocks))
        }
        return ReportDocument(
            title: "IPv6 readiness of "
                + (files.count == 1
                    ? files[0].path.split(separator: "/").last.map(String.init) ?? files[0].path
                    : "\(files.count) captures"),
            subtitle: files.map { file in
                (file.live == nil ? "" : "interface ") + file.path + ": " + Self.linkTypeName(file.linkType)
                    + ", "
                    + "\(file.packets) packets"
                    + (file.live.map { ", \($0.droppedByKernel) dropped by the kernel" } ?? "")
                    + (file.error.map { ", cut short: \($0)" } ?? "")
                    + (file.interrupted.map { ", stopped by \($0)" } ?? "")
            }, sections: sections)
    }

    /// The checks as findings, worst first; those that did not apply last, as skipped.
    var findings: [Finding] {
        checks.sorted { $0.status > $1.status }.map { check in
            let status: Finding.Status =
                switch check.status {
                case .pass: .pass
                case .warn: .warn
                case .fail: .fail
                case .notApplicable: .skip
                }
            return Finding(
                id: check.id.rawValue, title: check.title, status: status, summary: check.summary,
                evidence: check.evidence)
        }
    }

    var readinessFacts: [Fact] {
        let tally = Check.Status.allCases.map { status in
            Fact(
                "checks \(status.rawValue)",
                .number(Double(checks.filter { $0.status == status }.count), .integer))
        }
        return [
            Fact(
                "readiness score", score.map { .number(Double($0), .integer) } ?? .text("no check applied"),
                unit: "of 100"),
            Fact("packets", .number(Double(packets), .count)),
            Fact("duration", .number(durationSeconds, .decimals(1)), unit: "s"),
        ] + tally
    }

    func activeTable(_ results: [ActiveResult]) -> Table {
        Table(
            id: "active-table", title: "What was sent and what came back",
            columns: [
                Column<ActiveResult>("check") { .text($0.check) },
                Column("sent") { .text($0.sent) },
                Column("packets", format: .integer) { .number(Double($0.packets), .integer) },
                Column("answered") { .text($0.answered ? "yes" : "no") },
                Column("time", unit: "ms", format: NumberFormat(scale: 1_000)) {
                    $0.seconds.map { .number($0, NumberFormat(scale: 1_000)) } ?? .missing
                },
                Column("answer") { .text($0.answer) },
            ], rows: results)
    }

    var trafficBlocks: [Block] {
        var facts = [
            Fact("IPv6 packets", .number(Double(ipv6Packets), .count)),
            Fact("IPv4 packets", .number(Double(ipv4Packets), .count)),
            Fact("other packets", .number(Double(nonIPPackets), .count)),
            Fact("IPv6 bytes", .number(Double(bytesByFamily["ipv6"] ?? 0), .count)),
            Fact("IPv4 bytes", .number(Double(bytesByFamily["ipv4"] ?? 0), .count)),
            Fact("IPv6 flows", .number(Double(flowsByFamily["ipv6"] ?? 0), .count)),
            Fact("IPv4 flows", .number(Double(flowsByFamily["ipv4"] ?? 0), .count)),
            Fact("IPv6 TCP connections tried", .number(Double(ipv6Connections.syns), .count)),
            Fact("IPv6 TCP connections answered", .number(Double(ipv6Connections.answered), .count)),
            Fact("IPv4 TCP connections tried", .number(Double(ipv4Connections.syns), .count)),
            Fact("IPv4 TCP connections answered", .number(Double(ipv4Connections.answered), .count)),
        ]
        if tunnelledIPv6Packets > 0 {
            facts.append(Fact("IPv6 in tunnels", .number(Double(tunnelledIPv6Packets), .count)))
        }
        var blocks: [Block] = [.facts(facts)]
        let counted = { (id: String, title: String, name: String, counts: [(String, Int)]) -> Block in
            .table(
                Table(
                    id: id, title: title,
                    columns: [
                        Column<(String, Int)>(name) { .text($0.0) },
                        Column("packets", format: .count) { .number(Double($0.1), .count) },
                    ], rows: counts))
        }
        if !tunnels.isEmpty {
            blocks.append(
                counted(
                    "tunnels", "Tunnels", "kind",
                    tunnels.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))
        }
        if !icmpv6Types.isEmpty {
            let types = icmpv6Types.sorted { $0.key < $1.key }.map { type, count in
                (ICMPv6Type(rawValue: UInt8(type)).name, count)
            }
            blocks.append(counted("icmpv6-types", "ICMPv6 messages", "type", types))
        }
        if !packetTooBig.isEmpty {
            blocks.append(
                .table(
                    Table(
                        id: "packet-too-big", title: "Packet Too Big",
                        columns: [
                            Column<PacketTooBigSummary>("first packet") { .text($0.firstPacket.description) },
                            Column("sender") { .text($0.sender) },
                            Column("destination") { .text($0.destination ?? "") },
                            Column("MTU", format: .integer) { .number(Double($0.mtu), .integer) },
                            Column("messages", format: .count) { .number(Double($0.count), .count) },
                        ], rows: packetTooBig)))
        }
        return blocks
    }

    var routerTable: Table {
        Table(
            id: "router-table", title: "Distinct advertisements",
            columns: [
                Column<RouterAdvertisementSummary>("first packet") { .text($0.firstPacket.description) },
                Column("router") { .text($0.router + ($0.vlan.map { " (VLAN \($0))" } ?? "")) },
                Column("count", format: .count) { .number(Double($0.count), .count) },
                Column("lifetime", unit: "s", format: .integer) {
                    .number(Double($0.routerLifetime), .integer)
                },
                Column("flags") { .text("M=\($0.managed ? 1 : 0) O=\($0.otherConfiguration ? 1 : 0)") },
                Column("prefixes") { ra in
                    .text(
                        ra.prefixes.map {
                            "\($0.prefix) (valid \($0.validLifetime) s, preferred \($0.preferredLifetime) s)"
                        }
                        .joined(separator: "; "))
                },
                Column("RDNSS") { .text($0.dnsServers.joined(separator: " ")) },
                Column("MTU", format: .integer) { $0.mtu.map { .number(Double($0), .integer) } ?? .missing },
                Column("PREF64") { .text($0.pref64 ?? "") },
            ], rows: routerAdvertisements)
    }

    var dhcpv6Blocks: [Block] {
        let messages = dhcpv6.messagesByName.sorted { $0.key < $1.key }
        var blocks: [Block] = [
            .table(
                Table(
                    id: "dhcpv6-messages", title: "Messages",
                    columns: [
                        Column<(key: String, value: Int)>("message") { .text($0.key) },
                        Column("count", format: .count) { .number(Double($0.value), .count) },
                    ], rows: messages)),
            .facts([
                Fact("exchanges without an answer", .number(Double(dhcpv6.unansweredExchanges), .count)),
                Fact("DNS servers", .text(dhcpv6.dnsServers.joined(separator: " "))),
                Fact("domains", .text(dhcpv6.domains.joined(separator: " "))),
            ]),
        ]
        for (id, title, list) in [
            ("dhcpv6-prefixes", "Delegated prefixes", dhcpv6.delegatedPrefixes),
            ("dhcpv6-addresses", "Addresses", dhcpv6.addresses),
        ] where !list.isEmpty {
            blocks.append(
                .table(
                    Table(
                        id: id, title: title,
                        columns: [
                            Column<Delegation>("packet") { .text($0.packet.description) },
                            Column("prefix") { .text($0.prefix.description) },
                            Column("valid", unit: "s", format: .integer) {
                                .number(Double($0.validLifetime), .integer)
                            },
                            Column("client") { .text($0.client ?? "") },
                        ], rows: list)))
        }
        return blocks
    }

    var dnsFacts: [Fact] {
        [
            Fact("queries", .number(Double(dns.queries), .count)),
            Fact("A queries", .number(Double(dns.aQueries), .count)),
            Fact("AAAA queries", .number(Double(dns.aaaaQueries), .count)),
            Fact("AAAA answered", .number(Double(dns.aaaaAnswered), .count)),
            Fact("AAAA empty", .number(Double(dns.aaaaEmpty), .count)),
            Fact("AAAA failed", .number(Double(dns.aaaaFailed), .count)),
            Fact("unanswered", .number(Double(dns.unanswered), .count)),
            Fact("DNS64 answers", .number(Double(dns.dns64Answers), .count)),
        ]
    }

    var nat64Blocks: [Block] {
        [
            .table(
                Table(
                    id: "nat64-prefixes", title: "Prefixes",
                    columns: [
                        Column<NAT64PrefixSummary>("prefix") { .text($0.prefix) },
                        Column("learnt from") { .text($0.learnedFrom.joined(separator: "; ")) },
                        Column("first packet") { .text($0.firstPacket.description) },
                        Column("DNS64 answers", format: .count) {
                            .number(Double($0.synthesisedAnswers), .count)
                        },
                        Column("names") { .text($0.synthesisedNames.joined(separator: " ")) },
                        Column("packets", format: .count) { .number(Double($0.packets), .count) },
                        Column("bytes", format: .count) { .number(Double($0.bytes), .count) },
                    ], rows: nat64.prefixes)),
            .table(
                destinationTable(
                    nat64.translatedDestinations, id: "nat64-destinations", title: "IPv4 servers reached")),
        ]
    }

    func destinationTable(_ list: [DestinationSummary], id: String, title: String) -> Table {
        Table(
            id: id, title: title,
            columns: [
                Column<DestinationSummary>("address") { .text($0.address) },
                Column("name") { .text($0.name ?? "") },
                Column("packets", format: .count) { .number(Double($0.packets), .count) },
                Column("bytes", format: .count) { .number(Double($0.bytes), .count) },
            ], rows: list)
    }

    var hostFacts: [Fact] {
        [
            Fact(
                "hosts" + (hosts.byMAC ? "" : " (told apart by address)"),
                .number(Double(hosts.total), .count)),
            Fact("dual-stack", .number(Double(hosts.dualStack), .count)),
            Fact("IPv6-only", .number(Double(hosts.ipv6Only), .count)),
            Fact("IPv4-only", .number(Double(hosts.ipv4Only), .count)),
            Fact("IPv4 with link-local IPv6 only", .number(Double(hosts.ipv4WithLinkLocalOnly), .count)),
            Fact("link-local IPv6 only", .number(Double(hosts.linkLocalOnly), .count)),
            Fact("EUI-64 addresses (MAC inside)", .number(Double(hosts.eui64), .count)),
            Fact("random interface identifiers", .number(Double(hosts.randomInterfaceID), .count)),
            Fact("routers", .number(Double(hosts.routers), .count)),
        ]
    }

    var limitBlocks: [Block] {
        var blocks: [Block] = [
            .facts([
                Fact("malformed packets", .number(Double(malformed), .count)),
                Fact("frames cut by the snap length", .number(Double(snapTruncated), .count)),
                Fact(
                    "table entries dropped", .number(Double(evictions.total), .count),
                    note: "what rests on them is incomplete"),
            ])
        ]
        if !anomalies.isEmpty {
            blocks.append(
                .table(
                    Table(
                        id: "anomalies", title: "Decode errors",
                        columns: [
                            Column<AnomalySummary>("error") { .text($0.name) },
                            Column("packets", format: .count) { .number(Double($0.count), .count) },
                            Column("first") { .text($0.firstPacket.description) },
                        ], rows: anomalies)))
        }
        return blocks
    }
}
