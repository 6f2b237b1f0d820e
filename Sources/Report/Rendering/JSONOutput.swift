import Foundation

/// The one JSON encoding of every document the tool prints or writes: indented, keys sorted (so
/// documents diff well and are byte-identical for the same numbers), slashes bare.
public enum JSONOutput {
    /// `value` as JSON text.
    public static func string(_ value: some Encodable) throws -> String {
        String(decoding: try data(value), as: UTF8.self)
    }

    /// `value` as JSON bytes.
    public static func data(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}
