// The collaboration network: a graphology model drawn by sigma (WebGL), coloured by
// sector or community, sized by a centrality. Small networks are laid out with
// ForceAtlas2 before the first draw; large ones are drawn at once from a cheap placement
// (communities side by side) and then laid out in a web worker for a bounded time, so
// the page never freezes and the camera moves while the layout runs.
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import { EdgeLineProgram } from "sigma/rendering";
import { SmoothSigma } from "./smooth.js";

const PALETTE = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02",
                 "#a6761d", "#1f78b4", "#b2df8a", "#fb9a99", "#cab2d6", "#666666"];

// Up to this many nodes ForceAtlas2 runs on the main thread before the first draw: a
// few milliseconds, and the positions are final when the page says it is ready.
export const SYNC_LAYOUT_MAX = 300;
// How long the worker lays out a large network; by then it has settled enough to read.
export const LAYOUT_MS = 4000;
const MANY_NODES = 1000;
// Above this many ties edges are one-pixel GL lines (2 vertices) rather than rectangles
// sized by shared meetings (6 vertices and their fill): the first frame rasterises
// several times faster without a GPU, and at that density widths are unreadable anyway.
const MANY_EDGES = 10000;
const GOLDEN = Math.PI * (3 - Math.sqrt(5));

// Each community a sunflower disc, the discs along a sunflower spiral by size: the first
// picture already shows the groups, and ForceAtlas2 starts near its answer.
export function placement(communities) {
  const n = communities.length;
  const members = new Map();
  for (let i = 0; i < n; i += 1) {
    const c = communities[i] ?? -1;
    if (!members.has(c)) members.set(c, []);
    members.get(c).push(i);
  }
  const groups = [...members.values()].sort((a, b) => b.length - a.length);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  let area = 0;
  groups.forEach((rows, k) => {
    const r = Math.sqrt(area + rows.length / 2) * 1.6;
    area += rows.length;
    const cx = r * Math.cos(k * GOLDEN);
    const cy = r * Math.sin(k * GOLDEN);
    rows.forEach((row, j) => {
      const d = Math.sqrt(j + 0.5) * 0.8;
      x[row] = cx + d * Math.cos(j * GOLDEN);
      y[row] = cy + d * Math.sin(j * GOLDEN);
    });
  });
  return { x, y };
}

// `columns` is the API's network { columns { ... } }: one array per attribute.
export function buildGraph(columns) {
  const graph = new Graph({ type: "undirected" });
  const ids = columns.id;
  const n = ids.length;
  const { x, y } = placement(columns.community);
  for (let i = 0; i < n; i += 1) {
    // sigma reads `type` as its drawing program, so the institution type is `kind`.
    graph.addNode(ids[i], {
      name: columns.name[i], kind: columns.type[i], sector: columns.sector[i],
      regionCode: columns.regionCode[i], community: columns.community[i],
      degree: columns.degree[i], score: columns.score[i], label: columns.name[i],
      x: x[i], y: y[i], size: 4, color: "#888",
    });
  }
  for (let j = 0; j < columns.source.length; j += 1) {
    const s = ids[columns.source[j]];
    const t = ids[columns.target[j]];
    const shared = columns.sharedMeetings[j];
    if (!graph.hasEdge(s, t)) {
      graph.addEdge(s, t, { weight: columns.weight[j], shared,
                            size: Math.min(1 + shared, 4), color: "#ccc" });
    }
  }
  if (n > 1 && n <= SYNC_LAYOUT_MAX) {
    forceAtlas2.assign(graph, { iterations: 300, settings: forceAtlas2.inferSettings(graph) });
  }
  return graph;
}

// ForceAtlas2 in a web worker for `ms`, for networks too large to lay out up front.
// The worker moves a shadow copy of the graph (positions and weights only); the drawn
// graph takes its positions at the end. Applying each iteration would make sigma
// re-index 50,000 edges several times a second on the main thread (a second each
// without a GPU). Returns null when there is nothing to do; else a handle whose stop()
// ends it early.
export function startLayout(graph, ms, onDone) {
  if (graph.order <= SYNC_LAYOUT_MAX) return null;
  const shadow = new Graph({ type: "undirected" });
  graph.forEachNode((node, a) => shadow.addNode(node, { x: a.x, y: a.y, size: a.size }));
  graph.forEachEdge((_, a, s, t) => shadow.addEdge(s, t, { weight: a.weight }));
  const layout = new FA2Layout(shadow, {
    settings: { ...forceAtlas2.inferSettings(shadow), barnesHutOptimize: true },
  });
  const apply = () => graph.updateEachNodeAttributes((node, a) => {
    const at = shadow.getNodeAttributes(node);
    a.x = at.x;
    a.y = at.y;
    return a;
  }, { attributes: ["x", "y"] });
  let timer = null;
  const stop = (finished) => {
    if (timer === null) return;
    clearTimeout(timer);
    timer = null;
    layout.kill();
    if (finished) apply();
    onDone();
  };
  layout.start();
  timer = setTimeout(() => stop(true), ms);
  return { stop: () => stop(false) };
}

