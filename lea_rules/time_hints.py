"""Time phrases a document writes that are no TIJD (docs/language.md, "Tijd"): refused with the fix.

`gereed: voor 1 juli 2026`, `gereed: rond de kerst`, `doel: ... t/m 2027`, `eind schooljaar
2025/2026`: the parser cannot read them, and a bare "'voor' past hier niet" does not say what to
write. `time_phrase` finds such a phrase around the place the parser stopped and says, as E323,
what lea reads instead (E315 for "de komende jaren" after a trend). Every hint is a form lea
accepts; where the phrase can mean two things, the hint names both. The forms that have one
obvious meaning (`voor de zomer van 2026`, `in de loop van 2026`, `Q1 2026`) are accepted by the
grammar instead and do not come here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from lea_rules.tijdstip import MONTH_NAMES as MONTHS

_MONTH = "|".join(MONTHS)
_PART = r"(?:begin|voorjaar|zomer|medio|najaar|einde?|eerste helft|tweede helft)"
_DAY = rf"(\d{{1,2}}) ({_MONTH}) (\d{{4}})"
_SCHOOL = r"(\d{4})\s*[/-]\s*(\d{4}|\d{2})"
_TIME = rf"(?:{_DAY}|(?:{_MONTH}) \d{{4}}|(?:schooljaar )?{_SCHOOL}|{_PART} \d{{4}}|\d{{4}})"
_BEFORE = r"(?:voor|vóór)"


@dataclass(frozen=True)
class TimeHint:
    code: str
    column: int  # 1-based
    length: int
    message: str
    help: str


def _day_before(day: int, month: str, year: int) -> str:
    try:
        before = date(year, MONTHS.index(month) + 1, day) - timedelta(days=1)
    except ValueError:
        return f"{day} {month} {year}"
    return f"{before.day} {MONTHS[before.month - 1]} {before.year}"


def _second(first: str, second: str) -> int:
    return int(second) if len(second) == 4 else int(first) // 100 * 100 + int(second)


def _voor_day(m: re.Match[str], planning: bool) -> tuple[str, str]:
    day = _day_before(int(m[1]), m[2], int(m[3]))
    return ("'voor' een dag: de dag zelf telt niet meer mee", f"schrijf 'uiterlijk {day}'")


def _voor_year(m: re.Match[str], planning: bool) -> tuple[str, str]:
    year = int(m[1])
    return (f"'voor {year}' kan 'vóór {year}' betekenen (uiterlijk 31 december {year - 1}) of 'voor "
            f"het jaar {year}'", f"schrijf 'uiterlijk {year - 1}' als het vóór {year} af moet zijn, of "
            f"'in {year}' als het om {year} gaat")


def _holiday(m: re.Match[str], planning: bool) -> tuple[str, str]:
    year = int(m[1])
    return ("de zomervakantie begint per regio op een andere dag",
            f"schrijf 'uiterlijk schooljaar {year - 1}/{year}' (tot en met 31 juli {year}); noemt het "
            "document een dag, schrijf dan 'uiterlijk' en die dag")


def _christmas(m: re.Match[str], planning: bool) -> tuple[str, str]:
    """A month in planning; in a goal, where a month is no moment, the part of the year around it."""
    word, year = m[1].casefold(), m[2] or "<jaar>"
    after = str(int(year) + 1) if m[2] else "<jaar>"
    when = {"voor": f"uiterlijk 24 december {year}", "vóór": f"uiterlijk 24 december {year}",
            "rond": f"december {year}" if planning else f"eind {year}",
            "na": f"januari {after}" if planning else f"begin {after}"}
    fix = when[word]
    extra = "" if m[2] else " met het jaar uit het document"
    return ("de kerst valt eind december, de kerstvakantie loopt door in januari", f"schrijf '{fix}'{extra}")


def _after_summer(m: re.Match[str], planning: bool) -> tuple[str, str]:
    year = int(m[1])
    return ("'na de zomer' noemt geen einde",
            f"schrijf 'najaar {year}' (september t/m november {year}); bij 'start:' kan ook 'schooljaar "
            f"{year}/{year + 1}' (vanaf 1 augustus {year})")


def _through(m: re.Match[str], planning: bool) -> tuple[str, str]:
    time = re.sub(r"(\d{4})\s*-\s*(\d{2,4})", r"\1/\2", m[1])  # schooljaar 2024-2025: 2024/2025
    if re.search(r"(vanaf \S+|jaarlijks|elk jaar|ieder jaar|per (school)?jaar)\s*$", m.string[:m.start()]):
        return (f"'{m[0]}' na een herhaling",
                f"laat '{m[0]}' weg: een herhaling ('vanaf', 'jaarlijks') loopt tot en met het laatste jaar "
                "van de agendaperiode")
    return (f"'{m[0]}' zegt tot wanneer iets loopt",
            f"schrijf 'uiterlijk {time}': de deadline is de laatste dag ervan; moet een doel elk jaar "
            "tot het einde van de periode gelden, schrijf dan 'jaarlijks'")


def _after_year(m: re.Match[str], planning: bool) -> tuple[str, str]:
    year = int(m[1])
    if not planning:
        return (f"'na {year}' noemt geen moment", f"schrijf 'vanaf {year + 1}' (elk jaar vanaf {year + 1})")
    return (f"'na {year}' noemt geen einde",
            f"schrijf bij 'start:' '{year + 1}' (vanaf 1 januari {year + 1}); noemt het document geen "
            "einde, laat 'gereed:' dan weg")


def _per_day(m: re.Match[str], planning: bool) -> tuple[str, str]:
    return ("'per' met een dag is de dag zelf", f"schrijf 'op {m[1]}'")


def _from(m: re.Match[str], planning: bool) -> tuple[str, str]:
    return ("'vanaf' staat niet in de planning: 'start:' is al het begin",
            f"schrijf '{m[1]}' (bij 'start:' telt de eerste dag ervan)")


def _as_of(m: re.Match[str], planning: bool) -> tuple[str, str]:
    words = m[0][:m.start(1) - m.start()].strip()
    return (f"'{words}' zegt vanaf wanneer, en 'start:' is al het begin",
            f"schrijf '{m[1]}' (bij 'start:' telt de eerste dag ervan)")


def _as_of_goal(m: re.Match[str], planning: bool) -> tuple[str, str]:
    return ("'met ingang van' is een herhaling vanaf dat jaar", f"schrijf 'vanaf {m[1]}'")


def _halfway(m: re.Match[str], planning: bool) -> tuple[str, str]:
    return ("'halverwege' is 'medio'", f"schrijf 'medio {m[1]}' (juni en juli {m[1]})")


def _school_edge(m: re.Match[str], planning: bool) -> tuple[str, str]:
    first = int(m[2])
    second = _second(m[2], m[3])
    if m[1].startswith("eind"):
        return ("een schooljaar heeft geen vast einddeel",
                f"schrijf 'medio {second}' (juni en juli {second}) of 'uiterlijk schooljaar "
                f"{first}/{second}' (tot en met 31 juli {second})")
    if not planning:
        return ("een schooljaar heeft geen vast begindeel",
                f"schrijf 'najaar {first}' (september t/m november {first}), of na 'uiterlijk' de maand uit "
                f"het document, bijvoorbeeld 'uiterlijk september {first}'")
    return ("een schooljaar heeft geen vast begindeel",
            f"schrijf 'schooljaar {first}/{second}' bij 'start:' (dat begint op 1 augustus {first}); voor "
            f"een deadline aan het begin van het schooljaar de maand uit het document, bijvoorbeeld "
            f"'september {first}'")


def _following(m: re.Match[str], planning: bool) -> tuple[str, str]:
    return ("'de daaropvolgende jaren' is een herhaling", f"schrijf 'vanaf {m[1]}' (elk jaar vanaf {m[1]})")


def _or(m: re.Match[str], planning: bool) -> tuple[str, str]:
    return ("twee delen van een jaar schrijf je met '/'", f"schrijf '{m[1]}/{m[2]}'")


def _school_written(m: re.Match[str], planning: bool) -> tuple[str, str]:
    first, second = int(m[1]), _second(m[1], m[2])
    if second != first + 1:
        return ("een schooljaar beslaat twee opeenvolgende jaren",
                f"schrijf 'in schooljaar {first}/{first + 1}'")
    return ("lea leest een schooljaar als 'in schooljaar', zonder 'het', met '/' tussen de jaren",
            f"schrijf 'in schooljaar {first}/{second}'")


def _the_year(m: re.Match[str], planning: bool) -> tuple[str, str]:
    return ("een jaar schrijf je als het getal", f"schrijf 'in {m[1]}'")


def _either_year(m: re.Match[str], planning: bool) -> tuple[str, str]:
    first, second = int(m[1]), int(m[2])
    return (f"'{m[0]}' noemt twee tijden",
            f"schrijf 'uiterlijk {max(first, second)}' (dan mag {min(first, second)} ook)")


def _from_month(m: re.Match[str], planning: bool) -> tuple[str, str]:
    year = int(m[2])
    if " ".join(m[1].casefold().split()) == "1 augustus":
        return ("een herhaling begint in een jaar of een schooljaar, niet op een dag",
                f"schrijf 'vanaf schooljaar {year}/{year + 1}' (dat begint op 1 augustus {year})")
    return ("een herhaling begint in een jaar of een schooljaar, niet in een maand of op een dag",
            f"schrijf 'vanaf {year + 1}' (het eerste hele jaar erna); telt {year} al mee, schrijf dan "
            f"'vanaf {year}'")


def _ongoing(m: re.Match[str], planning: bool) -> tuple[str, str]:
    if not planning:
        return ("een doel dat altijd geldt, geldt elk jaar", f"schrijf 'jaarlijks' in plaats van '{m[1]}'")
    return ("het document noemt dan geen einde", f"laat de regel weg: '{m[1]}' is geen tijd in de planning")


Explain = Callable[[re.Match[str], bool], tuple[str, str]]
"""Why the phrase is no TIJD and what to write; `planning`: in `start:`/`gereed:`, not in a goal."""
Rule = tuple[re.Pattern[str], Explain]
RULES: tuple[Rule, ...] = tuple((re.compile(pattern, re.I), explain) for pattern, explain in (
    (rf"{_BEFORE} (?:de )?zomer ?vakantie(?: van)? (\d{{4}})", _holiday),
    (r"(voor|vóór|rond|na) (?:de )?kerst(?:mis|vakantie)?(?: (?:van )?(\d{4}))?", _christmas),
    (r"na (?:de )?zomer(?: ?vakantie)?(?: van)? (\d{4})", _after_summer),
    (rf"{_BEFORE} {_DAY}", _voor_day),
    (rf"{_BEFORE} (\d{{4}})(?![/\d-])", _voor_year),
    (rf"(?:tot en met|t/m)(?: in ieder geval| in elk geval)?(?: het)? ({_TIME})", _through),
    (r"na (\d{4})(?![/\d-])", _after_year),
    (rf"per ({_DAY})", _per_day),
    (rf"vanaf ({_TIME})", _from),
    (rf"(?:per|met ingang van) ({_TIME})", _as_of),
    (r"met ingang van ((?:schooljaar )?\d{4}(?:/\d{2,4})?)(?![\w/-])", _as_of_goal),
    (r"halverwege (\d{4})", _halfway),
    (rf"(begin|start|eind|einde)(?: van)?(?: het)? schooljaar {_SCHOOL}", _school_edge),
    (r"in (\d{4}) en (?:de )?(?:daarop)?volgende jaren", _following),
    (rf"({_PART} \d{{4}}) of ({_PART} \d{{4}})", _or),
    (r"in het schooljaar (\d{4})\s*[/-]\s*(\d{4}|\d{2})", _school_written),
    (r"in schooljaar (\d{4})\s*-\s*(\d{4}|\d{2})", _school_written),
    (r"in het (?:kalender)?jaar (\d{4})", _the_year),
    (r"in (\d{4}) of (\d{4})(?![/\d-])", _either_year),
    (r"(doorlopend|continu|structureel)(?![\w-])", _ongoing),
    (rf"vanaf ((?:\d{{1,2}} )?(?:{_MONTH})) (\d{{4}})", _from_month),
))
_AHEAD_AFTER_TREND = re.compile(r"\b(?:vergroten|verminderen)\s+((?:in )?(?:de )?komende (?:jaren|periode))",
                                re.I)


_RECURS = (r"(?:jaarlijks|(?:elk|ieder)\s+(?:school)?jaar|per\s+(?:school)?jaar"
           r"|(?:iedere|elke)\s+(?:twee|2)\s+jaar|om\s+het\s+jaar)")
_IN_YEAR = re.compile(
    rf"\b({_RECURS})\s+((?:uiterlijk\s+)?(?:(?:in|op|voor|vóór)\s+)?(?:(?:het|de)\s+)?"
    rf"(?:{_PART}|zomer ?vakantie|(?:\d{{1,2}}\s+)?(?:{_MONTH})))(?![\w-])(?!\s*(?:van\s+)?\d)", re.I)
"""A recurrence with a moment in the year (`jaarlijks in het voorjaar`, `elk jaar voor 1 juli`):
refused (E343), the recurrence is judged per year (docs/language.md, *Terugkerende doelen*)."""


def _in_year(text: str, at: int) -> TimeHint | None:
    m = _IN_YEAR.search(text)
    if m is None or not m.start(2) <= at < m.end(2) or text.lstrip().startswith(("start", "gereed")):
        return None
    recurs = " ".join(m[1].split())
    return TimeHint("E343", m.start() + 1, m.end() - m.start(),
                    f"'{recurs} {m[2]}': een herhaling wordt per jaar beoordeeld; een moment in het jaar "
                    "(een deel van het jaar, een maand of een dag) kan lea daar niet bij lezen",
                    f"schrijf '{recurs}' in plaats van '{text[m.start():m.end()]}'; het moment in het jaar "
                    f"('{m[2]}') blijft in de titel of het citaat staan")


PLANNING_ONLY: frozenset[Explain] = frozenset({_from, _as_of})
"""`vanaf` in a goal is a recurrence (`vanaf 2025`): only in `start:`/`gereed:` is it refused here."""
GOAL_ONLY: frozenset[Explain] = frozenset({_from_month, _as_of_goal})
"""A recurrence starts in a year or a schooljaar, never in a month or on a day."""
_TREND_MOMENT = re.compile(
    r"\b([^\s:]+)\s+(vergroten|verminderen)\s+((?:in|uiterlijk|op|eind|begin|medio)\s.*?)\s*$", re.I)


def time_phrase(text: str, column: int) -> TimeHint | None:
    """The time phrase the parser stopped in (at 1-based `column`), with what to write instead."""
    at = column - 1
    planning = text.lstrip().startswith(("start", "gereed"))
    trend = _AHEAD_AFTER_TREND.search(text)
    if trend is not None and trend.start(1) <= at < trend.end(1):
        phrase = trend.group(1)
        return TimeHint("E315", trend.start(1) + 1, len(phrase), f"'{phrase}' noemt geen moment; een "
                        "trend (vergroten, verminderen) geldt al voor de hele periode",
                        f"laat '{phrase}' weg")
    moment = _TREND_MOMENT.search(text)
    if not planning and moment is not None and moment.start(3) <= at < moment.end(3):
        name, words, phrase = moment.group(1), moment.group(2), moment.group(3)
        change = "gestegen" if words.casefold() == "vergroten" else "gedaald"
        return TimeHint("E324", moment.start(3) + 1, len(phrase),
                        f"'{words}' is een trend zonder moment: die geldt voor de hele periode",
                        f"schrijf '{name} {change} {phrase} t.o.v. <jaar>' met het vergelijkingsjaar uit het "
                        f"document, of laat '{phrase}' weg als het einde van de periode bedoeld is")
    in_year = _in_year(text, at)
    if in_year is not None:
        return in_year
    for pattern, explain in RULES:
        if (explain in PLANNING_ONLY and not planning) or (explain in GOAL_ONLY and planning):
            continue
        for m in pattern.finditer(text):
            if m.start() <= at < m.end() and (m.start() == 0 or not text[m.start() - 1].isalnum()):
                why, fix = explain(m, planning)
                return TimeHint("E323", m.start() + 1, m.end() - m.start(),
                                f"'{m[0]}' is geen tijd die lea kent: {why}", fix)
    return None
