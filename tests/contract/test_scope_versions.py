"""Per-region versions (graph/store/scopes.py): a write stamps the regions it touches and
their ancestors, in its own transaction, and nothing else. Both backends."""

from __future__ import annotations

from datetime import date

import pytest

from graph.model import Attendance, Batch, Institution, Meeting, Region
from graph.store.base import DanglingEdge, Store

SEMARANG, GENUK, KENDAL, KALIWUNGU, JATENG = "33.74", "33.74.05", "33.24", "33.24.01", "33"
OTHER = "31"  # DKI Jakarta: a province no write below touches


def _world() -> Batch:
    return Batch(
        regions=[Region(JATENG, "Jawa Tengah", "provinsi", "ID"),
                 Region(OTHER, "DKI Jakarta", "provinsi", "ID"),
                 Region(SEMARANG, "Kota Semarang", "kabkota", JATENG),
                 Region(GENUK, "Genuk", "kecamatan", SEMARANG),
                 Region(KENDAL, "Kabupaten Kendal", "kabkota", JATENG),
                 Region(KALIWUNGU, "Kaliwungu", "kecamatan", KENDAL)],
        institutions=[Institution("pkm-genuk", "Puskesmas Genuk", "PUSKESMAS", "kecamatan", GENUK),
                      Institution("kua-genuk", "KUA Genuk", "KUA", "kecamatan", GENUK),
                      Institution("pkm-kaliwungu", "Puskesmas Kaliwungu", "PUSKESMAS",
                                  "kecamatan", KALIWUNGU),
                      Institution("dinkes-semarang", "Dinkes Kota Semarang", "DINKES",
                                  "kabkota", SEMARANG)],
        meetings=[Meeting("m-genuk", "Rakor Genuk", date(2025, 1, 10), region_code=GENUK),
                  Meeting("m-kaliwungu", "Rakor Kaliwungu", date(2025, 1, 11),
                          region_code=KALIWUNGU)],
        attendance=[Attendance("m-genuk", "pkm-genuk"), Attendance("m-genuk", "kua-genuk"),
                    Attendance("m-kaliwungu", "pkm-kaliwungu"),
                    Attendance("m-kaliwungu", "dinkes-semarang")])


@pytest.fixture
def world(store: Store) -> Store:
    store.write(_world())
    return store


def _versions(store: Store) -> dict[str | None, int]:
    return {code: store.scope_version(code)
            for code in (None, JATENG, OTHER, SEMARANG, GENUK, KENDAL, KALIWUNGU)}


def _bumped(store: Store, write: object) -> set[str | None]:
    """The scopes whose version changed across `write` (a callable)."""
    before = _versions(store)
    write()  # type: ignore[operator]
    after = _versions(store)
    changed = {code for code in before if after[code] != before[code]}
    assert all(after[c] == store.version() for c in changed)  # stamped with the new version
    return changed


def test_a_write_in_semarang_bumps_it_and_its_ancestors_not_kendal(world: Store) -> None:
    meeting = Meeting("m-genuk-2", "Minilok Genuk", date(2025, 2, 3), region_code=GENUK)
    batch = Batch(meetings=[meeting], attendance=[Attendance("m-genuk-2", "pkm-genuk")])
    assert _bumped(world, lambda: world.write(batch)) == {None, JATENG, SEMARANG, GENUK}
    assert world.scope_version(None) == world.version()


def test_attendance_alone_bumps_the_meetings_region(world: Store) -> None:
    batch = Batch(attendance=[Attendance("m-kaliwungu", "pkm-genuk")])
    assert _bumped(world, lambda: world.write(batch)) == {None, JATENG, KENDAL, KALIWUNGU}


def test_an_institution_renamed_bumps_every_region_it_met_in(world: Store) -> None:
    # Dinkes Kota Semarang attended in Kaliwungu: its name is in Kendal's network too.
    renamed = Institution("dinkes-semarang", "Dinas Kesehatan Kota Semarang", "DINKES",
                          "kabkota", SEMARANG)
    assert _bumped(world, lambda: world.write(Batch(institutions=[renamed]))) == {
        None, JATENG, SEMARANG, KENDAL, KALIWUNGU}


def test_a_meeting_moved_bumps_where_it_was_and_where_it_is(world: Store) -> None:
    moved = Meeting("m-kaliwungu", "Rakor Kaliwungu", date(2025, 1, 11), region_code=GENUK)
    assert _bumped(world, lambda: world.write(Batch(meetings=[moved]))) == {
        None, JATENG, SEMARANG, GENUK, KENDAL, KALIWUNGU}


