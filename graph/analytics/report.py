"""`tpps report`: every measure as CSV, the network as GEXF and GraphML (Gephi opens
both), and an HTML page with plots, for analysts who work in their own tools."""

from __future__ import annotations

import csv
import html
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx

from graph.analytics import service
from graph.analytics.centrality import MEASURES
from graph.analytics.gaps import GapReport, convergence_gaps
from graph.store.base import NetworkFilter, Store

STEPS = ["projection", *MEASURES, "communities", "brokerage", "gaps", "exports", "plots"]


def write_report(store: Store, out: Path, f: NetworkFilter, weighting: str = "shared",
                 step: Callable[[str], None] = lambda _: None) -> list[Path]:
    """Write the report files into `out`; returns their paths."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    p = service.network(store, f, weighting)
    g = p.graph
    step("projection")
    table: dict[str, dict[str, Any]] = {
        n: {"id": n, "name": d["name"], "type": d["type"], "sector": d["sector"],
            "region_code": d.get("region_code") or ""} for n, d in g.nodes(data=True)}
    for measure in MEASURES:
        scores = service.scores(store, f, measure, weighting)
        for node, score, rank in scores.ranked():
            table[node][measure.lower()] = round(score, 8)
            table[node][f"{measure.lower()}_rank"] = rank
        step(measure)
    parts = service.community_list(store, f, weighting)
    for c in parts:
        for m in c.members:
            table[m]["community"] = c.index
            g.nodes[m]["community"] = c.index
    step("communities")
    for b in service.brokers(store, f, weighting):
        table[b.node].update({"constraint": b.constraint, "effective_size": b.effective_size,
                              **b.roles})
    step("brokerage")
    written.append(_csv(out / "institutions.csv", list(table.values())))
    written.append(_csv(out / "ties.csv", [
        {"source": a, "target": b, "weight": d["weight"], "shared_meetings": d["shared"]}
        for a, b, d in g.edges(data=True)]))
    written.append(_csv(out / "communities.csv", [
        {"community": c.index, "label": c.label, "size": len(c.members), "sector": c.sector,
         "region_code": c.region_code or ""} for c in parts]))
    gaps: GapReport | None = None
    if f.region_code:
        gaps = convergence_gaps(store, f.region_code, f.window)
        written.append(_csv(out / "gaps.csv", [
            {"kind": "missing type", "what": "|".join(m.types), "why": m.why}
            for m in gaps.missing_types] + [
            {"kind": "pair never met", "what": f"{x.a_name} / {x.b_name} ({x.kecamatan})",
             "why": x.why} for x in gaps.pair_gaps]))
    step("gaps")
    export = g.copy()
    for _, d in export.nodes(data=True):
        for k, v in list(d.items()):
            if v is None:
                d[k] = ""
    nx.write_gexf(export, out / "network.gexf")
    nx.write_graphml(export, out / "network.graphml")
    written += [out / "network.gexf", out / "network.graphml"]
    step("exports")
    written += _plots_and_html(out, g, table, service.summary(store, f, weighting), gaps)
    step("plots")
    return written


def _csv(path: Path, rows: list[dict[str, Any]]) -> Path:
    fields: list[str] = []
    for r in rows:
        fields += [k for k in r if k not in fields]
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=fields or ["empty"])
        w.writeheader()
        w.writerows(rows)
    return path


def _plots_and_html(out: Path, g: nx.Graph, table: dict[str, dict[str, Any]],
                    summary: service.Summary, gaps: GapReport | None) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sectors = sorted({d["sector"] for _, d in g.nodes(data=True)})
    palette = plt.get_cmap("tab10")
    colour = {s: palette(i % 10) for i, s in enumerate(sectors)}
    fig, ax = plt.subplots(figsize=(9, 7))
    if g.number_of_nodes():
        pos = nx.spring_layout(g, seed=42, weight="weight")
        nx.draw_networkx_edges(g, pos, ax=ax, alpha=0.25)
        nx.draw_networkx_nodes(g, pos, ax=ax, node_size=60,
                               node_color=[colour[g.nodes[n]["sector"]] for n in g.nodes])
        for s in sectors:
            ax.scatter([], [], color=colour[s], label=s)
        ax.legend(loc="best", fontsize=8)
    ax.set_title("Collaboration network, coloured by sector")
    ax.axis("off")
    fig.savefig(out / "network.png", dpi=110, bbox_inches="tight")
    plt.close(fig)

    top = sorted(table.values(), key=lambda r: -float(r.get("betweenness", 0) or 0))[:15]
    fig, ax = plt.subplots(figsize=(9, 5))
    ax.barh([str(r["name"]) for r in reversed(top)],
            [float(r.get("betweenness", 0) or 0) for r in reversed(top)])
    ax.set_title("Betweenness centrality, top 15")
    fig.savefig(out / "centrality.png", dpi=110, bbox_inches="tight")
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(9, 3.5))
    months = summary.meetings_per_month
    ax.bar([m for m, _ in months], [n for _, n in months])
    ax.set_title("Meetings per month")
    ax.tick_params(axis="x", rotation=60)
    fig.savefig(out / "meetings.png", dpi=110, bbox_inches="tight")
    plt.close(fig)

    def row(cells: list[object]) -> str:
        return "<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in cells) + "</tr>"

    top_rows = "".join(row([r["name"], r["type"], r.get("degree", ""),
                            r.get("betweenness", ""), r.get("pagerank", "")]) for r in top)
    gap_rows = ""
    if gaps is not None:
        gap_rows = "".join(row(["missing", " or ".join(m.types), m.why])
                           for m in gaps.missing_types)
        gap_rows += "".join(row(["never met", f"{x.a_name} / {x.b_name}", x.why])
                            for x in gaps.pair_gaps[:200])
    s = summary
    page = f"""<!doctype html><html><head><meta charset="utf-8"><title>tpps-graph report</title>
<style>body{{font-family:sans-serif;max-width:60em;margin:auto}}td,th{{padding:2px 8px}}
table{{border-collapse:collapse}}tr:nth-child(even){{background:#f3f3f3}}</style></head><body>
<h1>Collaboration network report</h1>
<p>{s.institutions} institutions, {s.ties} ties, {s.meetings} meetings; density
{s.density:.4f}; {s.components} components (largest {s.largest_component}); average path
length {s.average_path_length if s.average_path_length is not None else "n/a"}; clustering
{s.average_clustering:.3f}{" (estimated)" if s.approximate else ""}.</p>
<img src="network.png" alt="network"><img src="centrality.png" alt="centrality">
<img src="meetings.png" alt="meetings per month">
<h2>Most central institutions</h2><table><tr><th>name</th><th>type</th><th>degree</th>
<th>betweenness</th><th>pagerank</th></tr>{top_rows}</table>
<h2>Convergence gaps</h2>{"<table>" + gap_rows + "</table>" if gaps is not None
    else "<p>Give --region to list gaps.</p>"}
<p>Files: institutions.csv, ties.csv, communities.csv, network.gexf, network.graphml.</p>
</body></html>"""
    (out / "report.html").write_text(page, "utf-8")
    return [out / "network.png", out / "centrality.png", out / "meetings.png",
            out / "report.html"]
