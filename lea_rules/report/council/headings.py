"""Headings: the chapter or section a cited line sits under in its source document.

A citation knows its document and line (`regel 787`), a line of a text extraction nobody reading
the PDF can find. The council edition names the heading above it instead ("7.1
Onderwijskansenbeleid", "Ambitie 1", "Paragraaf 1: Voorschool (2-4 jaar)"). The documents are
text extractions without markup, so a heading is recognised by its form:

- a keyword and a number: `Hoofdstuk 1`, `Paragraaf 2:`, `Ambitie 3 :`, `Thema`, `Belofte`,
  `Doelstelling`; a long title after the colon is cut off (`Ambitie 1: We vergroten ...` is
  `Ambitie 1`);
- a section number and a short title: `7.1 Onderwijskansenbeleid`, `1 DEKKEND AANBOD` (not a
  footnote such as `2 Zie bijlage 1` or `16 Bijlage 3: ...`, not a numbered list item that goes on
  on the next line). The extraction puts a heading where the page had it, which can be between two
  lines of one sentence (`... versterken van de` / `6 Visie` / `interactiekwaliteit in ...`): when
  the text before it stops mid-sentence, the next line goes on with that text, and the numbered
  line is a heading. A heading broken over two lines (`5.3 Landelijke Ontwikkelingen en` /
  `aandachtspunten`) is read as one;
- a short line in capitals: `INLEIDING`.

Each document is read and scanned once (cached by path and modification time).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

KEYWORDS = ("hoofdstuk", "paragraaf", "ambitie", "thema", "belofte", "doelstelling", "bijlage", "deel")
_KEYWORD = re.compile(r"^(?P<word>" + "|".join(KEYWORDS)
                      + r")\s+(?P<number>\d+(?:\.\d+)*)\s*(?::\s*(?P<title>.*))?$", re.IGNORECASE)
_NUMBERED = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2})*)\.?\s+(?P<title>[A-Z\u00c0-\u00dd].*)$")
_FOOTNOTE_WORDS = ("zie", "bron", "onder", "inclusief", "bijlage", "wet", "www", "http")
MAX_TITLE = 60
"""Characters of a title kept after a keyword and its number; a longer one is a sentence."""
MAX_HEADING = 72
"""A numbered or capitalised line longer than this is running text, not a heading."""
LINKING = frozenset({"en", "of", "van", "de", "het", "voor", "in", "op", "met", "naar", "&"})
"""Words a broken heading's first line ends on: its title goes on on the next line."""
MAX_BROKEN = 30
"""Characters of the second line of a broken heading: a fragment, not a line of running text."""
MAX_CHAPTER = 9
"""Chapters of the shipped documents run to 9; footnotes, numbered the same way, run to 17."""
ACRONYMS = frozenset({"LEA", "VVE", "IKC", "OAB", "NPO", "MBO", "HBO", "WO", "VO", "PO", "VSV", "GGD"})
"""Words that stay in capitals when a title in capitals is written as a reader writes it."""


@dataclass(frozen=True)
class Heading:
    line: int  # 1-based, as in `regel N`
    text: str


def heading_of(line: str, following: str = "", preceding: str = "") -> str | None:
    """The heading a line is, in the form a reader finds in the document, or None.

    `following` is the next line with text: a numbered line whose sentence goes on there (it starts
    in lower case) is an item of a numbered list, not a heading; unless `preceding`, the line with
    text before it, stops mid-sentence (the next line goes on with that), or the numbered line
    ends on a linking word and the next is a short fragment (a heading broken over two lines)."""
    stripped = " ".join(line.replace("\u00a0", " ").split())
    if not stripped or len(stripped) > 160:
        return None
    keyword = _KEYWORD.match(stripped)
    if keyword:
        word = keyword.group("word")
        word = word[:1].upper() + word[1:].lower()
        title = (keyword.group("title") or "").strip()
        head = f"{word} {keyword.group('number')}"
        if (title and len(title) <= MAX_TITLE and not title.endswith(("-", ","))
                and not following.lstrip()[:1].islower()):
            return f"{head}: {_calm(title)}"
        return head
    if len(stripped) > MAX_HEADING or stripped.endswith(("-", ",", ";", ":", ".")):
        return None
    numbered = _NUMBERED.match(stripped)
    if numbered:
        title = numbered.group("title")
        chapter = int(numbered.group("number").split(".")[0])
        first = title.split()[0].casefold().rstrip(":")
        if chapter > MAX_CHAPTER or first in _FOOTNOTE_WORDS or ":" in title or "\t" in line.strip():
            return None
        if following.lstrip()[:1].islower():
            rest = " ".join(following.split())
            if _broken(title, rest) and len(stripped) + len(rest) < MAX_HEADING:
                title = f"{title} {rest}"
            elif not _mid_sentence(preceding):
                return None
        return f"{numbered.group('number')} {_calm(title)}"
    letters = [c for c in stripped if c.isalpha()]
    mostly_letters = len(letters) >= 0.8 * len(stripped.replace(" ", ""))
    if len(letters) >= 6 and stripped.upper() == stripped and mostly_letters and len(stripped.split()) <= 8:
        return _calm(stripped)
    return None


def _mid_sentence(line: str) -> bool:
    """A line of running text that stops before its sentence ends (`... versterken van de`)."""
    text = line.strip()
    return bool(text) and (text[-1].isalpha() or text.endswith(","))


def _broken(title: str, rest: str) -> bool:
    """`Landelijke Ontwikkelingen en` + `aandachtspunten`: one heading broken over two lines."""
    return (title.split()[-1].casefold() in LINKING and len(rest) <= MAX_BROKEN
            and not any(c in rest for c in ".,;:!?()") and rest.split()[-1].casefold() not in LINKING)


def _calm(title: str) -> str:
    """A title in capitals as a reader writes it: `DEKKEND AANBOD` -> `Dekkend aanbod`."""
    letters = [c for c in title if c.isalpha()]
    if len(letters) < 4 or not all(c.isupper() for c in letters):
        return title
    words = [w if w.strip("()&,.:;") in ACRONYMS else w.lower() for w in title.split(" ")]
    calm = " ".join(words)
    return calm[:1].upper() + calm[1:]


class HeadingIndex:
    """The headings of one document, in order of their line."""

    def __init__(self, text: str) -> None:
        self.headings: list[Heading] = []
        lines = text.split("\n")
        for number, line in enumerate(lines, 1):
            following = next((later for later in lines[number:number + 3] if later.strip()), "")
            preceding = next((earlier for earlier in reversed(lines[max(0, number - 4):number - 1])
                              if earlier.strip()), "")
            found = heading_of(line, following, preceding)
            if found is not None:
                self.headings.append(Heading(number, found))
        self._lines = [h.line for h in self.headings]

    def above(self, line: int) -> str | None:
        """The nearest heading on or above `line`, or None (the line comes before any heading)."""
        at = bisect.bisect_right(self._lines, line)
        return self.headings[at - 1].text if at else None


@lru_cache(maxsize=16)
def _index(path: str, mtime: float) -> HeadingIndex:
    return HeadingIndex(Path(path).read_text(encoding="utf-8", errors="replace"))


def document_index(path: Path) -> HeadingIndex | None:
    """The heading index of a document file, read once; None when it cannot be read."""
    try:
        resolved = path.resolve()
        return _index(str(resolved), resolved.stat().st_mtime)
    except (OSError, RuntimeError):
        return None
