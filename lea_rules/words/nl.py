"""Dutch with the method's notation: the JSON twin's `rule`, for an analyst who checks it against
evaluation-method.md (R, met(y_tT), d * a)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from lea_rules.data.group_names import counted_groups, named_groups, plural_groups
from lea_rules.data.model import FigureRevision
from lea_rules.nodes import Better, Comparator, Measure
from lea_rules.numbers import format_dutch
from lea_rules.period import Period, school_year_of
from lea_rules.tijdstip import Tijdstip
from lea_rules.verdict.figures import AgendaBaseline, Derived, Source, UnitValue
from lea_rules.verdict.notes import Note, Remark
from lea_rules.verdict.reasons import SIGNALS, Aim, AimKind, Measurement, Reason, Rule, UnitCount
from lea_rules.words.common import (
    field,
    how_many,
    inner,
    listed,
    moment,
    named_once,
    units_percent,
    with_unit,
)


def higher(reason: Reason) -> str:
    return "hoger" if reason.direction > 0 else "lager"


def unit_count(count: UnitCount, groups: tuple[str, ...]) -> str:
    """`3 van 7 IKC's geleverd; 4 ontbreken`; over groups together `3 van 12 scholen en wijken ...`."""
    verb = "ontbreekt" if count.missing == 1 else "ontbreken"
    return (f"{count.delivered} van {count.declared} {plural_groups(groups, count.declared)} geleverd; "
            f"{count.missing} {verb}")


def recurring_latest(r: Reason, say: Callable[[Reason], str]) -> str:
    """A recurring goal: the latest occurrence decides, the missed earlier ones are named."""
    missed = f"; eerder niet gehaald: {listed(r.periods, 'en')}" if r.periods else ""
    return (f"een eigen oordeel per keer; de laatste keer tot en met het peiljaar ({r.period}) beslist: "
            f"{say(inner(r))}{missed}")


def recurring_first(r: Reason, say: Callable[[Reason], str]) -> str:
    return f"een eigen oordeel per keer; de eerste keer ({r.period}) komt nog: {say(inner(r))}"


def _incomplete(r: Reason) -> str:
    assert r.count is not None
    group = r.groups
    return (f"gegevens onvolledig: {unit_count(r.count, group)}; met de ontbrekende "
            f"{plural_groups(group, r.count.missing)} kan het doel nog gehaald worden, dus er is geen "
            "oordeel")


def _of_groups(groups: tuple[str, ...]) -> str:
    """`groep wijk`, `de groepen school en wijk`."""
    return f"groep {groups[0]}" if len(groups) == 1 else f"de groepen {named_groups(groups)}"


def _at_bound(r: Reason) -> str:
    assert r.value is not None
    return (f"niet te beoordelen: in {r.period} was de waarde al {with_unit(format_dutch(r.value), r.unit)}, "
            f"de grens van de indicator; {higher(r)} kan niet")


def _beyond(r: Reason) -> str:
    assert r.value is not None
    return (f"niet te beoordelen: {with_unit(format_dutch(r.value), r.unit)} (in {r.period}) "
            f"{'+' if r.direction > 0 else '-'} {r.quantity} ligt buiten de grenzen van {r.indicator}, dus "
            "dit doel kan niet gehaald worden; kies een kleinere verandering")


def _base_zero(r: Reason) -> str:
    two = with_unit("2", r.unit)
    step = "2 procentpunt" if r.unit == "%" else two
    return (f"niet te beoordelen: basis is 0 (in {r.period}); {r.quantity} van 0 is 0, dus een verandering "
            f"in procenten zegt hier niets. Een doel met een getal ({r.indicator} >= {two}) of een absolute "
            f"verandering (gestegen met {step}) kan wel")


SENTENCES: dict[Rule, Callable[[Reason], str]] = {
    Rule.NO_BASELINE: lambda r: "geen meting om mee te beginnen (geen basis)",
    Rule.NO_POINT_SINCE_BASELINE: lambda r: "geen meting sinds de basis",
    Rule.NO_REFERENCE: lambda r: f"geen meting voor het referentiejaar {r.period}",
    Rule.UNITS_UNDECLARED: lambda r: (
        f"de eenheden van {_of_groups(r.groups)} zijn niet gedeclareerd in {r.file}: welke "
        f"{plural_groups(r.groups)} er zijn is nog niet bekend, dus dit doel is niet te beoordelen"),
    Rule.UNITS_INCOMPLETE: _incomplete,
    Rule.BASE_ZERO: _base_zero,
    Rule.BASE_ZERO_FALL: lambda r: (
        f"niet te beoordelen: basis is 0 (in {r.period}); lager dan 0 kan niet, dus dit doel kan niet "
        f"gehaald worden. Een doel dat 0 vasthoudt ({r.indicator} <= 0) kan wel"),
    Rule.BEYOND_BOUNDS: _beyond,
    Rule.AT_BOUND: _at_bound,
    Rule.SERIES_BREAK: lambda r: ("trendbreuk: de bron of definitie veranderde binnen de reeks; geen "
                                  "ratio en geen verwachting over de breuk heen"),
    Rule.DIRECTION_BREAK: lambda r: "trendbreuk: de bron of definitie veranderde binnen de reeks",
    Rule.DIRECTION_FINAL_BREAK: lambda r: ("trendbreuk: de meting voor het doelmoment is niet te "
                                           "vergelijken met het referentiejaar"),
    Rule.FINAL_PENDING: lambda r: f"eindmeting nog niet beschikbaar (voorlopig: {rule(inner(r))})",
    Rule.ONE_POINT_MET: lambda r: "één meting, en die voldoet al aan het doel",
    Rule.ONE_POINT: lambda r: "één meting: te weinig voor een trend",
    Rule.MET_STEADY: lambda r: "voldoet aan het doel en gaat niet achteruit (met(yt) en d*a >= 0)",
    Rule.MET_WORSENING: lambda r: "voldoet aan het doel, maar gaat achteruit (met(yt) en d*a < 0)",
    Rule.STRICT_FROM_BOUNDARY: lambda r: ("strikt doel, de basis ligt precies op de grens (y0 = X): "
                                          + core(inner(r))),
    Rule.KEEP_LOST: lambda r: "vasthouden: de basis voldeed al, de laatste meting niet meer",
    Rule.RATIO_ON_TRACK: lambda r: "nog niet bereikt, R >= 0,95",
    Rule.RATIO_ACCELERATE: lambda r: "0,60 <= R < 0,95",
    Rule.RATIO_INSUFFICIENT: lambda r: "0 <= R < 0,60",
    Rule.RATIO_NEGATIVE: lambda r: "R < 0: beweegt van het doel af",
    Rule.FINAL_MET: lambda r: "de meting voor het doelmoment voldoet (met(y_tT))",
    Rule.FINAL_MISSED_ACROSS_BREAK: lambda r: (
        "niet gehaald: de meting voor het doelmoment voldoet niet (niet met(y_tT)); door de trendbreuk "
        "is vergelijken met de basis (nagenoeg behaald, wel verbeterd) niet mogelijk"),
    Rule.FINAL_ALMOST: lambda r: ("niet gehaald, maar 95% of meer van de vereiste verandering "
                                  "((y_tT - y0) / (X - y0) >= 0,95)"),
    Rule.FINAL_IMPROVED: lambda r: (
        "niet gehaald, wel beter dan de basis, maar minder dan 95% van de vereiste verandering "
        "(d * (y_tT - y0) > 0 en (y_tT - y0) / (X - y0) < 0,95)"),
    Rule.FINAL_MISSED_BASE_MET: lambda r: "niet gehaald en niet beter dan de basis (de basis voldeed al)",
    Rule.FINAL_MISSED_BASE_ON_BOUNDARY: lambda r: ("niet gehaald en niet beter dan de basis (de basis lag "
                                                   "precies op de grens)"),
    Rule.FINAL_NOT_BETTER: lambda r: ("niet gehaald en niet beter dan de basis ((y_tT - y0) / "
                                      "(X - y0) <= 0)"),
    Rule.FINAL_MISSED_NO_BASELINE: lambda r: (
        "niet gehaald: de meting voor het doelmoment voldoet niet; er is geen eerdere meting als basis, "
        "dus vergelijken (nagenoeg behaald, wel verbeterd) kan niet"),
    Rule.SIGNALS_NO_DATA: lambda r: "geen meting",
    Rule.SIGNALS_ONE_POINT: lambda r: "één meting, te weinig voor een trend",
    Rule.SIGNALS_SAME_MOMENT: lambda r: "metingen op hetzelfde moment",
    Rule.SIGNALS_BOTH_RIGHT: lambda r: "gemiddelde en laatste verandering in de goede richting",
    Rule.SIGNALS_LAST_WRONG: lambda r: "gemiddelde verandering goed, laatste verkeerd of nul",
    Rule.SIGNALS_AVERAGE_WRONG: lambda r: "gemiddelde verandering verkeerd of nul, laatste goed",
    Rule.SIGNALS_NO_CHANGE: lambda r: "geen verandering",
    Rule.SIGNALS_BOTH_WRONG: lambda r: "gemiddelde en laatste verandering in de verkeerde richting",
    Rule.DIRECTION_MET: lambda r: f"de meting voor het doelmoment is {higher(r)} dan in het referentiejaar",
    Rule.DIRECTION_MISSED: lambda r: (f"de meting voor het doelmoment is niet {higher(r)} dan in het "
                                      "referentiejaar"),
    Rule.TREND_NO_DATA: lambda r: "trend: geen meting",
    Rule.TREND_NO_POINT_SINCE_BASELINE: lambda r: "trend: geen meting sinds de basis",
    Rule.TREND_BREAK: lambda r: "trend: de bron of definitie veranderde binnen de reeks",
    Rule.CATEGORY_FINAL_MET: lambda r: "de meting voor het doelmoment heeft het vereiste oordeel",
    Rule.CATEGORY_FINAL_MISSED: lambda r: "de meting voor het doelmoment heeft niet het vereiste oordeel",
    Rule.CATEGORY_LATEST_MET: lambda r: "de laatste meting heeft het vereiste oordeel",
    Rule.CATEGORY_LATEST_MISSED: lambda r: ("de laatste meting heeft niet het vereiste oordeel; "
                                            + rule(inner(r))),
    Rule.CATEGORY_NO_DATA: lambda r: "geen meting; " + rule(inner(r)),
    Rule.NOT_ASSESSED: lambda r: "geen beoordeling door de schrijver voor dit peiljaar",
    Rule.REPORTED: lambda r: f"stand volgens de schrijver: {r.stand.value if r.stand else ''}",
    Rule.RECURRING_LATEST: lambda r: recurring_latest(r, rule),
    Rule.RECURRING_FIRST: lambda r: recurring_first(r, rule),
    Rule.RECURRING_NO_VALUE: lambda r: f"geen meting voor {r.period}: geen gegevens",
    Rule.READ_BACK: lambda r: field(r.text),
}


def core(reason: Reason) -> str:
    """The sentence of the rule itself, without what kind of judgement it belongs to."""
    return SENTENCES[reason.rule](reason)


def judgement(reason: Reason) -> str:
    """What kind of judgement a two-signal rule belongs to (`alleen richting: `); "" for other rules."""
    if reason.rule not in SIGNALS:
        return ""
    return "trend (alleen richting, geen doel met deadline): " if reason.trend else "alleen richting: "


def rule(reason: Reason) -> str:
    """The rule as the JSON twin writes it."""
    return judgement(reason) + core(reason)


def _counts_for(target: Period, measure: Measure, span: Tijdstip | None = None) -> str:
    if span is not None and span.fuzzy:
        return _counts_for_span(span, measure)
    if target.kind is measure and measure is not Measure.REFERENCE_DATE:
        return f"de meting over {moment(target.text)}"
    if measure is Measure.SCHOOL_YEAR:
        if target.kind is Measure.CALENDAR_YEAR:
            return f"het schooljaar dat in {target.year} eindigt ({target.year - 1}/{target.year})"
        sy = school_year_of(target.start)
        return f"het schooljaar waarin {moment(target.text)} valt ({sy}/{sy + 1})"
    if measure is Measure.REFERENCE_DATE:
        if target.kind is Measure.CALENDAR_YEAR:
            return f"de laatste peildatum in {target.year}"
        if target.kind is Measure.SCHOOL_YEAR:
            return f"de laatste peildatum in schooljaar {moment(target.text)}"
        return f"de laatste peildatum in {target.year} op of voor {moment(target.text)}"
    if target.kind is Measure.SCHOOL_YEAR:
        return f"het kalenderjaar waarin schooljaar {moment(target.text)} eindigt ({target.year + 1})"
    return f"het kalenderjaar {target.year}"


def _counts_for_span(span: Tijdstip, measure: Measure) -> str:
    """A part of a year (docs/language.md, "Tijd"): a peildatum within its days, else its last day's year."""
    year = span.last.year
    if measure is Measure.REFERENCE_DATE:
        return f"de laatste peildatum binnen {span.words} ({span.range_words})"
    if measure is Measure.SCHOOL_YEAR:
        return f"voor {span.words}: het schooljaar dat in {year} eindigt ({year - 1}/{year})"
    return f"voor {span.words}: het kalenderjaar {year}"


