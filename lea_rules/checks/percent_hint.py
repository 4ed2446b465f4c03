"""The fix for a percentage written without `%` (E220): the reading the item's own words say.

`doel: vve-bereik >= 0,85` under the title "Het bereik stijgt naar 85%" is a fraction: the
writer meant 85%, and "bedoelde je 0,85%?" would lead to a target a hundred times too low.
A number between 0 and 1 has two readings; the hint offers the one that the title or a
quote of the item names, or both when they name neither (or both).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from lea_rules import nodes as n
from lea_rules.numbers import format_dutch


def percent_help(number: n.Number, title: str, quotes: Iterable[str] = ()) -> str:
    """"bedoelde je ...?" for `number` written without `%` on a percentage."""
    text = number.text
    if not Decimal(0) < number.value < Decimal(1):
        return f"bedoelde je {text}%?"
    scaled = format_dutch(number.value * 100, max(0, number.decimals - 2))
    quoted = list(quotes)
    for where, said in (("de titel", [title]), ("het citaat", quoted)):
        names_scaled = any(_mentions(scaled, words) for words in said)
        names_text = any(_mentions(text, words) for words in said)
        if names_scaled and not names_text:
            return (f"bedoelde je {scaled}%? ({where} noemt {scaled}%; {text} als deel van het geheel "
                    f"is {scaled}%)")
        if names_text and not names_scaled:
            return f"bedoelde je {text}%? ({where} noemt {text}%)"
    return f"bedoelde je {scaled}% ({text} als deel van het geheel) of {text}%?"


def fraction_with_sign(number: n.Number, title: str, quotes: Iterable[str] = ()) -> tuple[str, str] | None:
    """`0,90%` where the item's own words name 90% and not 0,90%: a fraction given a `%` sign.

    Returns the value meant (`90`) and where it is named (`de titel`), or None when the
    number is not between 0 and 1 or the words do not name the ×100 value alone (`0,5%` under
    a title that says 0,5% is a real small percentage and stays as written).
    """
    if not Decimal(0) < number.value < Decimal(1):
        return None
    text = number.text
    scaled = format_dutch(number.value * 100, max(0, number.decimals - 2))
    for where, said in (("de titel", [title]), ("het citaat", list(quotes))):
        names_scaled = any(_mentions(scaled, words) for words in said)
        names_text = any(_mentions(text, words) for words in said)
        if names_text:
            return None
        if names_scaled:
            return scaled, where
    return None


def _mentions(number: str, words: str) -> bool:
    """`words` names `number` as a percentage: `85%`, `85 %` or `85 procent`."""
    return re.search(r"(?<![\d.,])" + re.escape(number) + r"\s*(?:%|procent\b)", words) is not None
