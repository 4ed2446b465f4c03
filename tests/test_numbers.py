"""Dutch number notation: read exactly, ambiguous forms refused with the rule and a suggestion."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lea_rules.numbers import NumberFormatError, format_dutch, parse_dutch


@pytest.mark.parametrize(("text", "value", "decimals"), [
    ("0", "0", 0), ("85", "85", 0), ("2027", "2027", 0), ("1,9", "1.9", 1), ("83,7", "83.7", 1),
    ("0,50", "0.50", 2), ("1.250", "1250", 0), ("10.884", "10884", 0), ("200.000", "200000", 0),
    ("1.250,5", "1250.5", 1), ("1.000.000", "1000000", 0),
])
def test_dutch_numbers(text: str, value: str, decimals: int) -> None:
    assert parse_dutch(text) == (Decimal(value), decimals)


@pytest.mark.parametrize(("text", "suggestion"), [
    ("1.25", "1,25"), ("83.7", "83,7"), ("85.5", "85,5"), ("1,250.5", "1.250,5"),
    ("1.2345", "1,2345"), ("1..2", None), ("1,2,3", None), ("12.34.567", None),
])
def test_refused_numbers_explain_and_suggest(text: str, suggestion: str | None) -> None:
    with pytest.raises(NumberFormatError) as info:
        parse_dutch(text)
    assert text in info.value.message
    assert info.value.suggestion == suggestion
    if suggestion is not None:
        parse_dutch(suggestion)  # the suggestion itself is valid


def test_ten_comma_884_is_a_decimal_not_thousands() -> None:
    # `10,884` is valid Dutch: ten point eight eight four (the comma is the decimal sign).
    assert parse_dutch("10,884") == (Decimal("10.884"), 3)


@pytest.mark.parametrize(("value", "decimals", "text"), [
    (Decimal("1250"), 0, "1.250"), (Decimal("1.9"), None, "1,9"), (Decimal("200000"), 0, "200.000"),
    (Decimal("83.70"), 2, "83,70"), (Decimal("0"), None, "0"), (Decimal("1E+3"), None, "1.000"),
])
def test_format_dutch(value: Decimal, decimals: int | None, text: str) -> None:
    assert format_dutch(value, decimals) == text


@given(st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False, allow_infinity=False))
def test_format_then_parse_round_trips(value: Decimal) -> None:
    text = format_dutch(value, 3)
    assert parse_dutch(text) == (value.quantize(Decimal("0.001")), 3)
