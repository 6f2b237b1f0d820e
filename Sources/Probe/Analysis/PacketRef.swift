/// Where a packet sits in the probe's input: which file and which packet of it (1-based, as
/// Wireshark and tcpdump -# number them).
public struct PacketRef: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var file: Int
    public var number: Int

    public init(file: Int, number: Int) {
        self.file = file
        self.number = number
    }

    public static func < (lhs: PacketRef, rhs: PacketRef) -> Bool {
        (lhs.file, lhs.number) < (rhs.file, rhs.number)
    }

    /// "#12", or "#2:12" for the second file of several.
    public var description: String { file == 0 ? "#\(number)" : "#\(file + 1):\(number)" }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self).dropFirst()
        let parts = text.split(separator: ":")
        if parts.count == 2, let file = Int(parts[0]), let number = Int(parts[1]) {
            self.init(file: file - 1, number: number)
        } else if let number = Int(text) {
            self.init(file: 0, number: number)
        } else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "bad packet reference"))
        }
    }
}
