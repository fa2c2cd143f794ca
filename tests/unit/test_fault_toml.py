"""Arbitrary TOML for the bad-input tests, and the check that it really is TOML.

A document is a mapping of keys to TOML values (text, integers, floats including inf and nan, booleans,
dates and times, arrays and tables). `toml_document` leans towards the keys a loader knows, so that its
converters see odd values and not only unknown keys; `to_toml` writes any such mapping as text. The one
test here proves `tomllib` reads that text back unchanged: without it, the loaders' tests could be
feeding nothing but syntax errors.
"""

from __future__ import annotations

import json
import math
import tomllib
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

INT64 = 2**63 - 1

# Text a loader might be shown: anything printable, plus the shapes the loaders accept.
TEXT = st.one_of(
    st.text(max_size=30),
    st.from_regex(r"\d{1,22}([hms]|h\d{1,3}m|m\d{1,3}s)?", fullmatch=True),
    st.from_regex(r"[a-z0-9][a-z0-9-]{0,70}", fullmatch=True),
    st.from_regex(r"([01]\d|2[0-4]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d", fullmatch=True),
    st.sampled_from(["", " ", "mon", "Sun", "left", "right", "favourite", "rotate", "random", "art.svg",
                     "../x.svg", "/etc/passwd", "..", "a/b.svg", "x.svg\n", "nul\x00.svg", "ÿ.svg"]),
)
SCALARS = st.one_of(
    TEXT,
    st.integers(min_value=-INT64 - 1, max_value=INT64),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)),
    st.dates(),
    st.times(),
)


def values(tables: st.SearchStrategy[Mapping[str, Any]] | None = None) -> st.SearchStrategy[Any]:
    """Scalars, arrays of them, and (when given) tables."""
    base = st.one_of(SCALARS, st.lists(SCALARS, max_size=5))
    return base if tables is None else st.one_of(base, tables, st.lists(tables, max_size=3))


def keys(known: Sequence[str]) -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(list(known)), st.text(min_size=0, max_size=12)) if known else st.text(max_size=12)


def toml_document(top_keys: Sequence[str], inner_keys: Sequence[str]) -> st.SearchStrategy[dict[str, Any]]:
    """A TOML document whose top-level keys lean towards `top_keys` and whose tables lean towards `inner_keys`."""
    inner = st.dictionaries(keys(inner_keys), values(), max_size=8)
    return st.dictionaries(keys(top_keys), values(inner), max_size=8)


def _string(text: str) -> str:
    # A JSON string is a TOML basic string, except that TOML also wants DEL escaped.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _key(name: str) -> str:
    return _string(name)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    raise TypeError(f"no TOML for {value!r}")


def to_toml(document: Mapping[str, Any]) -> str:
    """One `key = value` line per top-level key; tables inline."""
    return "".join(f"{_key(k)} = {_value(v)}\n" for k, v in document.items())


@settings(max_examples=300, deadline=None, database=None)
@given(toml_document(["reminder", "steps"], ["sit_limit", "text"]))
def test_the_generated_documents_are_toml_that_reads_back_unchanged(document: dict[str, Any]) -> None:
    # Given any generated document, when it is written and read back, then it is the same document
    text = to_toml(document)
    assert to_toml(tomllib.loads(text)) == text
