import ArgumentParser
import Foundation
import Report
import Runner
import Scenario

/// `metro6 report`: a scenario's run, or a sweep's results, as one self-contained HTML page.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a scenario's run or a sweep's results as an HTML page with charts.",
        discussion: ExitStatus.discussion(
            """
            For a scenario (the bundled Shenzhen 2011 one when absent): what bound and when, the \
            KPIs, the plan on the time axis, subscribers on IPv6 by district and mode, public IPv4 \
            and the CGN, link hot spots, costs, the compute centre; with --replications N the \
            charts show P10-P90 bands. For a sweep's results file: the plans ranked, their \
            Pareto front as a scatter, and their months with P10-P90 bands. One file with inline \
            CSS and SVG: it fetches nothing, prints, and reads on a phone.
            """,
            examples: [
                "metro6 report --out shenzhen.html",
                "metro6 report city.yaml --replications 20 --out city.html",
                "metro6 sweep plans-sweep.yaml --out plans.sqlite",
                "metro6 report plans.sqlite --out plans.html",
            ])
    )

    @Argument(
        help: ArgumentHelp(
            "A scenario file (YAML or JSON) or a sweep's results file; the bundled scenario when absent.",
            valueName: "scenario | results.sqlite"),
        completion: .file(extensions: ["yaml", "yml", "json", "sqlite"]))
    var file: String?

    @Option(
        help: ArgumentHelp("The HTML file to write ('-': standard output).", valueName: "report.html"),
        completion: .file(extensions: ["html"]))
    var out = "report.html"

    @Option(help: ArgumentHelp("A sweep's KPI to rank its plans by.", valueName: "kpi"))
    var by = "incrementalNPV"

    @OptionGroup var options: RunOptions

    func validate() throws {
        guard isResults else { return }
        let runOnly = [
            (options.seed != nil, "--seed"), (options.months != nil, "--months"),
            (options.replications != 1, "--replications"), (options.threads != nil, "--threads"),
            (!options.changes.assignments.isEmpty, "--set"), (!options.skip.isEmpty, "--skip"),
        ]
        if let (_, name) = runOnly.first(where: \.0) {
            throw ValidationError("\(name) applies to a scenario; a sweep's results were run already")
        }
    }

    /// Whether `file` is a sweep's results (SQLite) rather than a scenario.
    var isResults: Bool {
        guard let file, let handle = FileHandle(forReadingAtPath: file) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 16)) == Data("SQLite format 3\0".utf8)
    }

    func run() throws {
        let document: ReportDocument
        if isResults, let file {
            document = try reportingSweepErrors { () throws(SweepError) in
                try SweepComparison(path: file, by: by).document(path: file)
            }
        } else {
            let inputs = try options.inputs(file, overrides: try options.changes.overrides())
            document = try options.result(inputs).document
        }
        let html = HTMLRenderer.render(document)
        guard out != "-" else { return print(html, terminator: "") }
        do {
            try Data(html.utf8).write(to: URL(fileURLWithPath: out))
        } catch {
            throw CommandFailure("cannot write \(out): \(error.localizedDescription)")
        }
        print("metro6 report: \(document.charts.count) charts, \(document.tables.count) tables → \(out)")
    }
}
