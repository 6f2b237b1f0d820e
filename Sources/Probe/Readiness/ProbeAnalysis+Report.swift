import Packets

extension ProbeAnalysis {
    /// The report of everything observed so far, with the checks and the score.
    public func report() -> ReadinessReport {
        let hostSummary = hosts.summary()
        let connections = connectionVerdicts
        let checks = checks(hostSummary: hostSummary, connections: connections)
        var icmpv6Types: [Int: Int] = [:]
        var icmpv6Names: [String: Int] = [:]
        for (type, count) in routers.icmpv6Types.enumerated() where count > 0 {
            icmpv6Types[type] = count
            icmpv6Names[ICMPv6Type(rawValue: UInt8(type)).name, default: 0] += count
        }
        var dhcpTypes: [Int: Int] = [:]
        var dhcpNames: [String: Int] = [:]
        var relayedTypes: [Int: Int] = [:]
        var relayedNames: [String: Int] = [:]
        for type in 0..<256 {
            let name = DHCPv6Message.typeName(UInt8(type))
            if dhcpv6.messageTypes[type] > 0 {
                dhcpTypes[type] = dhcpv6.messageTypes[type]
                dhcpNames[name] = dhcpv6.messageTypes[type]
            }
            let relayed = dhcpv6.innerTypes[type] - dhcpv6.messageTypes[type]
            if dhcpv6.innerTypes[type] > 0, relayed > 0 {
                relayedTypes[type] = relayed
                relayedNames[name] = relayed
            }
        }
        var tunnels: [String: Int] = [:]
        for ((_, name), count) in zip(TunnelSet.named, traffic.tunnelPackets) where count > 0 {
            tunnels[name] = count
        }
        let unansweredDNS = dns.unanswered(endingAt: endTime, grace: Self.grace).count
        return ReadinessReport(
            files: files, packets: traffic.packets, ipv4Packets: traffic.ipv4Packets,
            ipv6Packets: traffic.ipv6Packets,
            nonIPPackets: traffic.nonIPPackets,
            durationSeconds: traffic.firstTime.map { traffic.lastTime - $0 } ?? 0,
            bytesByFamily: [
                "ipv4": traffic.ipv4Bytes, "ipv6": traffic.ipv6Bytes, "nonIP": traffic.nonIPBytes,
            ],
            flowsByFamily: ["ipv4": traffic.ipv4Flows, "ipv6": traffic.ipv6Flows],
            icmpv6Types: icmpv6Types, icmpv6TypesByName: icmpv6Names,
            routerSolicitations: routers.solicitations,
            tunnelledRouterAdvertisements: routers.tunnelledAdvertisements,
            routerAdvertisements: routers.distinct.map(Self.summary),
            dhcpv6: .init(
                messages: dhcpTypes, relayedMessages: relayedTypes, messagesByName: dhcpNames,
                relayedMessagesByName: relayedNames,
                delegatedPrefixes: dhcpv6.delegatedPrefixes,
                addresses: dhcpv6.assignedAddresses, dnsServers: dhcpv6.dnsServers.map(\.description),
                domains: dhcpv6.domains,
                failures: dhcpv6.failures.map {
                    .init(status: DHCPv6Analyzer.statusName($0.code), packet: $0.ref)
                },
                unansweredExchanges: dhcpv6.unansweredExchanges(endingAt: endTime, grace: Self.grace).count),
            dns: .init(
                messages: dns.messages, queries: dns.queries, responses: dns.responses,
                aQueries: dns.aQueries,
                aaaaQueries: dns.aaaaQueries, aaaaAnswered: dns.aaaaAnswered, aaaaEmpty: dns.aaaaEmpty,
                aaaaFailed: dns.aaaaFailed, unanswered: unansweredDNS, dns64Answers: nat64.synthesisedAnswers),
            hosts: hostSummary, tunnels: tunnels, tunnelledIPv6Packets: traffic.tunnelledIPv6Packets,
            fragments: .init(
                ipv4: traffic.ipv4Fragments, ipv6: traffic.ipv6Fragments,
                ipv6Atomic: traffic.ipv6AtomicFragments),
            packetTooBig: pmtu.byMTU.values.sorted { $0.first < $1.first }.map {
                .init(
                    mtu: Int($0.mtu), count: $0.count, firstPacket: $0.first, sender: $0.sender,
                    destination: $0.destination)
            },
            ipv6Connections: .init(
                syns: connectivity.ipv6SYNs, answered: connectivity.ipv6Answered,
                unanswered: connections.judged),
            ipv4Connections: .init(syns: connectivity.ipv4SYNs, answered: connectivity.ipv4AnsweredCount),
            topIPv4OnlyDestinations: topIPv4OnlyDestinations(limit: 10),
            nat64: .init(
                prefixes: nat64.prefixes.map { prefix in
                    .init(
                        prefix: prefix.prefix.description,
                        learnedFrom: prefix.sources.sorted().map(\.rawValue),
                        firstPacket: prefix.first, synthesisedAnswers: prefix.synthesisedAnswers,
                        synthesisedNames: prefix.names.map(dns.name), packets: prefix.packets,
                        bytes: prefix.bytes)
                },
                translatedDestinations: translatedDestinations(limit: 10)),
            active: active,
            malformed: anomalies.malformedPackets, snapTruncated: anomalies.snapTruncated,
            anomalies: anomalies.sorted.map { .init(name: $0.name, count: $0.count, firstPacket: $0.first) },
            evictions: .init(
                hosts: hostSummary.evicted, ipv4Destinations: traffic.destinationEvictions,
                ipv6ConnectionAttempts: connectivity.ipv6Attempts.evictions,
                ipv4AnsweringServers: connectivity.ipv4Answered.evictions,
                dhcpv6Exchanges: dhcpv6.pending.evictions, dnsQueries: dns.pending.evictions,
                dnsAnswerAddresses: dns.addressEvictions, dnsNames: dns.names.evictions),
            checks: checks, score: Score.of(checks))
    }

    private static func summary(_ entry: AdvertisementEntry) -> ReadinessReport.RouterAdvertisementSummary {
        let ra = entry.advertisement
        return .init(
            router: entry.router.description, vlan: entry.vlan.map(Int.init), firstPacket: entry.first,
            count: entry.count,
            hopLimit: Int(ra.hopLimit), managed: ra.managed, otherConfiguration: ra.otherConfiguration,
            preference: ra.preference, routerLifetime: Int(ra.routerLifetime), mtu: ra.mtu.map(Int.init),
            prefixes: ra.prefixes.map {
                .init(
                    prefix: $0.prefix.description, onLink: $0.onLink, autonomous: $0.autonomous,
                    validLifetime: Int($0.validLifetime), preferredLifetime: Int($0.preferredLifetime))
            },
            dnsServers: ra.dnsServers.map(\.description), searchDomains: ra.searchDomains,
            routes: ra.routes.map(\.description), pref64: ra.pref64?.description,
            sourceLinkLayerAddress: ra.sourceLinkLayerAddress?.description)
    }
}
