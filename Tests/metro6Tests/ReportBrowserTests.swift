import Foundation
import TestSupport
import Testing

/// The HTML reports as a browser shows them: chromium lays each page out, a script reads every
/// chart back through its axes, and the numbers must be those `metro6 run --format json` and
/// `--format csv` print for the same run; the page must log nothing to the console.
@Suite("HTML reports in a real browser", .serialized)
struct ReportBrowserTests {
    struct ChartReadback: Decodable {
        struct Series: Decodable {
            var name: String
            var points: [[Double]]
            var band: [[Double]]
        }

        struct Lane: Decodable {
            struct Span: Decodable {
                var start: Double
                var end: Double
                var state: String
            }

            var label: String
            var spans: [Span]
        }

        var id: String
        var kind: String
        var title: String
        var legend: [String]
        var series: [Series]
        var lanes: [Lane]
        var references: [Double]

        func series(_ name: String) throws -> Series {
            try #require(series.first { $0.name == name }, "chart \(id) has no series \(name)")
        }
    }

    let cli = CommandLineTests()

    func browser(_ folder: TemporaryFolder) throws -> HeadlessBrowser? {
        guard let path = HeadlessBrowser.executable else { return nil }
        return HeadlessBrowser(executable: path, folder: folder.url)
    }

    func charts(_ page: HeadlessBrowser.Page) throws -> [String: ChartReadback] {
        let list = try JSONDecoder().decode([ChartReadback].self, from: Data(page.readback.utf8))
        return Dictionary(uniqueKeysWithValues: list.map { ($0.id, $0) })
    }

