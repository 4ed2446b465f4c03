"""Planning: an action's `start:` and `gereed:` follow each other and lie near the agenda's period."""

from __future__ import annotations

from collections.abc import Iterator

from lea_rules.checks.context import CheckContext
from lea_rules.diagnostics import Diagnostic
from lea_rules.period import in_period, year_of
from lea_rules.tijdstip import Form, Tijdstip, day_words

MARGIN_YEARS = 1
"""A start or ready date more than this many years outside the period is probably a typo (W310)."""


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    first_year, last_year = ctx.agenda.period
    for section, action in ctx.agenda.all_actions():
        where = ctx.section_context(section)
        start, ready = action.start, action.ready
        if start is not None and ready is not None and not start.when.by \
                and ready.when.last < start.when.first:
            yield ctx.error(
                "E310", "gereed voor de start",
                f"gereed {ready.when.words}{_day(ready.when, 'uiterlijk')} ligt voor de start "
                f"{start.when.words}{_day(start.when, 'vanaf')}", ready.span, context=where,
                help="controleer de twee tijden in het document: misschien is een jaartal verwisseld")
        if action.provenance.questions:
            continue  # the writer noted a question about this action: the warning is answered
        for word, planned in (("start", start), ("gereed", ready)):
            if planned is None or first_year == 0:
                continue
            # the year a time belongs to (period.year_of): a schooljaar the year in which it ends
            if not in_period(planned.when, ctx.agenda.period, MARGIN_YEARS):
                yield ctx.warning(
                    "W310", "planning ver buiten de periode",
                    f"{word} {planned.when.words}{_ends_in(planned.when)} ligt meer dan {MARGIN_YEARS} "
                    "jaar buiten de agendaperiode "
                    f"{first_year}-{last_year}", planned.span, context=where,
                    help="controleer het jaartal in het document; staat het er zo, noteer dan onder de actie "
                         "een 'vraag:' (dan vervalt deze waarschuwing)")


def _day(when: Tijdstip, word: str) -> str:
    """` (uiterlijk 31 mei 2025)`: the day that counts, unless the time is that day already."""
    if when.form is Form.DAY:
        return ""
    return f" ({word} {day_words(when.last if word == 'uiterlijk' else when.first)})"


def _ends_in(when: Tijdstip) -> str:
    """` (eindigt in 2029)`: the year a time spanning two years belongs to (period.year_of)."""
    year = year_of(when)
    return f" (eindigt in {year})" if year != when.first.year else ""
