"""Template: the data request (XLSX or CSV) an analyst sends to a source, importable once filled."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from lea_rules.data.group_names import plural
from lea_rules.data.inert import inert
from lea_rules.data.model import Observation, observation_value_text
from lea_rules.data.units import UNITS_FILE, DeclaredUnits, unit_key
from lea_rules.nodes import Agenda, Indicator, Measure, Unit
from lea_rules.period import school_year_ending
from lea_rules.suggest import did_you_mean

HEADER: tuple[str, ...] = ("indicator", "omschrijving", "meeteenheid", "periode", "eenheid", "waarde",
                           "bron", "status", "reeks", "toelichting", "laatst bekende waarde",
                           "laatst bekende periode")
UNKNOWN_SOURCE = "nog te bepalen"
MEASURE_WORDS = {Unit.PERCENT: "% (bijv. 83,7)", Unit.COUNT: "aantal (heel getal)",
                 Unit.HOURS_PER_WEEK: "uur per week", Unit.HOURS: "uur", Unit.DAYS: "dagen",
                 Unit.WEEKS: "weken", Unit.MONTHS: "maanden", Unit.YEARS: "jaar", Unit.EURO: "euro",
                 Unit.SCORE: "score", Unit.NUMBER: "getal", Unit.YES_NO: "ja/nee", Unit.RATING: "oordeel"}


class TemplateError(ValueError):
    """The request cannot be made (unknown source, unknown file type); message in Dutch."""

    def __init__(self, message: str, help: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.help = help


@dataclass(frozen=True)
class RequestRow:
    indicator: Indicator
    period: str
    unit: str  # breakdown unit, "" for the total
    last: Observation | None

    def cells(self) -> list[str]:
        ind = self.indicator
        unit = ind.unit or Unit.SCORE
        measure = MEASURE_WORDS[unit]
        if unit is Unit.RATING and ind.ratings:
            measure = "oordeel: " + " / ".join(ind.ratings)
        if ind.per_group and not self.unit:
            measure += "; totaal van de gemeente"
        source = ind.source or ""
        if source.casefold().startswith(UNKNOWN_SOURCE):
            source = ""
        last_value = last_period = series = ""
        if self.last is not None:
            # The last known series name stands ready: kept, the new figure continues that series;
            # changed, lea marks a trendbreuk instead of comparing two definitions.
            series = self.last.series or ""
            mark = " (illustratief)" if self.last.illustrative else ""
            last_value = observation_value_text(self.last) + mark
            last_period = self.last.period.text
        return [ind.name, ind.label, measure, self.period, self.unit, "", source, "", series, "",
                last_value, last_period]


def request_period(indicator: Indicator, peiljaar: int) -> str:
    """The period asked for in peiljaar `peiljaar`: the calendar year, the school year ending in it
    (period.school_year_ending, the rule W210 and the evaluation use too), or 1 January."""
    if indicator.measure is Measure.SCHOOL_YEAR:
        return school_year_ending(peiljaar).text
    if indicator.measure is Measure.REFERENCE_DATE:
        return f"01-01-{peiljaar}"
    return str(peiljaar)


def request_rows(agenda: Agenda, peiljaar: int, observations: list[Observation],
                 source: str | None = None, units: DeclaredUnits | None = None) -> list[RequestRow]:
    """One row per indicator; derived ones are left out.

    An indicator measured `per:` a group gets one row per declared unit of that group
    (eenheden.csv, in its order), and a kengetal also a row for the municipality's total
    (empty eenheid). Without declared units it gets no per-unit rows: which units exist is
    not known yet (`instructions` says what to declare).
    """
    declared = units or DeclaredUnits()
    indicators = [ind for ind in agenda.indicators if ind.formula is None]
    if source:
        wanted = source.casefold()
        chosen = [ind for ind in indicators if wanted in (ind.source or "").casefold()]
        if not chosen:
            sources = sorted({ind.source for ind in indicators if ind.source})
            raise TemplateError(f"geen indicator in de agenda heeft bron '{source}'",
                                did_you_mean(source, sources)
                                or "bronnen in de agenda: " + ", ".join(sources))
        indicators = chosen
    rows: list[RequestRow] = []
    for ind in indicators:
        mine = [o for o in observations if o.indicator.casefold() == ind.key]
        names = list(declared.of_groups(ind.per_groups))  # a unit under two of them is asked once
        asked = ([""] if ind.context or not ind.per_groups else []) + names
        for unit in asked:
            series = [o for o in mine if unit_key(o.breakdown or "") == unit_key(unit)]
            last = max(series, key=lambda o: (o.period.year, o.period.text), default=None)
            rows.append(RequestRow(ind, request_period(ind, peiljaar), unit, last))
    return rows


def undeclared(agenda: Agenda, units: DeclaredUnits | None) -> dict[str, list[str]]:
    """Group -> the indicators measured per that group that get no rows: its units are not declared."""
    declared = units or DeclaredUnits()
    out: dict[str, list[str]] = {}
    for ind in agenda.indicators:
        if ind.formula is None:
            for group in ind.per_groups:
                if not declared.of(group):
                    out.setdefault(group, []).append(ind.name)
    return out


def undeclared_lines(agenda: Agenda, units: DeclaredUnits | None) -> list[str]:
    path = units.label if units is not None else UNITS_FILE  # the same on every computer
    return [f"Niet per {group} gevraagd, want welke {plural(group)} er zijn is nog niet bekend: "
            f"{', '.join(names)}. Zet de {plural(group)} eerst in {path} (één regel per eenheid: "
            f"{group};naam;;) en maak de uitvraag opnieuw."
            for group, names in undeclared(agenda, units).items()]


def instructions(agenda: Agenda, peiljaar: int, units: DeclaredUnits | None = None) -> list[str]:
    derived = [ind.name for ind in agenda.indicators if ind.formula is not None]
    lines = [
        f"Uitvraag cijfers {agenda.municipality} voor {peiljaar} ({agenda.title})",
        "",
        "Vul per rij de kolom 'waarde' in. Laat de waarde leeg als er geen gegevens zijn: leeg is 'geen "
        "gegevens', nooit nul.",
        "Getallen in Nederlandse notatie: 83,7 of 10.884. Percentages als 85% of 85,0.",
        "Periode: kalenderjaar 2025, schooljaar 2024/2025, peildatum 1 januari 2025 of 01-01-2025.",
        "Bron: noem het document en de plaats (bijv. 'VVE-monitor, tabel 2') of de leverancier.",
        "Status: voorlopig of definitief (leeg = definitief).",
        "Reeks: de naam van de definitie waarmee het cijfer gemeten is. Is de definitie of de manier van "
        "meten veranderd, geef dan een nieuwe naam: lea toont dan een trendbreuk en vergelijkt niet met "
        "de oude reeks. Ongewijzigd: laat de ingevulde naam staan (leeg mag ook).",
        "Indicatoren die per eenheid (IKC, school, kindcentrum) gemeten worden: één rij per eenheid uit "
        f"{UNITS_FILE} in de gegevensmap. Komt er een eenheid bij, zet hem dan eerst in dat bestand: "
        "lea import weigert een eenheid die daar niet in staat. Een totaal (gemeente, 'Totaal') is "
        "geen eenheid: alleen een kengetal heeft een totaalrij, met een lege eenheid.",
        "De kolommen 'omschrijving', 'meeteenheid' en 'laatst bekende ...' zijn alleen ter informatie.",
        "Gebruik geen formules en geen samengevoegde cellen. Inlezen: lea import BESTAND --agenda AGENDA",
        "'(illustratief)' bij een laatst bekende waarde: dat is een verzonnen voorbeeldcijfer, "
        "geen echt cijfer.",
    ]
    if derived:
        lines.append("Niet gevraagd, want lea berekent ze zelf: " + ", ".join(derived) + ".")
    lines.extend(undeclared_lines(agenda, units))
    return lines


def render_csv(rows: list[RequestRow]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in rows:
        writer.writerow([inert(text) for text in row.cells()])
    return "\ufeff" + buffer.getvalue()  # BOM: Excel then opens the file as UTF-8


def write_template(path: Path, agenda: Agenda, peiljaar: int, rows: list[RequestRow],
                   units: DeclaredUnits | None = None) -> None:
    """Write the request as .xlsx or .csv, atomically."""
    suffix = path.suffix.casefold()
    if suffix not in (".xlsx", ".csv"):
        raise TemplateError(f"'{path.name}': kies een bestandsnaam op .xlsx of .csv")
    from lea_rules.atomic import replacing

    with replacing(path) as temp:
        if suffix == ".csv":
            temp.write_bytes(render_csv(rows).encode("utf-8"))
        else:
            _write_xlsx(temp, agenda, peiljaar, rows, units)


def _write_xlsx(path: Path, agenda: Agenda, peiljaar: int, rows: list[RequestRow],
                units: DeclaredUnits | None) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Uitvraag"
    sheet.append(list(HEADER))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    fill = PatternFill("solid", fgColor="FFF2CC")
    for row in rows:
        sheet.append([inert(text) for text in row.cells()])  # never a live formula
        r = sheet.max_row
        for col in range(1, len(HEADER) + 1):
            # Text cells: Excel would turn 2024/2025 or 01-01-2025 into a date otherwise.
            if HEADER[col - 1] != "waarde":
                sheet.cell(r, col).number_format = "@"
        sheet.cell(r, HEADER.index("waarde") + 1).fill = fill
    widths = {"indicator": 30, "omschrijving": 60, "meeteenheid": 22, "periode": 14, "eenheid": 18,
              "waarde": 12, "bron": 30, "status": 12, "reeks": 18, "toelichting": 30,
              "laatst bekende waarde": 22, "laatst bekende periode": 22}
    for i, name in enumerate(HEADER, 1):
        sheet.column_dimensions[sheet.cell(1, i).column_letter].width = widths[name]
    sheet.freeze_panes = "B2"
    notes = workbook.create_sheet("Toelichting")
    for line in instructions(agenda, peiljaar, units):
        notes.append([inert(line)])
    notes.column_dimensions["A"].width = 120
    workbook.save(path)
