"""Checks: semantic rules over a built agenda, one module per family, run in order."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from lea_rules.checks import (
    citations,
    declarations,
    definitions,
    direction,
    formulas,
    measure,
    names,
    nesting,
    periods,
    planning,
    ranges,
    recurrence,
    references,
    results,
    sections,
    titles,
    unit_groups,
    units,
    usage,
)
from lea_rules.checks.context import CheckContext
from lea_rules.diagnostics import Diagnostic

Check = Callable[[CheckContext], Iterable[Diagnostic]]

WRITTEN: tuple[Check, ...] = (
    declarations.check,
    sections.check,
    definitions.check,
    ranges.check,
    titles.check,
)
"""The checks of what single lines say: they run also when a kop line is missing."""

CHECKS: tuple[Check, ...] = (
    *WRITTEN,
    results.check,
    nesting.check,
    names.check,
    periods.check,
    measure.check,
    planning.check,
    recurrence.check,
    units.check,
    unit_groups.check,
    direction.check,
    formulas.check,
    citations.check,
    references.check,
    usage.check,
)


def run_checks(ctx: CheckContext, complete: bool = True) -> list[Diagnostic]:
    """The diagnostics of every check; of the WRITTEN ones only when the agenda is not
    complete (a kop line is missing, see BuildResult.model)."""
    out: list[Diagnostic] = []
    for check in CHECKS if complete else WRITTEN:
        for diag in check(ctx):
            if diag.context is None:
                diag = replace(diag, context=ctx.context_at(diag.span.line))
            out.append(diag)
    return out


__all__ = ["CHECKS", "WRITTEN", "CheckContext", "run_checks"]
