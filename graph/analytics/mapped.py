"""A stored ranking, brokerage or community list read in place (stored.py): a page decodes its rows,
a lookup a binary search, nothing more.

Both behave as the in-memory values do where the API and the report read them
(`Ranking.ranked`, `rank_of`, `values`; a list of Brokerage sliced), and pickle as
their directory's name: a worker hands the API a name, the API maps the files itself.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar, overload

import numpy as np

from graph.analytics import checks, stored
from graph.analytics.brokerage import ROLES, Brokerage
from graph.analytics.centrality import Scores
from graph.analytics.communities import Community
from graph.analytics.ranking import Ranking

# What a mapped result counts for in the API's result cache (jobs.CACHE_ITEMS): it holds
# a few pages and maps, not its rows, but each keeps files open, so it is not free.
CACHE_ITEMS = 1_000


class Unreadable(Exception):
    """The stored columns a worker named could not be mapped (deleted, or damaged)."""


M = TypeVar("M")


def _opened(cls: Callable[[stored.Columns], M], path: Path) -> M | None:
    """`cls` over the columns at `path`, None when there are none or they do not fit."""
    found = stored.open_columns(path)
    if found is None:
        return None
    try:
        return cls(found)
    except checks.DAMAGE as exc:
        stored.log.warning("result columns at %s not read (computed again instead): %s",
                           path, exc)
        return None


def _at(cls: Callable[[stored.Columns], M], path: str) -> M:
    """What a worker handed over by name, mapped in this process."""
    found = _opened(cls, Path(path))
    if found is None:
        raise Unreadable(f"stored result at {path} could not be read")
    return found


class MappedRanking:
    """`Ranking`'s answers from mapped columns: ids (rank order), scores, ranks, and
    `places` (row numbers in id order, for `rank_of`)."""

    def __init__(self, columns: stored.Columns) -> None:
        self.columns = columns
        self.approximate = bool(columns.meta["approximate"])
        self.engine = str(columns.meta["engine"])
        self._ids = columns.text("ids")
        n = len(self._ids)
        self._scores = columns.array("scores", n, "f")
        self._ranks = columns.array("ranks", n, "i")
        self._places = columns.array("places", n, "i")
        checks.bounds(self._places, "places.npy", 0, n)  # row numbers rank_of follows

    @classmethod
    def save(cls, path: Path, ranking: Ranking) -> MappedRanking | None:
        ok = stored.write(path, {"ids": ranking.nodes}, {
            "scores": np.frombuffer(ranking.scores, dtype=np.float64),
            "ranks": np.frombuffer(ranking.ranks, dtype=np.int64),
            "places": np.frombuffer(ranking._places, dtype=np.int64)},
            {"approximate": ranking.approximate, "engine": ranking.engine}, cls.open)
        return cls.open(path) if ok else None

    @classmethod
    def open(cls, path: Path) -> MappedRanking | None:
        return _opened(cls, path)

    def __len__(self) -> int:
        return len(self._ids)

    def ranked(self, first: int | None = None) -> list[tuple[str, float, int]]:
        n = len(self) if first is None else max(0, min(first, len(self)))
        return list(zip(self._ids.slice(0, n), self._scores[:n].tolist(),
                        self._ranks[:n].tolist(), strict=True))

    def rank_of(self, node: str) -> tuple[float, int] | None:
        """A binary search over the id order, comparing UTF-8 bytes (their order is the
        strings' order): about 18 ids read for 200k rows, none decoded."""
        want = node.encode("utf-8")
        lo, hi = 0, len(self)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._ids.raw(int(self._places[mid])) < want:
                lo = mid + 1
            else:
                hi = mid
        if lo == len(self):
            return None
        i = int(self._places[lo])
        if self._ids.raw(i) != want:
            return None
        return float(self._scores[i]), int(self._ranks[i])

    @property
    def nodes(self) -> tuple[str, ...]:
        return tuple(self._ids.slice(0, len(self)))

    @property
    def scores(self) -> array[float]:
        return array("d", self._scores.tobytes())

    @property
    def values(self) -> dict[str, float]:
        return dict(zip(self.nodes, self._scores.tolist(), strict=True))

    def to_ranking(self) -> Ranking:
        return Ranking.of_columns(self.nodes, self.scores, array("q", self._ranks.tobytes()),
                                  array("q", self._places.tobytes()), self.approximate,
                                  self.engine)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, MappedRanking):
            other = other.to_ranking()
        if isinstance(other, (Ranking, Scores)):
            return self.to_ranking() == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[Any, ...]:
        return (_ranking_at, (str(self.columns.path),))


def _ranking_at(path: str) -> MappedRanking:
    return _at(MappedRanking, path)


