import Packets

/// DHCPv6 messages, exchanges (by transaction id), delegated prefixes, addresses, DNS servers
/// and status codes.
struct DHCPv6Analyzer {
    /// Outermost messages by type number.
    var messageTypes = [Int](repeating: 0, count: 256)
    /// Relayed (innermost) client/server messages by type number.
    var innerTypes = [Int](repeating: 0, count: 256)
    /// Client messages waiting for the server's answer, by transaction id.
    private(set) var pending = BoundedTable<UInt32, Exchange>(capacity: ProbeLimits.connections)
    var answeredExchanges = 0
    private(set) var delegatedPrefixes: [Delegation] = []
    private(set) var assignedAddresses: [Delegation] = []
    private(set) var dnsServers: [IPv6Address] = []
    private(set) var domains: [String] = []
    /// Non-success status codes, the first `ProbeLimits.listed` of them: (code, packet).
    private(set) var failures: [(code: UInt16, ref: PacketRef)] = []
    /// All non-success status codes seen, by code.
    private(set) var failureCounts: [UInt16: Int] = [:]
    var prefixRequests = 0
    var firstPrefixRequest: PacketRef?
    /// The message each packet is decoded into: its arrays keep their storage from message to
    /// message, so decoding one allocates nothing in the common case.
    private var scratch = DHCPv6Message()

    struct Exchange {
        var first: PacketRef
        var time: Double
    }

    mutating func observe(
        _ packet: borrowing DecodedPacket, _ observation: Observation, _ bytes: RawSpan,
        anomalies: inout Anomalies
    ) {
        guard case .dhcpv6(let offset, let length)? = packet.application, length > 0 else {
            return
        }
        // Moved out of `self` for the call to `analyse` (which mutates `self`), and back.
        var outer = DHCPv6Message()
        swap(&outer, &scratch)
        defer { swap(&outer, &scratch) }
        do throws(DecodeError) {
            try outer.decode(bytes.extracting(offset..<(offset + length)))
        } catch {
            if let type = DHCPv6Message.messageType(bytes.extracting(offset..<(offset + length))) {
                messageTypes[Int(type)] += 1
            }
            anomalies.record(error, in: packet, observation)
            return
        }
        messageTypes[Int(outer.type)] += 1
        // Most messages are not relayed: they are read in place, not copied out of a relay chain.
        if outer.relayed.isEmpty {
            analyse(outer, observation)
        } else {
            analyse(outer.innermost, observation)
        }
    }

    /// A client or server message (the innermost of a relay chain).
    private mutating func analyse(_ message: borrowing DHCPv6Message, _ observation: Observation) {
        innerTypes[Int(message.type)] += 1
        let ref = observation.ref
        // An exchange is a client message and the server's answer with the same transaction id
        // (RFC 8415 §16); answered ones leave the table.
        switch message.type {
        case DHCPv6Message.MessageType.advertise, DHCPv6Message.MessageType.reply:
            if pending.removeValue(forKey: message.transactionID) != nil { answeredExchanges += 1 }
        // Relay wrappers and Reconfigure (10, from the server) open no exchange.
        case DHCPv6Message.MessageType.relayForward, DHCPv6Message.MessageType.relayReply, 10:
            break
        default:
            pending.update(message.transactionID, default: Exchange(first: ref, time: observation.time)) {
                _ in
            }
        }
        let fromServer =
            message.type == DHCPv6Message.MessageType.advertise
            || message.type == DHCPv6Message.MessageType.reply
        if !fromServer, !message.delegatedPrefixes.isEmpty {
            prefixRequests += 1
            if firstPrefixRequest == nil { firstPrefixRequest = ref }
        }
        if let code = message.statusCode, code != 0 { fail(code, ref) }
        if fromServer {
            for association in message.delegatedPrefixes {
                if let code = association.statusCode, code != 0 { fail(code, ref) }
            }
            for association in message.nonTemporaryAddresses {
                if let code = association.statusCode, code != 0 { fail(code, ref) }
            }
        }
        guard message.type == DHCPv6Message.MessageType.reply else {
            if fromServer { note(servers: message.dnsServers, domains: message.domainList) }
            return
        }
        note(servers: message.dnsServers, domains: message.domainList)
        for association in message.delegatedPrefixes {
            for (prefix, lifetime) in zip(association.prefixes, association.validLifetimes)
            where delegatedPrefixes.count < ProbeLimits.listed && lifetime > 0
                && !delegatedPrefixes.contains(where: { $0.prefix == prefix })
            {
                delegatedPrefixes.append(
                    Delegation(
                        prefix: prefix, validLifetime: lifetime, client: message.clientDUIDHex, packet: ref))
            }
        }
        for association in message.nonTemporaryAddresses {
            for (address, lifetime) in zip(association.addresses, association.validLifetimes)
            where assignedAddresses.count < ProbeLimits.listed && lifetime > 0 {
                assignedAddresses.append(
                    Delegation(
                        prefix: IPv6Prefix(address, length: 128), validLifetime: lifetime,
                        client: message.clientDUIDHex, packet: ref))
            }
        }
    }

    private mutating func fail(_ code: UInt16, _ ref: PacketRef) {
        failureCounts[code, default: 0] += 1
        if failures.count < ProbeLimits.listed { failures.append((code, ref)) }
    }

    private mutating func note(servers: [IPv6Address], domains: [String]) {
        for server in servers where !dnsServers.contains(server) && dnsServers.count < 16 {
            dnsServers.append(server)
        }
        for domain in domains where !self.domains.contains(domain) && self.domains.count < 16 {
            self.domains.append(domain)
        }
    }

    /// Exchanges where a client asked and no server answered, leaving out those begun in the
    /// final `grace` seconds of the capture.
    func unansweredExchanges(endingAt end: Double, grace: Double) -> [Exchange] {
        pending.entries.map(\.value).filter { $0.time <= end - grace }.sorted { $0.first < $1.first }
    }

    /// RFC 8415 §21.13 status code names.
    static func statusName(_ code: UInt16) -> String {
        switch code {
        case 0: "Success"
        case 1: "UnspecFail"
        case 2: "NoAddrsAvail"
        case 3: "NoBinding"
        case 4: "NotOnLink"
        case 5: "UseMulticast"
        case 6: "NoPrefixAvail"
        default: "status \(code)"
        }
    }
}

/// A delegated prefix or assigned address from a DHCPv6 Reply.
public struct Delegation: Sendable, Hashable, Codable {
    public var prefix: IPv6Prefix
    public var validLifetime: UInt32
    /// The client's DUID (hex).
    public var client: String?
    public var packet: PacketRef
}
