"""Loaders of the analytics domain: one job per distinct measure, however many rows ask."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

from strawberry.dataloader import DataLoader

from api.analytics.running import run
from graph.analytics import jobs
from graph.store.base import NetworkFilter

RankKey = tuple[str, NetworkFilter, str, str]  # institution, filter, measure, weighting
Rank = tuple[float, int, bool]  # score, rank, approximate


def rank_of_institution(context: Any) -> DataLoader[RankKey, Rank | None]:
    """(score, rank, approximate) of an institution on a measure, None when it is not in
    the network: a page of institutions asking for the same (filter, measure, weighting)
    runs one job, then each row is a lookup in its index (Ranking.rank_of)."""
    async def load(keys: Sequence[RankKey]) -> list[Rank | None | BaseException]:
        jobs_of = list(dict.fromkeys(key[1:] for key in keys))  # distinct, in order
        done = await asyncio.gather(*(run(context, jobs.scores, f, measure, weighting)
                                      for f, measure, weighting in jobs_of),
                                    return_exceptions=True)
        scores = dict(zip(jobs_of, done, strict=True))
        out: list[Rank | None | BaseException] = []
        for key in keys:
            found = scores[key[1:]]
            if isinstance(found, BaseException):
                out.append(found)  # that job's error (BUSY, TIMEOUT ...), its rows only
                continue
            place = found.rank_of(key[0])
            out.append(None if place is None else (*place, found.approximate))
        return out

    return DataLoader(load_fn=load)
