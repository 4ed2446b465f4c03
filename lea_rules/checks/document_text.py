"""Cited documents as text: read once, reduced to their words and numbers, indexed by line.

The citation check (citations.py) asks where a quote is found; this module knows how a
document is read, compared (see `normalise`), cached between runs and where it may lie.
"""

from __future__ import annotations

import bisect
import re
import zlib
from collections.abc import Iterator
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
"""A source document is a text extraction of a few hundred pages (the shipped ones are 20 to 80
KB). The limit bounds the check: a citation that is not where its `regel` says is searched in
the whole document, so 1.000 such citations against a 10 MB document take a few seconds."""

MAX_MATCHES = 10_000
"""Places a quote is looked for without a `regel N` (a `pagina N`): a quote found more often than
this is no citation of one place, and looking further would only cost time."""


class IndexedText:
    """A document reduced to its words (see `normalise`), with the line of each kept character.

    Line breaks, end-of-line hyphenation, bullets, punctuation and kinds of quote marks
    differ between a PDF extraction and what a writer types; the words and numbers do not.
    """

    def __init__(self, text: str | None = None) -> None:
        self.text = ""
        self.starts: list[int] = []
        self.continued: frozenset[int] = frozenset()
        """Lines that end in a hyphen: the word, and so the line, goes on over the next line."""
        self.line_count = 0
        if text is not None:
            self._index(text)

    def _index(self, text: str) -> None:
        parts: list[str] = []
        self.starts = []
        offset = 0
        for line in text.split("\n"):
            self.starts.append(offset)
            kept = normalise(without_bullet(line))
            parts.append(kept)
            offset += len(kept)
        self.text = "".join(parts)
        self.line_count = len(self.starts)
        self.continued = frozenset(number for number, line in enumerate(text.split("\n"), 1)
                                   if line.rstrip().endswith("-"))

    def found_near(self, quote: str, line: int, slack: int) -> bool:
        """Does the quote start within `slack` lines of `line`? Reads only those lines."""
        key = normalise(quote)
        first = max(1, line - slack)
        last = min(self.line_count, line + slack)
        if not key or first > last:
            return False
        start = self.starts[first - 1]
        end = self.starts[last] if last < self.line_count else len(self.text)
        return self.text.find(key, start, end + len(key) - 1) >= 0  # a match starting before `end`

    def find_lines(self, quote: str) -> list[int]:
        key = normalise(quote)
        if not key:
            return []
        found: list[int] = []
        start = 0
        while True:
            index = self.text.find(key, start)
            if index < 0:
                return found
            found.append(bisect.bisect_right(self.starts, index))
            start = index + 1

    def matches(self, quote: str, line: int | None, slack: int) -> Iterator[int]:
        """Where the quote starts (offsets in `text`): within `slack` lines of `line`, or anywhere
        (at most MAX_MATCHES places, so that a quote such as "de" never scans a document long)."""
        key = normalise(quote)
        if not key:
            return
        start, end, limit = 0, len(self.text), MAX_MATCHES
        if line is not None:
            first, last = max(1, line - slack), min(self.line_count, line + slack)
            if first > last:
                return
            start = self.starts[first - 1]
            end = (self.starts[last] if last < self.line_count else len(self.text)) + len(key) - 1
        while limit:
            index = self.text.find(key, start, end)
            if index < 0:
                return
            yield index
            start, limit = index + 1, limit - 1

    def is_whole_lines(self, quote: str, line: int | None, slack: int) -> bool:
        """Is the quote, where it is found (near `line` if given), one or more whole lines?"""
        length = len(normalise(quote))
        for index in self.matches(quote, line, slack):
            end = index + length
            if self._line_edge(index) and self._line_edge(end) \
                    and bisect.bisect_right(self.starts, end - 1) not in self.continued:
                return True
        return False

    def _line_edge(self, offset: int) -> bool:
        """Does a line start (or the text end) at this offset of the reduced text?"""
        at = bisect.bisect_left(self.starts, offset)
        return offset == len(self.text) or (at < len(self.starts) and self.starts[at] == offset)


