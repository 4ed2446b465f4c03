"""Checks: semantic rules over a built agenda, one module per family, run in order."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from lea_rules.checks import citations, direction, formulas, names, periods, results, units, usage
from lea_rules.checks.context import CheckContext
from lea_rules.diagnostics import Diagnostic

Check = Callable[[CheckContext], Iterable[Diagnostic]]

CHECKS: tuple[Check, ...] = (
    results.check,
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
        for diag in check(ctx):
            if diag.context is None:
                diag = replace(diag, context=ctx.context_at(diag.span.line))
            out.append(diag)
    return out


__all__ = ["CHECKS", "CheckContext", "run_checks"]
