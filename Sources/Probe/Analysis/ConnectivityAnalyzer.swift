import Packets

/// TCP connection attempts: IPv6 SYNs that never got a SYN-ACK or RST, and IPv4 servers that
/// did answer, so the report can name destinations reachable over IPv4 but not IPv6 (what
/// happy-eyeballs clients hide by falling back).
struct ConnectivityAnalyzer {
    struct Attempt {
        var first: PacketRef
        var time: Double
        var syns = 1
    }

    /// IPv6 connection attempts not answered yet (answered ones leave the table, so it holds
    /// only what the report may name).
    private(set) var ipv6Attempts = BoundedTable<ConnectionKey, Attempt>(capacity: ProbeLimits.connections)
    /// IPv4 servers that answered a SYN.
    private(set) var ipv4Answering = BoundedTable<IPv4Address, PacketRef>(capacity: ProbeLimits.connections)
    var ipv6SYNs = 0
    /// Distinct IPv6 connection attempts (client and server address and port), and how many
    /// got a SYN-ACK or RST.
    var ipv6AttemptCount = 0
    var ipv6Answered = 0
    var ipv4SYNs = 0
    var ipv4Answered = 0

    mutating func observe(_ packet: borrowing DecodedPacket, _ observation: Observation) {
        guard case .tcp(let tcp) = packet.transport else { return }
        // Most segments carry data: they are done before the IP header is looked at.
        guard tcp.flags.contains(.syn) || tcp.flags.contains(.rst), let network = packet.network else {
            return
        }
        observe(tcp, network, observation)
    }

    /// Notes a TCP segment carried by the IP header `network`.
    @inline(__always)
    mutating func observe(_ tcp: TCPHeader, _ network: IPHeaderInfo, _ observation: Observation) {
        let syn = tcp.flags.contains(.syn)
        let ack = tcp.flags.contains(.ack)
        let reset = tcp.flags.contains(.rst)
        guard syn || reset else { return }
        if network.isIPv6 {
            if syn && !ack {
                ipv6SYNs += 1
                let key = ConnectionKey(
                    client: network.source, server: network.destination, clientPort: tcp.sourcePort,
                    serverPort: tcp.destinationPort)
                let isNew = ipv6Attempts.update(
                    key, default: Attempt(first: observation.ref, time: observation.time, syns: 0)
                ) {
                    $0.syns += 1
                    $0.time = observation.time
                }
                if isNew { ipv6AttemptCount += 1 }
            } else if syn || reset {
                let key = ConnectionKey(
                    client: network.destination, server: network.source, clientPort: tcp.destinationPort,
                    serverPort: tcp.sourcePort)
                if ipv6Attempts.removeValue(forKey: key) != nil { ipv6Answered += 1 }
            }
        } else if syn && !ack {
            ipv4SYNs += 1
        } else if syn && ack, case .v4(let server) = network.source {
            ipv4Answered += 1
            ipv4Answering.update(server, default: observation.ref) { _ in }
        }
    }

    /// IPv6 connection attempts never answered, leaving out those whose last SYN came in the
    /// final `grace` seconds of the capture.
    func unanswered(endingAt end: Double, grace: Double) -> [(key: ConnectionKey, attempt: Attempt)] {
        ipv6Attempts.entries.filter { $0.value.time <= end - grace }
            .map { ($0.key, $0.value) }.sorted { $0.attempt.first < $1.attempt.first }
    }
}