    /// `points` against `expected` (one value per month from 0), within what a tenth of a pixel
    /// is worth on an axis showing `span`.
    func expectSeries(
        _ series: ChartReadback.Series, _ expected: [Double], span: Double, chart: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(
            series.points.count == expected.count, "\(chart)/\(series.name)", sourceLocation: sourceLocation)
        let tolerance = span / 240 * 0.1 + 1e-9 * span
        for point in series.points {
            #expect(abs(point[0] - point[0].rounded()) < 0.05, sourceLocation: sourceLocation)
            let month = Int(point[0].rounded())
            guard month < expected.count else { continue }
            #expect(
                abs(point[1] - expected[month]) <= tolerance,
                "\(chart)/\(series.name) month \(month): drawn \(point[1]), JSON \(expected[month])",
                sourceLocation: sourceLocation)
        }
    }

    /// The spread of a chart's y axis: the largest value shown and zero.
    func span(_ values: [Double]...) -> Double {
        let all: [Double] = values.joined() + [0]
        return Swift.max((all.max() ?? 1) - (all.min() ?? 0), 1e-9) * 1.5
    }

    @Test(
        "a scenario's report: every chart reads back as the run's JSON and CSV; bands hold the means; no console messages"
    )
    func scenarioReport() throws {
        let folder = try TemporaryFolder("metro6-report-browser")
        defer { withExtendedLifetime(folder) {} }
        guard let browser = try browser(folder) else {
            Issue.record("chromium is not installed: run `bash Tools/setup.sh test`")
            return
        }
        let scenario = "Scenarios/tiny/two-districts.yaml"
        let common = [scenario, "--replications", "3", "--quiet"]
        let page = folder.path("report.html")
        let written = try cli.run(["report"] + common + ["--out", page])
        #expect(written.status == 0, "\(written.error)")
        let json = try cli.run(["run"] + common + ["--format", "json"])
        let csv = try cli.run(["run"] + common + ["--format", "csv", "--by", "district"])
        #expect(json.status == 0 && csv.status == 0)
        let run = try #require(
            try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let months = try #require(run["months"] as? [[String: Any]])
        func column(_ name: String) -> [Double] { months.map { ($0[name] as? Double) ?? .nan } }

        let loaded = try browser.load(URL(fileURLWithPath: page), script: HeadlessBrowser.chartReadback)
        #expect(loaded.console.isEmpty, "console: \(loaded.console)")
        let charts = try charts(loaded)
        #expect(
            Set(charts.keys).isSuperset(of: [
                "plan-timeline", "ipv6-subscribers", "ipv6-by-district", "ipv6-by-mode",
                "ipv6-available-by-technology",
                "ipv6-on-by-technology", "ipv6-traffic",
                "public-ipv4",
                "cgn-throughput", "cgn-utilisation", "peak-utilisation", "link-by-district", "costs",
            ]))

        // On a phone's screen the page does not scroll sideways and the charts fit (headless
        // chromium's narrowest window is 500 CSS pixels, whatever smaller size is asked for).
        struct Layout: Decodable {
            var windowWidth: Double
            var pageWidth: Double
            var chartWidths: [Double]
        }
        let phone = try browser.load(
            URL(fileURLWithPath: page), script: HeadlessBrowser.layoutReadback, window: (390, 800))
        let layout = try JSONDecoder().decode(Layout.self, from: Data(phone.readback.utf8))
        #expect(layout.windowWidth <= 500 && layout.pageWidth <= layout.windowWidth, "\(layout)")
        #expect(
            !layout.chartWidths.isEmpty
                && layout.chartWidths.allSatisfy { $0 > 200 && $0 <= layout.windowWidth })

        // Printed: a PDF of a few pages, one per page object.
        let pdf = try browser.printed(URL(fileURLWithPath: page))
        let body = String(decoding: pdf, as: UTF8.self)
        let pages =
            body.components(separatedBy: "/Type /Page").count
            - body.components(separatedBy: "/Type /Pages").count
        #expect(
            pdf.starts(with: Data("%PDF".utf8)) && (3...40).contains(pages),
            "\(pdf.count) bytes, \(pages) pages")

        // The city's columns, mean over the replications, with P10-P90 bands around them.
        let city: [(chart: String, series: String, column: String)] = [
            ("ipv6-subscribers", "subscribers", "subscribers"),
            ("ipv6-subscribers", "IPv6 available", "ipv6AvailableSubscribers"),
            ("ipv6-subscribers", "IPv6 on", "ipv6EnabledSubscribers"),
            ("ipv6-traffic", "IPv6 traffic", "ipv6TrafficShare"),
            ("public-ipv4", "in use", "publicIPv4InUse"),
            ("cgn-throughput", "throughput", "cgnatThroughputGbps"),
            ("cgn-utilisation", "utilisation", "cgnatUtilization"),
            ("peak-utilisation", "link", "peakLinkUtilization"),
            ("costs", "IPv6 programme", "programmeCostCumulative"),
            ("costs", "business as usual", "businessAsUsualCostCumulative"),
        ]
        for entry in city {
            let chart = try #require(charts[entry.chart])
            let others =
                chart.series.flatMap { $0.points.map { $0[1] } + $0.band.map { $0[1] } } + chart.references
            let series = try chart.series(entry.series)
            expectSeries(series, column(entry.column), span: span(others), chart: entry.chart)
            // A band goes out along its high values and back along its low ones.
            #expect(series.band.count == 2 * months.count, "\(entry.chart)/\(entry.series) band")
            for (index, point) in series.points.enumerated() where series.band.count == 2 * months.count {
                let high = series.band[index][1]
                let low = series.band[2 * months.count - 1 - index][1]
                let slack = span(others) / 240 * 0.2
                #expect(low - slack <= point[1] && point[1] <= high + slack, "\(entry.chart) month \(index)")
            }
            #expect(chart.legend.contains { $0.hasPrefix(entry.series) })
        }
        // The pool the addresses are drawn against, as a reference line.
        #expect(try #require(charts["cgn-utilisation"]).references.contains { abs($0 - 1) < 0.01 })

        // Subscribers per mode: a series per mode the JSON names.
        let byMode = months.map { ($0["ipv6SubscribersByMode"] as? [String: Double]) ?? [:] }
        let modes = Set(byMode.flatMap(\.keys))
        let modeChart = try #require(charts["ipv6-by-mode"])
        #expect(Set(modeChart.series.map(\.name)) == modes && !modes.isEmpty)
        for mode in modes {
            let values = byMode.map { $0[mode] ?? 0 }
            expectSeries(try modeChart.series(mode), values, span: span(values), chart: "ipv6-by-mode")
        }

        // Access technologies against the JSON's byTechnology: available and on over subscribers.
        let technologies = months.map { ($0["byTechnology"] as? [String: [String: Double]]) ?? [:] }
        for (chart, key) in [
            ("ipv6-available-by-technology", "ipv6AvailableSubscribers"),
            ("ipv6-on-by-technology", "ipv6EnabledSubscribers"),
        ] {
            let drawn = try #require(charts[chart])
            #expect(drawn.series.map(\.name) == ["xDSL", "xPON", "LAN"])
            for (name, technology) in [("xDSL", "xdsl"), ("xPON", "xpon"), ("LAN", "lan")] {
                let shares = technologies.map { month -> Double in
                    let figures = month[technology] ?? [:]
                    let lines = figures["subscribers"] ?? 0
                    return lines > 0 ? (figures[key] ?? 0) / lines : 0
                }
                expectSeries(try drawn.series(name), shares, span: 1.5, chart: chart)
            }
        }

        // Districts against the CSV's district rows.
        let rows = csv.output.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let header = try #require(rows.first)
        let (on, all, link) = try (
            #require(header.firstIndex(of: "ipv6EnabledSubscribers")),
            #require(header.firstIndex(of: "subscribers")),
            #require(header.firstIndex(of: "linkUtilization"))
        )
        for district in Set(rows.dropFirst().map { $0[0] }) {
            let own = rows.dropFirst().filter { $0[0] == district }
            let shares = own.map { Double($0[all])! > 0 ? Double($0[on])! / Double($0[all])! : 0 }
            expectSeries(
                try #require(charts["ipv6-by-district"]).series(district), shares, span: 1.5,
                chart: "ipv6-by-district")
            let links = own.map { Double($0[link])! }
            let linkChart = try #require(charts["link-by-district"])
            expectSeries(
                try linkChart.series(district), links,
                span: span(linkChart.series.flatMap { $0.points.map { $0[1] } }, [1]),
                chart: "link-by-district")
        }

        // The plan on the time axis: a lane per action, from its planned month.
        let plan = try #require(charts["plan-timeline"])
        #expect(
            plan.lanes.map(\.label) == [
                "upgradeBNGs in Futian", "upgradeAccessNodes", "enableMode", "buyIPv4",
            ])
        #expect(plan.lanes.map { ($0.spans.first?.start ?? -1).rounded() } == [1, 4, 8, 10])

        // The binding constraints: a lane each, from the first month the JSON gives.
        let bound = try #require((run["kpis"] as? [String: Any])?["bindingConstraints"] as? [[String: Any]])
        if bound.isEmpty {
            #expect(charts["constraint-timeline"] == nil)
        } else {
            let lanes = try #require(charts["constraint-timeline"]).lanes
            #expect(lanes.count == bound.count)
            for (lane, constraint) in zip(lanes, bound) {
                let first = try #require(constraint["firstMonth"] as? String)
                let index = months.firstIndex { $0["month"] as? String == first }
                #expect(lane.spans.first.map { Int($0.start.rounded()) } == index, "\(lane.label)")
            }
        }
    }
}

