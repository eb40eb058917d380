"""The JSON/CSV loader: valid files load once, invalid ones name file, line, field
and write nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.store.base import InstitutionFilter, PageRequest, Store
from graph.store.embedded import EmbeddedStore
from loaders.errors import LoadError
from loaders.files import load_files
from tests.conftest import DEMO


def write(path: Path, text: str) -> Path:
    path.write_text(text, "utf-8")
    return path


def test_demo_loads_and_reloads_without_duplicates(embedded: EmbeddedStore) -> None:
    first = load_files([DEMO], "json", embedded)
    stats = embedded.stats()
    second = load_files([DEMO], "json", embedded)
    assert first.created["institutions"] == 36
    assert second.created.get("institutions", 0) == 0
    assert embedded.stats() == stats
    assert stats["meetings"] == 5 and stats["attendance"] == 34


def test_ids_are_stable_across_stores(tmp_path: Path) -> None:
    ids = []
    for name in ("a.db", "b.db"):
        store = EmbeddedStore(tmp_path / name)
        load_files([DEMO], "json", store)
        page = store.find_institutions(InstitutionFilter(), PageRequest(100))
        ids.append([i.id for i in page.items])
        store.close()
    assert ids[0] == ids[1]


def test_json_errors_name_file_line_and_field(tmp_path: Path, demo_store: Store) -> None:
    path = write(tmp_path / "bad.json", """{
  "institutions": [
    {"ref": "a", "name": "Puskesmas A", "type": "PUSKESMAS", "region": "33.74.05"},
    {"ref": "b", "name": "Polsek B", "type": "POLICE", "region": "33.74.05"}
  ],
  "meetings": [
    {"title": "Rakor",
     "date": "2025-13-40", "attendees": [{"institution": "a"}]}
  ]
}""")
    before = demo_store.stats()
    with pytest.raises(LoadError) as caught:
        load_files([path], "json", demo_store)
    problems = {(p.line, p.field) for p in caught.value.problems}
    assert (4, "institutions[1].type") in problems
    assert (7, "meetings[0].date") in problems
    assert str(path) in str(caught.value)
    assert "nothing was written" in str(caught.value)
    assert demo_store.stats() == before


def test_unknown_references_are_reported_and_nothing_written(tmp_path: Path,
                                                             demo_store: Store) -> None:
    path = write(tmp_path / "refs.json", json.dumps({
        "institutions": [{"ref": "a", "name": "KUA Genuk", "type": "KUA", "region": "33.74.05"}],
        "meetings": [{"title": "Rakor", "date": "2025-01-01", "region": "99.01",
                      "attendees": [{"institution": "a"}, {"institution": "ghost"}],
                      "programs": ["Si Bening", "nonexistent"]}],
    }, indent=1))
    before = demo_store.stats()
    with pytest.raises(LoadError) as caught:
        load_files([path], "json", demo_store)
    fields = {p.field: p.message for p in caught.value.problems}
    assert "unknown region '99.01'" in fields["meetings[0].region"]
    assert "ghost" in fields["meetings[0].attendees[1].institution"]
    assert "nonexistent" in fields["meetings[0].programs[1]"]
    assert "meetings[0].programs[0]" not in fields  # a stored program found by its name
    assert demo_store.stats() == before


def test_references_to_stored_ids_resolve(tmp_path: Path, demo_store: Store) -> None:
    pkm = demo_store.find_institutions(InstitutionFilter(name_contains="Puskesmas Genuk"),
                                       PageRequest(1)).items[0].id
    path = write(tmp_path / "more.json", json.dumps({
        "meetings": [{"title": "Rembuk", "date": "2026-01-01", "region": "33.74.05",
                      "attendees": [{"institution": pkm, "role": "chair"},
                                    {"name": "KUA Genuk", "type": "kua", "region": "33.74.05"}]}],
    }))
    result = load_files([path], "json", demo_store)
    assert result.created == {"meetings": 1, "institutions": 1}


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "invalid JSON"),
        ("[1, 2]", "expected a JSON object"),
        ('{"institutions": [}', "invalid JSON"),
        ('{"people": []}', "Extra inputs are not permitted"),
    ],
)
def test_broken_json_files(tmp_path: Path, embedded: EmbeddedStore, text: str,
                           fragment: str) -> None:
    path = write(tmp_path / "x.json", text)
    with pytest.raises(LoadError) as caught:
        load_files([path], "json", embedded)
    assert fragment in str(caught.value)
    assert embedded.stats()["institutions"] == 0


def test_binary_and_missing_files(tmp_path: Path, embedded: EmbeddedStore) -> None:
    binary = tmp_path / "x.json"
    binary.write_bytes(b"\x00\x01\x02PNG")
    with pytest.raises(LoadError, match="binary file"):
        load_files([binary], "json", embedded)
    with pytest.raises(LoadError, match="no such file"):
        load_files([tmp_path / "missing.json"], "json", embedded)
    latin = tmp_path / "latin.json"
    latin.write_bytes('{"x": "caf\xe9"}'.encode("latin-1"))
    with pytest.raises(LoadError, match="not UTF-8"):
        load_files([latin], "json", embedded)


def csv_files(tmp_path: Path) -> list[Path]:
    return [
        write(tmp_path / "regions.csv", "code,name,level\n33,Jawa Tengah,province\n"
              "33.74,Kota Semarang,kabkota\n33.74.05,Genuk,kecamatan\n"),
        write(tmp_path / "institutions.csv",
              "ref,name,type,region\npkm,Puskesmas Genuk,PUSKESMAS,33.74.05\n"
              "kua,KUA Genuk,KUA,33.74.05\n"),
        write(tmp_path / "programs.csv",
              "ref,name,aliases,owners,regions\n"
              "bimwin,Bimwin,Bimbingan Perkawinan,kua:RUNS,33.74\n"),
        write(tmp_path / "meetings.csv",
              "ref,title,date,start_time,region,programs\n"
              "m1,Rakor Genuk,2025-12-17,09:45,33.74.05,bimwin\n"),
        write(tmp_path / "attendance.csv",
              "meeting,institution,role\nm1,pkm,chair\nm1,kua,\n"),
        write(tmp_path / "measurements.csv",
              "what,value,unit,period,region\nstunting_cases,134,children,2025-11,33.74.05\n"),
    ]


def test_csv_files_load_together(tmp_path: Path, embedded: EmbeddedStore) -> None:
    result = load_files(csv_files(tmp_path), "csv", embedded)
    assert result.created == {"regions": 3, "institutions": 2, "programs": 1, "meetings": 1,
                              "measurements": 1}
    stats = embedded.stats()
    assert stats["attendance"] == 2 and stats["meeting_programs"] == 1
    assert stats["program_links"] == 1


def test_csv_row_errors_name_line_and_column(tmp_path: Path, embedded: EmbeddedStore) -> None:
    files = csv_files(tmp_path)
    write(tmp_path / "meetings.csv", "ref,title,date,start_time,region\n"
          "m1,Rakor Genuk,2025-12-17,09:45,33.74.05\nm2,Rakor,17/12/2025,9.45,33.74.05\n")
    write(tmp_path / "attendance.csv", "meeting,institution,role\nm1,pkm,boss\nm9,pkm,\n")
    with pytest.raises(LoadError) as caught:
        load_files(files, "csv", embedded)
    found = {(Path(p.file).name, p.line, p.field) for p in caught.value.problems}
    assert ("meetings.csv", 3, "date") in found
    assert ("meetings.csv", 3, "start_time") in found
    assert ("attendance.csv", 2, "role") in found
    assert embedded.stats()["regions"] == 0


def test_csv_reference_errors_name_line(tmp_path: Path, embedded: EmbeddedStore) -> None:
    files = csv_files(tmp_path)
    write(tmp_path / "attendance.csv", "meeting,institution,role\nm1,pkm,chair\nm9,pkm,\n")
    with pytest.raises(LoadError) as caught:
        load_files(files, "csv", embedded)
    [problem] = caught.value.problems
    assert (Path(problem.file).name, problem.line, problem.field) == ("attendance.csv", 3,
                                                                      "meeting")
    assert embedded.stats()["institutions"] == 0


@pytest.mark.parametrize(
    ("name", "text", "fragment"),
    [
        ("people.csv", "a,b\n1,2\n", "cannot tell what the CSV holds"),
        ("institutions.csv", "", "empty CSV"),
        ("institutions.csv", "name,type,budget\nA,KUA,5\n", "unknown column"),
        ("institutions.csv", "name,type\nA,KUA,extra\n", "more cells than header"),
    ],
)
def test_broken_csv_files(tmp_path: Path, embedded: EmbeddedStore, name: str, text: str,
                          fragment: str) -> None:
    with pytest.raises(LoadError) as caught:
        load_files([write(tmp_path / name, text)], "csv", embedded)
    assert fragment in str(caught.value)
