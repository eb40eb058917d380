// The explorer: search and drill down to a selection, draw its collaboration network,
// and open panels. The view lives in the URL (#region=..&from=..), so it can be shared.
import { CHILDREN, INSTITUTION, MONTHS, NETWORK, PROVINCES, REGION, SEARCH, gql } from "./api.js";
import labels from "./i18n.json";
import { LAYOUT_MS, buildGraph, colourKeys, download, draw, startLayout, style, toCsv, toGexf,
         toPng } from "./network.js";
import { esc, institutionPanel, regionPanel } from "./panels.js";
import "./style.css";

const MEASURES = ["DEGREE", "WEIGHTED_DEGREE", "BETWEENNESS", "CLOSENESS", "EIGENVECTOR",
                  "PAGERANK"];
const $ = (id) => document.getElementById(id);

// ---- state, mirrored in location.hash ----
const state = Object.assign(
  { lang: navigator.language && navigator.language.startsWith("id") ? "id" : "en",
    region: "", program: "", institution: "", from: "", to: "", colour: "sector",
    size: "DEGREE", q: "" },
  Object.fromEntries(new URLSearchParams(location.hash.slice(1))));

function saveState() {
  const kept = Object.entries(state).filter(([, v]) => v !== "" && v != null);
  history.replaceState(null, "", `#${new URLSearchParams(kept)}`);
}

const t = (key) => (labels[state.lang] || labels.en)[key] || labels.en[key] || key;

function translate() {
  document.documentElement.lang = state.lang;
  document.title = t("title");
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll("[data-i18n-placeholder]")) {
    el.placeholder = t(el.dataset.i18nPlaceholder);
  }
  $("lang").textContent = t("language");
  $("size").innerHTML = MEASURES.map((m) =>
    `<option value="${m}"${m === state.size ? " selected" : ""}>${esc(t(`measure.${m}`))}</option>`
  ).join("");
  $("colour").value = state.colour;
}

// ---- what the explorer exposes to tests and benchmarks ----
const view = { graph: null, renderer: null, layout: null, months: [], busy: 0, timings: null };
window.tpps = view;

// "running" while the worker lays the network out (the page is usable meanwhile).
function layoutState(value) {
  document.body.dataset.layout = value;
  if (value === "done" && view.timings) view.timings.layoutDoneAt = performance.now();
}

function busy(delta) {
  view.busy += delta;
  document.body.dataset.busy = String(view.busy);
}

async function guarded(fn) {
  busy(1);
  try {
    return await fn();
  } catch (err) {
    $("status").textContent = err.codes && err.codes.includes("BAD_USER_INPUT")
      ? t("tooMany") : String(err.message || err);
    return null;
  } finally {
    busy(-1);
  }
}

// ---- the network of the selection ----
function selectionFilter(withWindow) {
  const f = {};
  if (state.region) f.regionCode = state.region;
  if (state.program) f.programId = state.program;
  if (withWindow && state.from) f.from = `${state.from}-01`;
  if (withWindow && state.to) f.to = endOfMonth(state.to);
  return f;
}

