// baosou's search page. The URL holds the whole state (q, reporter…, from, to, paper,
// sort, offset, id for the reading view, vs… for the terms the trend compares, view=kwic
// for the concordance), so every view can be bookmarked and shared; the page only
// renders what the URL says.
"use strict";

const $ = (id) => document.getElementById(id);
const PER_PAGE = 10;
const KEYS = ["q", "from", "to", "paper", "sort", "offset", "id", "view"];
const TREND_COLOURS = ["#b03a2e", "#1f618d", "#1e8449", "#7d3c98"];

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c !== null && c !== undefined) node.append(c);
  }
  return node;
}

// ---- state <-> URL ----

function readState(search) {
  const p = new URLSearchParams(search);
  const s = { reporters: p.getAll("reporter").filter(Boolean), vs: p.getAll("vs").filter(Boolean) };
  for (const k of KEYS) s[k] = p.get(k) || "";
  return s;
}

function stateQuery(s, withId) {
  const p = new URLSearchParams();
  if (s.q) p.set("q", s.q);
  for (const r of s.reporters) p.append("reporter", r);
  for (const k of ["from", "to", "paper", "sort"]) if (s[k]) p.set(k, s[k]);
  if (s.offset && s.offset !== "0") p.set("offset", s.offset);
  if (withId && s.id) p.set("id", s.id);
  return p.toString();
}

// The page's own state, which the search API does not take: compared terms and the view.
function pageQuery(s) {
  const p = new URLSearchParams();
  for (const v of s.vs || []) p.append("vs", v);
  if (s.view) p.set("view", s.view);
  return p.toString();
}

function href(s) {
  const q = [stateQuery(s, true), pageQuery(s)].filter(Boolean).join("&");
  return q ? "/?" + q : "/";
}

function current() {
  return readState(location.search);
}

function go(s) {
  const url = href(s);
  if (url !== location.pathname + location.search) history.pushState(null, "", url);
  render();
}

// ---- text helpers ----

// Marks `[start, end)` ranges counted in Unicode characters, as the API gives them.
function marked(text, ranges) {
  const chars = Array.from(text || "");
  const out = [];
  let at = 0;
  for (const [a, b] of (ranges || []).slice().sort((x, y) => x[0] - y[0])) {
    if (a < at || a >= chars.length) continue;
    if (a > at) out.push(chars.slice(at, a).join(""));
    out.push(el("mark", { text: chars.slice(a, b).join("") }));
    at = b;
  }
  if (at < chars.length) out.push(chars.slice(at).join(""));
  return out;
}

function pageLabel(h) {
  if (h.page_label) return "第 " + h.page_label + " 版";
  if (h.page) return "第 " + h.page + " 版";
  return null;
}

function names(reporters) {
  return (reporters || []).map((r) => (typeof r === "string" ? r : r.name)).filter(Boolean);
}

// Replaces a node's children, leaving out the missing ones.
function put(node, ...children) {
  node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
}

// ---- API ----

