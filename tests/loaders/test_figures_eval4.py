"""Figure rules of issue 10 (fourth blind set's miss patterns, guide §7): counts a careful
reader records that are no stunting cases (children measured at posyandu, cases an audit
reviewed, the families or children an intervention is aimed at) are `other`; a province's,
kabupaten's or the nation's share quoted beside the local one is a figure of THAT region;
targets (dipatok, diperkirakan, 'tahun depan') and shares of a budget or the village fund
are no figures. Sentences are our own; each test fails when its rule (or data row) breaks."""

from __future__ import annotations

from typing import Any

from tests.loaders.figure_helpers import figures_in, measurements_in

KAB = ("Pemerintah Kabupaten Lembah Hijau menggelar rapat koordinasi TPPS di Aula Bappeda "
       "Lembah Hijau, Selasa (8/4/2025).\n")
KEC = ("Pemerintah Kecamatan Koto Ilia menggelar lokakarya mini stunting di Aula Kecamatan "
       "Koto Ilia, Kamis (10/4/2025).\n")


def _regions(lead: str, body: str) -> list[tuple[str, float, Any]]:
    return [(f["what"], f["value"], f["region"])
            for f in measurements_in(lead, body, ("what", "value", "region"))]


# -- 1. counts that are no stunting cases -------------------------------------------------

def test_children_measured_with_an_active_verb_are_other() -> None:
    assert figures_in("Selama bulan penimbangan kader mengukur 1.460 balita.") == [
        ("other", 1460)]
    assert figures_in("Kader menimbang dan mengukur 2.015 anak pada Agustus 2025.") == [
        ("other", 2015)]
    assert figures_in("Sebanyak 980 balita datang ke posyandu untuk diukur.") == [
        ("other", 980)]


def test_the_stunted_among_the_measured_stay_cases() -> None:
    assert figures_in("Kader mengukur tinggi badan 61.540 balita, dan dari jumlah itu 4.903 "
                      "balita masih tergolong stunting.") == [
        ("other", 61540), ("stunting_cases", 4903)]


def test_cases_an_audit_reviewed_are_other() -> None:
    assert figures_in("Tim pakar menelaah 6 kasus dari tiga puskesmas.") == [("other", 6)]
    assert figures_in("Sebanyak 14 kasus stunting diaudit oleh tim pakar.") == [("other", 14)]
    assert figures_in("Dalam audit kasus stunting tahap II, tim pakar membahas 9 kasus "
                      "terpilih.") == [("other", 9)]
    # a count of cases with no audit word stays a count of cases
    assert figures_in("Tim pakar mencatat 14 kasus stunting di kecamatan itu.") == [
        ("stunting_cases", 14)]


def test_the_group_an_intervention_is_aimed_at_is_other() -> None:
    assert figures_in("Kelas gizi tahun ini menyasar 85 keluarga berisiko stunting.") == [
        ("other", 85)]
    assert figures_in("Desa menyiapkan pendampingan bagi 40 keluarga sasaran.") == [
        ("other", 40)]
    assert figures_in("Bidan menjadwalkan kunjungan rumah untuk 25 balita stunting.") == [
        ("other", 25)]
    assert figures_in("Sasaran intervensi sebanyak 130 keluarga di Desa Mekarsari.") == [
        ("other", 130)]
    # the places or units it reaches are still no figure, nor are the recipients of a
    # handout (the corpus's reading), and a target share stays a target
    assert figures_in("Bantuan disalurkan kepada 12 posyandu.") == []
    assert figures_in("Baznas memberi paket protein bagi tujuh keluarga.") == []
    assert figures_in("Sasaran prevalensi tahun depan 16 persen.") == []


# -- 2. comparison values are figures of their own region --------------------------------

def test_an_unnamed_province_beside_the_local_share_is_the_holders_province() -> None:
    got = _regions(KAB, "Prevalensi stunting Lembah Hijau 17,2 persen, masih di atas angka "
                        "provinsi yang berada di 15,6 persen.")
    assert got == [("stunting_prevalence_pct", 17.2, "Kabupaten Lembah Hijau"),
                   ("stunting_prevalence_pct", 15.6, "Nusa Kencana")]


