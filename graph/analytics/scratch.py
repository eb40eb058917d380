"""Writing a directory of saved files so that no reader sees part of one (persist.py,
stored.py): it is written under a temporary name in the same parent, `.tmp-<pid>-…`,
and renamed into place in one step. What a writer killed midway leaves under that
prefix is never looked up (readers ask for the final name only) and is removed by a
later writer once it is stale: its writer's process is gone (and it has not changed for
a minute: a writer on another host or PID namespace looks gone too), or it has not
changed for an hour whoever holds it."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
import uuid
from pathlib import Path

log = logging.getLogger("tpps.analytics")

PREFIX = ".tmp-"
STALE_SECONDS = 3600.0  # unchanged this long: left behind, whatever its writer's pid says
GONE_SECONDS = 60.0  # unchanged this long with its writer's process gone: left behind


def make(parent: Path) -> Path:
    """A fresh temporary directory in `parent` (created if needed), named by this pid."""
    parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", dir=parent))


def discard(path: Path) -> None:
    """Remove the directory `path`: first renamed out of the way in one step, so a
    writer that puts a whole one there meanwhile is not emptied by this removal."""
    aside = path.parent / f"{PREFIX}{os.getpid()}-gone-{uuid.uuid4().hex}"
    try:
        os.rename(path, aside)
    except FileNotFoundError:
        return
    except OSError:  # cannot be moved (another filesystem?): removed where it is
        aside = path
    shutil.rmtree(aside, ignore_errors=True)


def sweep(parent: Path, now: float | None = None) -> list[Path]:
    """Remove the stale temporary entries of `parent`; the ones removed."""
    now = time.time() if now is None else now
    removed = []
    try:
        found = list(parent.glob(f"{PREFIX}*"))
    except OSError:
        return []
    for entry in found:
        try:
            age = now - entry.lstat().st_mtime
        except OSError:  # removed meanwhile
            continue
        if age > STALE_SECONDS or (age > GONE_SECONDS and not _writer_alive(entry.name)):
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)
            log.info("removed %s, left by a writer that did not finish", entry)
            removed.append(entry)
    return removed


def _writer_alive(name: str) -> bool:
    """Whether the process named in a temporary name still runs (True when unknown)."""
    pid = name[len(PREFIX):].split("-", 1)[0]
    if not pid.isdigit():
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process: alive
        return True
    return True
