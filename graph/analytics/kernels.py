"""Compiled loops over the CSR matrix of a network (numba), for the measures that look
at each tie's common neighbours: Burt's constraint and effective size, Gould-Fernandez
brokerage roles, and triangles (clustering).

Both walk each triangle i < j < k once: i's ties to higher nodes are marked, then each
marked j's row is scanned from its first higher node. That is a sixth of marking i's
neighbours and scanning each neighbour's whole row (the work the sum over ties of the
neighbour's degree, about 10^9 steps for the national network), in memory linear in
the number of ties; NetworkX's constraint on the same network asked for a dense
n x n matrix (298 GiB). numba caches the compiled code beside this file.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numba import njit, prange

# Role columns, in brokerage.ROLES order.
COORDINATOR, ITINERANT, REPRESENTATIVE, GATEKEEPER, LIAISON = range(5)


@njit(cache=True)
def triangles(indptr: Any, indices: Any) -> Any:  # pragma: no cover - compiled
    """Ties among each node's neighbours, on a CSR pattern with sorted indices: each
    triangle i < j < k is found once, from i through j (only the ties to higher
    nodes are walked), and counted for all three corners: a sixth of the walk that
    marks i's neighbours and scans each neighbour's whole row."""
    n = len(indptr) - 1
    upper = np.empty(n, dtype=np.int64)  # first tie of each row to a higher node
    for i in range(n):
        e = indptr[i]
        while e < indptr[i + 1] and indices[e] <= i:
            e += 1
        upper[i] = e
    mark = np.full(n, -1, dtype=np.int64)
    out = np.zeros(n, dtype=np.int64)
    for i in range(n):
        for e in range(upper[i], indptr[i + 1]):
            mark[indices[e]] = i
        for e in range(upper[i], indptr[i + 1]):
            j = indices[e]
            for f in range(upper[j], indptr[j + 1]):
                k = indices[f]
                if mark[k] == i:
                    out[i] += 1
                    out[j] += 1
                    out[k] += 1
    return out


@njit(cache=True)
def _upper_and_reverse(indptr: Any, indices: Any) -> Any:  # pragma: no cover - compiled
    """Per row, its first tie to a higher node; per tie (i, j), where (j, i) is stored.
    Rows are visited in order, so the k-th tie seen into j is row j's k-th entry."""
    n = len(indptr) - 1
    upper = np.empty(n, dtype=np.int64)
    reverse = np.empty(len(indices), dtype=np.int64)
    nxt = indptr[:-1].astype(np.int64)
    for i in range(n):
        upper[i] = indptr[i + 1]
        for e in range(indptr[i], indptr[i + 1]):
            j = indices[e]
            if j > i and upper[i] == indptr[i + 1]:
                upper[i] = e
            reverse[e] = nxt[j]
            nxt[j] += 1
    return upper, reverse


@njit(cache=True)
def _classify(gx: int, gy: int, gz: int, tied: Any, x: int) -> None:  # pragma: no cover
    # tied[x]: x's pairs of tied contacts, as (both in x's group, one, neither but
    # one group, neither and two groups): the pairs that are no brokerage.
    if gy == gx and gz == gx:
        tied[x, 0] += 1
    elif gy == gx or gz == gx:
        tied[x, 1] += 1
    elif gy == gz:
        tied[x, 2] += 1
    else:
        tied[x, 3] += 1


@njit(cache=True)
def _balanced(indptr: Any, indices: Any, upper: Any, chunks: int) -> Any:  # pragma: no cover
    """Node bounds cutting 0..n into `chunks` runs of about equal triangle walk (per node
    i, the higher rows of its higher contacts)."""
    n = len(indptr) - 1
    work = np.zeros(n + 1)
    for i in range(n):
        w = 1.0 + indptr[i + 1] - upper[i]
        for e in range(upper[i], indptr[i + 1]):
            j = indices[e]
            w += indptr[j + 1] - upper[j]
        work[i + 1] = work[i] + w
    bounds = np.full(chunks + 1, n, dtype=np.int64)
    bounds[0] = 0
    c = 1
    for i in range(n):
        while c < chunks and work[i + 1] >= work[n] * c / chunks:
            bounds[c] = i + 1
            c += 1
    return bounds


