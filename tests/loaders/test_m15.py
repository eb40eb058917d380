"""Datelines that write the province by its short form, and several meetings held in one
release (issue 10): sentences written for these tests, on real place names."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from loaders.articles.document import parse
from loaders.articles.extract import extract
from loaders.articles.output import to_json
from loaders.articles.vocab import DATA, Vocabulary

PAD = "\nKegiatan ini dan yang lain untuk dari pada dengan di yang dan ini itu juga."


def meetings(text: str, title: str = "Judul rilis") -> list[dict[str, Any]]:
    got: list[dict[str, Any]] = to_json(extract(parse("case.txt", title + "\n\n" + text + PAD)))[
        "meetings"]
    return got


PROVINCE_RAKOR = (" Pemerintah Provinsi menggelar rapat koordinasi Tim Percepatan Penurunan "
                  "Stunting (TPPS) tingkat provinsi di Aula Kantor Gubernur, Senin (3/3/2025). "
                  "Rakor dipimpin Wakil Gubernur selaku Ketua TPPS dan diikuti kepala Dinas "
                  "Kesehatan.")


@pytest.mark.parametrize(("dateline", "province"), [
    ("Kupang, NTT -", "Nusa Tenggara Timur"),          # Kupang is a kabupaten and a kota
    ("BANDUNG, JABAR -", "Jawa Barat"),
    ("SORONG, PAPUA BARAT DAYA –", "Papua Barat Daya"),
    ("PONTIANAK (KALBAR) -", "Kalimantan Barat"),
    ("JATENG, Semarang -", "Jawa Tengah"),
    ("PABAR -", "Papua Barat"),
    ("NAD -", "Aceh"),
])
def test_a_province_short_form_in_the_dateline_names_the_province(dateline: str,
                                                                   province: str) -> None:
    got = meetings(dateline + PROVINCE_RAKOR)[0]
    assert (got["level"], got["region"]["name"]) == ("province", province)


def test_a_further_dateline_piece_is_never_a_kecamatan_or_desa() -> None:
    # 'Humas' after the comma is the office that wrote the release, not a place
    got = meetings("SEMARANG, Humas -" + PROVINCE_RAKOR)[0]
    assert got["level"] is None


def dated(text: str, title: str = "Judul rilis") -> list[tuple[str | None, str | None, str | None]]:
    return [(m["date"], m["level"], (m["region"] or {}).get("name"))
            for m in meetings(text, title)]


def test_a_like_meeting_told_after_but_held_before_is_the_first_held() -> None:
    # 'Sebelumnya, Senin (3/3), rakor serupa digelar di ...': a stop of the same round,
    # not a look-back; listed first held first, so it is the release's meeting
    got = dated(
        "WATAMPONE – Tim Percepatan Penurunan Stunting (TPPS) Kecamatan Tanete Riattang "
        "menggelar rapat koordinasi di Aula Kantor Camat Tanete Riattang, Rabu (5/3/2025). "
        "Rakor dipimpin Camat Tanete Riattang dan dihadiri para lurah. Sebelumnya, Senin "
        "(3/3), rakor serupa digelar di Aula Kantor Camat Tanete Riattang Barat yang dipimpin "
        "Camat Tanete Riattang Barat.")
    assert got == [("2025-03-03", "kecamatan", "Tanete Riattang Barat"),
                   ("2025-03-05", "kecamatan", "Tanete Riattang")]


def test_last_years_like_meeting_is_background() -> None:
    # held before the reported one, but a year before: outside the round's span
    got = dated(
        "WATAMPONE – TPPS Kecamatan Tanete Riattang menggelar rapat koordinasi di Aula Kantor "
        "Camat Tanete Riattang, Rabu (5/3/2025). Rakor dipimpin Camat Tanete Riattang dan "
        "dihadiri para lurah. Sebelumnya, Rabu (6/3/2024), rakor serupa digelar di Aula "
        "Kantor Camat Tanete Riattang Barat.")
    assert [d for d, _, _ in got] == ["2025-03-05"]


def test_a_meeting_dated_by_the_one_before_it() -> None:
    # 'Sehari kemudian': the day after the lokmin (data/following_days.csv)
    got = dated(
        "KLATEN – Pemerintah Kecamatan Gantiwarno menggelar mini lokakarya penurunan stunting "
        "di Aula Kantor Kecamatan Gantiwarno, Senin (19/5/2025). Kegiatan dipimpin Camat "
        "Gantiwarno dan dihadiri Kepala Puskesmas Gantiwarno. Sehari kemudian, Pemerintah "
        "Kecamatan Gantiwarno menggelar audit kasus stunting di Aula Puskesmas Gantiwarno "
        "bersama tim pakar.")
    assert [d for d, _, _ in got] == ["2025-05-19", "2025-05-20"]


def test_without_a_meeting_before_it_a_following_day_word_dates_nothing() -> None:
    got = dated(
        "KLATEN – Sehari kemudian, Pemerintah Kecamatan Gantiwarno menggelar audit kasus "
        "stunting di Aula Puskesmas Gantiwarno bersama tim pakar dan kepala Puskesmas.")
    assert len(got) == 1


def test_a_list_of_stops_one_a_line() -> None:
    got = dated(
        "POLEWALI – TPPS Kabupaten Polewali Mandar telah menuntaskan rapat koordinasi "
        "percepatan penurunan stunting di tiga kecamatan. Rakor dilaksanakan dengan jadwal "
        "sebagai berikut:\n"
        "1. Kecamatan Polewali, Senin 2 Juni 2025, di Aula Kantor Camat Polewali;\n"
        "2. Kecamatan Wonomulyo, Rabu 4 Juni 2025, di Aula Kantor Camat Wonomulyo;\n"
        "3. Kecamatan Mapilli, Jumat 6 Juni 2025, di Aula Kantor Camat Mapilli.\n\n"
        "Setiap rakor dipimpin Sekretaris Daerah Polewali Mandar dan diikuti para camat.")
    assert got == [(d, "kabkota", "Kabupaten Polewali Mandar")
                   for d in ("2025-06-02", "2025-06-04", "2025-06-06")]


def test_a_table_of_stops_one_a_row() -> None:
    got = meetings(
        "MAMUJU – TPPS Kabupaten Mamuju telah melaksanakan rembuk stunting tingkat kecamatan "
        "di tiga kecamatan dengan rincian berikut.\n"
        "| Kecamatan | Hari/Tanggal | Tempat |\n"
        "|---|---|---|\n"
        "| Mamuju | Selasa, 10 Juni 2025 | Aula Kantor Camat Mamuju |\n"
        "| Simboro | Kamis, 12 Juni 2025 | Aula Kantor Camat Simboro |\n"
        "| Kalukku | Sabtu, 14 Juni 2025 | Aula Kantor Camat Kalukku |\n\n"
        "Setiap rembuk dibuka Wakil Bupati Mamuju dan diikuti para kepala desa.")
    assert [m["date"] for m in got] == ["2025-06-10", "2025-06-12", "2025-06-14"]
    assert {m["region"]["name"] for m in got} == {"Kabupaten Mamuju"}


def test_a_list_of_planned_stops_adds_none() -> None:
    got = dated(
        "POLEWALI – TPPS Kabupaten Polewali Mandar menggelar rapat koordinasi di Aula Kantor "
        "Camat Polewali, Senin (2/6/2025), dipimpin Sekda. Rakor berikutnya akan digelar "
        "sesuai jadwal berikut:\n"
        "1. Kecamatan Wonomulyo, Rabu 4 Juni 2025;\n"
        "2. Kecamatan Mapilli, Jumat 6 Juni 2025.\n\n"
        "Sekda meminta camat menyiapkan data balita.")
    assert [d for d, _, _ in got] == ["2025-06-02"]


def test_the_datelines_date_is_no_stop() -> None:
    got = dated(
        "Kupang, 12 Juni 2025 – TPPS Kota Kupang menggelar rapat koordinasi di Aula Bappeda "
        "Kota Kupang, Selasa (10/6/2025). Rakor dipimpin Wakil Wali Kota Kupang.")
    assert [d for d, _, _ in got] == ["2025-06-10"]


def test_the_following_days_file_is_read(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    with (root / "following_days.csv").open("a", encoding="utf-8") as f:
        f.write("\nlusanya,2\n")
    text = ("KLATEN – Pemerintah Kecamatan Wedi menggelar lokakarya mini stunting di Pendopo "
            "Kecamatan Wedi, Selasa (13/5/2025), dipimpin Camat Wedi. Lusanya, audit kasus "
            "stunting digelar di Aula Puskesmas Wedi dan dihadiri Camat Wedi." + PAD)

    def days(vocab: Vocabulary) -> list[str]:
        got = to_json(extract(parse("case.txt", "Judul\n\n" + text), vocab=vocab))
        return [m["date"] for m in got["meetings"]]

    assert days(Vocabulary(DATA)) == ["2025-05-13"]
    assert days(Vocabulary(root)) == ["2025-05-13", "2025-05-15"]


def test_a_like_meeting_the_same_day_in_another_hall_is_another_stop() -> None:
    got = meetings(
        "PRAYA – Rembuk stunting tingkat kecamatan yang diselenggarakan Pemerintah Kabupaten "
        "Lombok Tengah digelar di Aula Kantor Camat Pujut, Kamis (10/4/2025), dan dipimpin "
        "Kepala Bappeda. Pada hari yang sama, rembuk juga digelar di Aula Kantor Camat "
        "Jonggat yang dipimpin Sekretaris Bappeda.")
    assert [(m["date"], m["venue"]) for m in got] == [
        ("2025-04-10", "Aula Kantor Camat Pujut"), ("2025-04-10", "Aula Kantor Camat Jonggat")]


def test_the_same_meeting_told_again_the_same_day_is_one() -> None:
    # a second sentence about the same hall and day adds no meeting
    got = meetings(
        "PRAYA – Pemerintah Kabupaten Lombok Tengah menggelar rembuk stunting di Aula Kantor "
        "Camat Pujut, Kamis (10/4/2025), dipimpin Kepala Bappeda. Pada hari yang sama, rembuk "
        "serupa juga digelar di Aula Kantor Camat Pujut bersama para kepala desa.")
    assert len(got) == 1
