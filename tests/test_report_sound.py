"""Sound HTML in every edition of every shipped agenda: unique ids, every internal link lands,
and the file stands on its own (a Content-Security-Policy, no script, nothing from the network).

A duplicate id sends a contents link to the wrong part (Enschede's Paragraaf 1 to Hoofdstuk 1),
so both are checked on the HTML as `lea report` writes it. The browser and PDF tests
(test_report_axe.py, test_report_pdf.py) look at the same editions.
"""

from __future__ import annotations

import os
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from report_editions import ROOT, case_id, cases, editions

from lea_rules.cli import main

FIXTURE = ROOT / "tests" / "fixtures" / "report_small" / "kleinstad.lea"
CASES = [*cases(), *(("kleinstad", edition) for edition in editions())]


class Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.internal: list[str] = []
        self.external: list[tuple[str, str, str]] = []
        self.tags: Counter[str] = Counter()
        self.csp: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        values = {name: value or "" for name, value in attrs}
        if "id" in values:
            self.ids.append(values["id"])
        for name in ("href", "src", "xlink:href", "action", "srcset", "poster", "data"):
            value = values.get(name)
            if value is None:
                continue
            if value.startswith("#"):
                self.internal.append(value[1:])
            elif not value.startswith("data:"):
                self.external.append((tag, name, value))
        if tag == "meta" and values.get("http-equiv", "").lower() == "content-security-policy":
            self.csp.append(values.get("content", ""))

    handle_startendtag = handle_starttag


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Collect]:
    tmp = tmp_path_factory.mktemp("sound")
    cwd = Path.cwd()
    os.chdir(ROOT)
    out: dict[tuple[str, str], Collect] = {}
    try:
        for agenda, edition in CASES:
            path = tmp / f"{agenda}-{edition}.html"
            source = str(FIXTURE) if agenda == "kleinstad" else agenda
            assert main(["report", source, "--year", "2025", "-o", str(path), *editions()[edition]]) == 0
            parsed = Collect()
            parsed.feed(path.read_text(encoding="utf-8"))
            out[(agenda, edition)] = parsed
    finally:
        os.chdir(cwd)
    return out


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_no_duplicate_ids(pages: dict[tuple[str, str], Collect], case: tuple[str, str]) -> None:
    page = pages[case]
    assert len(page.ids) > 10
    twice = {name: n for name, n in Counter(page.ids).items() if n > 1}
    assert twice == {}, f"{len(twice)} ids more than once: {sorted(twice)[:20]}"


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_every_internal_link_lands_on_an_id(pages: dict[tuple[str, str], Collect],
                                            case: tuple[str, str]) -> None:
    page = pages[case]
    assert len(page.internal) > 5, "the contents list alone links to every theme"
    ids = set(page.ids)
    broken = sorted({target for target in page.internal if target not in ids})
    assert broken == [], f"links to no id: {broken[:20]}"


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_self_contained(pages: dict[tuple[str, str], Collect], case: tuple[str, str]) -> None:
    page = pages[case]
    assert page.csp == ["default-src 'none'; style-src 'unsafe-inline'; img-src data:"]
    assert page.tags["script"] == 0 and page.tags["iframe"] == 0 and page.tags["object"] == 0
    assert page.tags["link"] == 0, "no stylesheet, icon or font from elsewhere"
    # the only links out of the file are to web pages a reader may follow (not loaded)
    loads = [(tag, name, value) for tag, name, value in page.external if not (tag == "a" and name == "href")]
    assert loads == []