@njit(cache=True, parallel=True)
def structural_holes(indptr: Any, indices: Any, weights: Any, group: Any, groups: int,
                     chunks: int) -> Any:  # pragma: no cover - compiled
    """Burt's constraint and effective size (NaN for isolates) and the five
    Gould-Fernandez role counts of every node, on a symmetric weighted CSR matrix with
    sorted indices and no diagonal.

    Every term of all three sits on a triangle: node x's contact y is made redundant by
    their common contact z. Each triangle i < j < k is found once, from i through j
    (ties to higher nodes only, as in `triangles`), and credits its six directed ties'
    indirect constraint, its three corners' redundancy and their tied pairs of
    contacts: a sixth of the walk of a pass per node over each contact's whole row.
    The nodes are cut into `chunks` runs of about equal work that run in parallel,
    each into its own accumulators (no two threads write one cell), summed after in a
    fixed order: the answer depends on `chunks`, not on the threads."""
    n = len(indptr) - 1
    m = len(indices)
    strength = np.zeros(n)
    top = np.zeros(n)
    for i in range(n):
        for e in range(indptr[i], indptr[i + 1]):
            strength[i] += weights[e]
            if weights[e] > top[i]:
                top[i] = weights[e]
    upper, reverse = _upper_and_reverse(indptr, indices)
    bounds = _balanced(indptr, indices, upper, chunks)
    indirect = np.zeros((chunks, m))  # per directed tie (x, y): sum over z of p_xz p_zy
    redundant = np.zeros((chunks, n))  # per node x: sum over y, z of p_xz m_yz
    tied = np.zeros((chunks, n, 4), dtype=np.int64)
    for c in prange(chunks):
        mark = np.full(n, -1, dtype=np.int64)
        at = np.zeros(n, dtype=np.int64)  # where i's tie to a marked node is
        ind = indirect[c]
        red = redundant[c]
        pairs = tied[c]
        for i in range(bounds[c], bounds[c + 1]):
            for e in range(upper[i], indptr[i + 1]):
                mark[indices[e]] = i
                at[indices[e]] = e
            gi = group[i]
            for e in range(upper[i], indptr[i + 1]):
                j = indices[e]
                gj = group[j]
                for f in range(upper[j], indptr[j + 1]):
                    k = indices[f]
                    if mark[k] != i:
                        continue
                    g = at[k]
                    w_ij, w_ik, w_jk = weights[e], weights[g], weights[f]
                    p_ij, p_ik = w_ij / strength[i], w_ik / strength[i]
                    p_ji, p_jk = w_ij / strength[j], w_jk / strength[j]
                    p_ki, p_kj = w_ik / strength[k], w_jk / strength[k]
                    ind[e] += p_ik * w_jk / strength[k]  # i -> j through k
                    ind[reverse[e]] += p_jk * w_ik / strength[k]  # j -> i through k
                    ind[g] += p_ij * w_jk / strength[j]  # i -> k through j
                    ind[reverse[g]] += p_kj * w_ij / strength[j]  # k -> i through j
                    ind[f] += p_ji * w_ik / strength[i]  # j -> k through i
                    ind[reverse[f]] += p_ki * w_ij / strength[i]  # k -> j through i
                    red[i] += p_ik * w_jk / top[j] + p_ij * w_jk / top[k]
                    red[j] += p_jk * w_ik / top[i] + p_ji * w_ik / top[k]
                    red[k] += p_kj * w_ij / top[i] + p_ki * w_ij / top[j]
                    gk = group[k]
                    _classify(gi, gj, gk, pairs, i)
                    _classify(gj, gi, gk, pairs, j)
                    _classify(gk, gi, gj, pairs, k)
    constraint = np.full(n, np.nan)
    effective = np.full(n, np.nan)
    roles = np.zeros((n, 5), dtype=np.int64)
    for c in prange(chunks):
        per_group = np.zeros(groups, dtype=np.int64)
        for i in range(bounds[c], bounds[c + 1]):
            start, end = indptr[i], indptr[i + 1]
            degree = end - start
            if degree == 0:
                continue
            per_group[:] = 0
            total = 0.0
            for e in range(start, end):
                per_group[group[indices[e]]] += 1
                through = 0.0
                for d in range(chunks):
                    through += indirect[d, e]
                total += (weights[e] / strength[i] + through) ** 2
            constraint[i] = total
            size = float(degree)
            same = one = none_same = none_other = 0
            for d in range(chunks):
                size -= redundant[d, i]
                same += tied[d, i, 0]
                one += tied[d, i, 1]
                none_same += tied[d, i, 2]
                none_other += tied[d, i, 3]
            effective[i] = size
            gi = group[i]
            inside = per_group[gi]
            outside = degree - inside
            pairs_outside_same = 0
            for g in range(groups):
                if g != gi:
                    pairs_outside_same += per_group[g] * (per_group[g] - 1) // 2
            roles[i, COORDINATOR] = inside * (inside - 1) // 2 - same
            roles[i, ITINERANT] = pairs_outside_same - none_same
            roles[i, REPRESENTATIVE] = inside * outside - one
            roles[i, GATEKEEPER] = roles[i, REPRESENTATIVE]
            roles[i, LIAISON] = outside * (outside - 1) // 2 - pairs_outside_same - none_other
    return constraint, effective, roles


