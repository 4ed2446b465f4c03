"""Common: what every language's sentences share (the wrapped rule of a rule that wraps one)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from lea_rules.numbers import with_unit
from lea_rules.period import Period
from lea_rules.verdict.reasons import Reason, UnitCount

__all__ = ["field", "how_many", "inner", "listed", "named_once", "units_percent", "with_unit"]


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


def named_once(rule: str, final: Period | None) -> str:
    """Which measurement counts, then the one that did after a colon, unless the rule names it
    already (`de meting over 2025`, not `de meting over 2025: 2025`)."""
    return rule if final is None or final.text in rule else f"{rule}: {final.text}"


def listed(items: tuple[str, ...], last: str) -> str:
    """`2023, 2024 en 2025` (`last`: the word before the last item, `en` or `and`)."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"
