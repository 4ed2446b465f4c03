"""Series: the observations of one indicator on its time axis, derived figures and series breaks."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from lea_rules.data.model import Observation, ObservationStatus
from lea_rules.evaluation.model import Point
from lea_rules.expr import evaluate_expr
from lea_rules.nodes import Agenda, Expr, Indicator, NameExpr, NegExpr, NumberExpr, expr_names
from lea_rules.period import Period
from lea_rules.verdict.figures import Derived, Source
from lea_rules.words import nl


@dataclass(frozen=True)
class SeriesPoint:
    """One figure on the time axis, with where it came from."""

    period: Period
    value: Decimal | None
    source: Source
    rating: str | None = None
    flag: bool | None = None
    status: str = ObservationStatus.FINAL.value
    illustrative: bool = False
    series: str | None = None
    note: str | None = None
    explicit: bool = False  # a baseline written in the agenda, not an observation
    position: Decimal | None = None  # set for an explicit baseline of another kind of period
    inputs: tuple[tuple[str, Decimal], ...] = ()  # a derived figure: the inputs of its formula
    undated: bool = False  # a `basis:` without a date, placed just before the period

    @property
    def derived(self) -> bool:
        return bool(self.inputs)

    @property
    def t(self) -> Decimal:
        return self.position if self.position is not None else self.period.axis

    @property
    def start(self) -> date:
        return self.period.start

    @property
    def end_year(self) -> int:
        return self.period.end_year

    def to_point(self) -> Point:
        return Point(period=self.period, t=self.t, value=self.value,
                     rating=self.rating if self.flag is None else ("ja" if self.flag else "nee"),
                     source=self.source, status=self.status, illustrative=self.illustrative,
                     note=self.note, series=self.series, undated=self.undated)


def from_observation(obs: Observation) -> SeriesPoint:
    return SeriesPoint(period=obs.period, value=obs.value, source=obs.source,
                       rating=obs.rating, flag=obs.flag, status=obs.status.value,
                       illustrative=obs.illustrative, series=obs.series, note=obs.note)


def _ordered(points: Iterable[SeriesPoint]) -> list[SeriesPoint]:
    """Sorted by time; one point per period (the store never holds two, but stay deterministic)."""
    by_period: dict[str, SeriesPoint] = {}
    for point in sorted(points, key=lambda p: (p.start, p.period.text, nl.source(p.source), str(p.value))):
        by_period[p_key(point)] = point
    return sorted(by_period.values(), key=lambda p: (p.start, p.period.text))


def p_key(point: SeriesPoint) -> str:
    return point.period.text


def totals(indicator: Indicator, observations: Sequence[Observation], agenda: Agenda,
           _seen: frozenset[str] = frozenset()) -> list[SeriesPoint]:
    """The indicator's own totals; for a derived indicator without them, its formula per period."""
    return _series(indicator, observations, agenda, None, _seen)


def unit_series(indicator: Indicator, observations: Sequence[Observation], agenda: Agenda,
                unit: str) -> list[SeriesPoint]:
    """One unit's figures (a wijk, an IKC); for a derived indicator without them, its formula
    per period over the inputs of that same unit."""
    return _series(indicator, observations, agenda, unit.casefold(), frozenset())


def _series(indicator: Indicator, observations: Sequence[Observation], agenda: Agenda,
            unit: str | None, seen: frozenset[str]) -> list[SeriesPoint]:
    """`unit` None: the totals; else the figures of that unit (compared without case)."""
    own = [from_observation(o) for o in observations
           if o.indicator.casefold() == indicator.key
           and (o.breakdown is None if unit is None
                else o.breakdown is not None and o.breakdown.casefold() == unit)]
    if own or indicator.formula is None or indicator.key in seen:
        return _ordered(own)
    seen = seen | {indicator.key}
    parts: dict[str, dict[str, SeriesPoint]] = {}
    for name in {n.name.casefold() for n in expr_names(indicator.formula)}:
        part = agenda.indicator(name)
        series = _series(part, observations, agenda, unit, seen) if part is not None else []
        parts[name] = {p.period.text: p for p in series if p.value is not None}
    if not parts:
        return []
    periods = set.intersection(*(set(v) for v in parts.values()))
    derived: list[SeriesPoint] = []
    for text in periods:
        used = [parts[name][text] for name in parts]
        inputs = {name: parts[name][text].value or Decimal(0) for name in parts}
        value = evaluate_expr(indicator.formula, inputs)
        if value is None:
            continue  # division by zero: no figure, never zero
        provisional = any(p.status == ObservationStatus.PROVISIONAL.value for p in used)
        labels = {p.series for p in used if p.series is not None}
        derived.append(SeriesPoint(
            period=used[0].period, value=value, source=Derived(),
            status=(ObservationStatus.PROVISIONAL if provisional else ObservationStatus.FINAL).value,
            illustrative=any(p.illustrative for p in used),
            series="+".join(sorted(labels)) if labels else None,
            note="berekend uit " + ", ".join(sorted(parts)),
            inputs=tuple(sorted(inputs.items()))))
    return _ordered(derived)


_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2}


def formula_text(expr: Expr, name: Callable[[str], str] = str,
                 number: Callable[[NumberExpr], str] = lambda n: n.number.text,
                 times: str = "*") -> str:
    """A formula written out, with brackets only where they are needed.

    `name` writes an indicator name (as written in the agenda) or the value that stands
    in for it; `times` is the multiplication sign (`×` for readers, `*` as in the agenda).
    """
    def write(e: Expr) -> tuple[str, int]:
        if isinstance(e, NumberExpr):
            return number(e), 3
        if isinstance(e, NameExpr):
            return name(e.name), 3
        if isinstance(e, NegExpr):
            inner, level = write(e.operand)
            return "-" + (inner if level == 3 else f"({inner})"), 3
        mine = _PRECEDENCE[e.op]
        left, left_level = write(e.left)
        right, right_level = write(e.right)
        if left_level < mine:
            left = f"({left})"
        if right_level < mine or (right_level == mine and e.op in "-/"):
            right = f"({right})"
        sign = times if e.op == "*" else e.op
        return f"{left} {sign} {right}", mine

    return write(expr)[0]


def unit_observations(indicator: Indicator, observations: Sequence[Observation]
                      ) -> dict[Period, list[Observation]]:
    """Per period, the per-unit observations of the indicator."""
    out: dict[Period, list[Observation]] = {}
    for obs in observations:
        if obs.indicator.casefold() == indicator.key and obs.breakdown is not None:
            out.setdefault(obs.period, []).append(obs)
    return out


def has_break(points: Sequence[SeriesPoint]) -> bool:
    """The source or definition changed inside the window: two different `reeks` labels.

    An empty label says nothing about the series: figures without a label followed by figures
    with one are the same series being named, not a new definition. Only two different
    stated labels are a break.
    """
    labels = {p.series for p in points if not p.explicit and p.series is not None}
    return len(labels) > 1
