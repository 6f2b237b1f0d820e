import Packets

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The active checks (`metro6 probe --interface IF --active`): a router solicitation, a DHCPv6
/// information-request (and with `requestPrefix` a solicit for a delegated prefix, never
/// followed by a request, so nothing is configured), AAAA and A queries for the names asked, and
/// timed TCP connections over IPv6 and IPv4. Everything goes out on the one interface, a bounded
/// number of packets each, and each result says what was sent. The live capture running beside
/// them records the answers for the passive checks too.
///
/// The sockets that need privileges (a raw ICMPv6 socket, UDP port 546) are opened by `init`,
/// before the probe gives up root; `run` needs none.
public final class ActiveProbe: Sendable {
    let interface: String
    let options: ActiveOptions
    private let icmp: ActiveSocket
    private let dhcp: ActiveSocket
    private let scope: UInt32

    /// All-routers and All_DHCP_Relay_Agents_and_Servers (RFC 4291, RFC 8415).
    static let allRouters = IPAddress.v6(IPv6Address(high: 0xFF02_0000_0000_0000, low: 2))
    static let allDHCPServers = IPAddress.v6(IPv6Address(high: 0xFF02_0000_0000_0000, low: 0x1_0002))

    public init(interface: String, options: ActiveOptions) throws(ActiveError) {
        self.interface = interface
        self.options = options
        icmp = try .icmpv6(interface: interface)
        dhcp = try .udp(ipv6: true, interface: interface, port: 546)
        scope = if_nametoindex(interface)
    }

    /// Runs every check in turn; each waits `options.timeout` seconds at most per packet sent.
    public func run() -> [ActiveResult] {
        var results: [ActiveResult] = []
        let (routerResult, rdnss) = solicitRouters()
        results.append(routerResult)
        let (dhcpResult, dhcpDNS) = exchangeDHCPv6(prefix: false)
        results.append(dhcpResult)
        if options.requestPrefix { results.append(exchangeDHCPv6(prefix: true).result) }
        let names = options.names + options.targets.filter { $0.address == nil }.map(\.host)
        var resolved: [String: (v6: IPAddress?, v4: IPAddress?)] = [:]
        if !names.isEmpty {
            if let server = options.dnsServer ?? rdnss.map(IPAddress.v6) ?? dhcpDNS.map(IPAddress.v6) {
                for name in names where resolved[name] == nil {
                    let (aaaa, v6) = query(name, type: DNSMessage.RecordType.aaaa, server: server)
                    let (a, v4) = query(name, type: DNSMessage.RecordType.a, server: server)
                    results += [aaaa, a]
                    resolved[name] = (v6, v4)
                }
            } else {
                results.append(
                    ActiveResult(
                        check: "dns", sent: "nothing", packets: 0, answered: false, seconds: nil,
                        answer: "no resolver: none in RAs (RDNSS) or DHCPv6, and no --dns"))
            }
        }
        var pathChecked = Set<IPv6Address>()
        for target in options.targets {
            let addresses: [IPAddress] =
                target.address.map { [$0] }
                ?? [resolved[target.host]?.v6, resolved[target.host]?.v4].compactMap { $0 }
            if addresses.isEmpty {
                results.append(
                    ActiveResult(
                        check: "tcp", sent: "nothing", packets: 0, answered: false, seconds: nil,
                        answer: "\(target): the name has no AAAA or A answer"))
            }
            for address in addresses { results.append(connect(target, address)) }
            for case .v6(let address) in addresses where pathChecked.insert(address).inserted {
                results.append(pathMTU(to: address))
            }
        }
        return results
    }

