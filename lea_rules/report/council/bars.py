"""Bars: one small inline SVG per theme, its results by status colour.

Each colour has its own pattern as well (groen plain, oranje hatched, rood cross-hatched, grijs
dotted) and each segment carries its count and symbol, so the bar reads in black and white and
for a colour-blind reader; the same counts stand next to it in words. Every text that goes in is
escaped.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH = 160
HEIGHT = 18
MIN_LABEL = 20
"""Width a segment needs for its count and symbol; a narrower one shows only its pattern."""

_FILL = {"groen": "#d5ecd8", "oranje": "#fde3c2", "rood": "#f7d4d4", "grijs": "#e4e4e4"}
_INK = {"groen": "#0c3b17", "oranje": "#4d2600", "rood": "#5e0b0b", "grijs": "#222222"}
_SYMBOL = {"groen": "\u2713", "oranje": "!", "rood": "\u2717", "grijs": "?"}


@dataclass(frozen=True)
class Segment:
    colour: str  # groen / oranje / rood / grijs
    label: str  # the colour in words, for the text alternative
    count: int


def _pattern(pid: str, colour: str) -> str:
    ink, fill = _INK[colour], _FILL[colour]
    if colour == "groen":
        body = ""
    elif colour == "oranje":
        body = f'<path d="M0 6 L6 0" stroke="{ink}" stroke-width="1.2"/>'
    elif colour == "rood":
        body = (f'<path d="M0 6 L6 0 M0 0 L6 6" stroke="{ink}" stroke-width="1"/>')
    else:
        body = f'<circle cx="3" cy="3" r="0.9" fill="{ink}"/>'
    return (f'<pattern id="{pid}" width="6" height="6" patternUnits="userSpaceOnUse">'
            f'<rect width="6" height="6" fill="{fill}"/>{body}</pattern>')


def status_bar(bar_id: str, segments: list[Segment], description: str) -> Markup:
    """A stacked bar of `segments`; `description` is its text alternative (the counts in words)."""
    total = sum(s.count for s in segments)
    parts = [f'<svg class="status-bar" id="{escape(bar_id)}" viewBox="0 0 {WIDTH} {HEIGHT}" '
             f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-labelledby="{escape(bar_id)}-titel">',
             f'<title id="{escape(bar_id)}-titel">{escape(description)}</title><defs>']
    shown = [s for s in segments if s.count]
    parts.extend(_pattern(f"{bar_id}-{s.colour}", s.colour) for s in shown)
    parts.append("</defs>")
    x = 0.0
    for s in shown:
        width = WIDTH * s.count / total
        parts.append(f'<rect class="segment segment-{s.colour}" x="{x:.1f}" y="0" width="{width:.1f}" '
                     f'height="{HEIGHT}" fill="url(#{bar_id}-{s.colour})" stroke="#1a1a1a" '
                     'stroke-width="1"/>')
        if width >= MIN_LABEL:
            parts.append(f'<text x="{x + width / 2:.1f}" y="{HEIGHT / 2 + 4:.1f}" text-anchor="middle" '
                         f'fill="{_INK[s.colour]}" font-size="12" font-weight="700" '
                         f'paint-order="stroke" stroke="{_FILL[s.colour]}" stroke-width="3">'
                         f'{s.count}{_SYMBOL[s.colour]}</text>')
        x += width
    if not shown:
        parts.append(f'<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="none" stroke="#1a1a1a"/>')
    parts.append("</svg>")
    return Markup("".join(parts))
