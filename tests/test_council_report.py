"""The council edition (issue 12): the whole picture on page 1, short, no to-dos, sources by heading.

`lea report` makes it by default; `--werkversie` makes the working edition, which keeps every to-do
for the beleidsmedewerker. Both come from one evaluation: the same results, statuses and labels.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import warnings
from functools import cache
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from lea_rules.cli import main
from lea_rules.evaluation.model import STATUS_COLOUR, Colour
from lea_rules.report.council.bars import Segment, status_bar
from lea_rules.report.council.glance import PAGE_LINES
from lea_rules.report.council.headings import HeadingIndex, document_index, heading_of
from lea_rules.report.render import report_filename

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
AGENDAS = ("hengelo", "enschede", "midden-groningen")
TODOS = ("vul de stand in", "Nog geen oorzaak, gevolg en bijsturing", "niet gerapporteerd", "Open vragen",
         "Klopt dat?")
RED_OR_ORANGE = tuple(s.value for s, c in STATUS_COLOUR.items() if c in (Colour.RED, Colour.ORANGE))
MG = "midden-groningen-onderwijskansenakkoord-2023-2026.txt"
MAX_PAGES = {"hengelo": 24, "enschede": 32, "midden-groningen": 16}


@cache
def _report(name: str, working: bool = False) -> str:
    out = Path(os.environ.get("TMPDIR", "/tmp")) / f"lea-council-test-{os.getpid()}-{name}-{working}.html"
    extra = ["--werkversie"] if working else []
    agenda = str(ROOT / "agendas" / f"{name}.lea")
    assert main(["report", agenda, "--year", "2025", "-o", str(out), *extra]) == 0
    text = out.read_text(encoding="utf-8")
    out.unlink()
    return text


@cache
def _evaluation(name: str) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "lea_rules", "evaluate", name, "--year", "2025", "--format", "json"]
    out = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=True).stdout
    loaded: dict[str, Any] = json.loads(out)
    return loaded


def _visible(html: str) -> str:
    body = html[html.index("<body"):]
    return unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<(svg|style)\b.*?</\1>", " ", body, flags=re.S)))


# --- headings of the source documents -----------------------------------------------


@pytest.mark.parametrize(("document", "line", "heading"), [
    ("hengelo-lea-2024-2027.txt", 744, "Ambitie 1"),
    ("hengelo-lea-2024-2027.txt", 900, "Ambitie 2"),
    ("hengelo-lea-2024-2027.txt", 1000, "Ambitie 3: We signaleren zo vroeg mogelijk en zetten preventief in"),
    ("hengelo-lea-2024-2027.txt", 1113, "7.2 Integraal en inclusiever onderwijs & kinderopvang"),
    ("hengelo-lea-2024-2027.txt", 1300, "Ambitie 1"),
    ("hengelo-lea-2024-2027.txt", 1580, "9 Begroting"),
    ("hengelo-borne-jaarverslag-leerplicht-2022-2023.txt", 990, "3.1 Cijfers voortijdig schoolverlaters"),
    ("enschede-lea-2023-2026.txt", 639, "Paragraaf 1: Voorschool (2-4 jaar)"),
    ("enschede-lea-2023-2026.txt", 1400, "Paragraaf 8: Naar werk/dagbesteding en/of terug naar school"),
    ("enschede-lea-2023-2026.txt", 500, "Hoofdstuk 3: De begroting"),
    (MG, 110, "1.2 We verhogen de taal- en rekenprestaties"),
    (MG, 160, "2 Doorgaande ontwikkeling"),
])
def test_the_heading_above_a_cited_line(document: str, line: int, heading: str) -> None:
    index = document_index(SOURCES / document)
    assert index is not None
    assert index.above(line) == heading


@pytest.mark.parametrize("line", [
    "2 Zie bijlage 1", "1 Bron: Kennispunt Twente", "16 Bijlage 3: Onderwijsachterstanden in Hengelo",
    "17 PDCA cyclus van Deming ", "We merken dat deze basisvaardigheden nog onvoldoende op orde zijn.",
    "2020", "AWNR", "TOTAAL €2.917.000",
])
def test_footnotes_numbers_and_sentences_are_no_headings(line: str) -> None:
    assert heading_of(line) is None


def test_a_numbered_list_item_that_goes_on_is_no_heading() -> None:
    assert heading_of("1. Normaliseren: gewone problemen oplossen in het nor-", "male leven") is None
    assert heading_of("4. Verbeteren van het regionaal en landelijk zicht op", "verzuim;") is None
    assert heading_of("2.1 Verzuim", "Het aantal") == "2.1 Verzuim"
    belofte = "Belofte 1: Jongeren die de overstap maken naar een nieuwe"
    assert heading_of(belofte, "school zijn") == "Belofte 1"
    assert heading_of("PARAGRAAF 1: VOORSCHOOL (2-4 JAAR)") == "Paragraaf 1: Voorschool (2-4 jaar)"
    assert heading_of(" HOOFDSTUK 2: HOE IS DE LEA TOT STAND GEKOMEN") == \
        "Hoofdstuk 2: Hoe is de LEA tot stand gekomen"


def test_a_document_is_read_once() -> None:
    path = SOURCES / "hengelo-lea-2024-2027.txt"
    assert document_index(path) is document_index(path)
    assert HeadingIndex("tekst\n1 Inleiding\nmeer").above(1) is None
    assert document_index(SOURCES / "bestaat-niet.txt") is None


@pytest.mark.parametrize("name", AGENDAS)
def test_sources_name_the_heading_and_no_line_numbers(name: str) -> None:
    council, working = _report(name), _report(name, working=True)
    sources = re.findall(r'<p class="source-line small">Bron: (.*?)</p>|<footer>Bron: (.*?)</footer>',
                         council)
    places = [a or b for a, b in sources]
    assert places, "every card names its source"
    headings = {h.text for doc in SOURCES.glob("*.txt") if (ix := document_index(doc)) for h in ix.headings}
    with_heading = [p for p in places if any(unescape(p).endswith(f", {h}") for h in headings)]
    assert len(with_heading) >= 0.8 * len(places), places[:10]
    assert not re.search(r"\bregel \d+", _visible(council))
    assert re.search(r"\bregel \d+", _visible(working))


def test_hengelo_names_the_ambition_of_a_card() -> None:
    html = _report("hengelo")
    card = html[html.index('id="resultaat-1-1-r2"'):]
    card = card[:card.index("</article>")]
    assert "Lokale Educatieve Agenda Hengelo 2024 \u2013 2027" in card and "Ambitie 1" in card
    assert card.count("Bron:") == 1  # once per item, not per quote


# --- what the council edition leaves out, and what it keeps ---------------------------


@pytest.mark.parametrize("name", AGENDAS)
def test_no_internal_todos_in_the_council_edition(name: str) -> None:
    council, working = _visible(_report(name)), _visible(_report(name, working=True))
    for todo in TODOS:
        assert todo not in council, todo
    assert any(todo in working for todo in TODOS[:3])  # the working edition still tells what to fill in


@pytest.mark.parametrize("name", AGENDAS)
def test_every_result_once_and_every_action_counted(name: str) -> None:
    html, evaluation = _report(name), _evaluation(name)
    results = evaluation["results"]
    actions = evaluation["actions"]
    assert isinstance(results, list) and isinstance(actions, list)
    codes = re.findall(r'<(?:article|tr) [^>]*id="resultaat-[^"]*" data-code="([^"]+)"', html)
    assert sorted(codes) == sorted(r["code"] for r in results)
    counted = [int(n) for n in re.findall(r"<strong>Wat we doen:</strong> (\d+) actie", html)]
    assert sum(counted) == len(actions)
    for action in actions:
        if action["status"] in ("vertraagd", "gestopt"):
            assert f'<span class="code">{action["code"]}</span>' in html, action["code"]
    # each result with a series has its chart
    def numbers(goal: dict[str, Any]) -> int:
        return len([p for p in goal["explanation"].get("points", []) if p.get("value") is not None])

    assert html.count('<svg class="chart"') >= sum(
        1 for r in results if any(numbers(g) >= 2 for g in r["goals"]))


@pytest.mark.parametrize("name", AGENDAS)
def test_page_one_is_the_whole_picture(name: str) -> None:
    html = _report(name)
    start = html.index('id="in-een-oogopslag"')
    page_one = html[start:html.index("</section>", start)]
    assert page_one.count('<svg class="status-bar"') >= 1
    colours = re.findall(r'<ul class="attention">.*?</ul>', page_one, re.S)
    listed = re.findall(r'class="status status-(rood|oranje)"', colours[0]) if colours else []
    assert listed == sorted(listed, key=lambda c: c != "rood"), "rood first, then oranje"
    lines = len(re.findall(r"<li data-code", page_one)) + page_one.count("attention-correction")
    bars = page_one.count('<svg class="status-bar"')
    assert lines <= max(3, PAGE_LINES - 2 * bars)
    assert "Sinds vorig jaar" in page_one
    more = re.search(r"en (\d+) andere, zie de hoofdstukken", page_one)
    statuses = [r["status"] for r in _evaluation(name)["results"]]
    urgent = sum(1 for s in statuses if s in RED_OR_ORANGE)
    shown = len(re.findall(r"<li data-code", page_one))
    assert shown + (int(more.group(1)) if more else 0) == urgent


def test_the_bar_reads_without_colour() -> None:
    segments = [Segment("groen", "groen", 3), Segment("oranje", "oranje", 0), Segment("rood", "rood", 2),
                Segment("grijs", "grijs", 1)]
    svg = str(status_bar("balk-x", segments, "A & B: 3 groen"))
    assert "<title id=\"balk-x-titel\">A &amp; B: 3 groen</title>" in svg
    assert 'id="balk-x-groen"' in svg and 'id="balk-x-rood"' in svg and "balk-x-oranje" not in svg
    assert "3\u2713" in svg and "2\u2717" in svg  # counts and symbols in the bar itself
    assert "<path" in svg and "<circle" in svg  # rood is cross-hatched, grijs dotted


def test_file_names_say_the_edition() -> None:
    assert report_filename("agendas/hengelo.lea", 2025) == "hengelo-2025.html"
    assert report_filename("agendas/hengelo.lea", 2025, working=True) == "hengelo-2025-werkversie.html"


def test_default_path_of_each_edition(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    fixture = ROOT / "tests" / "fixtures" / "report_small"
    shutil.copytree(fixture, tmp_path / "k")
    monkeypatch.chdir(tmp_path / "k")
    assert main(["report", "kleinstad.lea", "--year", "2025"]) == 0
    assert main(["report", "kleinstad.lea", "--year", "2025", "--werkversie"]) == 0
    capsys.readouterr()
    council = (tmp_path / "k" / "reports" / "kleinstad-2025.html").read_text(encoding="utf-8")
    working = (tmp_path / "k" / "reports" / "kleinstad-2025-werkversie.html").read_text(encoding="utf-8")
    assert "Raadsversie" in council and "Raadsversie" not in working


# --- printed length ----------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("name", AGENDAS)
def test_the_council_edition_prints_short(name: str, tmp_path: Path) -> None:
    from lea_rules.report.pdf import find_chromium, playwright_available

    if find_chromium() is None or not playwright_available() or shutil.which("pdfinfo") is None:
        reason = "the page count needs Chromium, Playwright and pdfinfo"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; in CI it must run")
        warnings.warn(f"SKIPPING: {reason}", stacklevel=2)
        pytest.skip(reason)
    out = tmp_path / f"{name}.html"
    agenda = str(ROOT / "agendas" / f"{name}.lea")
    assert main(["report", agenda, "--year", "2025", "-o", str(out), "--pdf"]) == 0
    info = subprocess.run(["pdfinfo", str(out.with_suffix(".pdf"))], capture_output=True, text=True,
                          check=True)
    pages = int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1))  # type: ignore[union-attr]
    assert pages <= MAX_PAGES[name]
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(out.with_suffix(".pdf")), "-"],
                           capture_output=True, text=True, check=True).stdout
    assert "In één oogopslag" in first and "Vraagt aandacht" in first and "Sinds vorig jaar" in first


@pytest.mark.browser
def test_the_council_edition_fits_a_narrow_screen(tmp_path: Path) -> None:
    from lea_rules.report.pdf import LAUNCH_ARGS, find_chromium, playwright_available

    chromium = find_chromium()
    if chromium is None or not playwright_available():
        if os.environ.get("CI"):
            pytest.fail("the narrow-screen check needs Chromium and Playwright; in CI it must run")
        warnings.warn("SKIPPING: the narrow-screen check needs Chromium and Playwright", stacklevel=2)
        pytest.skip("no Chromium or Playwright")
    from playwright.sync_api import sync_playwright

    out = tmp_path / "enschede.html"
    out.write_text(_report("enschede"), encoding="utf-8")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=LAUNCH_ARGS)
        try:
            page = browser.new_page(viewport={"width": 420, "height": 900})
            page.goto(out.as_uri())
            overflow = page.evaluate("document.documentElement.scrollWidth"
                                     " - document.documentElement.clientWidth")
            bars = page.evaluate("[...document.querySelectorAll('svg.status-bar')].map(s => "
                                 "s.getBoundingClientRect().width)")
        finally:
            browser.close()
    assert overflow <= 0
    assert bars and all(width > 50 for width in bars)