def measurement(value: Measurement) -> str:
    """Which measurement counts for the target moment: `de laatste peildatum in 2027: 2027-10-01`
    (after the colon: the one that did); `de meting over 2025` names it already, so once."""
    if value.written is not None:
        return value.written
    assert value.target is not None and value.measure is not None
    return named_once(_counts_for(value.target, value.measure, value.span), value.final)


def _same_moment(n: Note) -> str:
    return same_moment(n, "de basis in de agenda telt als y0")


def same_moment(n: Note, differs: str) -> str:
    """A measurement on the moment of the `basis:`; `differs`: which of the two counts as the start."""
    assert n.value is not None
    shown = format_dutch(n.value) + ("%" if n.percent else "")
    return (f"de meting over {moment(n.period or '')} ({shown}) is een meting, ook al valt ze op het "
            "moment van de basis in de agenda"
            + ("" if n.flag else f"; ze verschilt van die basis, en {differs}"))


def _count(n: Note) -> tuple[UnitCount, tuple[str, ...]]:
    assert n.count is not None
    return n.count, n.groups


def _gap(n: Note) -> str:
    count, group = _count(n)
    return (f"{moment(n.period or '')}: {unit_count(count, group)} (die meting telt alleen de geleverde "
            f"{plural_groups(group)} die voldoen)")


