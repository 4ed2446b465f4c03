"""Kengetallen: the figures of every `soort: kengetal` indicator, for context (no verdict).

Derived kengetallen are computed with the same series machinery as the goals (series.py):
per period, and per unit for an indicator measured `per:` a group. A figure whose inputs
are missing, or that would divide by zero, gets no point: missing data is never zero.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from lea_rules.data.model import Observation
from lea_rules.data.units import DeclaredUnits
from lea_rules.evaluation.model import KengetalPoint, KengetalSeries
from lea_rules.evaluation.series import SeriesPoint, formula_text, totals, unit_series
from lea_rules.nodes import Agenda, Indicator, NumberExpr
from lea_rules.period import available
from lea_rules.verdict.figures import Derived


def kengetallen(agenda: Agenda, observations: Sequence[Observation], peiljaar: int,
                declared: DeclaredUnits | None = None) -> list[KengetalSeries]:
    """Every context indicator in agenda order, with its figures up to the peiljaar."""
    return [_series(agenda, indicator, observations, peiljaar, declared or DeclaredUnits())
            for indicator in agenda.indicators if indicator.context]


def group_units(indicator: Indicator, declared: DeclaredUnits) -> list[str]:
    """The declared units of the indicator's groups (eenheden.csv), in the order of that file.

    A unit without a figure for this kengetal still gets its row (with 'geen gegevens'); a
    group whose units are not declared has none (the total, if any, still shows).
    """
    return list(declared.of_groups(indicator.per_groups))  # a unit under two of them once


def _series(agenda: Agenda, indicator: Indicator, observations: Sequence[Observation],
            peiljaar: int, declared: DeclaredUnits) -> KengetalSeries:
    units = group_units(indicator, declared)
    found: list[tuple[int, SeriesPoint, str | None]] = [
        (0, p, None) for p in totals(indicator, observations, agenda)]
    for i, unit in enumerate(units):
        found.extend((i + 1, p, unit) for p in unit_series(indicator, observations, agenda, unit))
    found = [f for f in found if available(f[1].period, peiljaar)
             and (f[1].value is not None or f[1].rating is not None or f[1].flag is not None)]
    found.sort(key=lambda f: (f[1].start, f[1].period.text, f[0]))
    return KengetalSeries(
        indicator=indicator.name, label=indicator.label,
        unit=indicator.unit.value if indicator.unit is not None else None,
        source=indicator.source, group=indicator.per_group, units=units,
        derived=indicator.formula is not None,
        formula=formula_text(indicator.formula) if indicator.formula is not None else None,
        points=[_point(indicator, p, unit) for _, p, unit in found])


def _point(indicator: Indicator, point: SeriesPoint, unit: str | None) -> KengetalPoint:
    rating = point.rating if point.flag is None else ("ja" if point.flag else "nee")
    source = point.source
    assert isinstance(source, str | Derived), "a kengetal's figure comes from the data or its formula"
    if point.derived and indicator.formula is not None:
        source = derived_source(indicator, dict(point.inputs))
    return KengetalPoint(
        period=point.period, unit=unit,
        value=point.value, rating=rating, source=source,
        status=point.status, illustrative=point.illustrative, derived=point.derived,
        inputs=dict(point.inputs),  # stored figures, as delivered
        note=point.note if not point.derived else None)


def derived_source(indicator: Indicator, inputs: dict[str, Decimal]) -> Derived:
    """The formula with a place for each input and each number: `{0} / {1} × {2}`; the words layer
    writes the values in (`463 / 10.884 × 100`)."""
    assert indicator.formula is not None
    values: list[Decimal] = []

    def place(value: Decimal) -> str:
        values.append(value.normalize() + 0)
        return "{" + str(len(values) - 1) + "}"

    def name(text: str) -> str:
        value = inputs.get(text.casefold())
        return text.replace("{", "{{").replace("}", "}}") if value is None else place(value)

    def number(expr: NumberExpr) -> str:
        return place(expr.number.value)

    return Derived(formula_text(indicator.formula, name, number, "\u00d7"), tuple(values))
