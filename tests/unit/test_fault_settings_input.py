"""Bad input to the settings loader: arbitrary bytes and arbitrary TOML never raise, every problem names the file,
the key and what is allowed, a bad key keeps its default, and whatever loads saves into a clean file.

Each property reads: given any such file, when it is loaded, then ...
"""

from __future__ import annotations

import tempfile
from dataclasses import fields
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from stretchbreak.core.settings import (
    DAYS,
    Settings,
    SettingsProblem,
    load_settings,
    parse_hours,
    save_settings,
)
from tests.unit.test_fault_toml import to_toml, toml_document

DEFAULTS = Settings()
SECTIONS = {f.name: getattr(DEFAULTS, f.name) for f in fields(Settings) if f.name != "holds"}
TOP_KEYS = [*SECTIONS, "holds", "version"]
INNER_KEYS = sorted({f.name for section in SECTIONS.values() for f in fields(section)}
                    | {"reverse-stretch", "cobra-low", "x"})
FAULT = settings(max_examples=400, deadline=None, database=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def config_file(tmp_path: Path, content: bytes) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="config-", dir=tmp_path))
    path = folder / "config.toml"
    path.write_bytes(content)
    return path


def assert_clear(problem: SettingsProblem, path: Path) -> None:
    """A problem a person can act on: it names the file, and the key with its value or what went wrong."""
    message = str(problem)
    assert problem.file == path and str(path) in message
    assert problem.value and problem.allowed
    if problem.key:
        assert problem.key in message and problem.value in message


def assert_sane(loaded: Settings) -> None:
    """Whatever the file said, the settings the app runs on are within their documented ranges."""
    reminder = loaded.reminder
    assert 10 <= reminder.sit_limit <= 8 * 3600 and 5 <= reminder.natural_break <= 2 * 3600
    assert 0 <= reminder.warn_before < reminder.sit_limit
    assert 10 <= reminder.snooze <= 4 * 3600 and 0 <= reminder.max_snoozes <= 100
    assert reminder.choice in ("favourite", "rotate", "random")
    assert "/" not in reminder.favourite and ".." not in reminder.favourite
    assert set(loaded.schedule.days) <= set(DAYS)
    assert parse_hours(loaded.schedule.hours) == loaded.schedule.hours
    assert all(1 <= seconds <= 3600 and "/" not in key for key, seconds in loaded.holds.items())


@FAULT
@given(st.binary(max_size=2048))
@example(b"\xef\xbb\xbf[reminder]\n")  # a byte-order mark
@example(b'[reminder]\nsit_limit = "50m"\x00\n')
@example(b"[[reminder]]\nx = 1\n")
def test_arbitrary_bytes_never_raise_and_any_problem_names_the_file(tmp_path: Path, content: bytes) -> None:
    path = config_file(tmp_path, content)
    loaded = load_settings(path)
    assert isinstance(loaded.settings, Settings)
    assert_sane(loaded.settings)
    for problem in loaded.problems:
        assert_clear(problem, path)
    assert path.read_bytes() == content  # loading never writes


@FAULT
@given(toml_document(TOP_KEYS, INNER_KEYS))
@example({"reminder": {"sit_limit": "1m", "warn_before": "2m"}})
@example({"reminder": {"sit_limit": float("nan"), "max_snoozes": 10**30}})
@example({"holds": {"../../etc": "1m", "cobra-low": float("inf")}})
@example({"schedule": {"days": [["mon"]], "hours": "24:00-24:00"}})
@example({"version": [1], "sound": []})
def test_arbitrary_toml_never_raises_names_each_bad_key_and_keeps_its_default(
    tmp_path: Path, document: dict[str, Any]
) -> None:
    path = config_file(tmp_path, to_toml(document).encode())
    loaded = load_settings(path)
    assert not [p for p in loaded.problems if "not valid TOML" in p.value]
    assert_sane(loaded.settings)
    written = {name: (name, "") for name in document}
    written |= {f"{name}.{key}": (name, key) for name, table in document.items() if isinstance(table, dict)
                for key in table}
    for problem in loaded.problems:
        assert_clear(problem, path)
        # The key is one the file really has ...
        if problem.key not in written:
            # Only the heads-up may be named without being written: it has to yield to a short sit_limit.
            assert problem.key == "reminder.warn_before" and "reminder.sit_limit" in str(problem), problem
        # ... and the value the app runs on for it is the default.
        section, key = written.get(problem.key, ("reminder", "warn_before"))
        if problem.key == "reminder.warn_before":
            # Its default, or none at all when even the default would not fit before a short sit_limit.
            assert loaded.settings.reminder.warn_before in (DEFAULTS.reminder.warn_before, 0), problem
        elif key and section in SECTIONS and hasattr(SECTIONS[section], key):
            assert getattr(getattr(loaded.settings, section), key) == getattr(SECTIONS[section], key), problem
        if section == "holds" and key:
            assert key not in loaded.settings.holds
    # A key the file does not have keeps its default.
    for name, defaults in SECTIONS.items():
        table = document.get(name)
        given_keys: dict[str, Any] = table if isinstance(table, dict) else {}
        for item in fields(defaults):
            if item.name not in given_keys:
                expected = getattr(defaults, item.name)
                if (name, item.name) == ("reminder", "warn_before"):
                    continue  # it may have had to yield to a short sit_limit
                assert getattr(getattr(loaded.settings, name), item.name) == expected


@FAULT
@given(toml_document(TOP_KEYS, INNER_KEYS))
@example({"reminder": {"sit_limit": "45s"}})
@example({"voice": {"voice": "Zoë 🎙"}})
@example({"holds": {"cobra-low": "0s", "1": "1s"}, "schedule": {"days": ["SUN", "sun", "Mon"]}})
def test_what_loads_from_any_file_saves_into_a_clean_file_that_loads_the_same(
    tmp_path: Path, document: dict[str, Any]
) -> None:
    # Given whatever the app made of a broken file, when the dialog saves it (with the backup), then the new
    # file loads without a single problem into the very same settings, and the old file is in the backup.
    original = to_toml(document).encode()
    path = config_file(tmp_path, original)
    loaded = load_settings(path)
    save_settings(path, loaded.settings, backup_existing=bool(loaded.problems))
    again = load_settings(path)
    assert again.problems == []
    assert again.settings == loaded.settings
    if loaded.problems:
        assert path.with_name("config.toml.bak").read_bytes() == original


@FAULT
@given(st.sampled_from(["favourite", "choice", "hours", "days"]),
       st.sampled_from(["__import__('os').system('touch {marker}')", "$(touch {marker})", "`touch {marker}`",
                        "{{{{ touch {marker} }}}}", "; touch {marker}", "{marker}"]))
def test_values_are_data_never_run(tmp_path: Path, key: str, payload: str) -> None:
    # Given a value that would create a file if anything ran it as code or as a shell command
    marker = Path(tempfile.mkdtemp(dir=tmp_path)) / "ran"
    text = payload.format(marker=marker)
    section = "schedule" if key in ("hours", "days") else "reminder"
    value: Any = [text] if key == "days" else text
    path = config_file(tmp_path, to_toml({section: {key: value}}).encode())
    # When it is loaded, saved and loaded again
    loaded = load_settings(path)
    save_settings(path, loaded.settings, backup_existing=True)
    load_settings(path)
    # Then it was reported as a bad value, and nothing ran
    assert [p.key for p in loaded.problems] == [f"{section}.{key}"]
    assert not marker.exists()
