"""Every environment variable tpps-graph reads, in one place, read once.

Each variable is declared here with its default and what it is for, so an operator
has one list to read (`tpps settings` prints it) and code never calls os.environ
itself. `settings()` caches the values; tests that change the environment call
`settings.cache_clear()`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from functools import cache
from typing import Any


class SettingsError(ValueError):
    """A variable holds a value that cannot be used; the message names it."""


def _var(name: str, default: Any, doc: str, secret: bool = False) -> Any:
    """A setting read from variable `name`; a secret's value is never printed."""
    return field(default=default, metadata={"env": name, "doc": doc, "secret": secret})


@dataclass(frozen=True)
class Settings:
    db: str = _var("TPPS_DB", "data/tpps.db",
                   "the store: a SQLite file path, or a bolt:// / neo4j:// URI")
    debug: bool = _var("TPPS_DEBUG", False,
                       "1: show exception details in answers and logs (never in production)")
    tokens: str = _var("TPPS_TOKENS", "",
                       "comma-separated ROLE:TOKEN pairs (roles: reader, editor, admin); "
                       "each token at least 16 characters", secret=True)
    tokens_file: str = _var("TPPS_TOKENS_FILE", "",
                            "file of 'ROLE SHA256 [NAME]' lines (see `tpps token`); refused "
                            "when group or others may open it (chmod 600); kill -USR1 "
                            "re-reads it")
    tokens_file_any_mode: bool = _var("TPPS_TOKENS_FILE_ANY_MODE", False,
                                      "1: accept a token file group or others may open "
                                      "(with a warning)")
    read: str = _var("TPPS_READ", "open", "open: anyone may read; token: reads need a token")
    analytics_seconds: float = _var("TPPS_ANALYTICS_SECONDS", 30.0,
                                    "time budget of one analytics request, in seconds")
    store_timeout: float = _var("TPPS_STORE_TIMEOUT", 2.0,
                                "seconds a request waits for an unreachable, slow or locked "
                                "store before it answers STORE_UNAVAILABLE / STORE_LOCKED")
    analytics_workers: int = _var("TPPS_ANALYTICS_WORKERS", 2,
                                  "analytics jobs one API process runs at once, each in its "
                                  "own worker process; more wait (TPPS_ANALYTICS_QUEUE_SECONDS),"
                                  " then answer BUSY (HTTP 503)")
    analytics_queue_seconds: float = _var("TPPS_ANALYTICS_QUEUE_SECONDS", 5.0,
                                          "longest an analytics request waits for a free "
                                          "worker, in all (its early check and its fields "
                                          "share one deadline), before it answers BUSY")
    analytics_memory_mb: int = _var("TPPS_ANALYTICS_MEMORY_MB", 2048,
                                    "memory one analytics job may use: a request whose graph "
                                    "is estimated larger is refused (TOO_LARGE) before it "
                                    "starts, and each worker runs under RLIMIT_AS = its size "
                                    "at start + this")
    projection_dir: str = _var("TPPS_PROJECTION_DIR", "data/projections",
                               "where a Neo4j store's large networks are saved once projected "
                               "(per machine: each API or analytics worker reads them back "
                               "instead of projecting again); empty: not saved. The embedded "
                               "store keeps them beside its file")
    analytics_nice: int = _var("TPPS_ANALYTICS_NICE", 10,
                               "how much lower the analytics workers' CPU priority is than "
                               "the server's (nice increment, 0-19), so requests keep the "
                               "CPU while analyses run")
    search_chars: int = _var("TPPS_SEARCH_CHARS", 200,
                             "longest search string (nameContains) accepted")
    body_seconds: float = _var("TPPS_BODY_SECONDS", 10.0,
                               "time a client has to send a request body")
    header_seconds: float = _var("TPPS_HEADER_SECONDS", 10.0,
                                 "time a connection has to send a request's headers")
    http: str = _var("TPPS_HTTP", "auto",
                     "HTTP parser of `tpps serve`: httptools (on uvloop), h11 (on asyncio), "
                     "or auto: httptools when installed")
    keepalive_seconds: int = _var("TPPS_KEEPALIVE_SECONDS", 5,
                                  "idle keep-alive connections are closed after this")
    gc_thresholds: str = _var("TPPS_GC_THRESHOLDS", "",
                              "a served process's collector thresholds (young,middle,old), "
                              "set after its start-up heap is frozen; empty: Python's own")
    cors_origins: str = _var("TPPS_CORS_ORIGINS", "",
                             "comma-separated origins whose browser apps may call the API "
                             "(e.g. http://localhost:5173); *: any; empty: same origin only")
    web_dir: str = _var("TPPS_WEB_DIR", "",
                        "the built explorer (vite output); empty: web/dist of the checkout")
    response_cache: bool = _var("TPPS_RESPONSE_CACHE", False,
                                "1: answer identical reads from memory until the next write")
    response_cache_size: int = _var("TPPS_RESPONSE_CACHE_SIZE", 1024,
                                    "answers the response cache keeps (least recently used go)")
    neo4j_user: str = _var("NEO4J_USER", "neo4j",
                           "Neo4j user name (`make neo4j` accepts only neo4j)")
    neo4j_password: str = _var("NEO4J_PASSWORD", "",
                               "Neo4j password; empty: no auth (also what `make neo4j` sets)",
                               secret=True)
    neo4j_database: str = _var("NEO4J_DATABASE", "neo4j", "Neo4j database name")
    neo4j_host: str = _var("NEO4J_HOST", "127.0.0.1", "interface `make neo4j` listens on")
    neo4j_port: int = _var("NEO4J_PORT", 7687, "port `make neo4j` listens on")
    seeds: str = _var("TPPS_SEEDS", "../shared/seeds",
                      "folder of the seed press releases (relative to the project root)")


