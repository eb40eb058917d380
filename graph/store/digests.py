"""Compiled decoding of derived ids (a prefix and 16 lower-case hex digits, ids.py) and
a hash lookup of them, for the incidence read (incidence.py).

At national size the read hands over 3.45M institution ids written one after the
other; numpy's decoding (bytes.fromhex over the whole string) and a sorted search of
each key took a second between them. Here one pass reads the hex digits into an
integer and a second finds each integer in an open-addressing table of the few
hundred thousand known ids, both in cache-friendly loops. numba caches the compiled
code beside this file.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numba import njit

_HEX = np.full(256, 16, dtype=np.uint64)  # 16: not a lower-case hex digit
_HEX[np.frombuffer(b"0123456789abcdef", dtype=np.uint8)] = np.arange(16, dtype=np.uint64)


def decode(chars: Any, count: int, prefix: Any, digits: int) -> tuple[Any, bool]:
    """(keys, ok): the integer each of `count` ids spells in its hex digits, ids of
    len(prefix) + digits bytes each in `chars`; ok False if any id lacks the prefix or
    has a character that is not a lower-case hex digit."""
    keys, ok = _decode(chars, count, prefix, digits, _HEX)
    return keys, bool(ok)


@njit(cache=True)
def _decode(chars: Any, count: int, prefix: Any, digits: int,
            table: Any) -> Any:  # pragma: no cover - compiled
    width = len(prefix) + digits
    keys = np.empty(count, dtype=np.uint64)
    if len(chars) != width * count:
        return keys, False
    bad = np.uint64(0)
    four = np.uint64(4)
    for k in range(count):
        base = k * width
        for p in range(len(prefix)):
            if chars[base + p] != prefix[p]:
                return keys, False
        v = np.uint64(0)
        for p in range(base + len(prefix), base + width):
            d = table[chars[p]]
            bad |= d  # only a 16 sets bit 4
            v = (v << four) | d
        keys[k] = v
    return keys, (bad & np.uint64(16)) == 0


@njit(cache=True)
def positions(table: Any, keys: Any) -> Any:  # pragma: no cover - compiled
    """For each of `keys`, its position in `table` (distinct keys), or -1."""
    size = 1
    while size < 2 * len(table) + 2:
        size *= 2
    mask = np.uint64(size - 1)
    slots = np.full(size, -1, dtype=np.int64)
    golden = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing: any key pattern spreads
    shift = np.uint64(64 - int(np.log2(size))) if size > 1 else np.uint64(63)
    for t in range(len(table)):
        h = (table[t] * golden) >> shift & mask
        while slots[h] >= 0:
            h = (h + np.uint64(1)) & mask
        slots[h] = t
    out = np.empty(len(keys), dtype=np.int64)
    for k in range(len(keys)):
        key = keys[k]
        h = (key * golden) >> shift & mask
        found = -1
        while slots[h] >= 0:
            if table[slots[h]] == key:
                found = slots[h]
                break
            h = (h + np.uint64(1)) & mask
        out[k] = found
    return out
