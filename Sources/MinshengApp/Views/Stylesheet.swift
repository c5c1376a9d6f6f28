/// The site's one stylesheet, served from `/static/minsheng.css`. No external fonts or CDNs: pages must work on an
/// offline government intranet, so fonts fall back to those installed on the reader's machine.
enum Stylesheet {
    static let css = """
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
    @media print { .site-header nav, .plan-list { display: none; } .site-header { background: none; color: #000; }
      .site-header a { color: #000; } }
    """
}
