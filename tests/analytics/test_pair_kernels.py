"""The compiled pieces of the projection: pair weights in any locality order, and the
digest decoding and hash lookup of the incidence read."""

from __future__ import annotations

import random

import numpy as np
import scipy.sparse as sp

from graph.analytics.projection import _pair_weights
from graph.store import digests


def _incidence(seed: int, meetings: int = 120, institutions: int = 90) -> sp.csr_matrix:
    rng = random.Random(seed)
    rows, cols = [], []
    for m in range(meetings):
        for i in rng.sample(range(institutions), rng.randint(1, 9)):
            rows.append(m)
            cols.append(i)
    return sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(meetings, institutions))


def test_pair_weights_are_the_off_diagonal_of_the_product_in_any_order() -> None:
    b = _incidence(3)
    per = np.random.default_rng(3).random(b.shape[0])
    expected = (b.T @ sp.diags(per) @ b).toarray()
    np.fill_diagonal(expected, 0)
    for locality in (None, np.random.default_rng(4).permutation(b.shape[1])):
        got = _pair_weights(b, per, locality)
        assert got.has_sorted_indices
        assert all((np.diff(got.indices[got.indptr[i]:got.indptr[i + 1]]) > 0).all()
                   for i in range(got.shape[0]))
        assert np.allclose(got.toarray(), expected, rtol=1e-13, atol=0)
        assert got.nnz == np.count_nonzero(expected)
        assert (got != got.T).nnz == 0  # exactly symmetric: both halves sum alike


def test_positions_finds_every_key_and_only_those() -> None:
    rng = np.random.default_rng(5)
    table = np.unique(rng.integers(0, 2**63, 5000, dtype=np.uint64))
    keys = np.concatenate([table[::-3], np.array([1, 2, 3], dtype=np.uint64)])
    got = digests.positions(table, keys)
    assert got[:-3].tolist() == list(range(len(table) - 1, -1, -3))
    assert set(got[-3:].tolist()) <= {-1} | set(np.flatnonzero(np.isin(table, [1, 2, 3])))
    assert digests.positions(table[:0], keys).tolist() == [-1] * len(keys)
