"""Render: fill the Jinja templates with the view-model; one self-contained HTML file.

The environment escapes every value (autoescape=True) and fails on any name the view-model
does not have (StrictUndefined), so a typo in a template is an error, not an empty cell.
The stylesheet is inlined; nothing is loaded from the network.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from lea_rules.report.i18n import LANGUAGES, strings
from lea_rules.report.view import ReportInput, build_view
from lea_rules.terminal import BIDI_TABLE

TEMPLATES = Path(__file__).parent / "templates"

__all__ = ["ReportInput", "environment", "render_html", "report_filename"]


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                      finalize=_without_bidi_controls)
    env.filters["css_string"] = css_string
    env.filters["css_page_counter"] = css_page_counter
    return env


def _without_bidi_controls(value: object) -> object:
    """Every value the templates print, with bidi controls (which reorder what a reader sees,
    as in 'Trojan Source') shown as U+FFFD; HTML escaping does not touch them."""
    if isinstance(value, Markup):
        return Markup(str(value).translate(BIDI_TABLE))
    if isinstance(value, str):
        return value.translate(BIDI_TABLE)
    return value


def stylesheet() -> Markup:
    """Our own stylesheets (no user text in them), for screen and for print, inlined in a <style>
    element."""
    return Markup("\n".join((TEMPLATES / name).read_text(encoding="utf-8").rstrip("\n") + "\n"
                            for name in ("report.css", "print.css")))


_CSS_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:;()-_'")


def css_string(value: object) -> Markup:
    """A quoted CSS string for `content:` in our <style>: every character but letters, digits
    and a little punctuation as a CSS escape, so that no text (a municipality's name) can end
    the string or the <style> element; bidi controls shown as U+FFFD first, as everywhere."""
    text = str(value).translate(BIDI_TABLE)
    return Markup('"' + "".join(ch if ch in _CSS_PLAIN else f"\\{ord(ch):x} " for ch in text) + '"')


def css_page_counter(template: str) -> Markup:
    """'pagina {page} van {pages}' -> "pagina " counter(page) " van " counter(pages)."""
    parts = []
    for piece in re.split(r"(\{page\}|\{pages\})", template):
        if piece in ("{page}", "{pages}"):
            parts.append(f"counter({piece[1:-1]})")
        elif piece:
            parts.append(str(css_string(piece)))
    return Markup(" ".join(parts))


def render_html(data: ReportInput) -> str:
    """The whole report as one HTML document (UTF-8 text)."""
    if data.lang not in LANGUAGES:
        raise ValueError(f"unknown language {data.lang!r}; choose one of {', '.join(LANGUAGES)}")
    view = build_view(data)
    template = environment().get_template("report.html.j2")
    return template.render(r=view, t=strings(data.lang), css=stylesheet())


WORKING_SUFFIX = "-werkversie"
"""The working edition's file name ends in this: `hengelo-2025-werkversie.html`."""


def report_filename(agenda_path: str | Path, peiljaar: int, working: bool = False) -> str:
    """`agendas/hengelo.lea`, 2025 -> `hengelo-2025.html` (council edition) or, for the working
    edition, `hengelo-2025-werkversie.html`."""
    return f"{Path(agenda_path).stem}-{peiljaar}{WORKING_SUFFIX if working else ''}.html"