def _met_despite(n: Note) -> str:
    count, group = _count(n)
    return (f"{unit_count(count, group)}; het doel is al gehaald met de geleverde {plural_groups(group)}: de "
            f"ontbrekende {plural_groups(group, count.missing)} kunnen dat niet ongedaan maken")


def _missed_even_if(n: Note) -> str:
    count, group = _count(n)
    return (f"{unit_count(count, group)}; ook als de ontbrekende {plural_groups(group, count.missing)} "
            "allemaal voldoen, wordt het doel niet gehaald")


def _number(value: Decimal | None) -> str:
    assert value is not None
    return format_dutch(value)


def _better(n: Note) -> str:
    assert n.better is not None and n.comparator is not None
    return (f"beter: {n.better.value}: een waarde {'onder' if n.better is Better.LOWER else 'boven'} "
            f"{n.quantity} haalt het doel ook; beoordeeld als {n.comparator.value} {_number(n.value)}"
            + ("%" if n.percent else ""))


def _whole(n: Note) -> str:
    assert n.comparator is not None and n.judged_as is not None
    return (f"hele aantallen: {n.comparator.value} {_number(n.value)} is {n.judged_as.value} "
            f"{_number(n.other)}")


def _sign(n: Note) -> str:
    return "+" if n.direction > 0 else "-"


