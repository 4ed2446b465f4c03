"""Glance: page 1 of the council edition, the whole picture.

Per theme a bar of its results by colour (`bars.status_bar`), the results that need attention
(rood first, then oranje) one line each with the correction from Act, and what changed since last
year in a few lines. Page 1 must fit on one A4 page for every agenda, so the attention list has a
budget of lines that shrinks with what else page 1 holds (the rows of the themes, a long title or
introduction, the actions behind their planning); what does not fit is counted ("en 4 andere, zie
de hoofdstukken"). A text that is cut is cut between words, never inside one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from markupsafe import Markup

from lea_rules.report.council.bars import Segment, status_bar
from lea_rules.report.council.strings import council_text
from lea_rules.report.i18n import text
from lea_rules.report.view import ReportView, ResultView, SectionView, StatusView

PAGE_LINES = 22
"""Lines page 1 has for the table of themes (two lines a theme), the attention list and what varies
around them (a cover longer than two lines, the actions behind their planning) together."""
MIN_ATTENTION = 3
HEADING_CHARS = 28
"""A line of a theme's heading in the table of bars; a longer heading wraps (it is never cut), and
its row takes a line more."""
COVER_CHARS = 95
"""A line of the cover's introduction; the title holds about 50 characters a line, each line of it
two lines of the glance."""
LATE_CHARS = 70
"""The actions behind their planning: one line; the rest is counted ("en 3 meer")."""
STATUS_CHARS = 115
"""A line of "Sinds vorig jaar" (the count per status, last year's in brackets)."""
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
    late_actions: list[LateAction] = field(default_factory=list)  # behind their planning, one line
    late_more: int = 0  # the actions behind their planning that the line has no room for
    late_more_anchor: str = ""  # the part of the first of them


@dataclass(frozen=True)
class LateAction:
    code: str
    flag: str  # vertraagd / niet gestart
    anchor: str  # the part whose actions name it


def cut(text_: str, limit: int) -> str:
    """`text_` in at most `limit` characters, cut after a whole word with '…'."""
    if len(text_) <= limit:
        return text_
    head = text_[:limit]
    space = head.rfind(" ")
    # after the last whole word; one word longer than the room stands whole
    head = head[:space] if space > 0 else text_.split(" ", 1)[0]
    return head.rstrip(" ,;:.-\u2013") + "\u2026"


def _cover_lines(base: ReportView) -> int:
    """The lines the cover takes beyond a one-line title and no introduction."""
    title = -(-len(base.cover.title) // 50)
    intro = sum(-(-len(p) // COVER_CHARS) for p in base.introduction)
    return 2 * (title - 1) + intro


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
        bars.append(ThemeBar(theme.heading, theme.heading, theme.anchor,
                             status_bar(f"balk-{theme.anchor}", segments, f"{theme.heading}: {words}"),
                             words, theme.total, change, theme.illustrative))
    results = _results(base.themes)
    urgent = [r for colour in ("rood", "oranje") for r in results
              if r.status is not None and r.status.colour == colour]
    late = [LateAction(a.code, a.flag, s.anchor) for theme in base.themes for s in _walk(theme)
            for a in s.actions if a.flag]
    shown_late: list[LateAction] = []
    room = LATE_CHARS
    for i, a in enumerate(late):
        size = len(a.code) + len(a.flag) + 5
        more = len(late) - i - 1
        if size + (12 if more else 0) > room and shown_late:
            break
        shown_late.append(a)
        room -= size
    rows = sum(max(2, -(-len(b.heading) // HEADING_CHARS)) for b in bars)
    status_chars = 100 + sum(len(row.status.label) + 9 for row in base.glance.status_rows)
    status_lines = -(-status_chars // STATUS_CHARS)  # "Sinds vorig jaar": two lines are in PAGE_LINES
    budget = max(MIN_ATTENTION, PAGE_LINES - rows - (1 if late else 0) - _cover_lines(base)
                 - max(0, status_lines - 2))
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
                         base.glance.has_previous, changed, counts, note, contents, shown_late,
                         len(late) - len(shown_late),
                         late[len(shown_late)].anchor if len(late) > len(shown_late) else "")
