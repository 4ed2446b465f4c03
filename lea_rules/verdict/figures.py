"""Figures: the values behind a verdict that a reader sees in a table, typed, never as a sentence.

The words layer says them: `4,5` or `4.5`, `ja` or `yes`, `3 van 4 IKC voldoen` or
`3 of 4 units (IKC) meet`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from lea_rules.verdict.reasons import UnitCount


@dataclass(frozen=True)
class UnitValue:
    """One unit's value in a count over units: a number, ja/nee or a rating; none of them is
    a declared unit without a value (geen gegevens)."""

    number: Decimal | None = None
    flag: bool | None = None
    rating: str | None = None
    written: str | None = None  # read back from a JSON twin: the value as it said it


@dataclass(frozen=True)
class UnitsMet:
    """The figure of a count over units in one period, as the source of its point: how many of
    the declared units meet (`3 van 4 kindcentra voldoen; 1 zonder gegevens`)."""

    count: UnitCount
    groups: tuple[str, ...]  # the groups as the goal writes them: `IKC`, `kindcentra`; `school`, `wijk`
    share: bool = False  # a share of the units (`de helft van de voorschool`): say the percentage too
    # where the counted units' figures come from (their `bron`), each once: the report's Bronnen
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Derived:
    """A figure computed with its indicator's formula. A kengetal names its inputs: `formula` is the
    formula with `{0}`, `{1}`, ... where `values` stand (`{0} / {1} × {2}`); empty when it does not."""

    formula: str = ""
    values: tuple[Decimal, ...] = ()


@dataclass(frozen=True)
class AgendaBaseline:
    """The agenda's own `basis:` line, as the baseline point; `undated` when it gives no moment."""

    undated: bool = False


Source = str | UnitsMet | Derived | AgendaBaseline
"""Where a figure comes from: the data's own `bron` text (or a read-back JSON), a count over units,
a figure computed by formula, or the agenda's baseline."""
