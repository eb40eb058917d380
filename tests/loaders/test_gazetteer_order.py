"""A name with several spellings finds its regions in one order, whatever Python's string
hashing (a set of spellings was iterated as it came, so which of two same-named
kelurahan a release resolved to changed from one run to the next)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import json
from loaders.articles.gazetteer import Gazetteer
tree = [{"code": "11", "name": "Aceh", "level": "province"},
        {"code": "11.01", "name": "Kabupaten Uji", "level": "kabkota", "parent": "11"}]
names = ["Darul Iksan", "Darul Ihsan", "Teripe Jaya", "Tripe Jaya", "Baiturrahman", "Baitussalam",
         "Kuta Alam", "Kuta Malaka"]
for k, n in enumerate(names):
    tree.append({"code": f"11.01.{k + 1:02d}", "name": n, "level": "kecamatan",
                 "parent": "11.01"})
g = Gazetteer.from_regions(tree)
print(json.dumps([g.find("kecamatan", w) for w in
                  ["Darul Iksan (Ihsan)", "Teripe/Tripe Jaya", "Baiturrahman (Baitussalam)",
                   "Kuta Alam (Malaka)"]]))
"""


def test_the_codes_a_name_finds_do_not_depend_on_string_hashing() -> None:
    seen = set()
    for seed in range(6):
        env = {**os.environ, "PYTHONHASHSEED": str(seed), "PYTHONPATH": str(ROOT)}
        out = subprocess.run([sys.executable, "-c", PROBE], env=env, cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout
        found = json.loads(out)
        assert all(len(codes) == 2 for codes in found), found  # both spellings found
        seen.add(out)
    assert len(seen) == 1, seen
