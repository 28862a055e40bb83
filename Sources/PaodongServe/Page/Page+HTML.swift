/// The live view's page: one HTML file, its style and its script, all served by paodong (no file
/// from the internet; charts are SVG drawn by the script). `/`, `/app.css`, `/app.js`.
enum Page {
    static let html = #"""
<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>paodong · 城市数字大脑</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/app.css">
</head>
<body>
<header>
  <h1>paodong <span class="zh">政务服务 · 城市数字大脑</span></h1>
  <div id="status">connecting…</div>
  <div id="day-counter" class="counter"></div>
</header>
<nav id="runs" hidden></nav>
<main>
  <section id="kpis" class="panel wide"></section>
  <section class="panel">
    <h2>Districts <span class="zh">各区</span>
      <select id="map-metric" aria-label="colour by"></select>
      <select id="map-scenario" aria-label="scenario" hidden></select></h2>
    <svg id="map" viewBox="0 0 600 300" role="img" aria-label="district tile map"></svg>
    <div id="map-legend" class="legend"></div>
    <div class="hscroll"><table id="district-table" class="compact"></table></div>
  </section>
  <section class="panel">
    <h2>Day by day <span class="zh">每日</span></h2>
    <div id="lines"></div>
  </section>
  <section class="panel">
    <h2>Channel mix <span class="zh">渠道</span></h2>
    <svg id="channels" viewBox="0 0 600 180" role="img" aria-label="channel mix over time"></svg>
    <div id="channels-legend" class="legend"></div>
  </section>
  <section class="panel">
    <h2>12345 hotline by hour <span class="zh">热线</span></h2>
    <div id="hotline"></div>
  </section>
  <section class="panel wide">
    <h2>Halls <span class="zh">大厅</span> <small id="halls-note"></small></h2>
    <div class="scroll"><table id="halls"></table></div>
  </section>
  <section class="panel wide">
    <h2>Final figures <span class="zh">结果</span> <small id="final-note"></small></h2>
    <div class="scroll"><table id="final"></table></div>
    <div id="tables"></div>
  </section>
</main>
<script src="/app.js"></script>
</body>
</html>
"""#

    static let style = #"""
:root { --bg:#0b1622; --panel:#13243a; --ink:#e6eef7; --dim:#8aa1b8; --accent:#3fb6ff; --line:#27405e; }
* { box-sizing: border-box; }
body { margin:0; background:var(--bg); color:var(--ink); font:14px/1.4 "Noto Sans CJK SC","Noto Sans",system-ui,sans-serif; }
header { display:flex; align-items:baseline; gap:24px; padding:12px 20px; border-bottom:1px solid var(--line); flex-wrap:wrap; }
h1 { margin:0; font-size:20px; } h2 { margin:0 0 8px; font-size:15px; display:flex; gap:8px; align-items:center; flex-wrap:wrap; }
.zh { color:var(--dim); font-weight:normal; } small { color:var(--dim); font-weight:normal; }
#status { color:var(--dim); } .counter { margin-left:auto; font-size:18px; color:var(--accent); font-variant-numeric:tabular-nums; }
nav { padding:8px 20px; display:flex; gap:8px; flex-wrap:wrap; border-bottom:1px solid var(--line); }
nav button { background:var(--panel); color:var(--ink); border:1px solid var(--line); border-radius:4px; padding:4px 10px; cursor:pointer; }
nav button.on { border-color:var(--accent); color:var(--accent); }
main { display:grid; grid-template-columns:repeat(auto-fit,minmax(520px,1fr)); gap:14px; padding:14px 20px; }
.panel { background:var(--panel); border:1px solid var(--line); border-radius:6px; padding:12px; min-width:0; }
.wide { grid-column:1 / -1; }
#kpis { display:flex; gap:12px; flex-wrap:wrap; }
.kpi { flex:1 1 150px; border-left:3px solid var(--accent); padding:4px 10px; }
.kpi .v { font-size:22px; font-variant-numeric:tabular-nums; } .kpi .l { color:var(--dim); font-size:12px; }
.kpi .d { font-size:12px; color:#7fe0a0; } .kpi .d.worse { color:#ff9f7f; }
svg text { fill:var(--ink); font-size:11px; } svg .dim { fill:var(--dim); } svg .axis { stroke:var(--line); }
select { background:var(--bg); color:var(--ink); border:1px solid var(--line); border-radius:4px; }
.legend { display:flex; gap:12px; flex-wrap:wrap; color:var(--dim); font-size:12px; margin-top:4px; }
.legend i { display:inline-block; width:10px; height:10px; margin-right:4px; vertical-align:middle; }
.scroll { max-height:360px; overflow:auto; }
table { border-collapse:collapse; width:100%; font-variant-numeric:tabular-nums; }
th, td { padding:3px 8px; border-bottom:1px solid var(--line); text-align:right; white-space:nowrap; }
th:first-child, td:first-child { text-align:left; } th { color:var(--dim); position:sticky; top:0; background:var(--panel); cursor:pointer; }
th.sorted::after { content:" ▾"; } th.sorted.up::after { content:" ▴"; }
.hscroll { overflow-x:auto; }
table.compact { margin-top:8px; font-size:12px; } table.compact th { cursor:default; white-space:normal; vertical-align:bottom; }
.chart { margin-bottom:6px; } .chart .t { color:var(--dim); font-size:12px; }
"""#
}
