/// The site's one stylesheet, served from `/static/minsheng.css`. No external fonts or CDNs: pages must work on an
/// offline government intranet, so fonts fall back to those installed on the reader's machine.
enum Stylesheet {
    /// The whole stylesheet: the base rules, then the design system's components (docs/design.md).
    static let css = base + components + battleMap

    static let base = """
        :root { --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --accent: #b3261e; --paper: #ffffff; --band: #f6f8fa; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); background: var(--paper);
          font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif;
          line-height: 1.7; }
        a { color: #0b4f9c; }
        a:focus, button:focus { outline: 3px solid #f0b400; outline-offset: 2px; }
        .site-header { display: flex; justify-content: space-between; align-items: center; padding: 0.75rem 1.5rem;
          background: var(--accent); color: #fff; }
        .site-header a { color: #fff; text-decoration: none; }
        .brand { font-weight: 700; font-size: 1.2rem; }
        main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
        h1 { font-size: 1.6rem; margin: 1rem 0 0.25rem; }
        h2 { font-size: 1.25rem; border-bottom: 2px solid var(--line); padding-bottom: 0.25rem; margin-top: 2rem; }
        .plan-meta { color: var(--muted); margin: 0.1rem 0; }
        ol.items { list-style: none; padding: 0; }
        .item { border-bottom: 1px solid var(--line); padding: 0.6rem 0; }
        .item-text { margin: 0 0 0.3rem; }
        .item-number { font-weight: 700; }
        .units { margin: 0; color: var(--muted); font-size: 0.95rem; }
        .units-label { font-weight: 600; color: var(--ink); }
        .site-footer { border-top: 1px solid var(--line); color: var(--muted); text-align: center; padding: 1rem; font-size: 0.9rem; }
        .empty, .error { padding: 2rem 0; }
        .skip-link { position: absolute; left: -999px; }
        .skip-link:focus { left: 1rem; top: 0.5rem; background: #fff; color: var(--ink); padding: 0.25rem 0.5rem; z-index: 10; }
        ul.nav { display: flex; flex-wrap: wrap; gap: 0.2rem 1rem; list-style: none; margin: 0; padding: 0; align-items: center; justify-content: \
        flex-end; }
        ul.nav li { white-space: nowrap; }
        .brand { white-space: nowrap; margin-right: 1rem; }
        form.inline { display: inline; }
        button.link { background: none; border: none; color: inherit; text-decoration: underline; cursor: pointer; font: inherit; padding: 0; \
        margin: 0; }
        .narrow { max-width: 28rem; }
        label { display: block; margin-top: 0.75rem; font-weight: 600; }
        input[type=text], input[type=password], input[type=number], input[type=date], input[type=file], textarea, select {
          font: inherit; padding: 0.3rem 0.4rem; border: 1px solid #8c959f; border-radius: 4px; max-width: 100%; }
        .narrow input, .narrow textarea, .plan-fields input, .plan-fields textarea, .review-form > input, .review-form > textarea { width: 100%; }
        button { font: inherit; margin-top: 1rem; padding: 0.4rem 1rem; border: 1px solid #57606a; border-radius: 4px; background: #f6f8fa; cursor: \
        pointer; }
        button.primary { background: var(--accent); color: #fff; border-color: var(--accent); }
        .alert { border-left: 4px solid var(--accent); background: #fff0ee; padding: 0.5rem 0.75rem; }
        .notice { border-left: 4px solid #0b4f9c; background: #eef5ff; padding: 0.5rem 0.75rem; }
        .warnings li, .diff li { color: var(--muted); }
        .review-item { border-top: 2px solid var(--line); margin-top: 1.5rem; }
        .review-columns { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: 1.5rem; }
        @media (max-width: 50rem) { .review-columns { grid-template-columns: 1fr; } }
        .review-source p { background: var(--band); padding: 0.5rem; }
        mark.target { background: #ffe066; color: #000; text-decoration: underline solid; }
        mark.ignored { background: #e1e4e8; color: #24292f; text-decoration: underline dotted; }
        table.indicators { border-collapse: collapse; width: 100%; margin-top: 0.75rem; font-size: 0.9rem; }
        table.indicators th, table.indicators td { border: 1px solid var(--line); padding: 0.2rem; text-align: left; vertical-align: top; }
        table.indicators input[type=text] { width: 100%; min-width: 4rem; }
        tr.child td:first-child, tr.allocation td:first-child { padding-left: 1.5rem; }
        main { max-width: 75rem; }
        table.list, table.values { border-collapse: collapse; width: 100%; margin: 0.75rem 0; font-size: 0.95rem; }
        table.list th, table.list td, table.values th, table.values td { border-bottom: 1px solid var(--line); padding: 0.35rem 0.4rem; text-align: \
        left; vertical-align: top; }
        table.list th, table.values th { background: var(--band); }
        table.values input[type=text] { width: 10rem; }
        .badge { display: inline-block; margin-left: 0.4rem; padding: 0 0.4rem; border-radius: 3px; font-size: 0.8rem; border: 1px solid \
        currentColor; }
        .badge.overdue { color: #b3261e; font-weight: 700; }
        .badge.late { color: #8a5a00; }
        .state-submitted { color: #0b4f9c; }
        .state-returned { color: #b3261e; font-weight: 600; }
        .state-accepted { color: #1a7f37; }
        .state-none, .state-draft { color: var(--muted); }
        .period-form { display: flex; gap: 0.5rem; align-items: flex-end; flex-wrap: wrap; margin: 0.5rem 0; }
        .period-form label { margin: 0; }
        .period-form button { margin: 0; }
        .actions { display: flex; gap: 0.75rem; }
        .report-form textarea, .review textarea, .correct textarea { width: 100%; }
        .history .version h3 { font-size: 1rem; margin-bottom: 0.2rem; }
        .hint { color: var(--muted); font-size: 0.9rem; }
        label.check { display: inline-block; font-weight: normal; margin: 0.2rem 1rem 0.2rem 0; }
        fieldset { border: 1px solid var(--line); margin-top: 0.75rem; }
        ul.inbox li.unread { font-weight: 700; }
        table.audit code { font-size: 0.8rem; word-break: break-all; }
        .light { white-space: nowrap; }
        .light .dot { display: inline-block; width: 0.8rem; height: 0.8rem; border-radius: 50%; margin-right: 0.3rem; vertical-align: -0.1rem; \
        border: 1px solid #24292f; }
        .light-completed .dot { background: #1a7f37; }
        .light-ahead .dot { background: #2da44e; }
        .light-on-schedule .dot { background: #0b4f9c; }
        .light-behind .dot { background: #bf8700; }
        .light-seriously-behind .dot { background: #b3261e; }
        .light-not-reported .dot { background: #8c959f; }
        .light-pending .dot { background: #8250df; }
        .legend .light { margin-right: 1rem; }
        .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 1rem; margin: 1rem 0; }
        .chart-box { border: 1px solid var(--line); padding: 0.5rem; background: #fff; max-width: 40rem; }
        svg.chart text { font-family: inherit; }
        svg.bar { vertical-align: middle; }
        table.assessment td:nth-child(3) { white-space: nowrap; }
        .summary { font-size: 1.05rem; margin: 0.75rem 0; }
        table.battle-map { border-collapse: collapse; font-size: 0.8rem; width: 100%; }
        table.battle-map th, table.battle-map td { border: 1px solid #8c959f; padding: 0.2rem; vertical-align: top; }
        table.battle-map th[scope=row] { text-align: left; font-weight: normal; min-width: 14rem; }
        table.battle-map td .figures { display: block; }
        table.battle-map td .mark { font-weight: 700; }
        table.battle-map td .node { display: block; color: #0b4f9c; }
        .cell-completed { background: #dafbe1; }
        .cell-ahead { background: #e6f7ea; }
        .cell-on-schedule { background: #ddf4ff; }
        .cell-behind { background: #fff8c5; }
        .cell-seriously-behind { background: #ffebe9; }
        .cell-not-reported { background: #eaeef2; }
        .cell-pending { background: #fbefff; }
        .report-entry { border-top: 1px solid var(--line); }
        article.official { font-family: "仿宋_GB2312", "FangSong", "Noto Serif CJK SC", serif; font-size: 1.1rem; max-width: 46rem; }
        article.official p { text-indent: 2em; }
        article.official p.signature { text-align: right; text-indent: 0; padding-right: 4em; }
        .document-editor textarea, .document-editor input[type=text] { width: 100%; }
        .table-scroll { overflow-x: auto; }
        nav.tabs ul { display: flex; flex-wrap: wrap; gap: 0.25rem; list-style: none; padding: 0; margin: 0.5rem 0 1rem; border-bottom: 2px solid \
        var(--line); }
        nav.tabs a { display: inline-block; padding: 0.3rem 0.8rem; text-decoration: none; border: 1px solid var(--line); border-bottom: none; \
        border-radius: 4px 4px 0 0; }
        nav.tabs a[aria-current=page] { background: var(--accent); color: #fff; border-color: var(--accent); }
        .grade { display: inline-block; padding: 0 0.45rem; border-radius: 3px; font-weight: 600; border: 1px solid currentColor; }
        .grade-blue { color: #0b4f9c; background: #ddf4ff; }
        .grade-yellow { color: #7d4e00; background: #fff8c5; }
        .grade-red { color: #b3261e; background: #ffebe9; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 1rem; }
        dl.facts dt { font-weight: 600; }
        dl.facts dd { margin: 0; }
        form.proposal { border-top: 1px solid var(--line); padding: 0.5rem 0; }
        form.proposal h3 { font-size: 1rem; margin: 0.3rem 0; }
        input.wide { width: 100%; }
        tr.discrepancy td { background: #ffebe9; }
        .badge.discrepancy { color: #b3261e; font-weight: 700; }
        table caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
        code.hash { font-size: 0.8rem; word-break: break-all; }
        .breadcrumb { margin: 0.5rem 0 0; font-size: 0.9rem; }
        .search-form { display: flex; gap: 0.5rem; align-items: flex-end; flex-wrap: wrap; margin: 1rem 0; }
        .search-form label, .search-form button { margin: 0; }
        .search-form input { min-width: 14rem; }
        ul.category-links { display: flex; flex-wrap: wrap; gap: 0.3rem 1.5rem; padding-left: 1.2rem; }
        dl.item-units { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
        dl.item-units dt { font-weight: 600; }
        dl.item-units dd { margin: 0; }
        .photos { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 1rem; }
        .photos figure { margin: 0; border: 1px solid var(--line); padding: 0.4rem; }
        .photos img { width: 100%; height: auto; display: block; }
        .photos figcaption { font-size: 0.9rem; color: var(--muted); }
        .rating-form fieldset { padding: 0.5rem 0.75rem; }
        .message-form textarea, .verify-form textarea, textarea.wide { width: 100%; }
        article.answer { border-left: 3px solid var(--line); padding-left: 0.75rem; margin: 0.75rem 0; }
        article.answer h3 { font-size: 1rem; margin: 0; }
        article.answer .reply { background: var(--band); padding: 0.4rem 0.6rem; }
        .search-results li[hidden] { display: none; }
        @media (max-width: 40rem) {
          .site-header { flex-direction: column; align-items: flex-start; padding: 0.5rem 1rem; }
          ul.nav { flex-wrap: wrap; gap: 0.3rem 0.9rem; }
          main { padding: 0.5rem 1rem 2rem; }
          h1 { font-size: 1.3rem; }
          table.public-items td:nth-child(3), table.public-items th:nth-child(3) { display: none; }
        }
        @media print {
          @page { size: A3 landscape; margin: 10mm; }
          .no-print, .period-form, form.item-settings { display: none; }
          main { max-width: none; }
          .cell-completed, .cell-ahead, .cell-on-schedule, .cell-behind, .cell-seriously-behind, .cell-not-reported, .cell-pending { \
          -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        @media print { .site-header nav, .plan-list { display: none; } .site-header { background: none; color: #000; }
          .site-header a { color: #000; } }
        """
}
