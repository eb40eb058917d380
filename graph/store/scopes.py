"""Per-region versions: what a write touched, so a cached analysis of elsewhere survives it.

Every write bumps the graph version (the whole country's scope). It also stamps each
region it touches, and every ancestor of one, with that new version, in the same
transaction: `Store.scope_version(code)` is then the version of the last write that could
change a network filtered to `code`, and `scope_version(None)` the graph version. An
analytics result keyed by the scope version of its filter's region (graph/analytics/
results.py) stays valid while writes land in other regions.

A network filtered to region R is read from the meetings held in R or below, their
attendance, and the name, type and region of the institutions that attended. So a write
touches: the regions of the meetings it writes (before and after, a meeting may move),
of the meetings whose attendance or programs it changes, of the institutions it writes
(before and after) and of every meeting those institutions attended (a renamed
institution changes each network it is in), and the regions, measurements and program
regions it names. Region codes nest by prefix (Kemendagri), so the ancestors of
"33.74.01" are "33.74" and "33", with no lookup.

A write also records the regions it names directly (not their ancestors), with its
version (`Store.changed_regions`): a national projection saved before can then be
patched by reading again only the regions written since (graph/analytics/patch.py)
instead of all 3.45M attendances. A meeting or institution without a region is recorded
as NO_REGION, so the answer is then "cannot tell" rather than an incomplete list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from graph.model import Batch

# ids -> regions stored for them (None for a node without a region); see named_regions
Lookup = Callable[[set[str]], set[str | None]]
# What a write naming a node without a region records among its changed regions: no
# region code is empty, so it never stands for a real one.
NO_REGION = ""


def ancestors(code: str) -> list[str]:
    """The code and every region above it: "33.74.01" -> ["33.74.01", "33.74", "33"].

    >>> ancestors("33.74.01")
    ['33.74.01', '33.74', '33']
    """
    parts = code.split(".")
    return [".".join(parts[:k]) for k in range(len(parts), 0, -1)]


def expand(codes: Iterable[str | None]) -> set[str]:
    """Every code named and all its ancestors (None: no region, the country only)."""
    out: set[str] = set()
    for code in codes:
        if code:
            out.update(ancestors(code))
    return out


def named_regions(batch: Batch, meeting_regions: Lookup,
                  institution_regions: Lookup) -> set[str | None]:
    """The regions `batch` writes in, before and after, without their ancestors (None: a
    node without a region); `expand` gives those whose networks it may change.

    `meeting_regions(ids)` gives the stored regions of those meetings;
    `institution_regions(ids)` the stored regions of those institutions and of every
    meeting they attended. Both are read inside the write's transaction, before it writes.
    """
    codes: set[str | None] = {r.code for r in batch.regions}
    codes |= {r.parent_code for r in batch.regions if r.parent_code}  # a province: no parent
    codes |= {i.region_code for i in batch.institutions}
    codes |= {m.region_code for m in batch.meetings}
    codes |= {m.region_code for m in batch.measurements}
    codes |= {code for _, code in batch.program_regions}
    meetings = {a.meeting_id for a in batch.attendance} | {m for m, _ in batch.meeting_programs}
    meetings |= set(batch.replace_attendance) | set(batch.replace_meeting_programs)
    meetings |= {m.id for m in batch.meetings}  # where a stored meeting was before
    if meetings:
        codes |= meeting_regions(meetings)
    institutions = {i.id for i in batch.institutions}
    if institutions:
        codes |= institution_regions(institutions)
    return codes


def recorded(named: Iterable[str | None]) -> set[str]:
    """What a write naming `named` records as changed (`Store.changed_regions`)."""
    return {code or NO_REGION for code in named}


def changed_since(changes: Iterable[str], since: int, known_since: int | None,
                  version: int) -> set[str] | None:
    """`Store.changed_regions(since)` from the codes recorded after `since`: None when
    that record may be incomplete (it starts after `since`, or a write named a node
    without a region) or `since` is not a version of this store yet."""
    if known_since is None or since < known_since or since > version:
        return None
    codes = set(changes)
    return None if NO_REGION in codes else codes
