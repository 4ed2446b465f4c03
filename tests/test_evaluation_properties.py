"""Properties of the evaluation that must hold for any data (hypothesis).

The quick profile runs by default; `pytest -m slow` runs the same properties on many more cases.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache

import pytest
from evaluation_helpers import AGENDA, build_agenda, obs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lea_rules.data.model import Observation
from lea_rules.evaluation.engine import evaluate
from lea_rules.evaluation.model import Colour, GoalEvaluation, Status
from lea_rules.nodes import Agenda
from lea_rules.numbers import format_dutch

RANK = {Colour.RED: 0, Colour.ORANGE: 1, Colour.GREEN: 2}
YEARS = range(2021, 2029)
QUICK = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])

values = st.integers(min_value=0, max_value=1000).map(lambda n: Decimal(n) / 10)
series = st.dictionaries(st.sampled_from(list(YEARS)), values, min_size=0, max_size=len(YEARS))
peiljaren = st.integers(min_value=2023, max_value=2029)
comparators = st.sampled_from([">=", ">", "<=", "<"])


@cache
def agenda_for(comparator: str, target: Decimal, better: str) -> Agenda:
    return build_agenda(f"""\
gemeente: "Spiegel"
titel: "LEA Spiegel 2024-2027"
periode: 2024-2027
indicator x "x"
  eenheid: %
  beter: {better}
thema 1 "t"
  resultaat r "r"
    doel: x {comparator} {format_dutch(target)}% in 2027
""")


def goal(agenda: Agenda, data: dict[int, Decimal], peiljaar: int) -> GoalEvaluation:
    observations = [obs("x", str(year), str(value)) for year, value in data.items()]
    return evaluate(agenda, observations, None, peiljaar).results[0].goals[0]


MIRROR = {">=": "<=", ">": "<", "<=": ">=", "<": ">"}


def _better_latest(comparator: str, data: dict[int, Decimal], peiljaar: int, delta: Decimal
                   ) -> dict[int, Decimal] | None:
    known = [y for y in data if y <= peiljaar]
    if not known:
        return None
    last = max(known)
    step = delta if comparator in (">=", ">") else -delta
    better = min(max(data[last] + step, Decimal(0)), Decimal(100))
    return {**data, last: better}


def check_monotone(comparator: str, target: Decimal, data: dict[int, Decimal], peiljaar: int,
                   delta: Decimal) -> None:
    agenda = agenda_for(comparator, target, "hoger" if comparator in (">=", ">") else "lager")
    improved = _better_latest(comparator, data, peiljaar, delta)
    if improved is None:
        return
    before, after = goal(agenda, data, peiljaar), goal(agenda, improved, peiljaar)
    if before.colour in RANK and after.colour in RANK:
        assert RANK[after.colour] >= RANK[before.colour], (before.status, after.status)


def check_mirror(comparator: str, target: Decimal, data: dict[int, Decimal], peiljaar: int) -> None:
    better = "hoger" if comparator in (">=", ">") else "lager"
    mirrored_better = "lager" if better == "hoger" else "hoger"
    straight = goal(agenda_for(comparator, target, better), data, peiljaar)
    mirrored = goal(agenda_for(MIRROR[comparator], 100 - target, mirrored_better),
                    {y: 100 - v for y, v in data.items()}, peiljaar)
    assert straight.status is mirrored.status
    assert straight.explanation.ratio == mirrored.explanation.ratio


def check_missing_never_red(comparator: str, target: Decimal, data: dict[int, Decimal]) -> None:
    agenda = agenda_for(comparator, target, "hoger" if comparator in (">=", ">") else "lager")
    without_final = {y: v for y, v in data.items() if y != 2027}
    for peiljaar in (2027, 2028):
        evaluation = goal(agenda, without_final, peiljaar)
        assert evaluation.colour is Colour.GREY, evaluation.status
    assert goal(agenda, {}, 2025).colour is Colour.GREY


def check_order(data: list[Observation], peiljaar: int, order: list[int]) -> None:
    shuffled = [data[i] for i in order]
    assert evaluate(AGENDA, data, None, peiljaar) == evaluate(AGENDA, shuffled, None, peiljaar)


targets = st.integers(min_value=1, max_value=999).map(lambda n: Decimal(n) / 10)
deltas = st.integers(min_value=1, max_value=300).map(lambda n: Decimal(n) / 10)


@st.composite
def mixed_observations(draw: st.DrawFn) -> list[Observation]:
    """Observations of several indicators and kinds, each period at most once."""
    out: list[Observation] = []
    for year, value in draw(series).items():
        out.append(obs("bereik", str(year), str(value)))
    for year, value in draw(series).items():
        out.append(obs("thuiszitters", f"{year}/{year + 1}", str(int(value))))
    for year in draw(st.sets(st.sampled_from(list(YEARS)))):
        for unit in ("IKC A", "IKC B", "IKC C"):
            if draw(st.booleans()):
                out.append(obs("brug", str(year), draw(st.booleans()), unit=unit))
    return out


@QUICK
@given(comparators, targets, series, peiljaren, deltas)
def test_better_latest_value_never_gives_worse_status(comparator: str, target: Decimal,
                                                      data: dict[int, Decimal], peiljaar: int,
                                                      delta: Decimal) -> None:
    check_monotone(comparator, target, data, peiljaar, delta)


@cache
def level_agenda(target: Decimal, better: str) -> Agenda:
    return build_agenda(f"""\
