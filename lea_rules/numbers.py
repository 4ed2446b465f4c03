"""Numbers: Dutch notation (decimal comma, thousands dot) read exactly, never guessed."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_EVEN, Decimal, localcontext

_PLAIN = re.compile(r"\d+")
_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+")
_DECIMAL = re.compile(r"(\d+|\d{1,3}(?:\.\d{3})+),(\d+)")


class NumberFormatError(ValueError):
    """A number that Dutch notation does not allow, with the rule that explains why."""

    def __init__(self, message: str, suggestion: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.suggestion = suggestion


def parse_dutch(text: str) -> tuple[Decimal, int]:
    """Return the value and the number of decimals written.

    `1,9` -> 1.9 (1 decimal); `1.250` -> 1250; `10.884` -> 10884; `1.250,5` -> 1250.5.
    `1.25`, `83.7` and `1,250.5` are refused: they are English notation or ambiguous.
    """
    if _PLAIN.fullmatch(text):
        return Decimal(text), 0
    if _GROUPED.fullmatch(text):
        return Decimal(text.replace(".", "")), 0
    match = _DECIMAL.fullmatch(text)
    if match:
        whole, frac = match.group(1).replace(".", ""), match.group(2)
        return Decimal(f"{whole}.{frac}"), len(frac)
    if re.fullmatch(r"\d+\.\d+", text):
        return _refuse_english(text)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", text):
        dutch = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
        raise NumberFormatError(
            f"'{text}' is Engelse notatie; in het Nederlands staat de punt tussen duizendtallen "
            "en de komma voor decimalen",
            dutch,
        )
    raise NumberFormatError(
        f"'{text}' is geen getal in Nederlandse notatie; gebruik een komma voor decimalen "
        "(1,9) en een punt alleen tussen groepen van drie cijfers (10.884)"
    )


def _refuse_english(text: str) -> tuple[Decimal, int]:
    whole, frac = text.split(".")
    raise NumberFormatError(
        f"'{text}' is dubbelzinnig: in het Nederlands is de punt een scheidingsteken voor "
        "duizendtallen en staat er een komma voor decimalen",
        f"{whole},{frac}",
    )


SEPARATORS = {"nl": (".", ","), "en": (",", ".")}
"""Thousands and decimal separator per language: Dutch `10.884,5`, English `10,884.5`."""


def format_number(value: Decimal | int | float, most: int | None = None, *, lang: str = "nl",
                  signed: bool = False, places: int | None = None) -> str:
    """A number in the notation of `lang`, the one number formatter of lea.

    Without `most` every digit the value has is written (`83,70` -> `83,7`, exact); with `most`
    it is rounded half to even to at most that many decimals, trailing zeros dropped
    (`83,666` -> `83,67`, `2,0` -> `2`). `signed` puts `+` before a value that is not negative.
    A float is read as the shortest decimal that is the float (`0.1` is 0,1, not 0,1000000000000000055).
    With `places` it has exactly that many decimals, trailing zeros kept (`85,0`).
    """
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    negative = number.is_signed()  # before rounding, as Babel: -0,4 rounded to whole is `-0`
    if most is not None:
        with localcontext() as context:
            context.prec = max(28, number.adjusted() + most + 2)
            number = number.quantize(Decimal(1).scaleb(-most), rounding=ROUND_HALF_EVEN)
    exponent = abs(number).normalize().as_tuple().exponent
    decimals = max(0, -exponent) if isinstance(exponent, int) else 0
    if places is not None:
        decimals = places
    thousands, point = SEPARATORS[lang]
    text = f"{abs(number):,.{decimals}f}".replace(",", "\x00").replace(".", point).replace("\x00", thousands)
    return ("-" if negative else "+" if signed else "") + text


def format_dutch(value: Decimal, decimals: int | None = None) -> str:
    """Write a number back in Dutch notation, exactly or with `decimals` decimals (messages, fmt)."""
    return format_number(value, places=decimals)


def with_unit(shown: str, unit: str | None) -> str:
    """`8%`, `12`, `5 uur per week`: a number (already formatted) in an indicator's own unit."""
    if unit == "%":
        return f"{shown}%"
    if unit in (None, "aantal"):
        return shown
    return f"{shown} {unit}"
