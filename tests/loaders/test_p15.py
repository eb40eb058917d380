"""Who runs or backs a programme, in the shapes real releases use (issue 10, p15):
a body working 'melalui program X', 'dengan inovasinya X', a partner 'sebagai mitra
program X', an owner after 'X adalah inovasi <body>' or in an apposition 'X, inovasi
<body>', and backers after 'bekerja sama dengan' or 'mendapat dukungan dari'."""

from __future__ import annotations

from tests.loaders.program_helpers import links_in

_MEETING = ("TPPS Kabupaten Bantul menggelar rapat koordinasi di Aula Bappeda Kabupaten Bantul, "
            "Senin (6/10/2025), dipimpin Wakil Bupati Bantul.\n\n")


def _links(body: str) -> set[tuple[str, str]]:
    found = links_in(_MEETING + body)
    return {link for links in found.values() for link in links}


def test_through_a_programme_its_subject_runs_it() -> None:
    links = _links("Puskesmas Sewon menurunkan angka gizi buruk melalui program Sabtu Sayur Bayam.")
    assert ("PUSKESMAS", "RUNS") in links


def test_an_innovation_of_its_own_with_nya_is_run_by_the_subject() -> None:
    links = _links("Posyandu Kenanga dengan inovasinya Pojok Bubur Ikan menaikkan berat "
                   "badan balita.")
    assert ("POSYANDU", "RUNS") in links


def test_a_partner_of_a_programme_backs_it() -> None:
    links = _links("Baznas Kabupaten Bantul menjadi mitra program Gerakan Piring Penuh Gizi "
                   "sejak Mei.")
    assert links == {("BAZNAS", "SUPPORTS")}


def test_an_apposition_names_the_owner() -> None:
    links = _links("Peserta mendengar paparan Sapa Bumil Sehat (SABUSE), inovasi Puskesmas "
                   "Pajangan yang mendatangi ibu hamil di rumahnya.")
    assert ("PUSKESMAS", "RUNS") in links


def test_working_together_with_a_body_backs_the_programme() -> None:
    links = _links("Kepala Dinas Kesehatan mengatakan pihaknya menjalankan Gerakan Telur Pagi "
                   "bekerja sama dengan Kodim 0729/Bantul.")
    assert ("KODIM", "SUPPORTS") in links and ("DINKES", "RUNS") in links


def test_support_received_from_a_body_backs_the_programme() -> None:
    links = _links("Gerakan Telur Pagi mendapat dukungan dari Baznas Kabupaten Bantul.")
    assert ("BAZNAS", "SUPPORTS") in links


def test_an_appeal_through_a_programme_still_ties_nobody() -> None:
    links = _links("Wabup meminta desa menekan stunting melalui program Sabtu Sayur Bayam.")
    assert ("DESA", "RUNS") not in links


def test_a_sentence_pointing_back_ties_the_programme_named_before() -> None:
    found = links_in(_MEETING + "Rapat membahas perluasan Pojok Bubur Ikan ke desa lokus. "
                     "Program ini dilaksanakan oleh TP PKK Kabupaten Bantul.")
    assert ("PKK", "RUNS") in found.get("Pojok Bubur Ikan", set())


def test_a_pointer_with_no_programme_before_it_ties_nothing() -> None:
    found = links_in(_MEETING + "Rapat membahas data balita. Program ini dilaksanakan oleh TP PKK "
                     "Kabupaten Bantul.")
    assert not any(("PKK", "RUNS") in links for links in found.values())


def test_the_verb_is_counted_from_the_end_of_the_bodys_place_name() -> None:
    # the type word and a long place name together run past the 40-character window
    links = _links("Puskesmas Kebon Agung Lor menekan kasus gizi kurang melalui program "
                   "Jumat Berbagi Kacang Hijau bagi balita.")
    assert ("PUSKESMAS", "RUNS") in links


def test_a_body_listed_after_a_backer_backs_it_too() -> None:
    links = _links("Dinas Sosial menjalankan Gerakan Dapur Bergizi bekerja sama dengan "
                   "Kodim 1407 dan Baznas, yang menyalurkan bahan pangan ke desa lokus.")
    assert {("KODIM", "SUPPORTS"), ("BAZNAS", "SUPPORTS")} <= links


def test_a_body_after_the_list_but_not_in_it_is_not_tied() -> None:
    links = _links("Gerakan Dapur Bergizi didukung Baznas, sementara Puskesmas Sewon "
                   "menimbang balita.")
    assert ("PUSKESMAS", "SUPPORTS") not in links


def test_names_listed_before_a_passive_share_its_runner() -> None:
    found = links_in(_MEETING + "Gerakan SEHATI (Sehari Telur Ibu Hamil) dan KELAS PELANGI "
                     "(Kelas Balita Pelangi Ceria) yang digagas Dinas Kesehatan Kabupaten Bantul "
                     "dinilai berhasil.")
    assert all(("DINKES", "RUNS") in links for links in found.values()) and len(found) == 2


def test_a_name_with_its_own_runner_keeps_it() -> None:
    found = links_in(_MEETING + "Puskesmas Sewon menjalankan Gerakan SAPA (Sarapan Pagi "
                     "Balita) dan KELAS PELANGI (Kelas Balita Pelangi Ceria) yang digagas Dinas "
                     "Kesehatan Kabupaten Bantul.")
    sapa = next(v for k, v in found.items() if "SEHATI" in k or "SAPA" in k)
    assert ("DINKES", "RUNS") not in sapa


def test_a_second_tie_joined_to_the_first_ties_its_body() -> None:
    links = _links("Dalam rapat dibahas Dapur Gizi Kampung. Program ini dikelola oleh TP PKK "
                   "Kabupaten Bantul dan didanai Baznas Kabupaten Bantul.")
    assert {("PKK", "RUNS"), ("BAZNAS", "SUPPORTS")} <= links


def test_a_body_after_a_programme_noun_owns_the_name_that_follows() -> None:
    links = _links("Salah satu inovasi Puskesmas Pundong, yakni Gerakan Peduli Ibu Hamil "
                   "(Gelis), dipaparkan dalam rapat.")
    assert links == {("PUSKESMAS", "RUNS")}


def test_the_names_listed_after_an_owner_share_it() -> None:
    found = links_in(_MEETING + "Inovasi Puskesmas Pundong antara lain Gerakan Peduli Ibu "
                     "Hamil (Gelis) dan Kelas Balita Ceria (Kebaca).")
    assert len(found) == 2 and all(v == {("PUSKESMAS", "RUNS")} for v in found.values())


def test_a_body_that_has_a_programme_runs_it() -> None:
    links = _links("Puskesmas Pundong juga memiliki inovasi Gerakan Peduli Ibu Hamil (Gelis) "
                   "yang menyasar ibu hamil.")
    assert ("PUSKESMAS", "RUNS") in links


def test_a_programme_noun_far_before_the_body_owns_nothing() -> None:
    links = _links("Program ini dibahas panjang lebar oleh para peserta rapat bersama "
                   "Puskesmas Pundong, yakni Gerakan Peduli Ibu Hamil (Gelis).")
    assert ("PUSKESMAS", "RUNS") not in links
