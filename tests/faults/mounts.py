"""Small filesystems for fault tests: a tmpfs of a few MB (disk full) and a read-only
bind mount. Both need root with mount rights; without them the tests that use them
skip and say why."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _mount(*args: str) -> None:
    done = subprocess.run(["mount", *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount here (`mount {' '.join(args)}`: "
                    f"{(done.stderr or done.stdout).strip()}); needs root with CAP_SYS_ADMIN")


def _umount(path: Path) -> None:
    subprocess.run(["umount", "-l", str(path)], capture_output=True, check=False)


@contextmanager
def small_disk(where: Path, size: str = "3m") -> Iterator[Path]:
    """A tmpfs of `size` mounted at `where`."""
    where.mkdir(parents=True, exist_ok=True)
    _mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where))
    try:
        yield where
    finally:
        _umount(where)


@contextmanager
def read_only_view(folder: Path, where: Path) -> Iterator[Path]:
    """`folder` seen read-only at `where` (a bind mount remounted ro)."""
    where.mkdir(parents=True, exist_ok=True)
    _mount("--bind", str(folder), str(where))
    try:
        done = subprocess.run(["mount", "-o", "remount,bind,ro", str(where)],
                              capture_output=True, text=True, check=False)
        if done.returncode != 0:
            pytest.skip(f"cannot remount read-only here: {done.stderr.strip()}")
        yield where
    finally:
        _umount(where)
