"""Selection: which figures a verdict uses — baseline, window, the value for the target moment.

Shared by every goal family that reads a series; the rules (rules.py) then judge the numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from lea_rules.evaluation import rules
from lea_rules.evaluation.goals.context import Context
from lea_rules.evaluation.model import Status
from lea_rules.evaluation.rules import Verdict
from lea_rules.evaluation.series import SeriesPoint
from lea_rules.nodes import Measure, Moment, Result
from lea_rules.period import available, before_agenda, counts_for, just_before, moment_period, position
from lea_rules.verdict.figures import AgendaBaseline
from lea_rules.verdict.reasons import Reason, Rule
from lea_rules.verdict.status import BaselineKind


@dataclass(frozen=True)
class Baseline:
    point: SeriesPoint
    kind: BaselineKind


def available_points(ctx: Context, series: Sequence[SeriesPoint]) -> list[SeriesPoint]:
    """The numeric figures of periods that have ended by the peiljaar."""
    return [p for p in series if available(p.period, ctx.peiljaar) and p.value is not None]


def explicit_baseline(result: Result, measure: Measure, first_year: int) -> SeriesPoint | None:
    """The agenda's `basis:`; one without a date sits just before the period (`just_before`)."""
    if result.baseline is None:
        return None
    quantity, moment = result.baseline
    if quantity.number is None:
        return None
    if moment is None:
        return SeriesPoint(period=just_before(first_year, measure), value=quantity.number.value,
                           source=AgendaBaseline(undated=True), explicit=True, undated=True)
    return SeriesPoint(period=moment_period(moment), value=quantity.number.value,
                       source=AgendaBaseline(), explicit=True,
                       position=position(moment, measure))


def choose_baseline(ctx: Context, result: Result, points: Sequence[SeriesPoint], measure: Measure,
                    reference: Moment | None = None) -> Baseline | None:
    """Explicit baseline; else the year the target names; else the nulmeting; else the first."""
    explicit = explicit_baseline(result, measure, ctx.agenda.period[0])
    if explicit is not None:
        return Baseline(explicit, BaselineKind.EXPLICIT)
    if reference is not None:
        named = [p for p in points if counts_for(p.period, reference)]
        return Baseline(named[-1], BaselineKind.FROM_GOAL) if named else None
    before = [p for p in points if before_agenda(p.period, ctx.agenda.period[0])]
    if before:
        # Real before illustrative: a published figure from before the period is the nulmeting,
        # even when an illustrative one lies closer to the period's start.
        real = [p for p in before if not p.illustrative]
        return Baseline(real[-1] if real else before[-1], BaselineKind.NULMETING)
    return Baseline(points[0], BaselineKind.FIRST) if points else None


def final_point(points: Sequence[SeriesPoint], deadline: Moment, past: bool) -> SeriesPoint | None:
    """The measurement that counts for a past target moment: the latest candidate, if any."""
    if not past:
        return None
    candidates = [p for p in points if counts_for(p.period, deadline)]
    return candidates[-1] if candidates else None


def window(points: Sequence[SeriesPoint], baseline: SeriesPoint,
           until: SeriesPoint | None = None) -> list[SeriesPoint]:
    """The baseline and the observations after it (up to `until`).

    An observation at the moment of a `basis:` line is still a measurement: with the same value
    it is the baseline itself; with another value it follows the agenda's baseline (which stays y0).
    """
    later = [p for p in points if p.t > baseline.t and (until is None or p.start <= until.start)]
    same = [p for p in points if baseline.explicit and p.t == baseline.t]
    if same and same[-1].value == baseline.value:
        return [same[-1], *later]
    return [baseline, *same[-1:], *later]


def values(points: Sequence[SeriesPoint], level: Decimal | None = None) -> list[rules.TimeValue]:
    """(t, y) of every numeric point; for an exact level, the distance |y - level|."""
    pairs = [(p.t, p.value) for p in points if p.value is not None]
    return rules.to_distance(pairs, level) if level is not None else pairs


def pending(verdict: Verdict, keep_notes: bool = True) -> Verdict:
    """The target moment is past but its measurement is not in: the verdict so far, voorlopig."""
    return replace(verdict, status=Status.FINAL_PENDING,
                   rule=Reason(Rule.FINAL_PENDING, inner=verdict.rule),
                   share=None, notes=verdict.notes if keep_notes else ())