@njit(cache=True)
def _popcount(x: Any) -> int:  # pragma: no cover - compiled
    x = x - ((x >> np.uint64(1)) & np.uint64(0x5555555555555555))
    x = (x & np.uint64(0x3333333333333333)) + ((x >> np.uint64(2)) & np.uint64(0x3333333333333333))
    x = (x + (x >> np.uint64(4))) & np.uint64(0x0F0F0F0F0F0F0F0F)
    return int((x * np.uint64(0x0101010101010101)) >> np.uint64(56))


@njit(cache=True)
def distance_sums(indptr: Any, indices: Any, sources: Any) -> Any:  # pragma: no cover
    """(sum of hop distances, pairs reached) from every source to every node it reaches
    (itself left out): breadth-first search from 64 sources at once, one bit each in a
    word per node, so one walk over a frontier node's ties serves all 64 (bit-parallel
    BFS). The same sums as one BFS per source, in a fraction of the edge visits."""
    n = len(indptr) - 1
    total = 0.0
    reached = 0
    for start in range(0, len(sources), 64):
        batch = sources[start:start + 64]
        seen = np.zeros(n, dtype=np.uint64)
        frontier = np.zeros(n, dtype=np.uint64)
        nxt = np.zeros(n, dtype=np.uint64)
        for b in range(len(batch)):
            bit = np.uint64(1) << np.uint64(b)
            seen[batch[b]] |= bit
            frontier[batch[b]] |= bit
        depth = 0
        active = True
        while active:
            depth += 1
            nxt[:] = 0
            for v in range(n):
                f = frontier[v]
                if f == 0:
                    continue
                for e in range(indptr[v], indptr[v + 1]):
                    nxt[indices[e]] |= f
            active = False
            for v in range(n):
                new = nxt[v] & ~seen[v]
                frontier[v] = new
                if new != 0:
                    seen[v] |= new
                    c = _popcount(new)
                    total += depth * c
                    reached += c
                    active = True
    return total, reached


@njit(cache=True)
def _lowest_bit(x: Any) -> int:  # pragma: no cover - compiled
    return _popcount((x & (~x + np.uint64(1))) - np.uint64(1))


