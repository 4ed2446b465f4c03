"""PDF: print the HTML report to an A4 PDF with headless Chromium, driven by Playwright.

Only Debian's own Chromium is used (no browser download). The page may load nothing but
the report itself: every request other than file: and data: URLs is refused.

Page numbers, the running header and "pagina N van M" come from the stylesheet (print.css,
`@page` margin boxes). Chromium has no `target-counter()`, so the page numbers in the contents
list take a second pass: print once, read from that PDF on which page each contents target
landed (Chromium writes a named destination for every element a link points to; pypdf reads
them), write the numbers into the contents links (`data-page`, shown by print.css in room it
kept free, so nothing moves), and print again. The second PDF is read back too, and printed
once more should a number still not match.
"""

from __future__ import annotations

import io
import queue
import shutil
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

CHROMIUM_CANDIDATES = ("/usr/bin/chromium",)
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
ALLOWED_SCHEMES = ("file:", "data:", "about:")
PDF_OPTIONS: dict[str, Any] = {"format": "A4", "print_background": True, "prefer_css_page_size": True}
# the PDF that is kept is also tagged (its structure for screen readers) and has bookmarks from
# the headings; the first pass, only read for its page numbers, is made without: it is quicker
FINAL_OPTIONS: dict[str, Any] = {**PDF_OPTIONS, "tagged": True, "outline": True}
# the contents list: the links whose targets get a page number
CONTENTS_LINKS = "nav.toc a[href^='#']"
MAX_PASSES = 4

INSTALL_HELP = (
    "Voor --pdf is headless Chromium nodig, met de Python-modules Playwright en pypdf.\n"
    "Installeer ze zo (Debian of Ubuntu):\n"
    "    sudo apt install chromium\n"
    "    pip install 'lea-rules[pdf]'   # Playwright en pypdf\n"
    "Het HTML-rapport is wel gemaakt; u kunt het ook openen in een browser en afdrukken als PDF."
)
INSTALL_HELP_EN = (
    "--pdf needs headless Chromium, with the Python modules Playwright and pypdf.\n"
    "Install them like this (Debian or Ubuntu):\n"
    "    sudo apt install chromium\n"
    "    pip install 'lea-rules[pdf]'   # Playwright and pypdf\n"
    "The HTML report has been written; you can also open it in a browser and print it as a PDF."
)


class PdfProblem(Exception):
    """Why no PDF was made: the message in Dutch, `english` for `lea report --lang en`."""

    def __init__(self, dutch: str, english: str) -> None:
        super().__init__(dutch)
        self.english = english

    def say(self, lang: str) -> str:
        return self.english if lang == "en" else str(self)


class PdfUnavailable(PdfProblem):
    """Chromium or Playwright is missing; the message says how to install them."""


class PdfFailed(PdfProblem):
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


def destination_pages(pdf: bytes) -> dict[str, int]:
    """Every named destination in the PDF (an id some link points to) -> its page, from 1."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    pages: dict[str, int] = {}
    for name, destination in reader.named_destinations.items():
        number = reader.get_destination_page_number(destination)
        if number is not None:  # a destination on no page of this file
            key = str(name)
            pages[key[1:] if key.startswith("/") else key] = number + 1
    return pages


_TARGETS_JS = f"""() => [...document.querySelectorAll("{CONTENTS_LINKS}")]
    .map(a => decodeURIComponent(a.getAttribute("href").slice(1)))"""
_NUMBER_JS = f"""(pages) => {{
    for (const a of document.querySelectorAll("{CONTENTS_LINKS}")) {{
        const page = pages[decodeURIComponent(a.getAttribute("href").slice(1))];
        if (page === undefined) a.removeAttribute("data-page");
        else a.setAttribute("data-page", String(page));
    }}
}}"""


def print_numbered(page: Any) -> bytes:
    """The PDF of the loaded page (print media), with the contents list's page numbers filled in."""
    targets: list[str] = page.evaluate(_TARGETS_JS)
    if not targets:
        only: bytes = page.pdf(**FINAL_OPTIONS)
        return only
    pdf: bytes = page.pdf(**PDF_OPTIONS)
    shown: Mapping[str, int] = {}
    for _ in range(MAX_PASSES):
        landed = destination_pages(pdf)
        wanted = {target: landed[target] for target in targets if target in landed}
        if shown and wanted == shown:
            return pdf
        page.evaluate(_NUMBER_JS, wanted)
        shown = wanted
        pdf = page.pdf(**FINAL_OPTIONS)
    raise PdfFailed("de paginanummers van de inhoudsopgave blijven verschuiven",
                    "the page numbers of the contents list keep moving")


