/// The page's only stylesheet (inline: the page loads nothing). Screen: the map fills the window
/// under the header. Print: A4 landscape, the map page first, each table section on a new page,
/// table headers repeated, rows never split, colours printed as shown.
enum PageStyle {
    static let css = """
        @page { size: A4 landscape; margin: 9mm; }
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0; background: #fff; color: #222; font: 14px/1.35 'Liberation Sans', Arial, Helvetica, sans-serif; }
        .page { padding: 10px 18px 16px; }
        .page + .page { break-before: page; page-break-before: always; }
        header.top { display: flex; flex-wrap: wrap; align-items: flex-end; justify-content: space-between; gap: 6px 24px; border-bottom: 2px solid #222; padding-bottom: 6px; }
        .kind { margin: 0; font-size: 11px; letter-spacing: .06em; text-transform: uppercase; color: #555; }
        h1 { margin: 0; font-size: 22px; line-height: 1.2; }
        .meta { margin: 2px 0 0; font-size: 13px; color: #333; }
        .meta span + span::before { content: "  ·  "; color: #999; white-space: pre; }
        .figures { display: flex; flex-wrap: wrap; gap: 6px; margin: 0; padding: 0; list-style: none; }
        .figures li { min-width: 96px; padding: 2px 8px; border: 1px solid #ccc; border-radius: 4px; text-align: center; }
        .figures b { display: block; font-size: 18px; }
        .figures small { font-size: 11px; color: #555; }
        figure { margin: 0; }
        figure.map svg { display: block; width: 100%; height: auto; max-height: calc(100vh - 118px); margin-top: 6px; }
        figure.chart svg { display: block; width: 100%; max-width: 1000px; height: auto; }
        h2 { margin: 0 0 4px; font-size: 18px; }
        h3 { margin: 14px 0 4px; font-size: 15px; }
        p.note { margin: 0 0 8px; font-size: 12px; color: #555; }
        table { width: 100%; border-collapse: collapse; font-size: 12.5px; }
        thead { display: table-header-group; }
        th, td { padding: 3px 6px; border-bottom: 1px solid #ddd; text-align: left; vertical-align: top; }
        thead th { background: #eee; border-bottom: 2px solid #999; }
        tbody tr:nth-child(even) { background: #f7f7f7; }
        tfoot td { font-weight: bold; border-top: 2px solid #999; border-bottom: 0; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        .bar { display: inline-block; width: 60px; height: 9px; margin-right: 8px; background: #eee; border: 1px solid #ccc; vertical-align: -1px; }
        .bar i { display: block; height: 100%; }
        .level { display: inline-block; width: 10px; height: 10px; margin-right: 5px; border-radius: 50%; vertical-align: -1px; }
        .rank { display: inline-block; min-width: 22px; padding: 0 4px; border-radius: 11px; background: #6a1b9a; color: #fff; font-weight: bold; text-align: center; line-height: 20px; }
        .post { display: inline-block; min-width: 24px; padding: 0 4px; border-radius: 3px; background: #0b3d91; color: #fff; font-weight: bold; text-align: center; line-height: 18px; }
        table.before-after { width: auto; min-width: 50%; margin-bottom: 4px; }
        ul.warnings { margin: 4px 0 0; padding-left: 20px; font-size: 12.5px; }
        figure.map { position: relative; }
        .ck-ui { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 8px; margin-top: 6px; font-size: 13px; }
        .ck-ui button, .ck-ui input { font: inherit; }
        .ck-ui > button { min-width: 30px; padding: 2px 8px; border: 1px solid #999; border-radius: 4px; background: #f7f7f7; cursor: pointer; }
        .ck-search { position: relative; }
        .ck-search input { width: 240px; padding: 2px 6px; border: 1px solid #999; border-radius: 4px; }
        .ck-results { position: absolute; z-index: 3; top: 100%; left: 0; min-width: 100%; margin: 2px 0 0; padding: 2px 0; list-style: none; background: #fff; border: 1px solid #999; box-shadow: 0 2px 6px rgba(0,0,0,.2); }
        .ck-results button { display: block; width: 100%; padding: 2px 8px; border: 0; background: none; text-align: left; cursor: pointer; }
        .ck-results button:hover, .ck-results button:focus { background: #e8f1fb; }
        .ck-results small, .ck-info small { color: #666; }
        .ck-none { padding: 2px 8px; color: #666; }
        .ck-layers { display: flex; flex-wrap: wrap; gap: 2px 10px; margin: 0; padding: 0 6px; border: 1px solid #ccc; border-radius: 4px; }
        .ck-layers legend { padding: 0 3px; font-size: 11px; color: #555; }
        .ck-help { flex-basis: 100%; margin: 0; font-size: 11.5px; color: #555; }
        .ck-info { position: absolute; z-index: 2; top: 92px; left: 6%; width: 300px; max-width: 45%; padding: 6px 10px 8px; background: #fff; border: 1px solid #999; border-radius: 4px; box-shadow: 0 2px 8px rgba(0,0,0,.25); font-size: 12.5px; }
        .ck-info h3 { margin: 0 0 4px; font-size: 15px; }
        .ck-info th { font-weight: normal; color: #555; background: none; }
        .ck-info table { font-size: 12.5px; }
        .ck-close { float: right; border: 0; background: none; font-size: 18px; line-height: 1; cursor: pointer; }
        @media screen {
          .page + .page { content-visibility: auto; contain-intrinsic-size: auto 3000px; }
          figure.map svg.ck-live { touch-action: none; cursor: grab; max-height: calc(100vh - 160px); }
          figure.map svg.ck-live:focus { outline: 2px solid #1f78d1; outline-offset: 2px; }
          svg.ck-live #ck-view path, svg.ck-live #ck-view use, svg.ck-live #ck-view circle { vector-effect: non-scaling-stroke; }
        }
        @media print {
          .ck-screen, .ck-ui, .ck-info { display: none !important; }
          [data-layer], .ck-labels, .ck-ticks { display: inline !important; }
          body { font-size: 10pt; }
          h1 { font-size: 16pt; }
          .figures li { min-width: 0; padding: 1px 6px; }
          .figures b { font-size: 12pt; }
          .figures small { font-size: 7.5pt; }
          .page { padding: 0; }
          .map-page { display: flex; flex-direction: column; height: 191mm; overflow: hidden; }
          figure.map { flex: 1 1 auto; min-height: 0; }
          figure.map svg { width: 100%; height: 100%; max-height: none; }
          table { font-size: 9pt; }
        }
        """
}
