"""Render the council edition: the same environment, stylesheet and escaping as the working edition."""

from __future__ import annotations

from markupsafe import Markup

from lea_rules.report.council.build import build_council_view
from lea_rules.report.council.strings import council_strings
from lea_rules.report.i18n import LANGUAGES, strings
from lea_rules.report.render import TEMPLATES, environment, stylesheet
from lea_rules.report.view import ReportInput


def council_stylesheet() -> Markup:
    """The report's stylesheet and the council edition's own screen rules after it."""
    return stylesheet() + Markup((TEMPLATES / "council.css").read_text(encoding="utf-8"))


def render_council_html(data: ReportInput) -> str:
    """The council edition as one HTML document (UTF-8 text)."""
    if data.lang not in LANGUAGES:
        raise ValueError(f"unknown language {data.lang!r}; choose one of {', '.join(LANGUAGES)}")
    view = build_council_view(data)
    template = environment().get_template("council.html.j2")
    return template.render(v=view, t={**strings(data.lang), **council_strings(data.lang)},
                           css=council_stylesheet())