def _revised(n: Note) -> str:
    assert n.day is not None
    return (f"doel herzien op {n.day.isoformat()}" + (f" ({n.text})" if n.text else "")
            + f"; oorspronkelijk doel: {n.original}")


NOTES: dict[Remark, Callable[[Note], str]] = {
    Remark.PENDING: lambda n: ("nog geen meting voor het doelmoment; voorlopige status: "
                               f"{n.status.value if n.status else ''}"),
    Remark.NO_REFERENCE_POINT: lambda n: f"geen meting voor het referentiejaar {n.period}",
    Remark.SAME_MOMENT: _same_moment,
    Remark.UNITS_GAP_EARLIER: _gap,
    Remark.UNITS_MET_DESPITE_MISSING: _met_despite,
    Remark.UNITS_MISSED_EVEN_IF_ALL: _missed_even_if,
    Remark.BREAK_JUDGED_AT_DEADLINE: lambda n: ("trendbreuk: de bron of definitie veranderde binnen de "
                                                "reeks; de meting voor het doelmoment is wel beoordeeld"),
    Remark.BREAK_NOW_MET: lambda n: (f"de laatste meting voldoet nu {'wel' if n.flag else 'niet'} aan "
                                     "het doel"),
    Remark.EXACT_LEVEL: lambda n: (f"exact niveau: beoordeeld als afstand tot {_number(n.value)} (lager is "
                                   "beter); vereiste en werkelijke verandering gelden voor die afstand"),
    Remark.DEFAULT_TOLERANCE: lambda n: (f"marge {_number(n.value)}: een halve eenheid van de laatst "
                                         "geschreven decimaal"),
    Remark.BETTER_BEATS_LEVEL: _better,
    Remark.WHOLE_NUMBERS: _whole,
    Remark.RELATIVE_TARGET: lambda n: (
        f"doel X = {_number(n.value)} × (1 {_sign(n)} {_number(n.other)}), relatief: {n.quantity} van de "
        f"waarde in {n.period}; X = {_number(n.target)}{'%' if n.percent else ''}"),
    Remark.ABSOLUTE_TARGET: lambda n: (f"doel X = {_number(n.value)} {_sign(n)} {n.quantity}, absoluut; "
                                       f"X = {_number(n.target)}{'%' if n.percent else ''}"),
    Remark.UNITS_COUNTED: lambda n: "de waarde is het aantal eenheden dat aan de voorwaarde voldoet",
    Remark.UNITS_FEWER_DECLARED: lambda n: (
        f"{n.file} noemt {n.number} {plural_groups(n.groups, n.number or 0)}: minder dan de {n.required} "
        "die het doel vraagt"),
    Remark.UNITS_SHARE: lambda n: (
        f"de waarde is het aandeel (%) van de {n.number} gedeclareerde {plural_groups(n.groups)} dat aan de "
        "voorwaarde voldoet; een eenheid zonder gegevens telt niet als voldoend"),
    Remark.ONE_POINT_NOT_MET: lambda n: "de meting voldoet nu niet aan het doel",
    Remark.TWO_POINTS: lambda n: "met twee metingen zijn beide veranderingen gelijk",
    Remark.RATINGS_ORDER: lambda n: f"oordelen van slecht naar goed: {', '.join(n.ratings)}",
    Remark.MILESTONE_OVERDUE: lambda n: (f"het doelmoment ({n.period}) is voorbij en de mijlpaal is nog niet "
                                         "gerealiseerd"),
    Remark.TARGET_REVISED: _revised,
    Remark.ASPIRATION: lambda n: ("dit is een streven uit het document, geen harde norm: het wordt "
                                  "beoordeeld als een doel, maar nooit rood getoond"),
    Remark.READ_BACK: lambda n: field(n.text),
}


