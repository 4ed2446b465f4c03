"""Values: periods and figures read from text or spreadsheet cells, checked against an indicator."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from lea_rules.data.problems import ValueProblem
from lea_rules.nodes import Indicator, Measure, Unit
from lea_rules.numbers import NumberFormatError, format_dutch, parse_dutch
from lea_rules.period import Period, check_year, parse_period
from lea_rules.suggest import did_you_mean

EXPECTED_PERIOD = {
    Measure.CALENDAR_YEAR: "een kalenderjaar, bijvoorbeeld 2023",
    Measure.SCHOOL_YEAR: "een schooljaar, bijvoorbeeld 2022/2023 of 2022-2023",
    Measure.REFERENCE_DATE: "een peildatum, bijvoorbeeld 1 januari 2022 of 01-01-2022",
}


def read_period(raw: object, indicator: Indicator) -> Period:
    """The period of a cell for `indicator`; its kind must match the indicator's `meting`."""
    if isinstance(raw, datetime):
        raw = raw.date()
    if isinstance(raw, date):
        period = Period(Measure.REFERENCE_DATE, raw.year, raw)
        check_year(raw.year, raw.isoformat())
    elif isinstance(raw, bool):
        raise ValueProblem("D213", "een ja/nee-waarde is geen periode", EXPECTED_PERIOD[indicator.measure])
    elif isinstance(raw, int | float) and float(raw).is_integer():
        period = parse_period(str(int(raw)))
    else:
        period = parse_period(str(raw))
    if period.kind is not indicator.measure:
        raise ValueProblem(
            "D214",
            f"'{_show(raw)}' is {EXPECTED_PERIOD[period.kind].split(',')[0]}, maar "
            f"'{indicator.name}' wordt gemeten per {indicator.measure.value}",
            f"schrijf {EXPECTED_PERIOD[indicator.measure]}")
    return period


def _show(raw: object) -> str:
    if isinstance(raw, datetime | date):
        return raw.strftime("%d-%m-%Y")
    return str(raw)


# --- values -----------------------------------------------------------------


@dataclass(frozen=True)
class Value:
    number: Decimal | None = None
    rating: str | None = None
    flag: bool | None = None


UNIT_WORDS = {
    Unit.PERCENT: "een percentage",
    Unit.COUNT: "een aantal (heel getal)",
    Unit.HOURS_PER_WEEK: "een aantal uur per week",
    Unit.HOURS: "een aantal uur",
    Unit.DAYS: "een aantal dagen",
    Unit.WEEKS: "een aantal weken",
    Unit.MONTHS: "een aantal maanden",
    Unit.YEARS: "een aantal jaar",
    Unit.EURO: "een bedrag in euro",
    Unit.SCORE: "een score (getal)",
    Unit.NUMBER: "een getal",
    Unit.YES_NO: "ja of nee",
    Unit.RATING: "een oordeel",
    Unit.PERCENTAGE_POINT: "een aantal procentpunten",
}
_YES = {"ja", "j", "yes", "waar", "1"}
_NO = {"nee", "n", "no", "onwaar", "0"}