extension ReportBrowserTests {
    struct DocumentReadback: Decodable {
        struct Finding: Decodable {
            var id: String
            var status: String
            var title: String
            var summary: String
            var evidence: [String]
        }

        struct Table: Decodable {
            var id: String
            var headers: [String]
            var rows: [[String]]
        }

        var findings: [Finding]
        var tables: [Table]
    }

    @Test("a probe's report: every check with its status, summary and all its evidence, as the JSON has them")
    func probeReport() throws {
        let folder = try TemporaryFolder("metro6-probe-browser")
        defer { withExtendedLifetime(folder) {} }
        guard let browser = try browser(folder) else {
            Issue.record("chromium is not installed: run `bash Tools/setup.sh test`")
            return
        }
        let captures = ["rogue-ra", "nat64", "small-mtu", "prefix-delegation"].map {
            InputContractTests.repository.appendingPathComponent(
                "Tests/ProbeTests/Fixtures/netlab/\($0).pcap"
            ).path
        }
        let html = try cli.run(["probe"] + captures + ["--format", "html"])
        let json = try cli.run(["probe"] + captures + ["--format", "json"])
        #expect(html.status == json.status, "\(html.error)")
        let page = folder.path("probe.html")
        try Data(html.output.utf8).write(to: URL(fileURLWithPath: page))
        let loaded = try browser.load(URL(fileURLWithPath: page), script: HeadlessBrowser.documentReadback)
        #expect(loaded.console.isEmpty, "console: \(loaded.console)")
        let shown = try JSONDecoder().decode(DocumentReadback.self, from: Data(loaded.readback.utf8))

        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let checks = try #require(report["checks"] as? [[String: Any]])
        #expect(shown.findings.count == checks.count)
        let status = ["pass": "pass", "warn": "warn", "fail": "fail", "n/a": "skip"]
        for check in checks {
            let id = try #require(check["id"] as? String)
            let finding = try #require(shown.findings.first { $0.id == id }, "no finding \(id)")
            #expect(finding.status == status[check["status"] as? String ?? ""], "\(id)")
            #expect(finding.title == check["title"] as? String, "\(id)")
            #expect(finding.summary == check["summary"] as? String, "\(id)")
            #expect(finding.evidence == (check["evidence"] as? [String] ?? []), "\(id)")
        }
        // Worst first.
        let order = ["fail": 0, "warn": 1, "pass": 2, "skip": 3]
        #expect(shown.findings.map { order[$0.status]! } == shown.findings.map { order[$0.status]! }.sorted())
        #expect(shown.findings.contains { $0.id == "rogue-ra" && $0.status == "fail" })

        // The routers' table: a row per distinct advertisement, with its first packet.
        let routers = try #require(report["routerAdvertisements"] as? [[String: Any]])
        let table = try #require(shown.tables.first { $0.id == "router-table" })
        #expect(table.rows.count == routers.count)
        let routerColumn = try #require(table.headers.firstIndex(of: "router"))
        #expect(
            Set(table.rows.map { $0[routerColumn] }) == Set(routers.compactMap { $0["router"] as? String }))
        // NAT64: the prefix the lab's unbound synthesised with.
        let nat64 = try #require(shown.tables.first { $0.id == "nat64-prefixes" })
        #expect(nat64.rows.map { $0[0] } == ["2001:db8:64::/96"])
    }

    @Test("a sweep's report: the Pareto scatter at the plans' P50s as compare prints them; bands per plan")
    func sweepReport() throws {
        let folder = try TemporaryFolder("metro6-sweep-browser")
        defer { withExtendedLifetime(folder) {} }
        guard let browser = try browser(folder) else {
            Issue.record("chromium is not installed: run `bash Tools/setup.sh test`")
            return
        }
        let sweep = InputContractTests.repository.appendingPathComponent(
            "Scenarios/tiny/two-districts-sweep.yaml"
        ).path
        let results = folder.path("plans.sqlite")
        #expect(try cli.run(["sweep", sweep, "--out", results, "--quiet"]).status == 0)
        let page = folder.path("plans.html")
        let written = try cli.run(["report", results, "--out", page])
        #expect(written.status == 0, "\(written.error)")
        // Options that run a scenario say they do not apply to results already run.
        let refused = try cli.run(["report", results, "--replications", "3", "--out", folder.path("no.html")])
        #expect(refused.status == 2 && refused.error.contains("--replications applies to a scenario"))
        let compare = try cli.run(["compare", results, "--format", "json"])
        let comparison = try #require(
            try JSONSerialization.jsonObject(with: Data(compare.output.utf8)) as? [String: Any])
        let plans = try #require(comparison["plans"] as? [[String: Any]])

        let loaded = try browser.load(URL(fileURLWithPath: page), script: HeadlessBrowser.chartReadback)
        #expect(loaded.console.isEmpty, "console: \(loaded.console)")
        let charts = try charts(loaded)
        // month90 is never reached in this sweep: the scatter is incrementalNPV against peak CGN use.
        let pareto = try #require(charts["pareto-front"])
        #expect(pareto.kind == "scatter")
        func p50(_ plan: [String: Any], _ kpi: String) -> Double? {
            ((plan["kpis"] as? [String: Any])?[kpi] as? [String: Any])?["p50"] as? Double
        }
        let front = plans.filter { $0["pareto"] as? Bool == true }
        let drawn = try pareto.series("Pareto front").points
        #expect(drawn.count == front.count)
        for plan in front {
            let (x, y) = (
                try #require(p50(plan, "incrementalNPV")), try #require(p50(plan, "peakCGNATUtilization"))
            )
            #expect(
                drawn.contains { abs($0[0] - x) < 200 && abs($0[1] - y) < 0.01 },
                "\(plan["plan"] ?? "") at (\(x), \(y)): drawn \(drawn)")
        }
        #expect(try pareto.series("other plans").points.count == plans.count - front.count)
        // The months of the leading plans: a series each, with its P10-P90 band.
        let shares = try #require(charts["sweep-ipv6-share"])
        #expect(shares.series.count == min(6, plans.count))
        #expect(shares.series.allSatisfy { !$0.band.isEmpty && $0.band.count == 2 * $0.points.count })
        // Each line is the mean over its plan's runs, as SQLite computes it from the results file.
        let query = Process()
        query.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        query.arguments = [
            "-separator", " ", results,
            "SELECT r.variant, m.month, avg(m.ipv6EnabledSubscribers / m.subscribers) FROM months m "
                + "JOIN runs r USING (run) GROUP BY r.variant, m.month ORDER BY r.variant, m.month",
        ]
        let pipe = Pipe()
        query.standardOutput = pipe
        try query.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        query.waitUntilExit()
        #expect(query.terminationStatus == 0)
        var means: [Int: [Double]] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ")
            means[Int(fields[0])!, default: []].append(Double(fields[2])!)
        }
        for series in shares.series {
            let rank = try #require(Int(series.name.prefix { $0.isNumber }))
            let plan = try #require(plans.first { $0["rank"] as? Int == rank })
            let variant = try #require(plan["variant"] as? Int)
            let expected = try #require(means[variant])
            expectSeries(
                series, expected, span: span(shares.series.flatMap { $0.band.map { $0[1] } }),
                chart: "sweep-ipv6-share")
        }
    }
}

