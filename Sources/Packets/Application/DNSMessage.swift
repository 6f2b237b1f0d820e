/// A DNS message (RFC 1035): its header, first question and resource records, read in place.
/// mDNS and LLMNR use the same format.
public struct DNSMessage: Sendable, Hashable {
    public var id: UInt16
    public var isResponse: Bool
    public var opcode: UInt8
    /// Response code: 0 NOERROR, 2 SERVFAIL, 3 NXDOMAIN, 5 REFUSED, ...
    public var responseCode: UInt8
    public var questionCount: Int
    public var answerCount: Int
    public var authorityCount: Int
    public var additionalCount: Int
    /// The first question (nil when the message has none).
    public var question: Question?
    /// Where the question section ends and the resource records start.
    public var recordsOffset: Int

    /// A DNS question: name (as a hash, see `DNSName`), type and class.
    public struct Question: Sendable, Hashable {
        public var nameHash: UInt64
        public var nameOffset: Int
        public var type: UInt16
        public var recordClass: UInt16
    }

    /// A resource record's header and where its data lies in the message.
    public struct Record: Sendable, Hashable {
        public enum Section: Sendable, Hashable { case answer, authority, additional }
        public var section: Section
        /// Where the owner name starts (often a pointer to the question's name).
        public var nameOffset: Int
        public var type: UInt16
        public var timeToLive: UInt32
        public var dataOffset: Int
        public var dataLength: Int

        /// The address an A or AAAA record holds; nil for other records or a wrong data length.
        public func address(in message: RawSpan) -> IPAddress? {
            if type == RecordType.aaaa, dataLength == 16,
                let v6 = try? message.ipv6Address(at: dataOffset, .dns)
            {
                return .v6(v6)
            }
            if type == RecordType.a, dataLength == 4, let raw = try? message.uint32(at: dataOffset, .dns) {
                return .v4(IPv4Address(rawValue: raw))
            }
            return nil
        }
    }

    /// Record types the probe reads.
    public enum RecordType {
        public static let a: UInt16 = 1
        public static let cname: UInt16 = 5
        public static let aaaa: UInt16 = 28
    }

    /// Decodes the header and the first question; further questions are skipped.
    public init(_ message: RawSpan) throws(DecodeError) {
        try message.require(12, at: 0, .dns)
        id = try message.uint16(at: 0, .dns)
        let flags = try message.uint16(at: 2, .dns)
        isResponse = flags & 0x8000 != 0
        opcode = UInt8(flags >> 11 & 0xF)
        responseCode = UInt8(flags & 0xF)
        questionCount = Int(try message.uint16(at: 4, .dns))
        answerCount = Int(try message.uint16(at: 6, .dns))
        authorityCount = Int(try message.uint16(at: 8, .dns))
        additionalCount = Int(try message.uint16(at: 10, .dns))
        var offset = 12
        question = nil
        guard questionCount <= Limits.records else { throw .limitExceeded(.dns, .records) }
        for index in 0..<questionCount {
            let (hash, end) = try DNSName.hash(message, at: offset)
            let type = try message.uint16(at: end, .dns)
            let recordClass = try message.uint16(at: end + 2, .dns)
            if index == 0 {
                question = Question(nameHash: hash, nameOffset: offset, type: type, recordClass: recordClass)
            }
            offset = end + 4
        }
        recordsOffset = offset
    }

    /// Calls `body` with each resource record of the answer, authority and additional sections.
    public func forEachRecord(_ message: RawSpan, _ body: (Record) -> Void) throws(DecodeError) {
        let total = answerCount + authorityCount + additionalCount
        guard total <= Limits.records else { throw .limitExceeded(.dns, .records) }
        var offset = recordsOffset
        for index in 0..<total {
            let end = try DNSName.skip(message, at: offset)
            let length = Int(try message.uint16(at: end + 8, .dns))
            try message.require(length, at: end + 10, .dns)
            let section: Record.Section =
                index < answerCount
                ? .answer : index < answerCount + authorityCount ? .authority : .additional
            body(
                Record(
                    section: section, nameOffset: offset, type: try message.uint16(at: end, .dns),
                    timeToLive: try message.uint32(at: end + 4, .dns), dataOffset: end + 10,
                    dataLength: length))
            offset = end + 10 + length
        }
    }
}
