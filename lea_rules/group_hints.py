"""Parse errors in a count over groups together (`tenminste 10 school en/of wijk met ...`) with
the fix a writer needs: `en/of` written apart or the wrong way round, `met` where the last
group belongs. The rest of a count's mistakes are checks (checks/unit_groups.py)."""

from __future__ import annotations

import re

from lea_rules.diagnostics import Diagnostic, error
from lea_rules.source import Span

_ENOF_APART = re.compile(r"(?<![\w-])(en[ \t]+/[ \t]*of|en[ \t]*/[ \t]+of|of[ \t]*/[ \t]*en)(?![\w-])")
_MET_AS_GROUP = re.compile(r"(?:en/of|,)[ \t]+(met)[ \t]+\S+[ \t]*$")


def group_missing(text: str, line_no: int, path: str, column: int, found: str) -> Diagnostic | None:
    """`tenminste 10 school en/of met huiskamer`: `met` was read as the last group."""
    match = _MET_AS_GROUP.search(text[:column - 1] + found)
    if match is None:
        return None
    return error("E101", "onverwacht woord",
                 "na 'en/of' (of een komma) hoort nog een groep, niet 'met'",
                 Span.point(line_no, match.start(1) + 1, 3), path=path,
                 help="noem de groep voor 'met', bijvoorbeeld 'tenminste 10 school en/of wijk met ...'")


def enof_apart(text: str) -> str | None:
    """`en / of`, `of/en`: the help to write `en/of`, with the line's own groups."""
    apart = _ENOF_APART.search(text)
    if apart is None:
        return None
    before = re.search(r"(\S+)[ \t]*$", text[:apart.start()])
    after = re.match(r"[ \t]*(\S+)", text[apart.end():])
    written = " ".join(filter(None, (before and before.group(1), "en/of", after and after.group(1))))
    return f"schrijf 'en/of' aan elkaar, 'en' eerst: '{written}'"
