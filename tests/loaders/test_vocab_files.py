"""Each vocabulary file of loaders/articles/data/ is read: an analyst who adds a line to it
changes what the extractor finds (issue 10, item 1).

Every case copies the data folder, appends one line to one file, and extracts the same
release with the copy and with the shipped folder: the named field must change the way the
added line says. A file in data/ without a case here fails the suite, so a new vocabulary
cannot be added without proof that it is wired in.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from loaders.articles.document import parse
from loaders.articles.extract import extract
from loaders.articles.gazetteer import Gazetteer
from loaders.articles.output import to_json
from loaders.articles.vocab import DATA, Vocabulary

TREE = json.loads((Path(__file__).parent / "articles" / "invented_tree.json").read_text("utf-8"))
PAD = "\nKegiatan ini dan yang lain untuk dari pada dengan di yang dan ini itu juga."

BASE = ("SUKALUYU - Pemerintah Kecamatan Sukaluyu, Kabupaten Lembah Hijau, menggelar Rakor TPPS "
        "Kecamatan di Aula Kantor Camat Sukaluyu, Senin (3/3/2025) pukul 09.00 WITA. Rakor "
        "dipimpin Camat Sukaluyu dan dihadiri Kepala Puskesmas Sukaluyu, Kapolsek Sukaluyu, "
        "Danramil Sukaluyu, Kepala KUA Sukaluyu serta Ketua TP PKK Kecamatan Sukaluyu. "
        "Prevalensi stunting di Kecamatan Sukaluyu pada Januari 2025 tercatat 14,2 persen. "
        "Program Dapur Sehat Atasi Stunting (Dashat) terus diperluas.")


def summary(root: Path, text: str) -> dict[str, Any]:
    vocab = Vocabulary(root)
    gaz = Gazetteer.from_regions(TREE, vocab=vocab)
    r = to_json(extract(parse("case.txt", text + PAD, furniture=root), gaz=gaz, vocab=vocab))
    m = r["meetings"][0] if r["meetings"] else {}
    return {
        "meeting": m.get("title"),
        "date": m.get("date"),
        "time": m.get("start_time"),
        "venue": m.get("venue"),
        "region": (m.get("region") or {}).get("code"),
        "types": sorted({i["type"] for i in r["institutions"]}),
        "roles": {i["type"]: tuple(i["roles"]) for i in r["institutions"]},
        "collective": {i["type"]: i["collective"] for i in r["institutions"]},
        "programs": sorted(p["name"] for p in r["programs"]),
        "figures": sorted(f["value"] for f in r["measurements"]),
        "warnings": r["warnings"],
    }


Check = Callable[[dict[str, Any], dict[str, Any]], bool]

# file, line appended, release text, what must hold of (shipped, edited)
CASES: list[tuple[str, str, str, Check]] = [
    ("institutions.csv", r"PUSKESMAS,Juragan\s+Gizi,any,,place,Juragan Gizi",
     BASE.replace("Kepala Puskesmas Sukaluyu, ", "") + " Juragan Gizi Sukaluyu turut hadir.",
     lambda a, b: "PUSKESMAS" not in a["types"] and "PUSKESMAS" in b["types"]),
    # the near column: a bare acronym counts only beside the word the row asks for
    ("institutions.csv", r"DINAS_PANGAN,DKP,exact,,region,Dinas Ketahanan Pangan,ikan",
     BASE + " Kepala DKP Kabupaten Lembah Hijau turut hadir membahas ikan.",
     lambda a, b: "DINAS_PANGAN" not in a["types"] and "DINAS_PANGAN" in b["types"]),
    # a unit word opening a mention makes it its neighbouring office's unit (one body)
    ("office_units.txt", "Kadis",
     BASE + " Hadir pula DP3AP2KB melalui Kadis DP3A.",
     lambda a, b: "DP3A" in a["types"] and "DP3A" not in b["types"]
     and "DINAS_KB" in b["types"]),
    ("merged_offices.csv", r"Dinas\s+Serba\s+Guna,DINKES;DINAS_KB,Dinas Serba Guna",
     BASE + " Kepala Dinas Serba Guna Kabupaten Lembah Hijau turut hadir.",
     lambda a, b: {"DINKES", "DINAS_KB"} - set(a["types"]) == {"DINKES", "DINAS_KB"}
     and {"DINKES", "DINAS_KB"} <= set(b["types"])),
    ("acronym_rules.csv",
     r"kb_token,(?<![\w-])[DBP][A-Z0-9]*KB[A-Z0-9]*(?![\w]),DINAS_KB,DPPKBP3A",
     BASE + " Kepala DPPKBP3A Kabupaten Lembah Hijau turut hadir.",
     lambda a, b: "DINAS_KB" in a["types"] and "DINAS_KB" not in b["types"]),
    ("collisions.csv", r"KUA,sentence,gelato",
     BASE.replace("Kepala KUA Sukaluyu", "Kepala KUA Sukaluyu yang membawa gelato"),
     lambda a, b: "KUA" in a["types"] and "KUA" not in b["types"]),
    ("collectives.csv", r"group,Tim\s+Tujuh\s*\([^)]*\)",
     BASE + " Tim Tujuh (Kepala Desa Cibening dan Bidan Desa Cibening) turut hadir.",
     lambda a, b: "DESA" in a["types"] and "DESA" not in b["types"]),
    ("roles.csv", r"dikomandoi,chair,after",
     BASE.replace("Rakor dipimpin Camat Sukaluyu dan dihadiri",
                  "Rakor dikomandoi Kapolsek Sukaluyu. Hadir pula Camat Sukaluyu,"),
     lambda a, b: "chair" not in a["roles"]["POLSEK"] and "chair" in b["roles"]["POLSEK"]),
    ("roles.csv", r"dikabarkan\s+bersama,participant,quoted",
     BASE + ' Camat menuturkan, "Rakor juga dikabarkan bersama Kepala Desa Cibening."',
     lambda a, b: "DESA" not in a["types"] and "DESA" in b["types"]),
    ("collisions.csv", r"*,before,\bsurat\s+dari\s+$",
     BASE.replace("Kepala KUA Sukaluyu", "surat dari Kepala KUA Sukaluyu"),
     lambda a, b: "KUA" in a["types"] and "KUA" not in b["types"]),
    # (an invented gathering word: 'sarasehan' is a shipped meeting word since issue 10)
    ("meetings.csv", r"kenduri,kenduri\s+gizi,,Kenduri Gizi",
     BASE.replace("Rakor TPPS Kecamatan", "Kenduri Gizi").replace("Rakor dipimpin",
                                                                  "Kenduri dipimpin"),
     lambda a, b: a["meeting"] is None and (b["meeting"] or "").startswith("Kenduri Gizi")),
    ("meeting_cues.csv", "held,3,xyzzy\nparticipant,3,xyzzy",
     "Camat Sukaluyu memimpin Rakor TPPS Kecamatan Sukaluyu bersama Kepala Puskesmas "
     "Sukaluyu. Kabupaten Lembah Hijau.",
     lambda a, b: a["meeting"] is not None and b["meeting"] is None),
    # a meeting's name given a usual level: held in a Puskesmas, it becomes that kecamatan's
    ("meeting_levels.csv", r"rapat\s+koordinasi,kecamatan",
     "Rapat koordinasi TPPS digelar di Aula Puskesmas Sukaluyu, Kabupaten Lembah Hijau, "
     "Senin (3/3/2025). Hadir kader Posyandu dan bidan.",
     lambda a, b: a["region"] == "91.01" and b["region"] == "91.01.01"),
    ("venue_ends.txt", "sahut",
     BASE.replace("Aula Kantor Camat Sukaluyu,", "Aula Kantor Camat Sukaluyu, sahut Camat,"),
     lambda a, b: a["venue"] == "Aula Kantor Camat Sukaluyu, sahut Camat"
     and b["venue"] == "Aula Kantor Camat Sukaluyu"),
    # a generic venue's city stops holding the meeting (named as often as the Bupati's)
    ("generic_venues.txt", "sesuatu",
     "Rapat koordinasi TPPS digelar di sesuatu hotel di Kota Tirta Raya, Senin "
     "(3/3/2025). Bupati Lembah Hijau hadir bersama kader.",
     lambda a, b: a["region"] == "91.72" and b["region"] == "91.01"),
    ("venues.csv", "Zaal",
     BASE.replace("Aula Kantor Camat Sukaluyu", "Zaal Gizi Mekarsari"),
     lambda a, b: a["venue"] is None and b["venue"] == "Zaal Gizi Mekarsari"),
    ("time_words.txt", r"kala\s+senja",
     BASE.replace("Aula Kantor Camat Sukaluyu,", "Aula Kantor Camat Sukaluyu kala senja,"),
     lambda a, b: a["venue"] == "Aula Kantor Camat Sukaluyu kala senja"
     and b["venue"] == "Aula Kantor Camat Sukaluyu"),
    ("calendar.csv", "jnr,month,1",
     BASE.replace("Senin (3/3/2025)", "Senin, 3 Jnr 2025"),
     lambda a, b: a["date"] is None and b["date"] == "2025-01-03"),
    ("date_cues.csv", r"other_event,Sukaluyu,\s*$", BASE,
     lambda a, b: a["date"] == "2025-03-03" and b["date"] is None),
    ("region_aliases.csv", "Lehi,Kabupaten Lembah Hijau,kabkota,short",
     BASE.replace("Kabupaten Lembah Hijau", "Lehi").replace("SUKALUYU -", "LEHI -"),
     lambda a, b: a["region"] is None and b["region"] == "91.01.01"),
    ("tiers.csv", "Zonadesa,desa,desa,word",
     BASE.replace("Kecamatan Sukaluyu, Kabupaten Lembah Hijau, menggelar",
                  "Zonadesa Cibening menggelar"),
     lambda a, b: a["region"] is None and b["region"] is not None),
    ("stopwords.txt", "sari", BASE + " Kepala Desa Tanjung Sari hadir.",
     lambda a, b: a["collective"]["DESA"] is False and b["collective"]["DESA"] is True),
    ("furniture.txt", "drop: ^catatan redaksi",
     BASE + "\nCatatan redaksi: Kepala Desa Cibening juga hadir dalam rakor.\n",
     lambda a, b: "DESA" in a["types"] and "DESA" not in b["types"]),
    ("programs.csv",
     r"SIGIZI,SIGIZI|Siaga\s+Gizi\s+Desa,Siaga Gizi Desa,Village nutrition alert,",
     BASE + " Gerakan siaga gizi atau SIGIZI juga dibahas.",
     lambda a, b: "SIGIZI" not in a["programs"] and "SIGIZI" in b["programs"]),
    ("program_patterns.csv", r"trigger,(?:[Jj]urusan)",
     BASE + " Jurusan Sehat Mekarsari juga diperkenalkan dalam rakor itu.",
     lambda a, b: a["programs"] == ["DASHAT"] and len(b["programs"]) == 2),
    ("program_exclusions.csv", r"law,(?:Sayang\s+Ibu)",
     BASE + " Gerakan Sayang Ibu Sukaluyu juga dicanangkan dalam rakor itu.",
     lambda a, b: len(a["programs"]) == 2 and b["programs"] == ["DASHAT"]),
    ("relative_dates.csv", r"\btempo\s+hari\b,-2",
     "Redaksi | Kamis, 6 Maret 2025 10:00 WIB\n\n"
     + BASE.replace(", Senin (3/3/2025)", " tempo hari"),
     lambda a, b: a["date"] is None and b["date"] == "2025-03-04"),
    ("time_zones.csv", "Nusa Kencana,WIB", BASE,
     lambda a, b: not any("WITA" in w for w in a["warnings"])
     and any("keeps WIB" in w for w in b["warnings"])),
    ("time_cues.csv", r"clock,tepat",
     BASE.replace("pukul 09.00 WITA", "tepat 09.30 pagi"),
     lambda a, b: a["time"] is None and b["time"] == "09:30"),
    ("time_cues.csv", r"other_event,gladi",
     BASE.replace("pukul 09.00 WITA", "setelah gladi pukul 08.00 WITA"),
     lambda a, b: a["time"] == "08:00" and b["time"] is None),
    ("figure_cues.csv", "bound,tercatat", BASE,
     lambda a, b: a["figures"] == [14.2] and b["figures"] == []),
    ("number_words.csv", "selusin,12,whole",
     BASE + " Di desa itu masih ada selusin balita stunting.",
     lambda a, b: a["figures"] == [14.2] and b["figures"] == [12, 14.2]),
]


def _edited(tmp: Path, name: str, line: str) -> Path:
    root = tmp / "data"
    shutil.copytree(DATA, root)
    with (root / name).open("a", encoding="utf-8") as f:
        f.write("\n" + line + "\n")
    return root


@pytest.mark.parametrize(("name", "line", "text", "check"), CASES,
                         ids=[c[0] for c in CASES])
def test_a_line_added_to_the_file_changes_the_extraction(
        tmp_path: Path, name: str, line: str, text: str, check: Check) -> None:
    shipped = summary(DATA, text)
    edited = summary(_edited(tmp_path, name, line), text)
    assert check(shipped, edited), (name, shipped, edited)


# Files proven read by a test beside the rule they feed (the named test).
PROVEN_ELSEWHERE = {
    "numerals.csv": ("test_meetings_dates_regions.py",
                     "test_number_word_village_and_numerals_file_is_read"),
    "abbreviations.txt": ("test_institution_cues.py", "test_an_analyst_adds_an_abbreviation"),
    "misspelt_titles.txt": ("test_attendance_eval3.py", "test_the_misspelt_titles_file_is_read"),
    "lowercase_names.csv": ("test_attendance_status.py", "test_the_lowercase_names_file_is_read"),
    "tier_provinces.csv": ("test_meetings_dates_regions.py",
                           "test_tier_word_limits_the_provinces_and_tries_local_spellings"),
    "following_days.csv": ("test_m15.py", "test_the_following_days_file_is_read"),
    "degrees.txt": ("test_eval20_meetings.py", "test_the_degrees_file_is_read"),
}


def test_every_data_file_has_a_case() -> None:
    files = {p.name for p in DATA.iterdir() if p.is_file()}
    assert files == {c[0] for c in CASES} | set(PROVEN_ELSEWHERE)
    for module, test in PROVEN_ELSEWHERE.values():
        assert f"def {test}(" in (Path(__file__).parent / module).read_text("utf-8")