@njit(cache=True)
def closeness_sums(indptr: Any, indices: Any, order: Any) -> Any:  # pragma: no cover
    """Per node, (sum of hop distances to the nodes it reaches, how many it reaches):
    bit-parallel breadth-first search from 64 sources at once, taken in `order` (nodes
    grouped by component, so a batch shares its component's ties). Only the frontier is
    walked and only touched nodes are reset, so a batch costs its component, not the
    network; each reached (source, node) pair is credited once, to its source's bit."""
    n = len(indptr) - 1
    sums = np.zeros(n)
    reached = np.zeros(n, dtype=np.int64)
    seen = np.zeros(n, dtype=np.uint64)
    frontier = np.zeros(n, dtype=np.uint64)
    nxt = np.zeros(n, dtype=np.uint64)
    current = np.empty(n, dtype=np.int64)
    candidates = np.empty(n, dtype=np.int64)
    touched = np.empty(n, dtype=np.int64)
    for start in range(0, n, 64):
        batch = order[start:start + 64]
        count = 0
        for b in range(len(batch)):
            v = batch[b]
            bit = np.uint64(1) << np.uint64(b)
            seen[v] = bit
            frontier[v] = bit
            current[count] = v
            touched[count] = v
            count += 1
        touched_count = count
        depth = 0
        while count > 0:
            depth += 1
            found = 0
            for k in range(count):
                v = current[k]
                f = frontier[v]
                for e in range(indptr[v], indptr[v + 1]):
                    u = indices[e]
                    if nxt[u] == 0:
                        candidates[found] = u
                        found += 1
                    nxt[u] |= f
            for k in range(count):
                frontier[current[k]] = 0
            count = 0
            for k in range(found):
                u = candidates[k]
                new = nxt[u] & ~seen[u]
                nxt[u] = 0
                if new == 0:
                    continue
                if seen[u] == 0:
                    touched[touched_count] = u
                    touched_count += 1
                seen[u] |= new
                frontier[u] = new
                current[count] = u
                count += 1
                while new != 0:
                    source = batch[_lowest_bit(new)]
                    sums[source] += depth
                    reached[source] += 1
                    new &= new - np.uint64(1)
        for k in range(touched_count):
            seen[touched[k]] = 0
    return sums, reached


@njit(cache=True)
def brandes(indptr: Any, indices: Any, sources: Any) -> Any:  # pragma: no cover
    """Brandes' dependency accumulation on hop distances from each of `sources`: the
    sum over sources s and targets t of the share of shortest s-t paths through each
    node (each unordered pair seen from its source only). Breadth-first search per
    source touches only the source's component, and only touched nodes are reset."""
    n = len(indptr) - 1
    out = np.zeros(n)
    dist = np.full(n, -1, dtype=np.int64)
    sigma = np.zeros(n)
    delta = np.zeros(n)
    stack = np.empty(n, dtype=np.int64)
    for s in sources:
        dist[s] = 0
        sigma[s] = 1.0
        stack[0] = s
        head, size = 0, 1
        while head < size:  # the stack doubles as the BFS queue: nodes in BFS order
            v = stack[head]
            head += 1
            for e in range(indptr[v], indptr[v + 1]):
                u = indices[e]
                if dist[u] < 0:
                    dist[u] = dist[v] + 1
                    stack[size] = u
                    size += 1
                if dist[u] == dist[v] + 1:
                    sigma[u] += sigma[v]
        for k in range(size - 1, -1, -1):
            w = stack[k]
            for e in range(indptr[w], indptr[w + 1]):
                v = indices[e]
                if dist[v] == dist[w] - 1:
                    delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w])
            if w != s:
                out[w] += delta[w]
        for k in range(size):
            w = stack[k]
            dist[w] = -1
            sigma[w] = 0.0
            delta[w] = 0.0
    return out


