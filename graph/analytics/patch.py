"""A saved projection patched, not rebuilt, after writes in a few regions.

Every write bumps the graph version, so after one meeting written in one kecamatan the
national projection saved beside the store (persist.py) is no longer the one of the
current version, and rebuilding it reads 3.45M attendances again (~3.7 s of CPU) where
a measure on it takes 0.4-1.1 s. But the store says which regions the writes since
named (`Store.changed_regions`), and a network filtered to a region reads only the
meetings held there or below (scopes.py): so the meetings of the saved projection held
in those regions are dropped and those the store now has there are read again, one
`attendance_incidence` per region, with the projection's window, programme and types.

Only the ties of institutions at a meeting whose attendees changed (added, dropped or
attended otherwise) can change, and each such institution's row of W is computed again
whole from the patched incidence by the projection's own kernel, in the same order of
summation (meetings in id order), so no weight is a difference of floats; every other row
is the saved one, relabelled. Ids are kept sorted, attributes read afresh where the
store was read again: a patched projection equals the rebuilt one (ids, names, types,
regions, meetings, B, and W to the last bit).

Whenever the store cannot tell, or the change is large (MAX_REGIONS, MAX_SHARE), or a
write landed between the first read and the last (the reads might not be one state of
the store), or the saved copy and the fresh reads disagree, `patched` says None and the
caller rebuilds: never a patch on incomplete knowledge. `outcomes` counts what happened,
for tests and the benchmark.
"""

from __future__ import annotations

import logging
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp

from graph.analytics import kernels, persist
from graph.analytics.projection import CoAttendance, Projection
from graph.store.base import NetworkFilter, Store, region_prefix_bounds
from graph.store.incidence import Incidence
from graph.store.scopes import ancestors
from graph.weights import newman_array

log = logging.getLogger("tpps.analytics")

# Each changed region is one store read (a kecamatan's attendance: milliseconds); past
# this many, the reads and the rows recomputed approach a rebuild's single scan.
MAX_REGIONS = 64
# Past this share of the saved meetings held in the changed regions (a province written
# in), most of the network would be read and recomputed anyway: rebuilt instead.
MAX_SHARE = 0.25

outcomes: Counter[str] = Counter()  # "patched", or why not


def patched(store: Store, f: NetworkFilter, weighting: str, path: Path) -> Projection | None:
    """The projection to save at `path` (persist.path_of of the current version),
    patched from an older saved version of the same network; None to rebuild."""
    old_path = _older(path)
    if old_path is None:
        return None
    since = int(old_path.name.rsplit("-v", 1)[1])
    before = store.version()
    changed = store.changed_regions(since)
    if changed is None:
        return _refused("unknown", "the store cannot tell what changed since v%d", since)
    cover = _cover(changed, f.region_code)
    if len(cover) > MAX_REGIONS:
        return _refused("too many regions", "%d regions changed", len(cover))
    old = persist.load(old_path)
    held = persist.held(old_path)
    if old is None or held is None or old.network.weighting != weighting:
        return _refused("unreadable", "the copy at %s is not readable", old_path)
    dropped = _held_in(cover, *held)
    if dropped.sum() > MAX_SHARE * max(len(dropped), 1):
        return _refused("too large", "%d of %d meetings changed", dropped.sum(), len(dropped))
    fresh = [store.attendance_incidence(replace(f, region_code=code)) for code in cover]
    if store.version() != before:  # a write in between: the reads may not agree
        return _refused("moving", "a write landed while patching from v%d", since)
    result = _splice(old, held, dropped, fresh)
    if result is None:
        return _refused("inconsistent", "the reads disagree with the copy at %s", old_path)
    outcomes["patched"] += 1
    log.info("projection patched from v%d: %d regions read again, %d of %d meetings "
             "dropped and read again", since, len(cover), int(dropped.sum()), len(dropped))
    return result


def _refused(why: str, message: str, *args: Any) -> Projection | None:
    """None (rebuild), counted and logged with the reason."""
    outcomes[why] += 1
    log.info("projection built again, not patched: " + message, *args)
    return None


def _older(path: Path) -> Path | None:
    """The newest complete saved version of the same network before `path`'s."""
    stem, mine = path.name.rsplit("-v", 1)
    found = [(int(v), p) for p in path.parent.glob(stem + "-v*")
             if (v := p.name.rsplit("-v", 1)[1]).isdigit() and int(v) < int(mine)
             and (p / "done").exists()]
    return max(found)[1] if found else None


def _cover(changed: set[str], scope: str | None) -> list[str]:
    """The changed regions inside `scope`, without those below another one (its read
    covers them): disjoint subtrees, sorted."""
    inside = {c for c in changed if scope is None or c == scope or c.startswith(scope + ".")}
    return sorted(c for c in inside if not any(a in inside for a in ancestors(c)[1:]))


