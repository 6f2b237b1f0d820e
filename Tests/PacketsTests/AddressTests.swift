import Foundation
import Packets
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Addresses against the C library's inet_pton/inet_ntop, an independent implementation.
@Suite("IPv4, IPv6 and MAC addresses")
struct AddressTests {
    static func ntop(_ address: IPv6Address) -> String {
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<8 {
            bytes[index] = UInt8(truncatingIfNeeded: address.high >> (56 - 8 * index))
            bytes[8 + index] = UInt8(truncatingIfNeeded: address.low >> (56 - 8 * index))
        }
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        _ = inet_ntop(AF_INET6, bytes, &text, socklen_t(text.count))
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    @Test("RFC 5952 text equals inet_ntop's for 20,000 addresses rich in zero groups, and parses back")
    func textMatchesInetNtop() {
        var state: UInt64 = 42
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 16
        }
        for _ in 0..<20_000 {
            var groups = (0..<8).map { _ in next() % 3 == 0 ? UInt64(next() & 0xFFFF) : 0 }
            // inet_ntop writes addresses with 96 zero bits in IPv4 notation; keep the first group set.
            if groups[0] == 0 { groups[0] = 0x2001 }
            let address = IPv6Address(
                high: groups[0..<4].reduce(0) { $0 << 16 | $1 },
                low: groups[4..<8].reduce(0) { $0 << 16 | $1 })
            let text = Self.ntop(address)
            #expect(address.description == text)
            #expect(IPv6Address(text) == address)
        }
    }

    @Test("special forms: ::, ::1, IPv4-mapped, a single zero group is not shortened, bad text is rejected")
    func specialForms() {
        #expect(IPv6Address("::")?.description == "::")
        #expect(IPv6Address("::1")?.description == "::1")
        #expect(IPv6Address("::ffff:192.0.2.1")?.description == "::ffff:192.0.2.1")
        #expect(IPv6Address("2001:db8:0:1:1:1:1:1")?.description == "2001:db8:0:1:1:1:1:1")
        #expect(IPv6Address("2001:0DB8:0000:0000:0000:0000:0002:0001")?.description == "2001:db8::2:1")
        #expect(IPv6Address("2001:db8:0:0:1:0:0:1")?.description == "2001:db8::1:0:0:1")
        for bad in [
            "", ":", "1:2:3:4:5:6:7:8:9", "2001:db8::1::2", "12345::", "g::", "2001:db8:::1", "1.2.3.4",
        ] {
            #expect(IPv6Address(bad) == nil, "\(bad)")
        }
        #expect(IPv4Address("192.0.2.1")?.description == "192.0.2.1")
        #expect(IPv4Address("256.0.0.1") == nil)
        #expect(MACAddress(rawValue: 0x0200_5E00_0001).description == "02:00:5e:00:00:01")
    }

    @Test("address kinds, EUI-64 interface identifiers, prefixes and embedded IPv4 addresses")
    func kinds() throws {
        let cases: [(String, IPv6Address.Kind)] = [
            ("fe80::1", .linkLocal), ("ff02::1", .multicast), ("fd00::1", .uniqueLocal),
            ("2002:c000:201::1", .sixToFour),
            ("2001:0:4136:e378::1", .teredo), ("64:ff9b::c000:201", .nat64), ("2001:db8::1", .documentation),
            ("2a00:1450::1", .global), ("::", .unspecified), ("::1", .loopback),
            ("::ffff:1.2.3.4", .ipv4Mapped),
        ]
        for (text, kind) in cases { #expect(try #require(IPv6Address(text)).kind == kind, "\(text)") }
        #expect(try #require(IPv6Address("2001:db8::200:5eff:fe00:1")).hasEUI64InterfaceID)
        #expect(try !#require(IPv6Address("2001:db8::1234:5678:9abc:def0")).hasEUI64InterfaceID)
        let prefix = IPv6Prefix(try #require(IPv6Address("2001:db8:ff00:12::")), length: 56)
        #expect(prefix.description == "2001:db8:ff00::/56")
        #expect(prefix.contains(try #require(IPv6Address("2001:db8:ff00:ff::1"))))
        #expect(!prefix.contains(try #require(IPv6Address("2001:db8:ff01::1"))))
        #expect(try #require(IPv6Address("2002:c000:221::1")).bits32(at: 16) == 0xC000_0221)
    }
}
