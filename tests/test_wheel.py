"""The wheel, installed into a fresh venv, extracts a press release and serves a store.

Tests run on an editable install, which sees every file of the source tree; a
wheel carries only what pyproject.toml declares (package data included). So this
builds the wheel, installs it into a new venv and runs deploy/check_install.py
there, from outside the source tree. The dependencies come from the development
venv through a .pth file (installing them anew would take minutes); the Docker
build installs them for real and runs the same check.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "tests" / "loaders" / "articles" / "kendal_rakor.txt"


# Without PYTHONPATH: a source tree on it (PYTHONPATH=$PWD pytest) would be imported instead
# of the wheel, and its tpps_graph.egg-info would tell pip the wheel is already installed.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}


def _run(*args: str, cwd: Path) -> None:
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=600,
                          check=False, env=ENV)
    assert done.returncode == 0, f"{' '.join(args)}:\n{done.stdout[-2000:]}{done.stderr[-4000:]}"


def test_the_installed_wheel_extracts_and_serves(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(wheels), str(ROOT), cwd=tmp_path)
    [wheel] = wheels.glob("tpps_graph-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for data in ("loaders/articles/data/furniture.txt", "loaders/articles/data/roles.csv",
                 "loaders/data/demo.json", "graph/data/institution_types.csv",
                 "graph/data/convergence.csv"):
        assert data in names, f"{data} is not in the wheel"

    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", str(venv), cwd=tmp_path)
    python = venv / "bin" / "python"
    _run(sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
         str(wheel), cwd=tmp_path)
    site = Path(subprocess.check_output(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        text=True, env=ENV).strip())
    # Dependencies from the development venv, after the venv's own site-packages (so
    # the wheel's packages, not the editable source tree, are the ones imported).
    (site / "zz_dev_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    _run(str(python), str(ROOT / "deploy" / "check_install.py"), str(venv / "bin" / "tpps"),
         str(ARTICLE), cwd=tmp_path)
    where = subprocess.check_output([str(python), "-c", "import loaders; print(loaders.__file__)"],
                                    cwd=tmp_path, text=True, env=ENV)
    assert where.startswith(str(venv)), where
