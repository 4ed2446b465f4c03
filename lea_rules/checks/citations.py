"""Citations: every quote is found, word for word, in the document it cites, at its line.

The rules (docs/language.md, *Herkomst*):
- the words are found in the document; spaces, line breaks, hyphenation, bullets, punctuation and
  kinds of quote marks do not count, but a number does: `83,7%` is found only as `83,7%`
  (or `83,7 %`), never as `837`, `83,7` or `83.7%`, and `5%` is not found inside `85%`;
- with `regel N` the quote starts on line N, or one line before or after it (a quote that
  starts at the end of line N-1 and goes on over line N);
- a quote has at least MIN_WORDS words, unless it is a whole line of the document (a heading, a
  bullet, a table row): "Jaarlijks" out of "Jaarlijks kunnen ongeveer 10 extra scholen meedoen"
  supports nothing, "Kinderwerk." as the bullet "•  Kinderwerk." supports the action Kinderwerk.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from lea_rules import nodes as n
from lea_rules.build_recover import unreadable_name
from lea_rules.checks.closest import closest_stretch
from lea_rules.checks.context import CheckContext
from lea_rules.checks.document_text import (
    MAX_DOCUMENT_BYTES,
    MAX_MATCHES,
    O_BULLET,
    SPACE,
    TOKEN,
    IndexedText,
    document_lines,
    load_document,
    loose,
    normalise,
    project_root,
    without_bullet,
    word_count,
)
from lea_rules.diagnostics import Diagnostic
from lea_rules.suggest import did_you_mean

LINE_SLACK = 1
"""A quote may start one line before or after its `regel N`: a quote that starts at the end of
a line is cited by the line where most of its words are."""

MIN_WORDS = 5
"""Words a quote needs unless it is a whole line of the document. Chosen from the quotes in the
three shipped agendas: every real sentence or clause they quote has five words or more ("We gaan
meer interdisciplinair werken"); the ones with fewer were fragments that support nothing
("Jaarlijks", "In 2023", "We gebruiken een", "Daarom komt er een") or whole bullets and headings
("Kinderwerk.", "Studio 15", "Rol LEA"), which the exception keeps."""


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
            linked = (ctx.base_dir / document.path).absolute().parent.resolve().is_relative_to(root)
            via = " (via een snelkoppeling, symlink, naar een bestand daarbuiten)" if linked else ""
            yield ctx.error("E254", "document buiten de projectmap",
                            f"het document '{document.path}' ligt buiten {where_root}{via}; lea leest "
                            "alleen documenten daarbinnen", document.span,
                            help=(f"zet een kopie van het bestand zelf (geen snelkoppeling) in {where_root}"
                                  if linked else
                                  f"zet een tekstversie van het document in {where_root}, bijvoorbeeld in "
                                  f"sources/, en verwijs ernaar als \"{example}\""))
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
            stat = path.stat()
            documents[document.name.casefold()] = load_document(str(path), stat.st_mtime_ns, stat.st_size)
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
    if key not in documents and unreadable_name(ctx.agenda, "document", c.document):
        return  # its declaration did not parse, and says so itself
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
    words = word_count(c.quote)
    if not words:
        yield ctx.error("E255", "citaat te kort",
                        "het citaat bevat geen woorden", c.quote_span or c.span, context=where,
                        help=f"kopieer minstens {MIN_WORDS} woorden letterlijk uit het document")
        return
    if c.line is not None and indexed.found_near(c.quote, c.line, LINE_SLACK):
        lines = [c.line]  # the usual case: where the citation says, without searching the whole document
    else:
        lines = indexed.find_lines(c.quote)
    if not lines:
        yield _not_found(ctx, c, where)
        return
    near_line = c.line
    if c.line is not None and not any(abs(line - c.line) <= LINE_SLACK for line in lines):
        wanted = c.line
        near = min(lines, key=lambda line: abs(line - wanted))
        yield ctx.error("E253", "citaat op een andere regel",
                        f"de woorden staan niet bij regel {c.line}, maar op regel {near}",
                        c.locator_span or c.span,
                        context=where, help=f"schrijf 'regel {near}'")
        near_line = near
    if words < MIN_WORDS and not indexed.is_whole_lines(c.quote, near_line, LINE_SLACK):
        longer = _longer_quote(ctx, c, indexed, near_line)
        woorden = "woord" if words == 1 else "woorden"
        yield ctx.error("E255", "citaat te kort",
                        f"het citaat heeft {words} {woorden}; een citaat heeft er minstens "
                        f"{MIN_WORDS}, tenzij het een hele regel van het document is (een kop, "
                        "een opsommingsteken, een tabelregel)", c.quote_span or c.span,
                        context=where,
                        help=f'neem meer woorden over uit het document: "{longer}"' if longer
                        else f"kopieer minstens {MIN_WORDS} woorden letterlijk uit het document "
                             "(liefst de hele zin), of citeer een hele regel")


def _not_found(ctx: CheckContext, c: n.Citation, where: str | None) -> Diagnostic:
    """E252; when only a number is written differently (`837` for `83,7%`), say which."""
    message = f"de geciteerde woorden staan niet in document '{c.document}'"
    fix = ("kopieer de woorden letterlijk uit het document; spaties, regeleinden en afbrekingen "
           "tellen niet mee")
    numbers = _numbers(c.quote)
    written = _written_numbers(ctx, c) if numbers else None
    if written is not None:
        message += ": de woorden staan er wel, maar een getal is er anders geschreven"
        pairs = []
        for number in numbers:
            if number in written:
                continue
            same = sorted({w for w in written if _DIGITS.sub("", w) == _DIGITS.sub("", number)})
            if len(same) == 1:
                pairs.append(f"'{same[0]}' in plaats van '{number}'")
        fix = ("schrijf de getallen zoals het document: " + ", ".join(pairs) if pairs
               else "neem elk getal letterlijk over uit het document, met komma, punt en %-teken")
    return ctx.error("E252", "citaat niet gevonden", message, c.quote_span or c.span,
                     context=where, notes=_cited_line(ctx, c), help=fix)


_DIGITS = re.compile(r"\D+")


def _numbers(text: str) -> list[str]:
    return [SPACE.sub("", m.group(1)) for m in TOKEN.finditer(text) if m.group(1) is not None]


def _written_numbers(ctx: CheckContext, c: n.Citation) -> set[str] | None:
    """The numbers on the lines where the quote is found when numbers do not count, or None."""
    lines = _source_lines(ctx, c)
    key = loose(c.quote)
    if lines is None or not key:
        return None
    text, starts = _loose_document(lines)
    found: list[int] = []
    index = text.find(key)
    while index >= 0 and len(found) < 1000:
        found.append(index)
        index = text.find(key, index + 1)
    if not found:
        return None
    wanted = c.line
    best = found[0] if wanted is None else min(
        found, key=lambda i: abs(bisect.bisect_right(starts, i) - wanted))
    first = bisect.bisect_right(starts, best)
    last = bisect.bisect_right(starts, best + len(key) - 1)
    return {number for line in lines[first - 1:last] for number in _numbers(line)}


@lru_cache(maxsize=4)
def _loose_document(lines: tuple[str, ...]) -> tuple[str, list[int]]:
    parts: list[str] = []
    starts: list[int] = []
    offset = 0
    for line in lines:
        starts.append(offset)
        kept = loose(line)
        parts.append(kept)
        offset += len(kept)
    return "".join(parts), starts


def _longer_quote(ctx: CheckContext, c: n.Citation, indexed: IndexedText, line: int | None) -> str | None:
    """The document's own words from where the quote starts on, enough of them to pass."""
    lines = _source_lines(ctx, c)
    key = normalise(c.quote)
    if lines is None or not key:
        return None
    # the place on the cited line itself comes first: "H" on regel 2 is not the "H" of regel 1
    places = list(indexed.matches(c.quote, line, LINE_SLACK))
    on_line = [i for i in places if line is not None and bisect.bisect_right(indexed.starts, i) == line]
    index = (on_line or places or [-1])[0]
    first = bisect.bisect_right(indexed.starts, index)
    if index < 0 or first > len(lines):
        return None
    written = without_bullet(lines[first - 1])
    rest = _clean(written[_original_offset(written, index - indexed.starts[first - 1]):])
    whole = _clean(written).lstrip("\u2022\u00b7*-. ")
    options: list[str] = []
    end = _words_to_sentence_end(rest)
    if end:  # the rest of the line, up to the end of its sentence
        options.append(rest[:end])
    elif word_count(rest) >= MIN_WORDS and not _SENTENCE_END.search(rest):  # a table row
        options.append(rest)
    if _item_ends(lines, first):  # a bullet or a heading: the whole line
        options.append(whole)
    text = rest  # else on to the end of the sentence or the bullet, over at most four more lines
    following = first
    while _words_to_sentence_end(text) is None and following < min(len(lines), first + 4):
        if following > first and word_count(text) >= MIN_WORDS and _item_ends(lines, following):
            break
        following += 1
        more = _clean(lines[following - 1]).lstrip("\u2022\u00b7*- ")
        if more:
            text = text[:-1] + more if text.endswith("-") and more[:1].islower() else f"{text} {more}"
    end = _words_to_sentence_end(text)
    if end:
        options.append(text[:end])
    options.append(" ".join(text[:120].split()[:-1]) if len(text) > 120 else text)
    for option in options:
        if (word_count(option) >= MIN_WORDS or indexed.is_whole_lines(option, line, LINE_SLACK)) \
                and _passes(indexed, option, line):
            return option
    return None


def _item_ends(lines: tuple[str, ...], number: int) -> bool:
    """Does a bullet, a heading or a table row end with line `number` (not go on over the next)?"""
    text = lines[number - 1].rstrip()
    after = lines[number].strip() if number < len(lines) else ""
    return (not text.endswith("-")
            and (not after or text.endswith((".", "!", "?", ":", ";", ")"))
                 or after[:1] in "\u2022\u00b7*-.\ufffd" or bool(O_BULLET.match(after))))


_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def _words_to_sentence_end(text: str) -> int | None:
    """Where the first sentence that has MIN_WORDS words ends in `text`, if it does."""
    for match in _SENTENCE_END.finditer(text):
        if word_count(text[:match.end()]) >= MIN_WORDS:
            return match.end()
    return None


def _clean(text: str) -> str:
    """A piece of a document line as it can stand in a .lea quote: one line, no `"`."""
    return " ".join(text.replace('"', "").replace("\ufffd", " ").split())


def _passes(indexed: IndexedText, quote: str, line: int | None) -> bool:
    if line is not None:
        return indexed.found_near(quote, line, LINE_SLACK)
    return bool(indexed.find_lines(quote))


def _original_offset(line: str, reduced: int) -> int:
    """Where in the line as written the `reduced`-th character of `normalise(line)` comes from."""
    done = 0
    for match in TOKEN.finditer(line):
        number = match.group(1)
        piece = f"#{SPACE.sub('', number)}#" if number is not None else match.group(0).casefold()
        if reduced < done + len(piece):
            inside = reduced - done
            same_length = number is None and len(piece) == len(match.group(0))
            return match.start() + inside if same_length else match.start()
        done += len(piece)
    return len(line)


__all__ = ["LINE_SLACK", "MAX_DOCUMENT_BYTES", "MAX_MATCHES", "MIN_WORDS", "IndexedText", "check",
           "load_document", "loose", "normalise", "project_root", "word_count"]


def _cited_line(ctx: CheckContext, c: n.Citation) -> tuple[str, ...]:
    """What the cited line really says, so the writer sees the difference at once."""
    lines = _source_lines(ctx, c) if c.line is not None else None
    if c.line is None or lines is None:
        return ()
    if not 1 <= c.line <= len(lines):
        return (f"het document heeft {len(lines)} regels; regel {c.line} bestaat niet",)
    shown = closest_stretch(lines[c.line - 1], c.quote)
    return (f"op regel {c.line} staat: \u201c{shown}\u201d",)


def _source_lines(ctx: CheckContext, c: n.Citation) -> tuple[str, ...] | None:
    """The cited document's lines as written, or None (only documents inside the project)."""
    document = ctx.agenda.document(c.document)
    if document is None:
        return None
    try:
        path = (ctx.base_dir / document.path).resolve()
        if not path.is_relative_to(project_root(ctx.source.path)):
            return None
        if path.stat().st_size > MAX_DOCUMENT_BYTES:
            return None
        return document_lines(str(path), path.stat().st_mtime)
    except (OSError, ValueError, RuntimeError):
        return None