def _held_in(cover: list[str], codes: list[str], positions: Any) -> Any:
    """Per saved meeting: was it held in one of the `cover` regions or below? `codes`
    are sorted, so each region's are one range (itself, then its prefix and a dot)."""
    hit = np.zeros(len(codes) + 1, dtype=bool)  # the last: held nowhere (position -1)
    for code in cover:
        _, high = region_prefix_bounds(code)
        hit[bisect_left(codes, code):bisect_left(codes, high)] = True
    return hit[np.asarray(positions, dtype=np.int64)]


@dataclass
class _Fresh:
    """The fresh reads as one: sorted meeting and institution ids with what they carry,
    and each attendance as (meeting, institution) positions among them."""

    meeting_ids: list[str]
    meetings: dict[str, tuple[date, str | None]]
    institution_ids: list[str]
    institutions: dict[str, tuple[str, str, str | None]]
    meeting: Any
    institution: Any


def _merged(reads: list[Incidence]) -> _Fresh | None:
    """The reads of disjoint regions as one; None if they overlap or contradict."""
    meetings: dict[str, tuple[date, str | None]] = {}
    institutions: dict[str, tuple[str, str, str | None]] = {}
    for inc in reads:
        if inc.meeting_regions is None:
            return None
        meetings.update(zip(inc.meeting_ids, zip(inc.meeting_dates, inc.meeting_regions,
                                                 strict=True), strict=True))
        for iid, name, kind, code in zip(inc.institution_ids, inc.names, inc.types,
                                         inc.region_codes, strict=True):
            if institutions.setdefault(iid, (name, kind, code)) != (name, kind, code):
                return None
    if len(meetings) != sum(len(inc.meeting_ids) for inc in reads):
        return None  # a meeting in two disjoint regions: it moved between two reads
    m_ids, i_ids = sorted(meetings), sorted(institutions)
    m_at = {m: k for k, m in enumerate(m_ids)}
    i_at = {i: k for k, i in enumerate(i_ids)}
    ms, ins = [], []
    for inc in reads:
        ms.append(np.array([m_at[m] for m in inc.meeting_ids], np.int64)[inc.meeting])
        ins.append(np.array([i_at[i] for i in inc.institution_ids], np.int64)[inc.institution])
    none = np.zeros(0, np.int64)
    return _Fresh(m_ids, meetings, i_ids, institutions,
                  np.concatenate(ms) if ms else none, np.concatenate(ins) if ins else none)


def _merge(old: list[str], keep: Any, fresh: list[str]) -> tuple[Any, Any]:
    """Positions in the sorted union of the kept `old` ids (sorted, `keep` a mask) and
    `fresh` ids (sorted, none of them kept): (new position of each old id, -1 if not
    kept; kept ids below each fresh one). A fresh id's new position is its count plus
    its index."""
    before = np.concatenate([[0], np.cumsum(keep)])
    below = np.array([before[bisect_left(old, x)] for x in fresh], np.int64)
    rank = np.cumsum(keep) - 1
    new = np.full(len(old), -1, np.int64)
    new[keep] = rank[keep] + np.searchsorted(below, rank[keep], side="right")
    return new, below


def _interleave(kept: list[Any], below: Any, fresh: list[Any]) -> list[Any]:
    """`kept` with fresh[j] inserted after its first below[j] items (the sorted union)."""
    out: list[Any] = []
    start = 0
    for j, at in enumerate(below.tolist()):
        out.extend(kept[start:at])
        out.append(fresh[j])
        start = at
    out.extend(kept[start:])
    return out


def _find(sorted_ids: list[str], wanted: list[str]) -> Any:
    """Position of each wanted id in `sorted_ids`, -1 where absent."""
    at = np.full(len(wanted), -1, np.int64)
    for k, x in enumerate(wanted):
        p = bisect_left(sorted_ids, x)
        if p < len(sorted_ids) and sorted_ids[p] == x:
            at[k] = p
    return at