def note(value: Note) -> str:
    """A note as the JSON twin (and the Dutch report) writes it."""
    return NOTES[value.remark](value)


_SIGNS_PLAIN = {Comparator.GE: "\u2265", Comparator.LE: "\u2264"}


def aim(value: Aim) -> str:
    """The target as the JSON twin writes it: `>= 85%`, `hoger dan in 2024`, `alle IKC (100%)`."""
    return _aim(value, None)


def _aim(value: Aim, signs: dict[Comparator, str] | None) -> str:
    def sign(comparator: Comparator | None) -> str:
        assert comparator is not None
        return (signs or {}).get(comparator, comparator.value)

    kind = value.kind
    if kind is AimKind.COMPARE:
        return f"{sign(value.comparator)} {value.quantity}"
    if kind is AimKind.LEVEL:
        return f"= {value.quantity} ± {_number(value.value)}"
    if kind is AimKind.COMPUTED:
        return f"{sign(value.comparator)} {with_unit(_number(value.value), value.unit)}"
    if kind is AimKind.CHANGE:
        verb = "gestegen" if value.direction > 0 else "gedaald"
        return f"{verb} met {value.quantity} t.o.v. {value.period}"
    if kind is AimKind.REFERENCE:
        return f"{'hoger' if value.direction > 0 else 'lager'} dan in {value.period}"
    if kind is AimKind.TREND:
        return "vergroten" if value.direction > 0 else "verminderen"
    if kind is AimKind.AT_LEAST_UNITS:  # `>= 2 VO-scholen`, `alle IKC's`: the group in the plural
        return f"{sign(Comparator.GE)} {value.quantity} {counted_groups(value.groups, how_many(value.value))}"
    if kind is AimKind.ALL_UNITS:
        return f"alle {counted_groups(value.groups)} (100%)"
    if kind is AimKind.SHARE_UNITS:  # `≥ 3 voorscholen (de helft van 6)`
        many = counted_groups(value.groups, how_many(value.value))
        of = f" van {value.declared}" if value.declared is not None else ""
        return f"{sign(Comparator.GE)} {_number(value.value)} {many} ({value.quantity}{of})"
    text = field(value.text)
    if signs:  # the goal in the language's notation (or read back), with the report's signs
        for comparator, shown in signs.items():
            text = text.replace(comparator.value, shown)
    return text