gemeente: "Niveau"
titel: "LEA Niveau 2024-2027"
periode: 2024-2027
indicator x "x"
  eenheid: %
  beter: {better}
thema 1 "t"
  resultaat r "r"
    doel: x = {format_dutch(target)}% in 2027
""")


def check_beating_is_met(target: Decimal, data: dict[int, Decimal], better: str, delta: Decimal,
                         year: int) -> None:
    """A value beyond an exact level in the direction `beter:` names meets the target: never
    Niet behaald at the deadline, never anything but Doel al bereikt (or verslechterend) before."""
    step = delta if better == "hoger" else -delta
    beaten = min(max(target + step, Decimal(0)), Decimal(100))
    if abs(beaten - target) <= Decimal("0.05"):
        return  # clipped to the bounds: not beyond the level
    evaluation = goal(level_agenda(target, better), {**data, year: beaten}, year)
    if year == 2027:
        assert evaluation.status is Status.ACHIEVED, evaluation.explanation.rule
    else:
        assert evaluation.status in (Status.ALREADY_MET, Status.MET_DETERIORATING), evaluation.status


@QUICK
@given(targets, series, st.sampled_from(["hoger", "lager"]), deltas, st.sampled_from(range(2024, 2028)))
def test_beating_the_target_in_the_better_direction_meets_it(target: Decimal, data: dict[int, Decimal],
                                                             better: str, delta: Decimal, year: int) -> None:
    check_beating_is_met(target, data, better, delta, year)


labels = st.sampled_from([None, "oud", "nieuw"])


def check_break_never_hides_the_deadline(comparator: str, target: Decimal, data: dict[int, Decimal],
                                         names: list[str | None], final: Decimal) -> None:
    """With any reeks labels, the value for the target moment decides: Behaald exactly when it
    meets the target, and never grey (Trendbreuk) once that value is in."""
    agenda = agenda_for(comparator, target, "hoger" if comparator in (">=", ">") else "lager")
    years = sorted(y for y in data if y < 2027)
    observations = [obs("x", str(y), str(data[y]), series=names[i % len(names)]) for i, y in enumerate(years)]
    observations.append(obs("x", "2027", str(final), series=names[-1]))
    evaluation = evaluate(agenda, observations, None, 2027).results[0].goals[0]
    met = {">=": final >= target, ">": final > target, "<=": final <= target, "<": final < target}[comparator]
    assert evaluation.colour is not Colour.GREY, evaluation.status
    assert (evaluation.status is Status.ACHIEVED) is met, evaluation.status


@QUICK
@given(comparators, targets, series, st.lists(labels, min_size=1, max_size=4), values)
def test_a_series_break_never_hides_the_deadline_verdict(comparator: str, target: Decimal,
                                                         data: dict[int, Decimal], names: list[str | None],
                                                         final: Decimal) -> None:
    check_break_never_hides_the_deadline(comparator, target, data, names, final)


@QUICK
@given(comparators, targets, series, peiljaren)
def test_mirroring_gives_the_same_status(comparator: str, target: Decimal, data: dict[int, Decimal],
                                         peiljaar: int) -> None:
    check_mirror(comparator, target, data, peiljaar)


@QUICK
@given(comparators, targets, series)
def test_missing_data_is_never_red(comparator: str, target: Decimal, data: dict[int, Decimal]) -> None:
    check_missing_never_red(comparator, target, data)


@QUICK
@given(mixed_observations(), peiljaren, st.randoms(use_true_random=False))
def test_order_of_observations_does_not_matter(data: list[Observation], peiljaar: int, rnd: object) -> None:
    order = list(range(len(data)))
    rnd.shuffle(order)  # type: ignore[attr-defined]
    check_order(data, peiljaar, order)


def test_no_data_at_all_is_grey_for_every_result() -> None:
    report = evaluate(AGENDA, [], None, 2026)
    assert {r.colour for r in report.results} == {Colour.GREY}


@pytest.mark.slow
@SLOW
@given(comparators, targets, series, peiljaren, deltas)
def test_better_latest_value_slow(comparator: str, target: Decimal, data: dict[int, Decimal],
                                  peiljaar: int, delta: Decimal) -> None:
    check_monotone(comparator, target, data, peiljaar, delta)


@pytest.mark.slow
@SLOW
@given(comparators, targets, series, peiljaren)
def test_mirroring_slow(comparator: str, target: Decimal, data: dict[int, Decimal], peiljaar: int) -> None:
    check_mirror(comparator, target, data, peiljaar)


@pytest.mark.slow
@SLOW
@given(comparators, targets, series)
def test_missing_data_slow(comparator: str, target: Decimal, data: dict[int, Decimal]) -> None:
    check_missing_never_red(comparator, target, data)


@pytest.mark.slow
@SLOW
@given(mixed_observations(), peiljaren, st.randoms(use_true_random=False))
def test_order_slow(data: list[Observation], peiljaar: int, rnd: object) -> None:
    order = list(range(len(data)))
    rnd.shuffle(order)  # type: ignore[attr-defined]
    check_order(data, peiljaar, order)
