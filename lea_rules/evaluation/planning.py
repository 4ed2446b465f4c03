"""Planning: an action's `start:` and `gereed:` against its stand in the progress file (pure, no I/O).

On the peildatum (31 december of the peiljaar, or the `peildatum:` of the progress file) an action
whose `gereed:` has passed and that is not `afgerond` is vertraagd, whatever the file says; one
whose `start:` has passed and that is still `gepland` has not started. A time has passed when its
last day lies on or before the peildatum. Without a progress entry nothing is judged: the action
is "geen stand gerapporteerd", and the note says which planned day has passed. docs/evaluation.md,
"Planning van acties".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

from lea_rules.data.model import ActionState, Progress
from lea_rules.nodes import Action
from lea_rules.tijdstip import Form, Tijdstip, day_words


class PlanningFlag(str, Enum):
    DELAYED = "vertraagd"  # gereed has passed, not afgerond
    NOT_STARTED = "niet gestart"  # start has passed, still gepland


NOT_REPORTED = "geen stand gerapporteerd"


def peildatum(progress: Progress | None, peiljaar: int) -> date:
    """The day the planning is checked on: the progress file's `peildatum:`, else 31 december."""
    if progress is not None and progress.peildatum is not None:
        return progress.peildatum
    return date(peiljaar, 12, 31)


def passed(when: Tijdstip, day: date) -> bool:
    """The time's last day lies on or before the peildatum."""
    return when.last <= day


@dataclass(frozen=True)
class PlanningVerdict:
    flag: PlanningFlag | None
    late_start: bool  # start has passed and the action is still gepland (or not reported)
    late_ready: bool  # gereed has passed and the action is not afgerond (or not reported)
    reported: bool


def judge(action: Action, status: ActionState | None, day: date) -> PlanningVerdict | None:
    """The planning of one action on the peildatum; None when the agenda gives it no planning."""
    if action.start is None and action.ready is None:
        return None
    ready_passed = action.ready is not None and passed(action.ready.when, day)
    start_passed = action.start is not None and passed(action.start.when, day)
    if status is None:
        return PlanningVerdict(None, start_passed, ready_passed, reported=False)
    late_ready = ready_passed and status not in (ActionState.DONE, ActionState.STOPPED)
    late_start = start_passed and status is ActionState.PLANNED
    flag = (PlanningFlag.DELAYED if late_ready else PlanningFlag.NOT_STARTED if late_start else None)
    return PlanningVerdict(flag, late_start, late_ready, reported=True)


def note(action: Action, verdict: PlanningVerdict, status: ActionState | None, day: date) -> str | None:
    """Why, in Dutch, for the JSON: which planned day passed on which peildatum, and the stand."""
    parts = []
    if verdict.late_ready and action.ready is not None:
        parts.append(f"gereed {_when_passed(action.ready.when)} is voorbij")
    if verdict.late_start and not verdict.late_ready and action.start is not None:
        parts.append(f"start {_when_passed(action.start.when)} is voorbij")
    if not parts:
        return None if verdict.reported else NOT_REPORTED
    said = " en ".join(parts) + f" op de peildatum {day_words(day)}"
    if not verdict.reported:
        return f"{NOT_REPORTED}; {said}"
    assert status is not None
    return f"{said}; het voortgangsbestand zegt {status.value}"


def fields(action: Action, status: ActionState | None, day: date) -> dict[str, Any]:
    """The planning fields of the action's evaluation (model.ActionEvaluation)."""
    verdict = judge(action, status, day)
    if verdict is None:
        return {}
    start, ready = action.start, action.ready
    return {"start": start.when.words if start else None, "ready": ready.when.words if ready else None,
            "start_deadline": start.when.last if start else None,
            "ready_deadline": ready.when.last if ready else None,
            "planning": verdict.flag.value if verdict.flag else None,
            "planning_note": note(action, verdict, status, day), "peildatum": day}


def _when_passed(when: Tijdstip) -> str:
    """`eind 2025 (uiterlijk 31 december 2025)`; a day says its day once: `uiterlijk 1 augustus 2026`."""
    if when.form is Form.DAY:
        return when.words
    return f"{when.words} (uiterlijk {day_words(when.last)})"
