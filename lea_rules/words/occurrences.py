"""The occurrences of a recurring goal as one compact row: a mark and a word for each one.

`2024 ✓ Behaald · 2025 ✗ Niet behaald · 2026 … nog te komen`: the mark says met (✓), missed
(✗), no verdict (?) or still to come (…), and the status word beside it says the same for
whoever reads without colour or prints in black and white. An occurrence of a `streven:` is said
as a streven (`2025 ✗ Streven niet bereikt`), in its colour, never red (verdict/aspiration.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from lea_rules.verdict.aspiration import Aspiration
from lea_rules.verdict.status import Colour, Status

MARK = {Colour.GREEN: "✓", Colour.ORANGE: "✗", Colour.RED: "✗", Colour.GREY: "?"}
UPCOMING_MARK = "…"
UPCOMING = {"nl": "nog te komen", "nl_plain": "nog te komen", "en": "still to come"}
LABEL = {"nl": "per keer", "nl_plain": "per keer", "en": "each time"}
THIS_TIME = {"nl": "deze keer", "nl_plain": "deze keer", "en": "this time"}
FIRST_TIME = {"nl": "eerste keer", "nl_plain": "eerste keer", "en": "first time"}


class Occurring(Protocol):
    """What the row needs of an occurrence (evaluation.model.Occurrence)."""

    @property
    def moment(self) -> object: ...
    @property
    def upcoming(self) -> bool: ...
    @property
    def status(self) -> Status: ...
    @property
    def colour(self) -> Colour: ...
    @property
    def aspiration_status(self) -> Aspiration | None: ...


def status_word(status: Status | Aspiration, lang: str) -> str:
    if lang == "en":
        from lea_rules.words import en

        return en.status(status)
    return str(status.value)


def shown_colour(occurrence: Occurring) -> Colour:
    """The colour the occurrence is shown in: a streven's is never red."""
    shown = occurrence.aspiration_status
    return shown.colour if shown is not None else occurrence.colour


def mark(occurrence: Occurring) -> str:
    return UPCOMING_MARK if occurrence.upcoming else MARK[shown_colour(occurrence)]


def cell(occurrence: Occurring, lang: str) -> str:
    """`✓ Behaald`, `✗ Streven niet bereikt`, `… nog te komen`: the mark with its word."""
    word = (UPCOMING[lang] if occurrence.upcoming
            else status_word(occurrence.aspiration_status or occurrence.status, lang))
    return f"{mark(occurrence)} {word}"


def row(occurrences: Sequence[Occurring], lang: str = "nl") -> str:
    """`per keer: 2024 ✓ Behaald · 2025 ✗ Niet behaald · 2026 … nog te komen`."""
    return f"{LABEL[lang]}: " + " · ".join(f"{o.moment} {cell(o, lang)}" for o in occurrences)


def deciding(occurrences: Sequence[Occurring], moment: str, lang: str = "nl") -> str:
    """`(deze keer: 2025)`: which occurrence the goal's status and figures are of, said after its
    recurrence (`mijlpaal jaarlijks (deze keer: 2025)`), never glued to it as a moment (`mijlpaal
    jaarlijks in 2025`). The latest occurrence up to the peiljaar decides; when all are still to
    come, the first: `(eerste keer: 2026)`."""
    first = bool(occurrences) and all(o.upcoming for o in occurrences)
    return f"({(FIRST_TIME if first else THIS_TIME)[lang]}: {moment})"
