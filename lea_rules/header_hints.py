"""The example a missing kop line (E153) suggests, made from the file itself.

Never another municipality's values: the gemeente is read from the file's name
(`oldenzaal.lea`: "Oldenzaal", `midden-groningen.lea`: "Midden-Groningen"), the periode from the
years the file writes (its titel's `2024-2027`, else the first and last year of its goals), and
the titel from those two. Where the file says nothing usable, the example says so in words that
are plainly a placeholder ("Naam van de gemeente").
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Any

from lea_rules.source import SourceFile

PLACEHOLDER = "Naam van de gemeente"
_GENERIC_STEMS = frozenset({"agenda", "lea", "test", "nieuw", "concept", "uitvoeringsnota", "kopie"})
_NAME = re.compile(r"[^\W\d_]{2,}(?:[-_ ][^\W\d_]+)*")
_RANGE = re.compile(r"\b((?:19|20)\d\d)\s*(?:-|t/m|tot en met)\s*((?:19|20)\d\d)\b")
_YEAR = re.compile(r"(?<![\d/])((?:19|20)\d\d)(?![\d/])")
_GOAL_LINE = re.compile(r"^\s*(?:doel|streven)\s*:", re.IGNORECASE)


def municipality(source: SourceFile) -> str | None:
    """The gemeente the file's name says, or None (`a1.lea`, `agenda.lea`)."""
    stem = PurePath(source.path).stem
    if not _NAME.fullmatch(stem) or stem.casefold() in _GENERIC_STEMS:
        return None
    return "-".join(" ".join(part.capitalize() for part in piece.split("_") if part)
                    for piece in stem.split("-"))


def period(source: SourceFile, header: dict[str, tuple[Any, Any]]
           ) -> tuple[int, int, str] | None:
    """The first and last year of the agenda as the file writes them, and where; or None."""
    if "periode" in header:
        first, last = header["periode"][0]
        return first, last, "de periode"
    title = header.get("titel", (None, None))[0]
    match = _RANGE.search(title) if isinstance(title, str) else None
    if match and int(match.group(1)) < int(match.group(2)):
        return int(match.group(1)), int(match.group(2)), "de jaren in de titel"
    years = sorted({int(y) for line in source.text.splitlines() if _GOAL_LINE.match(line)
                    for y in _YEAR.findall(line)})
    if len(years) < 2:
        return None
    return years[0], years[-1], "het eerste en laatste jaar van de doelen in dit bestand"


def header_example(key: str, source: SourceFile, header: dict[str, tuple[Any, Any]]) -> str:
    """The `zet bovenaan ...` hint of E153 for the kop line `key`."""
    years = period(source, header)
    if key == "periode":
        if years is None:
            return ("zet bovenaan het eerste en het laatste jaar van de agenda, bijvoorbeeld: "
                    "periode: 2024-2027")
        return f"zet bovenaan bijvoorbeeld: periode: {years[0]}-{years[1]}  ({years[2]})"
    name = header.get("gemeente", (None, None))[0] or municipality(source)
    if key == "gemeente":
        if name is None:
            return f'zet bovenaan de naam van de gemeente, bijvoorbeeld: gemeente: "{PLACEHOLDER}"'
        return f'zet bovenaan bijvoorbeeld: gemeente: "{name}"  (naar de naam van het bestand)'
    title = " ".join(["Lokale Educatieve Agenda", *([name] if name else []),
                      *([f"{years[0]}-{years[1]}"] if years else [])])
    return f'zet bovenaan bijvoorbeeld: titel: "{title}"'
