extension Stylesheet {
    /// The design system's components (docs/design.md): type scale, the grouped menu, flash messages, tiles with
    /// counts, status chips with text and a pattern, button hierarchy, dense tables with sticky headers, filters,
    /// pagers and focus styles. Colours meet WCAG 2.1 AA contrast on their backgrounds.
    static let components = """
        :root { --space-1: 0.25rem; --space-2: 0.5rem; --space-3: 0.75rem; --space-4: 1rem; --space-6: 1.5rem; --ok: #1a7f37; --warn: #7d4e00;
          --bad: #a40e26; --info: #0b4f9c; }
        a:focus-visible, button:focus-visible, summary:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible {
          outline: 3px solid #f0b400; outline-offset: 2px; }
        li.menu-group { position: relative; }
        li.menu-group details summary { cursor: pointer; list-style: none; padding: 0.2rem 0.1rem; }
        li.menu-group details summary::-webkit-details-marker { display: none; }
        li.menu-group details summary::after { content: " ▾"; font-size: 0.8em; }
        li.menu-group details[open] ul { position: absolute; right: 0; z-index: 20; background: #fff; color: var(--ink); list-style: none;
          margin: 0.3rem 0 0; padding: 0.3rem 0; min-width: 11rem; border: 1px solid var(--line); border-radius: 4px;
          box-shadow: 0 4px 12px rgba(0,0,0,0.15); }
        li.menu-group details[open] ul a { color: var(--info); display: block; padding: 0.35rem 0.9rem; min-height: 44px; line-height: 2; }
        li.menu-group details[open] ul a:hover { background: var(--band); }
        .flash { border-left: 4px solid var(--ok); background: #e9f7ee; padding: var(--space-2) var(--space-3); font-weight: 600; }
        .periods { color: var(--muted); }
        .tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(10.5rem, 1fr)); gap: var(--space-3); margin: var(--space-3) 0; }
        a.tile { display: flex; flex-direction: column; border: 1px solid var(--line); border-radius: 6px; padding: var(--space-3);
          text-decoration: none; color: var(--ink); background: #fff; min-height: 5.5rem; }
        a.tile:hover { border-color: var(--info); }
        a.tile .tile-count { font-size: 2rem; font-weight: 700; line-height: 1.1; color: var(--info); font-variant-numeric: tabular-nums; }
        a.tile .tile-label { font-weight: 600; }
        a.tile .tile-detail { color: var(--muted); font-size: 0.9rem; }
        a.tile.tile-alert { border-left: 6px solid var(--bad); }
        a.tile.tile-alert .tile-count { color: var(--bad); }
        ul.by-month, ul.behind { padding-left: 1.2rem; }
        .chip { display: inline-block; padding: 0 0.5rem; border-radius: 999px; font-size: 0.85rem; font-weight: 600; white-space: nowrap;
          border: 1px solid currentColor; line-height: 1.6; }
        .chip-submitted { color: var(--info); background: #eef5ff; }
        .chip-returned { color: var(--bad); background: #fff0ee; border-style: dashed; }
        .chip-accepted, .chip-completed, .chip-closed { color: var(--ok); background: #e9f7ee; }
        .chip-draft, .chip-open, .chip-notReported { color: #424a53; background: #f6f8fa; border-style: dotted; }
        .chip-ahead, .chip-onSchedule { color: var(--info); background: #eef5ff; }
        .chip-behind { color: var(--warn); background: repeating-linear-gradient(45deg, #fff8c5, #fff8c5 4px, #fff3a8 4px, #fff3a8 8px); }
        .chip-seriouslyBehind { color: var(--bad);
          background: repeating-linear-gradient(45deg, #ffebe9, #ffebe9 3px, #ffd6d2 3px, #ffd6d2 6px); border-width: 2px; }
        .chip-pending { color: #6639ba; background: #fbefff; }
        a.button, button.secondary, button.primary, a.button.primary { display: inline-block; min-height: 44px; padding: 0.45rem 1rem;
          border-radius: 4px; font-weight: 600; text-decoration: none; line-height: 1.6; }
        a.button { border: 1px solid #57606a; color: var(--ink); background: #f6f8fa; white-space: nowrap; }
        a.button.primary, button.primary { background: var(--accent); color: #fff; border: 1px solid var(--accent); }
        a.button.small { min-height: 0; padding: 0.1rem 0.6rem; font-weight: 600; }
        button.secondary { background: #fff; border: 1px solid #57606a; color: var(--ink); }
        .table-wrap { overflow-x: auto; max-width: 100%; }
        table.dense { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
        table.dense th, table.dense td { border-bottom: 1px solid var(--line); padding: 0.3rem 0.45rem; text-align: left; vertical-align: top; }
        table.dense th { background: var(--band); white-space: nowrap; word-break: keep-all; }
        table.sticky thead th { position: sticky; top: 0; z-index: 2; }
        td.nowrap, th.nowrap, .nowrap { white-space: nowrap; }
        th { word-break: keep-all; }
        td.number, th.number { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        nav.tabs { display: flex; flex-wrap: wrap; gap: var(--space-1); margin: var(--space-2) 0 var(--space-3);
          border-bottom: 2px solid var(--line); }
        nav.tabs a.tab { padding: 0.35rem 0.8rem; text-decoration: none; border: 1px solid var(--line); border-bottom: none;
          border-radius: 4px 4px 0 0; min-height: 44px; display: inline-flex; align-items: center; gap: 0.4rem; }
        nav.tabs a.tab.current { background: var(--accent); color: #fff; border-color: var(--accent); }
        nav.tabs .count { font-variant-numeric: tabular-nums; font-weight: 700; }
        form.filters { display: flex; flex-wrap: wrap; gap: var(--space-2) var(--space-3); align-items: flex-end; margin: var(--space-2) 0; }
        form.filters .field label { margin: 0; font-size: 0.9rem; }
        form.filters select { max-width: 16rem; min-height: 2.4rem; }
        form.filters button { margin: 0; }
        nav.pager { display: flex; gap: var(--space-4); align-items: center; margin: var(--space-3) 0; }
        nav.pager a { min-height: 44px; display: inline-flex; align-items: center; }
        nav.queue-links { display: flex; gap: var(--space-4); align-items: center; flex-wrap: wrap; margin: var(--space-2) 0; }
        .returned-list ul { padding-left: 1.2rem; }
        .returned-list h2 { margin-top: 0.3rem; border: none; }
        table.dense input[type=checkbox], table input[type=checkbox] { width: 1.2rem; height: 1.2rem; }
        .inline-form { display: flex; flex-wrap: wrap; gap: var(--space-2); align-items: flex-end; }
        .inline-form label, .inline-form button { margin: 0; }
        .lead { font-size: 1.1rem; font-weight: 600; }
        tr.changed td { background: #fff8c5; }
        details.review-item { border-top: 1px solid var(--line); padding: 0.4rem 0; }
        details.review-item > summary { cursor: pointer; padding: 0.3rem 0; min-height: 44px; }
        details.review-item.has-problems { border-left: 4px solid var(--bad); padding-left: 0.6rem; }
        .review-page .review-form input[type=text], .review-page .review-form textarea { width: 100%; }
        .review-page table.indicators td:first-child { min-width: 16rem; }
        .review-page table.indicators td:first-child input { min-width: 16rem; }
        .save-bar { position: sticky; bottom: 0; background: #fff; border-top: 2px solid var(--line); padding: 0.5rem 0; z-index: 5; }
        .was { display: block; color: var(--muted); font-size: 0.85rem; font-weight: normal; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        @media (max-width: 40rem) {
          li.menu-group details[open] ul { position: static; box-shadow: none; }
          .table-wrap table.dense { min-width: 40rem; }
          .tiles { grid-template-columns: repeat(2, minmax(0, 1fr)); }
          table.values, table.values tbody, table.values tr, table.values td { display: block; width: 100%; }
          table.values thead { display: none; }
          table.values tr { border-bottom: 1px solid var(--line); padding: var(--space-2) 0; }
          table.values td { border: none; padding: 0.15rem 0; }
          table.values td[data-label]::before { content: attr(data-label); display: block; font-size: 0.85rem; color: var(--muted); }
          table.values input[type=text], table.values input[type=date] { width: 100%; min-height: 44px; }
          .actions { flex-direction: column; }
          .actions button { width: 100%; min-height: 48px; }
        }
        """
}

