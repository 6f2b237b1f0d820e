/// A report as one self-contained HTML file: inline CSS and SVG, no script, no font or image
/// fetched, readable on a phone (tables scroll, charts scale) and printed (no section split
/// inside a chart).
public enum HTMLRenderer {
    /// The HTML page of `document`.
    public static func render(_ document: ReportDocument) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out +=
            "<title>\(Markup.escape(document.title))</title>\n<style>\n\(HTMLStyle.css)</style>\n</head>\n<body>\n"
        out += "<header>\n<h1>\(Markup.escape(document.title))</h1>\n"
        out += document.subtitle.map { "<p class=\"subtitle\">\(Markup.escape($0))</p>\n" }.joined()
        if document.sections.count > 1 {
            out += "<nav aria-label=\"Contents\"><ul>\n"
            out += document.sections.map {
                "<li><a href=\"#\(Markup.escape($0.id))\">\(Markup.escape($0.title))</a></li>\n"
            }.joined()
            out += "</ul></nav>\n"
        }
        out += "</header>\n<main>\n"
        for section in document.sections {
            out += "<section id=\"\(Markup.escape(section.id))\">\n<h2>\(Markup.escape(section.title))</h2>\n"
            out += section.blocks.map(render).joined()
            out += "</section>\n"
        }
        return out + "</main>\n</body>\n</html>\n"
    }

    static func render(_ block: Block) -> String {
        switch block {
        case .paragraph(let text):
            text.split(separator: "\n").map { "<p>\(Markup.escape(String($0)))</p>\n" }.joined()
        case .facts(let facts): render(facts)
        case .findings(let findings):
            "<div class=\"findings\">\n" + findings.map(render).joined() + "</div>\n"
        case .table(let table): render(table)
        case .chart(let chart): render(chart)
        }
    }

    static func render(_ facts: [Fact]) -> String {
        var out = "<dl class=\"facts\">\n"
        for fact in facts {
            out +=
                "<div><dt>\(Markup.escape(fact.labelWithUnit))</dt><dd>\(Markup.escape(fact.value.display))"
            out += fact.note.map { " <span class=\"note\">(\(Markup.escape($0)))</span>" } ?? ""
            out += "</dd></div>\n"
        }
        return out + "</dl>\n"
    }

    static func render(_ finding: Finding) -> String {
        let status = finding.status.rawValue
        var out = "<article class=\"finding \(status)\" id=\"finding-\(Markup.escape(finding.id))\">\n"
        out +=
            "<h3><span class=\"status\">\(status.uppercased())</span> \(Markup.escape(finding.title))</h3>\n"
        out += "<p>\(Markup.escape(finding.summary))</p>\n"
        if !finding.evidence.isEmpty {
            out += "<ul class=\"evidence\">\n"
            out += finding.evidence.map { "<li>\(Markup.escape($0))</li>\n" }.joined()
            out += "</ul>\n"
        }
        return out + "</article>\n"
    }

    static func render(_ table: Table) -> String {
        let numeric = table.headers.indices.map { column in table.rows.contains { $0[column].isNumeric } }
        var out = "<div class=\"table\" id=\"\(Markup.escape(table.id))\">\n<table>\n"
        out += "<caption>\(Markup.escape(table.title))</caption>\n<thead><tr>"
        for (header, isNumber) in zip(table.headers, numeric) {
            out +=
                "<th scope=\"col\" data-name=\"\(Markup.escape(header.name))\"\(isNumber ? " class=\"n\"" : "")>"
            out += Markup.escape(header.text) + "</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            out += "<tr>"
            for (value, isNumber) in zip(row, numeric) {
                out += (isNumber ? "<td class=\"n\">" : "<td>") + Markup.escape(value.display) + "</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        out += table.note.map { "<p class=\"note\">\(Markup.escape($0))</p>\n" } ?? ""
        return out + "</div>\n"
    }

    static func render(_ chart: Chart) -> String {
        var out = "<figure class=\"chart-figure\" data-chart=\"\(Markup.escape(chart.id))\">\n"
        out += "<figcaption><strong>\(Markup.escape(chart.title))</strong> "
        out += "\(Markup.escape(chart.summary))</figcaption>\n"
        out += SVGChart.svg(chart) + "\n" + legend(chart)
        return out + "</figure>\n"
    }

    /// The legend: a swatch and name per series, or per state a timeline uses.
    static func legend(_ chart: Chart) -> String {
        var items: [(colour: String, name: String, kind: String)] = []
        if chart.kind == .timeline {
            let used = Set(chart.lanes.flatMap { $0.spans.map(\.state) })
            items = Lane.Span.State.allCases.filter(used.contains).map {
                (ChartPalette.state($0), $0.rawValue, "swatch block")
            }
        } else {
            items = chart.series.enumerated().map { index, series in
                let kind =
                    switch (chart.kind, series.style) {
                    case (.scatter, .points): "swatch point"
                    case (.scatter, _): "swatch point hollow"
                    case (_, .points): "swatch point"
                    case (_, .dashed): "swatch dashed"
                    case _ where ChartPalette.dashed(index): "swatch dashed"
                    default: "swatch"
                    }
                return (
                    ChartPalette.series(index), series.name + (series.band.isEmpty ? "" : " (P10-P90 band)"),
                    kind
                )
            }
            items += chart.references.map { ("#555", $0.label, "swatch reference") }
        }
        guard !items.isEmpty else { return "" }
        var out = "<ul class=\"legend\">"
        for item in items {
            out += "<li><span class=\"\(item.kind)\" style=\"--colour: \(item.colour)\"></span>"
            out += Markup.escape(item.name) + "</li>"
        }
        return out + "</ul>\n"
    }
}
