/// A chart of a report, drawn as SVG in HTML and summarised in words in text: lines over time or
/// over a number (with P10-P90 bands), points (a Pareto scatter), or spans on lanes (a plan's
/// actions, the months a constraint bound).
public struct Chart: Sendable, Hashable {
    /// How the data is drawn.
    public enum Kind: Sendable, Hashable {
        /// Lines through each series' points, bands shaded behind them.
        case line
        /// Points only, labelled.
        case scatter
        /// Spans on lanes; the y axis is unused.
        case timeline
    }

    /// An identifier unique in its document (the SVG's id, the browser test's handle).
    public var id: String
    /// The title a reader sees and a screen reader reads.
    public var title: String
    /// A sentence saying what the chart shows (the SVG's description).
    public var summary: String
    /// How it is drawn.
    public var kind: Kind
    /// The horizontal axis.
    public var x: Axis
    /// The vertical axis.
    public var y: Axis
    /// The series, drawn in order and named in the legend.
    public var series: [Series]
    /// Horizontal reference lines: a capacity, a pool's size, 100% utilisation.
    public var references: [Reference]
    /// The lanes of a timeline.
    public var lanes: [Lane]

    /// A chart; see the properties.
    public init(
        id: String, title: String, summary: String, kind: Kind = .line, x: Axis, y: Axis,
        series: [Series] = [], references: [Reference] = [], lanes: [Lane] = []
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.kind = kind
        self.x = x
        self.y = y
        self.series = series
        self.references = references
        self.lanes = lanes
    }
}

/// An axis: what it measures, and whether its numbers are months from a start or plain numbers.
public struct Axis: Sendable, Hashable {
    /// What the numbers on it are.
    public enum Scale: Sendable, Hashable {
        /// Plain numbers.
        case linear
        /// Month indexes from `start` (month 0 is `start`), labelled with years or months.
        case months(start: MonthStamp)
    }

    /// The axis's title.
    public var label: String
    /// The unit, or nil.
    public var unit: String?
    /// How tick labels show numbers (months ignore it).
    public var format: NumberFormat
    /// Plain numbers or months.
    public var scale: Scale
    /// Whether the range always includes zero (counts, shares), or fits the data (NPVs, dates).
    public var includesZero: Bool
    /// The range shown whatever the data (a time axis over the whole horizon), or nil to fit.
    public var range: ClosedRange<Double>?

    /// An axis; see the properties.
    public init(
        _ label: String, unit: String? = nil, format: NumberFormat = .decimals(0), scale: Scale = .linear,
        includesZero: Bool = true, range: ClosedRange<Double>? = nil
    ) {
        self.range = range
        self.label = label
        self.unit = unit
        self.format = format
        self.scale = scale
        self.includesZero = includesZero
    }

    /// A time axis of months from `start`, over `count` months when given.
    public static func months(from start: MonthStamp, count: Int? = nil) -> Axis {
        Axis(
            "month", scale: .months(start: start), includesZero: false,
            range: count.map { 0...Double(Swift.max($0 - 1, 1)) })
    }

    /// The title with its unit.
    public var title: String { withUnit(label, unit) }
}

/// A calendar month, the start of a time axis.
public struct MonthStamp: Sendable, Hashable, Comparable {
    public var year: Int
    /// 1-12.
    public var month: Int

    /// A month; `month` is 1-12.
    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// The month `offset` months later.
    public func adding(_ offset: Int) -> MonthStamp {
        let index = year * 12 + (month - 1) + offset
        return MonthStamp(year: index.floorDivided(by: 12), month: index.floorModulo(12) + 1)
    }

    /// Months from `other` to this one.
    public func months(since other: MonthStamp) -> Int { (year - other.year) * 12 + month - other.month }

    /// "YYYY-MM".
    public var label: String { "\(year)-" + (month < 10 ? "0" : "") + "\(month)" }

    public static func < (a: MonthStamp, b: MonthStamp) -> Bool { a.months(since: b) < 0 }
}

extension Int {
    fileprivate func floorDivided(by divisor: Int) -> Int {
        self >= 0 ? self / divisor : -((-self + divisor - 1) / divisor)
    }

    fileprivate func floorModulo(_ divisor: Int) -> Int { self - floorDivided(by: divisor) * divisor }
}

/// A named series of points, optionally with a band (P10-P90) around it.
public struct Series: Sendable, Hashable {
    /// How the series is drawn.
    public enum Style: Sendable, Hashable {
        case solid, dashed, points
    }

    /// A point of the series.
    public struct Point: Sendable, Hashable {
        public var x: Double
        public var y: Double
        /// A short label drawn beside the point (scatter charts).
        public var label: String?
        /// What a reader is told on hovering over the point; the label when nil.
        public var note: String?

        public init(x: Double, y: Double, label: String? = nil, note: String? = nil) {
            self.x = x
            self.y = y
            self.label = label
            self.note = note
        }
    }

    /// The band at one x: its low and high values.
    public struct BandPoint: Sendable, Hashable {
        public var x: Double
        public var low: Double
        public var high: Double

        public init(x: Double, low: Double, high: Double) {
            self.x = x
            self.low = low
            self.high = high
        }
    }

    /// Its name in the legend.
    public var name: String
    /// Its points, in x order for lines.
    public var points: [Point]
    /// The band around it, or empty.
    public var band: [BandPoint]
    /// How it is drawn.
    public var style: Style

    /// A series; see the properties.
    public init(_ name: String, points: [Point], band: [BandPoint] = [], style: Style = .solid) {
        self.name = name
        self.points = points
        self.band = band
        self.style = style
    }

    /// A series of `values` at x = 0, 1, 2, … (months from an axis's start).
    public init(_ name: String, values: [Double], band: [BandPoint] = [], style: Style = .solid) {
        self.init(
            name, points: values.enumerated().map { Point(x: Double($0.offset), y: $0.element) }, band: band,
            style: style)
    }
}

/// A horizontal line across a chart at a value, labelled: a capacity, a limit.
public struct Reference: Sendable, Hashable {
    public var label: String
    public var value: Double

    public init(_ label: String, value: Double) {
        self.label = label
        self.value = value
    }
}

/// A lane of a timeline: a label and its spans.
public struct Lane: Sendable, Hashable {
    /// A stretch of the x axis, from `start` to `end` (exclusive), in one state.
    public struct Span: Sendable, Hashable {
        /// What a span means, which sets its colour.
        public enum State: String, Sendable, Hashable, CaseIterable {
            /// As planned.
            case planned
            /// Done, later than planned.
            case slipped
            /// Not finished within the horizon.
            case unfinished
            /// A limit binding.
            case bound
        }

        public var start: Double
        public var end: Double
        public var state: State
        /// What a reader is told on hovering: "planned 2012-01, done 2012-05".
        public var note: String

        public init(start: Double, end: Double, state: State, note: String) {
            self.start = start
            self.end = end
            self.state = state
            self.note = note
        }
    }

    public var label: String
    public var spans: [Span]

    public init(_ label: String, spans: [Span]) {
        self.label = label
        self.spans = spans
    }
}