    /// Router solicitations until a router advertisement answers; the first RDNSS server.
    private func solicitRouters() -> (ActiveResult, IPv6Address?) {
        let solicitation = PacketBuilder.icmpv6(type: 133, body: [0, 0, 0, 0])
        let sent = "router solicitation to ff02::2 on \(interface)"
        let start = PcapHandle.now
        var packets = 0
        var advertisements: [(router: IPAddress, advertisement: RouterAdvertisement, seconds: Double)] = []
        for _ in 0..<options.attempts where advertisements.isEmpty {
            do {
                try icmp.send(solicitation, to: Self.allRouters, scope: scope)
            } catch {
                return (failure("router-solicitation", sent, packets, error), nil)
            }
            packets += 1
            let until = PcapHandle.now + options.timeout
            while let (bytes, from) = icmp.receive(timeout: until - PcapHandle.now) {
                guard bytes.first == 134, let advertisement = try? RouterAdvertisement(bytes.span.bytes)
                else {
                    continue
                }
                // Every router that answers within the wait is listed.
                advertisements.append((from, advertisement, PcapHandle.now - start))
            }
        }
        guard let first = advertisements.first else {
            return (
                ActiveResult(
                    check: "router-solicitation", sent: sent, packets: packets, answered: false, seconds: nil,
                    answer: "no router advertisement in \(Self.seconds(Double(packets) * options.timeout))"),
                nil
            )
        }
        let answer = advertisements.map { entry in
            let ra = entry.advertisement
            return
                "\(entry.router): lifetime \(ra.routerLifetime) s, M=\(ra.managed ? 1 : 0) O=\(ra.otherConfiguration ? 1 : 0)"
                + (ra.prefixes.isEmpty
                    ? "" : ", prefixes " + ra.prefixes.map(\.prefix.description).joined(separator: " "))
                + (ra.dnsServers.isEmpty
                    ? "" : ", RDNSS " + ra.dnsServers.map(\.description).joined(separator: " "))
                + (ra.mtu.map { ", MTU \($0)" } ?? "")
        }.joined(separator: "; ")
        return (
            ActiveResult(
                check: "router-solicitation", sent: sent, packets: packets, answered: true,
                seconds: first.seconds,
                answer: answer),
            advertisements.lazy.flatMap(\.advertisement.dnsServers).first
        )
    }

    /// A DHCPv6 information-request (or, for `prefix`, a solicit with IA_PD) until a server
    /// answers; the first DNS server it names.
    private func exchangeDHCPv6(prefix: Bool) -> (result: ActiveResult, dns: IPv6Address?) {
        let check = prefix ? "dhcpv6-prefix" : "dhcpv6-information-request"
        let transaction = Int.random(in: 1..<(1 << 24))
        // DUID-UUID (RFC 6355) made for this run: the probe is not a client the server keeps.
        let duid = PacketBuilder.be16(4) + (0..<16).map { _ in UInt8.random(in: 0...255) }
        var options = [
            PacketBuilder.dhcpv6Option(1, duid), PacketBuilder.dhcpv6Option(8, [0, 0]),
            PacketBuilder.dhcpv6Option(6, PacketBuilder.be16(23) + PacketBuilder.be16(24)),
        ]
        if prefix { options.append(PacketBuilder.iaPD(iaid: 1, prefix: nil, length: 0)) }
        let message = PacketBuilder.dhcpv6(type: prefix ? 1 : 11, transaction: transaction, options: options)
        let sent =
            (prefix ? "DHCPv6 solicit for a delegated prefix (IA_PD)" : "DHCPv6 information-request")
            + " to ff02::1:2 on \(interface)"
        let start = PcapHandle.now
        var packets = 0
        for _ in 0..<self.options.attempts {
            do {
                try dhcp.send(message, to: Self.allDHCPServers, port: 547, scope: scope)
            } catch {
                return (failure(check, sent, packets, error), nil)
            }
            packets += 1
            let until = PcapHandle.now + self.options.timeout
            while let (bytes, from) = dhcp.receive(timeout: until - PcapHandle.now) {
                guard let reply = try? DHCPv6Message(bytes.span.bytes),
                    reply.transactionID == UInt32(transaction)
                else { continue }
                var answer = "\(DHCPv6Message.typeName(reply.type)) from \(from)"
                if let status = reply.statusCode { answer += ", status \(status)" }
                let prefixes = reply.delegatedPrefixes.flatMap(\.prefixes)
                if prefix {
                    answer +=
                        prefixes.isEmpty
                        ? ", no prefix offered"
                            + (reply.delegatedPrefixes.compactMap(\.statusCode).first.map {
                                " (status \($0))"
                            } ?? "")
                        : ", offers " + prefixes.map(\.description).joined(separator: " ")
                }
                if !reply.dnsServers.isEmpty {
                    answer += ", DNS " + reply.dnsServers.map(\.description).joined(separator: " ")
                }
                if !reply.domainList.isEmpty {
                    answer += ", domains " + reply.domainList.joined(separator: " ")
                }
                return (
                    ActiveResult(
                        check: check, sent: sent, packets: packets, answered: !prefix || !prefixes.isEmpty,
                        seconds: PcapHandle.now - start, answer: answer),
                    reply.dnsServers.first
                )
            }
        }
        return (
            ActiveResult(
                check: check, sent: sent, packets: packets, answered: false, seconds: nil,
                answer: "no DHCPv6 answer in \(Self.seconds(Double(packets) * self.options.timeout))"), nil
        )
    }

