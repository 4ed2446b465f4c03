"""Common: what every language's sentences share (the wrapped rule of a rule that wraps one)."""

from __future__ import annotations

from decimal import Decimal

from lea_rules.numbers import with_unit
from lea_rules.verdict.reasons import Reason

__all__ = ["field", "how_many", "inner", "with_unit"]


def inner(reason: Reason) -> Reason:
    assert reason.inner is not None, f"{reason.rule} wraps another rule"
    return reason.inner


def field(value: str | None) -> str:
    assert value is not None
    return value


def how_many(value: Decimal | None) -> int:
    """The count a group name agrees with (`1 IKC`, `2 IKC's`); plural when it is not known."""
    return 2 if value is None else int(value)
