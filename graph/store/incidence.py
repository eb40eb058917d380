"""The meeting-institution incidence a network is projected from, as columns.

`Store.attendance_rows` gives one Python object per attendance, which at national size
(3.45M rows) costs more than the projection itself. `Store.attendance_incidence` gives
this instead: sorted meeting and institution ids with their attributes, and two integer
arrays naming, per attendance, the meeting and institution positions. Both stores build
it with `Incidence.from_keys`, so both order ids the same way (sorted), and a projection
does not depend on which store it came from.

A store whose ids all have the derived form (ids.py: a prefix and 16 hex digits) can
hand the ids over as two long strings instead (`digest_keys`): each id is then the
integer its hex digits spell, decoded by numpy, and sorting those integers sorts the
ids. `Incidence.from_digests` builds the same Incidence from them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

from graph.ids import DIGEST_HEX
from graph.store import digests


@dataclass(frozen=True)
class Incidence:
    meeting_ids: list[str]  # sorted; only meetings with at least one attendance kept
    meeting_dates: list[date]
    institution_ids: list[str]  # sorted
    names: list[str]
    types: list[str]
    region_codes: list[str | None]
    meeting: Any  # np.ndarray[int32]: meeting position of each attendance
    institution: Any  # np.ndarray[int32]: institution position of each attendance
    # where each meeting was held (None: nowhere), so a saved projection knows which of
    # its meetings a write in a region may have changed (graph/analytics/patch.py);
    # None when the source does not say (attendance rows)
    meeting_regions: list[str | None] | None = None

    @property
    def rows(self) -> int:
        return int(len(self.meeting))

    @classmethod
    def empty(cls) -> Incidence:
        none = np.zeros(0, dtype=np.int32)
        return cls([], [], [], [], [], [], none, none, [])

    @classmethod
    def from_keys(cls, meeting_keys: Any, institution_keys: Any,
                  meetings: dict[int, tuple[str, date]],
                  institutions: dict[int, tuple[str, str, str, str | None]],
                  meeting_regions: dict[int, str | None] | None = None) -> Incidence:
        """From per-attendance integer keys (e.g. row ids) and what each key stands for:
        meetings key -> (id, date); institutions key -> (id, name, type, region);
        meeting_regions key -> where the meeting was held."""
        mk = np.asarray(meeting_keys, dtype=np.int64)
        ik = np.asarray(institution_keys, dtype=np.int64)
        if len(mk) == 0:
            return cls.empty()
        m_used, m_inv = np.unique(mk, return_inverse=True)
        i_used, i_inv = np.unique(ik, return_inverse=True)
        m_rank = _rank([meetings[int(k)][0] for k in m_used])
        i_rank = _rank([institutions[int(k)][0] for k in i_used])
        m_order = [int(m_used[j]) for j in np.argsort(m_rank)]
        m_sorted = [meetings[k] for k in m_order]
        i_sorted = [institutions[int(i_used[j])] for j in np.argsort(i_rank)]
        return cls(
            [m[0] for m in m_sorted], [m[1] for m in m_sorted],
            [i[0] for i in i_sorted], [i[1] for i in i_sorted], [i[2] for i in i_sorted],
            [i[3] for i in i_sorted],
            m_rank[m_inv].astype(np.int32), i_rank[i_inv].astype(np.int32),
            None if meeting_regions is None else [meeting_regions[k] for k in m_order])


    @classmethod
    def from_digests(cls, meeting_keys: Any, institution_keys: Any,
                     meetings: Sequence[tuple[str, date]], prefixes: tuple[str, str],
                     institutions: Sequence[InstitutionRow],
                     meeting_regions: Sequence[str | None] | None = None) -> Incidence:
        """From per-attendance digest keys (`digest_keys`), the meetings in scope (id,
        date; every attendance's meeting among them; where each was held in
        `meeting_regions`) and institution rows (id, name, type, region) holding at least
        those to keep: an attendance of one not among them (a type filter left it out)
        is dropped, and a meeting left with none."""
        if len(meeting_keys) == 0:
            return cls.empty()
        row_keys = _known(digest_keys("".join(r[0] for r in institutions), len(institutions),
                                      prefixes[1]), "institution")
        order = np.argsort(row_keys)
        rank = np.empty(len(order), dtype=np.int64)
        rank[order] = np.arange(len(order))
        at = digests.positions(row_keys, institution_keys)  # hash lookup, not a search
        found = at >= 0
        if not found.all():
            meeting_keys, at = meeting_keys[found], at[found]
        pos = rank[at]
        attended = np.bincount(pos, minlength=len(order)) > 0
        i_inv = (np.cumsum(attended) - 1)[pos]
        kept = [institutions[j] for j in order[attended].tolist()]
        m_used, m_inv = _unique(meeting_keys)
        m_keys = _known(digest_keys("".join(m[0] for m in meetings), len(meetings),
                                    prefixes[0]), "meeting")
        m_at = digests.positions(m_keys, m_used)
        if len(m_at) and m_at.min() < 0:
            raise ValueError("an attendance names a meeting outside the scope")
        scoped = [meetings[j] for j in m_at.tolist()]
        m_ids, m_dates = _columns(scoped, 2)
        i_ids, names, types, codes = _columns(kept, 4)
        held = (None if meeting_regions is None
                else [meeting_regions[j] for j in m_at.tolist()])
        return cls(m_ids, m_dates, i_ids, names, types, codes,
                   m_inv.astype(np.int32), i_inv.astype(np.int32), held)


def _columns(rows: list[Any], width: int) -> list[list[Any]]:
    """Rows of `width` fields as `width` lists."""
    return [[r[k] for r in rows] for k in range(width)]


InstitutionRow = tuple[str, str, str, "str | None"]


def digest_keys(joined: str, count: int, prefix: str) -> Any | None:
    """The integers of `count` digest ids (prefix + 16 hex digits) written one after the
    other in `joined`, or None when `joined` is not that. A caller must know every id
    has the form (a GLOB check on its table): ids of other lengths could line up."""
    if count == 0:
        return np.zeros(0, dtype=np.uint64) if not joined else None
    if not joined.isascii():
        return None
    keys, ok = digests.decode(np.frombuffer(joined.encode("ascii"), dtype=np.uint8), count,
                              np.frombuffer(prefix.encode("ascii"), dtype=np.uint8),
                              DIGEST_HEX)
    return keys if ok else None


def _unique(keys: Any) -> tuple[Any, Any]:
    """np.unique with the inverse; keys read in index order are already sorted (no sort)."""
    if len(keys) and bool((keys[1:] >= keys[:-1]).all()):
        new = np.empty(len(keys), dtype=bool)
        new[0] = True
        np.not_equal(keys[1:], keys[:-1], out=new[1:])
        return keys[new], np.cumsum(new) - 1
    return np.unique(keys, return_inverse=True)


def _known(keys: Any | None, kind: str) -> Any:
    if keys is None:
        raise ValueError(f"every {kind} read must have a digest id")
    return keys


def _rank(ids: Sequence[str]) -> Any:
    """Position of each id in sorted order."""
    order = sorted(range(len(ids)), key=ids.__getitem__)
    rank = np.empty(len(ids), dtype=np.int64)
    rank[np.asarray(order, dtype=np.int64)] = np.arange(len(ids))
    return rank


def int_columns(rows: Iterable[tuple[int, int]], chunk: int = 500_000) -> tuple[Any, Any]:
    """Two int64 arrays from an iterator of pairs, a chunk at a time (bounded memory)."""
    firsts: list[Any] = []
    seconds: list[Any] = []
    buf: list[tuple[int, int]] = []
    for r in rows:
        buf.append(r)
        if len(buf) == chunk:
            a = np.array(buf, dtype=np.int64)
            firsts.append(a[:, 0])
            seconds.append(a[:, 1])
            buf = []
    if buf:
        a = np.array(buf, dtype=np.int64)
        firsts.append(a[:, 0])
        seconds.append(a[:, 1])
    if not firsts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(firsts), np.concatenate(seconds)