def aim_plain(value: Aim) -> str:
    """The target as the Dutch report shows it: with the signs ≥ and ≤."""
    return _aim(value, _SIGNS_PLAIN)


# --- figures: a unit's value, the source of a count over units, a revised figure -------------


def unit_value(value: UnitValue) -> str:
    """One unit's value as stored: `4,5`, `ja`, the rating word; `geen gegevens` without one."""
    if value.written is not None:
        return value.written
    if value.flag is not None:
        return "ja" if value.flag else "nee"
    if value.rating is not None:
        return value.rating
    return format_dutch(value.number) if value.number is not None else "geen gegevens"


def source(value: Source) -> str:
    """Where a figure comes from; a count over units: `4 van 7 IKC voldoen; 1 zonder gegevens`."""
    if isinstance(value, str):
        return value
    if isinstance(value, Derived):
        if not value.formula:
            return "berekend met de formule van de indicator"
        return "berekend: " + value.formula.format(*(format_dutch(v) for v in value.values))
    if isinstance(value, AgendaBaseline):
        return "basis in de agenda" + (", zonder datum" if value.undated else "")
    count = value.count
    missing = f"; {count.missing} zonder gegevens" if count.missing else ""
    share = f" ({units_percent(count)})" if value.share else ""
    return (f"{count.meeting} van {count.declared} {counted_groups(value.groups, count.declared)}{share} "
            f"{'voldoet' if count.meeting == 1 else 'voldoen'}{missing}")


def revised_figure(revision: FigureRevision | str) -> str:
    """`vve-bereik 2024-01-01: 81 → 81,5 (herzien op 2025-03-01: definitieve cijfers VVE-monitor)`."""
    if isinstance(revision, str):
        return revision
    unit = f" {revision.breakdown}" if revision.breakdown else ""
    return (f"{revision.indicator}{unit} {revision.period}: {revision.old} → {revision.new} "
            f"(herzien op {revision.revised_on.isoformat()}: {revision.reason})")


def recomputed(revisions: Sequence[FigureRevision] | str) -> str:
    """Why last year's status may have read otherwise: the revised figures it could see then."""
    if isinstance(revisions, str):
        return revisions
    return ("opnieuw berekend met de gegevens van nu; daarin " + ("is een cijfer" if len(revisions) == 1
            else f"zijn {len(revisions)} cijfers") + " van toen herzien: "
            + "; ".join(revised_figure(r) for r in revisions)
            + ". De status in het rapport van vorig jaar kan anders zijn geweest")
