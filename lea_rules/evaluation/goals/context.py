"""Context: what one verdict may look at, and the GoalEvaluation every goal family returns."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from lea_rules.data.model import Observation, Progress, ReportedState
from lea_rules.data.units import DeclaredUnits
from lea_rules.evaluation.model import Explanation, GoalEvaluation
from lea_rules.evaluation.rules import Verdict
from lea_rules.nodes import Agenda, Goal, Indicator, Measure, Moment
from lea_rules.period import TargetMoment, moment_period
from lea_rules.verdict.status import GoalKind
from lea_rules.words.goals import describe_goal


@dataclass(frozen=True)
class Context:
    """Everything one verdict may look at: the agenda, the data and the writer's stand."""

    agenda: Agenda
    observations: Sequence[Observation]
    peiljaar: int
    stand: ReportedState | None = None
    stand_illustrative: bool = False
    units: DeclaredUnits | None = None  # eenheden.csv; None: no group has declared units
    yearly: Mapping[int, Progress] = field(default_factory=dict)  # voortgang-JJJJ.yaml by year

    def indicator(self, name: str) -> Indicator:
        """The declared indicator a goal names.

        The evaluation only sees checked agendas (`api.load_agenda` refuses one with errors), and
        the checker reports every goal's undeclared indicator, original or revised, as E200
        (checks/names.py). A missing indicator here is a bug in the caller, not a verdict.
        """
        indicator = self.agenda.indicator(name)
        if indicator is None:
            raise LookupError(f"indicator '{name}' is niet gedeclareerd (E200): evalueer alleen een "
                              "gecontroleerde agenda")
        return indicator


def deadline_of(agenda: Agenda, written: Moment | None, span_from: Goal) -> tuple[Moment, bool]:
    """The written target moment, or the end of the agenda's period (the report says so)."""
    if written is not None:
        return written, False
    return Moment(Measure.CALENDAR_YEAR, agenda.period[1], span_from.span), True


def moment_label(moment: Moment, implicit: bool) -> TargetMoment:
    return TargetMoment(moment_period(moment), implicit, moment.written)


def goal_evaluation(kind: GoalKind, goal: Goal, indicator: Indicator | None, verdict: Verdict, *,
                    past: bool, explanation: Explanation) -> GoalEvaluation:
    return GoalEvaluation(
        kind=kind, description=describe_goal(goal),
        indicator=indicator.name if indicator else None,
        indicator_label=indicator.label if indicator else None,
        unit=indicator.unit.value if indicator and indicator.unit else None,
        status=verdict.status, colour=verdict.status.colour, past=past, explanation=explanation)
