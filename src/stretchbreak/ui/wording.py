"""The words several windows share, translated when they are shown: a stretch's own texts (looked up under
the context "stretch:<id>", which scripts/translations fills from the stretch files), durations, sides and
repetitions, and `fill` for Qt's %1-style placeholders.

The core stays free of Qt and of translation; everything it hands over in English is translated here.
Texts from files (a stretch's, a setting's) are shown as text, never as markup: see `as_rich_text`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from stretchbreak.core.stretches import Step, Stretch

translate = QCoreApplication.translate


def fill(text: str, *values: object) -> str:
    """Put `values` into the placeholders %1, %2, ... of a translated `text`, highest number first so %1
    never eats the start of %10."""
    for number in range(len(values), 0, -1):
        text = text.replace(f"%{number}", str(values[number - 1]))
    return text


def as_rich_text(text: str) -> str:
    """`text` as a paragraph of rich text that shows it literally, for the places Qt guesses whether a text
    is markup (tooltips): a tag in a stretch file must not load an image or a link."""
    # By hand: the html module's import brings its table of 2,000 named entities, which nothing here needs.
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "<p>" + escaped.replace("\n", "<br>") + "</p>"


def stretch_context(stretch_id: str) -> str:
    return f"stretch:{stretch_id}"


def stretch_text(stretch_id: str, text: str) -> str:
    """One of a stretch's texts in the user's language; a text nobody translated (a user's own stretch, or
    an edited built-in one) shows as written."""
    return translate(stretch_context(stretch_id), text) if text else text


def stretch_name(stretch: Stretch) -> str:
    return stretch_text(stretch.id, stretch.name)


def stretch_summary(stretch: Stretch) -> str:
    return stretch_text(stretch.id, stretch.summary)


def stretch_caution(stretch: Stretch) -> str:
    return stretch_text(stretch.id, stretch.caution)


def step_text(stretch: Stretch, step: Step) -> str:
    return stretch_text(stretch.id, step.text)


def side_text(side: str) -> str:
    if side == "left":
        return translate("Wording", "Left side")
    if side == "right":
        return translate("Wording", "Right side")
    return side


def reps_text(reps: int) -> str:
    return translate("Wording", "%n time(s)", None, reps)


def duration_text(seconds: float) -> str:
    """A duration for people: "1 h 30 min", "45 s" (whole seconds, zero parts left out)."""
    total = max(0, round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    parts = []
    if hours:
        parts.append(fill(translate("Wording", "%1 h", "hours"), hours))
    if minutes:
        parts.append(fill(translate("Wording", "%1 min", "minutes"), minutes))
    if secs or not parts:
        parts.append(fill(translate("Wording", "%1 s", "seconds"), secs))
    return translate("Wording", " ", "separator between the hours, minutes and seconds of a duration").join(parts)
