import Report
import Testing

@Suite("Chart scales")
struct ChartScaleTests {
    @Test(
        "ticks are round numbers that cover the data, about as many as asked",
        arguments: [
            (0.0, 97.0, [0.0, 20, 40, 60, 80, 100]),
            (0.0, 1.0, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
            (-3.2, 7.9, [-4.0, -2, 0, 2, 4, 6, 8]),
            (0.0, 4_300_000.0, [0.0, 1e6, 2e6, 3e6, 4e6, 5e6]),
            (0.0, 1.45, [0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5]),
            (1_574.1, 1_686.5, [1_560.0, 1_580, 1_600, 1_620, 1_640, 1_660, 1_680, 1_700]),
        ])
    func niceTicks(low: Double, high: Double, expected: [Double]) {
        let scale = NiceScale(covering: low, high)
        #expect(scale.ticks == expected)
        #expect(scale.low <= low && scale.high >= high)
    }

    @Test("a flat series still gets a range around its value; non-finite input falls back to 0...1")
    func degenerate() {
        let flat = NiceScale(covering: 5, 5)
        #expect(flat.low < 5 && flat.high > 5)
        let zero = NiceScale(covering: 0, 0)
        #expect(zero.low < 0 && zero.high > 0)
        let bad = NiceScale(covering: .nan, .infinity)
        #expect(bad.low == 0 && bad.high == 1)
    }

    @Test("long time axes are labelled with Januaries, short ones with quarters or months")
    func monthTicks() {
        let start = MonthStamp(year: 2011, month: 5)
        let decade = MonthTicks(start: start, first: 0, last: 119)
        #expect(decade.ticks.map(\.label) == (2012...2021).map(String.init))
        #expect(decade.ticks.first?.month == 8)  // 2012-01 is 8 months after 2011-05
        let twoYears = MonthTicks(start: start, first: 0, last: 23)
        #expect(twoYears.ticks.map(\.label).prefix(3) == ["2011-07", "2011-10", "2012-01"])
        let century = MonthTicks(start: MonthStamp(year: 1990, month: 1), first: 0, last: 1_199)
        #expect(century.ticks.map(\.label) == stride(from: 1990, through: 2080, by: 10).map(String.init))
        let months = MonthTicks(start: MonthStamp(year: 2020, month: 11), first: 0, last: 4)
        #expect(months.ticks.map(\.label) == ["2020-11", "2020-12", "2021-01", "2021-02", "2021-03"])
    }

    @Test("months add across years and count back")
    func monthStamps() {
        let start = MonthStamp(year: 2011, month: 5)
        #expect(start.adding(8).label == "2012-01")
        #expect(start.adding(-5).label == "2010-12")
        #expect(start.adding(120).months(since: start) == 120)
    }
}

@Suite("Number formats")
struct NumberFormatTests {
    @Test("readers get scaled, rounded, grouped numbers; machines the exact value")
    func formats() {
        #expect(NumberFormat.count.string(4_943_050) == "4,943,050")
        #expect(NumberFormat.count.string(-1_234.4) == "-1,234")
        #expect(NumberFormat.percent.string(0.8397) == "84.0")
        #expect(NumberFormat.millions.string(-1_574_123_456) == "-1574.1")
        #expect(NumberFormat.ratio.string(-0.001) == "0.00")
        #expect(NumberFormat.count.string(.nan) == "-")
        #expect(NumberFormat.exact(2_611_000) == "2611000")
        #expect(NumberFormat.exact(0.1 + 0.2) == "0.30000000000000004")
    }

    @Test("spreads and milestones read as P10 / P50 / P90, never where not reached")
    func values() {
        #expect(Value.spread(p10: 1, p50: 2.5, p90: nil, .decimals(1)).display == "1.0 / 2.5 / -")
        #expect(Value.monthSpread(p10: "2015-01", p50: nil, p90: nil).display == "2015-01 / never / never")
        #expect(Value.month(nil).exact == "never")
        #expect(Value.number(0.123456789, .percent).exact == "0.123456789")
    }
}
