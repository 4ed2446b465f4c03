"""Rules: the pure status functions of evaluation-method.md, on exact decimals.

Each function takes numbers that the engine has already selected (baseline first, then the
observations up to the peiljaar) and returns a Verdict: the status and the figures it came
from. Nothing here reads files, knows about indicators or prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from lea_rules.data.model import ReportedState
from lea_rules.nodes import Comparator
from lea_rules.verdict.notes import Note, Remark
from lea_rules.verdict.reasons import Reason, Rule
from lea_rules.verdict.status import Status

ON_TRACK = Decimal("0.95")
"""Eurostat SDG thresholds for the ratio of actual to required change per year."""
ACCELERATE = Decimal("0.60")
ALMOST = Decimal("0.95")

TimeValue = tuple[Decimal, Decimal]  # (t, y)


@dataclass(frozen=True)
class Target:
    """`met(y)`: the comparator holds. For `=`, `tolerance` is the allowed distance."""

    comparator: Comparator
    value: Decimal
    tolerance: Decimal | None = None

    @property
    def direction(self) -> int:
        return self.comparator.direction

    def met(self, y: Decimal) -> bool:
        x = self.value
        if self.comparator is Comparator.GE:
            return y >= x
        if self.comparator is Comparator.GT:
            return y > x
        if self.comparator is Comparator.LE:
            return y <= x
        if self.comparator is Comparator.LT:
            return y < x
        return abs(y - x) <= (self.tolerance or Decimal(0))


def whole_target(comparator: Comparator, value: Decimal) -> Target:
    """For whole counts a strict comparator becomes the non-strict one on the next whole number.

    `< 10` is `<= 9`, `> 5` is `>= 6`, `< 9,5` is `<= 9`.
    """
    if comparator is Comparator.LT:
        below = value.to_integral_value(rounding=ROUND_CEILING) - 1
        return Target(Comparator.LE, below)
    if comparator is Comparator.GT:
        above = value.to_integral_value(rounding=ROUND_FLOOR) + 1
        return Target(Comparator.GE, above)
    return Target(comparator, value)


def default_tolerance(decimals: int) -> Decimal:
    """Half a unit of the last decimal written: `1,9` -> 0,05; `16` -> 0,5."""
    return Decimal(5) * Decimal(10) ** -(decimals + 1)


def distance_target(tolerance: Decimal) -> Target:
    """An exact level is judged as lower-is-better on the distance |y - X|."""
    return Target(Comparator.LE, tolerance)


def to_distance(points: Sequence[TimeValue], level: Decimal) -> list[TimeValue]:
    return [(t, abs(y - level)) for t, y in points]


def slope(points: Sequence[TimeValue]) -> Decimal | None:
    """Least-squares slope with 3 or more points, else (yt - y0) / (t - t0); None for one point."""
    if len(points) < 2:
        return None
    if len(points) == 2:
        (t0, y0), (t1, y1) = points
        return None if t1 == t0 else (y1 - y0) / (t1 - t0)
    n = Decimal(len(points))
    mean_t = sum((t for t, _ in points), Decimal(0)) / n
    mean_y = sum((y for _, y in points), Decimal(0)) / n
    sxx = sum(((t - mean_t) ** 2 for t, _ in points), Decimal(0))
    if sxx == 0:
        return None
    sxy = sum(((t - mean_t) * (y - mean_y) for t, y in points), Decimal(0))
    return sxy / sxx


def projection(points: Sequence[TimeValue], t_target: Decimal,
               bounds: tuple[Decimal | None, Decimal | None]) -> Decimal | None:
    """yt + a * (tT - t), clipped to the indicator's bounds; for display only."""
    a = slope(points)
    if a is None:
        return None
    t, yt = points[-1]
    value = yt + a * (t_target - t)
    low, high = bounds
    if low is not None and value < low:
        value = low
    if high is not None and value > high:
        value = high
    return value


@dataclass(frozen=True)
class Verdict:
    status: Status
    rule: Reason
    required: Decimal | None = None  # r
    actual: Decimal | None = None  # a
    ratio: Decimal | None = None  # R
    last_change: Decimal | None = None  # two-signal rule
    indicative: bool = False
    share: Decimal | None = None  # at the deadline, not met: (y_tT - y0) / (X - y0)
    notes: tuple[Note, ...] = field(default_factory=tuple)


