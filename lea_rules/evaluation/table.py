"""Table: the evaluation as a terminal table (rich), Dutch numbers, colours also as words."""

from __future__ import annotations

import io
from collections import Counter
from decimal import Decimal
from typing import TYPE_CHECKING

from lea_rules.counts import aantal
from lea_rules.evaluation.model import Colour, EvaluationReport, GoalEvaluation, GoalKind, Point, Status
from lea_rules.evaluation.shown_units import display_unit, value_text
from lea_rules.tijdstip import day_words as date_words
from lea_rules.verdict.aspiration import Aspiration, as_aspiration
from lea_rules.words import nl, occurrences

if TYPE_CHECKING:
    from rich.table import Table

STYLE = {Colour.GREEN: "green", Colour.ORANGE: "dark_orange", Colour.RED: "red", Colour.GREY: "grey50"}


def number(value: Decimal | None, unit: str | None = None, decimals: int = 2) -> str:
    """`83.7` -> `83,7`; `10884` -> `10.884`; in its unit as the report writes it (`83,7%`,
    `5 uur per week`, `€ 50.000`); None is 'geen gegevens' (–)."""
    if value is None:
        return "–"
    return value_text(value, unit, "nl", decimals)


def point_text(point: Point | None, unit: str | None) -> str:
    if point is None:
        return "–"
    shown = point.rating if point.rating is not None else number(point.value, unit)
    marker = " (illustratief)" if point.illustrative else ""
    when = "vóór de start, zonder datum" if point.undated else point.period
    return f"{shown} ({when}){marker}"


def _latest_text(goal: GoalEvaluation) -> str:
    """The latest value; for a count over units also the share's % and how many delivered."""
    e = goal.explanation
    text = point_text(e.latest, display_unit(goal))  # alle/elk: a share (%) of the units
    if goal.kind is not GoalKind.UNITS:
        return text
    if e.latest is not None and e.units_declared:
        delivered = e.units_declared - (e.units_missing or 0)
        text += f"; {delivered} van {e.units_declared} geleverd"
    return text


def _goal_text(goal: GoalEvaluation, title: str) -> str:
    """Milestones and qualitative results say little by their kind: show the result's title too."""
    if goal.kind.reported:
        short = title if len(title) <= 70 else title[:69] + "…"
        return f"{goal.description}: {short}"
    return goal.description


def _when(goal: GoalEvaluation) -> str | None:
    """`in 2027`, `uiterlijk voorjaar 2023`; a recurring goal how often and which time is shown:
    `jaarlijks (deze keer: 2025)`, never `jaarlijks in 2025` or only `in 2025`."""
    moment = goal.explanation.target_moment
    if moment is None:
        return None
    if goal.recurrence is not None:
        return f"{goal.recurrence} {occurrences.deciding(goal.occurrences, str(moment))}"
    return moment.written.phrase if moment.written else f"in {moment}"


def _flags(goal: GoalEvaluation) -> str:
    e = goal.explanation
    flags = []
    if e.indicative:
        flags.append("indicatief")
    if e.provisional:
        flags.append("voorlopig")
    if e.series_break:
        flags.append("trendbreuk")
    if e.illustrative:
        flags.append("illustratief")
    return ", ".join(flags)


