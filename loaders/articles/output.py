"""What an extraction becomes: the JSON `tpps extract` prints, and the records a
load writes (through the same resolver as the JSON/CSV loader)."""

from __future__ import annotations

from typing import Any

from graph.model import primary_role
from loaders.articles.extract import Extraction
from loaders.articles.institutions import Mention
from loaders.records import (
    AttendeeRecord,
    InstitutionRecord,
    MeasurementRecord,
    MeetingRecord,
    ProgramOwnerRecord,
    ProgramRecord,
    RegionRecord,
    SourceRecord,
    SourceRef,
)
from loaders.structured import Parsed, Where


def _span(obj: Any) -> dict[str, Any]:
    return {"span": [obj.start, obj.end], "excerpt": obj.text.strip()}


def _institution(e: Extraction, i: Mention) -> dict[str, Any]:
    region = next((r.name for r in e.regions if r.code == i.region_code), None)
    return {"name": i.name, "type": i.type, "region_code": i.region_code, "region": region,
            "level": i.level, "roles": list(i.roles), "collective": i.collective,
            **_span(i.sentence)}


def to_json(e: Extraction) -> dict[str, Any]:
    """The contract of `tpps extract --format json`: one object per input file.

    `meetings` holds every meeting held, the first one first (none for an explainer, a
    plan or a passing mention, with `skipped` saying why), each with its own date,
    venue, region and attendees; a `series` stop shares the first one's holder and
    attendees. `region` names every level (province, kabkota, kecamatan,
    desa_kelurahan) so it compares with a gold file (GOLD.md).
    `institutions` are the bodies that took part; `mentioned` the ones only named.
    """
    meetings = []
    for n, m in enumerate(_held(e)):
        meetings.append({
            "title": m["title"], "family": m["family"], "date": m["date"],
            "date_inferred": m["date_inferred"], "start_time": m["start_time"],
            "end_time": m["end_time"], "venue": m["venue"], "level": m["level"],
            "region": m["region"], "holder": m["holder"],
            "series": bool(m.get("series")),
            "attendees": [{**_institution(e, a), "role": primary_role(a.roles)}
                          for a in _attendees(e, m)],
            "programs": [p.name for p in e.programs] if n == 0 else [],
            **_span(m["sentence"]),
        })
    return {
        "source": e.source,
        "meetings": meetings,
        "institutions": [_institution(e, i) for i in e.institutions],
        "mentioned": [_institution(e, i) for i in e.mentioned],
        "programs": [{"name": p.name, "aliases": p.aliases, "description": p.description,
                      "run_by": list(dict.fromkeys(t for t, _, _ in p.run_by)),
                      "links": [{"type": t, "relation": rel} for t, rel, _ in p.run_by],
                      **_span(p.sentence)} for p in e.programs],
        "measurements": [{"what": f["what"], "value": f["value"], "unit": f["unit"],
                          "period": f["period"], "region_code": f["region_code"],
                          "region": f["region"], "note": f["note"], **_span(f["sentence"])}
                         for f in e.figures],
        "warnings": e.warnings,
        **({"skipped": e.skipped} if e.skipped else {}),
    }


def to_records(e: Extraction, into: Parsed, keep_excerpts: bool = True) -> None:
    """Add the extraction's facts to `into` as loader records, each citing its sentence."""
    here = Where(e.path, None, "")
    src = f"src:{e.path}"

    def cite(obj: Any) -> list[SourceRef]:
        return [SourceRef(source=src, start=obj.start, end=obj.end,
                          excerpt=obj.text.strip() if keep_excerpts else None)]

    s = e.source
    into.records["sources"].append((here, SourceRecord(
        ref=src, title=s["title"] or s["file"], file=s["file"], url=s["url"],
        published=s["published"])))
    for r in e.regions:
        into.records["regions"].append((here, RegionRecord.model_validate(
            {"code": r.code, "name": r.name, "level": r.level, "parent": r.parent_code})))
    refs: dict[tuple[str, str | None, str], str] = {}
    for n, i in enumerate(e.institutions):
        refs[i.key] = f"{e.path}#i{n}"
        into.records["institutions"].append((here, InstitutionRecord.model_validate(
            {"ref": refs[i.key], "name": i.name, "type": i.type, "region": i.region_code,
             "level": i.level, "sources": cite(i.sentence)})))
    # An institution named only as a programme's runner or backer ('didukung oleh Baznas')
    # is stored too, so its RUNS / SUPPORTS edge has both ends.
    linked = {m.key: m for p in e.programs for _, _, m in p.run_by if m.key not in refs}
    for n, who in enumerate(linked.values()):
        refs[who.key] = f"{e.path}#l{n}"
        into.records["institutions"].append((here, InstitutionRecord.model_validate(
            {"ref": refs[who.key], "name": who.name, "type": who.type,
             "region": who.region_code, "level": who.level, "sources": cite(who.sentence)})))
    # A program discussed at a meeting is active in the meeting's region.
    where = [e.meeting["region"]["code"]] if e.meeting and e.meeting["region"] else []
    for n, p in enumerate(e.programs):
        owners = [ProgramOwnerRecord(institution=refs[m.key], relation=rel)  # type: ignore[arg-type]
                  for _, rel, m in p.run_by if m.key in refs]
        into.records["programs"].append((here, ProgramRecord(
            ref=f"{e.path}#p{n}", name=p.name, aliases=p.aliases,
            description=p.description or None, owners=owners, regions=where,
            sources=cite(p.sentence))))
    for k, m in enumerate(_held(e)):
        if not m["date"]:
            continue  # a meeting without a known day is reported, not stored
        into.records["meetings"].append((here, MeetingRecord(
            title=m["title"], date=m["date"], start_time=m["start_time"],
            end_time=m["end_time"], venue=m["venue"], level=m["level"],
            region=m["region"]["code"] if m["region"] else None,
            attendees=[_attendee(refs, a, cite) for a in _attendees(e, m) if a.key in refs],
            programs=[f"{e.path}#p{n}" for n in range(len(e.programs))] if k == 0 else [],
            sources=cite(m["sentence"]))))
    for f in e.figures:
        into.records["measurements"].append((here, MeasurementRecord(
            what=f["what"], value=f["value"], unit=f["unit"], period=f["period"],
            region=f["region_code"], note=f["note"], sources=cite(f["sentence"]))))


def _held(e: Extraction) -> list[dict[str, Any]]:
    """Every meeting held, the first first (an extraction built by hand may give only
    `meeting`)."""
    if e.meetings:
        return e.meetings
    return [e.meeting] if e.meeting is not None else []


def _attendees(e: Extraction, m: dict[str, Any]) -> list[Mention]:
    given = m.get("attendees")
    return list(given) if given is not None else list(e.institutions)


def _attendee(refs: dict[tuple[str, str | None, str], str], a: Mention, cite: Any
              ) -> AttendeeRecord:
    return AttendeeRecord(institution=refs[a.key], roles=list(a.roles),  # type: ignore[arg-type]
                          sources=cite(a.sentence))
