"""config.toml: defaults, validation with clear messages, corrupt and partial files, atomic save."""

from dataclasses import replace
from pathlib import Path

import pytest

from stretchbreak.core.settings import Settings, load_settings, save_settings, settings_to_toml

DEFAULTS = Settings()


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "config.toml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_missing_file_means_defaults_and_no_problems(tmp_path: Path) -> None:
    loaded = load_settings(tmp_path / "config.toml")
    assert loaded.settings == DEFAULTS
    assert loaded.problems == []
    assert not loaded.existed


def test_reads_the_documented_format(tmp_path: Path) -> None:
    path = write(tmp_path, """
[reminder]
sit_limit = "45m"
natural_break = "4m"
warn_before = "0s"
snooze = "1h30m"
max_snoozes = 0
choice = "rotate"
favourite = "cobra-low"

[schedule]
days = ["Sat", "mon"]
hours = ""

[sound]
enabled = false
volume = 35

[voice]
enabled = true
rate = -3
volume = 90
voice = "English (Great Britain)"

[general]
language = "zh_CN"

[holds]
floor-sit-wall = "3m"
""")
    loaded = load_settings(path)
    assert loaded.problems == []
    s = loaded.settings
    assert (s.reminder.sit_limit, s.reminder.natural_break, s.reminder.warn_before) == (2700, 240, 0)
    assert (s.reminder.snooze, s.reminder.max_snoozes, s.reminder.choice) == (5400, 0, "rotate")
    assert s.reminder.favourite == "cobra-low"
    assert s.schedule.days == ("mon", "sat")
    assert s.schedule.hours == ""
    assert s.sound.enabled is False
    assert s.sound.volume == 35
    assert (s.voice.enabled, s.voice.rate, s.voice.volume, s.voice.voice) == (True, -3, 90, "English (Great Britain)")
    assert s.general.language == "zh_CN"
    assert s.holds == {"floor-sit-wall": 180}


def test_a_bad_value_keeps_its_default_and_names_file_key_value_and_allowed(tmp_path: Path) -> None:
    path = write(tmp_path, '[reminder]\nsit_limit = "fifty"\nsnooze = "20m"\n')
    loaded = load_settings(path)
    assert loaded.settings.reminder.sit_limit == DEFAULTS.reminder.sit_limit
    assert loaded.settings.reminder.snooze == 1200
    [problem] = loaded.problems
    assert problem.file == path
    assert problem.key == "reminder.sit_limit"
    assert problem.value == '"fifty"'
    message = str(problem)
    assert str(path) in message and "reminder.sit_limit" in message and '"fifty"' in message
    assert "10m" in message  # the allowed forms are spelled out


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('[reminder]\nmax_snoozes = -1\n', "reminder.max_snoozes"),
        ('[reminder]\nmax_snoozes = true\n', "reminder.max_snoozes"),
        ('[reminder]\nchoice = "sometimes"\n', "reminder.choice"),
        ('[reminder]\nfavourite = "../../etc/passwd"\n', "reminder.favourite"),
        ('[reminder]\nsit_limit = "3s"\n', "reminder.sit_limit"),
        ('[reminder]\nsit_limit = "2m"\nwarn_before = "5m"\n', "reminder.warn_before"),
        ('[reminder]\nbogus = 1\n', "reminder.bogus"),
        ('[schedule]\ndays = ["mon", "someday"]\n', "schedule.days"),
        ('[schedule]\nhours = "9-17"\n', "schedule.hours"),
        ('[schedule]\nhours = "10:00-10:00"\n', "schedule.hours"),
        ('[sound]\nenabled = "yes"\n', "sound.enabled"),
        ('[sound]\nvolume = 101\n', "sound.volume"),
        ('[sound]\nvolume = "loud"\n', "sound.volume"),
        ('[voice]\nenabled = 1\n', "voice.enabled"),
        ('[voice]\nrate = 11\n', "voice.rate"),
        ('[voice]\nvolume = -1\n', "voice.volume"),
        ('[voice]\nvoice = 3\n', "voice.voice"),
        ('[voice]\nvoice = "a\\u0007b"\n', "voice.voice"),
        ('[general]\nlanguage = "fr"\n', "general.language"),
        ('[holds]\nfloor-sit-wall = "forever"\n', "holds.floor-sit-wall"),
        ('holds = 3\n', "holds"),
        ('[mystery]\nx = 1\n', "mystery"),
        ('reminder = 5\n', "reminder"),
        ('version = 99\n', "version"),
    ],
)
def test_each_kind_of_bad_key_is_reported(tmp_path: Path, text: str, key: str) -> None:
    loaded = load_settings(write(tmp_path, text))
    assert [p.key for p in loaded.problems] == [key]
    assert loaded.settings.reminder.warn_before < loaded.settings.reminder.sit_limit