async function api(path) {
  const res = await fetch(path, { headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await res.json();
  } catch (e) {
    body = null;
  }
  if (!res.ok) {
    const what = body && body.error ? body.error : res.status + " " + res.statusText;
    const err = new Error(what);
    err.parameter = body && body.parameter;
    throw err;
  }
  return body;
}

function showError(e) {
  const box = $("error");
  if (!e) {
    box.hidden = true;
    box.textContent = "";
    return;
  }
  box.hidden = false;
  box.textContent = "出错了：" + e.message;
  if (e.parameter && $(e.parameter)) $(e.parameter).setAttribute("aria-invalid", "true");
}

// ---- form ----

function fillForm(s) {
  $("q").value = s.q;
  $("from").value = s.from;
  $("to").value = s.to;
  $("paper").value = s.paper;
  if (s.paper && $("paper").value !== s.paper) {
    $("paper").append(el("option", { value: s.paper, text: s.paper }));
    $("paper").value = s.paper;
  }
  $("sort").value = s.sort;
  for (const id of ["q", "from", "to", "paper", "sort", "reporter"]) $(id).removeAttribute("aria-invalid");
  const chips = $("reporters");
  chips.replaceChildren(
    ...s.reporters.map((r) =>
      el("button", {
        type: "button",
        class: "chip",
        "data-reporter": r,
        "aria-label": "移除记者 " + r,
        text: r + " ×",
        onclick: () => {
          const n = current();
          n.reporters = n.reporters.filter((x) => x !== r);
          n.offset = "";
          n.id = "";
          go(n);
        },
      })
    )
  );
}

function formState() {
  const s = current();
  s.q = $("q").value.trim();
  s.from = $("from").value.trim();
  s.to = $("to").value.trim();
  s.paper = $("paper").value;
  s.sort = $("sort").value;
  const r = $("reporter").value.trim();
  if (r && !s.reporters.includes(r)) s.reporters.push(r);
  $("reporter").value = "";
  s.offset = "";
  s.id = "";
  return s;
}

let suggestTimer = null;
function suggest() {
  clearTimeout(suggestTimer);
  suggestTimer = setTimeout(async () => {
    const q = $("reporter").value.trim();
    try {
      const data = await api("/api/reporters?limit=12&q=" + encodeURIComponent(q));
      $("reporter-list").replaceChildren(
        ...data.reporters.map((r) => el("option", { value: r.name, label: r.name + "（" + r.count + " 篇）" }))
      );
    } catch (e) {
      /* suggestions are a convenience */
    }
  }, 120);
}

// ---- results ----

function renderChart(s, facets) {
  const box = $("chart-box");
  const chart = $("chart");
  let months = facets.months || [];
  if (months.length === 0) {
    box.hidden = true;
    chart.replaceChildren();
    return;
  }
  // Fill the months without hits, so the bars keep time; long spans are shown by year.
  const counts = new Map(months.map((m) => [m.month, m.count]));
  const [y0, m0] = months[0].month.split("-").map(Number);
  const [y1, m1] = months[months.length - 1].month.split("-").map(Number);
  const span = (y1 - y0) * 12 + (m1 - m0) + 1;
  let bars = [];
  if (span <= 120) {
    for (let i = 0; i < span; i++) {
      const y = y0 + Math.floor((m0 - 1 + i) / 12);
      const m = ((m0 - 1 + i) % 12) + 1;
      const key = y + "-" + String(m).padStart(2, "0");
      bars.push({ key, label: y + "年" + m + "月", tick: m === 1 || i === 0 ? String(y) : "", count: counts.get(key) || 0 });
    }
  } else {
    bars = (facets.years || []).map((y) => ({ key: y.year, label: y.year + "年", tick: y.year, count: y.count }));
  }
  const max = Math.max(1, ...bars.map((b) => b.count));
  chart.replaceChildren(
    ...bars.map((b) =>
      el("button", {
        type: "button",
        class: "bar" + (b.count ? " hit" : ""),
        style: null,
        "data-month": b.key,
        "data-count": String(b.count),
        title: b.label + "：" + b.count + " 篇",
        "aria-label": b.label + "：" + b.count + " 篇，点击只看这段时间",
        onclick: () => {
          const n = current();
          // The API reads a month (or year) as its first day in `from`, its last in `to`.
          n.from = b.key;
          n.to = b.key;
          n.offset = "";
          n.id = "";
          go(n);
        },
      })
    )
  );
  // Heights are set through the CSSOM, which the page's CSP allows.
  Array.from(chart.children).forEach((node, i) => {
    node.style.height = Math.max(2, Math.round((bars[i].count / max) * 100)) + "px";
  });
  const ticks = el("div", { class: "ticks", "aria-hidden": "true" }, ...bars.map((b) => el("span", { text: b.tick })));
  const old = box.querySelector(".ticks");
  if (old) old.remove();
  box.append(ticks);
  box.hidden = false;
}

function facetList(title, items, key, onpick) {
  if (!items || items.length === 0) return null;
  return el(
    "section",
    {},
    el("h3", { text: title }),
    el(
      "ul",
      {},
      ...items.map((it) =>
        el(
          "li",
          {},
          el("button", { type: "button", "data-facet": key, onclick: () => onpick(it[key]) }, it[key]),
          el("span", { class: "n", text: String(it.count) })
        )
      )
    )
  );
}

function renderFacets(s, facets) {
  const add = (name) => {
    const n = current();
    if (!n.reporters.includes(name)) n.reporters.push(name);
    n.offset = "";
    go(n);
  };
  const paper = (p) => {
    const n = current();
    n.paper = p;
    n.offset = "";
    go(n);
  };
  const year = (y) => {
    const n = current();
    n.from = y;
    n.to = y;
    n.offset = "";
    go(n);
  };
  put(
    $("facets"),
    ...[
      facetList("记者", facets.reporters, "name", add),
      facetList("报纸", facets.papers, "paper", paper),
      facetList("年份", facets.years, "year", year),
    ].filter(Boolean)
  );
}

function renderHits(s, data) {
  const list = $("results");
  list.replaceChildren(
    ...data.hits.map((h) => {
      const target = Object.assign({}, s, { id: h.id });
      const meta = [h.paper, h.date, pageLabel(h), names(h.reporters).join("、")].filter(Boolean).join(" · ");
      return el(
        "li",
        { "data-id": h.id },
        h.kicker ? el("p", { class: "meta", text: h.kicker }) : null,
        el("h2", {}, el("a", { href: href(target), "data-nav": true, class: "hit-link" }, ...marked(h.headline || "（无标题）", h.headline_highlights))),
        el("p", { class: "meta", text: meta }),
        el("p", { class: "snippet" }, ...marked(h.snippet, h.highlights))
      );
    })
  );
  const offset = data.offset;
  const total = data.total;
  const took = data.took_ms < 1 ? "<1" : Math.round(data.took_ms);
  $("status").textContent = total
    ? "共 " + total + " 篇，第 " + (offset + 1) + "–" + (offset + data.hits.length) + " 篇（" + took + " 毫秒）"
    : "没有找到文章（" + took + " 毫秒）";
  const pager = $("pager");
  const parts = [];
  if (offset > 0) {
    const prev = Object.assign({}, s, { offset: String(Math.max(0, offset - PER_PAGE)) });
    parts.push(el("a", { href: href(prev), "data-nav": true, rel: "prev", id: "prev" }, "← 上一页"));
  }
  if (total > PER_PAGE) {
    parts.push(el("span", { text: "第 " + (Math.floor(offset / PER_PAGE) + 1) + " / " + Math.ceil(total / PER_PAGE) + " 页" }));
  }
  if (offset + data.hits.length < total && offset + PER_PAGE <= 10000) {
    const next = Object.assign({}, s, { offset: String(offset + PER_PAGE) });
    parts.push(el("a", { href: href(next), "data-nav": true, rel: "next", id: "next" }, "下一页 →"));
  }
  pager.replaceChildren(...parts);
}

// ---- research: download, trend lines, concordance ----

function renderTools(s, query) {
  const kwic = s.view === "kwic";
  const other = Object.assign({}, s, { view: kwic ? "" : "kwic", offset: "" });
  put(
    $("tools"),
    el("a", { id: "download", href: "/api/search?format=csv" + (query ? "&" + query : ""), download: "baosou-hits.csv" }, "下载 CSV（全部命中）"),
    s.q ? el("a", { id: "view-switch", href: href(other), "data-nav": true }, kwic ? "结果列表" : "语境索引（KWIC）") : null,
    s.q
      ? el(
          "form",
          { id: "compare", class: "compare", onsubmit: (ev) => {
            ev.preventDefault();
            const v = $("vs-input").value.trim();
            const n = current();
            if (v && v !== n.q && !n.vs.includes(v) && n.vs.length < 3) n.vs.push(v);
            go(n);
          } },
          el("label", { for: "vs-input", text: "对比词" }),
          el("input", { id: "vs-input", placeholder: "另一个词，回车添加", size: "14" }),
          ...s.vs.map((v) =>
            el("button", { type: "button", class: "chip", "data-vs": v, "aria-label": "移除对比词 " + v, text: v + " ×", onclick: () => {
              const n = current();
              n.vs = n.vs.filter((x) => x !== v);
              go(n);
            } })
          )
        )
      : null
  );
}

// The SVG namespace, from the chart's own <svg> element (the HTML parser gives it one).
function svg(tag, attrs, ...children) {
  const node = document.createElementNS($("trend-svg").namespaceURI, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children.flat()) if (c) node.append(c);
  return node;
}

// The share of each period's articles that match each term, one line per term, the way
// an n-gram viewer draws it; clicking a period narrows the search to it.
async function renderTrend(s) {
  const box = $("trend-box");
  if (!s.q) {
    box.hidden = true;
    return;
  }
  const base = new URLSearchParams();
  for (const t of [s.q, ...s.vs]) base.append("q", t);
  for (const r of s.reporters) base.append("reporter", r);
  if (s.paper) base.set("paper", s.paper);
  let data = await api("/api/trend?by=month&" + base.toString());
  if (data.periods.length > 120) data = await api("/api/trend?by=year&" + base.toString());
  if (location.search !== currentSearch) return;
  const periods = data.periods;
  if (periods.length === 0) {
    box.hidden = true;
    return;
  }
  const W = 900, H = 220, L = 48, R = 12, T = 12, B = 28;
  const max = Math.max(1e-9, ...periods.flatMap((p) => p.shares));
  const step = periods.length > 1 ? (W - L - R) / (periods.length - 1) : 0;
  const x = (i) => L + (periods.length > 1 ? i * step : (W - L - R) / 2);
  const y = (v) => T + (H - T - B) * (1 - v / max);
  const nodes = [];
  for (const f of [0, 0.5, 1]) {
    nodes.push(svg("line", { x1: L, x2: W - R, y1: y(max * f), y2: y(max * f), class: "grid" }));
    nodes.push(svg("text", { x: L - 6, y: y(max * f) + 4, "text-anchor": "end", class: "axis", text: (max * f * 100).toFixed(max < 0.01 ? 2 : 1) + "%" }));
  }
  const every = Math.max(1, Math.ceil(periods.length / 12));
  periods.forEach((p, i) => {
    if (i % every !== 0) return;
    // The end labels keep inside the frame.
    const anchor = periods.length === 1 ? "middle" : i === 0 ? "start" : i === periods.length - 1 ? "end" : "middle";
    nodes.push(svg("text", { x: x(i), y: H - 8, "text-anchor": anchor, class: "axis", text: p.period }));
  });
  data.queries.forEach((q, k) => {
    const colour = TREND_COLOURS[k % TREND_COLOURS.length];
    const points = periods.map((p, i) => x(i).toFixed(1) + "," + y(p.shares[k]).toFixed(1)).join(" ");
    nodes.push(svg("polyline", { points, fill: "none", stroke: colour, "stroke-width": "2", class: "trend-line", "data-q": q }));
    periods.forEach((p, i) => nodes.push(svg("circle", { cx: x(i), cy: y(p.shares[k]), r: "3", fill: colour })));
  });
  const width = Math.max(8, step || 40);
  periods.forEach((p, i) => {
    const label = p.period + "：" + data.queries.map((q, k) => q + " " + p.counts[k] + " 篇（" + (p.shares[k] * 100).toFixed(2) + "%）").join("，") + "；共 " + p.articles + " 篇";
    nodes.push(
      svg("rect", {
        x: x(i) - width / 2, y: T, width, height: H - T - B, class: "period" + (s.from === p.period && s.to === p.period ? " chosen" : ""),
        "data-period": p.period, tabindex: "0", role: "button", "aria-label": label + "，点击只看这段时间",
        onclick: () => {
          const n = current();
          n.from = p.period;
          n.to = p.period;
          n.offset = "";
          n.id = "";
          go(n);
        },
      }, svg("title", { text: label }))
    );
  });
  const chart = $("trend-svg");
  chart.setAttribute("viewBox", "0 0 " + W + " " + H);
  chart.replaceChildren(...nodes);
  put(
    $("trend-legend"),
    ...data.queries.map((q, k) => el("span", { class: "legend", "data-q": q }, el("i", { class: "swatch c" + (k % TREND_COLOURS.length) }), q))
  );
  box.hidden = false;
}

async function renderKwic(s, query) {
  const box = $("kwic");
  if (s.view !== "kwic" || !s.q) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  const data = await api("/api/kwic?context=20&limit=500&" + query);
  if (location.search !== currentSearch) return;
  box.replaceChildren(
    el("caption", { text: "语境索引：" + data.lines.length + " 处" + (data.more ? "（只列前 " + data.lines.length + " 处）" : "") }),
    ...data.lines.map((l) =>
      el(
        "tr",
        { "data-id": l.id },
        el("td", { class: "left" }, el("span", { text: l.left })),
        el("td", { class: "hit" }, el("mark", { text: l.hit })),
        el("td", { class: "right", text: l.right }),
        el("td", { class: "where" }, el("a", { href: href(Object.assign({}, s, { id: l.id, view: "" })), "data-nav": true, title: l.headline }, [l.date, l.page ? "第" + l.page + "版" : ""].filter(Boolean).join(" ")))
      )
    )
  );
  box.hidden = false;
}

async function showResults(s) {
  $("article-view").hidden = true;
  $("results-view").hidden = false;
  document.title = (s.q ? s.q + " - " : "") + "报搜";
  $("status").textContent = "搜索中…";
  const query = stateQuery(Object.assign({}, s, { id: "" }), false);
  const data = await api("/api/search?limit=" + PER_PAGE + (query ? "&" + query : ""));
  if (location.search !== currentSearch) return; // a newer navigation won
  const exportQuery = stateQuery(Object.assign({}, s, { id: "", offset: "" }), false);
  renderTools(s, exportQuery);
  renderChart(s, data.facets);
  renderFacets(s, data.facets);
  renderHits(s, data);
  const kwic = s.view === "kwic" && s.q;
  $("results").hidden = !!kwic;
  $("pager").hidden = !!kwic;
  await Promise.all([renderTrend(s), renderKwic(s, exportQuery)]);
  if (location.search !== currentSearch) return;
  document.body.dataset.ready = kwic ? "kwic" : "results";
}

// ---- reading view ----

async function showArticle(s) {
  const data = await api("/api/article/" + encodeURIComponent(s.id) + (s.q ? "?q=" + encodeURIComponent(s.q) : ""));
  if (location.search !== currentSearch) return;
  const a = data.article;
  const back = Object.assign({}, s, { id: "" });
  const view = $("article-view");
  const hl = data.highlights || {};
  const matchedReporters = hl.reporters || [];
  const reporterLinks = names(a.reporters).map((r, i) => {
    const n = Object.assign({}, back, { reporters: [r], offset: "" });
    const name = matchedReporters.includes(r) ? el("mark", { text: r }) : r;
    return [i ? "、" : "", el("a", { href: href(n), "data-nav": true }, name)];
  });
  const rows = [
    ["报纸", a.paper],
    ["日期", a.date],
    ["版面", pageLabel(a)],
    ["版内", a.seq ? "第 " + a.seq + " 篇" : null],
    ["记者", reporterLinks.length ? reporterLinks : null],
    ["电头", a.dateline],
    ["来源", a.path],
    // A story continued on other pages: its parts in reading order, with their pages.
    ["分版", (a.parts || []).length > 1
      ? a.parts.map((p) => "第 " + p.page + " 版" + (p.missing ? "（本库未收）" : "")).join(" → ")
      : null],
    // The other printings of the same text, folded into this one.
    ["另见", (a.duplicates || []).length
      ? a.duplicates.map((d) => [d.date, d.paper, "第 " + d.page + " 版"].filter(Boolean).join(" ")).join("；")
      : null],
  ].filter((r) => r[1]);
  // Body highlights count characters over the whole body: give each paragraph its share.
  const paragraphs = [];
  let offset = 0;
  for (const line of (a.body || "").split("\n")) {
    const chars = Array.from(line);
    const lead = chars.length - Array.from(line.trimStart()).length;
    const text = line.trim();
    const len = Array.from(text).length;
    const from = offset + lead;
    const ranges = (hl.body || [])
      .filter(([x, y]) => y > from && x < from + len)
      .map(([x, y]) => [Math.max(0, x - from), Math.min(len, y - from)]);
    if (text) paragraphs.push({ text, ranges });
    offset += chars.length + 1;
  }
  put(view,
    el("nav", {}, el("a", { href: href(back), "data-nav": true, id: "back" }, "← 返回结果")),
    a.kicker ? el("p", { class: "kicker" }, ...marked(a.kicker, hl.kicker)) : null,
    el("h1", { id: "article-headline", tabindex: "-1" }, ...(a.headline ? marked(a.headline, hl.headline) : ["（无标题）"])),
    ...(a.subheadlines || []).map((t, i) => el("p", { class: "sub" }, ...marked(t, (hl.subheadlines || [])[i]))),
    el("dl", { id: "article-meta" }, ...rows.flatMap(([k, v]) => [el("dt", { text: k }), el("dd", {}, v)])),
    el("div", { class: "body", id: "article-body" }, ...paragraphs.map((p) => el("p", {}, ...marked(p.text, p.ranges)))),
    ...(a.captions || []).map((c, i) => el("p", { class: "meta" }, "图片说明：", ...marked(c, (hl.captions || [])[i]))),
    data.neighbours.length
      ? el(
          "section",
          { class: "neighbours", id: "neighbours" },
          el("h2", { text: "同版其他文章" }),
          el(
            "ol",
            {},
            ...data.neighbours.map((n) =>
              el(
                "li",
                { value: String(n.seq), "data-id": n.id },
                el("a", { href: href(Object.assign({}, s, { id: n.id })), "data-nav": true }, n.headline || "（无标题）"),
                n.reporters.length ? el("span", { class: "meta", text: "　" + n.reporters.join("、") }) : null
              )
            )
          )
        )
      : null
  );
  view.dataset.id = a.id;
  $("results-view").hidden = true;
  view.hidden = false;
  document.title = a.headline + " - 报搜";
  $("article-headline").focus({ preventScroll: true });
  const first = view.querySelector("mark");
  if (first) first.scrollIntoView({ block: "center" });
  else window.scrollTo(0, 0);
  document.body.dataset.ready = "article";
}

// ---- wiring ----

let currentSearch = null;

async function render() {
  currentSearch = location.search;
  const s = current();
  document.body.dataset.ready = "";
  fillForm(s);
  showError(null);
  try {
    if (s.id) await showArticle(s);
    else await showResults(s);
  } catch (e) {
    showError(e);
    $("status").textContent = "";
    document.body.dataset.ready = "error";
  }
}

async function loadInfo() {
  try {
    const info = await api("/api/info");
    const sel = $("paper");
    const chosen = sel.value;
    for (const p of info.papers) {
      if (![...sel.options].some((o) => o.value === p.paper)) {
        sel.append(el("option", { value: p.paper, text: p.paper + "（" + p.count + "）" }));
      }
    }
    sel.value = chosen;
    const range = info.first_date ? "，" + info.first_date + " 至 " + info.last_date : "";
    $("info").textContent = "索引共 " + info.articles + " 篇" + range;
  } catch (e) {
    $("info").textContent = "";
  }
}

$("search").addEventListener("submit", (ev) => {
  ev.preventDefault();
  go(formState());
});
$("reporter").addEventListener("input", suggest);
$("reporter").addEventListener("focus", suggest);
for (const id of ["paper", "sort"]) $(id).addEventListener("change", () => go(formState()));
$("clear").addEventListener("click", () => {
  const s = current();
  go({ q: s.q, reporters: [], vs: s.vs, from: "", to: "", paper: "", sort: "", offset: "", id: "", view: s.view });
});
document.addEventListener("click", (ev) => {
  const a = ev.target.closest("a[data-nav]");
  if (!a || ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
  ev.preventDefault();
  history.pushState(null, "", a.getAttribute("href"));
  render();
  window.scrollTo(0, 0);
});
document.addEventListener("keydown", (ev) => {
  const typing = /^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName);
  if (ev.key === "/" && !typing) {
    ev.preventDefault();
    $("q").focus();
    $("q").select();
  } else if (ev.key === "Escape" && current().id) {
    ev.preventDefault();
    const s = current();
    s.id = "";
    go(s);
  }
});
window.addEventListener("popstate", render);

loadInfo().then(render);
