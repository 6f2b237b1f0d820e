import Foundation

/// Builds classic pcap files (microsecond timestamps, little-endian) in memory: the captures tests
/// analyse and the probe's generated benchmark capture.
public struct PcapWriter {
    public private(set) var data = Data()

    /// Starts a capture of `linkType` (a LINKTYPE_ number) with the given snap length.
    public init(linkType: UInt32 = 1, snapLength: UInt32 = 262_144) {
        append32(0xA1B2_C3D4)
        append16(2)
        append16(4)
        append32(0)
        append32(0)
        append32(snapLength)
        append32(linkType)
    }

    /// Adds a frame captured at `time` seconds; `wireLength` defaults to the frame's length
    /// (pass more to model a snap length cutting the frame).
    public mutating func append(_ frame: [UInt8], time: Double, wireLength: Int? = nil) {
        let seconds = time.rounded(.down)
        append32(UInt32(seconds))
        append32(UInt32(((time - seconds) * 1e6).rounded()))
        append32(UInt32(frame.count))
        append32(UInt32(wireLength ?? frame.count))
        data.append(contentsOf: frame)
    }

    private mutating func append32(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }

    private mutating func append16(_ value: UInt16) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }
}
