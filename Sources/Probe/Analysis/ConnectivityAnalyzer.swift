import Packets

/// TCP connection attempts: IPv6 SYNs that never got a SYN-ACK or RST, and IPv4 attempts that
/// were answered, so the report can name destinations a host reached over IPv4 right after its
/// IPv6 SYN went unanswered (what happy-eyeballs clients hide by falling back).
struct ConnectivityAnalyzer {
    /// An attempt from a client: its first SYN, its last, how many, and the client's MAC
    /// address when the link has one (the host; its IPv4 and IPv6 addresses differ).
    struct Attempt {
        var first: PacketRef
        var firstTime: Double
        var time: Double
        var syns = 1
        var mac: MACAddress?
    }

    /// IPv6 connection attempts not answered yet (answered ones leave the table, so it holds
    /// only what the report may name).
    private(set) var ipv6Attempts = BoundedTable<ConnectionKey, Attempt>(capacity: ProbeLimits.connections)
    /// IPv6 SYN-ACKs and RSTs seen before their SYN (capture stamps can run backwards by
    /// microseconds between interfaces or queues): the SYN, when it comes, is answered already.
    private var ipv6EarlyAnswers = BoundedTable<ConnectionKey, Double>(capacity: ProbeLimits.earlyAnswers)
    /// IPv4 attempts not answered yet.
    private var ipv4Pending = BoundedTable<ConnectionKey, Attempt>(capacity: ProbeLimits.connections)
    /// IPv4 attempts that were answered: the fallbacks a broken IPv6 attempt is matched with.
    private(set) var ipv4Answered = BoundedTable<ConnectionKey, Attempt>(capacity: ProbeLimits.connections)
    var ipv6SYNs = 0
    /// Distinct IPv6 connection attempts (client and server address and port), and how many
    /// got a SYN-ACK or RST.
    var ipv6AttemptCount = 0
    var ipv6Answered = 0
    var ipv4SYNs = 0
    var ipv4AnsweredCount = 0

    /// How long after an IPv6 SYN a host's IPv4 attempt counts as its fallback (RFC 8305 waits
    /// 250 ms; slower stacks wait seconds), and how long before it (IPv4 raced first).
    static let fallbackWindow = -1.0...5.0

    mutating func observe(_ packet: borrowing DecodedPacket, _ observation: Observation) {
        guard case .tcp(let tcp) = packet.transport else { return }
        // Most segments carry data: they are done before the IP header is looked at.
        guard tcp.flags.contains(.syn) || tcp.flags.contains(.rst), let network = packet.network else {
            return
        }
        observe(tcp, network, mac: packet.sourceMAC, observation)
    }

    /// Notes a TCP segment carried by the IP header `network`, sent from `mac` when the link
    /// has addresses.
    @inline(__always)
    mutating func observe(
        _ tcp: TCPHeader, _ network: IPHeaderInfo, mac: MACAddress?, _ observation: Observation
    ) {
        let syn = tcp.flags.contains(.syn)
        let ack = tcp.flags.contains(.ack)
        let reset = tcp.flags.contains(.rst)
        guard syn || reset else { return }
        let outbound = ConnectionKey(
            client: network.source, server: network.destination, clientPort: tcp.sourcePort,
            serverPort: tcp.destinationPort)
        let inbound = ConnectionKey(
            client: network.destination, server: network.source, clientPort: tcp.destinationPort,
            serverPort: tcp.sourcePort)
        let attempt = Attempt(
            first: observation.ref, firstTime: observation.time, time: observation.time, syns: 0,
            mac: mac.flatMap { $0.isGroup ? nil : $0 })
        if network.isIPv6 {
            if syn && !ack {
                ipv6SYNs += 1
                if let answered = ipv6EarlyAnswers.removeValue(forKey: outbound),
                    observation.time - answered < 1
                {
                    ipv6AttemptCount += 1
                    ipv6Answered += 1
                    return
                }
                let isNew = ipv6Attempts.update(outbound, default: attempt) {
                    $0.syns += 1
                    $0.time = observation.time
                }
                if isNew { ipv6AttemptCount += 1 }
            } else if ipv6Attempts.removeValue(forKey: inbound) != nil {
                ipv6Answered += 1
            } else if syn {
                ipv6EarlyAnswers.update(inbound, default: observation.time) { _ in }
            }
        } else if syn && !ack {
            ipv4SYNs += 1
            ipv4Pending.update(outbound, default: attempt) { $0.syns += 1 }
        } else if syn && ack {
            ipv4AnsweredCount += 1
            if let answered = ipv4Pending.removeValue(forKey: inbound) {
                ipv4Answered.update(inbound, default: answered) { _ in }
            }
        }
    }

    /// IPv6 connection attempts never answered, in the order of their first SYN.
    var unanswered: [(key: ConnectionKey, attempt: Attempt)] {
        ipv6Attempts.entries.map { ($0.key, $0.value) }.sorted { $0.attempt.first < $1.attempt.first }
    }

    /// The answered IPv4 attempt that was the fallback of the unanswered IPv6 `attempt` to
    /// `key`: from the same host (MAC address; any host where the link has none) within
    /// `fallbackWindow` of its first SYN, to a server with the same DNS name (`name` gives a
    /// server's name hash) or, without names, on the same port.
    func fallback(
        of key: ConnectionKey, _ attempt: Attempt, in answered: FallbackIndex, name: (IPAddress) -> UInt64?
    ) -> (key: ConnectionKey, attempt: Attempt)? {
        let candidates = answered.byHost[attempt.mac] ?? []
        let ownName = name(key.server)
        return candidates.first { candidate in
            let offset = candidate.attempt.firstTime - attempt.firstTime
            guard Self.fallbackWindow.contains(offset) else { return false }
            if let ownName, let theirs = name(candidate.key.server) { return ownName == theirs }
            return candidate.key.serverPort == key.serverPort
        }
    }

    /// The answered IPv4 attempts by host, for `fallback`.
    struct FallbackIndex {
        var byHost: [MACAddress?: [(key: ConnectionKey, attempt: Attempt)]] = [:]
    }

    var fallbackIndex: FallbackIndex {
        var index = FallbackIndex()
        for (key, attempt) in ipv4Answered.entries {
            index.byHost[attempt.mac, default: []].append((key, attempt))
        }
        return index
    }
}
