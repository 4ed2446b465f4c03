"""The heading the council edition names for a citation (`6 Visie` for `regel 691`): for every
citation of the three shipped agendas it is a line of the source before the cited line that looks
like a heading, and it is not above a heading the agenda itself cites for the item's sections
(a heading the finder skipped shows there: 6-r1 under hoofdstuk 6 "Visie" was given `Belofte 5`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from shipped import shipped_agendas

from lea_rules.api import check_file
from lea_rules.nodes import Agenda, Citation, Section
from lea_rules.report.council.headings import KEYWORDS, HeadingIndex, document_index, heading_of

ROOT = Path(__file__).resolve().parent.parent
AGENDAS = shipped_agendas()


Cited = tuple[str, Citation, tuple[Citation, ...]]


def _cited(sections: tuple[Section, ...], above: tuple[Citation, ...]) -> Iterator[Cited]:
    """Every citation with a line, with the citations of the sections it sits in."""
    for section in sections:
        own = tuple(c for c in section.provenance.citations if c.line is not None)
        for citation in own:
            yield f"{section.word} {section.number or section.title}", citation, above
        for item in (*section.actions, *section.results):
            for citation in item.provenance.citations:
                if citation.line is not None:
                    yield item.code, citation, above + own
        yield from _cited(section.children, above + own)


@cache
def _agenda(path: Path) -> Agenda:
    checked = check_file(path)
    assert checked.agenda is not None, checked.errors
    return checked.agenda


def _index(agenda: Agenda, path: Path, name: str) -> tuple[HeadingIndex, list[str]]:
    document = agenda.document(name)
    assert document is not None
    source = path.parent / document.path
    index = document_index(source)
    assert index is not None
    return index, source.read_text(encoding="utf-8").split("\n")


def _looks_like_a_heading(line: str) -> bool:
    """By its form alone: a keyword and its number (`Ambitie 1: ...`), or a short line without a
    sentence end that starts with a section number or a capital."""
    text = " ".join(line.split())
    if heading_of(text) is None:
        return False
    if re.match(rf"^({'|'.join(KEYWORDS)})\s+\d", text, re.IGNORECASE):
        return True
    return 0 < len(text) <= 72 and not text.endswith((".", ";", ",")) and bool(re.match(r"^(\d|[A-Z])", text))


@pytest.mark.parametrize("path", AGENDAS, ids=lambda p: p.stem)
def test_every_citation_gets_a_heading_before_it_below_its_sections_headings(path: Path) -> None:
    agenda = _agenda(path)
    checked = 0
    top = [("agenda", c, ()) for c in agenda.provenance.citations if c.line is not None]
    for code, citation, sections in [*top, *_cited(agenda.sections, ())]:
        assert citation.line is not None
        index, lines = _index(agenda, path, citation.document)
        at = [h for h in index.headings if h.line <= citation.line]
        given = index.above(citation.line)
        if given is None:
            assert not at
            continue
        heading = at[-1]
        assert heading.text == given
        line = lines[heading.line - 1]
        assert _looks_like_a_heading(line), (code, citation.line, line)
        # the heading is said from that line: its number or keyword first
        assert given.split()[0].casefold() == line.split()[0].casefold().rstrip(".:"), (code, given, line)
        for section in sections:
            if section.document == citation.document and section.line is not None \
                    and section.line <= citation.line and _looks_like_a_heading(lines[section.line - 1]):
                assert heading.line >= section.line, (
                    f"{code} (regel {citation.line}) staat onder '{given}' (regel {heading.line}), boven "
                    f"de kop die de agenda voor zijn onderdeel citeert: regel {section.line} "
                    f"'{lines[section.line - 1].strip()}'")
        checked += 1
    assert checked > 20


def test_hengelo_6_r1_is_under_its_chapter_visie() -> None:
    """`6 Visie` stands in the text between two lines of one sentence; 6-r1 cites line 691."""
    path = ROOT / "agendas" / "hengelo.lea"
    index, lines = _index(_agenda(path), path, "lea")
    assert lines[683].strip() == "6 Visie" and lines[690].startswith("We streven naar een inclusievere")
    assert index.above(691) == "6 Visie"
    assert index.above(106) == "1 Inleiding"  # its second citation, in the introduction
    html = (ROOT / "reports" / "hengelo-2025.html").read_text(encoding="utf-8")
    row = html[:html.index('id="resultaat-6-r1"')]
    assert row[row.rindex("<caption>"):].count("6 Visie, 1 Inleiding") == 1


def test_a_heading_between_two_lines_of_a_sentence_and_a_broken_heading() -> None:
    assert heading_of("6 Visie", "interactiekwaliteit in de kinderopvang",
                      "kind.  We richten ons daarom op het versterken van de ") == "6 Visie"
    # a numbered list item whose sentence goes on stays none, after a sentence that ended
    assert heading_of("4. Het wetsvoorstel stimuleert de samenwerking tussen",
                      "onderwijs, Doorstroompunten en", "het ondersteunen van jongeren naar werk.") is None
    assert heading_of("4. Verbeteren van het regionaal en landelijk zicht op", "verzuim;",
                      "vverzuim;") is None
    assert heading_of("5.3 Landelijke Ontwikkelingen en ", "aandachtspunten", "van deze doelen.") == \
        "5.3 Landelijke Ontwikkelingen en aandachtspunten"
