"""Plain Dutch for the raad: the same rules as `nl`, without the notation (no R, no met(y_tT))."""

from __future__ import annotations

from collections.abc import Callable

from lea_rules.verdict.notes import Note, Remark
from lea_rules.verdict.reasons import Reason, Rule
from lea_rules.verdict.status import BaselineKind
from lea_rules.words import nl
from lea_rules.words.common import inner
from lea_rules.words.nl import aim_plain as aim
from lea_rules.words.nl import measurement, source, unit_value

__all__ = ["BASELINE", "NOTES", "SENTENCES", "aim", "core", "measurement", "note", "rule", "source",
           "unit_value"]

NOTES: dict[Remark, Callable[[Note], str]] = {
    **nl.NOTES,
    Remark.SAME_MOMENT: lambda n: nl.same_moment(n, "het doel rekent vanaf de basis in de agenda"),
}
"""The notes as the raad reads them: no y0, no ISO date."""

BASELINE: dict[BaselineKind, str] = {
    BaselineKind.EXPLICIT: "uit de agenda", BaselineKind.FROM_GOAL: "jaar uit het doel",
    BaselineKind.NULMETING: "nulmeting", BaselineKind.FIRST: "eerste meting",
}
"""Where the baseline comes from, in the report: `Nulmeting 76% (uit de agenda)`, not `(expliciet)`."""


def note(value: Note) -> str:
    return NOTES[value.remark](value)

_NEEDED = "van wat nodig is om het doel op tijd te halen"

SENTENCES: dict[Rule, Callable[[Reason], str]] = {
    **nl.SENTENCES,
    Rule.FINAL_PENDING: lambda r: f"eindmeting nog niet beschikbaar (voorlopig: {rule(inner(r))})",
    Rule.MET_STEADY: lambda r: "voldoet aan het doel en gaat niet achteruit",
    Rule.MET_WORSENING: lambda r: "voldoet aan het doel, maar gaat achteruit",
    Rule.STRICT_FROM_BOUNDARY: lambda r: "strikt doel, de basis ligt precies op de grens: " + core(inner(r)),
    Rule.RATIO_ON_TRACK: lambda r: f"nog niet bereikt, maar de voortgang is minstens 95% {_NEEDED}",
    Rule.RATIO_ACCELERATE: lambda r: f"de voortgang is 60 tot 95% {_NEEDED}",
    Rule.RATIO_INSUFFICIENT: lambda r: f"de voortgang is minder dan 60% {_NEEDED}",
    Rule.RATIO_NEGATIVE: lambda r: "de waarde beweegt van het doel af",
    Rule.FINAL_MET: lambda r: "de meting voor het doelmoment voldoet",
    Rule.FINAL_MISSED_ACROSS_BREAK: lambda r: (
        "niet gehaald: de meting voor het doelmoment voldoet niet; door de trendbreuk is vergelijken met "
        "de basis (nagenoeg behaald, wel verbeterd) niet mogelijk"),
    Rule.FINAL_ALMOST: lambda r: "niet gehaald, maar 95% of meer van de vereiste verandering",
    Rule.FINAL_IMPROVED: lambda r: ("niet gehaald, wel beter dan de basis, maar minder dan 95% van de "
                                    "vereiste verandering"),
    Rule.FINAL_NOT_BETTER: lambda r: "niet gehaald en niet beter dan de basis",
    Rule.CATEGORY_LATEST_MISSED: lambda r: ("de laatste meting heeft niet het vereiste oordeel; "
                                            + rule(inner(r))),
    Rule.CATEGORY_NO_DATA: lambda r: "geen meting; " + rule(inner(r)),
    Rule.RECURRING_LATEST: lambda r: nl.recurring_latest(r, rule),
    Rule.RECURRING_FIRST: lambda r: nl.recurring_first(r, rule),
    Rule.REPORTED: lambda r: f"stand volgens de beleidsmedewerker: {r.stand.value if r.stand else ''}",
}


def core(reason: Reason) -> str:
    return SENTENCES[reason.rule](reason)


def rule(reason: Reason) -> str:
    """The rule as the Dutch report says it."""
    return nl.judgement(reason) + core(reason)
