"""Planning in the report: an action's start:/gereed: and what the evaluation says of them, in words.

The verdict is the evaluation's (evaluation/planning.py, in the JSON as `planning`); this module only
says it in the reader's language, with the times as the agenda writes them.
"""

from __future__ import annotations

from typing import Any

from lea_rules.evaluation.model import ActionEvaluation
from lea_rules.nodes import Action
from lea_rules.report.i18n import state_label, text
from lea_rules.tijdstip import MONTHS_EN, Form, Tijdstip, day_words


def _when(when: Tijdstip, lang: str) -> str:
    return when.english if lang == "en" else when.words


def _day(when: Tijdstip, lang: str) -> str:
    day = when.last
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}" if lang == "en" else day_words(day)


def _passed(what: str, when: Tijdstip, lang: str) -> str:
    """`gereed eind 2025 (uiterlijk 31 december 2025) is voorbij`; a day is said once:
    `gereed uiterlijk 1 augustus 2026 is voorbij`."""
    if when.form is Form.DAY:
        return text("planning_passed_day", lang, what=what, when=_when(when, lang))
    return text("planning_passed", lang, what=what, when=_when(when, lang), day=_day(when, lang))


def planning_view(action: Action, ev: ActionEvaluation | None, lang: str) -> dict[str, Any]:
    """The ActionView fields of the planning: the line, the verdict and why (empty without planning)."""
    start, ready = action.start, action.ready
    if start is None and ready is None:
        return {}
    parts = []
    if start is not None:
        parts.append(f"{text('planned_start', lang)}: {_when(start.when, lang)}")
    if ready is not None:
        parts.append(f"{text('planned_ready', lang)}: {_when(ready.when, lang)}")
    line = " \u00b7 ".join(parts)
    if ev is None or ev.peildatum is None:
        return {"planning": line}
    peildatum = (f"{ev.peildatum.day} {MONTHS_EN[ev.peildatum.month - 1]} {ev.peildatum.year}" if lang == "en"
                 else day_words(ev.peildatum))
    passed = []
    if ready is not None and ev.ready_deadline is not None and ev.ready_deadline <= ev.peildatum:
        passed.append(_passed(text("planned_ready", lang), ready.when, lang))
    if not passed and start is not None and ev.start_deadline is not None \
            and ev.start_deadline <= ev.peildatum and ev.status in (None, "gepland"):
        passed.append(_passed(text("planned_start", lang), start.when, lang))
    if ev.planning is not None:
        reason = "; ".join(passed) + " " + text("planning_on", lang, day=peildatum)
        reason += "; " + text("planning_file_says", lang, state=state_label(ev.status, lang))
        return {"planning": line, "flag": state_label(ev.planning, lang), "flag_note": reason,
                "needs_attention": True}
    if ev.status is None and passed:
        reason = "; ".join(passed) + " " + text("planning_on", lang, day=peildatum)
        return {"planning": line, "flag_note": reason, "needs_attention": True}
    return {"planning": line}
