"""At a glance and open questions: the state per theme, what changed, what is missing."""

from __future__ import annotations

from collections import Counter

from lea_rules.evaluation.model import (
    Colour,
    Status,
)
from lea_rules.report.i18n import (
    colour_label,
    status_label,
)
from lea_rules.report.view.base import (
    COLOUR_ORDER,
    COLOUR_RANK,
    require_status,
    result_anchor,
    result_ref,
    results_in,
    section_heading,
    status_view,
    walk_sections,
)
from lea_rules.report.view.model import (
    ColourCell,
    Glance,
    QuestionView,
    ResultRef,
    ResultView,
    SectionView,
    StatusRow,
    ThemeGlance,
)
from lea_rules.report.view.sections import SectionViews
from lea_rules.verdict.aspiration import Aspiration, as_aspiration


def shown(status: Status | None, aspiration: bool) -> Status | Aspiration | None:
    """The status as the report shows it: a streven's said as a streven."""
    if status is None or not aspiration:
        return status
    return as_aspiration(status) or status


class GlanceViews(SectionViews):
    def glance(self, themes: list[SectionView]) -> Glance:
        evals = self.data.evaluation.results
        has_previous = any(r.previous_status is not None for r in evals)
        theme_rows = [self._theme_glance(theme) for theme in themes]
        all_results = [r for theme in themes for r in results_in(theme)]
        # a streven is counted as it is shown (verdict/aspiration.py), not among the norms it missed
        now = Counter(shown(r.status, r.aspiration) for r in evals)
        illustrative = Counter(shown(r.status, r.aspiration) for r in evals if r.rests_on_illustrative)
        before = Counter(shown(r.previous_status, r.aspiration) for r in evals
                         if r.previous_status is not None)
        before_illustrative = Counter(shown(r.previous_status, r.aspiration) for r in evals
                                      if r.previous_status is not None and r.previous_illustrative)
        status_rows: list[StatusRow] = []
        for status in (*Status, *Aspiration):
            if not now[status] and not before[status]:
                continue
            diff = now[status] - before[status]
            status_rows.append(StatusRow(
                status=require_status(status_view(status, self.lang)), now=now[status],
                previous=before[status] if has_previous else None,
                difference=(self.fmt.signed(diff, 0) if diff else "0") if has_previous else "",
                illustrative=illustrative[status],
                previous_illustrative=before_illustrative[status] if has_previous else 0))
        changes = [ResultRef(r.code, r.anchor, r.title, r.status, r.previous) for r in all_results
                   if r.previous is not None and r.status is not None and r.previous.key != r.status.key]
        return Glance(
            total=len(evals), themes=theme_rows, totals=self._cells(all_results), status_rows=status_rows,
            has_previous=has_previous, changes=changes,
            act_missing=[result_ref(r) for r in all_results if r.act_missing],
            not_assessed=[result_ref(r) for r in all_results if r.not_assessed],
            illustrative_note=self._illustrative_note(sum(illustrative.values())),
            illustrative=sum(illustrative.values()))

    def _illustrative_note(self, n: int) -> str:
        if not n:
            return ""
        one = n == 1
        verb = ("rust" if one else "rusten") if self.lang == "nl" else ("rests" if one else "rest")
        return self.t("glance_illustrative", n=n, verb=verb)

    def _cells(self, results: list[ResultView]) -> list[ColourCell]:
        cells: list[ColourCell] = []
        for colour in COLOUR_ORDER:
            mine = [r for r in results if r.status is not None and r.status.colour == colour.value]
            counts = Counter(r.status.label for r in mine if r.status is not None)
            statuses = [(status_label(s, self.lang), counts[status_label(s, self.lang)])
                         for s in (*Status, *Aspiration)
                         if s.colour is colour and counts[status_label(s, self.lang)]]
            cells.append(ColourCell(colour.value, colour_label(colour, self.lang), len(mine), statuses))
        return cells

    def _theme_glance(self, theme: SectionView) -> ThemeGlance:
        results = list(results_in(theme))
        better = worse = other = 0
        for r in results:
            if r.previous is None or r.status is None or r.previous.key == r.status.key:
                continue
            old, new = COLOUR_RANK.get(Colour(r.previous.colour)), COLOUR_RANK.get(Colour(r.status.colour))
            if old is not None and new is not None and new > old:
                better += 1
            elif old is not None and new is not None and new < old:
                worse += 1
            else:
                other += 1
        shaky = sum(1 for r in results if r.status is not None and r.status.illustrative)
        return ThemeGlance(theme.heading, theme.anchor, self._cells(results), len(results), better, worse,
                           other, shaky)

    def questions(self, themes: list[SectionView]) -> list[QuestionView]:
        out: list[QuestionView] = []
        agenda = self.agenda
        for question, _ in agenda.provenance.questions:
            out.append(QuestionView(self.t("whole_agenda"), None, question))
        for definition in agenda.definitions:
            for question, _ in definition.provenance.questions:
                out.append(QuestionView(f"{self.t('definition')} {definition.term}", "begrippen", question))
        for indicator in agenda.indicators:
            for question, _ in indicator.provenance.questions:
                out.append(QuestionView(f"{self.t('indicator')} {indicator.label}", None, question))
        anchors = {v.heading: v.anchor for theme in themes for v in walk_sections(theme)}
        for section in agenda.walk_sections():
            heading = section_heading(section)
            for question, _ in section.provenance.questions:
                out.append(QuestionView(heading, anchors.get(heading), question))
            for action in section.actions:
                for question, _ in action.provenance.questions:
                    word = self.t("subaction" if action.parent is not None else "action")
                    out.append(QuestionView(f"{word} {action.code}: {action.title}",
                                            anchors.get(heading), question))
            for result in section.results:
                for question, _ in result.provenance.questions:
                    out.append(QuestionView(f"{self.t('result')} {result.code}: {result.title}",
                                            result_anchor(result.code), question))
        for budget in agenda.budgets:
            for question, _ in budget.provenance.questions:
                out.append(QuestionView(budget.title, None, question))
            for post in budget.posts:
                for question, _ in post.provenance.questions:
                    out.append(QuestionView(f"{self.t('budget_post')} {post.name}", None, question))
        return out