def block_network(route: Any) -> None:
    """Playwright route handler: let local files through, refuse everything else."""
    if route.request.url.startswith(ALLOWED_SCHEMES):
        route.continue_()
    else:
        route.abort()


def _check_installed() -> str:
    """Chromium's path; PdfUnavailable, saying how to install it, when something is missing."""
    executable = find_chromium()
    if executable is None:
        raise PdfUnavailable("Chromium is niet gevonden.\n" + INSTALL_HELP,
                             "Chromium was not found.\n" + INSTALL_HELP_EN)
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as exc:
        raise PdfUnavailable("De Python-module Playwright ontbreekt.\n" + INSTALL_HELP,
                             "The Python module Playwright is missing.\n" + INSTALL_HELP_EN) from exc
    try:
        import pypdf  # noqa: F401
    except ImportError as exc:
        raise PdfUnavailable("De Python-module pypdf ontbreekt.\n" + INSTALL_HELP,
                             "The Python module pypdf is missing.\n" + INSTALL_HELP_EN) from exc
    return executable


class PdfPrinter:
    """Headless Chromium, started in a thread of its own as soon as the printer is made, so that
    it starts while lea writes the HTML; `print` then only loads and prints. Use it as a context
    manager (or call `close`): the browser stops at the end. A missing Chromium, Playwright or
    pypdf is raised by `print`, not here, so the HTML report is written all the same."""

    def __init__(self) -> None:
        self._jobs: queue.Queue[Path | None] = queue.Queue()
        self._done: queue.Queue[bytes | BaseException] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._unavailable: PdfUnavailable | None = None
        try:
            executable = _check_installed()
        except PdfUnavailable as exc:
            self._unavailable = exc
            return
        self._thread = threading.Thread(target=self._run, args=(executable,), name="lea-pdf", daemon=True)
        self._thread.start()

    def __enter__(self) -> PdfPrinter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _run(self, executable: str) -> None:
        # Playwright's sync API stays in the thread that started it: everything happens here.
        try:
            from playwright.sync_api import sync_playwright

            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
                try:
                    html_path = self._jobs.get()
                    if html_path is None:
                        return
                    page = browser.new_page()
                    page.route("**/*", block_network)
                    page.goto(html_path.resolve().as_uri(), wait_until="load")
                    page.emulate_media(media="print")
                    self._done.put(print_numbered(page))
                finally:
                    browser.close()
        except BaseException as exc:  # handed to the caller of print
            self._done.put(exc)

    def print(self, html_path: Path, pdf_path: Path) -> None:
        """Write an A4 PDF of the HTML file (once per printer). Raises PdfUnavailable or PdfFailed."""
        if self._unavailable is not None:
            raise self._unavailable
        from playwright.sync_api import Error as PlaywrightError

        from lea_rules.atomic import commit, discard, stage

        self._jobs.put(html_path)
        result = self._done.get()
        if isinstance(result, PlaywrightError):
            raise PdfFailed(f"Chromium kon de PDF niet maken: {result}",
                            f"Chromium could not make the PDF: {result}") from result
        if isinstance(result, BaseException):
            raise result
        # A fresh, unique file (never a fixed name someone could have linked elsewhere), replaced
        # into place whole, through a symlink to its target like every write of lea.
        tmp = stage(pdf_path)
        try:
            tmp.write_bytes(result)
            commit(tmp, pdf_path)
        finally:
            discard(tmp)

    def close(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            self._jobs.put(None)
            self._thread.join()


def html_to_pdf(html_path: Path, pdf_path: Path) -> None:
    """Write an A4 PDF of the HTML file. Raises PdfUnavailable or PdfFailed."""
    with PdfPrinter() as printer:
        printer.print(html_path, pdf_path)
