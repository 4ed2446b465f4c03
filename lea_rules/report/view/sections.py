"""Sections: Plan, Do, Check and Act of every part of the agenda, with its results and actions."""

from __future__ import annotations

from lea_rules.evaluation.model import (
    Status,
)
from lea_rules.goal_values import goal_recurrence
from lea_rules.nodes import Action, Result, Section
from lea_rules.report.goals import describe_goals
from lea_rules.report.i18n import (
    action_kind_label,
    state_label,
)
from lea_rules.report.view.base import (
    action_anchor,
    citation_views,
    result_anchor,
    section_heading,
    status_view,
)
from lea_rules.report.view.goals import GoalViews
from lea_rules.report.view.model import (
    ActionRef,
    ActionView,
    ActView,
    PlanItem,
    ResultRef,
    ResultView,
    SectionView,
)
from lea_rules.report.view.planning import planning_view


class SectionViews(GoalViews):
    def action_ref(self, section: Section, code: str | None) -> ActionRef | None:
        """The actie or deelactie a result or deelactie belongs to, as the report names it."""
        action = section.action(code) if code is not None else None
        if action is None:
            return None
        word = "subaction_word" if action.parent is not None else "action_word"
        return ActionRef(action.code, action_anchor(action.code), action.title, self.t(word))

    def result_view(self, result: Result, section: Section) -> ResultView:
        ev = self.evaluations.get(result.code)
        action = self.action_ref(section, result.action)
        if ev is None:
            view = ResultView(result.code, result_anchor(result.code), result.title, None, None, [], None,
                              None, None, False, False, False, bool(result.revisions), False,
                              owner=result.owner, action=action,
                              references=self.references(result.provenance))
            self.result_views[result.code] = view
            return view
        # the agenda's goals beside their verdicts, for how often a recurring one holds in the reader's words
        said = [goal_recurrence(g) for g in result.current_goals] if len(result.current_goals) == len(
            ev.goals) else [None] * len(ev.goals)
        goals = [self.goal_view(ev.code, i, g, i == ev.headline_goal, ev.aspiration, said[i])
                 for i, g in enumerate(ev.goals)]
        act = None
        if ev.act is not None:
            act = ActView(ev.act.oorzaak, ev.act.gevolg, ev.act.bijsturing, ev.act.illustrative)
        view = ResultView(
            code=ev.code, anchor=result_anchor(ev.code), title=result.title,
            status=status_view(ev.status, self.lang, ev.rests_on_illustrative, ev.aspiration),
            previous=status_view(ev.previous_status, self.lang, aspiration=ev.aspiration),
            goals=goals, reported_state=state_label(ev.reported_state, self.lang),
            reported_note=ev.reported_note, act=act, needs_act=ev.needs_act, act_missing=ev.act_missing,
            not_assessed=ev.status is Status.NOT_ASSESSED, revised=ev.revised or bool(result.revisions),
            illustrative_progress=ev.reported_illustrative,
            previous_note=self.t("previous_recomputed") if ev.previous_status_note else None,
            not_judgeable=ev.status is Status.NOT_JUDGEABLE,
            provisional=status_view(ev.headline.explanation.provisional_status, self.lang,
                                    ev.rests_on_illustrative, ev.aspiration) if ev.headline else None,
            owner=result.owner, action=action, references=self.references(result.provenance))
        self.result_views[result.code] = view
        return view

    def plan_item(self, result: Result, section: Section) -> PlanItem:
        baseline = None
        if result.baseline is not None:
            quantity, moment = result.baseline
            if moment is None:
                when = self.t("undated_baseline")
            else:
                when = self.fmt.date(moment.day) if moment.day is not None else moment.describe()
            baseline = f"{quantity.describe()} ({when})"
        original = describe_goals(result.goals, self.agenda, self.fmt) if result.revisions else None
        return PlanItem(code=result.code, anchor=result_anchor(result.code), title=result.title,
                        target=describe_goals(result.current_goals, self.agenda, self.fmt),
                        original_target=original, baseline=baseline,
                        citations=citation_views(result.provenance, self.agenda, self.lang),
                        texts=list(result.provenance.texts), aspiration=result.aspiration,
                        action=self.action_ref(section, result.action))

    def action_view(self, action: Action, section: Section, results: dict[str, ResultView]) -> ActionView:
        """An actie or deelactie, with the verdicts of its own results (`met resultaat`)."""
        refs = [ResultRef(r.code, result_anchor(r.code), r.title,
                          results[r.code].status if r.code in results else None)
                for r in section.results_of(action)]
        ev = self.action_evals.get(action.code)
        status = state_label(ev.status, self.lang) if ev is not None else None
        note = ev.note if ev is not None else None
        return ActionView(code=action.code, title=action.title,
                          kind=action_kind_label(action.kind.value, self.lang),
                          owner=action.owner, status=status, note=note,
                          illustrative=ev is not None and ev.illustrative,
                          texts=list(action.provenance.texts),
                          citations=citation_views(action.provenance, self.agenda, self.lang),
                          anchor=action_anchor(action.code),
                          parent=self.action_ref(section, action.parent),
                          results=refs, references=self.references(action.provenance),
                          **planning_view(action, ev, self.lang))

    def section_view(self, section: Section, index: str, h: int) -> SectionView:
        anchor = self.section_anchors[id(section)]
        results = [self.result_view(r, section) for r in section.results]
        act = [r for r in results if r.needs_act or r.not_assessed or r.not_judgeable]
        children = [self.section_view(child, f"{index}-{i + 1}", h + 1)
                    for i, child in enumerate(section.children)]
        views = {r.code: r for r in results}
        actions = [self.action_view(a, section, views) for a in section.actions]
        return SectionView(
            anchor=anchor, heading=section_heading(section), level=section.level, h=h,
            texts=list(section.provenance.texts),
            citations=citation_views(section.provenance, self.agenda, self.lang),
            plan=[self.plan_item(r, section) for r in section.results],
            actions=actions, results=results, act=act, children=children,
            act_actions=[a for a in actions if a.needs_attention],
            references=self.references(section.provenance))