def before_deadline(points: Sequence[TimeValue], target: Target, t_target: Decimal) -> Verdict:
    """Table "Before the deadline". points[0] is the baseline (t0, y0), points[-1] the latest."""
    if not points:
        return Verdict(Status.NO_DATA, Reason(Rule.NO_POINT_SINCE_BASELINE))
    t0, y0 = points[0]
    _, yt = points[-1]
    d = target.direction
    if len(points) == 1 or slope(points) is None:  # one point, or all on one moment
        if target.met(yt):
            return Verdict(Status.ALREADY_MET, Reason(Rule.ONE_POINT_MET), indicative=True)
        return Verdict(Status.TOO_FEW_POINTS, Reason(Rule.ONE_POINT), indicative=True,
                       notes=(Note(Remark.ONE_POINT_NOT_MET),))
    a = slope(points)
    assert a is not None
    indicative = len(points) < 3
    r = (target.value - y0) / (t_target - t0) if t_target > t0 else None
    keep = target.met(y0) or r is None or d * r <= 0
    # A met target and a keep-it target are decided by met(yt) and the sign of a alone: the
    # required change and the ratio mean nothing for them (r points the wrong way or is passed),
    # so they are not shown.
    if target.met(yt):
        if d * a >= 0:
            return Verdict(Status.ALREADY_MET, Reason(Rule.MET_STEADY), actual=a, indicative=indicative)
        return Verdict(Status.MET_DETERIORATING, Reason(Rule.MET_WORSENING), actual=a, indicative=indicative)
    if r == 0 and not target.met(y0):
        # A strict target from exactly its boundary (`> 50%` from 50): any move in the right
        # direction is progress, so it is judged on direction (two signals) until the deadline.
        signals = two_signals(points, d)
        return Verdict(signals.status, Reason(Rule.STRICT_FROM_BOUNDARY, inner=signals.rule),
                       actual=signals.actual,
                       last_change=signals.last_change, indicative=signals.indicative,
                       notes=signals.notes)
    if keep:
        return Verdict(Status.WRONG_DIRECTION, Reason(Rule.KEEP_LOST), actual=a, indicative=indicative)
    assert r is not None
    ratio = _exact(a * (t_target - t0) / (target.value - y0))
    if ratio >= ON_TRACK:
        status, rule = Status.ON_TRACK, Rule.RATIO_ON_TRACK
    elif ratio >= ACCELERATE:
        status, rule = Status.ACCELERATION_NEEDED, Rule.RATIO_ACCELERATE
    elif ratio >= 0:
        status, rule = Status.INSUFFICIENT_PROGRESS, Rule.RATIO_INSUFFICIENT
    else:
        status, rule = Status.WRONG_DIRECTION, Rule.RATIO_NEGATIVE
    return Verdict(status, Reason(rule), r, a, ratio, indicative=indicative)


RATIO_QUANTUM = Decimal("1e-12")


def _exact(value: Decimal) -> Decimal:
    """Ratios are compared with the thresholds after rounding to 12 decimals, so that a ratio
    that is 0,6 on paper (1 / (5/3)) is not 0,5999... because 5/3 has no exact decimal form."""
    return value.quantize(RATIO_QUANTUM)


def at_deadline(y0: Decimal, y_final: Decimal, target: Target, comparable: bool = True) -> Verdict:
    """Table "At or after the deadline", judged on the value for the target moment.

    `comparable` False: a series break lies between the baseline and the final value. Whether
    the final value meets the target is still judged; the comparison with the baseline
    (Nagenoeg behaald, wel verbeterd) would cross the break, so a miss is Niet behaald.
    """
    d = target.direction
    if target.met(y_final):
        return Verdict(Status.ACHIEVED, Reason(Rule.FINAL_MET))
    if not comparable:
        return Verdict(Status.NOT_ACHIEVED, Reason(Rule.FINAL_MISSED_ACROSS_BREAK))
    gap = target.value - y0
    # The share of the required change that was achieved decides between the three "not met"
    # rows, so it is shown with each; it exists only when the baseline did not meet the target.
    share = _exact((y_final - y0) / gap) if gap != 0 and d * gap > 0 else None
    if share is not None and share >= ALMOST:
        return Verdict(Status.ALMOST_ACHIEVED, Reason(Rule.FINAL_ALMOST), share=share)
    if d * (y_final - y0) > 0:
        return Verdict(Status.NOT_ACHIEVED_IMPROVED, Reason(Rule.FINAL_IMPROVED), share=share)
    if share is None:
        return Verdict(Status.NOT_ACHIEVED, Reason(Rule.FINAL_MISSED_BASE_MET if target.met(y0)
                                                   else Rule.FINAL_MISSED_BASE_ON_BOUNDARY))
    return Verdict(Status.NOT_ACHIEVED, Reason(Rule.FINAL_NOT_BETTER), share=share)