class MappedBrokers(Sequence[Brokerage]):
    """The brokerage list (most brokering first) from mapped columns: constraint and
    effective size (NaN for None) and one count column per role."""

    def __init__(self, columns: stored.Columns) -> None:
        if columns.meta.get("roles") != list(ROLES):
            raise ValueError(f"roles {columns.meta.get('roles')}, not {list(ROLES)}")
        self.columns = columns
        self._ids = columns.text("ids")
        n = len(self._ids)
        self._constraint = columns.array("constraint", n, "f")
        self._effective = columns.array("effective_size", n, "f")
        self._roles = columns.array("roles", n, "i", len(ROLES))

    @classmethod
    def save(cls, path: Path, found: Sequence[Brokerage]) -> MappedBrokers | None:
        def floats(values: Iterator[float | None]) -> np.ndarray:
            return np.fromiter((np.nan if v is None else v for v in values), np.float64,
                               len(found))

        roles = np.array([[b.roles[r] for r in ROLES] for b in found],
                         dtype=np.int64).reshape(len(found), len(ROLES))
        ok = stored.write(path, {"ids": [b.node for b in found]}, {
            "constraint": floats(b.constraint for b in found),
            "effective_size": floats(b.effective_size for b in found), "roles": roles},
            {"roles": list(ROLES)}, cls.open)
        return cls.open(path) if ok else None

    @classmethod
    def open(cls, path: Path) -> MappedBrokers | None:
        return _opened(cls, path)

    def __len__(self) -> int:
        return len(self._ids)

    def _rows(self, start: int, stop: int) -> list[Brokerage]:
        ids = self._ids.slice(start, stop)
        constraint = self._constraint[start:stop].tolist()
        effective = self._effective[start:stop].tolist()
        roles = self._roles[start:stop].tolist()
        return [Brokerage(n, None if c != c else c, None if e != e else e,
                          dict(zip(ROLES, r, strict=True)))
                for n, c, e, r in zip(ids, constraint, effective, roles, strict=True)]

    @overload
    def __getitem__(self, i: int) -> Brokerage: ...

    @overload
    def __getitem__(self, i: slice) -> list[Brokerage]: ...

    def __getitem__(self, i: int | slice) -> Brokerage | list[Brokerage]:
        if isinstance(i, slice):
            start, stop, step = i.indices(len(self))
            rows = self._rows(start, max(start, stop)) if step == 1 else \
                [self[k] for k in range(start, stop, step)]
            return rows
        k = i + len(self) if i < 0 else i
        if not 0 <= k < len(self):
            raise IndexError(i)
        return self._rows(k, k + 1)[0]

    def __iter__(self) -> Iterator[Brokerage]:
        step = 10_000
        for start in range(0, len(self), step):
            yield from self._rows(start, min(len(self), start + step))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (list, MappedBrokers)):
            return len(self) == len(other) and list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[Any, ...]:
        return (_brokers_at, (str(self.columns.path),))


def _brokers_at(path: str) -> MappedBrokers:
    return _at(MappedBrokers, path)


class Members(Sequence[str]):
    """One community's member ids, a range of the members column: its size is known
    without a read, a page of members decodes that page."""

    def __init__(self, column: stored.Text, start: int, stop: int) -> None:
        self._column, self._start, self._stop = column, start, stop

    def __len__(self) -> int:
        return self._stop - self._start

    @overload
    def __getitem__(self, i: int) -> str: ...

    @overload
    def __getitem__(self, i: slice) -> list[str]: ...

    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            start, stop, step = i.indices(len(self))
            if step != 1:
                return [self[k] for k in range(start, stop, step)]
            return self._column.slice(self._start + start, self._start + max(start, stop))
        k = i + len(self) if i < 0 else i
        if not 0 <= k < len(self):
            raise IndexError(i)
        return self._column.get(self._start + k)

    def __iter__(self) -> Iterator[str]:
        return iter(self._column.slice(self._start, self._stop))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (list, Members)):
            return len(self) == len(other) and list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[Any, ...]:  # a Community sent on alone: its ids
        return (list, (list(self),))


class MappedCommunities(Sequence[Community]):
    """The community list (largest first) from mapped columns: every community's index,
    sector, region and label, and its members as a range of one members column."""

    def __init__(self, columns: stored.Columns) -> None:
        self.columns = columns
        self._members = columns.text("members")
        self._labels = columns.text("labels")
        self._sectors = columns.text("sectors")
        self._regions = columns.text("regions")
        n = len(self._labels)
        self._index = columns.array("index", n, "i")
        self._starts = columns.array("starts", n + 1, "i")
        self._has_region = columns.array("has_region", n, "b")
        checks.offsets(self._starts, "starts.npy", len(self._members))

    @classmethod
    def save(cls, path: Path, found: Sequence[Community]) -> MappedCommunities | None:
        starts = np.zeros(len(found) + 1, dtype=np.int64)
        np.cumsum([len(c.members) for c in found], out=starts[1:])
        ok = stored.write(path, {
            "members": [m for c in found for m in c.members],
            "labels": [c.label for c in found], "sectors": [c.sector for c in found],
            "regions": [c.region_code or "" for c in found]}, {
            "index": np.array([c.index for c in found], dtype=np.int64), "starts": starts,
            "has_region": np.array([c.region_code is not None for c in found], dtype=bool)},
            {}, cls.open)
        return cls.open(path) if ok else None

    @classmethod
    def open(cls, path: Path) -> MappedCommunities | None:
        return _opened(cls, path)

    def __len__(self) -> int:
        return len(self._labels)

    def _row(self, k: int) -> Community:
        members: Any = Members(self._members, int(self._starts[k]), int(self._starts[k + 1]))
        region = self._regions.get(k) if self._has_region[k] else None
        return Community(int(self._index[k]), members, self._sectors.get(k), region,
                         self._labels.get(k))

    @overload
    def __getitem__(self, i: int) -> Community: ...

    @overload
    def __getitem__(self, i: slice) -> list[Community]: ...

    def __getitem__(self, i: int | slice) -> Community | list[Community]:
        if isinstance(i, slice):
            return [self._row(k) for k in range(*i.indices(len(self)))]
        k = i + len(self) if i < 0 else i
        if not 0 <= k < len(self):
            raise IndexError(i)
        return self._row(k)

    def __iter__(self) -> Iterator[Community]:
        return (self._row(k) for k in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (list, MappedCommunities)):
            return len(self) == len(other) and list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[Any, ...]:
        return (_communities_at, (str(self.columns.path),))


def _communities_at(path: str) -> MappedCommunities:
    return _at(MappedCommunities, path)
