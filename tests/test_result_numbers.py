"""Numbers in the result model: exact Decimals inside, JSON numbers only when serialised.

The rules compute on Decimals; the model keeps them (no float rounding on the way to the
report), and the JSON twin writes them as it always did: a computed figure rounded to 6
decimals, a stored figure or a place on the time axis as its float.
"""

from __future__ import annotations

import json
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from lea_rules.evaluation.model import Explanation, KengetalPoint, Point
from lea_rules.period import parse_period
from lea_rules.verdict.reasons import Reason, Rule

_DECIMALS = st.decimals(min_value=-10**6, max_value=10**6, places=12, allow_nan=False, allow_infinity=False)
_PERIOD = parse_period("2024")


@given(_DECIMALS, _DECIMALS)
def test_a_computed_figure_is_exact_inside_and_six_decimals_in_json(ratio: Decimal, value: Decimal) -> None:
    point = Point(period=_PERIOD, t=Decimal("2024"), value=value, source="CBS")
    explanation = Explanation(rule=Reason(Rule.NO_BASELINE), ratio=ratio, latest=point)
    assert explanation.ratio == ratio and isinstance(explanation.ratio, Decimal)
    assert explanation.latest is not None and explanation.latest.value == value
    written = json.loads(explanation.model_dump_json())
    assert written["ratio"] == round(float(ratio), 6)
    assert written["latest"]["value"] == float(value)  # a stored figure: not rounded
    assert written["latest"]["t"] == 2024.0


@given(_DECIMALS)
def test_a_json_twin_reads_back_as_decimals(value: Decimal) -> None:
    figure = KengetalPoint(period=_PERIOD, value=value, source="CBS")
    again = KengetalPoint.model_validate_json(figure.model_dump_json())
    assert isinstance(again.value, Decimal)
    assert again.value == Decimal(str(round(float(value), 6)))
