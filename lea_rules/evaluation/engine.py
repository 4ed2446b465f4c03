"""Engine: evaluate every result and action of an agenda for a peiljaar (pure, no I/O)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from lea_rules.data.model import FigureRevision, Observation, Progress, ReportedState
from lea_rules.data.units import DeclaredUnits
from lea_rules.evaluation import planning
from lea_rules.evaluation.goals import Context, evaluate_goal
from lea_rules.evaluation.kengetallen import kengetallen
from lea_rules.evaluation.model import (
    ActionEvaluation,
    ActRecord,
    Colour,
    DefinitionRecord,
    EvaluationReport,
    GoalEvaluation,
    ResultEvaluation,
    Status,
)
from lea_rules.evaluation.references import references, section_references
from lea_rules.nodes import Agenda, Goal, Result, Section, expr_names, goal_indicators
from lea_rules.period import available
from lea_rules.verdict.aspiration import as_aspiration
from lea_rules.verdict.notes import Note, Remark

NEEDS_ACT = (Colour.ORANGE, Colour.RED)
SEVERITY = {Colour.RED: 0, Colour.ORANGE: 1, Colour.GREY: 2, Colour.GREEN: 3}
"""For a result with parallel goals (several indicators), the least favourable one leads."""


def evaluate(agenda: Agenda, observations: Sequence[Observation], progress: Progress | None,
             peiljaar: int, previous_progress: Progress | None = None,
             data_date: str | None = None, units: DeclaredUnits | None = None,
             revisions: Sequence[FigureRevision] = (),
             yearly_progress: Mapping[int, Progress] | None = None) -> EvaluationReport:
    """The status of every result (in agenda order) and action for `peiljaar`.

    `previous_status` comes from the same evaluation for peiljaar - 1, with today's observations
    of the periods that had ended by then and `previous_progress` as the writer's stand. `units`
    are the declared units of each group (eenheden.csv); without them no count over units can be
    judged. `revisions` (revisies.csv) mark each result whose figures were revised
    (`data_revised`), and say so beside a previous status that was recomputed with them.
    `yearly_progress` holds the progress file of each earlier year, for the occurrences of a
    recurring milestone (`mijlpaal jaarlijks`); `progress` and `previous_progress` count too.
    """
    yearly = _yearly(yearly_progress, {peiljaar: progress, peiljaar - 1: previous_progress})
    results = _results(agenda, observations, progress, peiljaar, units, yearly)
    previous = {r.code: r for r in _results(agenda, observations, previous_progress, peiljaar - 1, units,
                                            yearly)}
    results = [_with_revisions(r.model_copy(update=_previous(previous.get(r.code))),
                               agenda, revisions, peiljaar) for r in results]
    counts: dict[str, int] = {status.value: 0 for status in Status}
    for r in results:
        counts[r.status.value] += 1
    actions = _actions(agenda, progress, peiljaar)
    illustrative = any(g.explanation.illustrative for r in results for g in r.goals) or bool(
        progress is not None and progress.illustratief)
    return EvaluationReport(
        municipality=agenda.municipality, agenda_title=agenda.title, agenda_path=agenda.path,
        period=agenda.period, peiljaar=peiljaar, data_date=data_date, results=results,
        actions=actions, illustrative_used=illustrative,
        counts={k: v for k, v in counts.items() if v},
        kengetallen=kengetallen(agenda, observations, peiljaar, units),
        introduction=list(agenda.provenance.texts),
        definitions=[DefinitionRecord(term=d.term, text=d.text, citations=[
            _citation(c.document, c.line, c.page, c.quote) for c in d.provenance.citations])
            for d in agenda.definitions],
        section_references=[found for section in agenda.walk_sections()
                            if (found := section_references(agenda, section_path(agenda, section), section))])


def _yearly(given: Mapping[int, Progress] | None,
            known: Mapping[int, Progress | None]) -> dict[int, Progress]:
    out = dict(given or {})
    out.update({year: p for year, p in known.items() if p is not None})
    return out


def _previous(before: ResultEvaluation | None) -> dict[str, object]:
    """Last year's status of a result and whether it rested on illustrative figures."""
    if before is None:
        return {"previous_status": None}
    return {"previous_status": before.status, "previous_illustrative": before.rests_on_illustrative}


