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

from neo4j import READ_ACCESS, AsyncDriver, AsyncGraphDatabase, RoutingControl
from neo4j.exceptions import DriverError, Neo4jError

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
            query, names = collected(stmt.query)  # one record a statement: see collected
            stmt = reads.send(rows_of(await _run(store, driver, query, stmt.params), names))
    except StopIteration as done:
        return done.value
    finally:
        reads.close()


async def _run(store: Neo4jStore, driver: AsyncDriver, query: str,
               params: dict[str, Any]) -> list[Any]:
    """One read statement as an auto-commit transaction: RUN and PULL in one message
    and one round trip. `execute_query` wraps it in BEGIN ... COMMIT, a second round
    trip and a transaction for Neo4j to open and close: measured on the bench's Neo4j,
    about half the Python CPU and half the JVM CPU of a small read.

    An auto-commit transaction is not retried by the driver, so a read that fails with
    an error the driver would retry (a lost connection, a leader change, a transient
    error) is sent again through `execute_query`, which retries within the store's
    budget as before: a read is safe to resend."""
    try:
        # No bookmark manager, as in the sync `_read`: one server, writes on their own.
        async with driver.session(database=store.database, default_access_mode=READ_ACCESS,
                                  bookmark_manager=None) as session:
            result = await session.run(query, params)
            _untimed(session)
            return [record async for record in result]
    except (Neo4jError, DriverError) as exc:
        if not exc.is_retryable():
            raise
    found = await driver.execute_query(query, params, database_=store.database,
                                       routing_=RoutingControl.READ, bookmark_manager_=None)
    return found.records


def _untimed(session: Any) -> None:
    """Drop the socket timeouts of the session's connection: the read timeout of Neo4j's
    HELLO hint (connection.recv_timeout_seconds) and the driver's write timeout (its
    option takes no None). With them every socket read and write of the driver is an
    asyncio wait_for with a timer, a task created and scheduled per chunk read: about a
    quarter of a millisecond of Python CPU on query b of the peer bench (bench/peer, 3
    statements). These reads are already bounded by the API's own timer (api/context.py
    `_bounded`, TPPS_STORE_TIMEOUT), which cancels a read that hangs; the driver then
    drops that connection. The connection is not the driver's public API, so a driver
    without these attributes keeps its timeouts and only loses the saving."""
    socket: Any = getattr(getattr(session, "_connection", None), "socket", None)
    get = getattr(socket, "get_read_timeout", None)
    if get is None or get() is None:
        return  # already untimed (a pooled connection), or not the driver we know
    socket.set_read_timeout(None)
    if hasattr(socket, "set_write_timeout"):
        socket.set_write_timeout(None)


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
