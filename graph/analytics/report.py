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
from graph.analytics.gaps import GapReport
from graph.analytics.report_facts import (
    Fragmentation,
    MeetingRow,
    figures_in_scope,
    fragmentation,
    gaps_in_scope,
    measure_info,
    meetings_in_scope,
    tie_ranks,
)
from graph.analytics.summary import Summary
from graph.model import Measurement
from graph.store.base import NetworkFilter, Store

STEPS = ["projection", *MEASURES, "communities", "brokerage", "gaps", "exports", "plots"]


def write_report(store: Store, out: Path, f: NetworkFilter, weighting: str = "shared",
                 step: Callable[[str], None] = lambda _: None, measure: str = "DEGREE",
                 skipped: list[tuple[str, str]] | None = None) -> list[Path]:
    """Write the report files into `out`; returns their paths."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    p = service.network(store, f, weighting)
    g = p.graph
    step("projection")
    table: dict[str, dict[str, Any]] = {
        n: {"id": n, "name": d["name"], "type": d["type"], "sector": d["sector"],
            "region_code": d.get("region_code") or ""} for n, d in g.nodes(data=True)}
    ranks: dict[str, dict[str, str]] = {}
    for m in MEASURES:
        scores = service.scores(store, f, m, weighting)
        for node, score, rank in scores.ranked():
            table[node][m.lower()] = round(score, 8)
            table[node][f"{m.lower()}_rank"] = rank
        ranks[m] = tie_ranks(scores.values)
        step(m)
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
    meetings = meetings_in_scope(store, f)
    all_gaps = gaps_in_scope(store, f, meetings)
    written.append(_csv(out / "gaps.csv", [
        {"region": g.region_code, "kind": "missing type", "what": "|".join(m.types),
         "why": m.why} for g in all_gaps for m in g.missing_types] + [
        {"region": g.region_code, "kind": "pair never met",
         "what": f"{x.a_name} / {x.b_name} ({x.kecamatan})", "why": x.why}
        for g in all_gaps for x in g.pair_gaps]))
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
    written += _plots_and_html(out, g, table, service.summary(store, f, weighting), None)
    extra = _sections(measure, table, ranks, meetings, figures_in_scope(store, f), all_gaps,
                      fragmentation(p, meetings), skipped or [])
    page = (out / "report.html").read_text("utf-8")
    (out / "report.html").write_text(page.replace("</body>", extra + "</body>"), "utf-8")
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
                    summary: Summary, gaps: GapReport | None) -> list[Path]:
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
        if g.number_of_nodes() <= 60:  # small enough to name every institution
            nx.draw_networkx_labels(g, pos, ax=ax, font_size=6,
                                    labels={n: g.nodes[n]["name"] for n in g.nodes})
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
    ax.set_title("Betweenness centrality, top 15 (0 for every institution: no bridges)"
                 if not any(float(r.get("betweenness", 0) or 0) for r in top)
                 else "Betweenness centrality, top 15")
    ax.set_xlabel("normalised betweenness (share of shortest paths through it)")
    fig.savefig(out / "centrality.png", dpi=110, bbox_inches="tight")
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(9, 3.5))
    months = summary.meetings_per_month
    ax.bar([m for m, _ in months], [n for _, n in months])
    ax.set_title("Meetings per month")
    ax.set_xlabel("month")
    ax.set_ylabel("meetings held")
    ax.tick_params(axis="x", rotation=60)
    fig.savefig(out / "meetings.png", dpi=110, bbox_inches="tight")
    plt.close(fig)

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
<p>Files: institutions.csv, ties.csv, communities.csv, network.gexf, network.graphml.</p>
</body></html>"""
    (out / "report.html").write_text(page, "utf-8")
    return [out / "network.png", out / "centrality.png", out / "meetings.png",
            out / "report.html"]


def _table(headers: list[str], rows: list[list[object]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in r) + "</tr>"
                   for r in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def _sections(measure: str, table: dict[str, dict[str, Any]], ranks: dict[str, dict[str, str]],
              meetings: list[MeetingRow], figures: list[Measurement], gaps: list[GapReport],
              frag: Fragmentation | None, skipped: list[tuple[str, str]]) -> str:
    """The report's reading parts: warning, ranked tables with ties, meanings, meetings,
    figures, gaps per region, skipped files."""
    info = measure_info()
    parts: list[str] = []
    if frag is not None:
        parts.append(f'<div class="warning" id="fragmented"><h2>Warning: the network is '
                     f"fragmented</h2><p>{html.escape(frag.explanation)}</p>"
                     f"<p>Group sizes: {html.escape(', '.join(map(str, frag.sizes)))}; "
                     f"meetings per group: "
                     f"{html.escape(', '.join(map(str, frag.meetings_per_component)))}.</p></div>")
    key = measure.lower()
    order = sorted(table.values(), key=lambda r: (-float(r.get(key, 0) or 0), r["id"]))[:25]
    parts.append(f'<h2 id="ranking">Institutions ranked by {html.escape(info[measure].label)}'
                 "</h2><p>Equal scores share a rank, marked with “=”.</p>" + _table(
        ["rank", "institution", "type", "sector", info[measure].label, "degree"],
        [[ranks[measure].get(r["id"], ""), r["name"], r["type"], r["sector"], r.get(key, ""),
          r.get("degree", "")] for r in order]))
    parts.append('<h2 id="measures">What each measure means for a TPPS</h2>' + _table(
        ["measure", "meaning", "top (rank)"],
        [[i.label, i.meaning, "; ".join(
            f"{table[n]['name']} ({r})" for n, r in sorted(
                ranks[m].items(), key=lambda kv: (int(kv[1].lstrip("=")), kv[0]))[:3])]
         for m, i in info.items() if m in ranks]))
    parts.append(f'<h2 id="meetings">Meetings ({len(meetings)})</h2>' + _table(
        ["date", "meeting", "venue", "region", "attendees", "source"],
        [[m.meeting.date, m.meeting.title, m.meeting.venue or "", m.meeting.region_code or "",
          m.attendees, "; ".join(m.sources)] for m in meetings]))
    parts.append(f'<h2 id="figures">Figures over time ({len(figures)})</h2>' + _table(
        ["figure", "region", "period", "value", "unit", "note"],
        [[x.what, x.region_code or "", x.period or "", x.value, x.unit, x.note or ""]
         for x in figures]))
    parts.append('<h2 id="gaps">Convergence gaps</h2>')
    for g in gaps:
        parts.append(f"<h3>{html.escape(g.region_code)} ({html.escape(g.level)}, "
                     f"{g.meetings} meetings)</h3>")
        parts.append(_table(["expected partner type that never attended", "why"],
                            [[" or ".join(m.types), m.why] for m in g.missing_types])
                     if g.missing_types else "<p>Every expected partner type attended.</p>")
        if g.pair_gaps:
            parts.append(_table(["kecamatan", "partner A", "partner B", "why they should meet"],
                                [[x.kecamatan, x.a_name, x.b_name, x.why]
                                 for x in g.pair_gaps[:200]]))
    parts.append(f'<h2 id="skipped">Skipped files ({len(skipped)})</h2>' + (
        _table(["file", "reason"], [[f, why] for f, why in skipped]) if skipped
        else "<p>No files were skipped (give --articles to check a folder of releases).</p>"))
    return "\n".join(parts)
