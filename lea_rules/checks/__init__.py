"""Checks: semantic rules over a built agenda, one module per family, run in order."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from lea_rules.checks import citations, direction, formulas, names, periods, units, usage
from lea_rules.checks.context import CheckContext
from lea_rules.diagnostics import Diagnostic

Check = Callable[[CheckContext], Iterable[Diagnostic]]

CHECKS: tuple[Check, ...] = (
    names.check,
    periods.check,
    units.check,
    direction.check,
    formulas.check,
    citations.check,
    usage.check,
)


def run_checks(ctx: CheckContext) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for check in CHECKS:
        out.extend(check(ctx))
    return out


__all__ = ["CHECKS", "CheckContext", "run_checks"]
