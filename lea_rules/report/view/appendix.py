"""Appendices: the data used, the kengetallen, revised targets and figures, budgets."""

from __future__ import annotations

from lea_rules import words
from lea_rules.evaluation.model import (
    KengetalPoint,
    KengetalSeries,
)
from lea_rules.evaluation.series import formula_text
from lea_rules.nodes import NumberExpr
from lea_rules.period import Period, available
from lea_rules.report.goals import describe_goals
from lea_rules.report.view.base import ViewBase, citation_views, result_anchor, slug
from lea_rules.report.view.model import (
    BudgetPostView,
    BudgetView,
    DataRow,
    FigureRevisionView,
    KengetalCell,
    KengetalRow,
    KengetalView,
    TargetRevisionView,
)
from lea_rules.words import REPORT_WORDS


def shared_source(rows: list[KengetalRow]) -> tuple[str | None, list[KengetalRow]]:
    """Sources that differ only at the end (`..., regel 1671`): the shared part once, the rest per row.

    Cut at a `, ` so that no word is split; only when every figure has its own remainder.
    """
    sources = [source for row in rows for _, source in row.sources]
    if len(sources) < 2:
        return None, rows
    prefix = sources[0]
    for source in sources[1:]:
        while not source.startswith(prefix):
            prefix = prefix[:-1]
    cut = prefix.rfind(", ")
    if cut < 20 or any(len(source) <= cut + 2 for source in sources):
        return None, rows
    common = prefix[:cut]
    return common, [KengetalRow(row.header, row.cells,
                                [(period, source[cut + 2:]) for period, source in row.sources])
                    for row in rows]


