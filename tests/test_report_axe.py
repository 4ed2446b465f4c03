"""0 axe-core WCAG 2.1 A and AA violations, in real Chromium, for every edition of every agenda.

axe-core runs inside the page (axe-playwright-python ships its JavaScript: no network). The
report's own Content-Security-Policy forbids scripts; Playwright's evaluate is the test
talking to the browser, not a script in the file, so the policy stays as it is. All pages
are checked at once, each in its own renderer: on a large report (Hengelo's working edition,
6000 elements) the colour-contrast rule alone takes half a minute.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from report_editions import ROOT, case_id, cases, editions, require_browser

from lea_rules.cli import main
from lea_rules.report.pdf import LAUNCH_ARGS

pytestmark = pytest.mark.browser

FIXTURE = ROOT / "tests" / "fixtures" / "report_small" / "kleinstad.lea"
CASES = [*cases(), *(("kleinstad", edition) for edition in editions()),
         *(("kleinstad-en", edition) for edition in editions())]
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _make(tmp: Path, agenda: str, edition: str) -> Path:
    path = tmp / f"{agenda}-{edition}.html"
    source, lang = {"kleinstad": (str(FIXTURE), "nl"), "kleinstad-en": (str(FIXTURE), "en")}.get(
        agenda, (agenda, "nl"))
    assert main(["report", source, "--year", "2025", "--lang", lang, "-o", str(path),
                 *editions()[edition]]) == 0
    return path


@pytest.fixture(scope="module")
def violations(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[tuple[str, str], list[Any]]]:
    chromium = require_browser()
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright

    tmp = tmp_path_factory.mktemp("axe")
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        paths = {case: _make(tmp, *case) for case in CASES}
    finally:
        os.chdir(cwd)
    options = json.dumps({"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]})
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=LAUNCH_ARGS)
        try:
            pages = {}
            for case, path in paths.items():
                page = browser.new_page(viewport={"width": 1100, "height": 1400})
                page.route("**/*", lambda route: route.continue_()
                           if route.request.url.startswith(("file:", "data:")) else route.abort())
                page.goto(path.resolve().as_uri(), wait_until="load")
                page.evaluate(Axe().axe_script)
                # start every run before waiting for any: the pages check in parallel
                page.evaluate(f"() => {{ window.__axe = axe.run(document, {options}); }}")
                pages[case] = page
            yield {case: page.evaluate("() => window.__axe.then(r => r.violations)")
                   for case, page in pages.items()}
        finally:
            browser.close()


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_no_wcag_21_aa_violations(violations: dict[tuple[str, str], list[Any]],
                                  case: tuple[str, str]) -> None:
    found = violations[case]
    described = [f"{v['id']} ({v['impact']}): {v['help']} — "
                 + "; ".join(" ".join(node["target"]) for node in v["nodes"][:5]) for v in found]
    assert found == [], "\n".join(described)
