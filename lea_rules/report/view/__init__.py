"""View: the report's view-model, built from the agenda, its evaluation and the data.

Everything the templates show is prepared here, already formatted for the reader's
language, so the templates only lay it out. Texts from the agenda or the data files stay
plain strings: the templates escape them (autoescape). Only the charts are markup, drawn
by `charts.line_chart`, which escapes every text it puts in.

One module per part of the report: `goals` (each goal's numbers, rule and chart), `sections`
(Plan, Do, Check and Act of every part), `glance` (the state per theme, open questions) and
`appendix` (data, kengetallen, revisions, budgets), on the shared `base`; `model` holds the
dataclasses the templates read.
"""

from __future__ import annotations

from lea_rules.evaluation.shown_units import display_unit
from lea_rules.report.i18n import method_paragraphs
from lea_rules.report.view.appendix import AppendixViews
from lea_rules.report.view.base import (
    citation_views,
    result_anchor,
    shows_required,
    slug,
    status_view,
    target_axis,
)
from lea_rules.report.view.glance import GlanceViews
from lea_rules.report.view.model import (
    ActionView,
    ActView,
    BudgetPostView,
    BudgetView,
    CitationView,
    ColourCell,
    Cover,
    DataRow,
    DefinitionView,
    FigureRevisionView,
    Glance,
    GoalView,
    KengetalCell,
    KengetalRow,
    KengetalView,
    PlanItem,
    QuestionView,
    ReferenceView,
    ReportInput,
    ReportView,
    ResultRef,
    ResultView,
    Row,
    SectionView,
    StatusRow,
    StatusView,
    TargetRevisionView,
    ThemeGlance,
    UnitRow,
    ValueView,
)

__all__ = [
    "ActView",
    "ActionView",
    "BudgetPostView",
    "BudgetView",
    "CitationView",
    "ColourCell",
    "Cover",
    "DataRow",
    "FigureRevisionView",
    "Glance",
    "GoalView",
    "KengetalCell",
    "KengetalRow",
    "KengetalView",
    "PlanItem",
    "QuestionView",
    "ReferenceView",
    "ReportInput",
    "ReportView",
    "ResultRef",
    "ResultView",
    "Row",
    "SectionView",
    "StatusRow",
    "StatusView",
    "TargetRevisionView",
    "ThemeGlance",
    "UnitRow",
    "ValueView",
    "build_view",
    "display_unit",
    "result_anchor",
    "shows_required",
    "slug",
    "status_view",
    "target_axis",
]


class _Builder(GlanceViews, AppendixViews):
    def build(self) -> ReportView:
        ev = self.data.evaluation
        themes = [self.section_view(s, str(i + 1), 2) for i, s in enumerate(self.agenda.sections)]
        illustrative = (ev.illustrative_used or self.progress_illustrative
                        or any(o.illustrative for o in self.data.observations))
        start, end = self.agenda.period
        cover = Cover(
            municipality=self.agenda.municipality, title=self.agenda.title, period=f"{start}\u2013{end}",
            peiljaar=ev.peiljaar,
            data_date=self.fmt.date(ev.data_date) if ev.data_date else self.t("data_date_unknown"),
            generated=self.fmt.date(self.data.generated) if self.data.generated else None,
            generated_iso=self.data.generated.isoformat() if self.data.generated else None,
            illustrative=illustrative)
        return ReportView(
            lang=self.lang, doc_title=self.t("doc_title", title=self.agenda.title, year=ev.peiljaar),
            agenda_file=self.agenda.path.replace("\\", "/").rsplit("/", 1)[-1],
            cover=cover, glance=self.glance(themes), themes=themes, questions=self.questions(themes),
            method=method_paragraphs(self.lang), data_rows=self.data_rows(),
            target_revisions=self.target_revisions(), figure_revisions=self.figure_revisions(),
            budgets=self.budgets(), kengetallen=self.kengetallen(),
            introduction=list(self.agenda.provenance.texts),
            definitions=[DefinitionView(d.term, d.text, citation_views(d.provenance, self.agenda, self.lang))
                         for d in self.agenda.definitions])


def build_view(data: ReportInput) -> ReportView:
    """The view-model of the whole report."""
    return _Builder(data).build()
