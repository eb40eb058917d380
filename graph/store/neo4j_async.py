"""The API's Neo4j reads on the driver's asyncio API.

A request's reads then wait on Neo4j in the event loop, not in a thread of Starlette's
pool each: 8 concurrent requests no longer queue behind the pool and the GIL hand-offs
of 8 threads. The statements are the sync store's own (`Neo4jStore` reads are
generators of statements, neo4j.py), so both drivers ask the same Cypher.

An AsyncDriver belongs to the event loop it first ran in, so there is one per loop
(a server has one; a test client may start a loop per request). A bounded wait on a
read (api/context.py) cancels it; the driver then drops the connection it was using.
"""

from __future__ import annotations

import asyncio
import weakref
from typing import TYPE_CHECKING, Any

from neo4j import AsyncDriver, AsyncGraphDatabase, RoutingControl

from graph.store.neo4j import collected, rows_of

if TYPE_CHECKING:
    from graph.store.neo4j import Neo4jStore, Reads

_DRIVERS: weakref.WeakKeyDictionary[Any, dict[asyncio.AbstractEventLoop, AsyncDriver]] = \
    weakref.WeakKeyDictionary()


def _driver(store: Neo4jStore) -> AsyncDriver:
    loop = asyncio.get_running_loop()
    per_loop = _DRIVERS.setdefault(store, {})
    found = per_loop.get(loop)
    if found is None:
        for old, driver in list(per_loop.items()):  # a finished loop's driver is done
            if old.is_closed():
                del per_loop[old]
                driver._closed = True  # its sockets went with the loop; no close to await
        found = per_loop[loop] = AsyncGraphDatabase.driver(store.uri, **store.driver_options)
    return found


async def run_async(store: Neo4jStore, reads: Reads[Any]) -> Any:
    """Run a read's statements one after another on this loop's async driver."""
    driver = _driver(store)
    try:
        stmt = next(reads)
        while True:
            # No bookmark manager, as in the sync `_read`: one server, writes on their own.
            query, names = collected(stmt.query)  # one record a statement: see collected
            result = await driver.execute_query(
                query, stmt.params, database_=store.database,
                routing_=RoutingControl.READ, bookmark_manager_=None)
            stmt = reads.send(rows_of(result.records, names))
    except StopIteration as done:
        return done.value
    finally:
        reads.close()


def close_async(store: Neo4jStore) -> None:
    """Close the async drivers whose loop is not running (a running loop's driver is
    closed by `aclose`, from that loop)."""
    for loop, driver in _DRIVERS.pop(store, {}).items():
        if loop.is_closed():
            driver._closed = True
        elif not loop.is_running():
            loop.run_until_complete(driver.close())
        else:
            asyncio.run_coroutine_threadsafe(driver.close(), loop)