extension ReportBrowserTests {
    @Test("a backtest's report: the published points where the JSON has them, on the model's P50 line")
    func backtestReport() throws {
        let folder = try TemporaryFolder("metro6-backtest-browser")
        defer { withExtendedLifetime(folder) {} }
        guard let browser = try browser(folder) else {
            Issue.record("chromium is not installed: run `bash Tools/setup.sh test`")
            return
        }
        let root = InputContractTests.repository
        let arguments = [
            "backtest", root.appendingPathComponent("Scenarios/backtest/china-fixed-2011.yaml").path,
            "--actuals",
            root.appendingPathComponent("Scenarios/actuals/china-ipv6.yaml").path, "--replications", "2",
        ]
        let html = try cli.run(arguments + ["--format", "html"])
        let json = try cli.run(arguments + ["--format", "json"])
        #expect(html.status == json.status)
        let page = folder.path("backtest.html")
        try Data(html.output.utf8).write(to: URL(fileURLWithPath: page))
        let loaded = try browser.load(URL(fileURLWithPath: page), script: HeadlessBrowser.chartReadback)
        #expect(loaded.console.isEmpty, "console: \(loaded.console)")
        let charts = try charts(loaded)
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let points = try #require(document["points"] as? [[String: Any]])
        let start = 2011 * 12  // the scenario starts in 2011-01
        for point in points {
            let metric = try #require(point["metric"] as? String)
            let chart = try #require(charts["backtest-\(metric)"], "no chart for \(metric)")
            let month = try #require(point["month"] as? String).split(separator: "-").compactMap { Int($0) }
            let x = Double(month[0] * 12 + month[1] - 1 - start)
            let name = point["kind"] as? String == "actual" ? "published actuals" : "targets"
            let actual = try #require(point["actual"] as? Double)
            let span = chart.series.flatMap { $0.points.map { $0[1] } + $0.band.map { $0[1] } }.max() ?? 1
            #expect(
                try chart.series(name).points.contains {
                    abs($0[0] - x) < 0.05 && abs($0[1] - actual) <= span / 240 * 0.2
                },
                "\(metric) \(point["month"] ?? "") \(actual)")
            let p50 = try #require(point["p50"] as? Double)
            let line = try chart.series("model P50").points.first { abs($0[0] - x) < 0.05 }
            #expect(line.map { abs($0[1] - p50) <= span / 240 * 0.2 } == true, "\(metric) P50 at \(x)")
        }
    }
}