def test_a_merge_bumps_the_regions_of_both_institutions(world: Store) -> None:
    assert _bumped(world, lambda: world.merge_institutions(
        "pkm-genuk", "kua-genuk", allow_cross_type=True)) == {None, JATENG, SEMARANG, GENUK}


def test_a_refused_write_stamps_nothing(world: Store) -> None:
    before = _versions(world)
    with pytest.raises(DanglingEdge):
        world.write(Batch(attendance=[Attendance("m-kaliwungu", "nobody")]))
    assert _versions(world) == before


def test_a_bulk_load_stamps_what_it_loaded(store: Store) -> None:
    store.bulk_write([_world()])
    versions = _versions(store)
    assert versions[OTHER] == versions[JATENG] == versions[KENDAL] == store.version()
    again = Batch(attendance=[Attendance("m-genuk", "pkm-kaliwungu")])
    assert _bumped(store, lambda: store.bulk_write([again])) == {None, JATENG, SEMARANG, GENUK}


def test_an_unknown_region_has_version_zero(store: Store) -> None:
    assert store.scope_version("99.99") == 0


# -- the regions a write names (Store.changed_regions): what a saved projection patches --

def test_changed_regions_are_where_writes_since_wrote_not_their_ancestors(world: Store) -> None:
    since = world.version()
    assert world.changed_regions(since) == set()
    world.write(Batch(meetings=[Meeting("m-genuk-2", "Minilok Genuk", date(2025, 2, 3),
                                        region_code=GENUK)],
                      attendance=[Attendance("m-genuk-2", "pkm-genuk")]))
    assert world.changed_regions(since) == {GENUK}
    middle = world.version()
    world.write(Batch(attendance=[Attendance("m-kaliwungu", "kua-genuk")]))
    assert world.changed_regions(since) == {GENUK, KALIWUNGU}  # every write since, once
    assert world.changed_regions(middle) == {KALIWUNGU}
    assert world.changed_regions(world.version()) == set()


def test_changed_regions_name_both_ends_of_a_move_and_every_region_met_in(world: Store) -> None:
    since = world.version()
    world.write(Batch(meetings=[Meeting("m-kaliwungu", "Rakor Kaliwungu", date(2025, 1, 11),
                                        region_code=GENUK)]))
    assert world.changed_regions(since) == {GENUK, KALIWUNGU}
    since = world.version()
    renamed = Institution("dinkes-semarang", "Dinas Kesehatan Kota Semarang", "DINKES",
                          "kabkota", SEMARANG)
    world.write(Batch(institutions=[renamed]))  # it met in Kaliwungu's meeting, now in Genuk
    assert world.changed_regions(since) == {SEMARANG, GENUK}


def test_a_merge_and_a_bulk_load_record_their_regions(world: Store) -> None:
    since = world.version()
    world.merge_institutions("pkm-genuk", "kua-genuk", allow_cross_type=True)
    assert world.changed_regions(since) == {GENUK}
    since = world.version()
    world.bulk_write([Batch(attendance=[Attendance("m-kaliwungu", "pkm-genuk")])])
    assert world.changed_regions(since) == {KALIWUNGU}


def test_a_refused_write_records_nothing(world: Store) -> None:
    since = world.version()
    with pytest.raises(DanglingEdge):
        world.write(Batch(attendance=[Attendance("m-kaliwungu", "nobody")]))
    assert world.changed_regions(since) == set()


@pytest.mark.parametrize("batch", [
    Batch(meetings=[Meeting("m-nowhere", "Rapat tanpa wilayah", date(2025, 3, 1))],
          attendance=[Attendance("m-nowhere", "pkm-genuk")]),
    Batch(institutions=[Institution("ngo-x", "Yayasan X", "LSM")])],
    ids=["meeting", "institution"])
def test_a_write_of_a_node_without_a_region_cannot_be_told(world: Store, batch: Batch) -> None:
    since = world.version()
    world.write(batch)
    assert world.changed_regions(since) is None  # never an incomplete answer
    after = world.version()
    world.write(Batch(attendance=[Attendance("m-genuk", "pkm-kaliwungu")]))
    assert world.changed_regions(after) == {GENUK}  # from after it, known again


def test_a_version_ahead_of_the_store_cannot_be_told(world: Store) -> None:
    assert world.changed_regions(world.version() + 1) is None