def section_path(agenda: Agenda, section: Section) -> list[str]:
    parent = agenda.parent_of(section)
    chain = [parent, section] if parent is not None else [section]
    return [" ".join(p for p in (s.word, s.number, s.title) if p) for s in chain]


def _results(agenda: Agenda, observations: Sequence[Observation], progress: Progress | None,
             peiljaar: int, units: DeclaredUnits | None = None,
             yearly: Mapping[int, Progress] | None = None) -> list[ResultEvaluation]:
    out: list[ResultEvaluation] = []
    for section, result in agenda.all_results():
        entry = progress.resultaten.get(result.code) if progress is not None else None
        stand: ReportedState | None = entry.stand if entry is not None else None
        ctx = Context(agenda, observations, peiljaar, stand,
                      bool(progress is not None and progress.illustratief), units, yearly or {})
        goals = [evaluate_goal(ctx, result, goal) for goal in result.current_goals]
        headline = headline_index(result.current_goals, goals)
        status = goals[headline].status if goals else Status.NOT_ASSESSED
        act = entry.act if entry is not None else None
        # a pending final value hides nothing: a red or orange provisional status asks for Act too
        provisional = goals[headline].explanation.provisional_status if goals else None
        needs_act = status.colour in NEEDS_ACT or (
            status is Status.FINAL_PENDING and provisional is not None and provisional.colour in NEEDS_ACT)
        out.append(ResultEvaluation(
            code=result.code, title=result.title, section_path=section_path(agenda, section),
            status=status, colour=status.colour, goals=goals, headline_goal=headline,
            reported_state=stand.value if stand is not None else None,
            reported_note=entry.toelichting if entry is not None else None,
            reported_illustrative=ctx.stand_illustrative and entry is not None,
            act=ActRecord(oorzaak=act.oorzaak, gevolg=act.gevolg, bijsturing=act.bijsturing,
                          illustrative=ctx.stand_illustrative)
            if act is not None else None,
            needs_act=needs_act, act_missing=needs_act and act is None,
            questions=[text for text, _ in result.provenance.questions],
            citations=[_citation(c.document, c.line, c.page, c.quote) for c in result.provenance.citations],
            revised=bool(result.revisions), owner=result.owner, action=result.action,
            references=references(agenda, result.provenance),
        ))
        if result.aspiration:
            out[-1] = _as_aspiration(out[-1])
        if result.revisions:
            out[-1] = _with_revision_notes(out[-1], result)
    return out


def headline_index(goals: Sequence[Goal], evaluations: Sequence[GoalEvaluation]) -> int:
    """Staged targets: the next stage not yet past, else the last. Parallel goals: the worst.

    Goals on the same indicator form one chain of stages; of every chain the current stage
    counts, and among chains the least favourable colour (ties: the first). A past stage
    that was missed (oranje or rood) stays in the headline while the current stage looks
    better: a failed commitment for 2025 must reach the raad, not hide behind a grey 2027.
    """
    if not evaluations:
        return 0
    chains: dict[tuple[str, ...], list[int]] = {}
    for i, goal in enumerate(goals):
        key = tuple(n.casefold() for n in goal_indicators(goal)) or (f"#{i}",)
        chains.setdefault(key, []).append(i)
    current = []
    for members in chains.values():
        pending = [i for i in members if not evaluations[i].past]
        stage = pending[0] if pending else members[-1]
        missed = [i for i in members if evaluations[i].past and i != stage
                  and evaluations[i].colour in (Colour.RED, Colour.ORANGE)]
        current.append(min([stage, *missed], key=lambda i: SEVERITY[evaluations[i].colour]))
    return min(sorted(current), key=lambda i: SEVERITY[evaluations[i].colour])