def _splice(old: Projection, held: tuple[list[str], Any], dropped: Any,
            reads: list[Incidence]) -> Projection | None:
    """`old` (where its meetings were held: persist.held) without the `dropped` meetings and with
    those of the fresh `reads`; None if they contradict it."""
    fresh = _merged(reads)
    net = old.network
    if fresh is None or net.n == 0:  # an empty network is rebuilt in no time
        return None
    b_old = net._incidence
    old_meetings = list(old.meetings)
    keep_m = ~dropped
    was = _find(old_meetings, fresh.meeting_ids)
    if bool(((was >= 0) & keep_m[np.maximum(was, 0)]).any()):
        return None  # a meeting read again that was kept: outside the changed regions
    # institutions: those of the kept meetings, and those read again
    sizes = np.diff(b_old.indptr)
    kept_rows = np.repeat(keep_m, sizes)
    count = np.bincount(b_old.indices[kept_rows], minlength=net.n)
    in_old = _find(net.ids, fresh.institution_ids)
    for k in np.flatnonzero(in_old >= 0).tolist():
        o = int(in_old[k])
        name, kind, code = fresh.institutions[fresh.institution_ids[k]]
        if count[o] and (net.names[o], net.types[o], net.region_codes[o]) != (name, kind, code):
            return None  # changed, yet a meeting of it was not read again
    present = count > 0
    present[in_old[in_old >= 0]] = True
    newcomers = [i for i, o in zip(fresh.institution_ids, in_old.tolist(), strict=True)
                 if o < 0]
    i_new, i_below = _merge(net.ids, present, newcomers)
    n = int(present.sum()) + len(newcomers)
    to_new = np.where(in_old >= 0, i_new[np.maximum(in_old, 0)], 0)
    to_new[in_old < 0] = i_below + np.arange(len(newcomers))
    # meetings: the kept ones and those read again, in id order
    m_new, m_below = _merge(old_meetings, keep_m, fresh.meeting_ids)
    m = int(keep_m.sum()) + len(fresh.meeting_ids)
    fresh_rows = m_below + np.arange(len(fresh.meeting_ids))
    b = _spliced_rows(b_old, m_new, i_new, sp.csr_matrix(
        (np.ones(len(fresh.meeting)), (fresh_rows[fresh.meeting], to_new[fresh.institution])),
        shape=(m, n)), fresh_rows, m)
    affected = _affected(b_old, dropped, old_meetings, fresh, in_old, i_new, to_new, n)
    weight = _weights(net.weight, b, affected, i_new, net.weighting)
    p = _projection(old, fresh, newcomers, present, i_below, to_new, keep_m, m_below, b,
                    weight)
    p.held = _held_after(held, keep_m, m_new, fresh, fresh_rows, m)
    return p


def _spliced_rows(old: sp.csr_matrix, row_new: Any, column: Any, fresh: sp.csr_matrix,
                  fresh_rows: Any, rows: int) -> sp.csr_matrix:
    """`old`'s rows at their new positions (`row_new`, -1: gone) with columns relabelled,
    and `fresh`'s rows (already in new labels) at `fresh_rows`."""
    is_fresh = np.zeros(rows, dtype=bool)
    is_fresh[fresh_rows] = True
    old_row = np.zeros(rows, dtype=np.int64)
    kept = np.flatnonzero(row_new >= 0)
    old_row[row_new[kept]] = kept
    indptr, indices, data = kernels.splice_rows(
        old.indptr, old.indices, np.asarray(old.data, np.float64), old_row, column,
        fresh.indptr, fresh.indices, np.asarray(fresh.data, np.float64), is_fresh)
    if len(data) < np.iinfo(np.int32).max:  # the dtypes the projection's kernel runs on
        indptr = indptr.astype(np.int32)
    out = sp.csr_matrix((data, indices, indptr), shape=(rows, fresh.shape[1]))
    out.has_sorted_indices = True
    return out


