import Packets

/// DNS: A and AAAA queries, AAAA responses answered / empty / failed, queries never answered,
/// and which addresses each name resolved to (for the connectivity check); A and AAAA answers go
/// on to the NAT64 analysis, which finds DNS64's synthesised ones.
struct DNSAnalyzer {
    var messages = 0
    var queries = 0
    var responses = 0
    var aQueries = 0
    var aaaaQueries = 0
    /// AAAA responses with at least one AAAA record in the answer section.
    var aaaaAnswered = 0
    /// AAAA responses with NOERROR and no AAAA record (NODATA: the name has no IPv6 address).
    var aaaaEmpty = 0
    /// AAAA responses with an error response code.
    var aaaaFailed = 0
    var firstFailure: PacketRef?
    /// Failure examples: name hash, response code, packet.
    private(set) var failures: [(name: UInt64, code: UInt8, ref: PacketRef)] = []
    /// Queries to port 53 waiting for their response.
    private(set) var pending = BoundedTable<PendingKey, PendingQuery>(capacity: ProbeLimits.dnsEntries)
    /// The name (hash) each address was last given in an A or AAAA answer, by the address's
    /// 64-bit hash (two addresses share one with a chance of 2^-64): 16 bytes an entry.
    private var addressNames = BoundedTable<UInt64, UInt64>(capacity: ProbeLimits.dnsEntries)
    /// Names seen lately: their text, for evidence, and whether they had an AAAA answer.
    private(set) var names = DNSNameStore(
        sets: ProbeLimits.names / 4, ringBytes: ProbeLimits.nameTextBytes)

    /// A query's client address, port and ID, kept as their 64-bit hash: an eighth of the
    /// address and ports' size, and one comparison (two queries share a hash with a chance of
    /// 2^-64).
    struct PendingKey: Hashable, TableKey {
        let tableHash: UInt64

        init(client: IPAddress, port: UInt16, id: UInt16) {
            tableHash = mixHash(client.tableHash, UInt64(port) << 16 | UInt64(id))
        }
    }

    struct PendingQuery {
        var ref: PacketRef
        var time: Double
        var type: UInt16
        var name: UInt64
    }

    mutating func observe(
        _ packet: borrowing DecodedPacket, _ observation: Observation, _ bytes: RawSpan,
        anomalies: inout Anomalies, nat64: inout NAT64Analyzer
    ) {
        guard case .dns(let offset, let length)? = packet.application, let network = packet.network else {
            return
        }
        let ports: (source: UInt16, destination: UInt16)
        switch packet.transport {
        case .udp(let udp): ports = (udp.sourcePort, udp.destinationPort)
        case .tcp(let tcp): ports = (tcp.sourcePort, tcp.destinationPort)
        default: return
        }
        observe(
            bytes.extracting(offset..<(offset + length)), network, ports: ports, observation,
            capturedLength: packet.capturedLength, moreFragments: packet.fragment?.moreFragments == true,
            anomalies: &anomalies, nat64: &nat64)
    }

    /// Analyses the DNS message of a common DNS datagram (see `CommonDNSDatagram`) whose frame
    /// is `bytes`, as `observe` does for its decode.
    mutating func observe(
        _ datagram: CommonDNSDatagram, _ observation: Observation, _ bytes: RawSpan,
        anomalies: inout Anomalies, nat64: inout NAT64Analyzer
    ) {
        observe(
            bytes.extracting(datagram.messageOffset..<(datagram.messageOffset + datagram.udp.length - 8)),
            datagram.frame.ip, ports: (datagram.udp.sourcePort, datagram.udp.destinationPort), observation,
            capturedLength: datagram.frame.capturedLength, moreFragments: false, anomalies: &anomalies,
            nat64: &nat64)
    }

