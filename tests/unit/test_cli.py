"""The command line without a running instance: usage errors, local verbs, and no Qt for client verbs."""

import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from stretchbreak import cli
from stretchbreak.core.clock import FakeClock
from stretchbreak.core.history import FILE_NAME, HistoryStore
from stretchbreak.core.settings import load_settings
from stretchbreak.paths import config_path, data_dir


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = cli.main(list(argv))
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("verb", ["snooze", "skip", "pause", "resume", "status", "quit"])
def test_client_verbs_say_not_running_with_exit_3(capsys: pytest.CaptureFixture[str], verb: str) -> None:
    code, _, err = run(capsys, verb)
    assert code == 3 and "not running" in err


def test_status_json_without_an_instance(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "status", "--json")
    assert code == 3 and json.loads(out) == {"running": False}


@pytest.mark.parametrize(
    ("argv", "word"),
    [(["snooze", "soon"], "'soon'"), (["pause", "forever"], "'forever'"), (["pause", "0s"], "'0s'"),
     (["dance"], "dance"), (["stats", "--days", "x"], "'x'"), (["export", "--format", "xml"], "xml"),
     (["autostart", "maybe"], "maybe")],
)
def test_a_bad_word_is_a_usage_error_naming_it(capsys: pytest.CaptureFixture[str], argv: list[str], word: str) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2 and word in err


def test_list_marks_the_favourite(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list")
    assert code == 0
    assert "* reverse-stretch" in out and "  cobra-low" in out


def test_favourite_without_an_instance_writes_the_settings(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "favourite", "cobra-high")
    assert code == 0 and "Cobra 3" in out
    assert load_settings(config_path()).settings.reminder.favourite == "cobra-high"
    code, _, err = run(capsys, "favourite", "handstand")
    assert code == 2 and "handstand" in err


def test_stats_and_export_read_the_history(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "stats")
    assert code == 0 and "No history yet" in out
    with HistoryStore(data_dir() / FILE_NAME, FakeClock(datetime.now().astimezone())) as store:
        store.record_reminder("cobra-low", 3000)
        store.record_stretch("cobra-low", "completed", 95, 3000)
        store.record_stretch("reverse-stretch", "snoozed", 5, 3100)
    code, out, _ = run(capsys, "stats", "--days", "7")
    assert code == 0 and "Cobra 1" in out
    code, out, _ = run(capsys, "export", "--format", "json")
    kinds = [(e["kind"], e["outcome"]) for e in json.loads(out)["events"]]
    assert kinds == [("reminder", None), ("stretch", "completed"), ("stretch", "snoozed")]
    target = tmp_path / "out.csv"
    code, _, err = run(capsys, "export", "--format", "csv", "--output", str(target))
    assert code == 0 and "exported 3 events" in err
    assert target.read_text().count("\n") == 4


def test_client_verbs_import_no_qt() -> None:
    probe = ("import sys; from stretchbreak.cli import main; main(['status']); main(['list']); "
             "print(sorted(m for m in sys.modules if m.startswith('PySide6')))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stderr
