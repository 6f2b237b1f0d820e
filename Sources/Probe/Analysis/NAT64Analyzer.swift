import Packets

/// NAT64 and DNS64 with any prefix: the prefixes learnt from router advertisements (PREF64,
/// RFC 8781), from answers for ipv4only.arpa (RFC 7050), from AAAA answers that embed an A
/// answer of the same name (RFC 6052 positions), and the well-known prefix once it is used; the
/// names DNS64 synthesised; and the traffic to each prefix, which is IPv4 reached through
/// translation, by IPv4 destination.
struct NAT64Analyzer {
    /// How a prefix was learnt.
    enum Source: String, Sendable, Hashable, Comparable, CaseIterable {
        case routerAdvertisement = "router advertisement (PREF64)"
        case ipv4onlyArpa = "ipv4only.arpa answer (RFC 7050)"
        case inferred = "AAAA answer embedding the name's A answer"
        case wellKnown = "well-known prefix in use"

        static func < (lhs: Source, rhs: Source) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// One prefix and what was seen of it.
    struct Prefix {
        var prefix: IPv6Prefix
        var sources: Set<Source>
        var first: PacketRef
        /// AAAA records inside the prefix.
        var synthesisedAnswers = 0
        /// Names (hashes) of those answers, the first `ProbeLimits.listed`.
        var names: [UInt64] = []
        /// Packets and wire bytes to or from the prefix.
        var packets = 0
        var bytes = 0
    }

    struct Volume {
        var packets = 0
        var bytes = 0
    }

    /// The prefixes in the order learnt; the well-known one is tested from the start and listed
    /// once used.
    private(set) var prefixes: [Prefix] = []
    /// The prefixes' address bits and masks, for the per-packet test: the well-known prefix first.
    private var matchers: [Matcher] = [Matcher(NAT64Address.wellKnownPrefix)]
    /// `prefixes`' index of each matcher; -1 while the well-known prefix is unused.
    private var matcherIndex: [Int] = [-1]
    private var lastA = BoundedTable<UInt64, IPv4Address>(capacity: ProbeLimits.nat64Answers)
    private var lastAAAA = BoundedTable<UInt64, IPv6Address>(capacity: ProbeLimits.nat64Answers)
    /// Traffic by the IPv4 address a packet to a prefix embeds.
    private(set) var destinations = BoundedTable<IPv4Address, Volume>(capacity: ProbeLimits.nat64Destinations)

    struct Matcher {
        var high: UInt64
        var low: UInt64
        var highMask: UInt64
        var lowMask: UInt64

        init(_ prefix: IPv6Prefix) {
            let length = prefix.length
            highMask = length >= 64 ? .max : length == 0 ? 0 : ~(UInt64.max >> length)
            lowMask = length <= 64 ? 0 : length == 128 ? .max : ~(UInt64.max >> (length - 64))
            high = prefix.address.high
            low = prefix.address.low
        }

        @inline(__always)
        func contains(_ address: IPv6Address) -> Bool {
            address.high & highMask == high && address.low & lowMask == low
        }
    }

    /// The hash of the name ipv4only.arpa, as DNS messages' names are hashed.
    static let ipv4onlyArpaHash: UInt64 = {
        let wire: [UInt8] = [8] + Array("ipv4only".utf8) + [4] + Array("arpa".utf8) + [0]
        return (try? DNSName.hash(wire.span.bytes, at: 0).hash) ?? 0
    }()

    /// AAAA records synthesised by DNS64, over every prefix.
    var synthesisedAnswers: Int { prefixes.reduce(0) { $0 + $1.synthesisedAnswers } }

    /// Counts an IP packet to or from a NAT64 prefix (either end inside one). Most packets are
    /// in none: while only the well-known prefix is known, one word of each address tells.
    @inline(__always)
    mutating func observe(_ ip: IPHeaderInfo, _ observation: Observation) {
        guard case .v6(let destination) = ip.destination, case .v6(let source) = ip.source else { return }
        let wellKnown = NAT64Address.wellKnownPrefix.address.high
        guard destination.high == wellKnown || source.high == wellKnown || matchers.count > 1 else { return }
        countIfTranslated(source: source, destination: destination, observation)
    }

    @inline(never)
    private mutating func countIfTranslated(
        source: IPv6Address, destination: IPv6Address, _ observation: Observation
    ) {
        for index in matchers.indices {
            let matcher = matchers[index]
            if matcher.contains(destination) {
                count(destination, matcher: index, observation)
                return
            }
            if matcher.contains(source) {
                count(source, matcher: index, observation)
                return
            }
        }
    }

