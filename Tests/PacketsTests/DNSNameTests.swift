import Packets
import Testing

import enum Packets.PacketBuilder

private typealias B = PacketBuilder

/// DNS names: the case-insensitive hash the probe compares names by, and the text it shows.
@Suite("DNS names")
struct DNSNameTests {
    /// The question name of a query for `name`.
    static func hash(_ name: String) throws -> UInt64 {
        let message = B.dnsQuery(id: 1, name: name, type: 28)
        return try #require(try DNSMessage(message.span.bytes).question).nameHash
    }

    @Test("the hash ignores ASCII case and nothing else; labels and their lengths count")
    func hashSemantics() throws {
        #expect(try Self.hash("WWW.Example.ORG") == Self.hash("www.example.org"))
        // Every length from 1 to 63, so that whole words, partial words and both meet.
        for length in 1...63 {
            let lower = String(repeating: "az", count: 32).prefix(length)
            #expect(try Self.hash("\(lower).test") == Self.hash("\(lower.uppercased()).TEST"), "\(length)")
            if length < 63 {  // 63 bytes is a label's most
                #expect(try Self.hash("\(lower).test") != Self.hash("\(lower)a.test"), "\(length)")
            }
        }
        #expect(try Self.hash("ab.c") != Self.hash("a.bc"))
        #expect(try Self.hash("example.org") != Self.hash("example.org.uk"))
        // Bytes next to the letters in ASCII are not letters: @ [ ` { are kept apart from A Z a z.
        let neighbours = ["@", "[", "`", "{", "a", "z", "A", "Z", "\u{7F}"]
        let hashes = try neighbours.map { try Self.hash("x\($0)y.test") }
        #expect(Set(hashes).count == neighbours.count - 2)  // a = A, z = Z
    }

    @Test("a name hashes the same at the end of the bytes as before others (its last word read two ways)")
    func hashAtTheEnd() throws {
        for length in 1...20 {
            let label = String(repeating: "Qz", count: 10).prefix(length)
            // The name alone, ending the bytes: its last partial word is read byte by byte.
            var name: [UInt8] = [UInt8(length)] + Array(label.utf8) + [0]
            let alone = try DNSName.hash(name.span.bytes, at: 0)
            #expect(alone.end == name.count)
            // The same name followed by bytes that must not enter the hash: read as masked words.
            name += [0xFF, 0xEE, 0xDD, 0xCC, 0xBB, 0xAA, 0x99, 0x88]
            let followed = try DNSName.hash(name.span.bytes, at: 0)
            #expect(followed.hash == alone.hash, "\(length)")
            #expect(followed.end == alone.end)
        }
    }

    @Test("a compressed name hashes and reads like the same name written out")
    func compression() throws {
        // A response for www.example.org whose answer's owner is "www" + pointer to example.org.
        let query = B.dnsQuery(id: 9, name: "example.org", type: 1)
        var message = query
        message += [3] + Array("www".utf8) + [0xC0, 12] + B.be16(1) + B.be16(1)
        let ownerOffset = query.count
        let span = message.span.bytes
        let (pointerHash, end) = try DNSName.hash(span, at: ownerOffset)
        #expect(end == ownerOffset + 6)
        #expect(pointerHash == (try Self.hash("www.example.org")))
        #expect(try DNSName.text(span, at: ownerOffset) == "www.example.org")
    }

    @Test("no collisions among 50,000 names that differ little")
    func distinct() throws {
        var seen = Set<UInt64>()
        for index in 0..<50_000 {
            seen.insert(try Self.hash("host\(index).zone\(index % 7).example"))
        }
        #expect(seen.count == 50_000)
    }
}
