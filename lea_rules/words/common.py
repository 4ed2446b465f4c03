"""Common: what every language's sentences share (the wrapped rule of a rule that wraps one)."""

from __future__ import annotations

from lea_rules.evaluation.reasons import Reason


def inner(reason: Reason) -> Reason:
    assert reason.inner is not None, f"{reason.rule} wraps another rule"
    return reason.inner


def field(value: str | None) -> str:
    assert value is not None
    return value