@njit(cache=True)
def pair_weights(b_indptr: Any, b_indices: Any, b_data: Any, bt_indptr: Any,
                 bt_indices: Any, bt_data: Any, per_meeting: Any, old: Any,
                 new: Any) -> Any:  # pragma: no cover - compiled
    """The off-diagonal of B^T W B as CSR arrays (indptr, indices sorted per row, data),
    for B the meeting x institution incidence (CSR, and its transpose bt) and W the
    diagonal of `per_meeting`: row i sums, over i's meetings m, per_meeting[m] times
    B[m, i] B[m, j] into a dense accumulator over j (Gustavson's row-by-row product).
    One pass counts each row's ties (so the output is allocated once, exactly), a second
    fills them; no diagonal is made only to be dropped.

    B and bt come relabelled (institution `old[k]` is column k, `new` the inverse) in an
    order that keeps an institution's co-attendees near it (by region): the accumulator
    is then touched in a few cache lines, not all over 200k entries, three times faster.
    The output is in the original labels."""
    n = len(bt_indptr) - 1
    mark = np.full(n, -1, dtype=np.int64)
    indptr = np.zeros(n + 1, dtype=np.int64)
    for i in range(n):
        count = 0
        for e in range(bt_indptr[i], bt_indptr[i + 1]):
            m = bt_indices[e]
            for f in range(b_indptr[m], b_indptr[m + 1]):
                j = b_indices[f]
                if j != i and mark[j] != i:
                    mark[j] = i
                    count += 1
        indptr[old[i] + 1] = count
    for i in range(n):
        indptr[i + 1] += indptr[i]
    indices = np.empty(indptr[n], dtype=np.int32)
    data = np.empty(indptr[n])
    acc = np.zeros(n)
    mark[:] = -1
    for i in range(n):
        start = indptr[old[i]]
        p = start
        for e in range(bt_indptr[i], bt_indptr[i + 1]):
            m = bt_indices[e]
            scaled = bt_data[e] * per_meeting[m]
            for f in range(b_indptr[m], b_indptr[m + 1]):
                j = b_indices[f]
                if j == i:
                    continue
                if mark[j] != i:
                    mark[j] = i
                    indices[p] = old[j]
                    p += 1
                    acc[j] = 0.0
                acc[j] += scaled * b_data[f]
        indices[start:p] = np.sort(indices[start:p])
        for q in range(start, p):
            data[q] = acc[new[indices[q]]]
    return indptr, indices, data


@njit(cache=True)
def splice_rows(old_indptr: Any, old_indices: Any, old_data: Any, old_row: Any,
                column: Any, new_indptr: Any, new_indices: Any, new_data: Any,
                fresh: Any) -> Any:  # pragma: no cover - compiled
    """A CSR matrix in new labels from an old one and some rows made anew (patch.py):
    row i is the old row `old_row[i]` with each column c relabelled `column[c]`, or,
    where `fresh[i]`, row i of the new arrays. The relabelling keeps the order of the
    columns it keeps, so sorted rows stay sorted. One pass sizes the rows, one copies."""
    n = len(fresh)
    indptr = np.zeros(n + 1, dtype=np.int64)
    for i in range(n):
        if fresh[i]:
            indptr[i + 1] = indptr[i] + new_indptr[i + 1] - new_indptr[i]
        else:
            r = old_row[i]
            indptr[i + 1] = indptr[i] + old_indptr[r + 1] - old_indptr[r]
    indices = np.empty(indptr[n], dtype=np.int32)
    data = np.empty(indptr[n])
    for i in range(n):
        p = indptr[i]
        if fresh[i]:
            for e in range(new_indptr[i], new_indptr[i + 1]):
                indices[p] = new_indices[e]
                data[p] = new_data[e]
                p += 1
        else:
            r = old_row[i]
            for e in range(old_indptr[r], old_indptr[r + 1]):
                indices[p] = column[old_indices[e]]
                data[p] = old_data[e]
                p += 1
    return indptr, indices, data
