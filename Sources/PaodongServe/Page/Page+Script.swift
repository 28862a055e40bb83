extension Page {
    /// The page's script: reads `/api/info`, then either follows `/events` (a live run) or lists
    /// `/api/runs` (finished runs); keeps one model for both and redraws it on a timer.
    static let script = #"""
"use strict";
const S = { info: null, metrics: {}, live: false, days: 0, replications: 1, scenarios: [], districts: [], current: 0,
            ended: null, dirty: true, tables: {}, note: "", problem: "", sort: { key: "wait_mean_min", up: false }, sel: null };
const COLORS = ["#3fb6ff", "#ffb347", "#7fe0a0", "#ff6f91", "#c39bff", "#ffe066"];
const MAP_METRICS = ["trips_per_need", "wait_mean_min", "share_zero_trip"];
// A schematic of Shenzhen: column and row of each district's tile, west to east, north to south.
const TILES = { "Guangming": [1, 0], "Longhua": [2, 0], "Longgang": [3, 0], "Pingshan": [4, 0],
  "Bao'an": [0, 1], "Nanshan": [1, 1], "Futian": [2, 1], "Luohu": [3, 1], "Yantian": [4, 1], "Dapeng": [5, 1] };
const $ = id => document.getElementById(id);
const NS = "http://www.w3.org/2000/svg";
function el(tag, attrs, parent, text) {
  const e = tag.startsWith("svg:") ? document.createElementNS(NS, tag.slice(4)) : document.createElement(tag);
  for (const k in attrs || {}) e.setAttribute(k, attrs[k]);
  if (text !== undefined) e.textContent = text;
  if (parent) parent.appendChild(e);
  return e;
}
function fmt(v, digits) {
  if (v === null || v === undefined || v === "" || !isFinite(v)) return "–";
  return Number(v).toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
function metric(name) { return S.metrics[name] || { name: name, label: name, digits: 2, unit: "" }; }
function num(x) { const v = parseFloat(x); return isFinite(v) ? v : NaN; }
function newScenario(name) {
  return { name: name, replication: 1, day: 0, series: [], cum: [], total: null, districts: [], halls: [], hotline: [],
           summary: null, final: false, live: true };
}
function col(table, name) { return table ? table.header.indexOf(name) : -1; }
function rowsOf(table) {
  if (!table) return [];
  return table.rows.map(r => { const o = {}; table.header.forEach((h, i) => o[h] = r[i]); return o; });
}

// ---- a finished run's tables into the model -------------------------------------------------
function applyView(sc, view) {
  sc.live = false; sc.final = true;
  sc.summary = view.summary;
  sc.files = view.files || [];
  const daily = rowsOf(view.daily);
  sc.series = daily.map(r => ({ day: +r.day, date: r.date, trips: num(r.trips), wait: num(r.wait_mean_min), hours: num(r.citizen_hours),
    working: r.working_day === "1", channels: (S.info.channels || []).map(c => num(r["completed_" + c])) }));
  sc.day = daily.length;
  sc.districts = rowsOf(view.districts).map(r => ({ name: r.district, nameZh: r.name_zh, trips_per_need: num(r.trips_per_need),
    wait_mean_min: num(r.wait_mean_min), share_zero_trip: num(r.share_zero_trip), needs: num(r.needs), trips: num(r.trips) }));
  sc.halls = rowsOf(view.halls);
  const lines = {};
  for (const h of view.hotline || []) (lines[h.line] = lines[h.line] || []).push(h);
  sc.hotline = Object.keys(lines).map(l => ({ line: l, attempts: lines[l].map(h => h.attempts), within: lines[l].map(h => h.within) }));
}
function summaryValue(sc, name) {
  const t = sc.summary, i = col(t, name);
  if (!t || i < 0 || t.rows.length === 0) return { text: "", value: NaN };
  if (t.rows.length === 1) return { text: t.rows[0][i], value: num(t.rows[0][i]) };
  const vals = t.rows.map(r => num(r[i])).filter(v => isFinite(v));
  const mean = vals.length ? vals.reduce((a, b) => a + b, 0) / vals.length : NaN;
  return { text: fmt(mean, metric(name).digits).replace(/,/g, ""), value: mean };
}

// ---- live events ------------------------------------------------------------------------------
function followEvents() {
  const es = new EventSource("/events");
  es.addEventListener("meta", e => {
    const m = JSON.parse(e.data);
    S.days = m.days; S.replications = m.replications; S.districts = m.districts; S.mode = m.mode;
    S.scenarios = m.scenarios.map(newScenario); S.dirty = true;
  });
  es.addEventListener("day", e => {
    const d = JSON.parse(e.data), sc = S.scenarios[d.scenario];
    if (!sc || sc.final) return;
    if (d.replication !== sc.replication) { sc.replication = d.replication; sc.series = []; }
    sc.series[d.day - 1] = { day: d.day, date: d.date, trips: d.today.trips, wait: d.today.waitMeanMin, hours: d.today.citizenHours,
      working: d.workingDay, channels: d.today.completedOn };
    if (d.replication === 1) sc.cum[d.day] = { trips: d.total.trips, hours: d.total.citizenHours };
    sc.total = d.total; sc.day = d.day; sc.date = d.date; sc.adoption = d.adoptionOnline;
    sc.districts = d.districts.map((x, k) => ({ name: S.districts[k].name, nameZh: S.districts[k].nameZh,
      trips_per_need: x.completedNeeds > 0 ? x.trips / x.completedNeeds : NaN, wait_mean_min: x.waitMeanMin,
      share_zero_trip: x.completed > 0 ? x.zeroTrip / x.completed : NaN, needs: x.needs, trips: x.trips, visits: x.servedVisits,
      longest: x.longestQueueToday }));
    sc.halls = d.halls.map(h => ({ hall_id: h.id, level: h.level, district: S.districts[h.district].name, windows: h.windows,
      visits_today: h.visitsToday, max_queue_today: h.longestQueueToday, visits: h.visits, served: h.served,
      wait_mean_min: h.waitMeanMin.toFixed(3) }));
    sc.hotline = d.hotline.map(l => ({ line: l.line, attempts: l.attempts, within: l.within, daysPlayed: l.daysPlayed }));
    S.current = d.scenario; S.dirty = true;
  });
  es.addEventListener("final", e => {
    const f = JSON.parse(e.data), sc = S.scenarios[f.scenario];
    if (sc) { applyView(sc, f.view); S.dirty = true; }
  });
  es.addEventListener("end", e => { S.ended = JSON.parse(e.data); es.close(); S.dirty = true; });
}

// ---- finished runs ----------------------------------------------------------------------------
async function getJSON(path) {
  const r = await fetch(path);
  if (!r.ok) { const text = await r.text(); const e = new Error(path + ": " + text); e.detail = text; throw e; }
  return r.json();
}
async function listRuns() {
  const entries = await getJSON("/api/runs");
  const nav = $("runs"); nav.hidden = false; nav.textContent = "";
  const top = entries.filter(e => !e.id.includes("~"));
  for (const e of top) {
    const b = el("button", { "data-run": e.id }, nav, e.name + " (" + e.kind + ")");
    b.onclick = () => openRun(e, entries);
  }
  S.note = top.length + " finished " + (top.length === 1 ? "directory" : "directories") + " served";
  if (top.length) await openRun(top[0], entries);
  S.dirty = true;
}
// A directory whose tables cannot be shown (the server says which file and why) is named in the
// status line; the page and the other directories stay usable.
async function openRun(entry, entries) {
  S.problem = "";
  try { await loadRun(entry, entries); } catch (e) {
    S.scenarios = []; S.tables = {}; S.days = 0; S.current = 0;
    S.problem = "cannot show " + entry.name + ": " + (e.detail || e.message); S.dirty = true;
  }
}
async function loadRun(entry, entries) {
  for (const b of $("runs").children) b.classList.toggle("on", b.dataset.run === entry.id);
  S.sel = entry; S.tables = {}; S.scenarios = [];
  if (entry.kind === "run") {
    const sc = newScenario(entry.name); applyView(sc, await getJSON("/api/runs/" + encodeURIComponent(entry.id))); S.scenarios = [sc];
  } else {
    const group = await getJSON("/api/runs/" + encodeURIComponent(entry.id));
    S.tables = group.tables || {};
    for (const id of entry.members) {
      const m = entries.find(x => x.id === id), sc = newScenario(m ? m.name : id);
      applyView(sc, await getJSON("/api/runs/" + encodeURIComponent(id))); S.scenarios.push(sc);
    }
  }
  const first = S.scenarios[0];
  if (first && first.districts.length) S.districts = first.districts.map(d => ({ name: d.name, nameZh: d.nameZh }));
  S.days = first ? first.series.length : 0; S.current = 0; S.dirty = true;
}

// ---- drawing ----------------------------------------------------------------------------------
function render() {
  if (!S.dirty || !S.info) return;
  S.dirty = false;
  const sc = S.scenarios[S.current];
  if (S.live) {
    const name = sc ? sc.name : "";
    $("status").textContent = S.ended ? (S.ended.status === "finished" ? "run finished · written to " + S.ended.out : "run stopped · nothing written")
      : "live · " + name + (S.replications > 1 ? " · replication " + (sc ? sc.replication : 1) + "/" + S.replications : "");
  } else {
    $("status").textContent = "finished runs · " + S.note + (S.problem ? " · " + S.problem : "");
  }
  $("day-counter").textContent = sc ? "day " + sc.day + " / " + S.days + (sc.date ? " · " + sc.date : "") : "";
  const pick = $("map-scenario");
  if (pick.options.length !== S.scenarios.length) {
    pick.textContent = "";
    S.scenarios.forEach((s, k) => el("option", { value: k }, pick, s.name));
  }
  pick.hidden = S.scenarios.length < 2;
  renderKpis(); renderMap(); renderLines(); renderChannels(); renderHotline(); renderHalls(); renderFinal();
}
function shown() { return S.scenarios[+$("map-scenario").value || 0] || S.scenarios[S.current]; }

function kpiValues(sc) {
  if (sc.final && sc.summary) {
    const v = n => summaryValue(sc, n).value;
    return { needs: v("needs"), trips: v("trips"), trips_per_need: v("trips_per_need"), wait_mean_min: v("wait_mean_min"),
             citizen_hours: v("citizen_hours"), share_zero_trip: v("share_zero_trip") };
  }
  const t = sc.total;
  if (!t) return null;
  let zero = 0, done = 0;
  return { needs: t.needs, trips: t.trips, trips_per_need: t.completedNeeds > 0 ? t.trips / t.completedNeeds : NaN, wait_mean_min: t.waitMeanMin,
           citizen_hours: t.citizenHours, share_zero_trip: NaN };
}
function renderKpis() {
  const box = $("kpis"); box.textContent = "";
  const base = S.scenarios[0];
  S.scenarios.forEach((sc, k) => {
    const v = kpiValues(sc);
    if (!v) return;
    const group = el("div", { class: "kpi", style: "border-color:" + COLORS[k % COLORS.length] }, box);
    el("div", { class: "l" }, group, sc.name + (sc.final ? "" : " · so far"));
    for (const n of ["trips", "trips_per_need", "wait_mean_min", "citizen_hours"]) {
      const m = metric(n), row = el("div", {}, group);
      el("span", { class: "v", "data-kpi": n, "data-scenario": k }, row, fmt(v[n], m.digits));
      el("span", { class: "l" }, row, " " + m.label);
    }
    if (k > 0 && base) {
      // Avoided against the baseline: at the same day of replication 1 while live, from the means when final.
      let trips = NaN, hours = NaN;
      if (sc.final && base.final) {
        const b = kpiValues(base); trips = b.trips - v.trips; hours = b.citizen_hours - v.citizen_hours;
      } else {
        const d = Math.min(sc.cum.length, base.cum.length) - 1;
        if (d >= 1 && sc.cum[d] && base.cum[d]) { trips = base.cum[d].trips - sc.cum[d].trips; hours = base.cum[d].hours - sc.cum[d].hours; }
      }
      el("div", { class: "d" + (trips < 0 ? " worse" : ""), "data-kpi": "trips_avoided", "data-scenario": k }, group,
         fmt(trips, 0) + " trips avoided");
      el("div", { class: "d" + (hours < 0 ? " worse" : ""), "data-kpi": "citizen_hours_saved", "data-scenario": k }, group,
         fmt(hours, 0) + " citizen-hours saved");
    }
  });
}
function colour(t) {
  // Low values blue, high orange: t in [0, 1].
  const a = [40, 110, 190], b = [255, 150, 60];
  return "rgb(" + a.map((x, i) => Math.round(x + (b[i] - x) * t)).join(",") + ")";
}
function renderMap() {
  const svg = $("map"); svg.textContent = "";
  const sc = shown(), key = $("map-metric").value || MAP_METRICS[0], m = metric(key);
  const ds = sc ? sc.districts : S.districts;
  const vals = (ds || []).map(d => d[key]).filter(v => isFinite(v));
  const lo = Math.min(...vals), hi = Math.max(...vals);
  let spare = 0;
  (ds || []).forEach((d, k) => {
    const pos = TILES[d.name] || [spare % 6, 2 + Math.floor(spare++ / 6)];
    const x = 6 + pos[0] * 98, y = 6 + pos[1] * 98, v = d[key];
    const g = el("svg:g", { class: "tile", "data-district": d.name }, svg);
    el("svg:rect", { x: x, y: y, width: 92, height: 92, rx: 6,
      fill: isFinite(v) ? colour(hi > lo ? (v - lo) / (hi - lo) : 0.5) : "#2a3b50" }, g);
    el("svg:text", { x: x + 46, y: y + 28, "text-anchor": "middle", "font-size": 15 }, g, d.nameZh || "");
    el("svg:text", { x: x + 46, y: y + 46, "text-anchor": "middle" }, g, d.name);
    el("svg:text", { x: x + 46, y: y + 72, "text-anchor": "middle", "font-size": 14, "data-value": key }, g, fmt(v, m.digits));
  });
  const rows = Math.max(2, ...Array.from(svg.querySelectorAll("rect")).map(r => (+r.getAttribute("y") - 6) / 98 + 1));
  svg.setAttribute("viewBox", "0 0 600 " + (rows * 98 + 8));
  $("map-legend").textContent = vals.length ? m.label + ": " + fmt(lo, m.digits) + " (blue) … " + fmt(hi, m.digits) + " (orange)" : "";
  // The same districts as figures: so far while live (with today's longest hall queue), by_district.csv when final.
  const t = $("district-table"); t.textContent = "";
  if (!ds || !ds.length) return;
  const live = sc && !sc.final;
  const cols = [["needs", "needs", 0], ["trips", "trips", 0], ["trips_per_need", metric("trips_per_need").label, 3],
    ["wait_mean_min", metric("wait_mean_min").label, 1], ["share_zero_trip", metric("share_zero_trip").label, 3]]
    .concat(live ? [["visits", "visits served", 0], ["longest", "longest line today", 0]] : []);
  const head = el("tr", {}, el("thead", {}, t));
  el("th", {}, head, "district"); cols.forEach(c => el("th", { "data-col": c[0] }, head, c[1]));
  const body = el("tbody", {}, t);
  for (const d of ds) {
    const tr = el("tr", { "data-district": d.name }, body);
    el("td", {}, tr, (d.nameZh ? d.nameZh + " " : "") + d.name);
    cols.forEach(c => el("td", {}, tr, fmt(d[c[0]], c[2])));
  }
}
function lineChart(parent, title, series, accessor, digits) {
  const box = el("div", { class: "chart" }, parent);
  el("div", { class: "t" }, box, title);
  const W = 600, H = 110, svg = el("svg:svg", { viewBox: "0 0 " + W + " " + H, width: "100%" }, box);
  const all = series.flatMap(s => s.points.map(accessor)).filter(v => isFinite(v));
  const hi = all.length ? Math.max(...all, 1e-9) : 1, n = Math.max(S.days, 1);
  el("svg:line", { x1: 40, y1: H - 16, x2: W, y2: H - 16, class: "axis" }, svg);
  el("svg:text", { x: 0, y: 12, class: "dim" }, svg, fmt(hi, digits));
  el("svg:text", { x: 0, y: H - 18, class: "dim" }, svg, "0");
  el("svg:text", { x: W - 40, y: H - 2, class: "dim" }, svg, "day " + n);
  series.forEach(s => {
    const pts = [];
    s.points.forEach((p, i) => { const v = accessor(p); if (p && isFinite(v)) pts.push((40 + (W - 44) * i / n).toFixed(1) + "," + (H - 16 - (H - 28) * v / hi).toFixed(1)); });
    if (pts.length) el("svg:polyline", { points: pts.join(" "), fill: "none", stroke: s.color, "stroke-width": 1.5 }, svg);
  });
}
function renderLines() {
  const box = $("lines"); box.textContent = "";
  const series = S.scenarios.map((sc, k) => ({ points: sc.series, color: COLORS[k % COLORS.length] }));
  lineChart(box, "trips per day (" + metric("trips").label + ")", series, p => p && p.trips, 0);
  lineChart(box, metric("wait_mean_min").label + ", working days", series, p => p && p.working ? p.wait : NaN, 1);
  lineChart(box, "citizen-hours per day", series, p => p && p.hours, 0);
  if (S.scenarios.length > 1) {
    const lg = el("div", { class: "legend" }, box);
    S.scenarios.forEach((sc, k) => { const s = el("span", {}, lg); el("i", { style: "background:" + COLORS[k % COLORS.length] }, s); s.append(sc.name); });
  }
}
function renderChannels() {
  const svg = $("channels"); svg.textContent = "";
  const sc = shown(), names = S.info.channels || [], W = 600, H = 180;
  const legend = $("channels-legend"); legend.textContent = "";
  names.forEach((c, k) => { const s = el("span", {}, legend); el("i", { style: "background:" + COLORS[k % COLORS.length] }, s); s.append(c); });
  if (!sc || !sc.series.length) return;
  // Weekly shares of completed applications by channel, stacked.
  const weeks = [];
  sc.series.forEach((p, i) => { if (!p) return; const w = Math.floor(i / 7); weeks[w] = weeks[w] || names.map(() => 0);
    names.forEach((_, c) => weeks[w][c] += p.channels && isFinite(p.channels[c]) ? p.channels[c] : 0); });
  const n = Math.max(Math.ceil(S.days / 7), 1);
  const tops = names.map(() => []), bottoms = names.map(() => []);
  weeks.forEach((w, i) => {
    if (!w) return;
    const sum = w.reduce((a, b) => a + b, 0) || 1;
    let acc = 0;
    const x = (W * (i + 0.5) / n).toFixed(1);
    names.forEach((_, c) => { bottoms[c].push(x + "," + (H - H * acc).toFixed(1)); acc += w[c] / sum; tops[c].push(x + "," + (H - H * acc).toFixed(1)); });
  });
  names.forEach((_, c) => {
    if (!tops[c].length) return;
    el("svg:polygon", { points: tops[c].concat(bottoms[c].slice().reverse()).join(" "), fill: COLORS[c % COLORS.length], opacity: 0.85,
      "data-channel": names[c] }, svg);
  });
}
function renderHotline() {
  const box = $("hotline"); box.textContent = "";
  const sc = shown();
  if (!sc || !sc.hotline.length) { box.textContent = "no hotline in this run"; return; }
  for (const l of sc.hotline) {
    const total = l.attempts.reduce((a, b) => a + b, 0), within = l.within.reduce((a, b) => a + b, 0);
    el("div", { class: "t" }, box, l.line + " line: share of attempts answered within the standard, by hour (all hours " +
       fmt(total > 0 ? within / total : NaN, 3) + ")");
    const W = 600, H = 110, svg = el("svg:svg", { viewBox: "0 0 " + W + " " + H, width: "100%" }, box);
    for (let h = 0; h < 24; h++) {
      const a = l.attempts[h] || 0, s = a > 0 ? (l.within[h] || 0) / a : NaN, x = 6 + h * 24.6;
      if (isFinite(s)) el("svg:rect", { x: x, y: H - 16 - (H - 24) * s, width: 20, height: (H - 24) * s,
        fill: s >= 0.8 ? "#3fb6ff" : "#ff9f7f", "data-hour": h, "data-share": s.toFixed(4) }, svg);
      if (h % 3 === 0) el("svg:text", { x: x, y: H - 2, class: "dim" }, svg, h + "h");
    }
  }
}
function renderHalls() {
  const t = $("halls"); t.textContent = "";
  const sc = shown();
  if (!sc || !sc.halls.length) { $("halls-note").textContent = ""; return; }
  const cols = Object.keys(sc.halls[0]);
  const key = cols.includes(S.sort.key) ? S.sort.key : "wait_mean_min";
  const rows = sc.halls.slice().sort((a, b) => {
    const x = num(a[key]), y = num(b[key]);
    const c = isFinite(x) && isFinite(y) ? x - y : String(a[key]).localeCompare(String(b[key]));
    return S.sort.up ? c : -c;
  });
  const head = el("tr", {}, el("thead", {}, t));
  for (const c of cols) {
    const th = el("th", { "data-col": c, class: c === key ? "sorted" + (S.sort.up ? " up" : "") : "" }, head, c);
    th.onclick = () => { S.sort = { key: c, up: S.sort.key === c ? !S.sort.up : false }; S.dirty = true; render(); };
  }
  const body = el("tbody", {}, t), limit = 200;
  for (const r of rows.slice(0, limit)) { const tr = el("tr", {}, body); for (const c of cols) el("td", {}, tr, r[c]); }
  $("halls-note").textContent = (sc.final ? "" : "busiest today, ") + "sorted by " + key +
    (rows.length > limit ? " · first " + limit + " of " + rows.length : " · " + rows.length + " halls");
}
function renderFinal() {
  const t = $("final"); t.textContent = "";
  const done = S.scenarios.filter(s => s.final && s.summary);
  $("final-note").textContent = done.length ? (done[0].summary.rows.length > 1 ? "mean of " + done[0].summary.rows.length + " replications" : "summary.csv")
    : "shown when the run ends";
  if (done.length) {
    const head = el("tr", {}, el("thead", {}, t));
    el("th", {}, head, "metric");
    S.scenarios.forEach(s => el("th", {}, head, s.name));
    const body = el("tbody", {}, t);
    for (const name of Object.keys(S.metrics)) {
      const cells = S.scenarios.map(s => s.final && s.summary ? summaryValue(s, name).text : "");
      if (cells.every(c => c === "")) continue;
      const tr = el("tr", { title: metric(name).doc }, body);
      el("td", {}, tr, metric(name).label);
      cells.forEach((c, k) => el("td", { "data-metric": name, "data-scenario": k }, tr, c));
    }
  }
  const box = $("tables"); box.textContent = "";
  for (const name of Object.keys(S.tables)) {
    el("h2", {}, box, name);
    const tab = el("table", { "data-table": name }, el("div", { class: "scroll" }, box));
    const tbl = S.tables[name], head = el("tr", {}, el("thead", {}, tab));
    tbl.header.forEach(h => el("th", {}, head, h));
    const body = el("tbody", {}, tab);
    for (const r of tbl.rows) { const tr = el("tr", {}, body); r.forEach(v => el("td", {}, tr, v)); }
  }
}

async function start() {
  S.info = await getJSON("/api/info");
  for (const m of S.info.metrics) S.metrics[m.name] = m;
  const pick = $("map-metric");
  for (const n of MAP_METRICS) el("option", { value: n }, pick, metric(n).label);
  pick.onchange = $("map-scenario").onchange = () => { S.dirty = true; render(); };
  document.title = S.info.title;
  S.live = S.info.live;
  if (S.info.live) followEvents(); else await listRuns();
  setInterval(render, 400);
  render();
}
start().catch(e => { $("status").textContent = "error: " + e.message; console.error(e); });
"""#
}
