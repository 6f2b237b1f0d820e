import Packets

/// The readiness checks, each computed from the analysers' state at the end of the pass.
extension ProbeAnalysis {
    /// Seconds at the end of a capture in which a query or SYN without answer is not judged:
    /// its answer may simply fall after the capture.
    static let grace = 3.0

    var endTime: Double { traffic.lastTime }

    /// Every check, from the host summary and the judged connection attempts (each computed once
    /// per report).
    func checks(hostSummary: HostSummary, connections: ConnectionVerdicts) -> [Check] {
        [
            ipv6TrafficCheck(), connectivityCheck(connections), routerAdvertisementCheck(), rogueRACheck(),
            dnsConfigurationCheck(), dhcpv6Check(), prefixDelegationCheck(), hostAddressCheck(hostSummary),
            privacyCheck(hostSummary), dnsAAAACheck(), pathMTUCheck(), fragmentCheck(), transitionCheck(),
            malformedCheck(), captureCheck(),
        ]
    }

    private func percent(_ part: Int, of whole: Int) -> String {
        let tenths = whole == 0 ? 0 : Int((1000 * Double(part) / Double(whole)).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    func ipv6TrafficCheck() -> Check {
        let ip = traffic.packets - traffic.nonIPPackets
        guard ip > 0 else {
            return Check(.ipv6Traffic, status: .notApplicable, summary: "No IP packets.")
        }
        let share = traffic.ipv6Share
        let summary =
            "\(traffic.ipv6Packets) of \(ip) IP packets (\(percent(traffic.ipv6Packets, of: ip))) carry IPv6; "
            + "\(traffic.ipv6Flows) IPv6 and \(traffic.ipv4Flows) IPv4 flows."
        var evidence = topIPv4OnlyDestinations(limit: 3).map {
            "IPv4-only destination \($0.address)\($0.name.map { " (\($0))" } ?? ""): \($0.packets) packets"
        }
        if traffic.tunnelledIPv6Packets > 0 {
            evidence.append("\(traffic.tunnelledIPv6Packets) IPv6 packets travel tunnelled in IPv4")
        }
        let translated = nat64.prefixes.reduce(0) { $0 + $1.packets }
        if translated > 0 {
            evidence.append(
                "\(translated) IPv6 packets go to or from NAT64 prefixes: IPv4 servers reached through translation:"
                    + translatedDestinations(limit: 3).map {
                        " \($0.address)\($0.name.map { " (\($0))" } ?? "")"
                    }
                    .joined(separator: ","))
        }
        let status: Check.Status = traffic.ipv6Packets == 0 ? .fail : share < 0.1 ? .warn : .pass
        return Check(.ipv6Traffic, status: status, summary: summary, evidence: evidence)
    }

    /// Unanswered IPv6 connection attempts, judged: those a host followed with an answered IPv4
    /// attempt to the same name or port within seconds (a broken IPv6 path, judged however soon
    /// the capture ends), those older than the grace with no fallback, and those too recent to
    /// judge.
    struct ConnectionVerdicts {
        typealias Entry = (key: ConnectionKey, attempt: ConnectivityAnalyzer.Attempt)
        var broken: [(attempt: Entry, fallback: Entry)] = []
        var unanswered: [Entry] = []
        var notJudged: [Entry] = []

        /// Attempts judged unanswered, with or without a fallback.
        var judged: Int { broken.count + unanswered.count }
    }

    var connectionVerdicts: ConnectionVerdicts {
        var verdicts = ConnectionVerdicts()
        let index = connectivity.fallbackIndex
        for entry in connectivity.unanswered {
            if let fallback = connectivity.fallback(
                of: entry.key, entry.attempt, in: index, name: { dns.nameHash(of: $0) })
            {
                verdicts.broken.append((entry, fallback))
            } else if entry.attempt.time <= endTime - Self.grace {
                verdicts.unanswered.append(entry)
            } else {
                verdicts.notJudged.append(entry)
            }
        }
        return verdicts
    }

    func connectivityCheck(_ verdicts: ConnectionVerdicts) -> Check {
        guard connectivity.ipv6SYNs > 0 else {
            return Check(
                .ipv6Connectivity, status: .notApplicable,
                summary: "No IPv6 TCP connection attempts.")
        }
        let attempts = connectivity.ipv6AttemptCount
        var evidence = verdicts.broken.prefix(Check.evidenceLimit).map { broken in
            let (attempt, fallback) = (broken.attempt, broken.fallback)
            let delay = fallback.attempt.firstTime - attempt.attempt.firstTime
            return describe(attempt)
                + "; the host reached \(destination(fallback.key)) over IPv4 at \(fallback.attempt.first)"
                + " (\(delay >= 0 ? "+" : "")\(String(format: "%.2f", delay)) s)"
        }
        evidence += verdicts.unanswered.prefix(Check.evidenceLimit - min(Check.evidenceLimit, evidence.count))
            .map(describe)
        let late =
            verdicts.notJudged.isEmpty
            ? ""
            : " \(verdicts.notJudged.count) attempt(s) in the last \(Int(Self.grace)) s of the capture are not "
                + "judged: no answer yet, and no IPv4 fallback from the host."
        evidence += verdicts.notJudged.prefix(Check.evidenceLimit).map {
            describe($0) + " (not judged: the capture ended)"
        }
        guard verdicts.judged > 0 else {
            return Check(
                .ipv6Connectivity, status: .pass,
                summary: "All \(connectivity.ipv6Answered) judged IPv6 connection attempts got an answer."
                    + late,
                evidence: evidence)
        }
        let summary =
            "\(verdicts.judged) of \(attempts) IPv6 connection attempts got no SYN-ACK or RST"
            + (verdicts.broken.isEmpty
                ? "."
                : "; for \(verdicts.broken.count) of them the host reached the same name or port over IPv4 "
                    + "within seconds: a broken IPv6 path that clients hide by falling back.") + late
        return Check(
            .ipv6Connectivity, status: verdicts.broken.isEmpty ? .warn : .fail,
            summary: summary, evidence: evidence)
    }

    /// `#ref client -> [server]:port (name): N SYNs, no answer`.
    private func describe(_ entry: ConnectionVerdicts.Entry) -> String {
        "\(entry.attempt.first) \(entry.key.client) -> \(destination(entry.key)): "
            + "\(entry.attempt.syns) SYN\(entry.attempt.syns == 1 ? "" : "s"), no answer"
    }

    /// A server as evidence names it: `[2001:db8::1]:443 (www.example.com)`.
    private func destination(_ key: ConnectionKey) -> String {
        let address: String
        switch key.server {
        case .v6: address = "[\(key.server)]"
        case .v4: address = "\(key.server)"
        }
        let name = dns.nameHash(of: key.server).map { " (\(dns.name($0)))" } ?? ""
        return "\(address):\(key.serverPort)\(name)"
    }

    func routerAdvertisementCheck() -> Check {
        let entries = routers.distinct
        if entries.isEmpty {
            if routers.solicitations > 0 {
                return Check(
                    .routerAdvertisements, status: .fail,
                    summary: "\(routers.solicitations) router solicitations and no router advertisement.",
                    evidence: routers.firstSolicitation.map { ["first solicitation \($0)"] } ?? [])
            }
            return Check(
                .routerAdvertisements, status: .notApplicable,
                summary: "No router solicitation or advertisement.")
        }
        let defaultRouters = entries.filter { $0.advertisement.routerLifetime > 0 }
        let usable = entries.contains { entry in
            entry.advertisement.managed
                || entry.advertisement.prefixes.contains { $0.autonomous && $0.validLifetime > 0 }
        }
        var evidence = entries.prefix(Check.evidenceLimit).map { entry in
            let ra = entry.advertisement
            let prefixes = ra.prefixes.map {
                "\($0.prefix)\($0.autonomous ? " A" : "")\($0.onLink ? " L" : "")"
            }
            return
                "\(entry.first) \(entry.router)\(entry.vlan.map { " vlan \($0)" } ?? ""): lifetime \(ra.routerLifetime) s, "
                + "M=\(ra.managed ? 1 : 0) O=\(ra.otherConfiguration ? 1 : 0)"
                + (prefixes.isEmpty ? ", no prefix" : ", " + prefixes.joined(separator: ", "))
                + (ra.mtu.map { ", MTU \($0)" } ?? "")
        }
        if entries.count > Check.evidenceLimit {
            evidence.append("... \(entries.count - Check.evidenceLimit) more distinct advertisements")
        }
        let status: Check.Status
        let summary: String
        if defaultRouters.isEmpty {
            status = .warn
            summary =
                "\(routers.advertisements) router advertisements, all with router lifetime 0: no default router."
        } else if !usable {
            status = .warn
            summary =
                "\(routers.advertisements) router advertisements, but none offers a prefix for SLAAC or DHCPv6 (M flag)."
        } else {
            status = .pass
            summary =
                "\(routers.advertisements) router advertisement\(routers.advertisements == 1 ? "" : "s") from "
                + "\(Set(entries.map(\.router)).count) router(s); hosts can configure addresses."
        }
        return Check(
            .routerAdvertisements, status: status, summary: summary, evidence: evidence)
    }

    func rogueRACheck() -> Check {
        let links = routers.routersByLink()
        guard !links.isEmpty else {
            return Check(
                .rogueRA, status: .notApplicable, summary: "No router advertisements.")
        }
        var status = Check.Status.pass
        var evidence: [String] = []
        var crowded = 0
        for (vlan, routerPrefixes) in links.sorted(by: { ($0.key ?? 0) < ($1.key ?? 0) }) {
            let linkName = vlan.map { "vlan \($0)" } ?? "the untagged link"
            let sixToFour = routerPrefixes.filter { $0.value.contains { $0.address.high >> 48 == 0x2002 } }
            for (router, _) in sixToFour {
                status = .fail
                evidence.append(
                    "\(router) on \(linkName) advertises a 6to4 prefix (2002::/16), the mark of a rogue router"
                )
            }
            guard routerPrefixes.count > 1 else { continue }
            crowded += 1
            let distinctSets = Set(routerPrefixes.values)
            if distinctSets.count > 1 {
                status = .fail
            } else if status == .pass {
                status = .warn
            }
            for (router, prefixes) in routerPrefixes.sorted(by: { $0.key < $1.key }).prefix(
                Check.evidenceLimit)
            {
                let list = prefixes.sorted().map(\.description).joined(separator: ", ")
                evidence.append(
                    "\(linkName): \(router) advertises \(list.isEmpty ? "no SLAAC prefix" : list)")
            }
        }
        let summary: String
        switch status {
        case .pass: summary = "Each link has one advertising router."
        case .warn:
            summary =
                "\(crowded) link(s) with several routers advertising the same prefixes (a redundant pair, or a rogue copying them)."
        default:
            summary =
                "Routers on one link disagree: a rogue or misconfigured router is advertising (RFC 6104)."
        }
        return Check(.rogueRA, status: status, summary: summary, evidence: evidence)
    }

    func dnsConfigurationCheck() -> Check {
        let rdnss = routers.distinct.flatMap(\.advertisement.dnsServers)
        let viaDHCP = dhcpv6.dnsServers
        guard !routers.distinct.isEmpty || dhcpv6.messageTypes.contains(where: { $0 > 0 }) else {
            return Check(
                .dnsConfiguration, status: .notApplicable,
                summary: "No RAs or DHCPv6 seen.")
        }
        var evidence: [String] = []
        if !rdnss.isEmpty {
            evidence.append("RDNSS: " + Set(rdnss).sorted().map(\.description).joined(separator: ", "))
        }
        if !viaDHCP.isEmpty {
            evidence.append("DHCPv6: " + viaDHCP.map(\.description).joined(separator: ", "))
        }
        if !rdnss.isEmpty {
            return Check(
                .dnsConfiguration, status: .pass,
                summary:
                    "Router advertisements carry RDNSS (RFC 8106): every host learns an IPv6 DNS server.",
                evidence: evidence)
        }
        if !viaDHCP.isEmpty {
            return Check(
                .dnsConfiguration, status: .warn,
                summary:
                    "DNS servers come only from DHCPv6; hosts without a DHCPv6 client (Android) get none over IPv6.",
                evidence: evidence)
        }
        return Check(
            .dnsConfiguration, status: .warn,
            summary: "Neither RDNSS nor DHCPv6 offered a DNS server: hosts resolve over IPv4 only.")
    }

    func dhcpv6Check() -> Check {
        let total = dhcpv6.messageTypes.reduce(0, +)
        guard total > 0 else {
            return Check(.dhcpv6, status: .notApplicable, summary: "No DHCPv6 messages.")
        }
        let unanswered = dhcpv6.unansweredExchanges(endingAt: endTime, grace: Self.grace)
        let failures = dhcpv6.failureCounts.values.reduce(0, +)
        var evidence = dhcpv6.failures.prefix(Check.evidenceLimit).map {
            "\($0.ref) status \(DHCPv6Analyzer.statusName($0.code))"
        }
        evidence += unanswered.prefix(Check.evidenceLimit).map {
            "\($0.first) client message without any answer"
        }
        let answered =
            dhcpv6.innerTypes[Int(DHCPv6Message.MessageType.advertise)]
            + dhcpv6.innerTypes[Int(DHCPv6Message.MessageType.reply)]
        if answered == 0 && !unanswered.isEmpty {
            return Check(
                .dhcpv6, status: .fail,
                summary: "\(unanswered.count) DHCPv6 exchanges and no server answer.", evidence: evidence)
        }
        if failures > 0 || !unanswered.isEmpty {
            return Check(
                .dhcpv6, status: .warn,
                summary:
                    "\(total) DHCPv6 messages; \(failures) error status codes, \(unanswered.count) unanswered exchanges.",
                evidence: evidence)
        }
        if answered == 0 {
            return Check(
                .dhcpv6, status: .notApplicable,
                summary:
                    "\(total) DHCPv6 client messages, sent 3 s or less before the capture ends: too late to judge."
            )
        }
        return Check(
            .dhcpv6, status: .pass,
            summary: "\(total) DHCPv6 messages; every exchange was answered without an error status.",
            evidence: evidence)
    }

    func prefixDelegationCheck() -> Check {
        let delegated = dhcpv6.delegatedPrefixes
        guard dhcpv6.prefixRequests > 0 || !delegated.isEmpty else {
            return Check(
                .prefixDelegation, status: .notApplicable, summary: "No IA_PD requested.")
        }
        let evidence = delegated.prefix(Check.evidenceLimit).map {
            "\($0.packet) \($0.prefix) valid \($0.validLifetime) s"
        }
        if delegated.isEmpty {
            let noPrefix = dhcpv6.failureCounts[6] != nil
            return Check(
                .prefixDelegation, status: .fail,
                summary: "\(dhcpv6.prefixRequests) prefix requests and no prefix delegated"
                    + (noPrefix ? " (NoPrefixAvail)." : "."),
                evidence: dhcpv6.firstPrefixRequest.map { ["first request \($0)"] } ?? [])
        }
        let long = delegated.filter { $0.prefix.length > 60 }
        if !long.isEmpty {
            return Check(
                .prefixDelegation, status: .warn,
                summary: "\(long.count) of \(delegated.count) delegated prefixes are longer than /60: "
                    + "too few subnets for a home network (RIPE-690 recommends /56).",
                evidence: evidence)
        }
        let lengths = Set(delegated.map(\.prefix.length)).sorted().map { "/\($0)" }.joined(separator: ", ")
        return Check(
            .prefixDelegation, status: .pass,
            summary: "\(delegated.count) prefix\(delegated.count == 1 ? "" : "es") delegated (\(lengths)).",
            evidence: evidence)
    }

    func hostAddressCheck(_ summary: HostSummary) -> Check {
        guard summary.total > 0 else {
            return Check(
                .hostAddresses, status: .notApplicable, summary: "No hosts seen.")
        }
        let withGlobal = summary.dualStack + summary.ipv6Only
        let text =
            "\(summary.total) hosts\(summary.byMAC ? "" : " (by address)"): \(summary.dualStack) dual-stack, "
            + "\(summary.ipv6Only) IPv6-only, \(summary.ipv4Only) IPv4-only, "
            + "\(summary.ipv4WithLinkLocalOnly + summary.linkLocalOnly) with only a link-local IPv6 address."
        let starved = summary.ipv4WithLinkLocalOnly + summary.linkLocalOnly
        let prefixesOffered = routers.distinct.contains { entry in
            entry.advertisement.managed
                || entry.advertisement.prefixes.contains { $0.autonomous && $0.validLifetime > 0 }
        }
        let status: Check.Status
        if withGlobal == 0 {
            // Hosts that should have configured an address from the advertised prefix and did not.
            status = starved > 0 && prefixesOffered ? .fail : .warn
        } else if starved > 0 || summary.ipv4Only > withGlobal {
            status = .warn
        } else {
            status = .pass
        }
        let examples = hosts.endHosts.filter { !$0.value.global && $0.value.linkLocal }
            .sorted { $0.value.first < $1.value.first }.prefix(Check.evidenceLimit)
            .map {
                "\($0.value.first) \($0.value.exampleLinkLocal.map(\.description) ?? "?") has no global address"
            }
        return Check(
            .hostAddresses, status: status, summary: text, evidence: Array(examples))
    }

    func privacyCheck(_ summary: HostSummary) -> Check {
        let withGlobal = summary.dualStack + summary.ipv6Only
        guard withGlobal > 0 else {
            return Check(
                .addressPrivacy, status: .notApplicable,
                summary: "No host with a global IPv6 address.")
        }
        let examples = hosts.endHosts.filter(\.value.eui64Global).sorted { $0.value.first < $1.value.first }
            .prefix(Check.evidenceLimit).map {
                "\($0.value.first) \($0.value.exampleGlobal.map(\.description) ?? "?") embeds a MAC address"
            }
        if summary.eui64 > 0 {
            return Check(
                .addressPrivacy, status: .warn,
                summary:
                    "\(summary.eui64) of \(withGlobal) hosts send from EUI-64 addresses, which expose their MAC "
                    + "address and let them be tracked (RFC 8981, RFC 7217).",
                evidence: Array(examples))
        }
        return Check(
            .addressPrivacy, status: .pass,
            summary: "All \(withGlobal) hosts with a global address use random interface identifiers.")
    }

    func dnsAAAACheck() -> Check {
        let responses = dns.aaaaAnswered + dns.aaaaEmpty + dns.aaaaFailed
        guard dns.aaaaQueries > 0 || responses > 0 else {
            return Check(.dnsAAAA, status: .notApplicable, summary: "No AAAA queries.")
        }
        let unanswered = dns.unanswered(endingAt: endTime, grace: Self.grace).filter {
            $0.type == DNSMessage.RecordType.aaaa
        }
        var evidence = dns.failures.prefix(Check.evidenceLimit).map {
            "\($0.ref) \(dns.name($0.name)): \(DNSAnalyzer.responseCodeName($0.code))"
        }
        evidence += unanswered.prefix(Check.evidenceLimit).map {
            "\($0.ref) AAAA \(dns.name($0.name)) never answered"
        }
        for prefix in nat64.prefixes where prefix.synthesisedAnswers > 0 {
            evidence.append("\(prefix.synthesisedAnswers) answers synthesised by DNS64 (\(prefix.prefix))")
        }
        let summary =
            "\(dns.aaaaQueries) AAAA queries; responses: \(dns.aaaaAnswered) answered, \(dns.aaaaEmpty) empty, "
            + "\(dns.aaaaFailed) failed; \(unanswered.count) never answered."
        let failedShare = responses == 0 ? 0 : Double(dns.aaaaFailed) / Double(responses)
        let status: Check.Status
        if (failedShare > 0.2 && dns.aaaaFailed >= 5)
            || (responses == 0 && !unanswered.isEmpty && dns.responses > 0)
        {
            status = .fail
        } else if failedShare > 0.02
            || (dns.responses > 0 && Double(unanswered.count) > 0.1 * Double(dns.aaaaQueries))
        {
            status = .warn
        } else {
            status = .pass
        }
        return Check(.dnsAAAA, status: status, summary: summary, evidence: evidence)
    }

    func pathMTUCheck() -> Check {
        let reports = pmtu.byMTU.values.sorted { $0.first < $1.first }
        guard traffic.ipv6Packets > 0 else {
            return Check(.pathMTU, status: .notApplicable, summary: "No IPv6 traffic.")
        }
        let raMTUs = Set(routers.distinct.compactMap(\.advertisement.mtu)).sorted()
        var evidence = reports.prefix(Check.evidenceLimit).map {
            "\($0.first) MTU \($0.mtu) from \($0.sender)\($0.destination.map { " for \($0)" } ?? "") (\($0.count)x)"
        }
        if !raMTUs.isEmpty {
            evidence.append("RA MTU option: " + raMTUs.map(String.init).joined(separator: ", "))
        }
        guard !reports.isEmpty else {
            return Check(
                .pathMTU, status: .pass, summary: "No ICMPv6 Packet Too Big seen.",
                evidence: evidence)
        }
        let mtus = reports.map { String($0.mtu) }.joined(separator: ", ")
        if reports.contains(where: { $0.mtu < 1280 }) {
            return Check(
                .pathMTU, status: .fail,
                summary:
                    "\(pmtu.total) Packet Too Big messages name MTUs \(mtus); below 1280 is invalid for IPv6 (RFC 8200).",
                evidence: evidence)
        }
        return Check(
            .pathMTU, status: .warn,
            summary:
                "\(pmtu.total) Packet Too Big messages name MTUs \(mtus): a link below 1500 (tunnel, PPPoE); "
                + "ICMPv6 must reach hosts for Path MTU Discovery to work.",
            evidence: evidence)
    }

    func fragmentCheck() -> Check {
        guard traffic.ipv6Packets > 0 else {
            return Check(.fragments, status: .notApplicable, summary: "No IPv6 traffic.")
        }
        let fragments = traffic.ipv6Fragments
        let atomic = traffic.ipv6AtomicFragments
        if fragments == 0 && atomic == 0 {
            return Check(.fragments, status: .pass, summary: "No IPv6 fragments.")
        }
        var evidence: [String] = []
        if let first = traffic.firstIPv6Fragment { evidence.append("first fragment \(first)") }
        if atomic > 0 { evidence.append("\(atomic) atomic fragments (RFC 8021 deprecates them)") }
        return Check(
            .fragments, status: .warn,
            summary:
                "\(fragments) IPv6 fragments (\(percent(fragments, of: traffic.ipv6Packets)) of IPv6 packets): "
                + "many paths drop them (RFC 7872); large DNS answers over UDP are the usual source.",
            evidence: evidence)
    }

    func transitionCheck() -> Check {
        let counts = Dictionary(
            uniqueKeysWithValues: zip(TunnelSet.named.map(\.1), traffic.tunnelPackets))
        let deprecated = ["6to4", "teredo", "ayiya"].filter { (counts[$0] ?? 0) > 0 }
        let operated = ["6in4", "6rd", "ipv4-in-ipv6"].filter { (counts[$0] ?? 0) > 0 }
        var evidence = (deprecated + operated).map { "\($0): \(counts[$0] ?? 0) packets" }
        evidence += nat64Evidence()
        guard !deprecated.isEmpty || !operated.isEmpty || !nat64.prefixes.isEmpty else {
            return Check(
                .transition, status: .notApplicable,
                summary: "No IPv6 transition mechanism seen.")
        }
        if !deprecated.isEmpty {
            return Check(
                .transition, status: .warn,
                summary:
                    "Host-based tunnels in use (\(deprecated.joined(separator: ", "))): hosts lack native IPv6; "
                    + "6to4 is deprecated (RFC 7526) and Teredo is a last resort.",
                evidence: evidence)
        }
        let names = operated + (nat64.prefixes.isEmpty ? [] : ["NAT64/DNS64"])
        return Check(
            .transition, status: .pass,
            summary: "Operator transition mechanisms seen: \(names.joined(separator: ", ")).",
            evidence: evidence)
    }

    /// Each NAT64 prefix: how it was learnt, what DNS64 synthesised in it, what was translated.
    private func nat64Evidence() -> [String] {
        nat64.prefixes.map { prefix in
            var line =
                "NAT64 prefix \(prefix.prefix.description), from \(prefix.sources.sorted().map(\.rawValue).joined(separator: " and ")) "
                + "(\(prefix.first))"
            if prefix.synthesisedAnswers > 0 {
                let names = prefix.names.prefix(3).map(dns.name).joined(separator: ", ")
                line += "; \(prefix.synthesisedAnswers) AAAA answers synthesised by DNS64 (\(names))"
            }
            if prefix.packets > 0 { line += "; \(prefix.packets) packets translated to IPv4" }
            return line
        }
    }

    /// The busiest IPv4 servers reached through NAT64, named from the A answer or from the
    /// synthesised AAAA answer.
    func translatedDestinations(limit: Int) -> [ReadinessReport.DestinationSummary] {
        nat64.destinations.entries.sorted { ($0.value.bytes, $1.key) > ($1.value.bytes, $0.key) }.prefix(
            limit
        ).map {
            entry in
            let synthesised = nat64.prefixes.lazy.compactMap {
                NAT64Address.synthesise(entry.key, under: $0.prefix)
            }
            let name =
                dns.nameHash(of: .v4(entry.key))
                ?? synthesised.lazy.compactMap { dns.nameHash(of: .v6($0)) }.first
            return .init(
                address: entry.key.description, name: name.map(dns.name), packets: entry.value.packets,
                bytes: entry.value.bytes)
        }
    }

    func malformedCheck() -> Check {
        guard traffic.packets > 0 else {
            return Check(.malformed, status: .notApplicable, summary: "No packets.")
        }
        let count = anomalies.malformedPackets
        var evidence = anomalies.sorted.prefix(Check.evidenceLimit).map {
            "\($0.name): \($0.count) (first \($0.first))"
        }
        if anomalies.snapTruncated > 0 {
            evidence.append(
                "\(anomalies.snapTruncated) frames cut by the snap length (not counted as malformed)")
        }
        let summary =
            "\(count) of \(traffic.packets) packets (\(percent(count, of: traffic.packets))) are malformed."
        let status: Check.Status =
            count == 0 ? .pass : Double(count) > 0.01 * Double(traffic.packets) ? .fail : .warn
        return Check(.malformed, status: status, summary: summary, evidence: evidence)
    }

    /// Whether every capture was read to its end: a file cut short (a corrupt record, a bad
    /// interface id, a download that stopped) leaves its verdicts on part of the traffic, so it
    /// fails, with libpcap's reason. A capture stopped on purpose (SIGINT) is read as far as asked.
    /// A live capture whose kernel dropped packets warns: the verdicts miss what was dropped.
    func captureCheck() -> Check {
        let cut = files.filter { $0.error != nil }
        let stopped = files.compactMap { file in file.interrupted.map { "\(file.path): stopped by \($0)" } }
        guard cut.isEmpty else {
            return Check(
                .capture, status: .fail,
                summary:
                    "\(cut.count) of \(files.count) capture file(s) could not be read to the end; the verdicts cover "
                    + "only the packets before the fault.",
                evidence: cut.compactMap(\.error) + stopped)
        }
        let dropping = files.filter {
            ($0.live?.droppedByKernel ?? 0) + ($0.live?.droppedByInterface ?? 0) > 0
        }
        guard dropping.isEmpty else {
            return Check(
                .capture, status: .warn,
                summary:
                    "Packets were dropped before the probe saw them on \(dropping.count) interface(s); the verdicts "
                    + "miss them (a busier link than the probe keeps up with, or a filter would help: --bpf).",
                evidence: dropping.compactMap { file in
                    file.live.map {
                        "\(file.path): \($0.droppedByKernel) dropped by the kernel (buffer full), "
                            + "\($0.droppedByInterface) by the interface, \(file.packets) read"
                    }
                } + stopped)
        }
        let packets = files.reduce(0) { $0 + $1.packets }
        let live = files.filter { $0.live != nil }.count
        let what =
            live == 0
            ? "\(files.count) capture file(s)"
            : live == files.count
                ? "\(live) live capture(s)"
                : "\(files.count - live) capture file(s) and \(live) live capture(s)"
        return Check(
            .capture, status: .pass,
            summary:
                "\(what), \(packets) packets, read to the end\(stopped.isEmpty ? "" : " or to the stop")"
                + (live > 0 ? ", none dropped." : "."),
            evidence: stopped)
    }

    /// The busiest IPv4 destinations whose name (when DNS showed it) has no AAAA record.
    func topIPv4OnlyDestinations(limit: Int) -> [ReadinessReport.DestinationSummary] {
        traffic.ipv4Destinations.compactMap { entry -> ReadinessReport.DestinationSummary? in
            let name = dns.nameHash(of: .v4(entry.key))
            if let name, dns.hasAAAA(name) { return nil }
            // Multicast and broadcast are not destinations anyone could move to IPv6.
            if entry.key.rawValue >> 28 == 0xE || entry.key.rawValue == .max { return nil }
            return .init(
                address: entry.key.description, name: name.map(dns.name), packets: entry.value.packets,
                bytes: entry.value.bytes)
        }
        .sorted { ($0.bytes, $1.address) > ($1.bytes, $0.address) }
        .prefix(limit).map { $0 }
    }
}