    /// Analyses the DNS message `span`, carried by `network` between `ports`, in a frame of
    /// `capturedLength` bytes that is or is not a fragment more follow (for the errors' sake).
    private mutating func observe(
        _ span: RawSpan, _ network: IPHeaderInfo, ports: (source: UInt16, destination: UInt16),
        _ observation: Observation, capturedLength: Int, moreFragments: Bool, anomalies: inout Anomalies,
        nat64: inout NAT64Analyzer
    ) {
        let message: DNSMessage
        do throws(DecodeError) {
            message = try DNSMessage(span)
        } catch {
            anomalies.record(error, capturedLength: capturedLength, moreFragments: moreFragments, observation)
            return
        }
        messages += 1
        guard let question = message.question else { return }
        if !message.isResponse {
            queries += 1
            if question.type == DNSMessage.RecordType.a { aQueries += 1 }
            if question.type == DNSMessage.RecordType.aaaa { aaaaQueries += 1 }
            rememberName(question, span)
            if ports.destination == 53 {
                pending.update(
                    PendingKey(client: network.source, port: ports.source, id: message.id),
                    default: PendingQuery(
                        ref: observation.ref, time: observation.time, type: question.type,
                        name: question.nameHash)
                ) { _ in }
            }
            return
        }
        responses += 1
        var asked: PendingQuery?
        if ports.source == 53 {
            asked = pending.removeValue(
                forKey: PendingKey(client: network.destination, port: ports.destination, id: message.id))
        }
        // The query's name was remembered when the query was seen.
        if asked?.name != question.nameHash { rememberName(question, span) }
        guard question.type == DNSMessage.RecordType.a || question.type == DNSMessage.RecordType.aaaa else {
            return
        }
        var aaaaRecords = 0
        do throws(DecodeError) {
            try message.forEachRecord(span) { record in
                guard record.section == .answer, let address = record.address(in: span) else { return }
                addressNames.update(address.tableHash, default: question.nameHash) { $0 = question.nameHash }
                switch address {
                case .v6(let v6):
                    aaaaRecords += 1
                    nat64.observeAAAA(v6, name: question.nameHash, at: observation.ref)
                case .v4(let v4):
                    nat64.observeA(v4, name: question.nameHash, at: observation.ref)
                }
            }
        } catch {
            anomalies.record(error, capturedLength: capturedLength, moreFragments: moreFragments, observation)
        }
        if aaaaRecords > 0 { names.markAAAA(question.nameHash) }
        guard question.type == DNSMessage.RecordType.aaaa else { return }
        if message.responseCode != 0 {
            aaaaFailed += 1
            if failures.count < 8 {
                failures.append((question.nameHash, message.responseCode, observation.ref))
            }
        } else if aaaaRecords > 0 {
            aaaaAnswered += 1
        } else {
            aaaaEmpty += 1
        }
    }

    private mutating func rememberName(_ question: DNSMessage.Question, _ span: RawSpan) {
        names.remember(question.nameHash) { text throws(DecodeError) in
            try DNSName.appendText(span, at: question.nameOffset, to: &text)
        }
    }

    /// Answer addresses dropped from their table to make room.
    var addressEvictions: Int { addressNames.evictions }

    /// The hash of the name `address` was last given in an A or AAAA answer, if any.
    func nameHash(of address: IPAddress) -> UInt64? { addressNames[address.tableHash] }

    /// Whether an AAAA answer was seen for the name `hash`.
    func hasAAAA(_ hash: UInt64) -> Bool { names.hasAAAA(hash) }

    /// Queries to port 53 with no response, leaving out those sent in the last `grace` seconds
    /// of the capture (their answer may simply not have been captured).
    func unanswered(endingAt end: Double, grace: Double) -> [PendingQuery] {
        pending.entries.map(\.value).filter { $0.time <= end - grace }.sorted { $0.ref < $1.ref }
    }

    /// A name for evidence, or its hash when the text was not kept.
    func name(_ hash: UInt64) -> String {
        names.text(hash) ?? "name#\(String(hash, radix: 16))"
    }

    /// RFC 1035/6895 response code names.
    static func responseCodeName(_ code: UInt8) -> String {
        switch code {
        case 0: "NOERROR"
        case 1: "FORMERR"
        case 2: "SERVFAIL"
        case 3: "NXDOMAIN"
        case 4: "NOTIMP"
        case 5: "REFUSED"
        default: "RCODE \(code)"
        }
    }
}
