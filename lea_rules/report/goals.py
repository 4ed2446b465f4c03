"""Goals in the report: the reader's `GoalWording` (labels, ≥, dates in the reader's language).

The sentence itself is `words.goals.describe_goal`, the same walk the JSON `description` takes.
"""

from __future__ import annotations

from functools import partial

from lea_rules.data.group_names import counted_groups
from lea_rules.nodes import Agenda, Goal, Moment
from lea_rules.recurrence import Recurrence
from lea_rules.report.notation import Notation
from lea_rules.words import REPORT_WORDS
from lea_rules.words import goals as said
from lea_rules.words.goals import SIGNS, WORDS, GoalWording


def _label(agenda: Agenda, name: str) -> str:
    indicator = agenda.indicator(name)
    return indicator.label if indicator is not None else name


def describe_moment(moment: Moment | None, fmt: Notation, end_year: int | None = None) -> str:
    """`in 2027`, `op 1 augustus 2026`; no moment is the end of the agenda: `in 2027 (einde looptijd)`."""
    words = WORDS[REPORT_WORDS[fmt.lang]]
    if moment is None:
        return f"{words['in']} {end_year} ({words['end']})" if end_year else f"{words['in']} {words['end']}"
    if moment.written is not None:  # as the document writes it: `uiterlijk voorjaar 2023`, `eind 2021`
        return moment.written.phrase if fmt.lang == "nl" else moment.written.english_phrase
    if moment.day is not None:
        return f"{words['on']} {fmt.date(moment.day)}"
    return f"{words['in']} {moment.describe()}"


def _moment(fmt: Notation, end_year: int, moment: Moment | None) -> str:
    return f" {describe_moment(moment, fmt, end_year)}"


def describe_recurrence(recurrence: Recurrence, lang: str) -> str:
    """`jaarlijks vanaf 2025` as written; in English `every year from 2025`."""
    if lang != "en":
        return recurrence.written
    if recurrence.step == 2:
        how = "every other year"
    elif "begin" in recurrence.written:
        how = "at the start of every school year"
    else:
        how = "every school year" if recurrence.school_year else "every year"
    if recurrence.start is None:
        return how
    start = (f"{recurrence.start - 1}/{recurrence.start}" if recurrence.school_year
             else str(recurrence.start))
    return f"{how} from {start}"


def wording(agenda: Agenda, fmt: Notation) -> GoalWording:
    """How the report says a goal of `agenda` in the language of `fmt`."""
    return GoalWording(WORDS[REPORT_WORDS[fmt.lang]], sign=SIGNS.__getitem__, name=partial(_label, agenda),
                       moment=partial(_moment, fmt, agenda.period[1]),
                       groups=partial(counted_groups, lang=fmt.lang), name_implicit=False,
                       explain_change=True, recurrence=partial(describe_recurrence, lang=fmt.lang))


def describe_goals(goals: tuple[Goal, ...], agenda: Agenda, fmt: Notation) -> str:
    """The goals of a result (a staged target: `... en ...`) as the report says them."""
    return said.describe_goals(goals, wording(agenda, fmt))