def test_the_national_average_is_indonesias() -> None:
    got = _regions(KAB, "Angka stunting kabupaten 12,1 persen, lebih rendah dari rata-rata "
                        "nasional 19,8 persen.")
    assert got == [("stunting_prevalence_pct", 12.1, "Kabupaten Lembah Hijau"),
                   ("stunting_prevalence_pct", 19.8, "Indonesia")]


def test_the_kabupaten_beside_a_kecamatan_share_is_the_kabupaten() -> None:
    got = _regions(KEC, "Prevalensi stunting Koto Ilia 11,4 persen, lebih rendah dari angka "
                        "kabupaten yang mencapai 13,2 persen.")
    assert got == [("stunting_prevalence_pct", 11.4, "Koto Ilia"),
                   ("stunting_prevalence_pct", 13.2, "Kabupaten Tanah Rantau")]


def test_an_equal_comparison_value_is_no_restatement() -> None:
    got = _regions(KAB, "Prevalensi stunting kabupaten 21,5 persen, sama dengan angka provinsi "
                        "yang juga 21,5 persen.")
    assert got == [("stunting_prevalence_pct", 21.5, "Kabupaten Lembah Hijau"),
                   ("stunting_prevalence_pct", 21.5, "Nusa Kencana")]


# -- 3. targets and shares of a budget -------------------------------------------------

def test_a_share_of_the_village_fund_or_a_budget_is_no_prevalence() -> None:
    assert figures_in("Ia meminta agar 10 persen Dana Desa diarahkan untuk penanganan "
                      "stunting.") == []
    assert figures_in("Porsi belanja stunting dalam APBDes tahun ini 7,5 persen.") == []
    assert figures_in("Prevalensi stunting turun menjadi 18,7 persen, sementara porsi dana "
                      "desa untuk stunting naik menjadi 9 persen.") == [
        ("stunting_prevalence_pct", 18.7)]
    assert figures_in("Sebesar 10 persen dari APBDes diarahkan untuk intervensi stunting.") \
        == []


def test_set_and_projected_levels_are_targets() -> None:
    assert figures_in("Prevalensi stunting tahun depan dipatok 16 persen.") == []
    assert figures_in("Dengan capaian itu, prevalensi stunting diperkirakan turun ke 16,2 "
                      "persen pada akhir tahun.") == []
    assert figures_in("Prevalensi 2026 direncanakan menjadi 18 persen.") == []
    assert figures_in("Bupati optimistis prevalensi dapat turun ke 16 persen tahun depan.") \
        == []
    # the actual value of the same sentence is kept
    assert figures_in("Prevalensi kini 19,2 persen dan dipatok menjadi 16 persen.") == [
        ("stunting_prevalence_pct", 19.2)]


# -- second round (after the second holdout) ---------------------------------------------

def test_a_bare_count_of_children_at_a_weighing_is_other() -> None:
    assert figures_in("Pada penimbangan serentak, posyandu mencatat kehadiran 9.215 balita.") \
        == [("other", 9215)]
    # with no weighing or measuring word it stays no figure
    assert figures_in("Posyandu mencatat kehadiran 9.215 balita.") == []


def test_the_stunted_among_a_count_are_cases() -> None:
    assert figures_in("Ia menyebut 288 di antaranya tergolong stunting.") == [
        ("stunting_cases", 288)]


def test_a_service_given_to_a_group_aims_at_it() -> None:
    assert figures_in("Forum menyepakati kunjungan rumah kepada 46 ibu hamil KEK.") == [
        ("other", 46)]
    # a handout 'kepada' a group stays no figure
    assert figures_in("Pemkab menyalurkan makanan tambahan kepada 120 baduta stunting.") == []


def test_a_hoped_for_level_and_a_level_for_next_year_are_targets() -> None:
    assert figures_in("Ia berharap prevalensi bisa menyentuh 14 persen.") == []
    assert figures_in("Prevalensi tahun depan diupayakan 13 persen.") == []
    assert figures_in("Angka stunting semester depan sekitar 12 persen.") == []


# -- third round (after the third holdout) -----------------------------------------------

