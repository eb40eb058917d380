"""Figure readings a blind set of real releases showed wrong (issue 10, eval20): a level a
regulation or the government sets is a target ('sesuai Perpres ... sebesar 14%',
'pemerintah menetapkan ... sebesar 12 persen'); a level wanted in a clause of purpose or
condition ('kalau mau mencapai', 'untuk mencapai') and the value needed to get there are no
levels; the expansion of e-PPGBM ('Pencatatan dan Pelaporan Gizi Berbasis Masyarakat')
names a data source, not a share of reporting; a clause opened after a share ('..., dimana
capaian ini ...') is not that share's noun; after a change, '..., kemudian pada tahun N
sebesar X persen' moves on to the next year's level; 'operasi timbang' is the source of a
level, not a share of children weighed; the groups listed as the targets an audit selected
('sasaran stunting yang terdiri dari 3 baduta, 5 balita ...') are other. Own sentences."""

from __future__ import annotations

from tests.loaders.figure_helpers import figures_in

P = "stunting_prevalence_pct"


def test_a_level_a_regulation_sets_is_a_target() -> None:
    got = figures_in("Prevalensi stunting Kabupaten Lembah Hijau tahun 2024 sebesar 17,3% yang "
                     "masih jauh dari Peraturan Presiden Nomor 72 Tahun 2021 tentang Percepatan "
                     "Penurunan Stunting, yang menetapkan sebesar 14%.")
    assert (P, 17.3) in got
    assert (P, 14.0) not in got


def test_a_level_the_government_fixes_is_a_target() -> None:
    got = figures_in("Kini pemerintah telah menetapkan prevalensi stunting tahun 2026 di "
                     "Provinsi Nusa Kencana sebesar 12 persen.")
    assert (P, 12.0) not in got


def test_a_level_wanted_and_the_yearly_fall_it_needs_are_no_levels() -> None:
    got = figures_in("Perwakilan BKKBN menargetkan angka stunting turun 9 % dalam tiga tahun, "
                     "atau tiap tahun paling sedikit turun menjadi 3% kalau mau mencapai 12% "
                     "pada tahun 2027.")
    assert got == []


def test_a_level_wanted_in_a_clause_of_purpose_is_a_target() -> None:
    got = figures_in("Prevalensi stunting Lembah Hijau 18,2 persen pada 2024, dan semua OPD "
                     "diminta bekerja keras untuk mencapai 13 persen.")
    assert (P, 18.2) in got and (P, 13.0) not in got


def test_the_expanded_name_of_the_weighing_data_is_no_reporting_share() -> None:
    got = figures_in("Prevalensi stunting di Kabupaten Lembah Hijau per Agustus 2025 menurut "
                     "data Elektronik Pencatatan dan Pelaporan Gizi Berbasis Masyarakat "
                     "(e-PPGBM) sebesar 8,75%.")
    assert (P, 8.75) in got


def test_a_share_of_reports_is_still_no_prevalence() -> None:
    got = figures_in("Dalam rakor stunting itu, pelaporan data dari posyandu baru 64 persen.")
    assert (P, 64.0) not in got


def test_a_clause_opened_after_a_share_is_not_its_noun() -> None:
    got = figures_in("Prevalensi stunting menurut SSGI 2024 sebesar 23,6% dimana capaian ini "
                     "masih di atas angka provinsi.")
    assert (P, 23.6) in got


def test_the_next_years_level_after_a_change_is_a_level() -> None:
    got = figures_in("Pada tahun 2022 angka stunting di Lembah Hijau sebesar 16,42 persen, "
                     "terjadi penurunan sebesar 3,18 persen, kemudian pada tahun 2023 sebesar "
                     "12,05 persen atau turun 4,37 persen.")
    assert (P, 16.42) in got and (P, 12.05) in got
    assert (P, 3.18) not in got and (P, 4.37) not in got


def test_a_list_of_changes_still_goes_on_dropping() -> None:
    got = figures_in("Prevalensi stunting Lembah Hijau turun 2,4 persen pada 2023 dan 1,9 persen "
                     "pada 2024.")
    assert (P, 1.9) not in got and (P, 2.4) not in got


def test_a_weighing_operation_is_the_source_of_a_level() -> None:
    got = figures_in("Adapun angka sementara pada pertengahan tahun 2024 berdasarkan hasil "
                     "operasi timbang pada bulan Agustus sebesar 7,46 persen.",
                     about_prevalence=True)
    assert (P, 7.46) in got


def test_a_share_of_children_breastfed_is_still_no_level() -> None:
    got = figures_in("Cakupan ASI eksklusif di Lembah Hijau 61,2 persen.", about_prevalence=True)
    assert (P, 61.2) not in got


def test_the_groups_selected_as_audit_targets_are_other() -> None:
    got = figures_in("Setelah seleksi, audit semester II di Kelurahan Sukamaju menetapkan "
                     "sasaran stunting yang terdiri dari 3 baduta, 5 balita, 2 ibu nifas dan "
                     "1 calon pengantin.")
    assert sorted(v for k, v in got if k == "other") == [1.0, 2.0, 3.0, 5.0]
    assert all(k == "other" for k, _ in got)