_NOT_WORD = re.compile(r"[\W_]+")
TOKEN = re.compile(r"(\d+(?:[.,]\d+)*(?:\s*%)?)|[^\W\d_]+")
"""A number (digits with their decimal comma or thousands dot, and a percent sign) or a word."""
SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """The text as it is compared: words in lower case without anything between them, each
    number as it is written between two `#` (`#83,7%#`), so that a number is found only as the
    same number: `837` is not `83,7%`, and `5%` is not found inside `85%`."""
    parts: list[str] = []
    for match in TOKEN.finditer(text):
        number = match.group(1)
        parts.append(f"#{SPACE.sub('', number)}#" if number is not None else match.group(0).casefold())
    return "".join(parts)


O_BULLET = re.compile(r"^\s*o\s+(?=\S)")


def without_bullet(line: str) -> str:
    """A document line without a leading bullet written as the letter `o` (a PDF's `◦`); other
    bullets (`•`, `-`, `.`) are not letters and drop out of `normalise` by themselves."""
    return O_BULLET.sub("", line, count=1)


def loose(text: str) -> str:
    """Only letters and digits: how a citation was compared before numbers counted. Used to tell
    a writer that the words are there but a number is written differently."""
    return _NOT_WORD.sub("", text).casefold()


def word_count(text: str) -> int:
    return sum(1 for _ in TOKEN.finditer(text))


@lru_cache(maxsize=16)
def load_document(path: str, mtime: float, size: int = -1) -> IndexedText:
    """The indexed document, from the cache when the file has not changed since.

    The cache is keyed by path, modification time and size, and an entry is used only when
    its shape is exactly what this function writes (lines starting in order inside the text):
    anything else, damaged or foreign, is ignored and the document indexed again.
    """
    from lea_rules import cache

    name = f"doc2-{zlib.crc32(path.encode()):08x}.marshal"  # doc2: numbers kept (`normalise`)
    key = (path, mtime, size)
    indexed = _from_cache(cache.read(name), key)
    if indexed is not None:
        return indexed
    indexed = IndexedText(Path(path).read_text(encoding="utf-8", errors="replace"))
    cache.write(name, (*key, indexed.text, tuple(indexed.starts), tuple(sorted(indexed.continued))))
    return indexed


def _from_cache(stored: object, key: tuple[str, float, int]) -> IndexedText | None:
    if not (isinstance(stored, tuple) and len(stored) == 6 and stored[:3] == key):
        return None
    text, starts, continued = stored[3], stored[4], stored[5]
    if not (isinstance(text, str) and isinstance(starts, tuple) and isinstance(continued, tuple)):
        return None
    if not starts or starts[0] != 0 or not all(isinstance(i, int) for i in (*starts, *continued)):
        return None
    if any(b < a for a, b in pairwise(starts)) or starts[-1] > len(text):
        return None
    if any(not 1 <= line <= len(starts) for line in continued):
        return None
    indexed = IndexedText()
    indexed.text, indexed.starts, indexed.continued = text, list(starts), frozenset(continued)
    indexed.line_count = len(indexed.starts)
    return indexed


@lru_cache(maxsize=8)
def document_lines(path: str, mtime: float) -> tuple[str, ...]:
    """The document's lines as written, read once per check however many citations fail."""
    return tuple(Path(path).read_text(encoding="utf-8", errors="replace").split("\n"))


def project_root(agenda_path: str | Path) -> Path:
    """The folder an agenda's documents must lie in (symlinks resolved).

    For an agenda in a folder `agendas/` (agendas/hengelo.lea) it is the folder around it, the
    project, where `sources/` and `data/` are; otherwise the agenda's own folder. A document
    outside it is refused (E254), so `lea check` never reads, caches or prints another file.
    """
    folder = Path(agenda_path).resolve().parent
    return folder.parent if folder.name == "agendas" else folder
