"""Source: reading agenda text safely and locating spans in it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

MAX_BYTES = 2 * 1024 * 1024
"""An agenda is a few hundred kilobytes at most; a bigger file is a mistake, not an agenda.

What the limits guarantee: `lea check` takes time linear in the size of the agenda up to
them, whatever the file holds (many results, many sections, thousands of typos, lines full
of goals). The slowest agenda within them, 2 MB of 5.000-character lines full of short
goals (210.000 goals), takes about 7,5 s of processor time after a save and 13 s the first
time, when every line is parsed (2 cores; bench/check_scaling.py, figures in
docs/performance.md). A bigger file is refused at once (E001), before it is read as text."""

MAX_LINES = 50_000
"""The largest real agenda has about 1.100 lines. Up to this many, `lea check` stays linear:
50.000 lines of results take about 6 s of processor time the first time and 2,5 s after a
save (docs/performance.md); more lines are refused at once (E001)."""


@dataclass(frozen=True, order=True)
class Span:
    """A place in a source file: 1-based line and column, end exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int

    @staticmethod
    def point(line: int, column: int, width: int = 1) -> Span:
        return Span(line, column, line, column + max(width, 1))

    def to(self, other: Span) -> Span:
        return Span(self.line, self.column, other.end_line, other.end_column)


UNKNOWN = Span(1, 1, 1, 2)


@dataclass(frozen=True)
class SourceFile:
    path: str
    text: str

    @cached_property
    def lines(self) -> tuple[str, ...]:
        """The lines, split once: every diagnostic and check asks for them."""
        return tuple(self.text.split("\n"))

    def line_text(self, line: int) -> str:
        lines = self.lines
        if 1 <= line <= len(lines):
            return lines[line - 1]
        return ""


READ_TITLES = {"E000": "bestand niet gevonden", "E001": "bestand te groot", "E002": "geen tekst in UTF-8"}


class SourceError(Exception):
    """The file cannot be read as an agenda: carries a code, a message and a place."""

    def __init__(self, code: str, message: str, span: Span, help: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.title = READ_TITLES.get(code, "bestand niet leesbaar")
        self.message = message
        self.span = span
        self.help = help


def decode(data: bytes, path: str) -> SourceFile:
    """Decode agenda bytes: UTF-8 with or without BOM, Windows line endings allowed."""
    if len(data) > MAX_BYTES:
        raise SourceError(
            "E001",
            f"het bestand is {f'{len(data) / 1_048_576:.1f}'.replace('.', ',')} MB; een agenda is "
            f"hooguit {MAX_BYTES // 1_048_576} MB",
            UNKNOWN,
            "controleer of dit echt een .lea-bestand is",
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise SourceError(
            "E002",
            f"byte 0x{data[exc.start]:02x} is geen geldige UTF-8",
            Span.point(line, column),
            "sla het bestand op als UTF-8 (in Kladblok: Opslaan als > Codering: UTF-8)",
        ) from None
    if "\x00" in text:
        offset = text.index("\x00")
        line = text.count("\n", 0, offset) + 1
        raise SourceError("E002", "het bestand bevat een NUL-teken; is dit een tekstbestand?",
                          Span.point(line, 1))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.count("\n") + 1
    if lines > MAX_LINES:
        raise SourceError(
            "E001",
            f"het bestand heeft {lines} regels; een agenda heeft er hooguit {MAX_LINES}",
            Span.point(MAX_LINES + 1, 1),
            "controleer of dit echt een .lea-bestand is",
        )
    return SourceFile(path, text)


def read_source(path: str | Path) -> SourceFile:
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise SourceError("E000", f"bestand niet gevonden: {p}", UNKNOWN) from None
    except IsADirectoryError:
        raise SourceError("E000", f"{p} is een map, geen bestand", UNKNOWN) from None
    except OSError as exc:
        raise SourceError("E000", f"kan {p} niet lezen: {exc.strerror}", UNKNOWN) from None
    return decode(data, str(path))