def test_a_stated_count_of_an_audits_or_an_interventions_group_is_other() -> None:
    assert figures_in("Sasaran audit kasus stunting tahap kedua berjumlah 9 baduta.") == [
        ("other", 9)]
    assert figures_in("Anak yang diintervensi pada triwulan itu sebanyak 52 anak, termasuk "
                      "anak stunting.") == [("other", 52)]
    assert figures_in("Penerima manfaat paket telur tahun ini sebanyak 38 balita.") == [
        ("other", 38)]
    assert figures_in("Sebanyak 210 keluarga menjadi sasaran pendampingan gizi.") == [
        ("other", 210)]


def test_a_count_of_stunted_or_at_risk_still_accompanied_keeps_its_kind() -> None:
    assert figures_in("Bidan melaporkan 27 balita stunting masih didampingi.") == [
        ("stunting_cases", 27)]
    assert figures_in("TPK melaporkan 63 keluarga berisiko stunting masih didampingi.") == [
        ("families_at_risk", 63)]


def test_families_at_risk_counted_out_of_the_families_targeted_stay_at_risk() -> None:
    # 'keluarga sasaran' names the base of the count, not an intervention's group
    assert figures_in("Dari 51.200 keluarga sasaran, sebanyak 4.310 keluarga masuk kategori "
                      "berisiko stunting.") == [("other", 51200), ("families_at_risk", 4310)]


def test_a_bare_tier_word_before_the_value_names_its_region_first() -> None:
    got = _regions(KAB, "Prevalensi stunting Lembah Hijau 17,2 persen, sementara provinsi 15,6 "
                        "persen dan nasional 19,8 persen.")
    assert got == [("stunting_prevalence_pct", 17.2, "Kabupaten Lembah Hijau"),
                   ("stunting_prevalence_pct", 15.6, "Nusa Kencana"),
                   ("stunting_prevalence_pct", 19.8, "Indonesia")]
    # a tier word before an earlier value of the clause does not carry to the next one
    got = _regions(KAB, "Prevalensi stunting Lembah Hijau 17,2 persen, di bawah angka nasional "
                        "sebesar 19,8 persen dan di atas provinsi sebesar 15,6 persen.")
    assert [r for _, _, r in got] == ["Kabupaten Lembah Hijau", "Indonesia", "Nusa Kencana"]
    # the holder's own tier names the holder
    got = _regions(KAB, "Prevalensi stunting kabupaten 17,2 persen.")
    assert got == [("stunting_prevalence_pct", 17.2, "Kabupaten Lembah Hijau")]


def test_a_body_or_survey_of_a_tier_is_no_comparison() -> None:
    got = _regions(KEC, "Tim pakar kabupaten telah menelaah 6 kasus dari kecamatan ini.")
    assert got == [("other", 6, "Koto Ilia")]
    got = _regions(KAB, "Prevalensi stunting Lembah Hijau menurut survei nasional bergerak dari "
                        "29,6 pada 2023 menjadi 24,1 pada 2024.")
    assert [r for _, _, r in got] == ["Kabupaten Lembah Hijau", "Kabupaten Lembah Hijau"]


# -- after the final holdout -------------------------------------------------------------

def test_children_who_came_to_be_weighed_are_other() -> None:
    assert figures_in("Dari 3.050 balita yang hadir untuk ditimbang, 240 balita terindikasi "
                      "stunting.") == [("other", 3050), ("stunting_cases", 240)]


def test_audited_cases_named_before_their_count_are_other() -> None:
    assert figures_in("Kasus yang diaudit pada tahap ini sebanyak 11 anak.") == [("other", 11)]


def test_a_group_that_will_get_a_service_is_other() -> None:
    assert figures_in("Sekitar 1.800 keluarga akan menerima pendampingan hingga Desember.") == [
        ("other", 1800)]
    # a group that gets a handout stays no figure
    assert figures_in("Sekitar 1.800 keluarga akan menerima bantuan beras.") == []


def test_a_share_after_a_sentence_of_cases_is_their_prevalence() -> None:
    assert figures_in("Persentasenya 5,2 persen.", about_stunting=True) == [
        ("stunting_prevalence_pct", 5.2)]
    assert figures_in("Persentasenya 5,2 persen.") == []


def test_cases_named_after_a_weighing_word_stay_cases() -> None:
    assert figures_in("Hasil penimbangan menunjukkan kasus stunting turun dari 80 anak menjadi "
                      "65 anak.") == [("stunting_cases", 80), ("stunting_cases", 65)]