@pytest.mark.parametrize(
    "content",
    [b'[reminder\nsit_limit = "50m"', b"\xff\xfe\x00garbage", b'[reminder]\nsit_limit = "5', b"= = ="],
)
def test_a_corrupt_or_half_written_file_gives_defaults_and_one_clear_problem(tmp_path: Path, content: bytes) -> None:
    path = write(tmp_path, content)
    loaded = load_settings(path)
    assert loaded.settings == DEFAULTS
    [problem] = loaded.problems
    assert str(path) in str(problem)
    assert "defaults" in str(problem)
    assert path.read_bytes() == content  # loading never touches the user's file


def test_a_partial_file_keeps_the_good_keys(tmp_path: Path) -> None:
    loaded = load_settings(write(tmp_path, '[reminder]\nsnooze = "5m"\n'))
    assert loaded.problems == []
    assert loaded.settings.reminder.snooze == 300
    assert loaded.settings.reminder.sit_limit == DEFAULTS.reminder.sit_limit


def test_save_then_load_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "config.toml"
    edited = replace(
        DEFAULTS.with_favourite("cobra-high"),
        holds={"cobra-low": 45},
        general=replace(DEFAULTS.general, language="en"),
        sound=replace(DEFAULTS.sound, volume=0),
        voice=replace(DEFAULTS.voice, enabled=True, rate=10, volume=100, voice="Zoë 🎙 \"cmn\" 中文"),
        schedule=replace(DEFAULTS.schedule, days=("tue",), hours="08:30-17:00"),
    )
    save_settings(path, edited)
    loaded = load_settings(path)
    assert loaded.problems == []
    assert loaded.settings == edited
    assert 'sit_limit = "50m"' in path.read_text()


def test_defaults_keep_spoken_guidance_off_and_follow_the_system_language() -> None:
    assert DEFAULTS.voice.enabled is False
    assert DEFAULTS.general.language == "auto"
    assert 0 <= DEFAULTS.sound.volume <= 100


def test_a_bad_language_names_the_allowed_ones(tmp_path: Path) -> None:
    [problem] = load_settings(write(tmp_path, '[general]\nlanguage = "fr"\n')).problems
    assert '"auto", "en", "zh_CN"' in str(problem)


def test_save_writes_durations_as_people_write_them() -> None:
    text = settings_to_toml(DEFAULTS)
    assert 'sit_limit = "50m"' in text and 'natural_break = "5m"' in text


def test_a_failed_save_leaves_the_old_file_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, '[reminder]\nsnooze = "7m"\n')
    original = path.read_bytes()

    def fail_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("stretchbreak.core.atomic.os.replace", fail_replace)
    with pytest.raises(OSError):
        save_settings(path, DEFAULTS)
    assert path.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir()] == ["config.toml"]  # no temporary file left behind


def test_a_read_only_folder_raises_and_keeps_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root ignores permission bits, so the refusal a read-only folder gives is simulated where it happens.
    path = write(tmp_path, '[reminder]\nsnooze = "7m"\n')

    def refuse(**kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("stretchbreak.core.atomic.tempfile.mkstemp", refuse)
    with pytest.raises(PermissionError):
        save_settings(path, DEFAULTS)
    assert load_settings(path).settings.reminder.snooze == 420


def test_saving_over_a_file_with_problems_keeps_a_backup(tmp_path: Path) -> None:
    path = write(tmp_path, '[reminder]\nsit_limit = "fifty"\n')
    save_settings(path, DEFAULTS, backup_existing=True)
    assert (tmp_path / "config.toml.bak").read_text() == '[reminder]\nsit_limit = "fifty"\n'
    assert load_settings(path).problems == []
