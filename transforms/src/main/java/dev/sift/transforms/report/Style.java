package dev.sift.transforms.report;

/**
 * The page's style sheet: system fonts, one accent colour for plain bars, and green, amber and red
 * for pass, warn and fail (always next to the word). Kept apart so that the renderers stay
 * readable.
 */
final class Style {
  private Style() {}

  static final String CSS =
      """
      :root{--ink:#1f2430;--muted:#5f6b7a;--line:#e3e6eb;--bg:#f5f6f8;--accent:#3867b0;\
      --pass:#1f7a3a;--pass-bg:#e4f3e8;--pass-bar:#2f8f4e;--warn:#8a5a00;--warn-bg:#fcf1d6;\
      --warn-bar:#d49a1c;--fail:#b3261e;--fail-bg:#fbe5e3;--fail-bar:#c8433a}
      *{box-sizing:border-box}
      body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;\
      color:var(--ink);background:var(--bg)}
      main{max-width:1120px;margin:0 auto;padding:28px 24px 40px}
      header{margin:0 0 18px}header p{margin:2px 0 0;color:var(--muted)}
      h1{font-size:28px;margin:0;letter-spacing:-.01em}h2{font-size:21px;margin:0 0 14px}
      h3{font-size:16px;margin:22px 0 8px}h4{font-size:14px;margin:12px 0 6px}
      section,nav{background:#fff;border:1px solid var(--line);border-radius:10px;\
      padding:20px 24px;margin:0 0 22px}
      section.task{content-visibility:auto;contain-intrinsic-size:auto 3000px}
      a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
      .muted,.none,.facts{color:var(--muted)}.none{margin:4px 0}.facts{margin:0 0 8px;font-size:14px}
      .cards{display:flex;gap:12px;flex-wrap:wrap;margin:0 0 12px}
      .card{border:1px solid var(--line);border-radius:8px;padding:8px 16px;min-width:120px}
      .card .n{display:block;font-size:22px;font-weight:600;font-variant-numeric:tabular-nums}
      .card .l{color:var(--muted);font-size:13px}
      .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:14px 28px}
      figure{margin:8px 0}figcaption{font-weight:600;font-size:14px;margin-bottom:4px}
      svg{max-width:100%;height:auto}svg text{font-size:12px;fill:var(--ink)}svg text.label{text-anchor:end}
      svg text.tick{font-size:11px;fill:var(--muted);text-anchor:middle}
      svg text.n{font-size:11px;text-anchor:middle}
      svg rect{fill:var(--accent)}svg .axis{stroke:var(--line)}
      svg g.pass rect,svg rect.pass{fill:var(--pass-bar)}svg g.warn rect,svg rect.warn{fill:var(--warn-bar)}
      svg g.fail rect,svg rect.fail{fill:var(--fail-bar)}svg g.none rect{fill:#aab2bf}
      svg rect.track{fill:var(--line)}
      svg rect.zone.pass{fill:var(--pass-bg)}svg rect.zone.warn{fill:var(--warn-bg)}\
      svg rect.zone.fail{fill:var(--fail-bg)}
      svg .threshold{stroke:#8a94a3;stroke-dasharray:3 3}
      svg g.pass text.verdict{fill:var(--pass)}svg g.warn text.verdict{fill:var(--warn)}\
      svg g.fail text.verdict{fill:var(--fail)}svg text.verdict{font-weight:600}
      .stack svg{border-radius:4px}.stack rect.emitted{fill:var(--pass-bar)}\
      .stack rect.filtered{fill:#9aa8bd}.stack rect.deadLettered{fill:var(--fail-bar)}
      .legend{display:flex;gap:18px;font-weight:400;font-size:13px;color:var(--muted);margin-top:6px}
      .legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px}
      .legend i.emitted{background:var(--pass-bar)}.legend i.filtered{background:#9aa8bd}\
      .legend i.deadLettered{background:var(--fail-bar)}
      .status{display:inline-block;font-size:12px;font-weight:600;border-radius:10px;\
      padding:1px 8px;white-space:nowrap;background:#eef0f3;color:var(--muted)}
      p.status{font-size:14px;border-radius:6px;padding:6px 10px;white-space:normal}
      .status.pass{background:var(--pass-bg);color:var(--pass)}\
      .status.warn{background:var(--warn-bg);color:var(--warn)}\
      .status.fail{background:var(--fail-bg);color:var(--fail)}
      .badge{font-size:13px;font-weight:500;border-radius:10px;padding:2px 10px;background:#eef0f3;\
      vertical-align:middle;white-space:nowrap}
      .badge.fine-tune{background:#dcefe2}.badge.few-shot{background:#dfe8f8}\
      .badge.both{background:#ebe2f7}
      .decision{border-left:4px solid var(--accent);background:#f8f9fb;border-radius:0 8px 8px 0;\
      padding:10px 16px;margin:0 0 8px}
      .why{font-size:16px;margin:0 0 8px}
      .meter{display:flex;align-items:center;gap:12px;font-size:13px;color:var(--muted)}
      .meter svg{width:220px;height:10px}
      .panel h4{margin-top:14px}
      table{border-collapse:collapse;margin:4px 0;font-size:14px}
      th,td{text-align:left;vertical-align:top;padding:4px 12px 4px 0;border-bottom:1px solid #eef0f3}
      th{font-weight:500;color:var(--muted)}td.num,th.num{text-align:right;\
      font-variant-numeric:tabular-nums}
      table.list{width:100%}table.list th{white-space:nowrap}table.index td.c,table.index th.c{text-align:center;font-size:12px}
      table.kv th{padding-right:16px}
      .quote{font-size:13px}.id,code{font-size:12px;color:var(--muted)}
      .metrics{display:grid;grid-template-columns:repeat(auto-fit,minmax(180px,1fr));gap:10px;\
      margin:6px 0 4px}
      .metric-card{border:1px solid var(--line);border-radius:8px;padding:6px 12px;font-size:13px}
      .metric-card h4{margin:4px 0 6px;display:flex;justify-content:space-between;gap:6px}
      .metric-card table{font-size:12px;width:100%}.metric-card td{text-align:right}
      .balance{margin:0 0 8px}
      details{margin:6px 0;border:1px solid var(--line);border-radius:8px;padding:6px 12px}
      details>summary{cursor:pointer;font-size:14px}details[open]>summary{margin-bottom:8px}
      .transcript,.pair{display:grid;gap:6px}.pair{grid-template-columns:1fr 1fr}
      .turn{border-left:3px solid #aab2bf;background:#f7f8fa;border-radius:0 6px 6px 0;\
      padding:6px 10px}
      .turn.user{border-color:var(--accent);background:#f2f5fb}\
      .turn.assistant{border-color:var(--pass-bar);background:#f3f8f4}
      .role{display:block;font-size:11px;text-transform:uppercase;letter-spacing:.05em;\
      color:var(--muted)}
      .content{white-space:pre-wrap;overflow-wrap:anywhere;font-size:14px}
      .advice li{margin:4px 0}
      footer{color:var(--muted);font-size:13px;margin-top:8px}
      """;
}
