"""Glance: page 1 of the council edition, the whole picture.

Per theme a bar of its results by colour (`bars.status_bar`), the results that need attention
(rood first, then oranje) one line each with the correction from Act, and what changed since last
year in two lines. Page 1 must fit on one A4 page for every agenda, so the attention list has a
budget of lines that shrinks with the number of themes; what does not fit is counted ("en 4
andere, zie de hoofdstukken").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from lea_rules.report.council.bars import Segment, status_bar
from lea_rules.report.council.strings import council_text
from lea_rules.report.i18n import text
from lea_rules.report.view import ReportView, ResultView, SectionView, StatusView

PAGE_LINES = 20
"""Lines page 1 has for the table of themes (two lines a theme) and the attention list together."""
MIN_ATTENTION = 3
HEADING_CHARS = 36
"""A theme's heading in the table of bars: one line (the whole heading is the chapter's)."""
TITLE_CHARS = 74
CORRECTION_CHARS = 80
"""A line of the attention list holds about 95 characters: the status, its label "illustratief", the
code and the title together get TITLE_CHARS; a longer title or correction is cut with '…' (the whole
text stands in the chapter)."""


@dataclass(frozen=True)
class ThemeBar:
    heading: str
    short: str  # the heading cut to one line of the table
    anchor: str
    chart: Markup
    words: str  # the counts in words: "3 groen, 1 oranje, 2 rood, 6 grijs"
    total: int
    change: str  # "1 beter, 2 slechter" or ""
    illustrative: int


@dataclass(frozen=True)
class AttentionLine:
    code: str
    anchor: str
    title: str
    status: StatusView
    correction: str | None


@dataclass(frozen=True)
class CouncilGlance:
    total: int
    bars: list[ThemeBar]
    attention: list[AttentionLine]
    attention_more: int
    has_previous: bool
    changed: str
    status_counts: list[tuple[StatusView, int, int | None]]  # (status, now, last year)
    illustrative_note: str
    contents: list[tuple[str, str]]  # (anchor, heading) of the chapters with results
    late_actions: str = ""  # actions behind their planning: `2-a1 (vertraagd), 3-a2 (niet gestart)`


def cut(text_: str, limit: int) -> str:
    return text_ if len(text_) <= limit else text_[:limit - 1].rstrip() + "\u2026"


def _walk(view: SectionView) -> list[SectionView]:
    out = [view]
    for child in view.children:
        out.extend(_walk(child))
    return out


def _results(themes: Sequence[SectionView]) -> list[ResultView]:
    return [r for theme in themes for v in _walk(theme) for r in v.results]


def council_glance(base: ReportView, contents: list[tuple[str, str]], lang: str) -> CouncilGlance:
    """Page 1; `contents` are the (anchor, heading) of the chapters with results."""
    bars: list[ThemeBar] = []
    for theme in base.glance.themes:
        if not theme.total:
            continue
        segments = [Segment(c.colour, c.colour_label, c.count) for c in theme.cells]
        words = ", ".join(f"{c.count} {c.colour_label}" for c in theme.cells if c.count)
        change = ""
        if base.glance.has_previous:
            moved = [(theme.better, "better"), (theme.worse, "worse"), (theme.other, "changed_other")]
            change = (", ".join(f"{n} {text(key, lang)}" for n, key in moved if n)
                      or council_text("same", lang))
        bars.append(ThemeBar(theme.heading, cut(theme.heading, HEADING_CHARS), theme.anchor,
                             status_bar(f"balk-{theme.anchor}", segments, f"{theme.heading}: {words}"),
                             words, theme.total, change, theme.illustrative))
    results = _results(base.themes)
    urgent = [r for colour in ("rood", "oranje") for r in results
              if r.status is not None and r.status.colour == colour]
    late = [a for theme in base.themes for s in _walk(theme) for a in s.actions if a.flag]
    late_actions = cut(", ".join(f"{a.code} ({a.flag})" for a in late), TITLE_CHARS)
    budget = max(MIN_ATTENTION, PAGE_LINES - 2 * len(bars) - (1 if late else 0))
    attention: list[AttentionLine] = []
    used = 0
    for r in urgent:
        correction = cut(r.act.correction, CORRECTION_CHARS) if r.act is not None else None
        lines = 2 if correction else 1
        if used + lines > budget:
            break
        assert r.status is not None
        room = TITLE_CHARS - len(r.status.label) - len(r.code) - (13 if r.status.illustrative else 0)
        attention.append(AttentionLine(r.code, r.anchor, cut(r.title, max(20, room)), r.status, correction))
        used += lines
    with_previous = [r for r in results if r.previous is not None and r.status is not None]
    better = sum(t.better for t in base.glance.themes)
    worse = sum(t.worse for t in base.glance.themes)
    other = sum(t.other for t in base.glance.themes)
    same = sum(1 for r in with_previous if r.previous is not None and r.status is not None
               and r.previous.key == r.status.key)
    changed = council_text("changed_line", lang, better=better, worse=worse, other=other, same=same)
    counts = [(row.status, row.now, row.previous) for row in base.glance.status_rows]
    shaky = sum(1 for r in results if r.status is not None and r.status.illustrative)
    verb = (("rust" if shaky == 1 else "rusten") if lang == "nl" else ("rests" if shaky == 1 else "rest"))
    note = council_text("illustrative_count", lang, n=shaky, verb=verb) if shaky else ""
    return CouncilGlance(base.glance.total, bars, attention, len(urgent) - len(attention),
                         base.glance.has_previous, changed, counts, note, contents, late_actions)
