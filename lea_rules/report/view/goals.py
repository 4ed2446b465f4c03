"""Goals: each goal of a result as rows of numbers, its rule, its chart and its sources."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from markupsafe import Markup

from lea_rules import words
from lea_rules.data.group_names import named_groups
from lea_rules.evaluation.model import (
    BaselineKind,
    GoalEvaluation,
    GoalKind,
)
from lea_rules.evaluation.shown_units import display_unit, unit_words
from lea_rules.nodes import Measure
from lea_rules.recurrence import Recurrence
from lea_rules.report.charts import ChartPoint, ChartSpec, breaks, line_chart
from lea_rules.report.goals import describe_recurrence
from lea_rules.report.view.base import (
    ViewBase,
    require_status,
    shows_required,
    slug,
    status_view,
    target_axis,
)
from lea_rules.report.view.model import GoalView, OccurrenceView, Row, UnitRow, ValueView
from lea_rules.verdict.figures import UnitsMet
from lea_rules.words import REPORT_WORDS, occurrences


class GoalViews(ViewBase):
    def goal_view(self, result_code: str, index: int, goal: GoalEvaluation, headline: bool,
                  aspiration: bool = False, recurrence: Recurrence | None = None) -> GoalView:
        e = goal.explanation
        target_text = self.target_text(goal, recurrence)
        unit = display_unit(goal)
        numeric = goal.kind.numeric
        rows: list[Row] = []
        if e.latest is not None or not goal.kind.reported:
            rows.append(Row(self.t("latest"), self.point_value(e.latest, unit)))
        # a streven is named as one wherever the report names its target, never "Doel"
        aim = "aspiration" if aspiration else "target"
        rows.append(Row(self.t(aim), ValueView(target_text,
                                                    illustrative=goal.target_illustrative)))
        moment = self.fmt.period(e.target_moment) if e.target_moment else None
        if numeric and (e.latest is not None or e.baseline is not None):
            baseline = self.point_value(e.baseline, unit)
            if e.baseline_kind and e.baseline_kind is not BaselineKind.NULMETING and e.baseline is not None:
                kind = words.baseline_kind(e.baseline_kind, REPORT_WORDS[self.lang])
                baseline = ValueView(f"{baseline.text} ({kind})", baseline.period,
                                     baseline.illustrative, baseline.provisional, baseline.source)
            rows.append(Row(self.t("baseline"), baseline))
            # only the numbers that decided the status: a met or keep-it target has no required change;
            # a pending final value shows those of its provisional status
            ahead = not goal.past or e.provisional
            # a number computed from an illustrative figure is illustrative too: the required change
            # rests on the baseline, the others on the points used (Explanation.illustrative)
            baseline_illustrative = e.baseline is not None and e.baseline.illustrative
            if shows_required(goal):
                required = self.fmt.change(e.required_per_year, unit)
                rows.append(Row(self.t("required_change"),
                                ValueView(required, illustrative=baseline_illustrative)))
            if ahead and e.actual_per_year is not None:
                rows.append(Row(self.t("actual_change"), ValueView(self.fmt.change(e.actual_per_year, unit),
                                                                   illustrative=e.illustrative)))
            if e.ratio is not None:
                rows.append(Row(self.t("ratio"), ValueView(self.fmt.number(e.ratio),
                                                           illustrative=e.illustrative)))
            if e.achieved_share is not None:
                share = self.fmt.value(e.achieved_share * 100, "%")
                rows.append(Row(self.t("achieved_share"), ValueView(share, illustrative=e.illustrative)))
            # a projection that was not made is not shown: "geen gegevens" is the word for missing
            # data, never for a number the rules did not compute (a break, too few points, no trend)
            if goal.kind is not GoalKind.TREND and e.projection is not None and not e.series_break and (
                    not goal.past or e.provisional):
                label = self.t("projection", moment=moment) if moment else self.t("projection_plain")
                if goal.past:
                    label += f" ({self.t('provisional')})"
                rows.append(Row(label, ValueView(self.fmt.value(e.projection, unit),
                                                 illustrative=e.illustrative)))
        # the sources of the figures; of a count over units, those of the units' figures (the count
        # itself, `4 van 6 voorscholen voldoen`, heads the table of the counted units)
        sources: list[str] = []
        for point in [*e.points, e.baseline, e.latest]:
            if point is None:
                continue
            origins = point.source.sources if isinstance(point.source, UnitsMet) else (point.source,)
            for origin in origins:
                shown = words.source(origin, REPORT_WORDS[self.lang])
                if shown and shown not in sources:
                    sources.append(shown)
        counted = next((p for p in [e.latest, *reversed(e.points)] if p is not None
                        and isinstance(p.source, UnitsMet) and e.units_period is not None
                        and p.period == e.units_period), None)
        chart, summary = self.chart(result_code, index, goal, target_text, aspiration)
        # a declared unit without a value (eenheden.csv): geen gegevens, not "voldoet niet"
        lang = REPORT_WORDS[self.lang]
        units = [UnitRow(u.unit, self.fmt.missing() if u.missing else words.unit_value(u.value, lang),
                         self.t("yes") if u.meets else self.fmt.missing() if u.missing else self.t("no"),
                         u.illustrative, named_groups(tuple(u.groups), self.lang)) for u in e.units]
        return GoalView(
            description=goal.description,
            title=f"{goal.indicator_label}: {target_text}" if goal.indicator_label else target_text,
            indicator_label=goal.indicator_label,
            status=require_status(status_view(goal.status, self.lang, e.illustrative, aspiration)),
            headline=headline,
            past=goal.past,
            rows=rows, rule=words.rule(e.rule, REPORT_WORDS[self.lang]),
            notes=[words.note(n, REPORT_WORDS[self.lang]) for n in e.notes],
            sources=sources,
            measurement=words.measurement(e.measurement_for_target, REPORT_WORDS[self.lang])
            if e.measurement_for_target is not None else None, chart=chart, chart_summary=summary,
            indicative=e.indicative, provisional=e.provisional, illustrative=e.illustrative,
            units=units, units_period=self.fmt.period(e.units_period) if e.units_period else None,
            units_count=words.source(counted.source, REPORT_WORDS[self.lang]) if counted else None,
            occurrences=[OccurrenceView(f"{self.fmt.period(o.moment)} "
                                        f"{occurrences.cell(o, REPORT_WORDS[self.lang])}",
                                        occurrences.shown_colour(o).value, o.upcoming, o.illustrative)
                         for o in goal.occurrences])

    def target_text(self, goal: GoalEvaluation, recurrence: Recurrence | None = None) -> str:
        e = goal.explanation
        if goal.recurrence is not None and e.target_moment is not None:
            # a recurring goal: the aim, how often, and which occurrence is shown (occurrences.deciding)
            aim = (words.aim(e.target_text, REPORT_WORDS[self.lang]) if e.target_text is not None
                   else self.t("goal_milestone") if goal.kind is GoalKind.MILESTONE else goal.description)
            how = describe_recurrence(recurrence, self.lang) if recurrence is not None else goal.recurrence
            return (f"{aim} {how} "
                    f"{occurrences.deciding(goal.occurrences, self.fmt.period(e.target_moment), self.lang)}")
        if e.target_text is not None:
            target = words.aim(e.target_text, REPORT_WORDS[self.lang])
        elif self.lang != "nl" and goal.kind in (GoalKind.MILESTONE, GoalKind.QUALITATIVE):
            # the JSON description is Dutch ("mijlpaal in 2027"): say the kind in the reader's language
            target = self.t("goal_milestone" if goal.kind is GoalKind.MILESTONE else "goal_qualitative")
        else:
            target = goal.description
        written = e.target_moment.written if e.target_moment else None
        if written is not None:
            phrase = written.phrase if self.lang == "nl" else written.english_phrase
            return target if phrase in target else f"{target} {phrase}"
        if e.target_moment and e.target_moment.text not in target:
            word = self.t("on") if e.target_moment.period.day is not None else self.t("in")
            target += f" {word} {self.fmt.period(e.target_moment)}"
        return target

    def chart(self, result_code: str, index: int, goal: GoalEvaluation, target_text: str,
              aspiration: bool = False) -> tuple[Markup, str]:
        e = goal.explanation
        suffix = "_aspiration" if aspiration else ""
        legend = replace(self.legend, target=self.t("legend_aspiration"),
                         path=self.t("legend_path_aspiration")) if aspiration else self.legend
        unit = display_unit(goal)
        numbers = [p for p in e.points if p.value is not None]
        if e.latest is not None and e.latest.value is not None and all(p.t != e.latest.t for p in numbers):
            numbers.append(e.latest)
        if not numbers:
            return Markup(""), ""
        def short(v: float | Decimal) -> str:  # labels inside the chart: the unit stands above the axis
            if unit == "%":
                return self.fmt.value(v, unit)
            return self.fmt.number(v, 0 if unit == "aantal" else 2)

        # the chart draws in floats; the labels say the exact figures
        points = tuple(ChartPoint(float(p.t), float(p.value or 0), short(p.value or 0), p.illustrative,
                                  p.series) for p in sorted(numbers, key=lambda p: p.t))
        target_t = target_axis(e.measurement_for_target) or (
            float(e.target_moment.period.axis) if e.target_moment is not None else None)
        target = ((target_t, float(e.target_value)) if target_t is not None and e.target_value is not None
                  else None)
        baseline = None
        if e.baseline is not None and e.baseline.value is not None:
            baseline = (float(e.baseline.t), float(e.baseline.value))
        projection = None
        if (e.projection is not None and target_t is not None and e.latest is not None
                and e.latest.value is not None and (not goal.past or e.provisional)
                and target_t > e.latest.t):
            projection = (float(e.latest.t), float(e.latest.value), target_t, float(e.projection))
        low, high = self._bounds(None if goal.kind is GoalKind.UNITS else goal.indicator, unit)
        label = goal.indicator_label or goal.indicator or goal.description
        parts = [self.t("sum_points", points="; ".join(
            f"{self.when(p)}: {self.fmt.value(p.value, unit)}"
            + (f" ({self.t('illustrative')})" if p.illustrative else "")
            for p in sorted(numbers, key=lambda p: p.t)))]
        if e.target_value is not None:
            aim_text = target_text + (
                f" ({self.t('illustrative')})" if goal.target_illustrative else "")
            parts.append(self.t("sum_aspiration" if aspiration else "sum_target", target=aim_text))
        marker = f" ({self.t('illustrative')})"
        if baseline is not None and e.baseline is not None:
            parts.append(self.t("sum_baseline", baseline=f"{self.when(e.baseline)}: "
                                f"{self.fmt.value(e.baseline.value, unit)}"
                                + (marker if e.baseline.illustrative else "")))
        if projection is not None and e.target_moment:
            parts.append(self.t("sum_projection", moment=self.fmt.period(e.target_moment),
                                value=self.fmt.value(e.projection, unit)
                                + (marker if e.illustrative else "")))
        if e.series_break:
            for cut in breaks(points):
                before, after = sorted(numbers, key=lambda p: p.t)[cut - 1:cut + 1]
                parts.append(self.t("sum_break", before=self.fmt.period(before.period),
                                    after=self.fmt.period(after.period), new=after.series))
        summary = " ".join(parts)
        spec = ChartSpec(
            chart_id=f"grafiek-{slug(result_code)}-{index}",
            title=self.t(f"chart_title{suffix}", label=label),
            summary=summary, points=points, target=target,
            target_label=f"{legend.target} {words.aim(e.target_text, REPORT_WORDS[self.lang])}"
            if target and e.target_text
            else (f"{legend.target} {short(e.target_value or 0)}" if target else None),
            axis_unit="" if unit in ("%", "aantal", None) else unit_words(unit, self.lang),
            # the required path only where the required change decided the status (as in the table):
            # a met or keep-it target needs no path, and none is drawn across a series break
            baseline=baseline if shows_required(goal) and not e.series_break else None,
            projection=projection, low=low, high=high,
            whole=unit == "aantal", series_break=e.series_break,
            school_years=all(p.period.kind is Measure.SCHOOL_YEAR for p in numbers),
            undated=(float(e.baseline.t), self.t("chart_undated"))
            if e.baseline is not None and e.baseline.undated else None)
        return line_chart(spec, legend, short), summary

    def _bounds(self, name: str | None, unit: str | None) -> tuple[float | None, float | None]:
        indicator = self.agenda.indicator(name) if name else None
        if indicator is not None:
            low, high = indicator.bounds()
            return (None if low is None else float(low)), (None if high is None else float(high))
        if unit == "%":
            return 0.0, 100.0
        return None, None

