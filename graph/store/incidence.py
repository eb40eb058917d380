"""The meeting-institution incidence a network is projected from, as columns.

`Store.attendance_rows` gives one Python object per attendance, which at national size
(3.45M rows) costs more than the projection itself. `Store.attendance_incidence` gives
this instead: sorted meeting and institution ids with their attributes, and two integer
arrays naming, per attendance, the meeting and institution positions. Both stores build
it with `Incidence.from_keys`, so both order ids the same way (sorted), and a projection
does not depend on which store it came from.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np


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

    @property
    def rows(self) -> int:
        return int(len(self.meeting))

    @classmethod
    def empty(cls) -> Incidence:
        none = np.zeros(0, dtype=np.int32)
        return cls([], [], [], [], [], [], none, none)

    @classmethod
    def from_keys(cls, meeting_keys: Any, institution_keys: Any,
                  meetings: dict[int, tuple[str, date]],
                  institutions: dict[int, tuple[str, str, str, str | None]]) -> Incidence:
        """From per-attendance integer keys (e.g. row ids) and what each key stands for:
        meetings key -> (id, date); institutions key -> (id, name, type, region)."""
        mk = np.asarray(meeting_keys, dtype=np.int64)
        ik = np.asarray(institution_keys, dtype=np.int64)
        if len(mk) == 0:
            return cls.empty()
        m_used, m_inv = np.unique(mk, return_inverse=True)
        i_used, i_inv = np.unique(ik, return_inverse=True)
        m_rank = _rank([meetings[int(k)][0] for k in m_used])
        i_rank = _rank([institutions[int(k)][0] for k in i_used])
        m_sorted = [meetings[int(m_used[j])] for j in np.argsort(m_rank)]
        i_sorted = [institutions[int(i_used[j])] for j in np.argsort(i_rank)]
        return cls(
            [m[0] for m in m_sorted], [m[1] for m in m_sorted],
            [i[0] for i in i_sorted], [i[1] for i in i_sorted], [i[2] for i in i_sorted],
            [i[3] for i in i_sorted],
            m_rank[m_inv].astype(np.int32), i_rank[i_inv].astype(np.int32))


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
