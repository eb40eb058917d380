"""Where a generated network goes: straight into a store, or a JSON dataset that
`tpps load json` reads (regions are left to `tpps load regions`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from graph.model import Batch
from graph.store.base import Store


def write_to_store(store: Store, batches: Iterable[Batch],
                   progress: Callable[[int], None] | None = None) -> int:
    """Every batch written, through the store's bulk path when it has one (one
    transaction: all or nothing); the rows written."""
    bulk = getattr(store, "bulk_write", None)
    total = 0

    def counted() -> Iterable[Batch]:
        nonlocal total
        for b in batches:
            total += b.rows()
            yield b
            if progress:
                progress(total)

    if bulk is not None:
        bulk(counted())
    else:  # pragma: no cover - both stores have bulk_write
        for b in counted():
            store.write(b)
    return total


def to_dataset(batches: Iterable[Batch]) -> dict[str, Any]:
    """One JSON dataset in the tpps-graph format, every record citing the synthetic source."""
    merged = Batch()
    for b in batches:
        for name in ("sources", "institutions", "meetings", "programs", "measurements",
                     "attendance", "meeting_programs", "program_links", "program_regions"):
            getattr(merged, name).extend(getattr(b, name))
    (source,) = merged.sources
    cite = [{"source": "src:synthetic"}]
    attendees: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for a in merged.attendance:
        attendees[a.meeting_id].append({"institution": a.institution_id, "roles": list(a.roles),
                                        "sources": cite})
    talks: dict[str, list[str]] = defaultdict(list)
    for mid, pid in merged.meeting_programs:
        talks[mid].append(pid)
    owners: dict[str, list[dict[str, str]]] = defaultdict(list)
    for link in merged.program_links:
        owners[link.program_id].append({"institution": link.institution_id,
                                        "relation": link.relation})
    regions: dict[str, list[str]] = defaultdict(list)
    for pid, code in merged.program_regions:
        regions[pid].append(code)
    return {
        "sources": [{"ref": "src:synthetic", "title": source.title}],
        "institutions": [{"ref": i.id, "id": i.id, "name": i.name, "type": i.type,
                          "region": i.region_code, "level": i.level, "sources": cite}
                         for i in merged.institutions],
        "programs": [{"ref": p.id, "id": p.id, "name": p.name, "description": p.description,
                      "owners": owners[p.id], "regions": regions[p.id], "sources": cite}
                     for p in merged.programs],
        "meetings": [{"ref": m.id, "id": m.id, "title": m.title, "date": m.date.isoformat(),
                      "start_time": m.start_time, "end_time": m.end_time, "venue": m.venue,
                      "level": m.level, "region": m.region_code, "attendees": attendees[m.id],
                      "programs": talks[m.id], "sources": cite} for m in merged.meetings],
        "measurements": [{"id": m.id, "what": m.what, "value": m.value, "unit": m.unit,
                          "period": m.period, "region": m.region_code, "note": m.note,
                          "sources": cite} for m in merged.measurements],
    }