def _affected(b_old: sp.csr_matrix, dropped: Any, old_meetings: list[str], fresh: _Fresh,
              in_old: Any, i_new: Any, to_new: Any, n: int) -> Any:
    """Mask over the new institutions at a meeting whose attendee set changed (dropped
    and not read again, read and new, or attended otherwise): only their ties change."""
    rows = np.flatnonzero(dropped)
    starts, ends = b_old.indptr[rows], b_old.indptr[rows + 1]
    lengths = (ends - starts).astype(np.int64)
    at = np.repeat(starts - np.concatenate([[0], np.cumsum(lengths)[:-1]]), lengths) + \
        np.arange(int(lengths.sum()))
    old_inst = b_old.indices[at].astype(np.int64)
    # a meeting's key: its fresh position, or beyond them for one not read again
    fresh_at = _find(fresh.meeting_ids, [old_meetings[r] for r in rows.tolist()])
    key = np.where(fresh_at >= 0, fresh_at, len(fresh.meeting_ids) + np.arange(len(rows)))
    old_key = np.repeat(key, lengths)
    # an institution's key: its old position, or beyond them for a newcomer
    universe = np.where(in_old >= 0, in_old, b_old.shape[1] + np.cumsum(in_old < 0) - 1)
    width = b_old.shape[1] + len(in_old) + 1
    old_pairs = old_key * width + old_inst
    new_pairs = fresh.meeting * width + universe[fresh.institution]
    changed = np.unique(np.setxor1d(old_pairs, new_pairs) // width)
    mask = np.zeros(n, dtype=bool)
    was_there = i_new[old_inst[np.isin(old_key, changed)]]
    mask[was_there[was_there >= 0]] = True  # those gone have no row to compute
    mask[to_new[fresh.institution[np.isin(fresh.meeting, changed)]]] = True
    return mask


def _weights(w_old: sp.csr_matrix, b: sp.csr_matrix, affected: Any, i_new: Any,
             weighting: str) -> sp.csr_matrix:
    """W of the patched incidence `b`: the affected rows computed again by the
    projection's kernel (the same sums in the same order), the others the saved rows
    relabelled (their ties are at unchanged meetings only)."""
    n = b.shape[1]
    at = np.flatnonzero(affected[b.indices])
    meetings = np.searchsorted(b.indptr, at, side="right") - 1
    who = b.indices[at]
    order = np.argsort(who, kind="stable")  # by institution, then meeting (at is sorted)
    bt_indptr = np.concatenate([[0], np.cumsum(np.bincount(who, minlength=n))])
    per_meeting = (newman_array(np.diff(b.indptr)) if weighting == "newman"
                   else np.ones(b.shape[0]))
    same = np.arange(n, dtype=np.int64)
    a_indptr, a_indices, a_data = kernels.pair_weights(
        b.indptr, b.indices, np.asarray(b.data, np.float64), bt_indptr.astype(b.indptr.dtype),
        meetings[order].astype(np.int32), np.ones(len(at)), per_meeting, same, same)
    old_row = np.zeros(n, dtype=np.int64)
    kept = np.flatnonzero(i_new >= 0)
    old_row[i_new[kept]] = kept
    indptr, indices, data = kernels.splice_rows(
        w_old.indptr, w_old.indices, np.asarray(w_old.data, np.float64), old_row, i_new,
        a_indptr, a_indices, a_data, affected)
    if len(data) < np.iinfo(np.int32).max:
        indptr = indptr.astype(np.int32)
    w = sp.csr_matrix((data, indices, indptr), shape=(n, n))
    if len(data) and not data.all():  # as the projection: a tie of weight 0 is none
        w.eliminate_zeros()
    w.has_sorted_indices = True
    return w


def _projection(old: Projection, fresh: _Fresh, newcomers: list[str],
                present: Any, i_below: Any, to_new: Any, keep_m: Any, m_below: Any,
                b: sp.csr_matrix, weight: sp.csr_matrix) -> Projection:
    """The patched network and meetings: kept attributes, fresh ones where read again."""
    net = old.network
    idx = np.flatnonzero(present).tolist()
    columns = []
    for values, k in ((net.ids, None), (net.names, 0), (net.types, 1), (net.region_codes, 2)):
        column = _interleave([values[i] for i in idx], i_below,
                             newcomers if k is None else
                             [fresh.institutions[x][k] for x in newcomers])
        if k is not None:  # read again: the store's attributes now
            for x, p in zip(fresh.institution_ids, to_new.tolist(), strict=True):
                column[p] = fresh.institutions[x][k]
        columns.append(column)
    p = CoAttendance.__new__(CoAttendance)
    p.weighting = net.weighting
    p.ids, p.names, p.types, p.region_codes = columns
    p.weight, p._incidence = weight, b
    kept = np.flatnonzero(keep_m).tolist()
    old_ids, old_dates = list(old.meetings), list(old.meetings.values())
    ids = _interleave([old_ids[i] for i in kept], m_below, fresh.meeting_ids)
    dates = _interleave([old_dates[i] for i in kept], m_below,
                        [fresh.meetings[x][0] for x in fresh.meeting_ids])
    return Projection(p, dict(zip(ids, dates, strict=True)))


def _held_after(held: tuple[list[str], Any], keep_m: Any, m_new: Any, fresh: _Fresh,
                fresh_rows: Any, m: int) -> tuple[list[str], Any]:
    """Where the patched projection's meetings were held, as persist saves it (sorted
    codes, a position per meeting): the old codes with the fresh ones merged in, without
    a string per meeting (300k of them cost a tenth of the patch)."""
    codes, positions = held
    named = sorted({c for _, c in fresh.meetings.values() if c is not None})
    found = _find(codes, named)
    extra = [c for c, k in zip(named, found.tolist(), strict=True) if k < 0]
    moved, below = _merge(codes, np.ones(len(codes), dtype=bool), extra)
    new_codes = _interleave(codes, below, extra)
    at = dict(zip(named, _find(new_codes, named).tolist(), strict=True))
    out = np.full(m, -1, dtype=np.int32)
    kept = np.flatnonzero(keep_m)
    old = np.asarray(positions, dtype=np.int64)[kept]
    out[m_new[kept]] = np.where(old >= 0, moved[np.maximum(old, 0)], -1)
    out[fresh_rows] = [-1 if c is None else at[c]
                       for c in (fresh.meetings[x][1] for x in fresh.meeting_ids)]
    return new_codes, out
