"""Running an analytics job for a request: the time budget, the clear errors (BUSY,
TIMEOUT, TOO_LARGE, store faults), the scope version that keys the result cache."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from api.errors import UserInputError, busy_error
from api.faults import StoreFaultError
from graph.analytics import jobs
from graph.settings import settings
from graph.store.base import NetworkFilter as StoreNetworkFilter
from graph.store.faults import StoreFault

T = TypeVar("T")


async def run(context: Any, fn: Callable[..., T], f: StoreNetworkFilter, *args: Any) -> T:
    """Run an analytics job (graph/analytics/jobs.py) on the network `f` selects, within
    the time budget; say so clearly when it is too slow, too big or every worker is busy."""
    try:
        version = context.scope_versions.get(f.region_code)  # read by QueryCost
        if version is None:
            version = await context.call(context.store.scope_version, f.region_code)
        # owner: this request's other analytics fields never make it Busy (jobs.py)
        return await jobs.run(context.store, fn, f, *args, version=version, owner=context)
    except jobs.Busy as exc:
        raise busy_error(str(exc)) from exc
    except jobs.JobTimeout as exc:
        raise UserInputError(
            f"the computation took longer than {settings().analytics_seconds:g} s and was "
            "stopped: narrow the filter (region, dates, program, types) or use `tpps report`",
            "filter", code="TIMEOUT") from exc
    except jobs.OutOfMemory as exc:
        raise UserInputError(f"{exc}: narrow the filter (region, dates, program, types) or "
                             "use `tpps report`", "filter", code="TOO_LARGE") from exc
    except StoreFault as fault:
        raise StoreFaultError(fault) from fault
