"""Citations: every quote is found, word for word, in the document it cites, near its line."""

from __future__ import annotations

import bisect
import re
import zlib
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from lea_rules import nodes as n
from lea_rules.checks.context import CheckContext
from lea_rules.diagnostics import Diagnostic
from lea_rules.suggest import did_you_mean

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
"""A source document is a text extraction of a few hundred pages (the shipped ones are 20 to 80
KB). The limit bounds the check: a citation that is not where its `regel` says is searched in
the whole document, so 1.000 such citations against a 10 MB document take a few seconds."""

LINE_SLACK = 3
"""A `regel N` may be off by a few lines: PDF extraction moves words across lines."""


class IndexedText:
    """A document reduced to its letters and digits, with the line of each kept character.

    Line breaks, end-of-line hyphenation, bullets, punctuation and kinds of quote marks
    differ between a PDF extraction and what a writer types; the words do not.
    """

    def __init__(self, text: str | None = None) -> None:
        self.text = ""
        self.starts: list[int] = []
        self.line_count = 0
        if text is not None:
            self._index(text)

    def _index(self, text: str) -> None:
        parts: list[str] = []
        self.starts = []
        offset = 0
        for line in text.split("\n"):
            self.starts.append(offset)
            kept = _NOT_WORD.sub("", line).casefold()
            parts.append(kept)
            offset += len(kept)
        self.text = "".join(parts)
        self.line_count = len(self.starts)

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



_NOT_WORD = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    return _NOT_WORD.sub("", text).casefold()


@lru_cache(maxsize=16)
def load_document(path: str, mtime: float) -> IndexedText:
    """The indexed document, from the cache when the file has not changed since."""
    from lea_rules import cache

    name = f"doc-{zlib.crc32(path.encode()):08x}.marshal"
    stored = cache.read(name)
    if isinstance(stored, tuple) and len(stored) == 4 and stored[:2] == (path, mtime):
        indexed = IndexedText()
        indexed.text, indexed.starts = stored[2], list(stored[3])
        indexed.line_count = len(indexed.starts)
        return indexed
    indexed = IndexedText(Path(path).read_text(encoding="utf-8", errors="replace"))
    cache.write(name, (path, mtime, indexed.text, tuple(indexed.starts)))
    return indexed


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    agenda = ctx.agenda
    documents: dict[str, IndexedText | None] = {}
    root = project_root(ctx.source.path)
    for document in agenda.documents:
        documents[document.name.casefold()] = None
        try:
            path = (ctx.base_dir / document.path).resolve()
            inside = path.is_relative_to(root)
            found = inside and path.is_file()
            size = path.stat().st_size if found else 0
        except (OSError, ValueError, RuntimeError):  # a name too long, a loop of links
            path, inside, found, size = ctx.base_dir / document.path, True, False, 0
        if not inside:
            # Said before looking at the file: the answer never tells whether it exists.
            in_agendas = root != ctx.base_dir
            where_root = ("de projectmap (de map om agendas/ heen)" if in_agendas
                          else "de map van de agenda")
            example = "../sources/naam.txt" if in_agendas else "sources/naam.txt"
            yield ctx.error("E254", "document buiten de projectmap",
                            f"het document '{document.path}' ligt buiten {where_root}; lea leest alleen "
                            "documenten daarbinnen", document.span,
                            help=f"zet een tekstversie van het document in {where_root}, bijvoorbeeld in "
                                 f"sources/, en verwijs ernaar als \"{example}\"")
            continue
        if not found:
            yield ctx.error("E251", "document niet te lezen",
                            f"het document '{document.path}' bestaat niet", document.span,
                            help=f"het pad is relatief aan de map van dit .lea-bestand "
                                 f"({Path(ctx.source.path).parent})")
            continue
        if size > MAX_DOCUMENT_BYTES:
            yield ctx.error("E251", "document niet te lezen",
                            f"het document '{document.path}' is {size / 1_048_576:.0f} MB; een "
                            f"brondocument is hooguit {MAX_DOCUMENT_BYTES // 1_048_576} MB tekst",
                            document.span, help="verwijs naar de tekstversie (.txt) van het document")
            continue
        try:
            documents[document.name.casefold()] = load_document(str(path), path.stat().st_mtime)
        except OSError as exc:
            yield ctx.error("E251", "document niet te lezen",
                            f"het document '{document.path}' is niet te lezen ({exc.strerror})",
                            document.span, help="controleer of het bestand bestaat en leesbaar is")
    names = [d.name for d in agenda.documents]
    for where, provenance in ctx.provenances():
        for citation in provenance.citations:
            yield from _citation(ctx, citation, documents, names, where)


def _citation(ctx: CheckContext, c: n.Citation, documents: dict[str, IndexedText | None],
              names: list[str], where: str | None) -> Iterator[Diagnostic]:
    key = c.document.casefold()
    if key not in documents:
        yield ctx.error("E250", "onbekend document",
                        f"document '{c.document}' is niet gedeclareerd", c.document_span or c.span,
                        context=where,
                        help=did_you_mean(c.document, names)
                        or f'declareer het bovenaan: document {c.document}: "pad/naar/bestand.txt"')
        return
    indexed = documents[key]
    if indexed is None:
        return
    if c.line is not None and indexed.found_near(c.quote, c.line, LINE_SLACK):
        return  # the usual case: where the citation says, without searching the whole document
    lines = indexed.find_lines(c.quote)
    if not lines:
        yield ctx.error("E252", "citaat niet gevonden",
                        f"de geciteerde woorden staan niet in document '{c.document}'",
                        c.quote_span or c.span,
                        context=where, notes=_cited_line(ctx, c),
                        help="kopieer de woorden letterlijk uit het document; spaties, regeleinden "
                             "en afbrekingen tellen niet mee")
        return
    if c.line is not None and not any(abs(line - c.line) <= LINE_SLACK for line in lines):
        wanted = c.line
        near = min(lines, key=lambda line: abs(line - wanted))
        yield ctx.error("E253", "citaat op een andere regel",
                        f"de woorden staan niet bij regel {c.line}, maar op regel {near}",
                        c.locator_span or c.span,
                        context=where, help=f"schrijf 'regel {near}'")


__all__ = ["IndexedText", "check", "load_document", "normalise", "project_root"]


def _cited_line(ctx: CheckContext, c: n.Citation) -> tuple[str, ...]:
    """What the cited line really says, so the writer sees the difference at once."""
    document = ctx.agenda.document(c.document)
    if c.line is None or document is None:
        return ()
    try:
        path = (ctx.base_dir / document.path).resolve()
        if not path.is_relative_to(project_root(ctx.source.path)):
            return ()
        lines = _document_lines(str(path), path.stat().st_mtime)
    except (OSError, ValueError, RuntimeError):
        return ()
    if not 1 <= c.line <= len(lines):
        return (f"het document heeft {len(lines)} regels; regel {c.line} bestaat niet",)
    shown = " ".join(lines[c.line - 1].split())
    if len(shown) > 100:
        shown = shown[:97] + "..."
    return (f"op regel {c.line} staat: \u201c{shown}\u201d",)


@lru_cache(maxsize=8)
def _document_lines(path: str, mtime: float) -> tuple[str, ...]:
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
