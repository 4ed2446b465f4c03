"""The report as a reader meets it: opened in headless Chromium, screenshotted, printed to A4.

Uses Debian's Chromium (/usr/bin/chromium) through Playwright; never `playwright install`.
Outside CI these tests skip, loudly, when Chromium or Playwright is missing; with CI=true
they fail instead, so a CI run cannot pass without them. Screenshots and PDFs go to
$LEA_TEST_OUTPUT, or lea-test-output/ in the system's temporary folder, for a person to look
at: the tests write nothing into the repository.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from report_editions import AGENDAS, cases, editions, require_browser

from lea_rules.cli import main
from lea_rules.report.pdf import LAUNCH_ARGS

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "report_small"
OUTPUT = Path(os.environ.get("LEA_TEST_OUTPUT") or Path(tempfile.gettempdir()) / "lea-test-output")
A4 = (595.0, 842.0)  # points; Chromium writes 595.92 x 842.88 for A4


_require_browser = require_browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    chromium = _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=chromium, args=LAUNCH_ARGS)
        try:
            yield instance
        finally:
            instance.close()


def _report(tmp_path: Path, agenda: str, lang: str = "nl", edition: tuple[str, ...] = ()) -> Path:
    out = tmp_path / f"{Path(agenda).stem}-{lang}{'-'.join(('', *edition))}.html"
    assert main(["report", agenda, "--year", "2025", "--lang", lang, "-o", str(out), *edition]) == 0
    return out


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("reports")
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        out = {"kleinstad": _report(tmp, str(FIXTURE / "kleinstad.lea")),
               "kleinstad-en": _report(tmp, str(FIXTURE / "kleinstad.lea"), "en")}
        for name in AGENDAS:
            for edition, args in editions().items():
                out[_name(name, edition)] = _report(tmp, name, edition=args)
    finally:
        os.chdir(cwd)
    return out


def _open(browser: Any, path: Path, width: int = 1100) -> tuple[Any, Any, list[str], list[str]]:
    context = browser.new_context(viewport={"width": width, "height": 1400}, java_script_enabled=True)
    page = context.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type in ("error", "warning") else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    def route(route: Any) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:")):
            route.continue_()
        else:
            requests.append(url)
            route.abort()

    page.route("**/*", route)
    page.goto(path.resolve().as_uri(), wait_until="load")
    return context, page, errors, requests


def _media_boxes(pdf: bytes) -> list[tuple[float, float]]:
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    return [(float(w), float(h)) for w, h in boxes]


def _name(agenda: str, edition: str) -> str:
    """The default edition by the agenda's name, another with its edition after it."""
    return agenda if edition == next(iter(editions())) else f"{agenda}-{edition}"


NAMES = ("kleinstad", "kleinstad-en", *(_name(agenda, edition) for agenda, edition in cases()))


@pytest.mark.parametrize("name", NAMES)
def test_loads_without_errors_or_network(browser: Any, reports: dict[str, Path], name: str) -> None:
    context, page, errors, requests = _open(browser, reports[name])
    try:
        assert errors == [], errors
        assert requests == [], f"the report tried to load from the network: {requests}"
        OUTPUT.mkdir(exist_ok=True)
        # The top 8000 px: Chromium cannot always capture a 60000 px page in one image, and
        # nobody can read such an image; the cover, glance table and first theme are there.
        height = min(page.evaluate("document.documentElement.scrollHeight"), 8000)
        width = page.evaluate("document.documentElement.clientWidth")
        page.screenshot(path=str(OUTPUT / f"report-{name}.png"), full_page=True,
                        clip={"x": 0, "y": 0, "width": width, "height": height})
        # nothing wider than the page: no horizontal scrolling, no clipped chart
        overflow = page.evaluate("document.documentElement.scrollWidth"
                                 " - document.documentElement.clientWidth")
        assert overflow <= 0
        too_wide = page.evaluate("""() => [...document.querySelectorAll('svg.chart')].filter(svg => {
            const r = svg.getBoundingClientRect(), p = svg.parentElement.getBoundingClientRect();
            return r.width === 0 || r.right > p.right + 1 || r.left < p.left - 1; }).length""")
        assert too_wide == 0
    finally:
        context.close()


