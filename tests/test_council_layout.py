"""Page 1 of the council edition as printed, for an agenda with more themes than the shipped ones.

The fixture has eight themes with long names, a two-line title, an introduction, a late action per
theme and eight red results: page 1 must still hold the whole picture (docs/report.md), with each
theme's name whole, no text cut inside a word, and no column of the table of themes running into the
next.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import warnings
from html import unescape
from pathlib import Path

import pytest

from lea_rules.cli import main
from lea_rules.report.council.glance import cut

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "council_eight"
THEMES = [line.split('"')[1] for line in (FIXTURE / "acht.lea").read_text(encoding="utf-8").splitlines()
          if line.startswith("thema ")]


def _make(tmp_path: Path, pdf: bool = False) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "acht")
    out = tmp_path / "acht" / "acht-2025.html"
    extra = ["--pdf"] if pdf else []
    agenda = str(tmp_path / "acht" / "acht.lea")
    assert main(["report", agenda, "--year", "2025", "-o", str(out), *extra]) == 0
    return out


def _page_one(html: str) -> str:
    start = html.index('id="in-een-oogopslag"')
    return html[start:html.index("</section>", start)]


def _needs_browser(what: str) -> None:
    from lea_rules.report.pdf import find_chromium, playwright_available

    if find_chromium() is None or not playwright_available() or shutil.which("pdftotext") is None:
        reason = f"{what} needs Chromium, Playwright and pdftotext"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; in CI it must run")
        warnings.warn(f"SKIPPING: {reason}", stacklevel=3)
        pytest.skip(reason)


def test_cut_never_inside_a_word() -> None:
    assert cut("Het relatief verzuim daalt jaarlijks", 60) == "Het relatief verzuim daalt jaarlijks"
    assert cut("Het relatief verzuim daalt jaarlijks", 22) == "Het relatief verzuim\u2026"
    assert cut("a1-1-d3 (niet gestart), a1-2 (vertraagd)", 26) == "a1-1-d3 (niet gestart)\u2026"
    assert cut("Onderwijszorgarrangementen", 10) == "Onderwijszorgarrangementen\u2026"  # one word stays whole


def test_page_one_names_each_theme_whole(tmp_path: Path) -> None:
    page_one = _page_one(_make(tmp_path).read_text(encoding="utf-8"))
    rows = [unescape(r) for r in re.findall(r'<th scope="row"><a class="toc-link" href="#[^"]+">([^<]*)</a>',
                                            page_one)]
    assert len(rows) == len(THEMES) == 8
    for row, name in zip(rows, THEMES, strict=True):
        assert row.endswith(name) and "\u2026" not in row


def test_late_actions_are_whole_and_the_rest_counted(tmp_path: Path) -> None:
    page_one = _page_one(_make(tmp_path).read_text(encoding="utf-8"))
    line = re.search(r'<p class="late-actions">(.*?)</p>', page_one, re.S)
    assert line is not None
    shown = re.findall(r'<a href="#([^"]+)">(\d+-a1)</a> \((vertraagd)\)', line.group(1))
    more = re.search(r'<a href="#([^"]+)">en (\d+) meer</a>', line.group(1))
    assert shown and more is not None
    assert len(shown) + int(more.group(2)) == 8  # every theme has one, past its day
    assert "\u2026" not in line.group(1)
    anchors = set(re.findall(r'id="([^"]+)"', _make(tmp_path / "b").read_text(encoding="utf-8")))
    assert {a for a, _, _ in shown} <= anchors and more.group(1) in anchors


@pytest.mark.browser
def test_page_one_of_eight_themes_fits_one_page(tmp_path: Path) -> None:
    _needs_browser("the printed page 1")
    pdf = _make(tmp_path, pdf=True).with_suffix(".pdf")

    def page(n: int) -> str:
        return subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout

    first = page(1)
    for words in ("In één oogopslag", "Vraagt aandacht", "Sinds vorig jaar", "Acties achter op hun planning"):
        assert words in first
    assert re.search(r"Onvoldoende gegevens voor trend \d+ \(\d+\)", first), "the status counts end page 1"
    lines = [line for line in page(2).splitlines() if line.strip()]
    body = [line for line in lines if not line.startswith(("Gemeente Kleinstad", "Voortgangsrapport"))]
    assert body[0].startswith("Thema 1 "), f"page 2 starts with a leftover of page 1: {body[0]!r}"


@pytest.mark.browser
def test_no_column_runs_into_the_next_and_no_heading_splits(tmp_path: Path) -> None:
    _needs_browser("the printed layout")
    from playwright.sync_api import sync_playwright

    from lea_rules.report.pdf import LAUNCH_ARGS, find_chromium

    out = _make(tmp_path)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=find_chromium(), args=LAUNCH_ARGS)
        try:
            # as `lea report --pdf` prints: media queries see the wide window, the text runs in the
            # width of an A4 page less its margins (180 mm, 680 px)
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            page.emulate_media(media="print")
            page.goto(out.as_uri())
            page.add_style_tag(content="body { width: 680px; margin: 0; }")
            spill = page.evaluate("""[...document.querySelectorAll('table.bars td, table.bars th')].map(c => {
                const box = c.getBoundingClientRect();
                return [...c.querySelectorAll('*')]
                    .filter(e => e.getBoundingClientRect().right > box.right + 0.5)
                    .map(e => c.textContent.trim());
            }).flat()""")
            tables = page.evaluate("""[...document.querySelectorAll('table')]
                .filter(t => t.getBoundingClientRect().right
                        > document.body.getBoundingClientRect().right + 0.5)
                .map(t => t.className)""")
            headings = page.evaluate("""[...document.querySelectorAll('h1, h2, h3, h4, h5')]
                .map(h => getComputedStyle(h).breakInside)""")
        finally:
            browser.close()
    assert spill == []
    assert tables == [], "a table runs past the right margin"
    assert headings and set(headings) == {"avoid-page"}, "a heading is never split over two pages"
