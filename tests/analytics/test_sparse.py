"""The sparse projection and every fast engine, held to NetworkX (the reference) on
small random co-attendance networks; the stores' incidence held to their rows."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
import pytest

from graph.analytics import centrality as centrality_module
from graph.analytics import summary as summary_module
from graph.analytics.brokerage import brokerage
from graph.analytics.centrality import MEASURES, SEED, centrality
from graph.analytics.communities import communities, modularity
from graph.analytics.projection import coded, incidence_of_rows, project
from graph.analytics.summary import summarize
from graph.model import Attendance, Batch, Institution
from graph.store import embedded as embedded_module
from graph.store.base import AttendanceRow, NetworkFilter, Store, Window
from graph.store.embedded import EmbeddedStore
from graph.store.incidence import digest_keys
from loaders.files import load_files

DEMO = Path(__file__).resolve().parents[2] / "loaders" / "data" / "demo.json"

TYPES = ["KUA", "PUSKESMAS", "POLSEK", "PKK", "DINKES", "KORAMIL"]


def meetings_rows(seed: int, meetings: int = 160, institutions: int = 220,
                  largest: int = 7) -> list[AttendanceRow]:
    rng = random.Random(seed)
    rows = []
    for m in range(meetings):
        day = date(2024, 1 + m % 12, 1 + m % 28)
        for i in rng.sample(range(institutions), rng.randint(1, largest)):
            rows.append(AttendanceRow(f"ins_{i:04d}", f"Inst {i}", TYPES[i % len(TYPES)],
                                      f"33.74.{1 + i % 3:02d}", f"mtg_{m:04d}", day))
    return rows


def reference_weights(rows: list[AttendanceRow], weighting: str) -> dict[tuple[str, str], float]:
    """The pairwise loop the projection replaced."""
    members: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        members[r.meeting_id].append(r.institution_id)
    out: dict[tuple[str, str], float] = defaultdict(float)
    for people in members.values():
        step = 1.0 if weighting == "shared" else 1.0 / (len(people) - 1) if len(people) > 1 else 0
        for a, b in combinations(sorted(people), 2):
            out[a, b] += step
    return out


@pytest.mark.parametrize("weighting", ["shared", "newman"])
def test_the_sparse_projection_equals_the_pairwise_loop(weighting: str) -> None:
    rows = meetings_rows(1)
    p = project(rows, weighting)
    expected = reference_weights(rows, weighting)
    got = {(a, b): d["weight"] for a, b, d in p.graph.edges(data=True)}
    got = {tuple(sorted(k)): v for k, v in got.items()}
    assert set(got) == set(expected)
    for pair, value in expected.items():
        assert got[pair] == pytest.approx(value, rel=1e-12)
    assert p.network.ties == len(expected)
    assert set(p.graph.nodes) == {r.institution_id for r in rows}  # isolates included
    assert len(p.meetings) == len({r.meeting_id for r in rows})


@pytest.mark.parametrize("weighting", ["shared", "newman"])
@pytest.mark.parametrize("measure", MEASURES)
def test_every_fast_centrality_agrees_with_networkx(measure: str, weighting: str) -> None:
    p = project(meetings_rows(2), weighting)
    reference = centrality(p.graph, measure, engine="networkx")
    fast = centrality(p.network, measure, engine="fast")
    assert fast.engine in ("scipy", "numba")
    assert set(fast.values) == set(reference.values)
    for node, value in reference.values.items():
        assert fast.values[node] == pytest.approx(value, abs=1e-7), node


def test_sampled_betweenness_draws_networkx_sources_and_agrees(
        monkeypatch: pytest.MonkeyPatch) -> None:
    p = project(meetings_rows(3))
    monkeypatch.setattr(centrality_module, "BETWEENNESS_EXACT_LIMIT", 50)
    monkeypatch.setattr(centrality_module, "BETWEENNESS_SAMPLES", 40)
    fast = centrality(p.network, "BETWEENNESS", engine="fast")
    assert fast.approximate
    reference = nx.betweenness_centrality(p.graph, k=40, normalized=True, seed=SEED)
    for node, value in reference.items():
        assert fast.values[node] == pytest.approx(value, abs=1e-9), node


@pytest.mark.parametrize("engine", ["fast", "igraph"])  # networkit's PLM, igraph's Leiden
def test_the_fast_engines_find_the_planted_groups_louvain_finds(engine: str) -> None:
    rows = []
    for group in range(4):  # four kecamatan whose members meet among themselves
        members = [f"ins_{group}_{k}" for k in range(8)]
        for m in range(12):
            for i in random.Random(group * 100 + m).sample(members, 5):
                rows.append(AttendanceRow(i, i, TYPES[group], f"33.74.0{group + 1}",
                                          f"mtg_{group}_{m}", date(2024, 1, 1)))
    for i in ("ins_0_0", "ins_1_0"):  # one meeting bridges two of them
        rows.append(AttendanceRow(i, i, "KUA", "33.74.01", "mtg_bridge", date(2024, 2, 1)))
    p = project(rows)
    fast = communities(p.network, engine=engine)
    reference = communities(p.graph)
    assert sorted(c.members for c in fast) == sorted(c.members for c in reference)
    assert len(fast) == 4
    assert communities(p.network, engine=engine) == fast  # seeded: the same again


@pytest.mark.parametrize("engine", ["fast", "igraph"])
def test_fast_modularity_is_as_good_as_louvain_on_random_networks(engine: str) -> None:
    p = project(meetings_rows(4, meetings=300, institutions=300, largest=5), "newman")
    fast = communities(p.network, engine=engine)
    reference = communities(p.graph)
    assert modularity(p.network, fast) >= modularity(p.graph, reference) - 0.02
    assert modularity(p.network, fast) == pytest.approx(modularity(p.graph, fast), abs=1e-9)


@pytest.mark.parametrize("weighting", ["shared", "newman"])
def test_compiled_brokerage_agrees_with_networkx(weighting: str) -> None:
    p = project(meetings_rows(5), weighting)
    fast = {b.node: b for b in brokerage(p.network, engine="fast")}
    reference = {b.node: b for b in brokerage(p.graph)}
    assert set(fast) == set(reference)
    for node, ref in reference.items():
        got = fast[node]
        assert got.roles == ref.roles, node
        if ref.constraint is None:
            assert got.constraint is None and got.effective_size is None
        else:
            assert got.constraint == pytest.approx(ref.constraint, abs=1e-12)
            assert got.effective_size == pytest.approx(ref.effective_size, abs=1e-12)
    order = [b.node for b in brokerage(p.network, engine="fast")]
    assert order == [b.node for b in brokerage(p.graph)]


@pytest.mark.parametrize("chunks", [1, 2, 7, 1_000])
def test_the_kernel_cut_into_any_number_of_chunks_agrees_with_networkx(
        monkeypatch: pytest.MonkeyPatch, chunks: int) -> None:
    """The kernel finds each triangle once and credits all its corners, in chunks of
    nodes run in parallel (more chunks than nodes included): dense meetings of up to 14
    make many triangles, of every mix of sectors, and single attendees isolates."""
    import numba

    monkeypatch.setattr(numba, "get_num_threads", lambda: chunks)
    rows = meetings_rows(8, meetings=140, institutions=160, largest=14)
    rows += [AttendanceRow(f"lone_{k}", "Lone", "KUA", "33.74.01", f"alone_{k}",
                           date(2024, 1, 1)) for k in range(3)]
    p = project(rows, "newman")
    assert sum(d == 0 for _, d in p.graph.degree) == 3
    assert sum(nx.triangles(p.graph).values()) // 3 > 1_000
    fast = brokerage(p.network, engine="fast")
    reference = brokerage(p.graph)
    assert [b.node for b in fast] == [b.node for b in reference]
    for got, ref in zip(fast, reference, strict=True):
        assert got.roles == ref.roles, got.node
        if ref.constraint is None:
            assert got.constraint is None and got.effective_size is None
        else:
            assert got.constraint == pytest.approx(ref.constraint, abs=1e-12)
            assert got.effective_size == pytest.approx(ref.effective_size, abs=1e-12)
    assert all(sum(b.roles.values()) > 0 for b in fast[:10])


def test_effective_size_follows_the_definition() -> None:
    # a - b - c triangle plus a - d: d's only tie is a; a's contacts b, c are tied.
    g = nx.Graph()
    g.add_edge("a", "b", weight=1.0)
    g.add_edge("a", "c", weight=1.0)
    g.add_edge("b", "c", weight=1.0)
    g.add_edge("a", "d", weight=2.0)
    nx.set_node_attributes(g, "health", "sector")
    a = next(b for b in brokerage(g) if b.node == "a")
    # p_ab = p_ac = 1/4, p_ad = 1/2; redundancy of b: p_ac * m_bc = 1/4 * 1 (and c alike)
    assert a.effective_size == pytest.approx(3 - 0.25 - 0.25)


@pytest.mark.parametrize("exact_limit", [2_000, 20])
def test_the_sparse_summary_equals_networkx(monkeypatch: pytest.MonkeyPatch,
                                            exact_limit: int) -> None:
    monkeypatch.setattr(summary_module, "PATH_EXACT_LIMIT", exact_limit)
    monkeypatch.setattr(summary_module, "PATH_SAMPLES", 15)
    p = project(meetings_rows(6, meetings=90, largest=4))
    fast = summarize(p.network, p.meetings, engine="fast")
    reference = summarize(p.graph, p.meetings)
    assert fast.approximate == reference.approximate == (exact_limit == 20)
    assert (fast.institutions, fast.ties, fast.meetings, fast.components,
            fast.largest_component) == (reference.institutions, reference.ties,
                                        reference.meetings, reference.components,
                                        reference.largest_component)
    assert fast.density == pytest.approx(reference.density)
    assert fast.average_clustering == pytest.approx(reference.average_clustering)
    assert fast.average_path_length == pytest.approx(reference.average_path_length)
    assert fast.meetings_per_month == reference.meetings_per_month


def test_the_store_incidence_is_its_rows_as_columns(demo_store: Store) -> None:
    filters = [NetworkFilter(), NetworkFilter(region_code="33.74"),
               NetworkFilter(window=Window(date(2025, 1, 1), None)),
               NetworkFilter(types=("PUSKESMAS", "KUA", "KECAMATAN"))]
    for f in filters:
        got = demo_store.attendance_incidence(f)
        want = incidence_of_rows(demo_store.attendance_rows(f))
        assert got.institution_ids == want.institution_ids, f
        assert got.meeting_ids == want.meeting_ids
        assert (got.names, got.types, got.region_codes, got.meeting_dates) == (
            want.names, want.types, want.region_codes, want.meeting_dates)
        held = demo_store.meetings(got.meeting_ids)  # where each was held, in its order
        assert got.meeting_regions == [held[m].region_code for m in got.meeting_ids]
        pairs = sorted(zip(np.asarray(got.meeting).tolist(),
                           np.asarray(got.institution).tolist(), strict=True))
        assert pairs == sorted(zip(np.asarray(want.meeting).tolist(),
                                   np.asarray(want.institution).tolist(), strict=True))


def test_no_measure_builds_a_dense_n_by_n_matrix() -> None:
    """Memory stays linear in the ties: on a 4,000-node ring an n x n float matrix alone
    would be 128 MB; every measure, on NetworkX's graph and on the sparse network, stays
    far below it (NetworkX's all-nodes constraint built one)."""
    import tracemalloc

    from graph.analytics.brokerage import brokerage
    from graph.analytics.centrality import MEASURES, centrality
    from graph.analytics.projection import project
    from graph.analytics.summary import summarize
    from graph.store.base import AttendanceRow

    n = 4_000
    rows = [AttendanceRow(f"i{k % n}", f"i{k % n}", "KUA", None, f"m{j}", date(2025, 1, 1))
            for j in range(n) for k in (j, j + 1)]
    net = project(rows).network
    ring = nx.Graph(net.graph)
    tracemalloc.start()
    try:
        for g in (ring, net):
            brokerage(g)
            for measure in MEASURES:
                centrality(g, measure)
        summarize(net, {})
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 40 << 20, f"peak {peak >> 20} MB"


def _incidence_equal(a: Any, b: Any) -> None:
    assert (a.meeting_ids, a.meeting_dates, a.institution_ids, a.names, a.types,
            a.region_codes, a.meeting_regions) == (
        b.meeting_ids, b.meeting_dates, b.institution_ids, b.names, b.types, b.region_codes,
        b.meeting_regions)
    assert np.asarray(a.meeting).tolist() == np.asarray(b.meeting).tolist()
    assert np.asarray(a.institution).tolist() == np.asarray(b.institution).tolist()


DIGEST_FILTERS = [NetworkFilter(), NetworkFilter(region_code="33.74"),
                  NetworkFilter(window=Window(date(2025, 1, 1), None)),
                  NetworkFilter(types=("PUSKESMAS", "KUA", "KECAMATAN")),
                  NetworkFilter(types=("NO_SUCH_TYPE",))]


def test_the_digest_read_gives_the_row_read(embedded: EmbeddedStore,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The concatenated-ids read (any scope from DIGEST_READ_MEETINGS meetings) is the
    row read, id for id, filter by filter, and it is the path taken."""
    load_files([DEMO], "json", embedded)
    taken: list[bool] = []
    real = EmbeddedStore._digest_read

    def spy(self: EmbeddedStore, *args: Any) -> Any:
        out = real(self, *args)
        taken.append(out is not None)
        return out

    monkeypatch.setattr(EmbeddedStore, "_digest_read", spy)
    for f in DIGEST_FILTERS:
        monkeypatch.setattr(embedded_module, "DIGEST_READ_MEETINGS", 10**9)
        rows = embedded.attendance_incidence(f)
        monkeypatch.setattr(embedded_module, "DIGEST_READ_MEETINGS", 0)
        fast = embedded.attendance_incidence(f)
        _incidence_equal(fast, rows)
        assert taken.pop() is True, f
    assert not taken


def test_a_given_id_sends_the_read_down_the_row_path(embedded: EmbeddedStore,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Ids a file gives need not be derived: one such id anywhere and the digest read
    steps aside, with the same answer."""
    load_files([DEMO], "json", embedded)
    meeting = embedded.attendance_incidence(NetworkFilter()).meeting_ids[0]
    embedded.write(Batch(institutions=[Institution("custom-1", "Posyandu Mawar", "POSYANDU")],
                         attendance=[Attendance(meeting, "custom-1")]))
    monkeypatch.setattr(embedded_module, "DIGEST_READ_MEETINGS", 10**9)
    rows = embedded.attendance_incidence(NetworkFilter())
    monkeypatch.setattr(embedded_module, "DIGEST_READ_MEETINGS", 0)
    assert embedded._digest_read(embedded._conn().cursor(), NetworkFilter(), [], [], []) is None
    _incidence_equal(embedded.attendance_incidence(NetworkFilter()), rows)
    assert "custom-1" in rows.institution_ids


def test_digest_keys_refuse_what_is_not_a_run_of_digests() -> None:
    a, b = "ins_" + "0123456789abcdef", "ins_" + "00000000000000ff"
    assert digest_keys(a + b, 2, "ins_").tolist() == [0x0123456789ABCDEF, 0xFF]
    assert digest_keys("", 0, "ins_").tolist() == []
    assert digest_keys(a + b, 3, "ins_") is None  # length
    assert digest_keys(a + b.upper().replace("INS_", "ins_"), 2, "ins_") is None
    assert digest_keys(a + "mtg_" + b[4:], 2, "ins_") is None  # prefix
    assert digest_keys(a + "ins_" + "g" * 16, 2, "ins_") is None  # not hex
    assert digest_keys(a[:-1] + b + "0", 2, "ins_") is None  # a short id and a long one
    # digests sort as the integers they spell
    ids = sorted(f"ins_{k:016x}" for k in (random.Random(1).getrandbits(64) for _ in range(50)))
    keys = digest_keys("".join(ids), len(ids), "ins_")
    assert sorted(keys.tolist()) == keys.tolist()


def test_plm_is_reproducible_and_leaves_the_thread_count() -> None:
    import networkit as nk

    from graph.analytics.communities import plm_membership

    net = project(meetings_rows(7, meetings=400, institutions=400, largest=6)).network
    threads = nk.getMaxNumberOfThreads()
    first = plm_membership(net, seed=3)
    assert all(plm_membership(net, seed=3) == first for _ in range(3))
    assert nk.getMaxNumberOfThreads() == threads


def test_labels_follow_counter_order_on_unsorted_ids_and_ties() -> None:
    """The vectorised labelling is the per-member Counter it replaced: members by id,
    communities largest first then by first id, a tied sector or region to the one
    met first in id order, regions None ignored."""
    from collections import Counter

    from graph.analytics.communities import _label

    rng = random.Random(8)
    ids = [f"n{k:03d}" for k in rng.sample(range(500), 200)]  # not sorted
    membership = [rng.randrange(12) for _ in ids]
    sectors = [rng.choice(["health", "religious", "security"]) for _ in ids]
    regions = [rng.choice(["33.74", "33.75", None]) for _ in ids]
    got = _label(membership, ids, coded(sectors), coded(regions), None)
    groups: dict[int, list[int]] = defaultdict(list)
    for p, part in enumerate(membership):
        groups[part].append(p)
    ordered = sorted((sorted(m, key=ids.__getitem__) for m in groups.values()),
                     key=lambda m: (-len(m), ids[m[0]]))
    assert [c.members for c in got] == [[ids[p] for p in m] for m in ordered]
    for c, m in zip(got, ordered, strict=True):
        assert c.sector == Counter(sectors[p] for p in m).most_common(1)[0][0]
        counted = Counter(regions[p] for p in m if regions[p])
        assert c.region_code == (counted.most_common(1)[0][0] if counted else None)


def test_region_names_are_asked_once_for_the_codes_that_label_a_community() -> None:
    """A national network spans 7,000 kecamatan; only each community's leading region
    names it, so only those codes are looked up, in one call."""
    from graph.analytics.communities import _label

    asked: list[set[str]] = []

    def names(codes: set[str]) -> dict[str, str]:
        asked.append(set(codes))
        return {c: f"Region {c}" for c in codes if c != "33.76"}  # one code unknown

    ids = [f"i{k}" for k in range(7)]
    membership = [0, 0, 0, 0, 1, 1, 1]
    regions = ["33.74", "33.74", "33.75", None, "33.76", "33.76", "33.77"]
    got = _label(membership, ids, coded(["health"] * 7), coded(regions), names)
    assert asked == [{"33.74", "33.76"}]
    assert [c.label for c in got] == ["health · Region 33.74 (4)", "health · 33.76 (3)"]


def test_bit_parallel_distances_are_one_bfs_per_source() -> None:
    """kernels.distance_sums over 64-source batches (here 130 sources, three batches,
    two components) sums what scipy's BFS per source finds."""
    import scipy.sparse as sp
    from scipy.sparse import csgraph

    from graph.analytics.kernels import distance_sums

    w = project(meetings_rows(9, meetings=150, institutions=260, largest=3)).network.weight
    sources = np.asarray(random.Random(2).sample(range(w.shape[0]), 130), dtype=np.int64)
    d = csgraph.shortest_path(sp.csr_matrix(w), directed=False, unweighted=True,
                              indices=sources)
    finite = np.isfinite(d)
    total, reached = distance_sums(w.indptr.astype(np.int64), w.indices.astype(np.int64),
                                   sources)
    assert (total, reached) == (float(d[finite].sum()), int(finite.sum()) - len(sources))


def test_a_projections_coded_columns_are_made_once_and_match_its_columns() -> None:
    rows = [("m1", "a", "PUSKESMAS", "33.74"), ("m1", "b", "KUA", None),
            ("m2", "a", "PUSKESMAS", "33.74"), ("m2", "c", "POLSEK", "33.75")]
    net = project([AttendanceRow(i, i.upper(), t, r, m, date(2025, 1, 1))
                   for m, i, t, r in rows]).network
    names, codes = net.coded("region_codes")
    assert [names[c] if c < len(names) else None for c in codes] == net.region_codes
    assert net.coded("region_codes") is net.coded("region_codes")  # kept, not redone
