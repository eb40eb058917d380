"""Meeting and date rules from a third held-out pass on real releases (issue 10, items 2-3):
years completed only up to the publication, ranges of weekdays and of days, month
abbreviations, a meeting that is only the object of another event, a participant headline
over a body that points back at its meeting, zones from the body only."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

from loaders.articles.dates import DateMention, complete, date_mentions
from loaders.articles.document import parse
from loaders.articles.vocab import DATA, Vocabulary, vocabulary
from tests.loaders.extract_helpers import extract_on, meeting_on

TREE = [
    {"code": "P", "name": "Nusa Kencana", "level": "province", "zone": "WITA"},
    {"code": "K", "name": "Kabupaten Lembah Hijau", "level": "kabkota", "parent": "P"},
    {"code": "C", "name": "Sukaluyu", "level": "kecamatan", "parent": "K"},
]


def _run(text: str, vocab: Vocabulary | None = None) -> Any:
    return extract_on(text, TREE, vocab)


def _meeting(text: str, vocab: Vocabulary | None = None) -> dict[str, Any]:
    return meeting_on(text, TREE, vocab)


def test_a_missing_year_never_lands_after_the_publication() -> None:
    # 14 Sep is a Monday in 2026, a Sunday in 2025: published in Sep 2025, the meeting
    # cannot be next year's; the publication year is kept and the weekday flagged
    monday_14_9 = DateMention(0, 4, 14, 9, None, 0, True)
    day, conflict = complete(monday_14_9, date(2025, 9, 15), [])
    assert (day, conflict) == (date(2025, 9, 14), True)
    # a weekday that fits a year before the publication still decides
    thursday_16_2 = DateMention(0, 4, 16, 2, None, 3, True)
    assert complete(thursday_16_2, date(2023, 2, 20), []) == (date(2023, 2, 16), False)
    e = _run("Rakor TPPS Lembah Hijau Bahas Data Keluarga\n\nRedaksi | 15 Sep 2025, 10:41 "
             "WIB\n\nSUKALUYU – Pemerintah Kabupaten Lembah Hijau menggelar rapat koordinasi "
             "Tim Percepatan Penurunan Stunting di Aula Bappeda, Senin (14/9). Rakor dibuka "
             "Wakil Bupati selaku Ketua TPPS dan diikuti para camat.")
    assert e.meeting["date"] == "2025-09-14"
    assert any("weekday" in w for w in e.warnings)


def test_a_range_of_weekdays_gives_the_first_weekday() -> None:
    (d,) = date_mentions("rembuk digelar Senin–Selasa (7–8/7/2025) di aula")
    assert (d.day, d.month, d.year, d.weekday) == (7, 7, 2025, 0)
    e = _run("Pemerintah Kabupaten Lembah Hijau menggelar rembuk stunting di Aula Bappeda, "
             "Senin–Selasa (7–8/7/2025). Rembuk dibuka Bupati dan dihadiri para camat.")
    assert e.meeting["date"] == "2025-07-07" and not e.warnings


def test_a_range_written_with_s_d_keeps_its_first_day() -> None:
    # 's.d.' before a number is no sentence end, so the range stays one date
    m = _meeting("Pemerintah Kabupaten Lembah Hijau menggelar rembuk stunting pada tanggal "
                 "9 s.d. 11 Juli 2025 di Aula Bappeda. Rembuk dibuka Bupati dan dihadiri "
                 "para camat.")
    assert m["date"] == "2025-07-09"


def test_an_abbreviated_month_with_a_stop_keeps_its_year() -> None:
    m = _meeting("Pemerintah Kabupaten Lembah Hijau menggelar rapat koordinasi TPPS di Aula "
                 "Bappeda pada 4 Sept. 2025 pukul 09.00 Wita. Rakor dibuka Wakil Bupati.")
    assert (m["date"], m["start_time"]) == ("2025-09-04", "09:00")
    # the stop after the month does not cut the year off into a sentence of its own
    text = ("Data tahun 2023 dibahas ulang. Pemerintah Kabupaten Lembah Hijau menggelar rapat "
            "koordinasi TPPS di Aula Bappeda pada 12 Agt. 2024. Rakor dibuka Wakil Bupati.")
    assert any("12 Agt. 2024" in s.text for s in parse("t.txt", text).sentences)
    assert _meeting(text)["date"] == "2024-08-12"


def test_a_meeting_that_is_only_what_another_event_is_about_is_no_meeting() -> None:
    e = _run("Dinas KB Gelar Sosialisasi Hasil Rembuk Stunting\n\nSUKALUYU – Dinas "
             "Pengendalian Penduduk dan KB Kabupaten Lembah Hijau menggelar sosialisasi hasil "
             "rembuk stunting kepada kader Posyandu di Aula Kecamatan Sukaluyu, Rabu "
             "(8/10/2025). Sosialisasi dibuka Kepala Dinas dan diikuti 60 kader.")
    assert e.meeting is None and "4 needed" in (e.skipped or "")
    # the meeting combined with another event, that event named after it, still counts
    m = _meeting("Pemerintah Kabupaten Lembah Hijau menggelar rakor TPPS sekaligus launching "
                 "aplikasi data keluarga di Aula Bappeda, Rabu (8/10/2025). Rakor dibuka "
                 "Wakil Bupati.")
    assert m["date"] == "2025-10-08"


def test_participant_headline_over_a_body_that_points_back_at_the_meeting() -> None:
    text = ("Kapolres Lembah Hijau Hadiri Rembuk Stunting Kabupaten\n"
            "Dibuka dengan doa, acara dilanjutkan dengan laporan panitia pelaksana.\n"
            "Bupati Lembah Hijau dalam sambutannya menekankan kerja sama antarinstansi. "
            "Melalui rembuk stunting ini, diharapkan terbentuk pemetaan program hingga "
            "tingkat desa.")
    m = _meeting(text)
    # held, but no day is written anywhere: none is invented
    assert m["level"] == "kabkota" and m["date"] is None
    # without the headline's held-verb the same body reports no meeting
    assert not _meeting(text.replace("Hadiri", "dan"))


def test_a_byline_zone_is_no_check_on_the_province() -> None:
    e = _run("Rakor TPPS Lembah Hijau\n\nRedaksi | 2 Okt 2025, 10:41 WIB\n\nSUKALUYU – "
             "Pemerintah Kabupaten Lembah Hijau menggelar rapat koordinasi TPPS di Aula "
             "Bappeda, Kamis (2/10/2025). Rakor dibuka Wakil Bupati.")
    assert e.meeting["date"] == "2025-10-02" and not e.warnings
    e = _run("Pemerintah Kabupaten Lembah Hijau menggelar rapat koordinasi TPPS di Aula "
             "Bappeda, Kamis (2/10/2025) pukul 09.00 WIB. Rakor dibuka Wakil Bupati.")
    assert any("WITA" in w for w in e.warnings)


def test_the_other_event_cue_is_read_from_meeting_cues(tmp_path: Path) -> None:
    text = ("SUKALUYU – Dinas KB Kabupaten Lembah Hijau menggelar apel hasil rembuk "
            "stunting di Aula Kecamatan Sukaluyu, Rabu (8/10/2025). Apel dibuka Kepala Dinas.")
    assert _meeting(text)["date"] == "2025-10-08"  # 'apel' is not in the shipped cue
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    cues = folder / "meeting_cues.csv"
    cues.write_text(cues.read_text("utf-8").replace("(?:sosialisasi|", "(?:apel|sosialisasi|"),
                    "utf-8")
    vocabulary.cache_clear()
    try:
        assert _run(text, Vocabulary(folder)).meeting is None
    finally:
        vocabulary.cache_clear()


def test_a_later_sentence_about_the_event_gives_its_start(tmp_path: Path) -> None:
    text = ("Pemerintah Desa Sukaluyu melaksanakan Rembuk Stunting Tahun 2025. Kegiatan "
            "berlangsung di balai desa. Rabu 20/8/2025. Rembuk ini bertujuan menyusun rencana "
            "aksi desa. Acara yang dimulai pukul 13.30 Wita dihadiri Camat Sukaluyu dan kader "
            "Posyandu.")
    m = _meeting(text)
    assert (m["date"], m["start_time"]) == ("2025-08-20", "13:30")
    # a later time of something else is not the meeting's
    other = text.replace("Acara yang dimulai pukul 13.30", "Pukul 13.30 launching")
    assert _meeting(other)["start_time"] is None
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    cues = folder / "meeting_cues.csv"
    cues.write_text("\n".join(line for line in cues.read_text("utf-8").splitlines()
                              if not line.startswith("event_time,")) + "\n", "utf-8")
    vocabulary.cache_clear()
    try:
        assert _meeting(text, Vocabulary(folder))["start_time"] is None
    finally:
        vocabulary.cache_clear()


def test_a_meeting_looked_back_on_twice_is_background() -> None:
    # 'sesuai arahan ... dalam rakor TPPS pekan lalu': two look-back cues outweigh the
    # verbs of the rakor's own clause ('yang dihadiri seluruh camat')
    e = _run("SUKALUYU – Ribuan balita di Kabupaten Lembah Hijau ditimbang serentak di 400 "
             "Posyandu, Kamis (6/3/2025). Kegiatan ini sesuai arahan Wakil Bupati Lembah Hijau "
             "dalam rakor TPPS pekan lalu di Aula Bappeda yang dihadiri seluruh camat.")
    assert e.meeting is None
    assert "passing reference -4, passing reference -4" in (e.skipped or "")


def test_an_earlier_meeting_told_after_the_reported_one_is_not_a_second_meeting() -> None:
    e = _run("SUKALUYU – Pemerintah Desa Sukaluyu menggelar rembuk stunting desa di balai "
             "desa, Senin (14/4/25). Rembuk dibuka Kepala Desa. Sebelumnya, rakor TPPS "
             "kabupaten telah digelar pada Kamis (6/2/2025) di Aula Bappeda.")
    assert [m["date"] for m in e.meetings] == ["2025-04-14"]
    e = _run("SUKALUYU – Rakor TPPS Kabupaten Lembah Hijau semester II digelar di Aula "
             "Bappeda, Kamis (4/12/2025). Rakor semester I yang digelar pada 5 Juni 2025 "
             "menghasilkan sepuluh rekomendasi, kata Wakil Bupati saat membuka rakor.")
    assert [m["date"] for m in e.meetings] == ["2025-12-04"]
    # two meetings told in the order they were held are both reported
    e = _run("SUKALUYU – Pemerintah Kabupaten Lembah Hijau menggelar rembuk stunting "
             "kabupaten di Pendopo, Senin (3/3/2025). Rembuk dibuka Bupati. Keesokan harinya, "
             "Kecamatan Sukaluyu menggelar lokakarya mini di Aula Kantor Camat, Selasa "
             "(4/3/2025), dipimpin Camat.")
    assert [m["date"] for m in e.meetings] == ["2025-03-03", "2025-03-04"]


def test_a_training_on_the_meeting_or_an_appeal_to_hold_one_is_no_meeting() -> None:
    # the training's object runs over a few words before the meeting's name
    assert _run("SUKALUYU – Bappeda Kabupaten Lembah Hijau menggelar bimtek penyusunan "
                "dokumen rembuk stunting bagi operator desa di Aula Bappeda, Selasa "
                "(14/10/2025). Bimtek dibuka Kepala Bappeda.").meeting is None
    # ... but 'rakor dan bimtek' names two events, the rakor held with the training
    assert _meeting("SUKALUYU – Pemerintah Kabupaten Lembah Hijau menggelar rakor dan bimtek "
                    "TPPS di Aula Bappeda, Selasa (14/10/2025). Kegiatan dibuka Wakil "
                    "Bupati.")["date"] == "2025-10-14"
    # an appeal to hold a rembuk plans one
    e = _run("SUKALUYU – Dinas Kesehatan menggelar sosialisasi pencegahan stunting kepada "
             "kader di Aula Kecamatan Sukaluyu, Selasa (14/10/2025). Sosialisasi dihadiri "
             "Camat Sukaluyu. Camat meminta desa segera menggelar rembuk stunting.")
    assert e.meeting is None and "planned" in (e.skipped or "")


def test_a_yearless_day_is_a_recent_one_and_an_iso_header_dates_the_release() -> None:
    # Wednesday 7 Aug is 2024's, a year before a release of 7 Aug 2025: the day is this
    # year's (a Thursday), the weekday flagged
    wednesday_7_8 = DateMention(0, 4, 7, 8, None, 2, True)
    assert complete(wednesday_7_8, date(2025, 8, 7), []) == (date(2025, 8, 7), True)
    # across the new year a recent day is still found: Monday 30 Dec, published 3 Jan
    monday_30_12 = DateMention(0, 4, 30, 12, None, 0, True)
    assert complete(monday_30_12, date(2025, 1, 3), []) == (date(2024, 12, 30), False)
    e = _run("Pemkab Lembah Hijau Gelar Rakor Konvergensi\ndate 2025-08-07\nPemerintah "
             "Kabupaten Lembah Hijau menggelar rapat koordinasi TPPS di Gedung Serbaguna "
             "Kantor Bupati, Rabu (7/8). Rakor dibuka Sekda dan diikuti para camat.")
    assert e.source["published"] == "2025-08-07"
    assert e.meeting["date"] == "2025-08-07" and any("weekday" in w for w in e.warnings)


def test_the_time_written_beside_the_meetings_date_is_its_start() -> None:
    m = _meeting("Kegiatan ini dilaksanakan di Aula Kantor Desa Sukaluyu pada Senin, 23 Agustus "
                 "2021. Pukul 10.00 – Selesai. Stunting berdampak panjang bagi anak. Desa "
                 "Sukaluyu mencatat empat anak stunting. Maka diadakanlah Rembuk Stunting untuk "
                 "membahas penanganannya, dihadiri Camat Sukaluyu dan kader Posyandu.")
    assert (m["date"], m["start_time"]) == ("2021-08-23", "10:00")


def test_a_relative_day_inside_a_quote_counts_from_the_day_the_speaker_spoke(
        tmp_path: Path) -> None:
    text = ("SUKALUYU – Camat Sukaluyu mengatakan warganya kini lebih peduli pada gizi anak, "
            "Selasa (24/6/2025).\n\n“Dalam rembuk stunting Kecamatan Sukaluyu tadi pagi, "
            "diikuti para kepala desa dan kader Posyandu, kami sepakat menambah kelas ibu "
            "balita,” ujarnya.")
    assert _meeting(text)["date"] == "2025-06-24"
    # without a dated frame nothing is resolved (no publication date either)
    assert _meeting(text.replace(", Selasa (24/6/2025).", "."))["date"] is None
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    cues = folder / "date_cues.csv"
    cues.write_text("\n".join(line for line in cues.read_text("utf-8").splitlines()
                              if not line.startswith("speech,")) + "\n", "utf-8")
    vocabulary.cache_clear()
    try:
        assert _meeting(text, Vocabulary(folder))["date"] is None
    finally:
        vocabulary.cache_clear()
