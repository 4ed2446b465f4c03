"""Notation: numbers, amounts, dates and periods in Dutch (or English) notation.

Numbers go through the one number formatter (`numbers.format_number`: the decimal comma and
the thousands dot, or the English point and comma); the month names of a date come from the
locale data of Babel.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from babel.dates import format_date

from lea_rules.evaluation.shown_units import euro_text, unit_words, value_text
from lea_rules.numbers import format_number
from lea_rules.period import IMPLICIT, Period, TargetMoment
from lea_rules.report.i18n import LOCALES, text

Number = float | Decimal | int


class Notation:
    """Formats values for one language; `geen gegevens` stands in for a missing value."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.locale = LOCALES.get(lang, LOCALES["nl"])

    # --- plain numbers ---------------------------------------------------
    def number(self, value: Number, decimals: int = 2) -> str:
        """At most `decimals` decimals: `83,67`, `10.884`."""
        return format_number(value, decimals, lang=self.lang)

    def signed(self, value: Number, decimals: int = 2) -> str:
        """With its sign: `+1,2`, `-3`, `+0`."""
        return format_number(value, decimals, lang=self.lang, signed=True)

    def missing(self) -> str:
        return text("no_data", self.lang)

    # --- values with the unit of their indicator ---------------------------
    def value(self, value: Number | None, unit: str | None) -> str:
        """`83,7%`, `10.884`, `5 uur per week`, `€ 50.000`; `geen gegevens` for None."""
        if value is None:
            return self.missing()
        return value_text(value, unit, self.lang, 0 if unit == "aantal" else 2)

    def change(self, value: Number | None, unit: str | None) -> str:
        """A change per year: `+1,2 procentpunt per jaar`, `-3 per jaar`."""
        if value is None:
            return self.missing()
        shown = self.signed(value)
        if unit == "%":
            return f"{shown} {text('pp_per_year', self.lang)}"
        words = unit_words(unit, self.lang)
        per_year = text("per_year", self.lang)
        return f"{shown} {words} {per_year}" if words else f"{shown} {per_year}"

    def euro(self, value: Number) -> str:
        """Whole euros: `€ 50.000` (English `€50,000`), a negative amount `-€ 5`."""
        return euro_text(value, self.lang)

    # --- time ---------------------------------------------------------------
    def date(self, value: date | datetime | str | None) -> str:
        if value is None:
            return self.missing()
        if isinstance(value, str):
            try:
                value = date.fromisoformat(value[:10])
            except ValueError:
                return str(value)
        if isinstance(value, datetime):
            value = value.date()
        return str(format_date(value, format="long", locale=self.locale))

    def period(self, period: Period | TargetMoment | None) -> str:
        """`2023`, `2022/2023` as written; a peildatum `2022-01-01` becomes `1 januari 2022`.

        A target moment taken from the end of the agenda keeps its `(einde periode)`.
        """
        if period is None:
            return self.missing()
        if isinstance(period, TargetMoment):
            end = IMPLICIT if self.lang == "nl" else " (end of period)"
            return self.period(period.period) + (end if period.implicit else "")
        if period.day is not None:
            return self.date(period.day)
        return period.text
