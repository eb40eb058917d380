"""Store faults as a client sees them: a coded GraphQL error, and for a request
that failed because of one, HTTP 503 (or 507) with Retry-After.

A load balancer reads the status; a frontend reads `extensions.code`
(STORE_UNAVAILABLE, STORE_FULL, STORE_READ_ONLY, STORE_LOCKED, STORE_AUTH, and for a
write WRITE_OUTCOME_UNKNOWN or WRITE_STORED_UNREAD) and can say "the data store is down,
retrying" instead of "Internal error".
"""

from __future__ import annotations

from typing import Any

from graphql import GraphQLError

from graph.store.faults import StoreFault


def _kinds(cls: type[StoreFault]) -> list[type[StoreFault]]:
    return [cls] + [k for sub in cls.__subclasses__() for k in _kinds(sub)]


# Every fault's code, so one added in graph/store/faults.py gets its status here too.
FAULT_CODES = {c.code: c for c in _kinds(StoreFault)}


class StoreFaultError(GraphQLError):
    """A known store fault, shown to the client with its code."""

    def __init__(self, fault: StoreFault) -> None:
        extensions: dict[str, Any] = {"code": fault.code}
        if fault.retry_after is not None:
            extensions["retryAfter"] = fault.retry_after
        super().__init__(fault.message, extensions=extensions)
        self.fault = fault


def fault_of(error: GraphQLError) -> StoreFault | None:
    found = error.original_error if isinstance(error.original_error, StoreFaultError) else error
    return found.fault if isinstance(found, StoreFaultError) else None


def http_status(response_data: dict[str, Any]) -> tuple[int, dict[str, str]] | None:
    """(status, headers) for a response whose data was lost to a store fault, else None.

    A partial answer (some fields resolved) stays 200: the client has data to show.
    """
    errors = response_data.get("errors") or []
    faults = [e for e in errors if (e.get("extensions") or {}).get("code") in FAULT_CODES]
    if not faults:
        return None
    data = response_data.get("data")
    if data and any(v is not None for v in data.values()):
        return None
    ext = faults[0]["extensions"]
    status = FAULT_CODES[ext["code"]].http_status
    headers = {"Retry-After": str(ext["retryAfter"])} if "retryAfter" in ext else {}
    return status, headers
