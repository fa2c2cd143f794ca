"""The one duration parser used by config and command line."""

import pytest

from stretchbreak.core.durations import DurationError, describe_duration, format_duration, parse_duration


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("45s", 45), ("10m", 600), ("1h", 3600), ("1h30m", 5400), ("50", 3000), (" 2M ", 120),
     ("1h0m5s", 3605), ("0s", 0), (7, 420)],
)
def test_parses_every_documented_form(text: str | int, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "m", "10x", "1.5h", "-5", "h1", "10m1h", "ten", "1h 30", True, -3, 2.5])
def test_rejects_bad_text_and_names_it(text: object) -> None:
    with pytest.raises(DurationError) as error:
        parse_duration(text)  # type: ignore[arg-type]
    assert repr(text) in str(error.value)


@pytest.mark.parametrize("seconds", [1, 45, 60, 61, 3000, 3600, 5400, 3605, 86399])
def test_format_round_trips(seconds: int) -> None:
    assert parse_duration(format_duration(seconds)) == seconds


def test_format_is_short() -> None:
    assert format_duration(3000) == "50m"
    assert format_duration(5400) == "1h30m"
    assert format_duration(0) == "0s"


def test_describe_is_readable() -> None:
    assert describe_duration(5400) == "1 h 30 min"
    assert describe_duration(45) == "45 s"
    assert describe_duration(0) == "0 s"
