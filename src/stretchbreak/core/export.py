"""Exporting the whole history as CSV or JSON, and reading such an export back.

Both formats hold every field of every event, so reading an export gives back the same events. CSV has one
header line and one event per line; an empty cell means "none", `manual` is 1 or 0, and a `time` column
(UTC, ISO 8601) is added for people reading the file. JSON is one object: {"format", "schema", "events"},
one event object per line. Events are streamed, so exporting years of history needs little memory.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import asdict, fields
from datetime import UTC, datetime
from typing import Any, Literal, TextIO

from stretchbreak.core.history import SCHEMA_VERSION, Event, HistoryStore

Format = Literal["csv", "json"]
FORMATS: tuple[Format, ...] = ("csv", "json")
JSON_FORMAT_NAME = "stretchbreak-history"
FIELDS = tuple(f.name for f in fields(Event))
CSV_HEADER = ("id", "at", "time", *FIELDS[2:])
_FLOAT_FIELDS = ("at", "sitting_seconds", "duration_seconds", "value")
_TEXT_FIELDS = ("stretch_id", "outcome", "detail")


class ExportFormatError(ValueError):
    """An export file that cannot be read back; the message says where and what."""


def export_history(store: HistoryStore, fmt: Format, out: TextIO) -> int:
    """Write every event in `store` to `out` as `fmt`; returns how many were written."""
    if fmt == "csv":
        return write_csv(store.iter_events(), out)
    if fmt == "json":
        return write_json(store.iter_events(), out)
    raise ValueError(f"export format {fmt!r} is not one of {', '.join(FORMATS)}")


def write_csv(events: Iterable[Event], out: TextIO) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    count = 0
    for event in events:
        time = datetime.fromtimestamp(event.at, UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
        writer.writerow([event.id, repr(event.at), time, *(_cell(getattr(event, name)) for name in FIELDS[2:])])
        count += 1
    return count


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def write_json(events: Iterable[Event], out: TextIO) -> int:
    out.write(f'{{"format": "{JSON_FORMAT_NAME}", "schema": {SCHEMA_VERSION}, "events": [')
    count = 0
    for event in events:
        out.write(("," if count else "") + "\n" + json.dumps(asdict(event), ensure_ascii=False))
        count += 1
    out.write("\n]}\n")
    return count


def read_export(fmt: Format, source: TextIO) -> list[Event]:
    """The events in an export written by `export_history`."""
    if fmt == "csv":
        return read_csv(source)
    if fmt == "json":
        return read_json(source)
    raise ValueError(f"export format {fmt!r} is not one of {', '.join(FORMATS)}")


def read_csv(source: TextIO) -> list[Event]:
    reader = csv.DictReader(source)
    if reader.fieldnames is None or tuple(reader.fieldnames) != CSV_HEADER:
        raise ExportFormatError(f"line 1: expected the header {','.join(CSV_HEADER)}")
    events = []
    for row in reader:
        try:
            values: dict[str, Any] = {"id": int(row["id"]), "day": row["day"], "kind": row["kind"],
                                      "manual": _flag(row["manual"])}
            values.update({name: float(row[name]) if row[name] else None for name in _FLOAT_FIELDS})
            values.update({name: row[name] or None for name in _TEXT_FIELDS})
            events.append(_event(values))
        except (TypeError, ValueError) as error:
            raise ExportFormatError(f"line {reader.line_num}: {error}") from None
    return events


def _flag(text: str) -> bool:
    if text not in ("0", "1"):
        raise ValueError(f"manual must be 1 or 0, not {text!r}")
    return text == "1"


def read_json(source: TextIO) -> list[Event]:
    try:
        data = json.load(source)
    except json.JSONDecodeError as error:
        raise ExportFormatError(f"not JSON: {error}") from None
    if not isinstance(data, dict) or data.get("format") != JSON_FORMAT_NAME or not isinstance(data.get("events"),
                                                                                              list):
        raise ExportFormatError(f'expected an object with "format": "{JSON_FORMAT_NAME}" and a list of "events"')
    events = []
    for number, item in enumerate(data["events"], start=1):
        try:
            if not isinstance(item, dict) or set(item) != set(FIELDS):
                raise ValueError(f"expected the fields {', '.join(FIELDS)}")
            events.append(_event(item))
        except (TypeError, ValueError) as error:
            raise ExportFormatError(f"event {number}: {error}") from None
    return events


def _event(values: dict[str, Any]) -> Event:
    """An Event from parsed values, each checked for its type (ints are accepted where floats belong)."""
    checked: dict[str, Any] = {}
    for name in FIELDS:
        value = values[name]
        if name in _FLOAT_FIELDS and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        expected: tuple[type, ...] = (
            (int,) if name == "id" else (bool,) if name == "manual" else (float,) if name in _FLOAT_FIELDS
            else (str,))
        optional = name in _FLOAT_FIELDS[1:] or name in _TEXT_FIELDS
        if (value is None and not optional) or (value is not None and not isinstance(value, expected)) \
                or (name == "id" and isinstance(value, bool)):
            raise ValueError(f"{name} = {value!r} has the wrong type")
        checked[name] = value
    return Event(**checked)
