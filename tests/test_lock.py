"""The lock files pin every dependency of pyproject.toml, and this venv runs what they pin.

`make install` installs requirements-dev.lock (runtime + dev) and the Docker image
requirements.lock (runtime); both come from `make lock`. A dependency added to
pyproject.toml without `make lock`, a pin outside its range, or a venv that drifted
from the lock fails here, naming the package.
"""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")


def _project() -> dict[str, list[Requirement]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    runtime = [Requirement(r) for r in project["dependencies"]]
    dev = [Requirement(r) for r in project["optional-dependencies"]["dev"]]
    return {"runtime": runtime, "dev": dev}


def _lock(name: str) -> dict[str, tuple[Version, Marker | None, int]]:
    """package -> (pinned version, marker, number of hashes), as pip reads the file."""
    pins: dict[str, tuple[Version, Marker | None, int]] = {}
    current = ""
    for n, line in enumerate((ROOT / name).read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.lstrip().startswith("--hash="):
            assert current, f"{name}:{n}: a hash before any package"
            version, marker, hashes = pins[current]
            pins[current] = (version, marker, hashes + 1)
            continue
        match = PIN.match(line)
        assert match, f"{name}:{n}: not a 'name==version' pin: {line!r}"
        current = canonicalize_name(match[1])
        assert current not in pins, f"{name}:{n}: {current} pinned twice"
        pins[current] = (Version(match[2]), Marker(match[3]) if match[3] else None, 0)
    return pins


def test_every_dependency_has_an_upper_bound() -> None:
    for group, requirements in _project().items():
        for req in requirements:
            assert any(s.operator in ("<", "<=", "==", "~=") for s in req.specifier), (
                f"pyproject.toml {group} dependency {req} has no upper bound")


def test_the_locks_pin_every_dependency_within_its_range() -> None:
    dev_lock, runtime_lock = _lock("requirements-dev.lock"), _lock("requirements.lock")
    groups = _project()
    for lock_name, lock, requirements in (
            ("requirements-dev.lock", dev_lock, groups["runtime"] + groups["dev"]),
            ("requirements.lock", runtime_lock, groups["runtime"])):
        for req in requirements:
            name = canonicalize_name(req.name)
            assert name in lock, f"{req} is not in {lock_name}: run `make lock`"
            version = lock[name][0]
            assert req.specifier.contains(version, prereleases=True), (
                f"{lock_name} pins {name}=={version} outside {req}: run `make lock`")


def test_the_runtime_lock_is_the_dev_lock_less_the_dev_tools() -> None:
    dev_lock, runtime_lock = _lock("requirements-dev.lock"), _lock("requirements.lock")
    for name, (version, _, _) in runtime_lock.items():
        assert name in dev_lock, f"requirements.lock has {name}, requirements-dev.lock not"
        assert dev_lock[name][0] == version, (
            f"{name}: {version} in requirements.lock, {dev_lock[name][0]} in the dev lock")


def test_every_pin_carries_hashes() -> None:
    for lock_name in ("requirements-dev.lock", "requirements.lock"):
        for name, (_, _, hashes) in _lock(lock_name).items():
            assert hashes, f"{lock_name}: {name} has no --hash (pip --require-hashes refuses it)"


def test_this_venv_runs_the_locked_versions() -> None:
    drift = []
    for name, (version, marker, _) in _lock("requirements-dev.lock").items():
        if marker is not None and not marker.evaluate():
            continue
        try:
            installed = Version(metadata.version(name))
        except metadata.PackageNotFoundError:
            drift.append(f"{name}: locked {version}, not installed")
            continue
        if installed != version:
            drift.append(f"{name}: locked {version}, installed {installed}")
    assert not drift, "the venv is not the lock (make install):\n" + "\n".join(drift)


def test_make_install_and_the_image_install_from_the_locks() -> None:
    makefile = (ROOT / "Makefile").read_text("utf-8")
    assert "pip install -q --require-hashes -r requirements-dev.lock" in makefile
    assert "pip install -q --no-deps --no-build-isolation -e ." in makefile
    assert re.search(r"^lock:", makefile, re.M), "no `make lock` target"
    dockerfile = (ROOT / "Dockerfile").read_text("utf-8")
    locked = dockerfile.index("pip install --no-cache-dir --require-hashes -r requirements.lock")
    assert locked < dockerfile.index("pip install --no-cache-dir --no-deps .")
