// The side panels: an institution (meetings with their source sentence, collaborators,
// programs, ranks) and a region (convergence gaps, figures over time, top brokers).
// Everything from the API goes through esc() before it reaches innerHTML.

export function esc(value) {
  return String(value ?? "").replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function table(headers, rows) {
  if (!rows.length) return "";
  return `<table><tr>${headers.map((h) => `<th>${esc(h)}</th>`).join("")}</tr>${
    rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("")}</table>`;
}

function sourceLink(citation, t) {
  if (!citation || !citation.source) return "";
  const s = citation.source;
  const title = esc(s.title || t("source")) + (s.file ? ` <code>${esc(s.file)}</code>` : "");
  // Generated demo facts say so wherever they are cited.
  const badge = s.synthetic
    ? ` <span class="badge synthetic" title="${esc(t("syntheticTitle"))}">${
      esc(t("synthetic"))}</span>` : "";
  return (s.url ? `<a href="${esc(s.url)}" target="_blank" rel="noopener">${title}</a>`
    : title) + badge;
}

const MEASURES = [["degree", "DEGREE"], ["weightedDegree", "WEIGHTED_DEGREE"],
                  ["betweenness", "BETWEENNESS"], ["closeness", "CLOSENESS"],
                  ["eigenvector", "EIGENVECTOR"], ["pagerank", "PAGERANK"]];

export function institutionPanel(inst, t) {
  const meetings = inst.meetings.edges.map(({ node: m }) => {
    const me = m.attendees.find((a) => a.institution.id === inst.id);
    // The attendance's own citation says most (who, in which role); else the meeting's.
    const cite = (me && me.sources[0]) || m.sources[0];
    return `<div class="meeting"><strong>${esc(m.date)}</strong> ${esc(m.title)}<br>
      ${t("venue")}: ${esc(m.venue || "–")}${m.region ? `, ${esc(m.region.name)}` : ""};
      ${t("role")}: ${esc(me ? me.roles.join(", ") : "–")}
      ${cite ? `<blockquote class="cite">${cite.excerpt ? `${esc(cite.excerpt)}<br>` : ""}— ${
        sourceLink(cite, t)}${cite.start != null ? ` (${t("chars")} ${esc(cite.start)}–${
        esc(cite.end)})` : ""}</blockquote>` : ""}
      </div>`;
  }).join("");
  const collaborators = table([t("collaborators"), t("sharedMeetings"), t("weight")],
    inst.collaborators.map((c) => [
      `<button class="link" data-institution="${esc(c.institution.id)}">${
        esc(c.institution.name)}</button>`, esc(c.sharedMeetings), esc(c.weight.toFixed(3))]));
  const programs = inst.programs.map((p) => `<li>${esc(p.program ? p.program.name : "")}
    (${esc(p.relation)})</li>`).join("");
  const ranks = table([t("ranks"), t("rank"), "score"], MEASURES.map(([key, m]) => {
    const r = inst[key];
    return [esc(t(`measure.${m}`)), r ? esc(r.rank) : "–", r ? esc(r.score.toPrecision(3)) : "–"];
  }));
  return `<button class="close" type="button">${t("close")}</button>
    <h2 id="panel-title">${esc(inst.name)}</h2>
    <p>${esc(inst.type)} · ${esc(inst.sector)}${inst.region ? ` · ${esc(inst.region.name)}` : ""}</p>
    <h3>${t("meetings")} (${esc(inst.meetings.totalCount)})</h3>${meetings}
    <h3>${t("collaborators")}</h3>${collaborators}
    <h3>${t("programs")}</h3><ul>${programs}</ul>
    <h3>${t("ranks")}</h3>${ranks}`;
}

export function regionPanel(data, t) {
  const r = data.region;
  const gaps = data.convergenceGaps;
  const missing = gaps && gaps.missingTypes.length
    ? `<ul id="missing-types">${gaps.missingTypes.map((m) =>
      `<li><strong>${esc(m.types.join(" / "))}</strong>: ${esc(m.why)}</li>`).join("")}</ul>`
    : `<p>${t("noGaps")}</p>`;
  const pairs = gaps && gaps.pairGaps.length
    ? table(["A", "B", ""], gaps.pairGaps.map((g) => [esc(g.a && g.a.name),
      esc(g.b && g.b.name), esc(g.why)]))
    : `<p>${t("noGaps")}</p>`;
  const figures = [...r.measurements].sort((a, b) =>
    String(a.period).localeCompare(String(b.period)));
  const figureRows = table(["", "", ""], figures.map((m) => [esc(m.period || "–"),
    esc(m.what), `${esc(m.value)} ${esc(m.unit)}`]));
  const brokers = table([t("brokers"), "effective size", "roles"],
    data.brokers.map((b) => [
      `<button class="link" data-institution="${esc(b.institution.id)}">${
        esc(b.institution.name)}</button>`,
      esc(b.effectiveSize == null ? "–" : b.effectiveSize.toFixed(2)), esc(b.total)]));
  return `<button class="close" type="button">${t("close")}</button>
    <h2 id="panel-title">${esc(r.name)} <small>${esc(r.code)} · ${esc(r.level)}</small></h2>
    <h3>${t("gaps")}</h3>
    <h4>${t("missingTypes")}</h4>${missing}
    <h4>${t("pairGaps")}</h4>${pairs}
    <h3>${t("figures")}</h3>${figureRows || `<p>${t("noGaps")}</p>`}
    <h3>${t("brokers")}</h3>${brokers}`;
}
