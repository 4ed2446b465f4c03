"""Hints for a line that did not parse because a declared name was written with spaces.

`doel: VVE bereik >= 85%` for a declared `vve-bereik`: the parser stops at `bereik` and can
only say that a word does not fit there. Once the whole file is read, the declared names are
known, and such a message becomes one that names the declared name (E171): the fix it offers
is the name the writer declared, so it never changes what the line means.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from lea_rules.diagnostics import Diagnostic, error
from lea_rules.source import SourceFile, Span

_PARTS = re.compile(r"[-_]")


def name_with_spaces(diags: list[Diagnostic], source: SourceFile, names: Iterable[tuple[str, str]]
                     ) -> list[Diagnostic]:
    """`diags` with each E101 that sits inside a declared name written with spaces replaced
    by E171; `names` are (kind, name) pairs such as ("indicator", "vve-bereik")."""
    patterns = [(kind, name, re.compile(
        r"(?<![\w-])" + r"[ \t]+".join(re.escape(part) for part in _PARTS.split(name)) + r"(?![\w-])",
        re.IGNORECASE)) for kind, name in names if _PARTS.search(name)]
    if not patterns or not any(d.code == "E101" for d in diags):
        return diags
    out: list[Diagnostic] = []
    for diag in diags:
        hint = _hint(diag, source, patterns) if diag.code == "E101" else None
        out.append(hint or diag)
    return out


def _hint(diag: Diagnostic, source: SourceFile,
          patterns: list[tuple[str, str, re.Pattern[str]]]) -> Diagnostic | None:
    line = diag.span.line
    text = source.line_text(line)
    column = diag.span.column
    for kind, name, pattern in patterns:
        for match in pattern.finditer(text):
            if match.start() + 1 < column <= match.end():  # the parser stopped inside it
                written = match.group(0)
                span = Span(line, match.start() + 1, line, match.end() + 1)
                return replace(error(
                    "E171", "naam met spaties",
                    f"'{written}' is geschreven met spaties; de {kind} heet '{name}' (een naam "
                    "heeft geen spaties)", span, path=diag.path,
                    help=f"schrijf '{name}'"), context=diag.context)
    return None
