"""A document's own numbering written as an item's code: `actie 1.1 "..."`, `actie a1.1 "..."`,
`deelactie 1.1.2 "..."`, `actie afspraak-1.1.2 "..."`.

A code is a name (`a1-1`, `afspraak-1-1-2`) or a section number with a dash and a name
(`1.1-a3`). A code of dotted numbers alone would read as a section number in `zie:` and next to
the codes lea gives items without one (`1.1-a3`), so it is refused: with one message on the
whole code, and the code with dashes for dots (led by a letter) as the fix.
"""

from __future__ import annotations

import re

from lea_rules.diagnostics import Diagnostic, error
from lea_rules.source import Span

_ITEM = re.compile(r"(?P<indent>[ \t]*)(?P<kw>actie|deelactie|resultaat|met[ \t]+resultaat)[ \t]+"
                   r"(?P<code>[^\s\"\u201c\u201e]*\.[^\s\"\u201c\u201e]*)[ \t]+[\"\u201c\u201e]")
_LEADS = {"actie": "a", "deelactie": "a", "resultaat": "r"}


def dotted_code(text: str, line_no: int, column: int, path: str) -> Diagnostic | None:
    """E101 for an item line whose code has a dot where the parser stopped; None otherwise."""
    match = _ITEM.match(text)
    if match is None or not match.start("code") < column <= match.end("code"):
        return None
    code = match.group("code")
    fixed = written_code(code, match.group("kw").split()[-1])
    if fixed is None:
        return None
    return error("E101", "onverwacht woord",
                 f"'{code}' is geen code: een punt staat alleen in het nummer van een onderdeel "
                 f"(ambitie 1.1), niet in de code van een {match.group('kw').split()[-1]}",
                 Span.point(line_no, match.start("code") + 1, len(code)), path=path,
                 help=f"schrijf '{fixed}' in plaats van '{code}'")


def written_code(code: str, keyword: str) -> str | None:
    """`1.1` → `a1-1`, `a1.1` → `a1-1`, `afspraak-1.1.2` → `afspraak-1-1-2`; None when the
    code has more than letters, digits, dots and dashes."""
    if not re.fullmatch(r"[^\W_][\w.-]*", code) or "_" in code:
        return None
    parts = [part for part in re.split(r"[.-]+", code) if part]
    fixed = "-".join(parts)
    if fixed[:1].isdigit():
        fixed = _LEADS.get(keyword, "a") + fixed
    return fixed