export function colourKeys(graph, by) {
  const keys = new Set();
  graph.forEachNode((_, a) => keys.add(String(by === "community" ? a.community : a.sector)));
  return [...keys].sort();
}

export function style(graph, colourBy, sizeBy) {
  const keys = colourKeys(graph, colourBy);
  const colour = new Map(keys.map((k, i) => [k, PALETTE[i % PALETTE.length]]));
  let max = 0;
  graph.forEachNode((_, a) => { max = Math.max(max, sizeBy ? a.score || 0 : a.degree); });
  graph.forEachNode((node, a) => {
    const value = sizeBy ? a.score || 0 : a.degree;
    graph.mergeNodeAttributes(node, {
      color: colour.get(String(colourBy === "community" ? a.community : a.sector)),
      size: 3 + (max > 0 ? 12 * Math.sqrt(value / max) : 0),
    });
  });
  return colour;
}

export function draw(container, graph, previous, onClick) {
  if (previous) previous.kill();
  const many = graph.order > MANY_NODES;
  const renderer = new SmoothSigma(graph, container, {
    renderEdgeLabels: false,
    labelRenderedSizeThreshold: graph.order > 500 ? 10 : 4,
    labelDensity: many ? 0.3 : 1, // fewer labels per screen cell: readable, and cheap
    ...(graph.size > MANY_EDGES ? { edgeProgramClasses: { line: EdgeLineProgram } } : {}),
  });
  renderer.on("clickNode", ({ node }) => onClick(node));
  return renderer;
}

// ---- exports of the view ----

function escapeXml(s) {
  return String(s ?? "").replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function toGexf(graph) {
  const nodes = [];
  graph.forEachNode((id, a) => {
    nodes.push(`<node id="${escapeXml(id)}" label="${escapeXml(a.name)}"><attvalues>`
      + `<attvalue for="type" value="${escapeXml(a.kind)}"/>`
      + `<attvalue for="sector" value="${escapeXml(a.sector)}"/>`
      + `<attvalue for="region" value="${escapeXml(a.regionCode)}"/>`
      + `<attvalue for="community" value="${escapeXml(a.community)}"/>`
      + `</attvalues><viz:position x="${a.x}" y="${a.y}" z="0"/><viz:size value="${a.size}"/>`
      + "</node>");
  });
  const edges = [];
  graph.forEachEdge((id, a, s, t) => {
    edges.push(`<edge id="${escapeXml(id)}" source="${escapeXml(s)}" target="${escapeXml(t)}"`
      + ` weight="${a.weight}"/>`);
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
<graph defaultedgetype="undirected">
<attributes class="node"><attribute id="type" title="type" type="string"/>
<attribute id="sector" title="sector" type="string"/>
<attribute id="region" title="region" type="string"/>
<attribute id="community" title="community" type="string"/></attributes>
<nodes>${nodes.join("\n")}</nodes>
<edges>${edges.join("\n")}</edges>
</graph></gexf>
`;
}

function csvCell(v) {
  const s = String(v ?? "");
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(graph) {
  const rows = [["id", "name", "type", "sector", "region_code", "community", "degree", "score"]];
  graph.forEachNode((id, a) => rows.push([id, a.name, a.kind, a.sector, a.regionCode,
                                          a.community, a.degree, a.score]));
  return rows.map((r) => r.map(csvCell).join(",")).join("\n") + "\n";
}

// WebGL canvases are not readable after drawing, so the PNG is drawn again in 2D
// from sigma's own viewport positions: what the user sees, without the WebGL state.
export function toPng(renderer, graph) {
  const { width, height } = renderer.getDimensions();
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, width, height);
  const at = (node) => renderer.framedGraphToViewport(renderer.getNodeDisplayData(node));
  ctx.strokeStyle = "rgba(120,120,120,0.35)";
  graph.forEachEdge((_, a, s, t) => {
    const p = at(s); const q = at(t);
    ctx.beginPath(); ctx.moveTo(p.x, p.y); ctx.lineTo(q.x, q.y); ctx.stroke();
  });
  graph.forEachNode((node, a) => {
    const p = at(node);
    const r = renderer.scaleSize(renderer.getNodeDisplayData(node).size);
    ctx.fillStyle = a.color;
    ctx.beginPath(); ctx.arc(p.x, p.y, r, 0, 2 * Math.PI); ctx.fill();
  });
  return canvas.toDataURL("image/png");
}

export function download(name, href) {
  const a = document.createElement("a");
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}
