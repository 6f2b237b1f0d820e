import RealModule

/// Exp(1) variates by the ziggurat method: one 64-bit draw and one table lookup in ~99% of cases.
///
/// Marsaglia and Tsang, "The ziggurat method for generating random variables", Journal of
/// Statistical Software 5(8), 2000, with 256 layers of equal area. The low 8 bits of a draw pick
/// the layer and the top 53 bits the position in it, so the two are independent. The tail beyond
/// the base layer's edge r is r + Exp(1), by the exponential's lack of memory.
public struct ExponentialZiggurat: Sendable {
    @usableFromInline
    final class Tables: Sendable {
        /// Layer widths divided by 2^53.
        @usableFromInline let width: [Double]
        /// A position below this (as a 53-bit integer) lies inside the layer above: accept at once.
        @usableFromInline let inner: [UInt64]
        /// exp(−x) at the layer's outer and inner edges, for the wedge test.
        @usableFromInline let densityOuter: [Double]
        @usableFromInline let densityInner: [Double]

        init() {
            let r = 7.697_117_470_131_049_72
            let area = 0.003_949_659_822_581_557_199_3
            var edges = [r]
            for _ in 1..<255 {
                let x = edges[edges.count - 1]
                edges.append(-Double.log(Double.exp(-x) + area / x))
            }
            edges.append(0)
            let scale = 0x1.0p53
            var width = [Double](repeating: 0, count: 256)
            var inner = [UInt64](repeating: 0, count: 256)
            var outer = [Double](repeating: 0, count: 256)
            var innerDensity = [Double](repeating: 0, count: 256)
            for layer in 0..<256 {
                let outerEdge = layer == 0 ? area / Double.exp(-r) : edges[layer - 1]
                width[layer] = outerEdge / scale
                inner[layer] = UInt64(edges[layer] / outerEdge * scale)
                outer[layer] = layer == 0 ? 0 : Double.exp(-edges[layer - 1])
                innerDensity[layer] = Double.exp(-edges[layer])
            }
            self.width = width
            self.inner = inner
            densityOuter = outer
            densityInner = innerDensity
        }
    }

    @usableFromInline
    static let sharedTables = Tables()

    @usableFromInline
    let tables: Tables

    /// The right edge of the base layer; values beyond it come from the tail.
    @usableFromInline
    static var tailStart: Double { 7.697_117_470_131_049_72 }

    /// A sampler using the shared, lazily built tables.
    @inlinable
    public init() {
        tables = Self.sharedTables
    }

    /// One Exp(1) variate.
    @inlinable @inline(__always)
    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        var offset = 0.0
        while true {
            let bits = generator.next()
            let layer = Int(truncatingIfNeeded: bits & 0xFF)
            let position = bits >> 11
            let x = Double(position) * tables.width[layer]
            if position < tables.inner[layer] { return offset + x }
            if layer == 0 {
                offset += Self.tailStart
                continue
            }
            let outer = tables.densityOuter[layer]
            let y = outer + generator.nextUnitInterval() * (tables.densityInner[layer] - outer)
            if y < Double.exp(-x) { return offset + x }
        }
    }
}