function endOfMonth(month) {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

async function loadMonths() {
  const data = await gql(MONTHS, { filter: selectionFilter(false) });
  view.months = data.networkSummary.meetingsPerMonth.map((m) => m.month);
  const last = Math.max(view.months.length - 1, 0);
  for (const id of ["from", "to"]) $(id).max = String(last);
  const at = (month, fallback) => {
    const i = view.months.indexOf(month);
    return i < 0 ? fallback : i;
  };
  $("from").value = String(state.from ? at(state.from, 0) : 0);
  $("to").value = String(state.to ? at(state.to, last) : last);
  windowLabels();
}

function windowLabels() {
  $("from-label").textContent = view.months[Number($("from").value)] || "";
  $("to-label").textContent = view.months[Number($("to").value)] || "";
}

async function redraw() {
  await guarded(async () => {
    const t0 = performance.now();
    const data = await gql(NETWORK, { filter: selectionFilter(true),
                                      measure: state.size === "DEGREE" ? null : state.size });
    const t1 = performance.now();
    if (view.layout) view.layout.stop();
    const graph = buildGraph(data.network.columns);
    const t2 = performance.now();
    view.graph = graph;
    const colours = style(graph, state.colour, state.size === "DEGREE" ? null : state.size);
    view.renderer = draw($("graph"), graph, view.renderer, openInstitution);
    // Where a redraw's time goes, for bench/explorer.py: the API, the model, the first
    // frame (sigma draws synchronously on creation), and the worker's layout after it.
    const timings = { fetch: t1 - t0, build: t2 - t1, draw: performance.now() - t2 };
    view.timings = timings;
    layoutState("running");
    // The worker starts once the first frame is on screen (it would compete with it):
    // after the next animation frame's task, which, without a GPU, waits for the
    // WebGL frame to be rasterised.
    requestAnimationFrame(() => setTimeout(() => {
      timings.drawnAt = performance.now();
      if (view.graph !== graph) return; // redrawn meanwhile
      view.layout = startLayout(graph, LAYOUT_MS, () => {
        view.layout = null;
        layoutState("done");
      });
      if (!view.layout) layoutState("done");
    }, 0));
    $("status").textContent = graph.order
      ? `${graph.order} ${t("nodes")}, ${graph.size} ${t("edges")}` : t("emptyNetwork");
    $("legend").innerHTML = colourKeys(graph, state.colour).map((k) =>
      `<span><i style="background:${colours.get(k)}"></i>${esc(k)}</span>`).join("");
  });
}

function restyle() {
  if (!view.graph) return;
  style(view.graph, state.colour, state.size === "DEGREE" ? null : state.size);
  view.renderer.refresh();
}

// ---- search and drill-down ----
function regionItem(r) {
  return `<li><button data-region="${esc(r.code)}">${esc(r.name)}</button>`
    + `<span class="count" title="${esc(t("countsTitle"))}">${esc(r.institutionCount)} / ${
      esc(r.meetingCount)}</span></li>`;
}

async function search(q) {
  state.q = q;
  saveState();
  await guarded(async () => {
    const d = await gql(SEARCH, { q });
    const regions = d.regions.edges.map((e) => e.node);
    const institutions = d.institutions.edges.map((e) => e.node);
    const programs = d.programs.edges.map((e) => e.node);
    const part = (title, items) => items.length ? `<h3>${t(title)}</h3><ul>${items}</ul>` : "";
    $("results").innerHTML = `<h2>${t("results")}</h2>`
      + (regions.length + institutions.length + programs.length ? "" : `<p>${t("noResults")}</p>`)
      + part("regions", regions.map(regionItem).join(""))
      + part("institutions", institutions.map((i) =>
        `<li><button data-institution="${esc(i.id)}">${esc(i.name)}</button></li>`).join(""))
      + part("programs", programs.map((p) =>
        `<li><button data-program="${esc(p.id)}">${esc(p.name)}</button></li>`).join(""));
    // A search draws the best match: the first region, else the first program.
    if (regions.length) await selectRegion(regions[0].code);
    else if (programs.length) await selectProgram(programs[0].id);
  });
}

async function showTree(code) {
  await guarded(async () => {
    let children;
    let crumbs = `<button class="link" data-region="">${esc(t("wholeCountry"))}</button>`;
    if (code) {
      const d = await gql(CHILDREN, { code });
      if (!d.region) return;
      children = d.region.children;
      const up = d.region.parentCode && d.region.parentCode !== "ID" ? d.region.parentCode : "";
      crumbs += ` › <button class="link" data-region="${esc(up)}" title="${esc(t("up"))}">↑</button>`
        + ` <strong>${esc(d.region.name)}</strong>`;
    } else {
      children = (await gql(PROVINCES)).regions.edges.map((e) => e.node);
    }
    $("crumbs").innerHTML = crumbs;
    $("tree").innerHTML = children.map(regionItem).join("");
  });
}

async function selectRegion(code) {
  Object.assign(state, { region: code, program: "", from: "", to: "" });
  saveState();
  await guarded(loadMonths);
  await Promise.all([redraw(), showTree(code), code ? openRegion(code) : closePanel()]);
}

async function selectProgram(id) {
  Object.assign(state, { program: id, region: "", from: "", to: "" });
  saveState();
  await guarded(loadMonths);
  await redraw();
}

// ---- panels ----
function showPanel(html) {
  const panel = $("panel");
  panel.innerHTML = html;
  panel.hidden = false;
  panel.querySelector(".close").addEventListener("click", closePanel);
  panel.querySelector("h2").setAttribute("tabindex", "-1");
}

function closePanel() {
  $("panel").hidden = true;
  state.institution = "";
  saveState();
}

async function openInstitution(id) {
  state.institution = id;
  saveState();
  await guarded(async () => {
    const d = await gql(INSTITUTION, { id, filter: selectionFilter(true) });
    if (d.institution) showPanel(institutionPanel(d.institution, t));
  });
}

async function openRegion(code) {
  await guarded(async () => {
    const f = selectionFilter(true);
    const d = await gql(REGION, { code, filter: f, from: f.from || null, to: f.to || null });
    if (d.region) showPanel(regionPanel(d, t));
  });
}

// ---- wiring: every control works from the keyboard (buttons, selects, ranges) ----
document.addEventListener("click", (ev) => {
  const el = ev.target.closest("button");
  if (!el) return;
  if (el.dataset.region !== undefined) selectRegion(el.dataset.region);
  else if (el.dataset.institution) openInstitution(el.dataset.institution);
  else if (el.dataset.program) selectProgram(el.dataset.program);
});
document.addEventListener("keydown", (ev) => {
  if (ev.key === "Escape" && !$("panel").hidden) closePanel();
  if (ev.key === "/" && document.activeElement !== $("search")) {
    ev.preventDefault();
    $("search").focus();
  }
});
$("search-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const q = $("search").value.trim();
  if (q) search(q);
});
$("lang").addEventListener("click", () => {
  state.lang = state.lang === "id" ? "en" : "id";
  saveState();
  translate();
  if (view.graph) $("status").textContent = `${view.graph.order} ${t("nodes")}, ${
    view.graph.size} ${t("edges")}`;
});
$("colour").addEventListener("change", () => { state.colour = $("colour").value; saveState(); restyle(); });
$("size").addEventListener("change", () => { state.size = $("size").value; saveState(); redraw(); });
for (const id of ["from", "to"]) {
  $(id).addEventListener("input", windowLabels);
  $(id).addEventListener("change", () => {
    let a = Number($("from").value); let b = Number($("to").value);
    if (a > b) [a, b] = id === "from" ? [a, a] : [b, b];
    $("from").value = String(a); $("to").value = String(b);
    windowLabels();
    const last = view.months.length - 1;
    state.from = a > 0 ? view.months[a] : "";
    state.to = b < last ? view.months[b] : "";
    saveState();
    redraw();
  });
}
$("export-gexf").addEventListener("click", () => view.graph && download("tpps-network.gexf",
  URL.createObjectURL(new Blob([toGexf(view.graph)], { type: "application/xml" }))));
$("export-csv").addEventListener("click", () => view.graph && download("tpps-network.csv",
  URL.createObjectURL(new Blob([toCsv(view.graph)], { type: "text/csv" }))));
$("export-png").addEventListener("click", () => view.renderer && download("tpps-network.png",
  toPng(view.renderer, view.graph)));

// sigma sizes itself on window resizes only; the panel opening also narrows the graph.
// A refresh re-indexes every node and edge (seconds at 5,000 nodes without a GPU), so
// only when the size sigma drew at is not the container's.
new ResizeObserver(() => {
  const r = view.renderer;
  if (!r) return;
  const { width, height } = r.getDimensions();
  const box = $("graph");
  if (box.offsetWidth === width && box.offsetHeight === height) return;
  r.resize();
  r.refresh();
}).observe($("graph"));

async function start() {
  busy(1);
  translate();
  $("search").value = state.q;
  const { institution } = state;
  // The network's filter comes from the URL, not from the months: all at once.
  await Promise.all([guarded(loadMonths), redraw(), showTree(state.region),
                     state.region ? openRegion(state.region) : null]);
  if (institution) await openInstitution(institution);
  busy(-1);
}
start();
