import Foundation

/// Chromium without a screen (Debian's `chromium`, which the set-up script installs): loads a
/// page from a file, runs a read-back script on what it laid out, and returns the script's JSON
/// with every console message the page logged (SVG attribute errors among them).
struct HeadlessBrowser {
    /// What the browser saw.
    struct Page {
        /// The read-back script's JSON text.
        var readback: String
        /// Console messages, one per line chromium logged.
        var console: [String]
    }

    /// The browser's path, or nil when it is not installed.
    static var executable: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    let executable: String
    /// A folder for the page copy and the browser's profile, removed by the caller.
    let folder: URL

    /// Loads `page` (an HTML file) with `script` appended to its body; the script leaves its
    /// result as JSON in an element `<pre id="readback">`.
    func load(_ page: URL, script: String, window: (width: Int, height: Int) = (1100, 900)) throws -> Page {
        var html = try String(contentsOf: page, encoding: .utf8)
        guard let end = html.range(of: "</body>", options: .backwards) else {
            throw Failure("no </body> in \(page.path)")
        }
        html.insert(contentsOf: "<script>\n\(script)\n</script>\n", at: end.lowerBound)
        let copy = folder.appendingPathComponent("readback-" + page.lastPathComponent)
        try Data(html.utf8).write(to: copy)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments =
            commonArguments + [
                "--enable-logging=stderr",
                "--v=0",
                "--window-size=\(window.width),\(window.height)", "--virtual-time-budget=5000", "--dump-dom",
                copy.absoluteString,
            ]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let timer = DispatchWorkItem { process.terminate() }
        DispatchQueue.global().asyncAfter(deadline: .now() + 90, execute: timer)
        // Read both pipes to the end on two threads: either filling up would stall chromium.
        let errorText = LockedText()
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errorText.value = String(
                decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            drained.signal()
        }
        let dom = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        drained.wait()
        process.waitUntilExit()
        timer.cancel()
        guard process.terminationStatus == 0 else {
            throw Failure(
                "chromium exited with \(process.terminationStatus): \(errorText.value.suffix(2_000))")
        }
        guard let start = dom.range(of: "<pre id=\"readback\">"),
            let stop = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex)
        else { throw Failure("the read-back script left nothing: \(errorText.value.suffix(2_000))") }
        let readback = String(dom[start.upperBound..<stop.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        let console = errorText.value.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(
            String.init)
        return Page(readback: readback, console: console)
    }

    /// What every run of the browser is given: no screen, no sandbox (CI runs as root), a
    /// profile of its own in `folder`.
    var commonArguments: [String] {
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--user-data-dir=" + folder.appendingPathComponent("profile").path,
        ]
    }

    /// Prints `page` to a PDF as chromium's print dialog would (A4/Letter, the page's print
    /// rules), returning the PDF's bytes.
    func printed(_ page: URL) throws -> Data {
        let pdf = folder.appendingPathComponent(page.deletingPathExtension().lastPathComponent + ".pdf")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments =
            commonArguments + [
                "--no-pdf-header-footer",
                "--print-to-pdf=" + pdf.path, page.absoluteString,
            ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure("chromium could not print \(page.path)") }
        return try Data(contentsOf: pdf)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// Text one thread writes and another reads after a semaphore.
    final class LockedText: @unchecked Sendable {
        var value = ""
    }

    /// Reads back every chart of a report page from what the browser laid out: the axes' ticks
    /// (their positions from the layout, their values from the labels' data) give each axis's
    /// mapping, through which each series' line, points and band and each timeline span are
    /// turned back into data; the legend's entries too.
    static let chartReadback = """
        (() => {
          const pairs = d => (d.match(/-?[0-9.]+ -?[0-9.]+/g) || []).map(p => p.split(' ').map(Number));
          const charts = [];
          for (const svg of document.querySelectorAll('svg.chart')) {
            const axis = (selector, horizontal) => {
              const ticks = [...svg.querySelectorAll(selector + ' .tick')].map(tick => {
                const box = tick.querySelector('line').getBBox();
                return { value: Number(tick.dataset.value), at: horizontal ? box.x : box.y };
              });
              if (ticks.length < 2) return null;
              const [a, b] = [ticks[0], ticks[ticks.length - 1]];
              return at => a.value + (at - a.at) * (b.value - a.value) / (b.at - a.at);
            };
            const x = axis('.axis.x', true), y = axis('.axis.y', false);
            const chart = {
              id: svg.id, kind: svg.dataset.kind, title: svg.querySelector('title').textContent,
              legend: [...svg.closest('figure').querySelectorAll('.legend li')].map(item => item.textContent),
              series: [], lanes: [], references: []
            };
            for (const group of svg.querySelectorAll('g.series')) {
              const line = group.querySelector('path.line'), band = group.querySelector('path.band');
              const points = line ? pairs(line.getAttribute('d'))
                : [...group.querySelectorAll('circle.point')].map(c => [c.cx.baseVal.value, c.cy.baseVal.value]);
              chart.series.push({
                name: group.dataset.series,
                points: points.map(([px, py]) => [x(px), y(py)]),
                band: band ? pairs(band.getAttribute('d')).map(([px, py]) => [x(px), y(py)]) : []
              });
            }
            for (const lane of svg.querySelectorAll('g.lane')) {
              chart.lanes.push({
                label: lane.dataset.lane,
                spans: [...lane.querySelectorAll('rect')].map(rect => {
                  const box = rect.getBBox();
                  return { start: x(box.x), end: x(box.x + box.width), state: rect.classList[1] };
                })
              });
            }
            for (const reference of svg.querySelectorAll('g.reference')) {
              chart.references.push(y(reference.querySelector('line').getBBox().y));
            }
            charts.push(chart);
          }
          const pre = document.createElement('pre');
          pre.id = 'readback';
          pre.textContent = JSON.stringify(charts);
          document.body.appendChild(pre);
        })();
        """

    /// Reads back a report's findings (status, title, summary, every evidence line) and its
    /// tables (headers' machine names and rows of cells) as the page shows them.
    static let documentReadback = """
        (() => {
          const findings = [...document.querySelectorAll('article.finding')].map(article => ({
            id: article.id.replace(/^finding-/, ''), status: article.classList[1],
            title: article.querySelector('h3').textContent.replace(/^\\S+ /, ''),
            summary: article.querySelector('p').textContent,
            evidence: [...article.querySelectorAll('.evidence li')].map(item => item.textContent)
          }));
          const tables = [...document.querySelectorAll('div.table')].map(table => ({
            id: table.id, headers: [...table.querySelectorAll('th')].map(th => th.dataset.name),
            rows: [...table.querySelectorAll('tbody tr')].map(row => [...row.cells].map(cell => cell.textContent))
          }));
          const pre = document.createElement('pre');
          pre.id = 'readback';
          pre.textContent = JSON.stringify({ findings, tables });
          document.body.appendChild(pre);
        })();
        """

    /// Reads back how the page fits its window: the page's width against the window's (a phone's
    /// screen must not scroll sideways; wide tables scroll inside their own box), and each chart's
    /// width.
    static let layoutReadback = """
        (() => {
          const pre = document.createElement('pre');
          pre.id = 'readback';
          pre.textContent = JSON.stringify({
            windowWidth: window.innerWidth, pageWidth: document.documentElement.scrollWidth,
            chartWidths: [...document.querySelectorAll('svg.chart')].map(svg => svg.getBoundingClientRect().width)
          });
          document.body.appendChild(pre);
        })();
        """
}
