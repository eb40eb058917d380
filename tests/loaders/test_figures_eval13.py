"""Figure readings a blind set of real releases from Sumatra and Jawa showed wrong
(issue 10, eval13): where a targeted or wished-for change starts is today's level and
where it ends is the target; a whole (100%) is no rate of stunting. Own sentences."""

from __future__ import annotations

import pytest

from tests.loaders.figure_helpers import figures_in

P = "stunting_prevalence_pct"


@pytest.mark.parametrize("text", [
    "Bupati optimistis target penurunan stunting dari 11 persen menjadi 8 persen dapat dicapai.",
    "Target penurunan prevalensi stunting dari 11% ke 8% pada 2026 dibahas bersama OPD.",
    "Ia menargetkan angka stunting turun dari 11 persen hingga 8 persen tahun ini.",
])
def test_a_targeted_change_keeps_its_start_and_drops_its_end(text: str) -> None:
    assert figures_in(text) == [(P, 11.0)]


@pytest.mark.parametrize("text", [
    "Saya minta agar angka stunting di kabupaten ini bisa turun dari 18 persen menjadi 12 "
    "persen.",
    "Semoga prevalensi stunting dapat ditekan dari 18 persen menjadi 12 persen.",
])
def test_a_wished_change_keeps_its_start_and_drops_its_end(text: str) -> None:
    assert figures_in(text) == [(P, 18.0)]


def test_a_change_that_happened_keeps_its_end() -> None:
    # no target or wish: both ends were measured, the newer one is today's level
    got = figures_in("Prevalensi stunting turun dari 18 persen menjadi 12 persen.")
    assert (P, 12.0) in got


@pytest.mark.parametrize("text", [
    "Meski stunting belum hilang 100% dari desa kami, penurunannya patut disyukuri.",
    "Camat menegaskan stunting harus dituntaskan 100 persen di semua desa.",
])
def test_a_whole_is_no_rate_of_stunting(text: str) -> None:
    assert [f for f in figures_in(text) if f[0] == P] == []
