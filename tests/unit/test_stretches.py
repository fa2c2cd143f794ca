"""The stretch library: every built-in file loads, the article's stretches are present, bad files are reported."""

from pathlib import Path

import pytest

from stretchbreak.core.stretches import load_library
from stretchbreak.paths import assets_dir

BUILTIN = assets_dir() / "stretches"
ART = assets_dir() / "art"
ARTICLE_STRETCHES = {
    "reverse-stretch", "reverse-stretch-chair", "floor-sit-wall", "floor-sit-wall-easy", "hip-flexor-release",
    "cobra-low", "cobra-forearms", "cobra-high", "chest-opener",
}

GOOD = """
id = "my-stretch"
name = "My stretch"
summary = "Mine."
body_area = "lower back"
caution = "Stop if it hurts."
art = "cobra-low.svg"

[[steps]]
text = "Lie down."

[[steps]]
text = "Hold."
hold = "20s"
"""


def test_every_builtin_file_loads_without_problems() -> None:
    library = load_library(BUILTIN, None, ART)
    assert library.problems == []
    assert len(library.stretches) == len(list(BUILTIN.glob("*.toml")))


def test_each_stretch_from_the_article_is_present() -> None:
    library = load_library(BUILTIN, None, ART)
    assert set(library.stretches) >= ARTICLE_STRETCHES


def test_file_names_match_ids_and_every_illustration_exists() -> None:
    library = load_library(BUILTIN, None, ART)
    for stretch in library.stretches.values():
        assert stretch.source is not None and stretch.source.stem == stretch.id
        for index in range(len(stretch.steps)):
            assert library.art_path(stretch.art_for(index)) is not None, (stretch.id, index)


def test_holds_follow_the_article() -> None:
    library = load_library(BUILTIN, None, ART)
    assert (library.stretches["reverse-stretch"].default_hold or 0) >= 30
    assert (library.stretches["reverse-stretch-chair"].default_hold or 0) >= 30
    assert (library.stretches["floor-sit-wall"].default_hold or 0) >= 60  # "a few minutes"


def test_hip_flexor_release_works_both_sides() -> None:
    steps = load_library(BUILTIN, None, ART).stretches["hip-flexor-release"].steps
    held_sides = [s.side for s in steps if s.hold_seconds]
    assert "left" in held_sides and "right" in held_sides


def test_cobra_is_a_progression_of_three_levels() -> None:
    library = load_library(BUILTIN, None, ART)
    levels = [library.stretches[i].level for i in ("cobra-low", "cobra-forearms", "cobra-high")]
    assert levels == [1, 2, 3]


def test_chest_opener_alternates_ten_times_each_side() -> None:
    steps = load_library(BUILTIN, None, ART).stretches["chest-opener"].steps
    reps_by_side = {s.side: s.reps for s in steps if s.reps}
    assert reps_by_side == {"left": 10, "right": 10}


def test_every_stretch_carries_the_articles_cautions() -> None:
    for stretch in load_library(BUILTIN, None, ART).stretches.values():
        caution = stretch.caution.lower()
        assert "stop" in caution, stretch.id
        assert "doctor" in caution, stretch.id
        assert "gentl" in caution or "slowly" in caution, stretch.id


def test_a_user_file_merges_and_the_same_id_replaces_a_builtin(tmp_path: Path) -> None:
    (tmp_path / "my-stretch.toml").write_text(GOOD)
    (tmp_path / "cobra-low.toml").write_text(GOOD.replace('"my-stretch"', '"cobra-low"').replace("My", "Our"))
    library = load_library(BUILTIN, tmp_path, ART)
    assert library.problems == []
    assert library.stretches["my-stretch"].steps[1].hold_seconds == 20
    assert library.stretches["cobra-low"].name == "Our stretch"
    assert set(library.stretches) >= ARTICLE_STRETCHES


def test_user_art_is_found_before_builtin_art(tmp_path: Path) -> None:
    (tmp_path / "cobra-low.svg").write_text("<svg/>")
    library = load_library(BUILTIN, tmp_path, ART)
    assert library.art_path("cobra-low.svg") == tmp_path / "cobra-low.svg"


@pytest.mark.parametrize(
    ("text", "field", "words"),
    [
        ("not toml [", "", "not valid TOML"),
        (GOOD.replace('id = "my-stretch"', 'id = "My Stretch!"'), "id", "lower-case"),
        (GOOD.replace('name = "My stretch"\n', ""), "name", "missing"),
        (GOOD.replace('hold = "20s"', 'hold = "a while"'), "steps[1].hold", "duration"),
        (GOOD.replace('hold = "20s"', 'hold = "2h"'), "steps[1].hold", "1 hour"),
        (GOOD.replace('hold = "20s"', 'side = "up"'), "steps[1].side", "left"),
        (GOOD.replace('hold = "20s"', "reps = 0"), "steps[1].reps", "whole number"),
        (GOOD.replace('hold = "20s"', 'colour = "red"'), "steps[1].colour", "not a step field"),
        (GOOD.replace('art = "cobra-low.svg"', 'art = "../../../etc/passwd"'), "art", "file name"),
        (GOOD.replace('art = "cobra-low.svg"', 'art = "/etc/x.svg"'), "art", "file name"),
        (GOOD.split("[[steps]]")[0], "steps", "at least one"),
        ("extra = 1\n" + GOOD, "extra", "not a stretch field"),
        (GOOD.replace('"my-stretch"', '"other"'), "id", "must match"),
        (GOOD.replace('hold = "20s"', "hold = 30"), "steps[1].hold", '"30s"'),
    ],
)
def test_a_broken_user_file_is_reported_by_file_and_field_and_skipped(
    tmp_path: Path, text: str, field: str, words: str
) -> None:
    (tmp_path / "broken.toml").write_text(text.replace('"my-stretch"', '"broken"'))
    (tmp_path / "my-stretch.toml").write_text(GOOD)
    library = load_library(BUILTIN, tmp_path, ART)
    [problem] = library.problems
    assert problem.file == tmp_path / "broken.toml"
    assert problem.field == field
    assert words in problem.message
    assert "broken.toml" in str(problem)
    assert "my-stretch" in library.stretches  # the rest still loads
    assert set(library.stretches) >= ARTICLE_STRETCHES


def test_binary_and_oversized_files_are_reported(tmp_path: Path) -> None:
    (tmp_path / "binary.toml").write_bytes(b"\xff\xfe\x00\x01")
    (tmp_path / "huge.toml").write_text("# " + "x" * 300_000)
    library = load_library(BUILTIN, tmp_path, ART)
    messages = {p.file.name: p.message for p in library.problems}
    assert "UTF-8" in messages["binary.toml"]
    assert "at most" in messages["huge.toml"]


def test_a_missing_illustration_is_reported_but_the_stretch_loads(tmp_path: Path) -> None:
    (tmp_path / "my-stretch.toml").write_text(GOOD.replace("cobra-low.svg", "nowhere.svg"))
    library = load_library(BUILTIN, tmp_path, ART)
    assert "my-stretch" in library.stretches
    [problem] = library.problems
    assert problem.field == "art" and "nowhere.svg" in problem.message


def test_a_missing_user_folder_is_fine(tmp_path: Path) -> None:
    library = load_library(BUILTIN, tmp_path / "absent", ART)
    assert library.problems == []
