/// The colours of series and timeline states: the Okabe-Ito palette, told apart by readers with
/// the common colour-vision deficiencies and still distinct when printed in grey.
enum ChartPalette {
    /// Series colours, in order; the seventh series takes the first again.
    static let series = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]

    /// The colour of series number `index`.
    static func series(_ index: Int) -> String { series[index % series.count] }

    /// Whether series number `index` is dashed whatever its style: the second time round the
    /// colours, so no two series look alike.
    static func dashed(_ index: Int) -> Bool { (index / series.count) % 2 == 1 }

    /// The colour of a timeline span in `state`.
    static func state(_ state: Lane.Span.State) -> String {
        switch state {
        case .planned: "#009E73"
        case .slipped: "#E69F00"
        case .unfinished: "#D55E00"
        case .bound: "#CC79A7"
        }
    }
}
