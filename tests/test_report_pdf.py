"""The PDF read back: `lea report AGENDA --year 2025 --pdf` for every edition of every agenda,
then opened with poppler (pdfinfo, pdftotext), a reader independent of the one lea uses.

- every page says "pagina N van M" at its foot, and from page 2 on the municipality and the
  peiljaar at its top;
- each entry of the contents list carries the number of the page its target really is on
  (the destination poppler reports for the link's target, read from the words inside the
  link's own box on the page);
- the council edition fits its page limit (issue 12) and has no near-empty page.

Each PDF is made as a user makes it, in its own process; all at once, as they take a few
seconds each. Needs Chromium and Playwright (skipped loudly outside CI without them, like
the other browser tests) and poppler-utils (.ci/run installs it).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from report_editions import COUNCIL_PAGE_LIMITS, ROOT, case_id, cases, editions, is_council, require_browser

pytestmark = pytest.mark.browser

MUNICIPALITY = {"hengelo": "Hengelo", "enschede": "Enschede", "midden-groningen": "Midden-Groningen"}
WORD = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
TOP, BOTTOM = 57.0, 51.0  # the page margins of print.css (20 mm, 18 mm) in points
NEAR_EMPTY = 0.25  # a page (not the last) whose text ends above this share of its body


@dataclass
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass
class ReadBack:
    pages: int
    texts: list[str]  # per page, pdftotext's reading order
    dests: dict[str, int]  # destination name -> page (pdfinfo -dests)
    links: list[tuple[int, str, tuple[float, float, float, float]]]  # page, dest, box from the top
    words: dict[int, list[Word]] = field(default_factory=dict)  # page -> words, from the top
    fills: list[float] = field(default_factory=list)  # per page: lowest text / page height
    contents: list[str] = field(default_factory=list)  # the contents list's targets (from the HTML)


class ContentsLinks(HTMLParser):
    """The targets of the links inside <nav class="toc ...">, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.targets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "nav" and "toc" in values.get("class", "").split():
            self.depth += 1
        elif tag == "a" and self.depth and values.get("href", "").startswith("#"):
            self.targets.append(values["href"][1:])

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self.depth:
            self.depth -= 1


def _run(*cmd: str) -> str:
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def _read_back(pdf: Path, html: Path) -> ReadBack:
    from pypdf import PdfReader

    pages = int(re.search(r"^Pages:\s+(\d+)", _run("pdfinfo", str(pdf)), re.M).group(1))  # type: ignore[union-attr]
    texts = _run("pdftotext", "-enc", "UTF-8", str(pdf), "-").split("\f")[:pages]
    dests = {name: int(page) for page, name in
             re.findall(r'^\s*(\d+)\s+\[.*?\]\s+"(.*)"\s*$', _run("pdfinfo", "-dests", str(pdf)), re.M)}
    back = ReadBack(pages=pages, texts=texts, dests=dests, links=[])
    bbox = _run("pdftotext", "-enc", "UTF-8", "-bbox", str(pdf), "-")
    for number, (height, body) in enumerate(re.findall(r'<page width="[\d.]+" height="([\d.]+)">(.*?)</page>',
                                                       bbox, re.S), start=1):
        words = [Word(text, float(x0), float(y0), float(x1), float(y1))
                 for x0, y0, x1, y1, text in re.findall(WORD, body)]
        back.words[number] = words
        # how far down the body of the page (inside the margins, without header and page number) the text goes
        body = [w.y1 for w in words if w.y0 > TOP and w.y1 < float(height) - BOTTOM]
        back.fills.append((max(body, default=TOP) - TOP) / (float(height) - TOP - BOTTOM))
    reader = PdfReader(str(pdf))
    for number, page in enumerate(reader.pages[:3], start=1):
        height = float(page.mediabox.height)
        for ref in page.get("/Annots", []) or []:
            annot = ref.get_object()
            dest = annot.get("/Dest")
            if annot.get("/Subtype") != "/Link" or dest is None:
                continue
            x0, y0, x1, y1 = (float(v) for v in annot["/Rect"])
            back.links.append((number, str(dest).lstrip("/"), (x0, height - y1, x1, height - y0)))
    parser = ContentsLinks()
    parser.feed(html.read_text(encoding="utf-8"))
    back.contents = parser.targets
    return back


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], ReadBack]:
    require_browser()
    missing = [tool for tool in ("pdfinfo", "pdftotext") if shutil.which(tool) is None]
    if missing:
        reason = f"PDF read-back needs poppler-utils ({', '.join(missing)}; apt install poppler-utils)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(f"SKIPPED LOUDLY: {reason}")
    tmp = tmp_path_factory.mktemp("pdf")
    running = {}
    for agenda, edition in cases():
        html = tmp / f"{agenda}-{edition}.html"
        running[(agenda, edition)] = (html, subprocess.Popen(
            [sys.executable, "-m", "lea_rules", "report", agenda, "--year", "2025", "-o", str(html), "--pdf",
             *editions()[edition]], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    out = {}
    for case, (html, process) in running.items():
        stdout, stderr = process.communicate(timeout=600)
        assert process.returncode == 0, f"{case}: {stderr[-3000:]}"
        assert "PDF geschreven" in stdout
        out[case] = _read_back(html.with_suffix(".pdf"), html)
    return out


@pytest.mark.parametrize("case", cases(), ids=case_id)
def test_every_page_has_its_number_and_the_running_header(made: dict[tuple[str, str], ReadBack],
                                                          case: tuple[str, str]) -> None:
    back = made[case]
    assert back.pages >= 2 and len(back.texts) == back.pages
    for number, text in enumerate(back.texts, start=1):
        flat = " ".join(text.split())
        assert f"pagina {number} van {back.pages}" in flat, f"page {number} has no page number"
        # in the top margin, above the text of the page
        head = " ".join(w.text for w in back.words[number] if w.y1 < TOP)
        if number > 1:
            assert f"Gemeente {MUNICIPALITY[case[0]]}" in head and "peiljaar 2025" in head, \
                f"page {number} has no running header: {head!r}"
        else:
            assert head == "", "the cover has no running header"


@pytest.mark.parametrize("case", cases(), ids=case_id)
def test_contents_list_carries_the_page_of_each_target(made: dict[tuple[str, str], ReadBack],
                                                       case: tuple[str, str]) -> None:
    back = made[case]
    assert len(back.contents) >= 4, "the contents list names at least the themes"
    wrong = []
    for target in back.contents:
        assert target in back.dests, f"no destination for #{target}"
        page = back.dests[target]
        shown = set()
        for number, dest, (x0, y0, x1, y1) in back.links:
            if dest != target:
                continue
            inside = [w for w in back.words[number]
                      if x0 - 1 <= (w.x0 + w.x1) / 2 <= x1 + 1 and y0 - 1 <= (w.y0 + w.y1) / 2 <= y1 + 1]
            if inside:
                shown.add(max(inside, key=lambda w: (round(w.y0), w.x1)).text)
        if str(page) not in shown:
            wrong.append(f"#{target} is on page {page}, the contents list says {sorted(shown) or 'nothing'}")
    assert wrong == []


@pytest.mark.parametrize("case", [c for c in cases() if is_council(c[1])], ids=case_id)
def test_council_edition_is_short_without_near_empty_pages(made: dict[tuple[str, str], ReadBack],
                                                           case: tuple[str, str]) -> None:
    back = made[case]
    assert back.pages <= COUNCIL_PAGE_LIMITS[case[0]]
    near_empty = [(number, round(fill, 2)) for number, fill in enumerate(back.fills[:-1], start=1)
                  if fill < NEAR_EMPTY]
    assert near_empty == []
