import Foundation

/// Where a chart's data lands in its SVG: the plot area, the axes' scales, and the mapping from
/// data to pixels. Values outside the range are drawn at its edge.
struct ChartFrame {
    /// The SVG's size.
    let width: Double
    let height: Double
    /// The plot area.
    let left: Double
    let right: Double
    let top: Double
    let bottom: Double
    /// The x range.
    let xLow: Double
    let xHigh: Double
    /// The y scale (unused by timelines).
    let y: NiceScale

    /// The frame of `chart`, `width` wide.
    init(_ chart: Chart, width: Double = 760) {
        self.width = width
        let points = chart.series.flatMap(\.points).filter { $0.x.isFinite && $0.y.isFinite }
        let bands = chart.series.flatMap(\.band).filter {
            $0.x.isFinite && $0.low.isFinite && $0.high.isFinite
        }
        let xs =
            points.map(\.x) + bands.map(\.x)
            + chart.lanes.flatMap { $0.spans.flatMap { [$0.start, $0.end] } }
        var ys =
            points.map(\.y) + bands.flatMap { [$0.low, $0.high] }
            + chart.references.map(\.value).filter(\.isFinite)
        if chart.y.includesZero { ys.append(0) }
        y = NiceScale(covering: ys.min() ?? 0, ys.max() ?? 1, ticks: 6)
        switch chart.x.scale {
        case .months where chart.x.range != nil:
            (xLow, xHigh) = (chart.x.range!.lowerBound, chart.x.range!.upperBound)
        case .months:
            let low = xs.min() ?? 0
            (xLow, xHigh) = (low, Swift.max(xs.max() ?? 1, low + 1))
        case .linear:
            let x = NiceScale(
                covering: Swift.min(xs.min() ?? 0, chart.x.includesZero ? 0 : .infinity),
                Swift.max(xs.max() ?? 1, chart.x.includesZero ? 0 : -.infinity), ticks: 7)
            (xLow, xHigh) = (x.low, x.high)
        }
        left = chart.kind == .timeline ? 210 : 76
        right = width - 24
        top = 16
        height =
            chart.kind == .timeline
            ? top + Self.laneHeight * Double(Swift.max(chart.lanes.count, 1)) + 40 : 300
        bottom = height - 44
    }

    /// The height of a timeline's lane.
    static let laneHeight = 22.0

    /// The pixel column of `x`.
    func px(_ x: Double) -> Double {
        let fraction = (x - xLow) / (xHigh - xLow)
        return left + (right - left) * Swift.min(Swift.max(fraction, 0), 1)
    }

    /// The pixel row of `y`.
    func py(_ value: Double) -> Double {
        bottom - (bottom - top) * Swift.min(Swift.max(y.fraction(value), 0), 1)
    }
}