extension Stylesheet {
    /// The battle map: its legend, sheets for A3 landscape (30 items each) and A0, and the command room's big screen.
    static let battleMap = """
        .battle-legend ul { display: flex; flex-wrap: wrap; gap: 0.3rem 1.5rem; list-style: none; padding: 0; font-size: 0.9rem; }
        .battle-legend li { display: flex; align-items: center; gap: 0.4rem; }
        .battle-sheet { margin: 1rem 0 2rem; }
        .battle-sheet svg.chart { width: 100%; height: auto; border: 1px solid var(--line); background: #fff; }
        .sheet-label { color: var(--muted); font-size: 0.9rem; margin: 0; }
        body.big-screen { background: #0d1117; color: #e6edf3; font-size: 1.4rem; margin: 0; padding: 1rem 2rem; min-height: 100vh; }
        body.big-screen header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 1rem 2rem; }
        body.big-screen h1 { font-size: 2.2rem; margin: 0; }
        body.big-screen main { max-width: none; margin: 0; padding: 0; }
        body.big-screen h2 { color: #e6edf3; border-color: #30363d; font-size: 1.7rem; }
        body.big-screen ul.screen-counts { display: flex; gap: 1rem; list-style: none; padding: 0; margin: 0; }
        body.big-screen ul.screen-counts li { border-radius: 8px; padding: 0.2rem 0.9rem; font-weight: 700; border: 2px solid currentColor; }
        body.big-screen .screen-count { font-size: 2rem; margin-right: 0.4rem; }
        body.big-screen svg.chart { width: 100%; height: auto; background: #f6f8fa; border-radius: 6px; }
        body.big-screen .screen-hint { color: #8b949e; font-size: 1rem; }
        @media (max-width: 40rem) {
          .battle-sheet { overflow-x: auto; }
          .battle-sheet svg.chart { min-width: 1100px; }
        }
        @page poster { size: 1189mm 841mm; margin: 15mm; }
        @media print {
          .battle-sheet.poster { page: poster; }
          .battle-sheet { break-after: page; page-break-after: always; margin: 0; }
          .battle-sheet svg.chart { border: none; }
          .battle-sheet.poster { break-after: auto; }
          .battle-choices { display: none; }
        }
        """
}