def is_empty(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def read_value(raw: object, indicator: Indicator, percent_format: bool = False) -> Value:
    """The value of a cell for `indicator`, in the indicator's unit, within its bounds.

    `percent_format`: the spreadsheet cell is formatted as a percentage, so Excel stores
    0,85 for 85%.
    """
    unit = indicator.unit or Unit.SCORE
    if unit is Unit.YES_NO:
        return Value(flag=_read_flag(raw, indicator))
    if unit is Unit.RATING:
        return Value(rating=_read_rating(raw, indicator))
    if isinstance(raw, bool):
        raise ValueProblem("D220", f"'{raw}' is een ja/nee-waarde; '{indicator.name}' verwacht "
                           f"{UNIT_WORDS[unit]}", "vul een getal in")
    if isinstance(raw, int | float | Decimal):
        number = _from_cell_number(raw)
        if percent_format:
            if unit is not Unit.PERCENT:
                raise ValueProblem("D221", f"de cel is opgemaakt als percentage, maar "
                                   f"'{indicator.name}' verwacht {UNIT_WORDS[unit]}",
                                   "geef de cel de opmaak 'Getal' of 'Standaard'")
            number = (number * 100).normalize()
    else:
        number = _read_number_text(str(raw), indicator, unit)
    _check_bounds(number, indicator, unit)
    return Value(number=number)


# Beyond these a value is a typing or export error, not a figure of one municipality (an
# indicator's own `grenzen:` takes over). Checked before any arithmetic, so no number that a
# spreadsheet can hold (1E28, 1E400, sixty nines) ends in an overflow.
PLAUSIBLE_MAX: dict[Unit, Decimal] = {
    Unit.COUNT: Decimal(10_000_000),
    Unit.EURO: Decimal(10_000_000_000),
    Unit.HOURS_PER_WEEK: Decimal(168),
    Unit.HOURS: Decimal(10_000_000),
    Unit.DAYS: Decimal(100_000),
    Unit.WEEKS: Decimal(10_000),
    Unit.MONTHS: Decimal(10_000),
    Unit.YEARS: Decimal(1_000),
    Unit.SCORE: Decimal(10_000_000),
    Unit.NUMBER: Decimal(10_000_000),
}
_ANY_MAX = Decimal(10) ** 12


def _from_cell_number(raw: int | float | Decimal) -> Decimal:
    # Excel stores binary floats; repr gives the shortest text that round-trips (0.85),
    # which is what was typed.
    number = Decimal(repr(raw)) if isinstance(raw, float) else Decimal(raw)
    if not number.is_finite():
        raise ValueProblem("D228", "de cel bevat geen eindig getal (oneindig of 'geen getal')",
                           "vul het getal zelf in, niet de uitkomst van een berekening die mislukte")
    if abs(number) > _ANY_MAX:
        return number  # _check_bounds refuses it with the indicator's words
    return number.quantize(Decimal("1.0000000000")).normalize() if number % 1 else number


def _read_number_text(text: str, indicator: Indicator, unit: Unit) -> Decimal:
    s = " ".join(text.replace("\u00a0", " ").split())
    original = s
    written: Unit | None = None
    lowered = s.casefold()
    if lowered.endswith("%"):
        written, s = Unit.PERCENT, s[:-1].strip()
    elif lowered.startswith("€"):
        written, s = Unit.EURO, s[1:].strip()
    elif lowered.endswith("euro"):
        written, s = Unit.EURO, s[:-4].strip()
    elif lowered.endswith("uur per week"):
        written, s = Unit.HOURS_PER_WEEK, s[: -len("uur per week")].strip()
    elif lowered.endswith("uur"):
        written, s = Unit.HOURS, s[:-3].strip()
    else:  # `6 weken`, `2 jaar`: a duration with its word
        for duration in (Unit.DAYS, Unit.WEEKS, Unit.MONTHS, Unit.YEARS):
            if lowered.endswith(f" {duration.value}") or lowered == duration.value:
                written, s = duration, s[: -len(duration.value)].strip()
                break
    if written is not None and written is not unit and not (
        written is Unit.HOURS and unit is Unit.HOURS_PER_WEEK
    ):
        raise ValueProblem(
            "D221", f"'{original}' is {UNIT_WORDS[written]}, maar '{indicator.name}' verwacht "
            f"{UNIT_WORDS[unit]}", "laat de eenheid weg of kies de juiste indicator")
    negative = s.startswith("-") or s.startswith("\u2212")
    if negative:
        s = s[1:].strip()
    if s.casefold() in (_YES | _NO) - {"0", "1"}:
        raise ValueProblem("D220", f"'{original}' is geen getal; '{indicator.name}' verwacht "
                           f"{UNIT_WORDS[unit]}", "vul een getal in")
    try:
        number, _ = parse_dutch(s)
    except NumberFormatError as exc:
        help_text = f"schrijf {exc.suggestion}" if exc.suggestion else None
        raise ValueProblem("D222", exc.message, help_text or
                           "schrijf het getal in Nederlandse notatie, bijvoorbeeld 83,7 of 10.884") from None
    except InvalidOperation:  # pragma: no cover - parse_dutch only passes digits on
        raise ValueProblem("D222", f"'{original}' is geen getal") from None
    return -number if negative else number


def _check_bounds(number: Decimal, indicator: Indicator, unit: Unit) -> None:
    _check_plausible(number, indicator, unit)
    if unit is Unit.COUNT and number != number.to_integral_value():
        raise ValueProblem("D223", f"{format_dutch(number)} is geen heel getal; "
                           f"'{indicator.name}' is een aantal", "vul een heel getal in")
    low, high = indicator.bounds()
    shown = format_value(Value(number=number), indicator)
    if low is not None and number < low:
        what = ("een negatief aantal" if number < 0 and unit is Unit.COUNT
                else f"kleiner dan {format_dutch(low)}")
        raise ValueProblem("D224", f"{shown} is {what}; '{indicator.name}' ligt tussen "
                           f"{_bounds_text(low, high)}", "controleer het getal en het teken")
    if high is not None and number > high:
        raise ValueProblem("D224", f"{shown} is groter dan {format_dutch(high)}"
                           f"{'%' if unit is Unit.PERCENT else ''}; '{indicator.name}' ligt tussen "
                           f"{_bounds_text(low, high)}",
                           "een percentage ligt tussen 0 en 100; controleer teller en noemer"
                           if unit is Unit.PERCENT else "controleer het getal")


def _check_plausible(number: Decimal, indicator: Indicator, unit: Unit) -> None:
    """Refuse a magnitude no figure of this unit can have, unless the agenda's grenzen allow it."""
    own = indicator.upper_bound is not None  # the agenda's grenzen: the bounds check judges
    ceiling = _ANY_MAX if own else PLAUSIBLE_MAX.get(unit, _ANY_MAX)
    if abs(number) <= ceiling:
        return
    if unit is Unit.PERCENT and not own:
        raise ValueProblem("D224", f"{_huge(number)} is geen percentage; '{indicator.name}' ligt tussen "
                           "0 en 100", "een percentage ligt tussen 0 en 100; controleer teller en noemer")
    shown = _huge(number)
    hint = "controleer het getal (een cijfer te veel, of een verkeerde kolom?)"
    if ceiling < _ANY_MAX:
        hint += "; is het echt zo groot, geef de indicator dan in de agenda 'grenzen: 0 tot ...'"
    raise ValueProblem("D228", f"{shown} is onwaarschijnlijk groot voor '{indicator.name}', "
                       f"{UNIT_WORDS[unit]}: meer dan {format_dutch(ceiling)}", hint)


def _huge(number: Decimal) -> str:
    """A very large number as a reader can take it in: 'een getal van 29 cijfers'."""
    digits = len(f"{abs(number):f}".split(".")[0])
    return format_dutch(number) if digits <= 20 else f"een getal van {digits} cijfers"


def _bounds_text(low: Decimal | None, high: Decimal | None) -> str:
    lo = format_dutch(low) if low is not None else "-oneindig"
    hi = format_dutch(high) if high is not None else "oneindig"
    return f"{lo} en {hi}"


def _read_flag(raw: object, indicator: Indicator) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().casefold()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise ValueProblem("D225", f"'{raw}' is geen ja of nee; '{indicator.name}' is een ja/nee-indicator",
                       "vul ja of nee in")


def _read_rating(raw: object, indicator: Indicator) -> str:
    written = str(raw).strip()
    # The rating as written; else without one pair of surrounding quotes ("goed"), so that a
    # rating that itself begins or ends with a quote can still be delivered.
    candidates = [written]
    if len(written) >= 2 and written[0] == written[-1] == '"':
        candidates.append(written[1:-1].strip())
    for candidate in candidates:
        for rating in indicator.ratings:
            if rating.casefold() == candidate.casefold():
                return rating
    text = candidates[-1].casefold()
    allowed = ", ".join(f"'{r}'" for r in indicator.ratings)
    raise ValueProblem("D226", f"'{raw}' is geen oordeel van '{indicator.name}' (toegestaan: {allowed})",
                       did_you_mean(text, indicator.ratings) or f"kies een van: {allowed}")


def format_value(value: Value, indicator: Indicator | None = None) -> str:
    """The value as stored: Dutch notation without unit; ja/nee; the rating word."""
    if value.flag is not None:
        return "ja" if value.flag else "nee"
    if value.rating is not None:
        return value.rating
    assert value.number is not None
    return format_dutch(value.number)
