"""The institution-institution collaboration network, projected from co-attendance.

Two institutions are tied when they attended the same meeting. The tie's weight is
either the number of shared meetings, or Newman's collaboration weight, the sum over
shared meetings of 1/(n-1) for a meeting of n attendees (weights.py), so that large
plenaries bind less than small working meetings.

The projection is sparse linear algebra, not a loop over pairs: with B the meeting x
institution incidence matrix and W the diagonal of meeting weights, the tie weights
are the off-diagonal of B^T W B (a compiled row-by-row product, kernels.pair_weights).
A national network (200k institutions, 5M ties) is built in about a second and kept as
one CSR matrix; the NetworkX graph, the
reference every engine is held to, is made from it only when asked (`graph`).

References
----------
M. E. J. Newman, "Scientific collaboration networks. II. Shortest paths, weighted
networks, and centrality", Phys. Rev. E 64, 016132 (2001).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
import scipy.sparse as sp

from graph.analytics import kernels, scratch
from graph.store.base import AttendanceRow, NetworkFilter, Store
from graph.store.incidence import Incidence
from graph.vocabulary import sector_of
from graph.weights import newman_array

WEIGHTINGS = ("shared", "newman")
NETWORKIT_FILE = "networkit.nkb"
# A column of labels (sectors, region codes) as its distinct values, sorted, and one int64
# code per institution indexing them (len(values) for None): what labelling needs.
Coded = tuple[list[str], np.ndarray]


def coded(values: Sequence[str | None]) -> Coded:
    names: list[str] = sorted(v for v in set(values) if v is not None)
    code: dict[str | None, int] = {v: c for c, v in enumerate(names)}
    code[None] = len(names)
    return names, np.fromiter(map(code.__getitem__, values), dtype=np.int64,
                              count=len(values))


class CoAttendance:
    """The weighted network as a symmetric CSR matrix over sorted institution ids.

    A network read back from its saved files (persist.py) splits its names, types and
    region codes only when a measure first reads them: PageRank reads none, and splitting
    600k strings was a third of a cold whole-country PageRank."""

    # persist.py sets it: column name -> its values, read from the (checked) saved text
    _saved_column: Callable[[str], list[Any]]

    def __init__(self, incidence: Incidence, weighting: str = "shared") -> None:
        if weighting not in WEIGHTINGS:
            raise ValueError(f"weighting must be one of {WEIGHTINGS}, not {weighting!r}")
        self.weighting = weighting
        self.ids = incidence.institution_ids
        self.names = incidence.names
        self.types = incidence.types
        self.region_codes = incidence.region_codes
        m, n = len(incidence.meeting_ids), len(self.ids)
        ones = np.ones(incidence.rows, dtype=np.float64)
        self._incidence = sp.csr_matrix((ones, (incidence.meeting, incidence.institution)),
                                        shape=(m, n))
        sizes = np.diff(self._incidence.indptr)
        per_meeting = newman_array(sizes) if weighting == "newman" else np.ones(m)
        self.weight = _pair_weights(self._incidence, per_meeting, self._locality)

    @cached_property
    def names(self) -> list[str]:
        return self._saved_column("names")

    @cached_property
    def types(self) -> list[str]:
        return self._saved_column("types")

    @cached_property
    def region_codes(self) -> list[str | None]:
        return self._saved_column("region_codes")

    @property
    def _locality(self) -> Any:
        """Institutions by region code (then id): who meets whom is mostly local."""
        codes = np.array([c or "" for c in self.region_codes])
        return np.argsort(codes, kind="stable")

    @property
    def n(self) -> int:
        return len(self.ids)

    @property
    def ties(self) -> int:
        return int(self.weight.nnz // 2)

    @cached_property
    def sectors(self) -> list[str]:
        return [sector_of(t) for t in self.types]

    def coded(self, column: str) -> Coded:
        """`coded(getattr(self, column))`, made once per projection: labelling the
        country's communities went through 200k strings twice on every call."""
        made: dict[str, Coded] = self.__dict__.setdefault("_coded", {})
        found = made.get(column)
        if found is None:
            found = made[column] = coded(getattr(self, column))
        return found

    @cached_property
    def index(self) -> dict[str, int]:
        return {node: i for i, node in enumerate(self.ids)}

    @cached_property
    def shared(self) -> sp.csr_matrix:
        """Shared meetings per tie (the same pattern as `weight`)."""
        if self.weighting == "shared":
            return self.weight
        return _pair_weights(self._incidence, np.ones(self._incidence.shape[0]),
                             self._locality)

    @cached_property
    def edges(self) -> tuple[Any, Any, Any]:
        """Each tie once (i < j): sources, targets, weights."""
        upper = sp.triu(self.weight, k=1).tocoo()
        return upper.row.astype(np.int64), upper.col.astype(np.int64), upper.data

    @cached_property
    def graph(self) -> nx.Graph:
        """The NetworkX copy: the reference, and what small-network answers use."""
        g = nx.Graph()
        g.add_nodes_from(
            (node, {"name": name, "type": t, "sector": s, "region_code": r})
            for node, name, t, s, r in zip(self.ids, self.names, self.types, self.sectors,
                                           self.region_codes, strict=True))
        rows, cols, weights = self.edges
        counts = sp.triu(self.shared, k=1).tocoo().data  # same pattern, same order
        ids = self.ids
        g.add_edges_from((ids[a], ids[b], {"weight": float(w), "shared": int(c)})
                         for a, b, w, c in zip(rows, cols, weights, counts, strict=True))
        return g

    @cached_property
    def igraph(self) -> Any:
        """The igraph copy (weights as 'weight'), built once from the edge arrays."""
        import igraph as ig

        rows, cols, weights = self.edges
        # pairs of Python ints are igraph's fastest input (numpy arrays go element-wise)
        g = ig.Graph(n=self.n, edges=list(zip(rows.tolist(), cols.tolist(), strict=True)))
        g.es["weight"] = weights.tolist()
        return g


    # Where this network is saved (graph/analytics/persist.py), if it is: its networkit
    # copy is kept there too, read back several times faster than it is built.
    saved_at: Path | None = None

    @cached_property
    def networkit(self) -> Any:
        """The networkit copy (weighted, undirected): read from beside the saved
        projection when it is there, else built once from the edge arrays (and saved)."""
        import networkit as nk

        kept = self.saved_at / NETWORKIT_FILE if self.saved_at is not None else None
        if kept is not None and kept.exists():
            try:
                g = nk.graphio.NetworkitBinaryReader().read(str(kept))
                if g.numberOfNodes() == self.n and g.numberOfEdges() == self.ties:
                    return g
            except (OSError, RuntimeError):  # unreadable: built again below
                pass
        rows, cols, weights = self.edges
        g = nk.GraphFromCoo((weights, (rows.astype(np.uint64), cols.astype(np.uint64))),
                            n=self.n, weighted=True, directed=False)
        if kept is not None:
            tmp = kept.with_name(f"{scratch.PREFIX}{os.getpid()}-{kept.name}")
            scratch.sweep(kept.parent)  # what a writer killed midway left here
            try:  # written aside, then renamed: a reader never sees half a file
                nk.graphio.NetworkitBinaryWriter().write(g, str(tmp))
                os.replace(tmp, kept)
            except (OSError, RuntimeError):  # the copy stands; only not kept
                tmp.unlink(missing_ok=True)
        return g