class AppendixViews(ViewBase):
    def data_rows(self) -> list[DataRow]:
        """Every figure the peiljaar can know: a 2026 report shows no 2027 figure, as its verdicts
        use none (`period.available`)."""
        rows: list[DataRow] = []
        known = [o for o in self.data.observations if available(o.period, self.data.evaluation.peiljaar)]
        for obs in sorted(known,
                          key=lambda o: (o.indicator.casefold(), o.period.text,
                                         (o.breakdown or "").casefold())):
            indicator = self.agenda.indicator(obs.indicator)
            unit = indicator.unit.value if indicator is not None and indicator.unit is not None else None
            if obs.value is not None:
                value = self.fmt.value(obs.value, unit)
            elif obs.rating is not None:
                value = obs.rating
            elif obs.flag is not None:
                value = self.t("yes") if obs.flag else self.t("no")
            else:
                value = self.fmt.missing()
            rows.append(DataRow(
                indicator=indicator.label if indicator is not None else obs.indicator, name=obs.indicator,
                period=self.fmt.period(obs.period), breakdown=obs.breakdown or "", value=value,
                status=obs.status.value if self.lang == "nl" else
                ("provisional" if obs.status.value == "voorlopig" else "final"),
                source=obs.source, illustrative=obs.illustrative, note=obs.note or "",
                series=obs.series or ""))
        return rows

    def kengetallen(self) -> list[KengetalView]:
        return [self.kengetal(series) for series in self.data.evaluation.kengetallen]

    def kengetal(self, series: KengetalSeries) -> KengetalView:
        indicator = self.agenda.indicator(series.indicator)
        formula = None
        if indicator is not None and indicator.formula is not None:
            formula = formula_text(indicator.formula, times="\u00d7")
        anchor = f"kengetal-{slug(series.indicator)}"
        periods: list[Period] = []
        for point in series.points:
            if point.period not in periods:
                periods.append(point.period)
        by_key = {(p.period, p.unit): p for p in series.points}
        if not series.units:
            rows: list[KengetalRow] = []
            for period in periods:
                cell = self.kengetal_cell(series, by_key.get((period, None)))
                rows.append(KengetalRow(self.fmt.period(period), [cell], [("", cell.source)]))
            return KengetalView(anchor, series.indicator, series.label, series.source, formula,
                                self.t("kengetal_table"), self.t("data_period"),
                                [self.t("value")], rows)
        group = series.group or self.t("breakdown").lower()
        units: list[str | None] = [None] if any(p.unit is None for p in series.points) else []
        units.extend(series.units)
        shown_periods = [self.fmt.period(period) for period in periods]
        unit_rows: list[KengetalRow] = []
        for unit in units:
            cells = [self.kengetal_cell(series, by_key.get((period, unit))) for period in periods]
            sources = [(shown if len(periods) > 1 else "", cell.source)
                       for shown, cell in zip(shown_periods, cells, strict=True) if not cell.missing]
            unit_rows.append(KengetalRow(unit if unit is not None else self.t("total"), cells, sources))
        common, unit_rows = shared_source(unit_rows)
        return KengetalView(anchor, series.indicator, series.label, series.source, formula,
                            self.t("kengetal_table_units", group=group),
                            group[:1].upper() + group[1:], shown_periods, unit_rows, common)

    def kengetal_cell(self, series: KengetalSeries, point: KengetalPoint | None) -> KengetalCell:
        if point is None:
            return KengetalCell(self.fmt.missing(), missing=True)
        if point.value is not None:
            shown = self.fmt.value(point.value, series.unit)
        elif point.rating is not None:
            shown = self._flag_word(point.rating)
        else:
            return KengetalCell(self.fmt.missing(), missing=True)
        source = words.source(point.source, REPORT_WORDS[self.lang])
        indicator = self.agenda.indicator(series.indicator)
        if point.derived and indicator is not None and indicator.formula is not None:
            inputs = {name.casefold(): value for name, value in point.inputs.items()}

            def name(written: str) -> str:
                value = inputs.get(written.casefold())
                return written if value is None else self.fmt.number(value, 4)

            def number(expr: NumberExpr) -> str:
                return self.fmt.number(expr.number.value, 4)

            source = self.t("derived_from", inputs=formula_text(indicator.formula, name, number, "\u00d7"))
        return KengetalCell(shown, illustrative=point.illustrative, provisional=point.status == "voorlopig",
                            derived=point.derived, source=source)

    def target_revisions(self) -> list[TargetRevisionView]:
        out: list[TargetRevisionView] = []
        for _, result in self.agenda.all_results():
            if not result.revisions:
                continue
            steps = [(self.fmt.date(rev.decided), describe_goals(rev.goals, self.agenda, self.fmt),
                      rev.reason or "") for rev in result.revisions]
            out.append(TargetRevisionView(result.code, result_anchor(result.code), result.title,
                                          describe_goals(result.goals, self.agenda, self.fmt), steps))
        return out

    def figure_revisions(self) -> list[FigureRevisionView]:
        out: list[FigureRevisionView] = []
        for rev in self.data.revisions:
            if not available(rev.period, self.data.evaluation.peiljaar):
                continue  # the figure of a later period, and so its revision, is not known yet
            indicator = self.agenda.indicator(rev.indicator)
            out.append(FigureRevisionView(
                indicator=indicator.label if indicator is not None else rev.indicator,
                period=self.fmt.period(rev.period), breakdown=rev.breakdown or "", old=rev.old, new=rev.new,
                reason=rev.reason, date=self.fmt.date(rev.revised_on)))
        return out

    def budgets(self) -> list[BudgetView]:
        out: list[BudgetView] = []
        for budget in self.agenda.budgets:
            posts = [BudgetPostView(
                name=post.name,
                amounts=[(str(a.year) if a.year is not None else self.t("structural"),
                          self.fmt.euro(a.euros.value)) for a in post.amounts],
                note=post.note, citations=citation_views(post.provenance, self.agenda, self.lang))
                for post in budget.posts]
            cited = citation_views(budget.provenance, self.agenda, self.lang)
            out.append(BudgetView(budget.title, posts, cited))
        return out