    private mutating func count(_ address: IPv6Address, matcher: Int, _ observation: Observation) {
        // The well-known prefix is learnt by its first use.
        if matcherIndex[matcher] < 0 {
            learn(NAT64Address.wellKnownPrefix, from: .wellKnown, at: observation.ref)
        }
        let index = matcherIndex[matcher]
        prefixes[index].packets += 1
        prefixes[index].bytes += observation.wireLength
        if let server = NAT64Address.embedded(in: address, prefixLength: prefixes[index].prefix.length) {
            destinations.update(server, default: Volume()) {
                $0.packets += 1
                $0.bytes += observation.wireLength
            }
        }
    }

    /// The index in `prefixes` of the learnt prefix `address` lies in, if any.
    private func learntPrefix(of address: IPv6Address) -> Int? {
        guard let matcher = matchers.firstIndex(where: { $0.contains(address) }), matcherIndex[matcher] >= 0
        else {
            return nil
        }
        return matcherIndex[matcher]
    }

    /// Counts a synthesised answer for `name` under the prefix at `index` (a name once).
    private mutating func countAnswer(name: UInt64, prefix index: Int) {
        prefixes[index].synthesisedAnswers += 1
        if prefixes[index].names.count < ProbeLimits.listed, !prefixes[index].names.contains(name) {
            prefixes[index].names.append(name)
        }
    }

    /// Learns `prefix` from `source` at `ref` (a prefix learnt again gains the source).
    mutating func learn(_ prefix: IPv6Prefix, from source: Source, at ref: PacketRef) {
        if let index = prefixes.firstIndex(where: { $0.prefix == prefix }) {
            prefixes[index].sources.insert(source)
            return
        }
        guard NAT64Address.prefixLengths.contains(prefix.length) else { return }
        prefixes.append(Prefix(prefix: prefix, sources: [source], first: ref))
        if prefix == NAT64Address.wellKnownPrefix {
            matcherIndex[0] = prefixes.count - 1
        } else {
            matchers.append(Matcher(prefix))
            matcherIndex.append(prefixes.count - 1)
        }
    }

    /// An AAAA record `address` in an answer for the name `name`. A pair of answers is looked
    /// at when one of them is new for the name: names are resolved again and again.
    mutating func observeAAAA(_ address: IPv6Address, name: UInt64, at ref: PacketRef) {
        let isNew = lastAAAA[name] != address
        if isNew {
            lastAAAA.update(name, default: address) { $0 = address }
            if name == Self.ipv4onlyArpaHash {
                for known in NAT64Address.ipv4onlyArpa {
                    if let prefix = NAT64Address.longestPrefix(embedding: known, in: address) {
                        learn(prefix, from: .ipv4onlyArpa, at: ref)
                    }
                }
            } else if let ipv4 = lastA[name], learntPrefix(of: address) == nil {
                infer(ipv4, address, at: ref)
            }
        }
        // The well-known prefix serves NAT64 only: an answer in it is synthesised by definition.
        if matcherIndex[0] < 0, matchers[0].contains(address) {
            learn(NAT64Address.wellKnownPrefix, from: .wellKnown, at: ref)
        }
        if let index = learntPrefix(of: address) { countAnswer(name: name, prefix: index) }
    }

    /// An A record `address` in an answer for the name `name`.
    mutating func observeA(_ address: IPv4Address, name: UInt64, at ref: PacketRef) {
        guard lastA[name] != address else { return }
        lastA.update(name, default: address) { $0 = address }
        // An AAAA answer that came first and fell in no prefix known then.
        if let ipv6 = lastAAAA[name], learntPrefix(of: ipv6) == nil {
            infer(address, ipv6, at: ref)
            if let index = learntPrefix(of: ipv6) { countAnswer(name: name, prefix: index) }
        }
    }

    /// An AAAA answer that embeds the same name's A answer: DNS64 made it under the longest
    /// prefix that explains it (a /96 is the common deployment).
    private mutating func infer(_ ipv4: IPv4Address, _ ipv6: IPv6Address, at ref: PacketRef) {
        if let prefix = NAT64Address.longestPrefix(embedding: ipv4, in: ipv6) {
            learn(prefix, from: prefix == NAT64Address.wellKnownPrefix ? .wellKnown : .inferred, at: ref)
        }
    }
}