def _pair_weights(b: sp.csr_matrix, per_meeting: Any,
                  locality: Any | None = None) -> sp.csr_matrix:
    """The off-diagonal of B^T W B (kernels.pair_weights), zeros dropped, indices sorted:
    scipy's product, then stripped of its diagonal, took 3 s and twice the memory at
    national size; the compiled loop makes only the ties. `locality` (institution
    positions in an order that keeps co-attendees near, e.g. by region) speeds the loop
    and does not change the result."""
    n = b.shape[1]
    old = (np.arange(n, dtype=np.int64) if locality is None
           else np.asarray(locality, dtype=np.int64))
    new = np.empty(n, dtype=np.int64)
    new[old] = np.arange(n, dtype=np.int64)
    local = sp.csr_matrix((b.data, new[b.indices], b.indptr), shape=b.shape)
    bt = local.T.tocsr()
    bt.sort_indices()  # meetings in order within each row: one order of summation
    indptr, indices, data = kernels.pair_weights(
        local.indptr, local.indices, np.asarray(local.data, dtype=np.float64), bt.indptr,
        bt.indices, np.asarray(bt.data, dtype=np.float64),
        np.asarray(per_meeting, dtype=np.float64), old, new)
    if len(data) < np.iinfo(np.int32).max:
        indptr = indptr.astype(np.int32)
    m = sp.csr_matrix((data, indices, indptr), shape=(n, n))
    if len(data) and not data.all():  # a tie of weight 0 (meetings weighted 0) is none
        m.eliminate_zeros()
    m.has_sorted_indices = True
    return m