def test_script_in_agenda_text_shows_as_text(browser: Any, tmp_path: Path) -> None:
    # the action's title is shown in the working edition (the council edition counts actions)
    working = _report(tmp_path, str(FIXTURE / "kleinstad.lea"), edition=("--werkversie",))
    context, page, errors, _ = _open(browser, working)
    try:
        assert page.evaluate("document.scripts.length") == 0
        row = page.locator("table.actions th", has_text="Leerlijn 0-13 jaar").first
        assert "<script>alert('actie')</script>" in row.inner_text()
        assert errors == []
    finally:
        context.close()


def test_narrow_screen_has_no_horizontal_scroll(browser: Any, reports: dict[str, Path]) -> None:
    context, page, _, _ = _open(browser, reports["hengelo"], width=420)
    try:
        OUTPUT.mkdir(exist_ok=True)
        page.screenshot(path=str(OUTPUT / "report-hengelo-narrow.png"), full_page=False)
        charts = page.evaluate("""() => [...document.querySelectorAll('svg.chart')].map(svg => {
            const r = svg.getBoundingClientRect(); return [r.width, r.right]; })""")
        assert charts and all(width > 0 and right <= 421 for width, right in charts)
        overflow = page.evaluate("document.documentElement.scrollWidth"
                                 " - document.documentElement.clientWidth")
        assert overflow <= 0, "wide tables scroll inside their own box, not the whole page"
    finally:
        context.close()


@pytest.mark.parametrize("name", ["kleinstad", "hengelo"])
def test_prints_to_a4(browser: Any, reports: dict[str, Path], name: str) -> None:
    context, page, _, requests = _open(browser, reports[name])
    try:
        page.emulate_media(media="print")
        after = page.evaluate("getComputedStyle(document.querySelector('section.glance')).breakAfter")
        assert after == "page", "the overview ends its page; the parts after it run on"
        headings = page.evaluate("[...document.querySelectorAll('h2, h3, h4')].map(h => getComputedStyle(h)"
                                 ".breakAfter)")
        assert headings and set(headings) == {"avoid-page"}, "a heading stays with what follows it"
        OUTPUT.mkdir(exist_ok=True)
        pdf_path = OUTPUT / f"report-{name}.pdf"
        page.pdf(path=str(pdf_path), format="A4", print_background=True, prefer_css_page_size=True)
        boxes = _media_boxes(pdf_path.read_bytes())
        assert len(boxes) >= 3, "cover, themes and appendix take several pages"
        for width, height in boxes:
            assert abs(width - A4[0]) < 2 and abs(height - A4[1]) < 2, (width, height)
        assert requests == []
    finally:
        context.close()


def test_cli_pdf_writes_a4(tmp_path: Path) -> None:
    _require_browser()
    work = tmp_path / "k"
    shutil.copytree(FIXTURE, work)
    out = work / "rapport.html"
    # The temporary file used to have a fixed name, and a link planted there was followed.
    victim = tmp_path / "ander-bestand.txt"
    victim.write_text("blijft staan", encoding="utf-8")
    (work / ".rapport.pdf.tmp").symlink_to(victim)
    # its own process, as a user runs it (the module's browser holds this thread's event loop)
    result = subprocess.run([sys.executable, "-m", "lea_rules", "report", str(work / "kleinstad.lea"),
                             "--year", "2025", "-o", str(out), "--pdf"], cwd=ROOT, capture_output=True,
                            text=True, check=False, timeout=180)
    assert result.returncode == 0, result.stderr
    pdf = out.with_suffix(".pdf")
    assert pdf.is_file() and "PDF geschreven" in result.stdout
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    boxes = _media_boxes(data)
    assert boxes and all(abs(w - A4[0]) < 2 and abs(h - A4[1]) < 2 for w, h in boxes)
    assert victim.read_text(encoding="utf-8") == "blijft staan"
    assert not [p for p in work.iterdir() if p.name.endswith(".tmp") and not p.is_symlink()]
