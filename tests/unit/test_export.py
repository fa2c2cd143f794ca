"""Exporting the history as CSV and JSON gives back exactly the recorded events."""

import csv
import io
import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from stretchbreak.core.export import (
    CSV_HEADER,
    FORMATS,
    ExportFormatError,
    Format,
    export_history,
    read_csv,
    read_export,
    read_json,
)
from stretchbreak.core.history import HistoryStore
from tests.unit.test_history import CET, WallClock


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    clock = WallClock(datetime(2026, 3, 2, 9, 0, 0, 250000, tzinfo=CET))
    with HistoryStore(tmp_path / "history.sqlite3", clock) as opened:
        opened.record_reminder("cobra-low", 3000.125)
        opened.record_deferred("fullscreen, video")
        clock.advance(61.5)
        opened.record_stretch("cobra-low", "completed", 95.75, sitting_seconds=3010)
        opened.record_comfort(0)
        opened.record_stretch("chest-opener", "skipped", 3, manual=True)
        opened.record_snooze(600)
        opened.record_natural_break(420, 'locked "screen"\nsecond line', sitting_seconds=1800)
        opened.record_pause(datetime(2026, 3, 3, 9, 0, tzinfo=CET))
        opened.record_pause(None)
        opened.record_resume()
        yield opened


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_export_reads_back_as_the_same_events(store: HistoryStore, fmt: Format) -> None:
    out = io.StringIO()
    assert export_history(store, fmt, out) == 10
    out.seek(0)
    assert read_export(fmt, out) == store.events()


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_empty_history_exports_and_reads_back_empty(tmp_path: Path, fmt: Format) -> None:
    with HistoryStore(tmp_path / "empty.sqlite3", WallClock(datetime(2026, 3, 2, tzinfo=CET))) as empty:
        out = io.StringIO()
        assert export_history(empty, fmt, out) == 0
    out.seek(0)
    assert read_export(fmt, out) == []


def test_the_csv_has_a_header_a_readable_utc_time_and_empty_cells_for_none(store: HistoryStore) -> None:
    out = io.StringIO()
    export_history(store, "csv", out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == CSV_HEADER
    reminder = dict(zip(CSV_HEADER, rows[1], strict=True))
    assert reminder["time"] == "2026-03-02T08:00:00Z"
    assert (reminder["day"], reminder["kind"], reminder["stretch_id"]) == ("2026-03-02", "reminder", "cobra-low")
    assert (reminder["outcome"], reminder["value"], reminder["manual"]) == ("", "", "0")
    assert len(rows) == 11


def test_the_json_names_its_format_and_schema(store: HistoryStore) -> None:
    out = io.StringIO()
    export_history(store, "json", out)
    data = json.loads(out.getvalue())
    assert (data["format"], data["schema"]) == ("stretchbreak-history", store.schema_version)
    assert data["events"][4]["manual"] is True
    assert data["events"][0]["at"] == datetime(2026, 3, 2, 9, 0, 0, 250000, tzinfo=CET).timestamp()


def test_an_unknown_format_is_refused(store: HistoryStore) -> None:
    with pytest.raises(ValueError, match="xml"):
        export_history(store, "xml", io.StringIO())  # type: ignore[arg-type]


@pytest.mark.parametrize("text", [
    "id,at,day\n1,2,2026-03-02\n",
    ",".join(CSV_HEADER) + "\nx,1.0,,2026-03-02,resume,,,,,,,0\n",
    ",".join(CSV_HEADER) + "\n1,1.0,,2026-03-02,resume,,,,,,,yes\n",
    ",".join(CSV_HEADER) + "\n1,,,2026-03-02,resume,,,,,,,0\n",
])
def test_a_damaged_csv_is_reported(text: str) -> None:
    with pytest.raises(ExportFormatError, match="line"):
        read_csv(io.StringIO(text))


@pytest.mark.parametrize("text", [
    "[]",
    "{not json",
    '{"format": "stretchbreak-history", "schema": 2, "events": [{"id": 1}]}',
    '{"format": "stretchbreak-history", "schema": 2, "events": [{"id": 1, "at": "noon", "day": "2026-03-02", '
    '"kind": "resume", "stretch_id": null, "outcome": null, "sitting_seconds": null, "duration_seconds": null, '
    '"value": null, "detail": null, "manual": false}]}',
])
def test_a_damaged_json_export_is_reported(text: str) -> None:
    with pytest.raises(ExportFormatError):
        read_json(io.StringIO(text))
