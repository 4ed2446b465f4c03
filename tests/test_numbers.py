"""Dutch number notation: read exactly, ambiguous forms refused with the rule and a suggestion."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lea_rules.numbers import NumberFormatError, format_dutch, format_number, parse_dutch


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


@pytest.mark.parametrize(("value", "text"), [
    (Decimal("1250"), "1.250"), (Decimal("1.9"), "1,9"), (Decimal("200000"), "200.000"),
    (Decimal("83.70"), "83,7"), (Decimal("0"), "0"), (Decimal("1E+3"), "1.000"),
    (Decimal("-1250.5"), "-1.250,5"),
])
def test_format_dutch_writes_every_digit_the_value_has(value: Decimal, text: str) -> None:
    assert format_dutch(value) == text


@pytest.mark.parametrize(("value", "most", "lang", "signed", "text"), [
    (Decimal("83.666"), 2, "nl", False, "83,67"), (Decimal("2.0"), 2, "nl", False, "2"),
    (Decimal("10884"), 0, "nl", False, "10.884"), (Decimal("10884.5"), 2, "en", False, "10,884.5"),
    (Decimal("0.125"), 2, "nl", False, "0,12"), (Decimal("1.2"), 2, "nl", True, "+1,2"),
    (Decimal("0"), 0, "nl", True, "+0"), (Decimal("-3"), 0, "en", True, "-3"),
    (0.1, None, "nl", False, "0,1"),
])
def test_format_number(value: Decimal | float, most: int | None, lang: str, signed: bool, text: str) -> None:
    assert format_number(value, most, lang=lang, signed=signed) == text


@given(st.decimals(min_value=-10**9, max_value=10**9, places=3, allow_nan=False, allow_infinity=False))
def test_format_then_parse_round_trips(value: Decimal) -> None:
    parsed, _ = parse_dutch(format_dutch(abs(value)))
    assert parsed == abs(value)


_NUMBERS = st.one_of(st.decimals(min_value=-10**9, max_value=10**9, allow_nan=False, allow_infinity=False),
                     st.floats(min_value=-1e9, max_value=1e9, allow_nan=False))


@given(_NUMBERS, st.integers(0, 6), st.sampled_from([("nl", "nl_NL"), ("en", "en_GB")]), st.booleans())
def test_format_number_agrees_with_babel(value: Decimal | float, most: int, lang: tuple[str, str],
                                         signed: bool) -> None:
    """The report wrote its numbers with Babel's patterns: the one formatter writes them alike."""
    from babel.numbers import format_decimal

    frac = "." + "#" * most if most else ""
    pattern = f"+#,##0{frac};-#,##0{frac}" if signed else f"#,##0{frac}"
    expected = format_decimal(value, format=pattern, locale=lang[1])
    assert format_number(value, most, lang=lang[0], signed=signed) == expected
