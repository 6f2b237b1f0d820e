import Foundation

/// A chart drawn as an inline SVG: axes with round ticks (years on time axes), each series a
/// group named in `data-series` with its band, line or points, reference lines, timeline lanes;
/// a title and description for screen readers. Readable without colour (dashes, point shapes)
/// and scaling with the page (a viewBox, no fixed size).
enum SVGChart {
    /// The SVG of `chart`.
    static func svg(_ chart: Chart) -> String {
        let frame = ChartFrame(chart)
        let id = Markup.escape(chart.id)
        var out =
            "<svg id=\"\(id)\" class=\"chart\" data-kind=\"\(kindName(chart.kind))\" role=\"img\" "
            + "viewBox=\"0 0 \(Markup.coordinate(frame.width)) \(Markup.coordinate(frame.height))\" "
            + "aria-labelledby=\"\(id)-title \(id)-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
            + "<title id=\"\(id)-title\">\(Markup.escape(chart.title))</title>"
            + "<desc id=\"\(id)-desc\">\(Markup.escape(chart.summary))</desc>"
        out += xAxis(chart, frame)
        if chart.kind == .timeline {
            out += lanes(chart, frame)
        } else {
            out += yAxis(chart, frame)
            out += chart.references.map { reference($0, frame) }.joined()
            out += chart.series.enumerated().map { series($1, index: $0, kind: chart.kind, frame) }.joined()
        }
        return out + "</svg>"
    }

    static func kindName(_ kind: Chart.Kind) -> String {
        switch kind {
        case .line: "line"
        case .scatter: "scatter"
        case .timeline: "timeline"
        }
    }

    // MARK: Axes

    static func xAxis(_ chart: Chart, _ frame: ChartFrame) -> String {
        let ticks: [(value: Double, label: String)]
        switch chart.x.scale {
        case .months(let start):
            ticks = MonthTicks(start: start, first: Int(frame.xLow.rounded(.up)), last: Int(frame.xHigh))
                .ticks.map { (Double($0.month), $0.label) }
        case .linear:
            let scale = NiceScale(covering: frame.xLow, frame.xHigh, ticks: 7)
            ticks = scale.ticks.map { ($0, tickLabel($0, step: scale.step, chart.x.format)) }
        }
        var out = "<g class=\"axis x\">"
        out += line(frame.left, frame.bottom, frame.right, frame.bottom, "axis-line")
        for tick in ticks {
            let x = Markup.coordinate(frame.px(tick.value))
            out += "<g class=\"tick\" data-value=\"\(NumberFormat.exact(tick.value))\">"
            out += line(
                frame.px(tick.value), frame.bottom, frame.px(tick.value), frame.bottom + 5, "tick-line")
            out += "<text x=\"\(x)\" y=\"\(Markup.coordinate(frame.bottom + 18))\" text-anchor=\"middle\">"
            out += Markup.escape(tick.label) + "</text></g>"
        }
        if case .linear = chart.x.scale {
            out += "<text class=\"axis-title\" x=\"\(Markup.coordinate((frame.left + frame.right) / 2))\" "
            out += "y=\"\(Markup.coordinate(frame.height - 6))\" text-anchor=\"middle\">"
            out += Markup.escape(chart.x.title) + "</text>"
        }
        return out + "</g>"
    }

    static func yAxis(_ chart: Chart, _ frame: ChartFrame) -> String {
        var out = "<g class=\"axis y\">"
        for tick in frame.y.ticks {
            let y = frame.py(tick)
            out += "<g class=\"tick\" data-value=\"\(NumberFormat.exact(tick))\">"
            out += line(frame.left, y, frame.right, y, "grid")
            out += "<text x=\"\(Markup.coordinate(frame.left - 6))\" y=\"\(Markup.coordinate(y + 4))\" "
            out +=
                "text-anchor=\"end\">\(Markup.escape(tickLabel(tick, step: frame.y.step, chart.y.format)))</text>"
            out += "</g>"
        }
        let middle = Markup.coordinate((frame.top + frame.bottom) / 2)
        out += "<text class=\"axis-title\" transform=\"translate(14 \(middle)) rotate(-90)\" "
        out += "text-anchor=\"middle\">\(Markup.escape(chart.y.title))</text>"
        return out + "</g>"
    }

    /// A tick's label: as many decimals as the step needs, large numbers shortened (250k, 1.5M).
    static func tickLabel(_ value: Double, step: Double, _ format: NumberFormat) -> String {
        guard value != 0 else { return "0" }
        let scaled = abs(step * format.scale)
        for (size, suffix) in [(1e9, "G"), (1e6, "M"), (1e3, "k")] where scaled >= size {
            let decimals = Swift.max(0, -Int(log10(scaled / size).rounded(.down)))
            return NumberFormat(scale: format.scale / size, decimals: decimals).string(value) + suffix
        }
        let decimals = scaled > 0 ? Swift.max(0, -Int(log10(scaled).rounded(.down))) : 0
        let needed = scaled * pow(10, Double(decimals)) == (scaled * pow(10, Double(decimals))).rounded()
        return NumberFormat(scale: format.scale, decimals: decimals + (needed ? 0 : 1)).string(value)
    }

