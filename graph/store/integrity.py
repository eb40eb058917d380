"""What both stores check inside a write's transaction before storing anything.

Dangling edges: a relationship row (attendance, meeting-program, program owner,
program region, citation) must name nodes that are stored or written by the same
batch. SQLite would keep such a row and Neo4j's MATCH would silently drop it, so
both refuse the whole write instead, naming the first missing id.

Merges: joining a Puskesmas into a Polsek, or an institution of one region into
one of another, is almost always a slip, so it needs saying explicitly.
"""

from __future__ import annotations

from operator import attrgetter, itemgetter

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
    """kind -> {id named by a relationship and not written by the batch: where it is named}.

    Set-wise (ids gathered with map/set in C, not a call per row): a bulk load calls
    this for batches of 100k relationship rows. An id keeps the first relationship (in
    the order below) that names it."""
    named: dict[str, dict[str, str]] = {k: {} for k in KINDS}

    def add(kind: str, ids: set[str], where: str) -> None:
        found = named[kind]
        found.update(dict.fromkeys(ids - found.keys(), where))

    attendance, links = batch.attendance, batch.program_links
    add("meetings", set(map(attrgetter("meeting_id"), attendance)), "attendance")
    add("institutions", set(map(attrgetter("institution_id"), attendance)), "attendance")
    add("meetings", set(map(itemgetter(0), batch.meeting_programs)), "meeting program")
    add("programs", set(map(itemgetter(1), batch.meeting_programs)), "meeting program")
    add("programs", set(map(attrgetter("program_id"), links)), "program owner")
    add("institutions", set(map(attrgetter("institution_id"), links)), "program owner")
    add("programs", set(map(itemgetter(0), batch.program_regions)), "program region")
    add("regions", set(map(itemgetter(1), batch.program_regions)), "program region")
    add("sources", set(map(attrgetter("source_id"), batch.citations)), "citation")
    written = {
        "institutions": set(map(attrgetter("id"), batch.institutions)),
        "meetings": set(map(attrgetter("id"), batch.meetings)),
        "programs": set(map(attrgetter("id"), batch.programs)),
        "regions": set(map(attrgetter("code"), batch.regions)),
        "sources": set(map(attrgetter("id"), batch.sources)),
    }
    out: dict[str, dict[str, str]] = {}
    for kind, ids in named.items():
        if ids:
            out[kind] = {i: ids[i] for i in ids.keys() - written[kind]}
    return out


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
