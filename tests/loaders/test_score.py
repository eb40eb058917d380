"""The scorer (loaders/articles/score.py, gold.py) on hand-made extractions and golds:
every score of GOLD.md worked out by hand, the strict gold checks, the folder walk and
`tpps score`."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from typer.testing import CliRunner

from cli.main import app
from graph.model import Region
from loaders.articles import score as scoring
from loaders.articles.gold import parse_gold, read_regions, to_gold_shape
from loaders.articles.score import check_thresholds, compare, match, read_thresholds, score_dir
from loaders.errors import LoadError

HERE = Path(__file__).parent / "articles"


def meeting(date: str | None = "2025-03-06", level: str | None = "kabkota",
            **more: Any) -> dict[str, Any]:
    region = {"province": "Nusa Kencana", "kabkota": "Kabupaten Lembah Hijau",
              "kecamatan": None, "desa_kelurahan": None}
    region.update(more.pop("region", {}))
    return {"date": date, "level": level, "region": region, **more}


def gold(m: dict[str, Any] | None = None, types: tuple[str, ...] = (),
         programs: list[Any] | None = None, figures: list[dict[str, Any]] | None = None,
         ) -> dict[str, Any]:
    return {"meeting": m, "institutions": [{"type": t} for t in types],
            "programs": programs or [], "figures": figures or []}


NONE = gold()


def scored(g: dict[str, Any], x: dict[str, Any]) -> scoring.FileResult:
    return compare("t.txt", parse_gold(g, "gold"), parse_gold(x, "got"))


def summary(*results: tuple[dict[str, Any], dict[str, Any]]) -> dict[str, Any]:
    files = [compare(f"{n}.txt", parse_gold(g, "g"), parse_gold(x, "x"))
             for n, (g, x) in enumerate(results)]
    return scoring.Report("corpus", files).summary()


# -- meeting / no meeting ---------------------------------------------------------------

def test_no_meeting_is_the_positive_class_and_a_false_meeting_is_counted() -> None:
    s = summary((NONE, NONE),  # right: no meeting, none reported
                (NONE, gold(meeting(), ("PEMDA",))),  # a meeting invented
                (gold(meeting()), NONE),  # a meeting missed
                (gold(meeting()), gold(meeting())))
    assert s["meeting"] == {"right": 2, "total": 4, "accuracy": 0.5}
    nm = s["no_meeting"]
    assert (nm["tp"], nm["fp"], nm["fn"], nm["false_meetings"], nm["files"]) == (1, 1, 1, 1, 2)
    assert (nm["precision"], nm["recall"]) == (0.5, 0.5)
    # the invented meeting's institution is a false positive of the types
    assert (s["institution_types"]["fp"], s["institution_types"]["precision"]) == (1, 0.0)
    # date and region are scored over the two files whose gold has a meeting
    assert s["date"] == {"right": 1, "total": 2, "accuracy": 0.5}
    assert s["region"]["total"] == 2


def test_a_release_without_meeting_has_no_date_or_region_score() -> None:
    r = scored(NONE, NONE)
    assert (r.meeting_right, r.date_right, r.region_right, r.perfect) == (True, None, None, True)
    assert r.diff() == {}


# -- date ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("got", "right"), [
    ("2025-06-10", True),  # the numeric date
    ("2025-06-11", True),  # the day the weekday names, an accepted alternative
    ("2025-06-09", False),
    (None, False),  # a missing date is wrong
])
def test_date_matches_the_date_or_an_alternative(got: str | None, right: bool) -> None:
    g = gold(meeting("2025-06-10", date_alternatives=["2025-06-11"]))
    assert scored(g, gold(meeting(got))).date_right is right


def test_a_date_the_gold_does_not_know_may_not_be_invented() -> None:
    assert scored(gold(meeting(None)), gold(meeting(None))).date_right is True
    r = scored(gold(meeting(None)), gold(meeting("2023-02-20")))
    assert r.date_right is False
    assert r.diff()["date"] == {"gold": [None], "got": "2023-02-20"}


# -- region -------------------------------------------------------------------------------

DESA = {"kecamatan": "Sukaluyu", "desa_kelurahan": "Mekarsari"}


def test_region_needs_the_level_and_every_name_the_gold_gives() -> None:
    g = gold(meeting(level="desa", region=DESA))
    assert scored(g, gold(meeting(level="desa", region=DESA))).region_right
    # case, spaces and punctuation are ignored
    loose = {"kecamatan": "SUKA-LUYU", "desa_kelurahan": "mekar sari",
             "kabkota": "kabupaten lembah  hijau"}
    assert scored(g, gold(meeting(level="desa", region=loose))).region_right
    # the same desa name in another kecamatan is wrong
    other = {"kecamatan": "Batu Ampar", "desa_kelurahan": "Mekarsari"}
    assert not scored(g, gold(meeting(level="desa", region=other))).region_right
    # the kab/kota of the right name but a coarser level is wrong
    r = scored(g, gold(meeting(level="kabkota")))
    assert not r.region_right
    assert r.diff()["region"] == {
        "gold": "desa: Mekarsari / Sukaluyu / Kabupaten Lembah Hijau / Nusa Kencana",
        "got": "kabkota: Kabupaten Lembah Hijau / Nusa Kencana"}


def test_kota_and_kabupaten_of_one_name_are_different_regions() -> None:
    g = gold(meeting())
    twin = gold(meeting(region={"kabkota": "Kota Lembah Hijau"}))
    assert not scored(g, twin).region_right


def test_a_listed_alternative_name_matches() -> None:
    g = gold(meeting(level="kecamatan", region={"kecamatan": "Lho'nga"}))
    x = gold(meeting(level="kecamatan", region={"kecamatan": "Lhoknga (Lho'nga)"}))
    assert scored(g, x).region_right


# -- institution types ---------------------------------------------------------------------

def test_institution_types_precision_recall_f1_by_hand() -> None:
    s = summary((gold(meeting(), ("PEMDA", "TPPS", "PKK", "KECAMATAN")),
                 gold(meeting(), ("PEMDA", "TPPS", "PEMDA", "BAPPEDA"))),  # 2 tp, 1 fp, 2 fn
                (gold(meeting(), ("DESA",)), gold(meeting(), ("DESA", "KPM"))))  # 1 tp, 1 fp
    t = s["institution_types"]
    assert (t["tp"], t["fp"], t["fn"]) == (3, 2, 2)
    assert (t["precision"], t["recall"], t["f1"]) == (0.6, 0.6, 0.6)


def test_the_diff_names_missed_and_extra_types() -> None:
    r = scored(gold(meeting(), ("PEMDA", "TPPS")), gold(meeting(), ("PEMDA", "BAPPEDA")))
    assert r.diff() == {"institution_types": {"missed": ["TPPS"], "extra": ["BAPPEDA"]}}


# -- programs -------------------------------------------------------------------------------

GENTING = "GENTING (Gerakan Orang Tua Asuh Cegah Stunting)"


@pytest.mark.parametrize("written", [
    {"name": GENTING},
    {"name": "GENTING"},  # the acronym
    {"name": "Gerakan Orang Tua Asuh Cegah Stunting"},  # the expansion
    {"name": "gerakan orang-tua asuh cegah stunting (Genting)"},  # reversed, other case
    {"name": "Genting", "aliases": ["Gerakan Orang Tua Asuh Cegah Stunting"]},
    {"name": "Gerakan Orang Tua Asuh", "aliases": ["GENTING"]},  # matched by an alias
])
def test_a_program_is_found_by_its_acronym_or_its_expansion(written: dict[str, Any]) -> None:
    r = scored(gold(meeting(), programs=[GENTING]), gold(meeting(), programs=[written]))
    assert (r.programs.tp, r.programs.fp, r.programs.fn) == (1, 0, 0)


def test_one_extracted_program_answers_for_one_gold_program() -> None:
    g = gold(meeting(), programs=[GENTING, {"name": "SI CERIA (Sistem Cegah Risiko Anak)"}])
    x = gold(meeting(), programs=["GENTING", "Genting", "PMT lokal"])
    r = scored(g, x)
    assert (r.programs.tp, r.programs.fp, r.programs.fn) == (1, 2, 1)
    assert r.diff()["programs"] == {"missed": ["SI CERIA (Sistem Cegah Risiko Anak)"],
                                    "extra": ["Genting", "PMT lokal"]}
    assert (r.programs.precision, r.programs.recall) == (pytest.approx(1 / 3), 0.5)


# -- program links (ProgramLink RUNS / SUPPORTS) ------------------------------------------

BIMWIN = {"name": "Bimbingan Perkawinan (Bimwin)", "run_by": ["KUA"],
          "supported_by": ["BAZNAS"]}


def test_links_are_scored_as_type_program_relation_triples() -> None:
    x = gold(meeting(), programs=[{"name": "Bimwin", "run_by": ["KUA", "PUSKESMAS"]},
                                  {"name": "PMT lokal", "run_by": ["DINKES"]}])
    r = scored(gold(meeting(), programs=[BIMWIN]), x)
    # KUA RUNS found; BAZNAS SUPPORTS missed; PUSKESMAS RUNS and the unpaired PMT's link extra
    assert (r.program_links.tp, r.program_links.fp, r.program_links.fn) == (1, 2, 1)
    assert r.diff()["program_links"] == {
        "missed": ["BAZNAS SUPPORTS Bimbingan Perkawinan (Bimwin)"],
        "extra": ["PUSKESMAS RUNS Bimbingan Perkawinan (Bimwin)", "DINKES RUNS PMT lokal"]}


def test_the_relation_counts_a_runner_written_as_a_supporter_is_wrong_twice() -> None:
    x = gold(meeting(), programs=[{"name": "Bimwin", "supported_by": ["KUA", "BAZNAS"]}])
    r = scored(gold(meeting(), programs=[BIMWIN]), x)
    assert (r.program_links.tp, r.program_links.fp, r.program_links.fn) == (1, 1, 1)


def test_a_gold_file_without_links_still_reads_and_scores_links_of_a_missed_program() -> None:
    g = parse_gold(gold(meeting(), programs=["GENTING", {"name": "DASHAT", "run_by": ["PKK"]}]),
                   "old")
    assert [(p.run_by, p.supported_by) for p in g.programs] == [((), ()), (("PKK",), ())]
    r = compare("t.txt", g, parse_gold(gold(meeting(), programs=["GENTING"]), "x"))
    assert (r.program_links.tp, r.program_links.fp, r.program_links.fn) == (0, 0, 1)
    assert summary((gold(meeting(), programs=[BIMWIN]), gold(meeting(), programs=[BIMWIN])))[
        "program_links"]["f1"] == 1.0


def test_supported_by_names_a_known_type() -> None:
    with pytest.raises(LoadError, match=r"programs\[0\]\.supported_by\[0\]"):
        parse_gold(gold(meeting(), programs=[{"name": "X", "supported_by": ["TOKO"]}]), "g")


def test_a_word_of_the_expansion_alone_does_not_match() -> None:
    r = scored(gold(meeting(), programs=[GENTING]), gold(meeting(), programs=["Gerakan"]))
    assert r.programs.tp == 0


# -- figures -------------------------------------------------------------------------------

def fig(what: str, value: float, **more: Any) -> dict[str, Any]:
    return {"what": what, "value": value, **more}


@pytest.mark.parametrize(("value", "found"), [
    (18.4, True), (18.44, True), (18.35, True), (18.46, False), (18.3, False)])
def test_a_percentage_matches_within_005(value: float, found: bool) -> None:
    g = gold(meeting(), figures=[fig("stunting_prevalence_pct", 18.4, period="2023")])
    x = gold(meeting(), figures=[fig("stunting_prevalence_pct", value)])
    assert (scored(g, x).figures.tp == 1) is found


def test_counts_must_be_equal_and_the_kind_must_agree() -> None:
    g = gold(meeting(), figures=[fig("stunting_cases", 655), fig("families_at_risk", 3215)])
    x = gold(meeting(), figures=[fig("stunting_cases", 655.04), fig("stunting_cases", 3215),
                                 fig("families_at_risk", 3215)])
    r = scored(g, x)
    assert (r.figures.tp, r.figures.fp, r.figures.fn) == (1, 2, 1)
    assert [f.value for f in r.invented_figures] == [655.04, 3215]


def test_invented_figures_are_counted_over_the_corpus() -> None:
    s = summary(
        (gold(meeting(), figures=[fig("stunting_prevalence_pct", 21.5, region="Indonesia"),
                                  fig("stunting_prevalence_pct", 18.4)]),
         gold(meeting(), figures=[fig("stunting_prevalence_pct", 18.4),
                                  fig("stunting_prevalence_pct", 14)])),  # 14 is a target
        (gold(meeting()), gold(meeting(), figures=[fig("other", 12)])))
    f = s["figures"]
    assert (f["tp"], f["fn"], f["invented"], f["recall"]) == (1, 1, 2, 0.5)
    assert f["precision"] == pytest.approx(1 / 3, abs=1e-4)


def test_one_extracted_figure_answers_for_one_gold_figure() -> None:
    g = gold(meeting(), figures=[fig("stunting_prevalence_pct", 18.4, period="2023"),
                                 fig("stunting_prevalence_pct", 18.4, period="2024")])
    r = scored(g, gold(meeting(), figures=[fig("stunting_prevalence_pct", 18.4)]))
    assert (r.figures.tp, r.figures.fn) == (1, 1)


def test_match_finds_the_largest_pairing() -> None:
    # a greedy pass would pair left 0 with right 0 and leave left 1 unmatched
    pairs = match([{1, 2}, {1}], [1, 2], lambda a, b: b in a)
    assert pairs == {0: 1, 1: 0}


# -- strict gold files ---------------------------------------------------------------------

@pytest.mark.parametrize(("data", "where", "fragment"), [
    (gold(meeting("2025-02-30")), "meeting.date", "not a date"),
    (gold(meeting("6/3/2025")), "meeting.date", "not a date"),
    (gold(meeting(start_time="9.00")), "meeting.start_time", "not a time HH:MM"),
    (gold(meeting(level="village")), "meeting.level", "is not one of"),
    (gold(meeting(region={"kabkota": "Lembah Hijau"})), "meeting.region.kabkota",
     "long form"),
    (gold(meeting(region={"kecamatan": "Sukaluyu"})), "meeting.region.kecamatan",
     "below the meeting's level"),
    (gold(meeting(level="desa", region={"kecamatan": "Sukaluyu"})),
     "meeting.region.desa_kelurahan", "null, but the level is desa"),
    (gold(meeting(), ("POLDA",)), "institutions[0].type", "is not one of"),
    ({**gold(meeting()), "institutions": [{"type": "PEMDA", "roles": ["opener"]}]},
     "institutions[0].roles[0]", "is not one of"),
    (gold(meeting(), figures=[fig("prevalence", 1)]), "figures[0].what", "is not one of"),
    (gold(meeting(), figures=[fig("stunting_cases", "655")]), "figures[0].value",
     "expected a number"),
    (gold(meeting(), figures=[fig("stunting_cases", 655, period="Feb 2025")]),
     "figures[0].period", "is not a period"),
    (gold(meeting(), programs=[{"title": "GENTING"}]), "programs[0].name", "missing"),
    ({**gold(meeting()), "meeting": {**meeting(), "date_alternative": ["2025-03-07"]}},
     "meeting.date_alternative", "unknown field"),
    ({**gold(None), "institutions": [{"type": "PEMDA"}]}, "meeting", "empty lists"),
    ({"meeting": None}, "institutions", "missing"),
])
def test_a_bad_gold_file_names_the_field(data: dict[str, Any], where: str,
                                         fragment: str) -> None:
    with pytest.raises(LoadError) as caught:
        parse_gold(data, "T99.gold.json")
    problems = [(p.file, p.field) for p in caught.value.problems]
    assert ("T99.gold.json", where) in problems, problems
    assert fragment in str(caught.value)


def test_every_problem_of_a_gold_file_is_reported_at_once() -> None:
    bad = {**gold(meeting("tomorrow"), ("NOPE",)), "extra": 1}
    with pytest.raises(LoadError) as caught:
        parse_gold(bad, "x.gold.json")
    assert {p.field for p in caught.value.problems} == {"meeting.date", "institutions[0].type",
                                                        "extra"}


def test_a_program_may_be_a_string_or_an_object() -> None:
    g = parse_gold(gold(meeting(), programs=["GENTING", {"name": "DASHAT",
                                                         "run_by": ["DINAS_KB"]}]), "g")
    assert [(p.name, p.run_by) for p in g.programs] == [("GENTING", ()),
                                                        ("DASHAT", ("DINAS_KB",))]


def test_a_bad_gazetteer_names_the_record(tmp_path: Path) -> None:
    path = tmp_path / "gazetteer.json"
    path.write_text(json.dumps([
        {"code": "97", "name": "Nusa Kencana", "level": "province", "parent": "ID"},
        {"code": "97.1", "name": "Kabupaten X", "level": "kabkota", "parent": "97"},
        {"code": "97.01", "name": "Kabupaten Y", "level": "kabkota", "parent": "96",
         "aliases": ["Y", 3]},
        {"code": "97", "name": "Nusa Kencana", "level": "province", "zone": "CET"}]), "utf-8")
    with pytest.raises(LoadError) as caught:
        read_regions(path)
    assert {p.field for p in caught.value.problems} == {"[1].code", "[2].parent",
                                                        "[2].aliases[1]", "[3].code",
                                                        "[3].zone"}


# -- an extraction in the gold shape ------------------------------------------------------

class Tree:
    """A gazetteer stand-in: lineage() over a few regions."""

    def __init__(self, *regions: Region) -> None:
        self.by_code = {r.code: r for r in regions}

    def lineage(self, code: str) -> list[Region]:
        out = []
        while code in self.by_code:
            out.append(self.by_code[code])
            code = self.by_code[code].parent_code or ""
        return out[::-1]


TREE = Tree(Region("ID", "Indonesia", "national"),
            Region("97", "Nusa Kencana", "province", "ID"),
            Region("97.01", "Kab. Lembah Hijau", "kabkota", "97"),
            Region("97.01.01", "Sukaluyu", "kecamatan", "97.01"),
            Region("97.01.01.2001", "Mekarsari", "desa", "97.01.01"))


def mention(type_: str, code: str | None, roles: tuple[str, ...], generic: bool = False,
            ) -> SimpleNamespace:
    return SimpleNamespace(type=type_, region_code=code, roles=roles, generic=generic)


def extraction(**meeting_fields: Any) -> SimpleNamespace:
    m = {"date": "2025-05-21", "start_time": "09:00", "end_time": None, "venue": "balai desa",
         "level": "desa", "region": {"code": "97.01.01.2001", "name": "Mekarsari",
                                     "level": "desa"}, **meeting_fields}
    return SimpleNamespace(
        meeting=m,
        institutions=[mention("DESA", "97.01.01.2001", ("organiser",)),
                      mention("KECAMATAN", "97.01.01", ("opened",)),
                      mention("KPM", "97.01.01.2001", ("presenter",)),
                      mention("BAZNAS", "97.01", ())],  # named in passing: no attendee
        programs=[{"name": "GENTING", "aliases": ["Gerakan Orang Tua Asuh Cegah Stunting"]}],
        figures=[{"what": "stunting_cases", "value": 23, "unit": "children",
                  "period": "2025-04", "region_code": "97.01.01.2001"},
                 {"what": "families_at_risk", "value": 10.6, "unit": "percent",
                  "period": None, "region_code": "97.01"},
                 {"what": "families_targeted", "value": 292, "unit": "families",
                  "period": None, "region_code": "ID"}])


def test_to_gold_shape_fills_ancestors_in_long_form_and_keeps_attendees_only() -> None:
    shaped = to_gold_shape(extraction(), TREE)
    assert shaped["meeting"] == {
        "date": "2025-05-21", "start_time": "09:00", "end_time": None, "venue": "balai desa",
        "level": "desa", "region": {"province": "Nusa Kencana",
                                    "kabkota": "Kabupaten Lembah Hijau",
                                    "kecamatan": "Sukaluyu", "desa_kelurahan": "Mekarsari"}}
    assert [(i["type"], i["region"], i["roles"]) for i in shaped["institutions"]] == [
        ("DESA", "Mekarsari", ["organiser"]), ("KECAMATAN", "Sukaluyu", ["opened"]),
        ("KPM", "Mekarsari", ["presenter"])]
    assert shaped["programs"] == [{"name": "GENTING", "aliases": [
        "Gerakan Orang Tua Asuh Cegah Stunting"], "run_by": [], "supported_by": []}]
    # kinds outside the gold's five, and a share of families, are `other`
    assert [(f["what"], f["value"], f["region"]) for f in shaped["figures"]] == [
        ("stunting_cases", 23, "Mekarsari"), ("other", 10.6, "Kabupaten Lembah Hijau"),
        ("other", 292, "Indonesia")]
    parse_gold(shaped, "extracted")  # the converted extraction passes the gold checks


def test_to_gold_shape_leaves_fields_below_the_level_null() -> None:
    shaped = to_gold_shape(extraction(level="kabkota", region={"code": "97.01"}), TREE)
    assert shaped["meeting"]["region"] == {"province": "Nusa Kencana",
                                           "kabkota": "Kabupaten Lembah Hijau",
                                           "kecamatan": None, "desa_kelurahan": None}


def test_no_meeting_extracted_is_the_empty_gold() -> None:
    none = SimpleNamespace(meeting=None, institutions=[], programs=[], figures=[])
    assert to_gold_shape(none, TREE) == NONE


# -- a folder of releases --------------------------------------------------------------------

GAZ = [{"code": "97", "name": "Nusa Kencana", "level": "province", "parent": "ID"},
       {"code": "97.01", "name": "Kabupaten Lembah Hijau", "level": "kabkota", "parent": "97",
        "aliases": ["Lemhi"]}]


def write(folder: Path, name: str, g: dict[str, Any] | None) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(f"release {name}", "utf-8")
    if g is not None:
        (folder / f"{name}.gold.json").write_text(json.dumps(g), "utf-8")


def test_score_dir_walks_the_folder_and_passes_each_folder_its_gazetteer(tmp_path: Path,
                                                                         ) -> None:
    write(tmp_path / "guide", "T01", gold(meeting(), ("PEMDA", "TPPS")))
    write(tmp_path / "guide", "T07", NONE)
    (tmp_path / "guide" / "gazetteer.json").write_text(json.dumps(GAZ), "utf-8")
    write(tmp_path / "releases" / "jatim", "r1", gold(meeting("2025-01-02")))
    write(tmp_path / "releases", "unlabelled", None)
    seen: dict[str, Any] = {}
    readings = {"T01": gold(meeting(), ("PEMDA",)), "T07": gold(meeting(), ("PEMDA",)),
                "r1": gold(meeting("2025-01-02"))}

    def read(path: Path, regions: list[dict[str, Any]] | None) -> dict[str, Any]:
        seen[path.stem] = regions
        return readings[path.stem]

    report = score_dir(tmp_path, read)
    assert [f.name for f in report.files] == ["guide/T01.txt", "guide/T07.txt",
                                              "releases/jatim/r1.txt"]
    assert report.unlabelled == ["releases/unlabelled.txt"]
    assert seen == {"T01": GAZ, "T07": GAZ, "r1": None}
    s = report.summary()
    assert s["no_meeting"]["false_meetings"] == 1
    assert (s["institution_types"]["tp"], s["institution_types"]["fp"],
            s["institution_types"]["fn"]) == (1, 1, 1)
    assert s["date"] == {"right": 2, "total": 2, "accuracy": 1.0}
    diff = report.to_json(diff=True)["diff"]
    assert set(diff) == {"guide/T01.txt", "guide/T07.txt"}
    assert diff["guide/T07.txt"]["meeting"] == {"gold": False, "got": True}


def test_a_bad_gold_file_stops_the_run_before_anything_is_scored(tmp_path: Path) -> None:
    write(tmp_path, "a", gold(meeting("2025-13-01")))
    write(tmp_path, "b", gold(meeting(), ("NOPE",)))
    with pytest.raises(LoadError) as caught:
        score_dir(tmp_path, lambda *_: pytest.fail("scored before checking"))
    assert [(Path(p.file).name, p.field) for p in caught.value.problems] == [
        ("a.gold.json", "meeting.date"), ("b.gold.json", "institutions[0].type")]


def test_a_gold_file_without_its_text_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "lost.gold.json").write_text(json.dumps(NONE), "utf-8")
    with pytest.raises(LoadError, match=r"no lost.txt beside this gold file"):
        score_dir(tmp_path)


def test_a_gold_file_that_is_not_json_names_the_line(tmp_path: Path) -> None:
    write(tmp_path, "a", None)
    (tmp_path / "a.gold.json").write_text('{"meeting": null,\n "institutions": [}', "utf-8")
    with pytest.raises(LoadError) as caught:
        score_dir(tmp_path)
    [problem] = caught.value.problems
    assert (Path(problem.file).name, problem.line) == ("a.gold.json", 2)


def test_a_release_the_extractor_refuses_scores_as_nothing_found(tmp_path: Path) -> None:
    write(tmp_path, "a", gold(meeting(), ("PEMDA",)))

    def refuse(path: Path, regions: Any) -> dict[str, Any]:
        raise LoadError([scoring.Problem(str(path), None, None, "empty file")])

    [r] = score_dir(tmp_path, refuse).files
    assert (r.error, r.meeting_right, r.types.fn) == ("empty file", False, 1)


# -- the extractor adapter ---------------------------------------------------------------

def test_the_runner_builds_the_folder_gazetteer_when_the_extractor_takes_one(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from loaders.articles import extract as extract_module
    from loaders.articles import gazetteer as gazetteer_module

    built: list[Any] = []

    def from_regions(regions: list[dict[str, Any]]) -> Tree:
        built.append(regions)
        return TREE

    def fake_extract(doc: Any, gaz: Any = None) -> SimpleNamespace:
        assert gaz is TREE
        return extraction()

    monkeypatch.setattr(gazetteer_module.Gazetteer, "from_regions", from_regions, raising=False)
    monkeypatch.setattr(extract_module, "extract", fake_extract)
    runner = scoring.ExtractorRunner()
    for _ in range(2):
        shaped = runner(HERE / "desa_rembuk.txt", GAZ)
    assert built == [GAZ]  # built once per folder
    assert shaped["meeting"]["region"]["desa_kelurahan"] == "Mekarsari"
    assert runner.warnings == []


def test_the_runner_falls_back_to_the_national_tree_with_a_warning(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from loaders.articles import extract as extract_module
    from loaders.articles import gazetteer as gazetteer_module

    monkeypatch.delattr(gazetteer_module.Gazetteer, "from_regions", raising=False)
    monkeypatch.setattr(extract_module, "extract", lambda doc: extraction(
        level="kabkota", region={"code": "97.01"}))
    monkeypatch.setattr(gazetteer_module, "gazetteer", lambda: TREE)
    runner = scoring.ExtractorRunner()
    shaped = runner(HERE / "desa_rembuk.txt", GAZ)
    assert shaped["meeting"]["level"] == "kabkota"
    assert ["national tree was used" in w for w in runner.warnings] == [True]


# -- thresholds -------------------------------------------------------------------------------

def test_thresholds_are_checked_field_by_field(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    path.write_text(json.dumps({"_comment": "targets", "figures": {
        "recall": {"min": 0.8}, "invented": {"max": 0}}, "date": {"accuracy": {"min": 0.95}}}),
        "utf-8")
    bounds = read_thresholds(path)
    s = summary((gold(meeting(), figures=[fig("stunting_cases", 5), fig("other", 1)]),
                 gold(meeting("2025-01-01"), figures=[fig("stunting_cases", 5),
                                                     fig("other", 2)])))
    assert check_thresholds(s, bounds) == ["figures.recall 0.5 < min 0.8",
                                           "figures.invented 1 > max 0",
                                           "date.accuracy 0 < min 0.95"]


@pytest.mark.parametrize(("data", "where"), [
    ({"figure": {"recall": {"min": 0.8}}}, "figure"),
    ({"figures": {"recal": {"min": 0.8}}}, "figures.recal"),
    ({"figures": {"recall": {"at_least": 0.8}}}, "figures.recall"),
    ({"figures": {"recall": 0.8}}, "figures.recall"),
])
def test_a_threshold_typo_is_an_error_not_a_pass(tmp_path: Path, data: dict[str, Any],
                                                 where: str) -> None:
    path = tmp_path / "t.json"
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(LoadError) as caught:
        read_thresholds(path)
    assert [p.field for p in caught.value.problems] == [where]


# -- tpps score ---------------------------------------------------------------------------------

@pytest.fixture
def labelled(tmp_path: Path) -> Path:
    """Two releases written for the extractor tests, with a gold file each, and a text
    that is no release (the extractor refuses it)."""
    for name in ("kendal_rakor", "desa_rembuk"):
        (tmp_path / f"{name}.txt").write_bytes((HERE / f"{name}.txt").read_bytes())
    (tmp_path / "kendal_rakor.gold.json").write_text(json.dumps(gold(
        meeting("2025-11-06", region={"province": "Jawa Tengah", "kabkota": "Kabupaten Kendal"}),
        ("PEMDA", "DINAS_KB"), ["DASHAT (Dapur Sehat Atasi Stunting)"])), "utf-8")
    (tmp_path / "desa_rembuk.gold.json").write_text(json.dumps(NONE), "utf-8")
    (tmp_path / "empty.txt").write_text("", "utf-8")
    (tmp_path / "empty.gold.json").write_text(json.dumps(NONE), "utf-8")
    return tmp_path


def test_cli_score_prints_every_field_and_the_diff(labelled: Path) -> None:
    result = CliRunner().invoke(app, ["score", str(labelled), "--diff"])
    assert result.exit_code == 0, result.output
    text = result.output
    assert "3 release(s) scored, 2 without a meeting" in text
    for name in ("meeting", "no_meeting", "date", "region", "institution_types", "programs",
                 "figures"):
        assert f"\n{name} " in text
    # desa_rembuk.txt has a meeting; its gold here says none: the diff says so
    assert "desa_rembuk.txt:\n  meeting: gold no meeting, got a meeting" in text
    assert "empty.txt:\n  error: empty file" in text  # the extractor refused it: said why


def test_cli_score_json_and_thresholds(labelled: Path, tmp_path_factory: pytest.TempPathFactory,
                                       ) -> None:
    bounds = tmp_path_factory.mktemp("t") / "thresholds.json"
    bounds.write_text(json.dumps({"no_meeting": {"false_meetings": {"max": 0}}}), "utf-8")
    result = CliRunner().invoke(app, ["score", str(labelled), "--format", "json", "--diff",
                                      "--thresholds", str(bounds)])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["files"] == 3 and data["scores"]["no_meeting"]["false_meetings"] == 1
    assert data["diff"]["desa_rembuk.txt"]["meeting"] == {"gold": False, "got": True}
    assert "below threshold: no_meeting.false_meetings 1 > max 0" in result.stderr


def test_cli_score_bad_gold_is_a_clear_error(tmp_path: Path) -> None:
    write(tmp_path, "a", {"meeting": None, "institutions": [], "programs": [],
                          "figures": [], "note": "typo"})
    result = CliRunner().invoke(app, ["score", str(tmp_path)])
    assert result.exit_code == 1
    assert "a.gold.json: note: unknown field" in result.output
    assert "Traceback" not in result.output


def test_a_meeting_whose_holder_is_not_given_may_not_get_a_level() -> None:
    unknown = gold(meeting(None, None, region={"province": None, "kabkota": None}))
    assert scored(unknown, unknown).region_right is True
    assert scored(unknown, gold(meeting(None))).region_right is False  # a level invented
    with pytest.raises(LoadError, match="below the meeting's level"):
        parse_gold(gold(meeting(None, None)), "g")  # no level, yet a region given


def test_the_readme_example_is_a_valid_gold_file() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text("utf-8")
    section = readme.split("## Scoring the extractor", 1)[1]
    example = section.split("```json", 1)[1].split("```", 1)[0]
    g = parse_gold(json.loads(example), "README.md")
    assert g.meeting is not None and g.meeting.level == "kabkota"


def test_to_gold_shape_reads_program_and_figure_objects_too() -> None:
    x = extraction()
    x.programs = [SimpleNamespace(name="DASHAT", aliases=["Dapur Sehat Atasi Stunting"],
                                  run_by=[("DINAS_KB", "RUNS", object()),
                                          ("PKK", "SUPPORTS", object())])]
    x.figures = [SimpleNamespace(what="participants", value=80, unit="people", period=None,
                                 region_code="97.01.01.2001")]
    shaped = to_gold_shape(x, TREE)
    assert shaped["programs"] == [{"name": "DASHAT", "aliases": ["Dapur Sehat Atasi Stunting"],
                                   "run_by": ["DINAS_KB"], "supported_by": ["PKK"]}]
    assert shaped["figures"] == [{"what": "participants", "value": 80, "period": None,
                                  "region": "Mekarsari"}]
