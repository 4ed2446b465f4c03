"""PDF: print the HTML report to an A4 PDF with headless Chromium, driven by Playwright.

Only Debian's own Chromium is used (no browser download). The page may load nothing but
the report itself: every request other than file: and data: URLs is refused.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

CHROMIUM_CANDIDATES = ("/usr/bin/chromium",)
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
ALLOWED_SCHEMES = ("file:", "data:", "about:")

INSTALL_HELP = (
    "Voor --pdf is headless Chromium nodig, met de Python-module Playwright.\n"
    "Installeer ze zo (Debian of Ubuntu):\n"
    "    sudo apt install chromium\n"
    "    pip install 'lea-rules[pdf]'\n"
    "Het HTML-rapport is wel gemaakt; u kunt het ook openen in een browser en afdrukken als PDF."
)


class PdfUnavailable(Exception):
    """Chromium or Playwright is missing; the message says how to install them (Dutch)."""


class PdfFailed(Exception):
    """Chromium ran but could not print the report."""


def find_chromium() -> str | None:
    """/usr/bin/chromium, else `chromium` (or `chromium-browser`) on PATH, else None."""
    for candidate in CHROMIUM_CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def playwright_available() -> bool:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return True


def block_network(route: Any) -> None:
    """Playwright route handler: let local files through, refuse everything else."""
    if route.request.url.startswith(ALLOWED_SCHEMES):
        route.continue_()
    else:
        route.abort()


def html_to_pdf(html_path: Path, pdf_path: Path) -> None:
    """Write an A4 PDF of the HTML file. Raises PdfUnavailable or PdfFailed."""
    executable = find_chromium()
    if executable is None:
        raise PdfUnavailable("Chromium is niet gevonden.\n" + INSTALL_HELP)
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise PdfUnavailable("De Python-module Playwright ontbreekt.\n" + INSTALL_HELP) from exc
    from lea_rules.atomic import commit, discard, stage

    # A fresh, unique file (never a fixed name someone could have linked elsewhere), replaced
    # into place whole, through a symlink to its target like every write of lea.
    tmp = stage(pdf_path)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
            try:
                page = browser.new_page()
                page.route("**/*", block_network)
                page.goto(html_path.resolve().as_uri(), wait_until="load")
                page.emulate_media(media="print")
                page.pdf(path=str(tmp), format="A4", print_background=True, prefer_css_page_size=True)
            finally:
                browser.close()
        commit(tmp, pdf_path)
    except PlaywrightError as exc:
        raise PdfFailed(f"Chromium kon de PDF niet maken: {exc}") from exc
    finally:
        discard(tmp)
