"""`tpps generate`: a seeded synthetic network on the real region tree, every fact cited
to the synthetic source, written whole into either store."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from graph.ids import attendance_key
from graph.model import Batch, Institution
from graph.store.base import InstitutionFilter, PageRequest, Store
from graph.store.embedded import EmbeddedStore
from loaders.files import load_files
from loaders.synthetic.generate import Generator
from loaders.synthetic.output import to_dataset, write_to_store

GENUK = "33.74.05"  # Kecamatan Genuk, Kota Semarang: 13 kelurahan


def run(scope: str = GENUK, years: int = 1, seed: int = 1, scale: str = "demo"
        ) -> tuple[Generator, list[Batch]]:
    gen = Generator(scope, years, seed, scale)
    return gen, list(gen.batches())


def merged(batches: list[Batch]) -> Batch:
    out = Batch()
    for b in batches:
        for name in vars(out):
            value = getattr(out, name)
            if isinstance(value, list):
                value.extend(getattr(b, name))
    return out


def test_the_same_seed_gives_the_same_network_and_another_seed_another() -> None:
    _, a = run(seed=1)
    _, b = run(seed=1)
    _, c = run(seed=2)
    assert merged(a) == merged(b)
    assert merged(a).attendance and merged(a).attendance != merged(c).attendance


def test_a_kecamatan_holds_monthly_rembuk_per_kelurahan_and_quarterly_rakor() -> None:
    gen, batches = run(years=2)
    b = merged(batches)
    kelurahan = [r for r in b.regions if r.parent_code == GENUK]
    assert len(kelurahan) == 13
    levels = Counter(m.level for m in b.meetings)
    assert levels == {"desa": 13 * 12 * 2, "kecamatan": 4 * 2}  # no kab/kota rakor here
    sizes = Counter(a.meeting_id for a in b.attendance)
    assert set(sizes) == {m.id for m in b.meetings}
    assert min(sizes.values()) >= 8 and max(sizes.values()) <= 15
    types = Counter(i.type for i in b.institutions if i.region_code == GENUK)
    for t in ("KECAMATAN", "PUSKESMAS", "POLSEK", "KORAMIL", "KUA", "PKK", "PLKB"):
        assert types[t] == 1, t
    assert all(i.type == "KELURAHAN" for i in b.institutions
               if i.level == "desa" and i.name.startswith("Pemerintah"))
    # each rakor is chaired by the camat; Puskesmas and PLKB come to every rembuk
    by_id = {i.id: i for i in b.institutions}
    chairs = {a.meeting_id: by_id[a.institution_id].type for a in b.attendance
              if a.roles == ("chair",)}
    assert {chairs[m.id] for m in b.meetings if m.level == "kecamatan"} == {"KECAMATAN"}
    assert gen.counts.meetings == len(b.meetings)
    assert gen.counts.attendance == len(b.attendance)


def test_every_fact_cites_the_synthetic_source() -> None:
    gen, batches = run()
    b = merged(batches)
    assert [s.title for s in b.sources] == [gen.source.title]
    assert gen.source.title.startswith("Synthetic TPPS network of Genuk")
    facts = ({i.id for i in b.institutions} | {m.id for m in b.meetings}
             | {p.id for p in b.programs} | {m.id for m in b.measurements}
             | {attendance_key(a.meeting_id, a.institution_id) for a in b.attendance})
    cited = {c.subject_id for c in b.citations}
    assert cited == facts
    assert {c.source_id for c in b.citations} == {gen.source.id}
    assert all(p.name.endswith("(sintetis)") for p in b.programs)
    assert {m.what for m in b.measurements} == {"stunting_prevalence_pct", "stunting_cases"}


def test_generated_ids_never_collide_with_real_ones() -> None:
    from graph.ids import institution_id

    _, batches = run()
    puskesmas = next(i for i in merged(batches).institutions if i.type == "PUSKESMAS")
    assert puskesmas.name == "Puskesmas Genuk"
    assert puskesmas.id != institution_id("PUSKESMAS", GENUK, "Puskesmas Genuk")


def test_a_kabkota_alone_is_the_same_as_inside_its_province() -> None:
    gen = Generator("33", 1, 1, "national")
    kota = [k.code for k in gen.kabkota()]
    assert len(kota) == 35 and "33.74" in kota
    assert len(Generator("ID", 1, 1, "quarter").kabkota()) == (514 + 3) // 4


def test_the_national_shape_per_kecamatan() -> None:
    gen, batches = run("33.74", 3, 1, "national")
    b = merged(batches)
    kecamatan = 16
    # the national dataset: ~27 institutions and ~41 meetings per kecamatan
    # over 3 years, 8-15 attendees, about 10% of the seats from the kab/kota
    assert 18 <= len(b.institutions) / kecamatan <= 36
    assert 30 <= len(b.meetings) / kecamatan <= 52
    per_meeting = len(b.attendance) / len(b.meetings)
    assert 10.5 <= per_meeting <= 12.5
    by_id = {i.id: i for i in b.institutions}
    local = [a for a in b.attendance
             if by_id[a.institution_id].level != "kabkota"]
    assert 0.82 <= len(local) / len(b.attendance) <= 0.95


def test_bad_arguments_say_what_is_wrong() -> None:
    with pytest.raises(ValueError, match="no such region"):
        Generator("99.99", 1, 1)
    with pytest.raises(ValueError, match="unknown scale"):
        Generator(GENUK, 1, 1, "galactic")
    with pytest.raises(ValueError, match="--years"):
        Generator(GENUK, 0, 1)


def test_written_into_each_store_whole(any_store: Store) -> None:
    gen = Generator(GENUK, 1, 3)
    rows = write_to_store(any_store, gen.batches())
    stats = any_store.stats()
    assert rows == gen.counts.rows
    assert stats["institutions"] == gen.counts.institutions
    assert stats["meetings"] == gen.counts.meetings
    assert stats["attendance"] == gen.counts.attendance
    assert stats["citations"] == gen.counts.citations
    page = any_store.find_institutions(InstitutionFilter(name_contains="Posyandu"),
                                       PageRequest(first=500))
    assert len(page.items) == Counter(i.type for i in merged(
        list(Generator(GENUK, 1, 3).batches())).institutions)["POSYANDU"]
    one = page.items[0]
    (cite,) = any_store.citations([one.id])[one.id]
    assert cite.source_id == gen.source.id
    assert any_store.sources([gen.source.id])[gen.source.id].title.startswith("Synthetic")


def test_the_json_dataset_loads_to_the_same_graph(tmp_path: Path) -> None:
    import json

    gen = Generator(GENUK, 1, 1)
    path = tmp_path / "genuk.json"
    path.write_text(json.dumps(to_dataset(gen.batches())), "utf-8")
    store = EmbeddedStore(tmp_path / "tpps.db")
    try:
        store.write(Batch(regions=gen.regions()))
        load_files([path], "json", store)
        stats = store.stats()
        assert stats["institutions"] == gen.counts.institutions
        assert stats["meetings"] == gen.counts.meetings
        assert stats["attendance"] == gen.counts.attendance
    finally:
        store.close()


def test_a_failed_bulk_load_leaves_the_store_as_it_was(any_store: Store) -> None:
    gen = Generator(GENUK, 1, 1)
    good = list(gen.batches())
    bad = Batch(institutions=[Institution("ins_bad", None, "KUA")])  # type: ignore[arg-type]
    with pytest.raises(Exception):  # noqa: B017 - each backend raises its own error
        write_to_store(any_store, [*good, bad])
    assert all(v == 0 for v in any_store.stats().values())
    write_to_store(any_store, good)  # and the indexes still answer after the rollback
    page = any_store.find_institutions(InstitutionFilter(name_contains="Puskesmas"),
                                       PageRequest(first=10))
    assert [i.name for i in page.items] == ["Puskesmas Genuk"]
