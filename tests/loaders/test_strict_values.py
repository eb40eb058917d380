"""Values a record refuses, each with the field named: dates, periods, times, ranges, text."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from loaders.records import (
    InstitutionRecord,
    MeasurementRecord,
    MeetingRecord,
    ProgramRecord,
    SourceRecord,
)

MEETING = {"title": "Rakor TPPS", "date": "2025-01-10"}
FIGURE = {"what": "stunting_cases", "value": 10, "unit": "children"}


def refusal(model: type[BaseModel], data: dict[str, Any]) -> tuple[str, str]:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    first = caught.value.errors()[0]
    return ".".join(str(p) for p in first["loc"]), first["msg"]


@pytest.mark.parametrize(("model", "data", "field", "says"), [
    (MeetingRecord, {**MEETING, "date": "20250101"}, "date", "YYYY-MM-DD"),
    (MeetingRecord, {**MEETING, "date": "2025-W01-1"}, "date", "YYYY-MM-DD"),
    (MeetingRecord, {**MEETING, "date": "2025-02-30"}, "date", "not a calendar date"),
    (MeetingRecord, {**MEETING, "date": 1735689600}, "date", "YYYY-MM-DD"),
    (SourceRecord, {"title": "x", "published": "2025-1-5"}, "published", "YYYY-MM-DD"),
    (MeetingRecord, {**MEETING, "start_time": "10:00", "end_time": "09:30"}, "end_time",
     "before the start time 10:00"),
    (MeetingRecord, {**MEETING, "title": "Rakor\x00"}, "title", "U+0000"),
    (MeetingRecord, {**MEETING, "venue": "Balai \u202eKota"}, "venue", "U+202E"),
    (MeetingRecord, {**MEETING, "title": "x" * 501}, "title", "at most 500"),
    (InstitutionRecord, {"name": "Puskesmas\u2066 Genuk", "type": "PUSKESMAS"}, "name",
     "bidi control"),
    (InstitutionRecord, {"name": "x" * 301, "type": "KUA"}, "name", "at most 300"),
    (InstitutionRecord, {"name": "KUA\nGenuk", "type": "KUA"}, "name", "U+000A"),
    (ProgramRecord, {"name": "Dashat", "aliases": ["ok", "bad\x1b"]}, "aliases.1", "U+001B"),
    (ProgramRecord, {"name": "Dashat", "description": "x" * 10_001}, "description",
     "at most 10000"),
    (MeasurementRecord, {**FIGURE, "period": "2025-02-30"}, "period", "not a calendar date"),
    (MeasurementRecord, {**FIGURE, "period": "2025-13"}, "period", "no month 13"),
    (MeasurementRecord, {**FIGURE, "period": "25-01"}, "period", "YYYY"),
    (MeasurementRecord, {"what": "stunting_prevalence_pct", "value": -500, "unit": "percent"},
     "value", "between 0 and 100"),
    (MeasurementRecord, {"what": "other", "value": 120, "unit": "%"}, "value",
     "between 0 and 100"),
    (MeasurementRecord, {**FIGURE, "value": -3}, "value", "cannot be negative"),
    (MeasurementRecord, {**FIGURE, "value": float("nan")}, "value", "finite"),
])
def test_a_loose_value_is_refused_naming_its_field(
        model: type[BaseModel], data: dict[str, Any], field: str, says: str) -> None:
    where, message = refusal(model, data)
    assert where == field
    assert says in message


def test_strict_values_still_take_what_is_well_formed() -> None:
    m = MeetingRecord.model_validate({**MEETING, "start_time": "09:00", "end_time": "09:00"})
    assert m.date.isoformat() == "2025-01-10"
    assert MeasurementRecord.model_validate({**FIGURE, "period": "2024-02-29"}).period == (
        "2024-02-29")
    prevalence = {"what": "stunting_prevalence_pct", "value": 100, "unit": "percent"}
    assert MeasurementRecord.model_validate(prevalence).value == 100
    # Free text keeps its line breaks; a name of 300 characters is a name.
    assert ProgramRecord.model_validate({"name": "x" * 300,
                                         "description": "a\r\nb\tc"}).description == "a\r\nb\tc"