def render_table(report: EvaluationReport, width: int | None = None) -> str:
    """The report as text for a terminal; the colour is also written as a word."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(width=width or 160, record=True, force_terminal=False, color_system=None,
                      file=io.StringIO())
    title = f"{report.agenda_title} — peiljaar {report.peiljaar}"
    if report.illustrative_used:
        title += " (bevat illustratieve gegevens)"
    table = Table(title=title, show_lines=False, expand=False)
    for name, options in (("code", {"no_wrap": True}), ("doel", {"max_width": 40, "overflow": "fold"}),
                          ("status", {}), ("kleur", {}), ("laatste waarde", {}), ("doelwaarde", {}),
                          ("basis", {}), ("ratio", {"justify": "right"}), ("let op", {})):
        table.add_column(name, **options)
    for result in report.results:
        for i, goal in enumerate(result.goals):
            e = goal.explanation
            headline = i == result.headline_goal and len(result.goals) > 1
            shown = (as_aspiration(goal.status) if result.aspiration else None) or goal.status
            table.add_row(
                Text(result.code if i == 0 else ""),
                # the column says doel: a streven says so itself, as in the report
                Text(("» " if headline else "") + ("streven: " if result.aspiration else "")
                     + _goal_text(goal, result.title)),
                # a streven is said as one (verdict/aspiration.py), never red
                Text(shown.value, style=STYLE[shown.colour]),
                Text(shown.colour.value),
                Text(_latest_text(goal)),
                Text(" ".join(p for p in (nl.aim(e.target_text) if e.target_text else None,
                                          _when(goal), "(illustratief)" if goal.target_illustrative else None)
                              if p)),
                Text(point_text(e.baseline, display_unit(goal))),
                # at the deadline the achieved share (y_tT - y0) / (X - y0) stands where R stood
                Text(number(e.ratio) if e.ratio is not None
                     else number(e.achieved_share) if e.achieved_share is not None else ""),
                Text(_flags(goal)),
            )
            if goal.occurrences:
                row = occurrences.row(goal.occurrences)
                table.add_row(Text(""), Text(row), *(Text("") for _ in range(7)))
    console.print(table)
    console.print(Text(summary_line(report)))
    if any(a.start or a.ready for a in report.actions):
        console.print(planning_table(report))
    if report.kengetallen:
        console.print(kengetallen_table(report))
    return console.export_text()


def planning_table(report: EvaluationReport) -> Table:
    """The actions with a planning (start:/gereed:): the stand in the progress file and what the
    planning says of it on the peildatum."""
    from rich.table import Table
    from rich.text import Text

    day = next((a.peildatum for a in report.actions if a.peildatum is not None), None)
    when = f", peildatum {date_words(day)}" if day is not None else ""
    table = Table(title=f"Planning van acties{when}", expand=False)
    for name in ("code", "actie", "start", "gereed", "stand", "planning"):
        table.add_column(name, no_wrap=name == "code", max_width=50 if name == "actie" else None)
    for a in report.actions:
        if not (a.start or a.ready):
            continue
        title = a.title if len(a.title) <= 50 else a.title[:49] + "…"
        verdict = a.planning or ("geen stand gerapporteerd" if a.status is None else "volgens planning")
        style = "red" if a.planning else "grey50" if a.status is None else ""
        table.add_row(Text(a.code), Text(title), Text(a.start or ""), Text(a.ready or ""),
                      Text((a.status or "–") + (" (illustratief)" if a.illustrative else "")),
                      Text(verdict, style=style))
    return table


def kengetallen_table(report: EvaluationReport) -> Table:
    """The figures followed for context (`soort: kengetal`): one row per figure, no verdict."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title="Kengetallen (zonder doel, gevolgd voor de context)", expand=False)
    table.add_column("indicator", no_wrap=True)
    table.add_column("periode", no_wrap=True)
    table.add_column("eenheid/wijk", no_wrap=True)
    table.add_column("waarde", justify="right", no_wrap=True)
    table.add_column("bron", max_width=60, no_wrap=True, overflow="ellipsis")
    for series in report.kengetallen:
        if not series.points:
            table.add_row(Text(series.indicator), Text("–"), Text(""), Text("geen gegevens"), Text(""))
        for i, point in enumerate(series.points):
            shown = point.rating if point.rating is not None else number(point.value, series.unit)
            if point.illustrative:
                shown += " (illustratief)"
            table.add_row(Text(series.indicator if i == 0 else ""), Text(point.period.text),
                          Text(point.unit or "totaal"), Text(shown), Text(nl.source(point.source)))
    return table


def summary_line(report: EvaluationReport) -> str:
    # a streven is counted as it is shown, not among the norms (verdict/aspiration.py)
    shown = Counter(r.aspiration_status or r.status for r in report.results)
    parts = [f"{shown[s]} × {s.value}" for s in (*Status, *Aspiration) if shown[s]]
    act = sum(1 for r in report.results if r.act_missing)
    line = f"{aantal(len(report.results), 'resultaat', 'resultaten')}: " + ", ".join(parts)
    if act:
        without = aantal(act, "oranje/rood resultaat", "oranje/rode resultaten")
        line += f". {without} zonder bijsturing (act) in het voortgangsbestand"
    return line
