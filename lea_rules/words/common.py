"""Common: what every language's sentences share (the wrapped rule of a rule that wraps one)."""

from __future__ import annotations

from lea_rules.evaluation.reasons import Reason
from lea_rules.numbers import with_unit

__all__ = ["field", "inner", "with_unit"]


def inner(reason: Reason) -> Reason:
    assert reason.inner is not None, f"{reason.rule} wraps another rule"
    return reason.inner


def field(value: str | None) -> str:
    assert value is not None
    return value

