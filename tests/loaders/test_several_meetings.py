"""Several meetings held in one release (issue 10, item 2), relative dates (item 3) and
the gold shape that lists meetings: each held meeting is its own Meeting in the store,
with its own date, venue, region, attendees and the sentence it was read from."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from graph.store.base import MeetingFilter, PageRequest
from graph.store.embedded import EmbeddedStore
from loaders.articles.dates import relative_day
from loaders.articles.document import parse
from loaders.articles.extract import extract
from loaders.articles.gold import parse_gold
from loaders.articles.load import extract_file, load_articles
from loaders.articles.score import compare, score_dir
from loaders.errors import LoadError

CORPUS = Path(__file__).parent / "corpus" / "releases"
TOUR = CORPUS / "r601_seram_bagian_barat_rakor_tiga_kecamatan.txt"
TWO = CORPUS / "r602_sumba_timur_rembuk_dan_lokmin.txt"


def _types(store: EmbeddedStore, meeting_id: str) -> set[str]:
    rows = store.attendance_of_meetings([meeting_id])[meeting_id]
    found = store.institutions([a.institution_id for a in rows])
    return {i.type for i in found.values()}


def test_a_listed_tour_is_three_meetings_each_with_its_venue() -> None:
    e = extract_file(TOUR)
    assert [(m["date"], m["venue"], m["series"]) for m in e.meetings] == [
        ("2025-03-03", "Aula Kantor Camat Kairatu", False),
        ("2025-03-05", "Aula Kantor Camat Taniwel", True),
        ("2025-03-10", "Balai Pertemuan Huamual", True)]
    assert e.meeting is e.meetings[0]
    # the kabupaten team held every stop; the kecamatan halls are venues
    assert {m["level"] for m in e.meetings} == {"kabkota"}
    assert {m["region"]["name"] for m in e.meetings} == {"Kabupaten Seram Bagian Barat"}


def test_two_meetings_told_apart_keep_their_own_holder_and_attendees() -> None:
    rembuk, lokmin = extract_file(TWO).meetings
    assert (rembuk["date"], rembuk["level"]) == ("2025-05-12", "kabkota")
    assert (lokmin["date"], lokmin["level"], lokmin["region"]["name"]) == (
        "2025-05-14", "kecamatan", "Kota Waingapu")
    assert lokmin["venue"] == "Aula Kantor Camat Kota Waingapu"
    assert {a.type for a in lokmin["attendees"]} == {"KECAMATAN", "PUSKESMAS", "KORAMIL"}
    assert not {"PUSKESMAS", "KORAMIL"} & {a.type for a in rembuk["attendees"]}
    assert {"PEMDA", "DINKES", "BAPPEDA"} <= {a.type for a in rembuk["attendees"]}


def test_the_store_gets_each_meeting_with_its_citation_and_attendees(
        tmp_path: Path, embedded: EmbeddedStore) -> None:
    folder = tmp_path / "releases"
    folder.mkdir()
    for path in (TOUR, TWO):
        (folder / path.name).write_bytes(path.read_bytes())
    report = load_articles([folder], embedded)
    assert len(report.loaded) == 2 and not report.skipped
    page = embedded.find_meetings(MeetingFilter(), PageRequest(10, None, "date", False))
    meetings = {m.date.isoformat(): m for m in page.items}
    assert sorted(meetings) == ["2025-03-03", "2025-03-05", "2025-03-10", "2025-05-12",
                                "2025-05-14"]
    assert len({m.id for m in page.items}) == 5
    assert meetings["2025-03-05"].venue == "Aula Kantor Camat Taniwel"
    cites = embedded.citations([m.id for m in page.items])
    for m in page.items:
        [c] = cites[m.id]
        assert c.excerpt and c.start is not None  # provenance: the sentence it was read from
    assert "Lokakarya Mini" in (cites[meetings["2025-05-14"].id][0].excerpt or "")
    assert "PUSKESMAS" in _types(embedded, meetings["2025-05-14"].id)
    assert "PUSKESMAS" not in _types(embedded, meetings["2025-05-12"].id)
    assert _types(embedded, meetings["2025-03-05"].id) == _types(embedded,
                                                                 meetings["2025-03-03"].id)
    again = load_articles([folder], embedded)
    assert again.created.get("meetings", 0) == 0  # ids from natural keys: the same five


@pytest.mark.parametrize("text", [
    # the same meeting said twice, with its day both times
    "Pemerintah Kabupaten Sumba Timur menggelar Rembuk Stunting di Aula Setda Sumba Timur, "
    "Senin (12/5/2025), dibuka Bupati Sumba Timur. Rembuk Stunting yang digelar Senin "
    "(12/5/2025) itu dihadiri para camat.",
    # a stop still to come is not held
    "TPPS Kabupaten Sumba Timur menggelar rapat koordinasi di Kecamatan Lewa, Senin "
    "(12/5/2025), dihadiri para camat. Rakor akan berlanjut ke Kecamatan Rindi pada Kamis "
    "(15/5/2025) sesuai jadwal.",
    # an earlier rakor named in passing
    "Pemerintah Kabupaten Sumba Timur menggelar Rembuk Stunting di Aula Setda Sumba Timur, "
    "Senin (12/5/2025), dibuka Bupati Sumba Timur. Rembuk ini menindaklanjuti hasil rakor "
    "sebelumnya yang digelar Rabu (2/4/2025).",
])
def test_one_meeting_gives_no_second(text: str) -> None:
    e = extract(parse("one.txt", text + " Kegiatan ini dan yang lain untuk dari pada itu."))
    assert [m["date"] for m in e.meetings] == ["2025-05-12"]


def test_relative_days_are_resolved_only_against_a_known_publication_date() -> None:
    wed = date(2025, 4, 9)
    assert relative_day("rapat digelar kemarin di aula", wed) == ("day", date(2025, 4, 8))
    assert relative_day("rapat digelar Senin lalu", wed) == ("day", date(2025, 4, 7))
    assert relative_day("rapat digelar Rabu lalu", wed) == ("day", date(2025, 4, 2))
    assert relative_day("rapat digelar kemarin", None) == ("unsafe", None)
    assert relative_day("rapat digelar pekan lalu", wed) == ("unsafe", None)
    assert relative_day("rapat digelar Minggu lalu", wed) == ("unsafe", None)  # week or Sunday
    assert relative_day("rapat digelar di aula", wed) == (None, None)


MEETING: dict[str, Any] = {"date": "2025-05-12", "level": "kabkota",
           "region": {"province": "Nusa Tenggara Timur", "kabkota": "Kabupaten Sumba Timur"}}
LOKMIN: dict[str, Any] = {"date": "2025-05-14", "level": "kecamatan",
          "region": {"province": "Nusa Tenggara Timur", "kabkota": "Kabupaten Sumba Timur",
                     "kecamatan": "Kota Waingapu"}}


def _gold(**fields: object) -> dict[str, object]:
    return {"institutions": [], "programs": [], "figures": [], **fields}


def test_gold_files_may_list_their_meetings() -> None:
    listed = parse_gold(_gold(meetings=[MEETING, LOKMIN]), "a.gold.json")
    assert listed.listed and listed.meeting == listed.meetings[0]
    assert [m.date for m in listed.meetings] == ["2025-05-12", "2025-05-14"]
    old = parse_gold(_gold(meeting=MEETING), "b.gold.json")
    assert not old.listed and old.meetings == (old.meeting,)
    none = parse_gold(_gold(meetings=[]), "c.gold.json")
    assert none.meeting is None and none.listed


@pytest.mark.parametrize(("fields", "message"), [
    ({"meeting": LOKMIN, "meetings": [MEETING, LOKMIN]}, "meeting: differs from meetings[0]"),
    ({"meetings": [MEETING, {**LOKMIN, "date": "14/5/2025"}]}, "meetings[1].date"),
    ({"meetings": [None]}, "meetings: a null in the list"),
    ({}, "meeting: missing"),
])
def test_a_wrong_meetings_list_names_its_field(fields: dict[str, object],
                                               message: str) -> None:
    with pytest.raises(LoadError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_gold(_gold(**fields), "bad.gold.json")


def test_listed_meetings_are_scored_and_an_unlisted_gold_is_not(tmp_path: Path) -> None:
    gold = parse_gold(_gold(meetings=[MEETING, LOKMIN]), "g")
    first_only = parse_gold(_gold(meetings=[MEETING]), "x")
    r = compare("f", gold, first_only)
    assert r.meetings is not None and (r.meetings.tp, r.meetings.fp, r.meetings.fn) == (1, 0, 1)
    assert r.missed_meetings == ["2025-05-14 (kecamatan: Kota Waingapu / Kabupaten Sumba "
                                 "Timur / Nusa Tenggara Timur)"]
    assert compare("f", parse_gold(_gold(meeting=MEETING), "g"), gold).meetings is None
    (tmp_path / "two.txt").write_bytes(TWO.read_bytes())
    (tmp_path / "two.gold.json").write_text(json.dumps(_gold(meetings=[
        {**MEETING, "region": {**MEETING["region"]}}, LOKMIN])), "utf-8")
    summary = score_dir(tmp_path).summary()
    assert summary["meetings"]["tp"] == 2 and summary["meetings"]["files"] == 1
    assert summary["meetings"]["region"] == 1.0