    // MARK: Data

    /// A series' group. Points and band points that are not finite numbers are left out: the
    /// line joins its neighbours.
    static func series(_ series: Series, index: Int, kind: Chart.Kind, _ frame: ChartFrame) -> String {
        var series = series
        series.points.removeAll { !$0.x.isFinite || !$0.y.isFinite }
        series.band.removeAll { !$0.x.isFinite || !$0.low.isFinite || !$0.high.isFinite }
        let colour = ChartPalette.series(index)
        var out = "<g class=\"series\" data-series=\"\(Markup.escape(series.name))\">"
        if !series.band.isEmpty {
            let upper = series.band.map {
                "\(Markup.coordinate(frame.px($0.x))) \(Markup.coordinate(frame.py($0.high)))"
            }
            let lower = series.band.reversed().map {
                "\(Markup.coordinate(frame.px($0.x))) \(Markup.coordinate(frame.py($0.low)))"
            }
            out += "<path class=\"band\" fill=\"\(colour)\" fill-opacity=\"0.18\" stroke=\"none\" "
            out += "d=\"M \((upper + lower).joined(separator: " L ")) Z\"/>"
        }
        if kind == .line && series.style != .points && !series.points.isEmpty {
            let path = series.points.map {
                "\(Markup.coordinate(frame.px($0.x))) \(Markup.coordinate(frame.py($0.y)))"
            }
            let dash =
                series.style == .dashed || ChartPalette.dashed(index) ? " stroke-dasharray=\"6 4\"" : ""
            out += "<path class=\"line\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash) "
            out += "d=\"M \(path.joined(separator: " L "))\"/>"
        } else {
            for point in series.points {
                let (x, y) = (Markup.coordinate(frame.px(point.x)), Markup.coordinate(frame.py(point.y)))
                let fill = series.style == .points || kind == .line ? colour : "white"
                out +=
                    "<circle class=\"point\" cx=\"\(x)\" cy=\"\(y)\" r=\"4\" fill=\"\(fill)\" stroke=\"\(colour)\" "
                out +=
                    "stroke-width=\"1.5\"><title>\(Markup.escape(point.note ?? point.label ?? series.name))</title></circle>"
                if let label = point.label, series.points.count <= 12 {
                    out += "<text class=\"point-label\" x=\"\(Markup.coordinate(frame.px(point.x) + 6))\" "
                    out += "y=\"\(Markup.coordinate(frame.py(point.y) - 6))\">\(Markup.escape(label))</text>"
                }
            }
        }
        return out + "</g>"
    }

    static func reference(_ reference: Reference, _ frame: ChartFrame) -> String {
        guard reference.value.isFinite else { return "" }
        let y = frame.py(reference.value)
        var out = "<g class=\"reference\" data-value=\"\(NumberFormat.exact(reference.value))\">"
        out += line(frame.left, y, frame.right, y, "reference-line")
        out += "<text x=\"\(Markup.coordinate(frame.right - 4))\" y=\"\(Markup.coordinate(y - 4))\" "
        out += "text-anchor=\"end\">\(Markup.escape(reference.label))</text>"
        return out + "</g>"
    }

    static func lanes(_ chart: Chart, _ frame: ChartFrame) -> String {
        var out = ""
        for (index, lane) in chart.lanes.enumerated() {
            let y = frame.top + ChartFrame.laneHeight * Double(index)
            out += "<g class=\"lane\" data-lane=\"\(Markup.escape(lane.label))\">"
            let shown = lane.label.count > 32 ? lane.label.prefix(31) + "…" : lane.label
            out += "<text x=\"\(Markup.coordinate(frame.left - 8))\" y=\"\(Markup.coordinate(y + 15))\" "
            out +=
                "text-anchor=\"end\"><title>\(Markup.escape(lane.label))</title>\(Markup.escape(String(shown)))</text>"
            for span in lane.spans {
                let x = frame.px(span.start)
                let width = Swift.max(frame.px(span.end) - x, 3)
                out +=
                    "<rect class=\"span \(span.state.rawValue)\" data-start=\"\(NumberFormat.exact(span.start))\" "
                out += "data-end=\"\(NumberFormat.exact(span.end))\" x=\"\(Markup.coordinate(x))\" "
                out +=
                    "y=\"\(Markup.coordinate(y + 4))\" width=\"\(Markup.coordinate(width))\" height=\"14\" "
                out +=
                    "fill=\"\(ChartPalette.state(span.state))\"><title>\(Markup.escape(span.note))</title></rect>"
            }
            out += "</g>"
        }
        return out
    }

    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ kind: String) -> String {
        "<line class=\"\(kind)\" x1=\"\(Markup.coordinate(x1))\" y1=\"\(Markup.coordinate(y1))\" "
            + "x2=\"\(Markup.coordinate(x2))\" y2=\"\(Markup.coordinate(y2))\"/>"
    }
}
