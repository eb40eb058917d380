"""Institution forms a small set of real releases from outside Jawa showed missing
(issue 10, eval12): the kecamatan's family-planning coordinator and company
representatives written as "CSR"."""

from __future__ import annotations

from loaders.articles.document import parse
from loaders.articles.extract import extract

_LEAD = ("Rapat Koordinasi TPPS\n\nPemerintah Kabupaten Kapuas menggelar rapat koordinasi "
         "percepatan penurunan stunting di Aula Bappeda, Rabu (6/8/2025). ")


def _types(body: str) -> set[str]:
    return {i.type for i in extract(parse("t.txt", _LEAD + body)).institutions}


def test_the_kecamatan_kb_coordinator_is_the_field_officer() -> None:
    assert "PLKB" in _types("Hadir pula Koordinator KB Kecamatan Selat, Yuliana, dan para "
                            "kader posyandu.")


def test_a_kb_coordinator_without_a_kecamatan_is_not_read_as_one() -> None:
    assert "PLKB" not in _types("Ia menjadi koordinator kegiatan kampung bersama kader.")


def test_company_representatives_written_as_csr_are_business() -> None:
    assert "BUSINESS" in _types("Rapat diikuti camat, kepala puskesmas, perwakilan CSR dan "
                                "mitra terkait.")


def test_a_csr_fund_is_no_business_at_the_meeting() -> None:
    assert "BUSINESS" not in _types("Sebagian kegiatan dibiayai dana CSR tahun lalu.")