    /// One query for `name` of `type` to `server`: the result and the first address answered.
    private func query(_ name: String, type: UInt16, server: IPAddress) -> (ActiveResult, IPAddress?) {
        let typeName = type == DNSMessage.RecordType.aaaa ? "AAAA" : "A"
        let sent = "\(typeName) query for \(name) to \(server)"
        let id = Int.random(in: 0..<65_536)
        let start = PcapHandle.now
        do {
            let socket = try ActiveSocket.udp(ipv6: Self.isIPv6(server), interface: interface)
            try socket.send(
                PacketBuilder.dnsQuery(id: id, name: name, type: Int(type)), to: server, port: 53,
                scope: Self.isLinkLocal(server) ? scope : 0)
            return awaitAnswer(socket, id: id, type: type, sent: sent, start: start)
        } catch {
            return (failure("dns", sent, 0, error), nil)
        }
    }

    /// The answer to the query `id` on `socket`, if one comes within the timeout.
    private func awaitAnswer(
        _ socket: borrowing ActiveSocket, id: Int, type: UInt16, sent: String, start: Double
    )
        -> (ActiveResult, IPAddress?)
    {
        let typeName = type == DNSMessage.RecordType.aaaa ? "AAAA" : "A"
        let until = start + options.timeout
        while let (bytes, _) = socket.receive(timeout: until - PcapHandle.now) {
            let span = bytes.span.bytes
            guard let message = try? DNSMessage(span), message.isResponse, message.id == UInt16(id) else {
                continue
            }
            var addresses: [IPAddress] = []
            try? message.forEachRecord(span) { record in
                guard record.section == .answer, let address = record.address(in: span) else { return }
                if (type == DNSMessage.RecordType.aaaa) == Self.isIPv6(address) { addresses.append(address) }
            }
            let answer =
                message.responseCode != 0
                ? DNSAnalyzer.responseCodeName(message.responseCode)
                : addresses.isEmpty
                    ? "no \(typeName) record (NODATA)" : addresses.map(\.description).joined(separator: " ")
            return (
                ActiveResult(
                    check: "dns", sent: sent, packets: 1,
                    answered: message.responseCode == 0 && !addresses.isEmpty,
                    seconds: PcapHandle.now - start, answer: answer),
                addresses.first
            )
        }
        return (
            ActiveResult(
                check: "dns", sent: sent, packets: 1, answered: false, seconds: nil,
                answer: "no answer in \(Self.seconds(options.timeout))"), nil
        )
    }

