/// The report pages' style sheet, inline so a report is one file: system fonts, a readable
/// column, tables that scroll sideways on a phone, charts that scale, and print rules.
enum HTMLStyle {
    static let css = """
        :root { color-scheme: light; --ink: #1a1a1a; --muted: #5a5a5a; --rule: #d9d9d9; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 64rem; padding: 1rem; color: var(--ink);
          font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
        h1 { font-size: 1.6rem; margin: 0.2rem 0; }
        h2 { font-size: 1.25rem; margin: 2rem 0 0.6rem; border-bottom: 1px solid var(--rule); }
        h3 { font-size: 1rem; margin: 0.2rem 0; }
        .subtitle, .note, figcaption { color: var(--muted); margin: 0.1rem 0; }
        nav ul { display: flex; flex-wrap: wrap; gap: 0.3rem 1rem; padding: 0; list-style: none; }
        .facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: 0.4rem 1.2rem; }
        .facts div { border-left: 3px solid var(--rule); padding-left: 0.5rem; }
        .facts dt { color: var(--muted); font-size: 0.85rem; }
        .facts dd { margin: 0; font-weight: 600; font-variant-numeric: tabular-nums; }
        .table { overflow-x: auto; margin: 0.8rem 0; }
        table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 0.9rem; }
        caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
        th, td { padding: 0.2rem 0.6rem; border-bottom: 1px solid var(--rule); text-align: left; white-space: nowrap; }
        th.n, td.n { text-align: right; }
        thead th { position: sticky; top: 0; background: #fff; }
        figure { margin: 1.2rem 0; break-inside: avoid; }
        svg.chart { width: 100%; height: auto; display: block; font-size: 11px; }
        svg.chart text { fill: var(--ink); }
        svg.chart .grid { stroke: #ececec; }
        svg.chart .axis-line, svg.chart .tick-line { stroke: #777; }
        svg.chart .axis-title { font-size: 12px; fill: var(--muted); }
        svg.chart .reference-line { stroke: #555; stroke-dasharray: 3 3; }
        svg.chart .point-label { font-size: 10px; }
        .legend { display: flex; flex-wrap: wrap; gap: 0.2rem 1rem; list-style: none; padding: 0; margin: 0.3rem 0;
          font-size: 0.85rem; }
        .swatch { display: inline-block; width: 1.4rem; height: 0; border-top: 3px solid var(--colour);
          vertical-align: middle; margin-right: 0.35rem; }
        .swatch.block { height: 0.8rem; border: none; background: var(--colour); }
        .swatch.dashed { border-top-style: dashed; }
        .swatch.reference { border-top: 2px dotted var(--colour); }
        .swatch.point { width: 0.7rem; height: 0.7rem; border: 2px solid var(--colour); border-radius: 50%;
          background: var(--colour); }
        .swatch.point.hollow { background: #fff; }
        .findings article { border-left: 4px solid var(--rule); padding: 0.3rem 0.7rem; margin: 0.6rem 0; }
        .finding.pass { border-color: #009E73; } .finding.warn { border-color: #E69F00; }
        .finding.fail { border-color: #D55E00; } .finding.info, .finding.skip { border-color: #56B4E9; }
        .status { font-size: 0.75rem; padding: 0.05rem 0.35rem; border-radius: 3px; background: #eee; }
        .finding.fail .status { background: #D55E00; color: #fff; }
        .finding.warn .status { background: #E69F00; }
        .finding.pass .status { background: #009E73; color: #fff; }
        .evidence { font: 0.8rem/1.35 ui-monospace, "DejaVu Sans Mono", monospace; margin: 0.3rem 0; padding-left: 1.2rem;
          overflow-wrap: anywhere; }
        @media (max-width: 40rem) { body { padding: 0.5rem; font-size: 14px; } svg.chart { font-size: 14px; } }
        @media print { body { max-width: none; font-size: 10pt; } nav { display: none; }
          h2 { break-after: avoid; } .table { overflow: visible; } a { color: inherit; text-decoration: none; } }

        """
}
