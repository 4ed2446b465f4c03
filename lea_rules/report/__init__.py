"""Report: the PDCA progress report of one agenda for one peiljaar, as self-contained HTML.

Pipeline: `view.build_view` turns the agenda, the evaluation and the data into a view-model
(plain, already formatted values), `render.render_html` fills the Jinja templates with it
(autoescape on, StrictUndefined), `charts` draws inline SVG, `pdf` prints it with Chromium.
Only this package imports jinja2 and babel, so `lea check` stays light.
"""

from __future__ import annotations

from lea_rules.report.render import ReportInput, render_html, report_filename

__all__ = ["ReportInput", "render_html", "report_filename"]
