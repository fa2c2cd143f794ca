"""Bad input to the stretch-file loader: arbitrary bytes and arbitrary TOML never raise anything but the loader's own
error, every problem names the file and the field, the rest of the library still loads, and what loads is data
whose illustrations can only come from the art folders.

Each property reads: given any such file among the user's stretches, when the library loads, then ...
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from stretchbreak.core.durations import format_duration
from stretchbreak.core.stretches import (
    MAX_FILE_BYTES,
    MAX_STEPS,
    MAX_TEXT,
    SIDES,
    Library,
    StretchFileError,
    load_library,
    load_stretch_file,
    parse_stretch,
)
from stretchbreak.paths import assets_dir
from tests.unit.test_fault_toml import to_toml, toml_document, values

BUILTIN = assets_dir() / "stretches"
ART = assets_dir() / "art"
STRETCH_FIELDS = ["id", "name", "summary", "body_area", "caution", "art", "level", "steps"]
STEP_FIELDS = ["text", "hold", "reps", "side", "art"]
FAULT = settings(max_examples=400, deadline=None, database=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.fixture(scope="module")
def builtin_ids() -> set[str]:
    return set(load_library(BUILTIN, None, ART).stretches)


def stretch_documents() -> st.SearchStrategy[dict[str, Any]]:
    """Stretch files: a valid-looking core with arbitrary fields and steps mixed in."""
    step = toml_document(STEP_FIELDS, []).map(lambda d: {k: v for k, v in d.items() if not isinstance(v, dict)})
    return st.fixed_dictionaries(
        {"id": st.just("mine")},
        optional={
            "name": st.one_of(st.just("Mine"), st.text(max_size=5)),
            "summary": st.just("s"), "body_area": st.just("b"), "caution": st.just("c"),
            "art": st.one_of(st.just("cobra-low.svg"), st.text(max_size=8)),
            "steps": st.lists(st.one_of(st.fixed_dictionaries({"text": st.just("t")}), step), max_size=4),
        },
    ).flatmap(lambda core: toml_document(STRETCH_FIELDS, STEP_FIELDS).map(lambda extra: {**extra, **core}))


ART_NAMES = sorted(path.name for path in ART.glob("*.svg"))
TEXTS = st.text(min_size=1, max_size=40).filter(str.strip)
VALID_STEP = st.fixed_dictionaries({"text": TEXTS}, optional={
    "hold": st.integers(1, 3600).map(format_duration), "reps": st.integers(1, 100),
    "side": st.sampled_from(SIDES), "art": st.sampled_from(ART_NAMES)})
VALID_STRETCH = st.fixed_dictionaries(
    {"id": st.just("mine"), "name": TEXTS, "summary": TEXTS, "body_area": TEXTS, "caution": TEXTS,
     "art": st.sampled_from(ART_NAMES), "steps": st.lists(VALID_STEP, min_size=1, max_size=4)},
    optional={"level": st.integers(1, 10)})


@st.composite
def one_field_spoiled(draw: st.DrawFn) -> tuple[dict[str, Any], str | None]:
    """A valid stretch file with at most one field given an arbitrary value (or one unknown field added), and
    the name of that field as the loader should report it (None: nothing was spoiled)."""
    document: dict[str, Any] = draw(VALID_STRETCH)
    steps: list[dict[str, Any]] = document["steps"]
    where = draw(st.sampled_from([None, "top", "step", "extra", "step extra"]))
    junk = draw(values(toml_document([], []).map(lambda d: d or {"x": 1})))
    if where == "top":
        field = draw(st.sampled_from(STRETCH_FIELDS))
        document[field] = junk
        return document, field
    if where == "extra" or where == "step extra":
        name = draw(st.text(min_size=1, max_size=8).filter(lambda k: k not in STRETCH_FIELDS + STEP_FIELDS))
        if where == "extra":
            document[name] = junk
            return document, name
        index = draw(st.integers(0, len(steps) - 1))
        steps[index][name] = junk
        return document, f"steps[{index}].{name}"
    if where == "step":
        index = draw(st.integers(0, len(steps) - 1))
        field = draw(st.sampled_from(STEP_FIELDS))
        steps[index][field] = junk
        return document, f"steps[{index}].{field}"
    return document, None


def user_folder(tmp_path: Path, name: str, content: bytes) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="stretches-", dir=tmp_path))
    (folder / name).write_bytes(content)
    (folder / "good.toml").write_text(
        'id = "good"\nname = "Good"\nsummary = "s"\nbody_area = "b"\ncaution = "c"\nart = "cobra-low.svg"\n'
        '[[steps]]\ntext = "Stand."\n')
    return folder


def assert_library_survives(library: Library, folder: Path, name: str, builtin_ids: set[str]) -> None:
    """The broken file is reported with its name and field, and everything else loaded."""
    assert "good" in library.stretches
    assert set(library.stretches) >= builtin_ids
    for problem in library.problems:
        text = str(problem)
        assert problem.file.parent == folder and problem.file.name in text
        assert problem.message
        if problem.field:
            assert f"field '{problem.field}'" in text


def assert_is_data(library: Library, folder: Path) -> None:
    """A loaded stretch is bounded text, and each illustration it names resolves inside an art folder."""
    art_dirs = {folder.resolve(), ART.resolve()}
    for stretch in library.stretches.values():
        assert 1 <= len(stretch.steps) <= MAX_STEPS
        for index, step in enumerate(stretch.steps):
            assert 0 < len(step.text) <= MAX_TEXT
            assert step.hold_seconds is None or 1 <= step.hold_seconds <= 3600
            assert step.side is None or step.side in SIDES
            name = stretch.art_for(index)
            assert "/" not in name and "\\" not in name and ".." not in name
            found = library.art_path(name)
            assert found is None or found.resolve().parent in art_dirs


@FAULT
@given(st.binary(max_size=2048))
@example(b"\x00" * 10)
@example(b"\xef\xbb\xbfid = \"mine\"\n")
@example(b'id = "mine"\n[[steps]]\ntext = "\xff"\n')
def test_arbitrary_bytes_are_reported_by_file_and_the_rest_loads(
    tmp_path: Path, builtin_ids: set[str], content: bytes
) -> None:
    folder = user_folder(tmp_path, "mine.toml", content)
    library = load_library(BUILTIN, folder, ART)
    assert_library_survives(library, folder, "mine.toml", builtin_ids)
    assert_is_data(library, folder)
    if "mine" in library.stretches:
        assert load_stretch_file(folder / "mine.toml").id == "mine"
    else:
        with pytest.raises(StretchFileError):
            load_stretch_file(folder / "mine.toml")


@FAULT
@given(stretch_documents())
@example({"id": "mine", "name": "M", "summary": "s", "body_area": "b", "caution": "c", "art": "../../../etc/x.svg",
          "steps": [{"text": "t"}]})
@example({"id": "mine", "name": "M", "summary": "s", "body_area": "b", "caution": "c", "art": "a.svg",
          "steps": [{"text": "t", "art": "/etc/passwd"}, {"text": "t", "hold": 30}]})
@example({"id": "mine", "name": "M", "summary": "s", "body_area": "b", "caution": "c", "art": "a.svg",
          "steps": [{"text": "t", "side": ["left"], "reps": True}]})
def test_arbitrary_toml_is_loaded_or_reported_by_file_and_field(
    tmp_path: Path, builtin_ids: set[str], document: dict[str, Any]
) -> None:
    folder = user_folder(tmp_path, "mine.toml", to_toml(document).encode())
    library = load_library(BUILTIN, folder, ART)
    assert_library_survives(library, folder, "mine.toml", builtin_ids)
    assert_is_data(library, folder)
    assert not [p for p in library.problems if "not valid TOML" in p.message]
    if "mine" not in library.stretches:
        # The file was refused: the problem says which field, and that field is one the file has or needs.
        [problem] = [p for p in library.problems if p.file.name == "mine.toml"]
        field = problem.field
        assert field in document or field.split("[")[0].split(".")[0] in STRETCH_FIELDS, problem


@FAULT
@given(one_field_spoiled())
def test_a_valid_file_loads_and_one_bad_field_is_named_exactly(
    tmp_path: Path, builtin_ids: set[str], spoiled: tuple[dict[str, Any], str | None]
) -> None:
    # Given a valid stretch file, perhaps with one field given an arbitrary value
    document, field = spoiled
    folder = user_folder(tmp_path, "mine.toml", to_toml(document).encode())
    # When the library loads
    library = load_library(BUILTIN, folder, ART)
    assert_library_survives(library, folder, "mine.toml", builtin_ids)
    assert_is_data(library, folder)
    problems = [p for p in library.problems if p.file.name == "mine.toml"]
    if field is None:
        # Then an untouched file loads, every step as written
        assert problems == [] and len(library.stretches["mine"].steps) == len(document["steps"])
    elif "mine" not in library.stretches:
        # Then a refused file is reported by exactly the field that was spoiled
        [problem] = problems
        assert problem.field == field or (field == "steps" and problem.field.startswith("steps")) or \
            (field == "art" and problem.field == "art"), (field, problem)


@FAULT
@given(stretch_documents())
def test_parse_stretch_raises_only_its_own_error(document: dict[str, Any]) -> None:
    try:
        stretch = parse_stretch(document)
    except StretchFileError as error:
        assert error.message
        return
    assert stretch.id == "mine"


def test_a_fifo_is_passed_over_and_a_too_big_file_is_reported(tmp_path: Path, builtin_ids: set[str]) -> None:
    # Given a stretch "file" that is a fifo (reading it would block for ever) and one bigger than allowed
    folder = user_folder(tmp_path, "big.toml", b"#" * (MAX_FILE_BYTES + 1))
    os.mkfifo(folder / "mine.toml")
    # When the library loads, then it does not hang on the fifo, and it names the big file
    library = load_library(BUILTIN, folder, ART)
    assert_library_survives(library, folder, "big.toml", builtin_ids)
    assert [(p.file.name, p.field) for p in library.problems] == [("big.toml", "")]
    assert "at most" in library.problems[0].message