def at_deadline_alone(y_final: Decimal, target: Target) -> Verdict:
    """At the deadline with no earlier measurement: the value for the target moment is its own basis,
    so only whether it meets counts (a share of the change from itself would be 0 by definition)."""
    if target.met(y_final):
        return Verdict(Status.ACHIEVED, Reason(Rule.FINAL_MET))
    return Verdict(Status.NOT_ACHIEVED, Reason(Rule.FINAL_MISSED_NO_BASELINE))


def two_signals(points: Sequence[TimeValue], direction: int, trend: bool = False) -> Verdict:
    """Direction only: the average yearly change and the last yearly change.

    Both right: Op koers; average right, last wrong or zero: Versnelling nodig; average
    wrong or zero, last right: Onvoldoende voortgang; both wrong: Verkeerde richting. Both
    zero is Onvoldoende voortgang (no movement); one zero and one wrong is Verkeerde richting.
    """
    if not points:
        return Verdict(Status.NO_DATA, Reason(Rule.SIGNALS_NO_DATA, trend=trend))
    if len(points) == 1:
        return Verdict(Status.TOO_FEW_POINTS, Reason(Rule.SIGNALS_ONE_POINT, trend=trend), indicative=True)
    (t0, y0), (tp, yp), (t, yt) = points[0], points[-2], points[-1]
    if t in (t0, tp):
        return Verdict(Status.TOO_FEW_POINTS, Reason(Rule.SIGNALS_SAME_MOMENT, trend=trend), indicative=True)
    avg = (yt - y0) / (t - t0)
    last = (yt - yp) / (t - tp)
    sa, sl = _sign(direction * avg), _sign(direction * last)
    if sa > 0 and sl > 0:
        status, rule = Status.ON_TRACK, Rule.SIGNALS_BOTH_RIGHT
    elif sa > 0:
        status, rule = Status.ACCELERATION_NEEDED, Rule.SIGNALS_LAST_WRONG
    elif sl > 0:
        status, rule = Status.INSUFFICIENT_PROGRESS, Rule.SIGNALS_AVERAGE_WRONG
    elif sa == 0 and sl == 0:
        status, rule = Status.INSUFFICIENT_PROGRESS, Rule.SIGNALS_NO_CHANGE
    else:
        status, rule = Status.WRONG_DIRECTION, Rule.SIGNALS_BOTH_WRONG
    notes = (Note(Remark.TWO_POINTS),) if len(points) == 2 else ()
    return Verdict(status, Reason(rule, trend=trend), actual=avg, last_change=last,
                   indicative=len(points) < 3, notes=notes)


def _sign(value: Decimal) -> int:
    return (value > 0) - (value < 0)


def direction_at_deadline(y_ref: Decimal, y_final: Decimal, direction: int) -> Verdict:
    """`gedaald in 2027 t.o.v. 2024`: met is strictly below (above) the reference value."""
    if direction * (y_final - y_ref) > 0:
        return Verdict(Status.ACHIEVED, Reason(Rule.DIRECTION_MET, direction=direction))
    return Verdict(Status.NOT_ACHIEVED, Reason(Rule.DIRECTION_MISSED, direction=direction))


REPORTED: dict[ReportedState, Status] = {
    ReportedState.REALISED: Status.ACHIEVED,
    ReportedState.ON_SCHEDULE: Status.ON_TRACK,
    ReportedState.DELAYED: Status.ACCELERATION_NEEDED,
    ReportedState.AT_RISK: Status.ACCELERATION_NEEDED,
    ReportedState.NOT_REALISED: Status.NOT_ACHIEVED,
    ReportedState.STOPPED: Status.NOT_ACHIEVED,
    ReportedState.NOT_STARTED: Status.NOT_STARTED,
}


def reported(stand: ReportedState | None) -> Verdict:
    """Milestones and qualitative results: the writer's reported state for the peiljaar."""
    if stand is None:
        return Verdict(Status.NOT_ASSESSED, Reason(Rule.NOT_ASSESSED))
    return Verdict(REPORTED[stand], Reason(Rule.REPORTED, stand=stand))


def rating_met(observed: str, required: str, comparator: Comparator, order: Sequence[str]) -> bool:
    """A categorical value: equal to the required one, or (with an order) on the right side of it."""
    obs, req = observed.casefold(), required.casefold()
    if comparator is Comparator.EQ:
        return obs == req
    ranks = [o.casefold() for o in order]
    if obs not in ranks or req not in ranks:
        return False
    return Target(comparator, Decimal(ranks.index(req))).met(Decimal(ranks.index(obs)))