    /// Echo requests of 1280, 1400 and 1500 bytes to `address`, unfragmented: which come back,
    /// and the MTU a Packet Too Big names (RFC 8201), or the host's own limit.
    private func pathMTU(to address: IPv6Address) -> ActiveResult {
        let sizes = [1280, 1400, 1500]
        let sent =
            "echo requests of \(sizes.map(String.init).joined(separator: ", ")) bytes to \(address), unfragmented"
        let identifier = Int.random(in: 0..<65_536)
        do {
            try icmp.forbidFragmentation()
        } catch {
            return failure("path-mtu", sent, 0, error)
        }
        var outcomes: [String] = []
        var packets = 0
        var largest: Int?
        for (sequence, size) in sizes.enumerated() {
            // IPv6 header (40) and echo header (8) around the data.
            let echo = PacketBuilder.icmpv6(
                type: 128,
                body: PacketBuilder.be16(identifier) + PacketBuilder.be16(sequence)
                    + [UInt8](repeating: 0x6D, count: size - 48))
            do {
                try icmp.send(echo, to: .v6(address), scope: address.kind == .linkLocal ? scope : 0)
            } catch {
                outcomes.append("\(size): \(error.description)")
                continue
            }
            packets += 1
            outcomes.append(
                "\(size): " + awaitEcho(identifier: identifier, sequence: sequence, from: address))
            if outcomes.last?.hasSuffix("answered") == true { largest = size }
        }
        return ActiveResult(
            check: "path-mtu", sent: sent, packets: packets, answered: largest != nil, seconds: nil,
            answer: (largest.map { "largest answered \($0) bytes; " } ?? "")
                + outcomes.joined(separator: "; "))
    }

    /// "answered", "Packet Too Big from R, MTU M", or "no answer in T s".
    private func awaitEcho(identifier: Int, sequence: Int, from address: IPv6Address) -> String {
        let until = PcapHandle.now + options.timeout
        while let (bytes, from) = icmp.receive(timeout: until - PcapHandle.now) {
            guard bytes.count >= 8 else { continue }
            let quotedID = { (offset: Int) in
                bytes.count >= offset + 4 ? Int(bytes[offset]) << 8 | Int(bytes[offset + 1]) : -1
            }
            if bytes[0] == 129, from == .v6(address), quotedID(4) == identifier,
                Int(bytes[6]) << 8 | Int(bytes[7]) == sequence
            {
                return "answered"
            }
            // A Packet Too Big quotes the echo: its identifier 52 bytes in (the PTB header, 8; the
            // quoted IPv6 header, 40; the echo's type, code and checksum, 4).
            if bytes[0] == 2, quotedID(8 + 40 + 4) == identifier {
                let mtu = bytes[4..<8].reduce(0) { $0 << 8 | Int($1) }
                return "Packet Too Big from \(from), MTU \(mtu)"
            }
        }
        return "no answer in \(Self.seconds(options.timeout))"
    }

    /// A TCP connection to `target` at `address`, timed.
    private func connect(_ target: ActiveTarget, _ address: IPAddress) -> ActiveResult {
        let family = Self.isIPv6(address) ? "IPv6" : "IPv4"
        let sent = "TCP connection to \(target) over \(family) (\(address))"
        switch ActiveSocket.connect(
            to: address, port: target.port, interface: interface, timeout: options.timeout)
        {
        case .connected(let seconds):
            return ActiveResult(
                check: "tcp", sent: sent, packets: 1, answered: true, seconds: seconds,
                answer: "connected in \(Self.milliseconds(seconds))")
        case .failed(let reason, _):
            return ActiveResult(
                check: "tcp", sent: sent, packets: 1, answered: false, seconds: nil, answer: reason)
        }
    }

    private func failure(_ check: String, _ sent: String, _ packets: Int, _ error: ActiveError)
        -> ActiveResult
    {
        ActiveResult(
            check: check, sent: sent, packets: packets, answered: false, seconds: nil,
            answer: error.description)
    }

    private static func isIPv6(_ address: IPAddress) -> Bool {
        if case .v6 = address { return true }
        return false
    }

    private static func isLinkLocal(_ address: IPAddress) -> Bool {
        if case .v6(let v6) = address { return v6.kind == .linkLocal }
        return false
    }

    static func seconds(_ value: Double) -> String { "\(Int(value.rounded())) s" }
    static func milliseconds(_ value: Double) -> String { "\(Int((value * 1000).rounded())) ms" }
}
