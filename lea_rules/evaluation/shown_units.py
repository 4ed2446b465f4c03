"""A value with its unit, as the report and the terminal table both write it.

`83,7%`, `12`, `5 uur per week`, `€ 50.000`. A count over units is a number or a share of
units (`4 van 6 voorscholen`, `alle voorscholen`: 66,67%), not the ja/nee of the indicator.
Light on purpose (no Babel, no Jinja): `lea evaluate` prints its table with it.
"""

from __future__ import annotations

from decimal import Decimal

from lea_rules.evaluation.model import GoalEvaluation, GoalKind
from lea_rules.numbers import format_number

# The words written after a number of each unit (Dutch, English); '' for a bare number.
UNIT_WORDS: dict[str, tuple[str, str]] = {
    "%": ("%", "%"),
    "aantal": ("", ""),
    "uur per week": ("uur per week", "hours per week"),
    "uur": ("uur", "hours"),
    "dagen": ("dagen", "days"),
    "weken": ("weken", "weeks"),
    "maanden": ("maanden", "months"),
    "jaar": ("jaar", "years"),
    "euro": ("euro", "euro"),
    "score": ("", ""),
    "getal": ("", ""),
}


def unit_words(unit: str | None, lang: str) -> str:
    if unit is None:
        return ""
    pair = UNIT_WORDS.get(unit, (unit, unit))
    return pair[1] if lang == "en" else pair[0]


def display_unit(goal: GoalEvaluation) -> str | None:
    """The unit of the figures of a goal. Counting over units gives a number or a share of
    units (`tenminste 6 IKC`, `alle IKC (100%)`), not the ja/nee of the indicator."""
    if goal.kind is GoalKind.UNITS:
        return "%" if goal.explanation.units_share else "aantal"
    return goal.unit


def euro_text(value: Decimal | int | float, lang: str = "nl") -> str:
    """Whole euros: `€ 50.000` (English `€50,000`), a negative amount `-€ 5`."""
    shown = format_number(value, 0, lang=lang)
    sign, digits = ("-", shown[1:]) if shown.startswith("-") else ("", shown)
    return f"{sign}€ {digits}" if lang == "nl" else f"{sign}€{digits}"


def value_text(value: Decimal | int | float, unit: str | None, lang: str = "nl",
               decimals: int = 2) -> str:
    """The value in its unit: `%` right after the number, euros before it, other words after it."""
    if unit == "%":
        return f"{format_number(value, decimals, lang=lang)}%"
    if unit == "euro":
        return euro_text(value, lang)
    words = unit_words(unit, lang)
    shown = format_number(value, decimals, lang=lang)
    return f"{shown} {words}" if words else shown
