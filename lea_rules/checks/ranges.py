"""Ranges: the agenda's period and an indicator's bounds run from low to high.

These read only what single lines say, so they run also when a kop line is missing.
"""

from __future__ import annotations

from collections.abc import Iterator

from lea_rules.checks.context import CheckContext
from lea_rules.diagnostics import Diagnostic


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for line in ctx.agenda.declarations:
        if line.period is not None and line.period[1] < line.period[0]:
            start, end = line.period
            yield ctx.error("E151", "periode loopt achteruit",
                            f"de periode {start}-{end} eindigt voor ze begint", line.span,
                            help=f"bedoelde je {end}-{start}?")
    for indicator in ctx.agenda.indicators:
        bounds = indicator.bounds_written
        if bounds is not None and bounds.low.value >= bounds.high.value:
            yield ctx.error("E123", "grenzen verkeerd om",
                            f"de ondergrens {bounds.low.text} is niet kleiner dan de bovengrens "
                            f"{bounds.high.text}", bounds.span)