def _parse(name: str, raw: str, kind: Any) -> Any:
    if kind in (bool, "bool"):
        if raw.lower() in ("1", "true", "yes", "on"):
            return True
        if raw.lower() in ("", "0", "false", "no", "off"):
            return False
        raise SettingsError(f"{name}={raw!r}: expected 1 or 0")
    if kind in (int, "int"):
        try:
            return int(raw)
        except ValueError:
            raise SettingsError(f"{name}={raw!r}: expected a whole number") from None
    if kind in (float, "float"):
        try:
            return float(raw)
        except ValueError:
            raise SettingsError(f"{name}={raw!r}: expected a number") from None
    return raw


@cache
def settings() -> Settings:
    """The settings from the environment, read once per process."""
    values: dict[str, Any] = {}
    for f in fields(Settings):
        raw = os.environ.get(f.metadata["env"])
        if raw is not None:
            values[f.name] = _parse(f.metadata["env"], raw, f.type)
    return Settings(**values)


def describe() -> list[tuple[str, str, str]]:
    """(variable, default, what it is for) for every setting, for docs and `tpps settings`."""
    return [(f.metadata["env"], _show(f.default), f.metadata["doc"]) for f in fields(Settings)]


def _show(value: Any) -> str:
    """A value as one would write it in the environment (a flag as 1 or 0)."""
    if isinstance(value, bool):
        return "1" if value else "0"
    return f"{value:g}" if isinstance(value, float) else str(value)


MASK = "********"


def current(values: Settings | None = None) -> list[tuple[str, str, str]]:
    """(variable, value now, what it is for) for every setting; a set secret shows as MASK."""
    values = settings() if values is None else values
    rows = []
    for f in fields(Settings):
        value = getattr(values, f.name)
        shown = MASK if f.metadata["secret"] and value else _show(value)
        rows.append((f.metadata["env"], shown, f.metadata["doc"]))
    return rows


def markdown() -> str:
    """The README's table of settings (tests/test_settings.py keeps the two equal)."""
    lines = ["| variable | default | what it is for |", "| --- | --- | --- |"]
    for name, default, doc in describe():
        lines.append(f"| `{name}` | {f'`{default}`' if default else '(empty)'} | "
                     f"{doc.replace('|', '/')} |")
    return "\n".join(lines) + "\n"
