import Foundation
import Report
import TestSupport
import Testing

@Suite("Rendering a report document")
struct RenderingTests {
    struct Row: Sendable {
        var name: String
        var share: Double
    }

    static let columns: [Column<Row>] = [
        Column("name") { .text($0.name) },
        Column("share", label: "IPv6 share", unit: "%", format: .percent) { .number($0.share, .percent) },
    ]

    static let document = ReportDocument(
        title: "A <city> & its plan", subtitle: ["2011-05 for 24 months"],
        sections: [
            Section(
                id: "facts", title: "Facts",
                blocks: [
                    .paragraph("Half on IPv6 from 2012-03."),
                    .facts([
                        Fact("incremental NPV", .number(12_345_678, .millions), unit: "M USD", note: "saves")
                    ]),
                ]),
            Section(
                id: "table", title: "Table",
                blocks: [
                    .table(
                        Table(
                            id: "t", title: "Districts", columns: columns,
                            rows: [
                                Row(name: "Futian, east", share: 0.123456789),
                                Row(name: "Luohu \"old\"", share: 1),
                            ]))
                ]),
            Section(
                id: "checks", title: "Checks",
                blocks: [
                    .findings([
                        Finding(
                            id: "rogue-ra", title: "One router", status: .fail, summary: "Two routers.",
                            evidence: ["#3 fe80::1", "#9 fe80::bad"])
                    ])
                ]),
            Section(
                id: "charts", title: "Charts",
                blocks: [
                    .chart(
                        Chart(
                            id: "c1", title: "IPv6 <on>", summary: "Shares.",
                            x: .months(from: MonthStamp(year: 2011, month: 5)),
                            y: Axis("share", unit: "%", format: .percent),
                            series: [
                                Series(
                                    "a & b", values: [0, 0.5, 1],
                                    band: [.init(x: 0, low: 0, high: 0.1), .init(x: 2, low: 0.9, high: 1)])
                            ], references: [Reference("target", value: 0.9)]))
                ]),
        ])

    @Test(
        "text: facts aligned with units and notes, tables with headers and units, findings with all evidence; no charts"
    )
    func text() {
        let text = TextRenderer.render(Self.document)
        #expect(text.hasPrefix("A <city> & its plan\n  2011-05 for 24 months\n"))
        #expect(text.contains("  incremental NPV (M USD)  12.3  (saves)\n"))
        #expect(text.contains("  name          IPv6 share (%)\n  Futian, east            12.3\n"))
        #expect(text.contains("  FAIL  One router: Two routers.\n        #3 fe80::1\n        #9 fe80::bad\n"))
        #expect(!text.contains("Charts"))
    }

    @Test("CSV: machine names, exact unscaled values, RFC 4180 quoting")
    func csv() {
        let csv = CSVRenderer.render(Self.document.tables[0])
        #expect(csv == "name,share\n\"Futian, east\",0.123456789\n\"Luohu \"\"old\"\"\",1\n")
    }

    @Test("HTML: one self-contained page, everything escaped, an accessible SVG per chart with its series")
    func html() throws {
        let html = HTMLRenderer.render(Self.document)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(
            !html.contains("<script") && !html.contains("http://www.w3.org/1999")
                && !html.contains("https://"))
        #expect(!html.contains("<city>") && html.contains("A &lt;city&gt; &amp; its plan"))
        #expect(
            html.contains("aria-labelledby=\"c1-title c1-desc\"")
                && html.contains("<title id=\"c1-title\">IPv6 &lt;on&gt;</title>"))
        #expect(html.contains("data-series=\"a &amp; b\"") && html.contains("class=\"band\""))
        #expect(html.contains("<li>#9 fe80::bad</li>"))
        #expect(html.contains("<td class=\"n\">12.3</td>"))
        // The time axis starts at 2011-05: with 3 months, its ticks are the months.
        #expect(html.contains(">2011-05</text>") && html.contains(">2011-07</text>"))
        #expect(html.contains("data-value=\"0.9\""))
        try Golden.check(html, "document.html")
    }
}

@Suite("Charts with numbers that are not finite")
struct NonFiniteChartTests {
    @Test("NaN and infinite values are left out of lines, bands, ranges and references")
    func nonFinite() {
        let chart = Chart(
            id: "c", title: "t", summary: "s", x: .months(from: MonthStamp(year: 2020, month: 1)),
            y: Axis("y"),
            series: [
                Series(
                    "a", values: [1, .nan, 3, .infinity, 2],
                    band: [.init(x: 0, low: 0, high: .nan), .init(x: 2, low: 2, high: 4)])
            ], references: [Reference("r", value: .infinity)])
        let html = HTMLRenderer.render(
            ReportDocument(title: "x", sections: [Section(id: "s", title: "s", blocks: [.chart(chart)])]))
        let svg = html[html.range(of: "<svg")!.lowerBound...]
        #expect(!svg.lowercased().contains("nan") && !svg.contains("inf"))
        #expect(html.contains("data-series=\"a\""))
    }
}

@Suite("Wrapping prose")
struct WrappingTests {
    @Test("lines break between words before the width, later lines indented two more; runs of spaces kept")
    func wrap() {
        let words = (1...40).map { "word\($0)" }.joined(separator: " ")
        let lines = TextRenderer.wrap(words, indent: "  ")
        #expect(lines.count > 1 && lines.allSatisfy { $0.count <= TextRenderer.width })
        #expect(lines[0].hasPrefix("  word1 ") && lines.dropFirst().allSatisfy { $0.hasPrefix("    word") })
        #expect(lines.joined(separator: " ").split(separator: " ").joined(separator: " ") == words)
        #expect(TextRenderer.wrap("n/a   a, b", indent: "") == ["n/a   a, b"])
        #expect(TextRenderer.wrap("", indent: "  ") == ["  "])
        let long = String(repeating: "x", count: 150)
        #expect(TextRenderer.wrap("a " + long, indent: "") == ["a", "  " + long])
    }
}