def _used_indicators(agenda: Agenda, code: str) -> set[str]:
    """The indicators a result's goals read, with the inputs of derived ones."""
    found = next((r for _, r in agenda.all_results() if r.code == code), None)
    todo = [n.casefold() for g in (found.current_goals if found else ()) for n in goal_indicators(g)]
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        indicator = agenda.indicator(name)
        if indicator is not None and indicator.formula is not None:
            todo.extend(n.name.casefold() for n in expr_names(indicator.formula))
    return seen


def _with_revisions(evaluation: ResultEvaluation, agenda: Agenda, revisions: Sequence[FigureRevision],
                    peiljaar: int) -> ResultEvaluation:
    """Mark a result whose figures (up to the peiljaar) were revised, and a previous status that
    was recomputed with revised figures of the periods it could see."""
    used = _used_indicators(agenda, evaluation.code)
    mine = [r for r in revisions if r.indicator.casefold() in used and available(r.period, peiljaar)]
    if not mine:
        return evaluation
    before = [r for r in mine if available(r.period, peiljaar - 1)]
    recomputed = before if before and evaluation.previous_status is not None else None
    return evaluation.model_copy(update={"data_revised": True, "revised_figures": mine,
                                         "previous_status_note": recomputed})


def _with_revision_notes(evaluation: ResultEvaluation, result: Result) -> ResultEvaluation:
    from lea_rules.words.goals import describe_goals

    revision = result.revisions[-1]
    original = describe_goals(result.goals)
    note = Note(Remark.TARGET_REVISED, day=revision.decided, text=revision.reason or None, original=original)
    goals = [g.model_copy(update={
        "explanation": g.explanation.model_copy(update={"notes": [*g.explanation.notes, note]}),
        "occurrences": [o.model_copy(update={"aspiration_status": as_aspiration(o.status)})
                        for o in g.occurrences]}) for g in evaluation.goals]
    return evaluation.model_copy(update={"goals": goals})


def _as_aspiration(evaluation: ResultEvaluation) -> ResultEvaluation:
    """A `streven:`: the same verdict, said as a streven (verdict/aspiration.py); a note on every goal."""
    note = Note(Remark.ASPIRATION)
    goals = [g.model_copy(update={
        "explanation": g.explanation.model_copy(update={"notes": [*g.explanation.notes, note]}),
        "occurrences": [o.model_copy(update={"aspiration_status": as_aspiration(o.status)})
                        for o in g.occurrences]}) for g in evaluation.goals]
    return evaluation.model_copy(update={"goals": goals, "aspiration": True,
                                         "aspiration_status": as_aspiration(evaluation.status)})


def _citation(document: str, line: int | None, page: int | None, quote: str) -> str:
    where = f" regel {line}" if line is not None else f" pagina {page}" if page is not None else ""
    return f"{document}{where}: \u201c{quote}\u201d"


def _actions(agenda: Agenda, progress: Progress | None, peiljaar: int) -> list[ActionEvaluation]:
    out: list[ActionEvaluation] = []
    day = planning.peildatum(progress, peiljaar)
    for section, action in agenda.all_actions():
        entry = progress.acties.get(action.code) if progress is not None else None
        out.append(ActionEvaluation(
            **planning.fields(action, entry.status if entry is not None else None, day),
            code=action.code, title=action.title, section_path=section_path(agenda, section),
            kind=action.kind.value, owner=action.owner,
            status=entry.status.value if entry is not None else None,
            note=entry.toelichting if entry is not None else None,
            illustrative=bool(entry is not None and progress is not None and progress.illustratief),
            parent=action.parent, subactions=[a.code for a in section.subactions_of(action)],
            results=[r.code for r in section.results_of(action)],
            references=references(agenda, action.provenance)))
    return out
