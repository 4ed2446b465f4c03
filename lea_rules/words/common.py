"""Common: what every language's sentences share (the wrapped rule of a rule that wraps one)."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from lea_rules.numbers import with_unit
from lea_rules.period import Period
from lea_rules.verdict.reasons import Reason, UnitCount

__all__ = ["field", "how_many", "inner", "listed", "moment", "named_once", "units_percent", "with_unit"]

_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def moment(text: str, lang: str = "nl") -> str:
    """A period as the reader says it: `2025`, `2024/2025` as they are; a peildatum `2025-01-01`
    becomes `1 januari 2025` (`1 January 2025`), never a raw ISO date."""
    found = _ISO_DAY.fullmatch(text)
    if found is None:
        return text
    from lea_rules.tijdstip import MONTH_NAMES, MONTHS_EN

    year, month, day = (int(g) for g in found.groups())
    months = MONTHS_EN if lang == "en" else MONTH_NAMES
    return f"{day} {months[month - 1]} {year}"


def inner(reason: Reason) -> Reason:
    assert reason.inner is not None, f"{reason.rule} wraps another rule"
    return reason.inner


def field(value: str | None) -> str:
    assert value is not None
    return value


def units_percent(count: UnitCount) -> str:
    """The share of the declared units that meet, in whole percents: `67%` for 4 of 6."""
    if not count.declared:
        return "0%"
    share = (Decimal(count.meeting) * 100 / count.declared).to_integral_value(rounding=ROUND_HALF_UP)
    return f"{share}%"


def how_many(value: Decimal | None) -> int:
    """The count a group name agrees with (`1 IKC`, `2 IKC's`); plural when it is not known."""
    return 2 if value is None else int(value)


def named_once(rule: str, final: Period | None, lang: str = "nl") -> str:
    """Which measurement counts, then the one that did after a colon, unless the rule names it
    already (`de meting over 2025`, not `de meting over 2025: 2025`); a day in words."""
    if final is None:
        return rule
    shown = moment(final.text, lang)
    return rule if final.text in rule or shown in rule else f"{rule}: {shown}"


def listed(items: tuple[str, ...], last: str) -> str:
    """`2023, 2024 en 2025` (`last`: the word before the last item, `en` or `and`)."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"