class Projection:
    """A network and the meetings it was projected from (id -> date), with where each
    was held when the store said (what patching a saved copy needs: patch.py), as a
    list or as persist saves it (`held`: sorted codes, a code position per meeting)."""

    # persist.py sets it on a projection read back: the meetings, built at first use
    _saved_meetings: Callable[[], dict[str, date]]

    def __init__(self, network: CoAttendance, meetings: dict[str, date] | None = None,
                 meeting_regions: list[str | None] | None = None) -> None:
        self.network = network
        if meetings is not None:  # else read back from a saved copy when first asked
            self.meetings = meetings
        self.held: tuple[list[str], Any] | None = None
        if meeting_regions is not None:
            self.meeting_regions = meeting_regions

    @cached_property
    def meetings(self) -> dict[str, date]:
        """Meeting id -> date (300k date objects for the whole country: made when a
        measure reads them, not when a saved projection is opened)."""
        return self._saved_meetings()

    @cached_property
    def meeting_regions(self) -> list[str | None] | None:
        if self.held is None:
            return None
        codes, positions = self.held
        return [codes[p] if p >= 0 else None for p in positions.tolist()]

    @property
    def graph(self) -> nx.Graph:
        return self.network.graph

    @cached_property
    def attendance(self) -> dict[str, list[str]]:
        """Meeting id -> the ids of its attendees (the report's fragmentation check)."""
        b = self.network._incidence
        ids = self.network.ids
        meeting_ids = list(self.meetings)
        return {meeting_ids[m]: [ids[i] for i in b.indices[b.indptr[m]:b.indptr[m + 1]]]
                for m in range(b.shape[0])}


def from_incidence(incidence: Incidence, weighting: str = "shared") -> Projection:
    return Projection(CoAttendance(incidence, weighting),
                      dict(zip(incidence.meeting_ids, incidence.meeting_dates, strict=True)),
                      incidence.meeting_regions)


def incidence_of_rows(rows: list[AttendanceRow]) -> Incidence:
    """The columns of attendance rows (what a store's attendance_incidence gives)."""
    meetings: dict[str, int] = {}
    institutions: dict[str, int] = {}
    m_info: dict[int, tuple[str, date]] = {}
    i_info: dict[int, tuple[str, str, str, str | None]] = {}
    mk, ik = [], []
    for r in rows:
        m = meetings.setdefault(r.meeting_id, len(meetings))
        i = institutions.setdefault(r.institution_id, len(institutions))
        m_info[m] = (r.meeting_id, r.date)
        i_info[i] = (r.institution_id, r.name, r.type, r.region_code)
        mk.append(m)
        ik.append(i)
    return Incidence.from_keys(mk, ik, m_info, i_info)


def project(rows: list[AttendanceRow], weighting: str = "shared") -> Projection:
    """Build the weighted projection from attendance rows.

    Examples
    --------
    Three institutions at one meeting, two of them at a second one:

    >>> from datetime import date
    >>> rows = [AttendanceRow(i, i, "KUA", None, m, date(2025, 1, 1))
    ...         for m, people in (("m1", "abc"), ("m2", "ab")) for i in people]
    >>> p = project(rows)
    >>> p.graph["a"]["b"]["weight"], p.graph["a"]["c"]["weight"]
    (2.0, 1.0)
    >>> project(rows, "newman").graph["a"]["b"]["weight"]
    1.5
    """
    if weighting not in WEIGHTINGS:
        raise ValueError(f"weighting must be one of {WEIGHTINGS}, not {weighting!r}")
    return from_incidence(incidence_of_rows(rows), weighting)


def load_projection(store: Store, f: NetworkFilter, weighting: str = "shared") -> Projection:
    """One store call: the attendance incidence the filter selects, projected."""
    return from_incidence(store.attendance_incidence(f), weighting)
