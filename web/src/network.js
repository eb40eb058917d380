// The collaboration network: a graphology model drawn by sigma (WebGL), laid out
// with ForceAtlas2, coloured by sector or community, sized by a centrality.
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import Sigma from "sigma";

const PALETTE = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02",
                 "#a6761d", "#1f78b4", "#b2df8a", "#fb9a99", "#cab2d6", "#666666"];

export function buildGraph(network) {
  const graph = new Graph({ type: "undirected" });
  const n = network.nodes.length;
  network.nodes.forEach((node, i) => {
    // Start on a circle (deterministic), then let ForceAtlas2 pull collaborators together.
    const angle = (2 * Math.PI * i) / Math.max(n, 1);
    // sigma reads `type` as its drawing program, so the institution type is `kind`.
    const { type, ...rest } = node;
    graph.addNode(node.id, { ...rest, kind: type, label: node.name, x: Math.cos(angle),
                             y: Math.sin(angle), size: 4, color: "#888" });
  });
  for (const e of network.edges) {
    if (!graph.hasEdge(e.source, e.target)) {
      graph.addEdge(e.source, e.target, { weight: e.weight, shared: e.sharedMeetings,
                                          size: Math.min(1 + e.sharedMeetings, 4),
                                          color: "#ccc" });
    }
  }
  if (n > 1) {
    // Fewer iterations for big graphs keep the first draw fast; Barnes-Hut above 300.
    forceAtlas2.assign(graph, {
      iterations: n > 2000 ? 40 : n > 300 ? 120 : 300,
      settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: n > 300 },
    });
  }
  return graph;
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
  const renderer = new Sigma(graph, container, {
    renderEdgeLabels: false,
    labelRenderedSizeThreshold: graph.order > 500 ? 10 : 4,
    hideEdgesOnMove: graph.size > 5000,
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
