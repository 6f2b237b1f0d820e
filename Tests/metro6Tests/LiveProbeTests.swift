import Foundation
import Testing

/// The probe against real, unmodified daemons in network namespaces (Tools/netlab/lab.sh):
/// radvd, dnsmasq, ISC dhcpd, unbound with DNS64, tayga, nftables, curl. For each, the live
/// probe (`--interface`) and tcpdump's recording of the same traffic probed offline report what
/// the daemons were configured with, and the same findings both ways.
@Suite(
    "Probe on real daemons, live and offline", .serialized,
    .enabled(if: NetworkLab.missing == nil, "\(NetworkLab.missing ?? "")"))
struct LiveProbeTests {
    typealias JSON = [String: Any]

    /// The live and offline reports agree: wholly when both saw the same packets (the capture
    /// check aside, which says how each was read), else check by check.
    static func expectSameFindings(_ capture: NetworkLab.Capture) throws {
        func comparable(_ report: JSON) -> JSON {
            var report = report
            report["files"] = nil
            report["checks"] = (report["checks"] as? [JSON])?.filter { $0["id"] as? String != "capture" }
            return report
        }
        let (live, offline) = (comparable(capture.live), comparable(capture.offline))
        if live["packets"] as? Int == offline["packets"] as? Int {
            // Each packet socket may read the clock for a packet itself: the durations agree
            // within a millisecond, not to the microsecond.
            let durations = [live, offline].compactMap { $0["durationSeconds"] as? Double }
            #expect(durations.count == 2 && abs(durations[0] - durations[1]) < 1e-3, "\(durations)")
            let differing = Set(live.keys).union(offline.keys).subtracting(["durationSeconds"]).sorted()
                .filter {
                    !NSDictionary(dictionary: [$0: live[$0] ?? "-"]).isEqual(to: [$0: offline[$0] ?? "-"])
                }
            #expect(
                differing.isEmpty,
                "\(differing.map { "\($0): live \(live[$0] ?? "-") offline \(offline[$0] ?? "-")" }.joined(separator: "\n"))"
            )
        } else {
            // A packet between the two stops (an unsolicited RA): the verdicts must still agree.
            #expect(statuses(capture.live) == statuses(capture.offline))
        }
        #expect(capture.liveStatus == capture.offlineStatus)
        let files = try #require(capture.live["files"] as? [JSON])
        #expect(files.first?["path"] as? String == "h0")
        let kernel = try #require(files.first?["live"] as? JSON)
        #expect(kernel["droppedByKernel"] as? Int == 0)
    }

    static func statuses(_ report: JSON) -> [String: String] {
        var statuses: [String: String] = [:]
        for check in report["checks"] as? [JSON] ?? [] where check["id"] as? String != "capture" {
            statuses[check["id"] as? String ?? ""] = check["status"] as? String
        }
        return statuses
    }

    static func check(_ report: JSON, _ id: String) throws -> JSON {
        try #require((report["checks"] as? [JSON])?.first { $0["id"] as? String == id }, "no check \(id)")
    }

    /// The value after `key` in a daemon's configuration file ("AdvLinkMTU 1480;" -> "1480").
    static func setting(_ key: String, in configuration: String) throws -> String {
        let line = try #require(
            configuration.split(separator: "\n").first {
                $0.trimmingCharacters(in: .whitespaces).hasPrefix(key + " ")
            }, "no \(key)")
        let value = line.trimmingCharacters(in: .whitespaces).dropFirst(key.count + 1)
        return String(value.prefix { $0 != ";" && $0 != " " })
    }

    @Test("radvd and dnsmasq: the RA, the DHCPv6 address, DNS and a dual-stack host, as configured")
    func routerAndDHCPv6() throws {
        let lab = try NetworkLab("dhcpv6")
        let capture = try lab.capture {
            let reached = try lab.traffic()
            #expect(reached == ["2001:db8:2::80", "198.51.100.80"])
        }
        try Self.expectSameFindings(capture)
        let report = capture.offline
        #expect(capture.offlineStatus == 0)

        let radvd = try lab.file("radvd.conf")
        let advertisements = try #require(report["routerAdvertisements"] as? [JSON])
        #expect(advertisements.count == 1)
        let ra = try #require(advertisements.first)
        #expect(ra["routerLifetime"] as? Int == Int(try Self.setting("AdvDefaultLifetime", in: radvd)))
        #expect(ra["mtu"] as? Int == Int(try Self.setting("AdvLinkMTU", in: radvd)))
        #expect(ra["managed"] as? Bool == true && ra["otherConfiguration"] as? Bool == true)
        #expect(ra["dnsServers"] as? [String] == [try Self.setting("RDNSS", in: radvd)])
        #expect(ra["sourceLinkLayerAddress"] as? String == "02:00:00:00:01:01")
        let prefix = try #require((ra["prefixes"] as? [JSON])?.first)
        #expect(prefix["prefix"] as? String == (try Self.setting("prefix", in: radvd)))
        #expect(prefix["validLifetime"] as? Int == Int(try Self.setting("AdvValidLifetime", in: radvd)))
        #expect(
            prefix["preferredLifetime"] as? Int == Int(try Self.setting("AdvPreferredLifetime", in: radvd)))
        #expect(prefix["autonomous"] as? Bool == true && prefix["onLink"] as? Bool == true)

        // The address dnsmasq leased (its lease file is the oracle) and the DNS server it gives.
        let dhcpv6 = try #require(report["dhcpv6"] as? JSON)
        let leased = try lab.file("dnsmasq.leases").split(separator: "\n").compactMap { line -> String? in
            let fields = line.split(separator: " ")
            return fields.count > 2 && fields[2].contains(":") ? String(fields[2]) : nil
        }
        let addresses = try #require(dhcpv6["addresses"] as? [JSON])
        #expect(addresses.compactMap { $0["prefix"] as? String } == leased.map { $0 + "/128" })
        #expect(addresses.first?["validLifetime"] as? Int == 3600)
        #expect(dhcpv6["dnsServers"] as? [String] == ["2001:db8:1::1"])
        #expect(
            dhcpv6["messagesByName"] as? [String: Int] == [
                "solicit": 1, "advertise": 1, "request": 1, "reply": 1,
            ])

        let hosts = try #require(report["hosts"] as? JSON)
        #expect(hosts["total"] as? Int == 1 && hosts["dualStack"] as? Int == 1)
        for id in [
            "router-advertisements", "rogue-ra", "dns-configuration", "dhcpv6", "ipv6-connectivity",
            "dns-aaaa",
        ] {
            #expect(try Self.check(report, id)["status"] as? String == "pass", "\(id)")
        }
    }

    @Test("ISC dhcpd delegates a /56: the prefix in its lease file is the one reported")
    func prefixDelegation() throws {
        let lab = try NetworkLab("prefix-delegation")
        let capture = try lab.capture { try lab.traffic() }
        try Self.expectSameFindings(capture)
        let leases = try lab.file("dhcpd6.leases")
        let leased = try #require(
            leases.split(separator: "\n").compactMap { line -> String? in
                let words = line.trimmingCharacters(in: .whitespaces).split(separator: " ")
                return words.first == "iaprefix" && words.count > 1 ? String(words[1]) : nil
            }.first, "no iaprefix in dhcpd's leases: \(leases)")
        let delegated = try #require((capture.offline["dhcpv6"] as? JSON)?["delegatedPrefixes"] as? [JSON])
        #expect(delegated.compactMap { $0["prefix"] as? String } == [leased])
        #expect(try Self.check(capture.offline, "prefix-delegation")["status"] as? String == "pass")
    }

    @Test("nftables drops IPv6 TCP: curl falls back to IPv4 and the probe names the broken IPv6 path")
    func happyEyeballs() throws {
        let lab = try NetworkLab("happy-eyeballs")
        let capture = try lab.capture {
            let reached = try lab.traffic()
            #expect(reached == ["198.51.100.80"])
        }
        try Self.expectSameFindings(capture)
        let check = try Self.check(capture.offline, "ipv6-connectivity")
        #expect(check["status"] as? String == "fail")
        let evidence = (check["evidence"] as? [String] ?? []).joined(separator: "\n")
        #expect(evidence.contains("[2001:db8:2::80]:80 (www.example.test)"), "\(evidence)")
        #expect(evidence.contains("198.51.100.80:80"), "\(evidence)")
        #expect(capture.offlineStatus == 1)
    }

    @Test("a second radvd on the link advertising a ULA prefix fails rogue-ra, naming both routers")
    func rogueRouter() throws {
        let lab = try NetworkLab("rogue-ra")
        let capture = try lab.capture { try lab.traffic() }
        try Self.expectSameFindings(capture)
        let check = try Self.check(capture.offline, "rogue-ra")
        #expect(check["status"] as? String == "fail")
        let evidence = (check["evidence"] as? [String] ?? []).joined(separator: "\n")
        #expect(evidence.contains("fe80::bad") && evidence.contains("fd00:bad::/64"), "\(evidence)")
        #expect(evidence.contains("fe80::ff:fe00:101") && evidence.contains("2001:db8:1::/64"), "\(evidence)")
    }

    @Test("unbound's DNS64 and tayga's NAT64 on 2001:db8:64::/96: the prefix, the names and the IPv4 server")
    func nat64() throws {
        let lab = try NetworkLab("nat64")
        let capture = try lab.capture {
            let reached = try lab.traffic()
            #expect(reached == ["2001:db8:64::c633:6450"])
        }
        try Self.expectSameFindings(capture)
        let nat64 = try #require(capture.offline["nat64"] as? JSON)
        let prefixes = try #require(nat64["prefixes"] as? [JSON])
        let configured = try Self.setting("dns64-prefix:", in: lab.file("unbound.conf"))
        #expect(prefixes.compactMap { $0["prefix"] as? String } == [configured])
        #expect(try Self.setting("prefix", in: lab.file("tayga.conf")) == configured)
        let prefix = try #require(prefixes.first)
        #expect((prefix["learnedFrom"] as? [String])?.contains("ipv4only.arpa answer (RFC 7050)") == true)
        #expect(
            Set(prefix["synthesisedNames"] as? [String] ?? []) == ["ipv4only.arpa", "v4only.example.test"])
        #expect((prefix["packets"] as? Int ?? 0) > 0)
        let destination = try #require((nat64["translatedDestinations"] as? [JSON])?.first)
        #expect(destination["address"] as? String == "198.51.100.80")
        #expect(destination["name"] as? String == "v4only.example.test")
        #expect(
            try Self.check(capture.offline, "transition")["summary"] as? String
                == "Operator transition mechanisms seen: NAT64/DNS64.")
        #expect(try Self.check(capture.offline, "ipv6-connectivity")["status"] as? String == "pass")
    }

    @Test("a 1280-byte link on the path: the router's Packet Too Big is reported with its MTU")
    func smallMTU() throws {
        let lab = try NetworkLab("small-mtu")
        let capture = try lab.capture { try lab.traffic() }
        try Self.expectSameFindings(capture)
        let tooBig = try #require((capture.offline["packetTooBig"] as? [JSON])?.first)
        #expect(tooBig["mtu"] as? Int == 1280)
        #expect(tooBig["sender"] as? String == "2001:db8:1::1")
        let check = try Self.check(capture.offline, "path-mtu")
        #expect(check["status"] as? String != "pass")
        #expect((check["evidence"] as? [String] ?? []).joined().contains("1280"))
    }

    @Test(
        "--active: the RS, DHCPv6 and DNS answers as configured, IPv6 TCP timing out where nftables drops it while IPv4 connects"
    )
    func activeChecks() throws {
        let lab = try NetworkLab("happy-eyeballs")
        let (output, _, status) = try lab.probe([
            "--active", "--name", "www.example.test", "--target", "www.example.test:80", "--request-prefix",
            "--format",
            "json",
        ])
        // The probe ends by itself a second after the checks; dnsmasq delegates no prefix.
        #expect(status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? JSON)
        let active = try #require(report["active"] as? [JSON])
        func result(_ sent: String) throws -> JSON {
            try #require(
                active.first { ($0["sent"] as? String)?.hasPrefix(sent) == true }, "no \(sent): \(active)")
        }
        let radvd = try lab.file("radvd.conf")
        let rs = try result("router solicitation to ff02::2 on h0")
        #expect(rs["answered"] as? Bool == true && rs["packets"] as? Int == 1)
        let answer = rs["answer"] as? String ?? ""
        #expect(
            answer.contains(try Self.setting("prefix", in: radvd)) && answer.contains("RDNSS 2001:db8:1::1"),
            "\(answer)")
        #expect(answer.contains("MTU \(try Self.setting("AdvLinkMTU", in: radvd))"), "\(answer)")
        let information = try result("DHCPv6 information-request")
        #expect(information["answered"] as? Bool == true)
        #expect(
            (information["answer"] as? String)?.contains("reply from fe80::ff:fe00:101, DNS 2001:db8:1::1")
                == true)
        let prefix = try result("DHCPv6 solicit for a delegated prefix")
        #expect(prefix["answered"] as? Bool == false)
        #expect((prefix["answer"] as? String)?.contains("no prefix offered") == true)
        #expect(
            try result("AAAA query for www.example.test to 2001:db8:1::1")["answer"] as? String
                == "2001:db8:2::80")
        #expect(
            try result("A query for www.example.test to 2001:db8:1::1")["answer"] as? String
                == "198.51.100.80")
        let v6 = try result("TCP connection to www.example.test:80 over IPv6 (2001:db8:2::80)")
        #expect(v6["answered"] as? Bool == false && v6["answer"] as? String == "no answer in 2 s")
        let v4 = try result("TCP connection to www.example.test:80 over IPv4 (198.51.100.80)")
        #expect(v4["answered"] as? Bool == true)
        #expect(active.allSatisfy { ($0["packets"] as? Int ?? 99) <= 3 })
        // The passive checks saw the same exchanges on the wire.
        #expect(try Self.check(report, "dns-configuration")["status"] as? String == "pass")
        #expect(try Self.check(report, "prefix-delegation")["status"] as? String == "fail")
    }

    @Test("--active path MTU: 1280 bytes answered, 1400 drawing the router's Packet Too Big (MTU 1280)")
    func activePathMTU() throws {
        let lab = try NetworkLab("small-mtu")
        let (output, _, _) = try lab.probe([
            "--active", "--target", "[2001:db8:2::80]:80", "--format", "json",
        ])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? JSON)
        let active = try #require(report["active"] as? [JSON])
        let path = try #require(active.first { $0["check"] as? String == "path-mtu" }, "\(active)")
        let answer = path["answer"] as? String ?? ""
        #expect(answer.hasPrefix("largest answered 1280 bytes; 1280: answered;"), "\(answer)")
        #expect(answer.contains("1400: Packet Too Big from 2001:db8:1::1, MTU 1280"), "\(answer)")
        // 1500 bytes exceed the RA's MTU (1480), which the host applies: never sent.
        #expect(answer.contains("1500: not sent"), "\(answer)")
        #expect((report["packetTooBig"] as? [JSON])?.first?["mtu"] as? Int == 1280)
        let tcp = try #require(active.first { $0["check"] as? String == "tcp" })
        #expect(tcp["answered"] as? Bool == true)
    }

    @Test("a live capture gives up root for nobody once the interface is open, and still reports")
    func privilegesDropped() throws {
        let lab = try NetworkLab("small-mtu")
        var user: String?
        let (output, _, status) = try lab.probe(["--duration", "2", "--format", "json"]) { pid in
            let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
            user = status.split(separator: "\n").first { $0.hasPrefix("Uid:") }.map(String.init)
        }
        let nobody = try #require(getpwnam("nobody")).pointee.pw_uid
        // Real, effective, saved and file-system user ids all nobody's.
        #expect(
            user?.split(whereSeparator: \.isWhitespace).dropFirst().allSatisfy { $0 == "\(nobody)" } == true,
            "\(user ?? "")")
        #expect([0, 1].contains(status))
        #expect((try JSONSerialization.jsonObject(with: Data(output.utf8)) as? JSON)?["files"] != nil)
    }

    @Test("an interface that is down, one that does not exist, and no privileges: exit 2 and what to do")
    func liveErrors() throws {
        let lab = try NetworkLab("small-mtu")
        try lab.host(["ip", "link", "set", "h0", "down"])
        let down = try lab.probe(["--duration", "1"])
        #expect(down.status == 2)
        #expect(
            down.error.contains("h0: the interface is down; bring it up first (ip link set h0 up)"),
            "\(down.error)")
        let missing = try CommandLineTests().run(["probe", "--interface", "m6-no-such", "--duration", "1"])
        #expect(missing.status == 2)
        #expect(missing.error.contains("no interface named 'm6-no-such' (interfaces: "), "\(missing.error)")
        #expect(missing.error.contains("lo"))
        // As nobody, with no capability: libpcap cannot open a packet socket.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = [
            "--reuid=nobody", "--regid=nogroup", "--clear-groups", CommandLineTests.binary.path, "probe",
            "--interface", "lo", "--duration", "1",
        ]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(
            message.contains("lo: no permission to capture") && message.contains("CAP_NET_RAW"), "\(message)")
    }

    @Test(
        "--list-interfaces in the host's namespace: h0 up with its global, link-local and IPv4 addresses in that order"
    )
    func listInterfaces() throws {
        let lab = try NetworkLab("small-mtu")
        try lab.traffic()
        let (output, _, status) = try lab.probe(["--list-interfaces", "--format", "json"])
        #expect(status == 0)
        let interfaces = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [JSON])
        let h0 = try #require(interfaces.first { $0["name"] as? String == "h0" }, "\(interfaces)")
        #expect(h0["isUp"] as? Bool == true && h0["isLoopback"] as? Bool == false)
        // The RA's prefix with the EUI-64 of 02:00:00:00:01:02, then link-local, then IPv4.
        #expect(
            h0["addresses"] as? [String] == ["2001:db8:1::ff:fe00:102", "fe80::ff:fe00:102", "192.0.2.2"],
            "\(h0)")
        let text = try lab.probe(["--list-interfaces"])
        #expect(text.output.contains("h0") && text.output.hasPrefix("interface"))
    }
}
