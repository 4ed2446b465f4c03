"""Words: typed evaluation values as sentences, one module per language.

The evaluation decides with enums and numbers (`Status`, `GoalKind`, `Reason`); this package is
the only place that says them in words:

- `nl`: Dutch with the method's notation (R, met(y_tT)), exactly the JSON twin's `rule` text;
- `nl_plain`: plain Dutch for the raad, the HTML report in Dutch;
- `en`: English, the HTML report with `--lang en`.

Each language has one sentence per `Rule` member in its `SENTENCES`; `rule(reason, lang)` picks
the language. tests/test_words.py checks that no member lacks a sentence in any language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import ModuleType

from lea_rules.verdict.figures import Source, UnitValue
from lea_rules.verdict.notes import Note, Remark
from lea_rules.verdict.reasons import Aim, Measurement, Reason, Rule
from lea_rules.verdict.status import BaselineKind
from lea_rules.words import en, nl, nl_plain

Sentence = Callable[[Reason], str]

LANGUAGES: Mapping[str, ModuleType] = {"nl": nl, "nl_plain": nl_plain, "en": en}
REPORT_WORDS = {"nl": "nl_plain", "en": "en"}
"""The words of the HTML report per --lang: the raad reads plain Dutch, not the notation."""


def sentences(lang: str) -> Mapping[Rule, Sentence]:
    table: Mapping[Rule, Sentence] = LANGUAGES[lang].SENTENCES
    return table


def measurement(value: Measurement, lang: str) -> str:
    """Which measurement counts for the target moment, in one language."""
    text: str = LANGUAGES[lang].measurement(value)
    return text


def aim(value: Aim, lang: str) -> str:
    """A target as the reader sees it, in one language."""
    text: str = LANGUAGES[lang].aim(value)
    return text


def baseline_kind(value: BaselineKind, lang: str) -> str:
    """Where the baseline comes from, in one language."""
    if lang == "en":
        return en.BASELINE[value]
    return nl_plain.BASELINE[value] if lang == "nl_plain" else value.value


def unit_value(value: UnitValue, lang: str) -> str:
    """One unit's value in a count over units, in one language (`4,5`, `4.5`, `geen gegevens`)."""
    text: str = LANGUAGES[lang].unit_value(value)
    return text


def source(value: Source, lang: str) -> str:
    """Where a figure comes from: the data's own text, or a count over units in one language."""
    text: str = LANGUAGES[lang].source(value)
    return text


def note(value: Note, lang: str) -> str:
    """A note of a verdict in one language."""
    text: str = LANGUAGES[lang].note(value)
    return text


def notes(lang: str) -> Mapping[Remark, Callable[[Note], str]]:
    table: Mapping[Remark, Callable[[Note], str]] = LANGUAGES[lang].NOTES
    return table


def rule(reason: Reason, lang: str) -> str:
    """The rule behind a verdict in one language: `nl`, `nl_plain` or `en`."""
    text: str = LANGUAGES[lang].rule(reason)
    return text
