"""Print without a browser: the words in the page margins are safe CSS, in the report's language."""

from __future__ import annotations

import re

from lea_rules.report.i18n import strings
from lea_rules.report.render import css_page_counter, css_string, environment


def test_css_string_cannot_end_the_string_or_the_style_element() -> None:
    made = str(css_string('Hengelo"; } </style><script>alert(1)</script> \\ \u202e é'))
    assert made.startswith('"') and made.endswith('"')
    inner = made[1:-1]
    assert "<" not in inner and "</style" not in inner.lower() and '"' not in inner
    # every backslash starts a hex escape; the bidi control is shown as U+FFFD, like everywhere
    assert all(re.match(r"[0-9a-f]{1,6} ", inner[i + 1:]) for i, ch in enumerate(inner) if ch == "\\")
    assert "\\fffd " in inner and "\\202e" not in inner
    assert "\\e9 " in inner and inner.startswith("Hengelo")


def test_page_counter_in_both_languages() -> None:
    assert str(css_page_counter(strings("nl")["page_of"])) == '"pagina " counter(page) " van " counter(pages)'
    assert str(css_page_counter(strings("en")["page_of"])) == '"page " counter(page) " of " counter(pages)'


def test_page_style_names_municipality_and_peiljaar() -> None:
    class Cover:
        municipality = "Sint-Michielsgestel </style>"
        peiljaar = 2025

    class View:
        cover = Cover()

    css = environment().get_template("_page_style.html.j2").render(r=View(), t=strings("nl"))
    assert '@top-left { content: "Gemeente Sint-Michielsgestel \\3c \\2f style\\3e "; }' in css
    assert '@top-right { content: "Voortgangsrapport \\b7  peiljaar 2025"; }' in css
    assert "counter(page)" in css and "counter(pages)" in css
    assert "</style" not in css
