"""Measure: a time written as a schooljaar on an indicator measured per kalenderjaar (W350).

A time counts in the calendar year in which it ends (docs/language.md, "Welk jaar een tijd telt"), so
`vanaf schooljaar 2025/2026` on a `meting: kalenderjaar` indicator is judged on the figures of 2026,
2027, ...: the writer who reads "schooljaar" may expect others. The warning says which figure counts
and how to write the same goal in the indicator's own terms. The reverse, `in 2027` on a schooljaar
indicator (the schooljaar that ends in 2027), is how documents write and is not warned about.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from lea_rules import nodes as n
from lea_rules.checks.context import CheckContext
from lea_rules.diagnostics import Diagnostic
from lea_rules.goal_values import goal_recurrence
from lea_rules.nodes import Measure
from lea_rules.tijdstip import Form

OTHER_WAY = "of zet 'meting: schooljaar' bij de indicator als de cijfers per schooljaar komen"


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for section, result, goal in ctx.goals():
        name = getattr(goal, "indicator", None)
        indicator = ctx.agenda.indicator(name) if isinstance(name, str) else None
        if indicator is None or indicator.measure is not Measure.CALENDAR_YEAR:
            continue
        where = ctx.section_context(section)
        said = f"'{indicator.name}' wordt per kalenderjaar gemeten (meting: kalenderjaar)"
        recurrence = goal_recurrence(goal)
        if recurrence is not None and recurrence.school_year:
            often = "om het jaar" if recurrence.step == 2 else "jaarlijks"
            new = f"{often} vanaf {recurrence.start}" if recurrence.start is not None else often
            first = (f"voor schooljaar {recurrence.start - 1}/{recurrence.start} telt de meting over "
                     f"{recurrence.start}" if recurrence.start is not None
                     else "voor elk schooljaar telt de meting over het kalenderjaar waarin het eindigt")
            yield ctx.warning(
                "W350", "schooljaar bij een kalenderjaarindicator",
                f"'{recurrence.written}' telt per schooljaar, maar {said}: {first}", recurrence.span,
                context=where,
                help=f"schrijf '{new}' in plaats van '{recurrence.written}' (dezelfde cijfers), {OTHER_WAY}")
        moments = [("het doelmoment", n.goal_deadline(goal))]
        if result.baseline is not None and goal is result.goals[0]:
            moments.append(("de basis", result.baseline[1]))
        for what, moment in moments:
            if moment is None or moment.kind is not Measure.SCHOOL_YEAR or (
                    moment.written is not None and moment.written.form is not Form.SCHOOL_YEAR):
                continue
            line = ctx.source.line_text(moment.span.line)
            span = moment.span
            if line[:span.column - 1].endswith("schooljaar "):  # `in schooljaar 2026/2027`: the word too
                span = replace(span, column=span.column - len("schooljaar "))
            written = line[span.column - 1:span.end_column - 1]
            end = moment.year + 1
            yield ctx.warning(
                "W350", "schooljaar bij een kalenderjaarindicator",
                f"{what} {moment.year}/{end} is een schooljaar, maar {said}: de meting over {end} telt, "
                f"het kalenderjaar waarin het schooljaar eindigt", span, context=where,
                help=f"schrijf '{end}' in plaats van '{written}' (dezelfde meting), {OTHER_WAY}")
