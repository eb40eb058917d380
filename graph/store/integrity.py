"""What both stores check inside a write's transaction before storing anything.

Dangling edges: a relationship row (attendance, meeting-program, program owner,
program region, citation) must name nodes that are stored or written by the same
batch. SQLite would keep such a row and Neo4j's MATCH would silently drop it, so
both refuse the whole write instead, naming the first missing id.

Merges: joining a Puskesmas into a Polsek, or an institution of one region into
one of another, is almost always a slip, so it needs saying explicitly.
"""

from __future__ import annotations

from graph.model import Batch, Institution
from graph.store.base import DanglingEdge, MergeRefused

# node kind -> (what a message calls it, the relationship rows that name it)
KINDS = {
    "institutions": "institution",
    "meetings": "meeting",
    "programs": "program",
    "regions": "region",
    "sources": "source",
}


def edge_refs(batch: Batch) -> dict[str, dict[str, str]]:
    """kind -> {id named by a relationship and not written by the batch: where it is named}."""
    named: dict[str, dict[str, str]] = {k: {} for k in KINDS}

    def add(kind: str, id_: str, where: str) -> None:
        named[kind].setdefault(id_, where)

    for a in batch.attendance:
        add("meetings", a.meeting_id, "attendance")
        add("institutions", a.institution_id, "attendance")
    for meeting, program in batch.meeting_programs:
        add("meetings", meeting, "meeting program")
        add("programs", program, "meeting program")
    for link in batch.program_links:
        add("programs", link.program_id, "program owner")
        add("institutions", link.institution_id, "program owner")
    for program, region in batch.program_regions:
        add("programs", program, "program region")
        add("regions", region, "program region")
    for c in batch.citations:
        add("sources", c.source_id, "citation")
    written = {
        "institutions": {i.id for i in batch.institutions},
        "meetings": {m.id for m in batch.meetings},
        "programs": {p.id for p in batch.programs},
        "regions": {r.code for r in batch.regions},
        "sources": {s.id for s in batch.sources},
    }
    return {k: {i: w for i, w in ids.items() if i not in written[k]}
            for k, ids in named.items() if ids}


def refuse_dangling(kind: str, wanted: dict[str, str], stored: set[str]) -> None:
    """Raise DanglingEdge for the first id (in sorted order) that is not stored."""
    missing = sorted(set(wanted) - stored)
    if missing:
        first = missing[0]
        more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
        raise DanglingEdge(f"{wanted[first]} names {KINDS[kind]} {first!r}, which is neither "
                           f"stored nor in this write{more}; nothing was written", first)


def check_merge(keep: Institution, drop: Institution, allow_cross_type: bool,
                allow_cross_region: bool) -> None:
    if keep.type != drop.type and not allow_cross_type:
        raise MergeRefused(f"{drop.id} is a {drop.type} and {keep.id} a {keep.type}: merging "
                           "institutions of different types must be allowed explicitly", "type")
    if (keep.region_code and drop.region_code and keep.region_code != drop.region_code
            and not allow_cross_region):
        raise MergeRefused(f"{drop.id} is in region {drop.region_code} and {keep.id} in "
                           f"{keep.region_code}: merging across regions must be allowed "
                           "explicitly", "region")
