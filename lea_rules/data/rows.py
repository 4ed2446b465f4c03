"""Rows: table rows checked against the agenda and turned into Observations, every problem located."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from lea_rules.data.inert import inert
from lea_rules.data.model import Observation, ObservationStatus
from lea_rules.data.problems import ValueProblem, data_error
from lea_rules.data.table import Cell, Table
from lea_rules.data.units import DeclaredUnits, merge_repeats, unit_problem
from lea_rules.data.values import is_empty, read_period, read_value
from lea_rules.diagnostics import Diagnostic
from lea_rules.nodes import Agenda, Indicator
from lea_rules.period import Period
from lea_rules.suggest import did_you_mean

COLUMNS: tuple[str, ...] = ("indicator", "periode", "eenheid", "waarde", "bron", "status",
                            "illustratief", "reeks", "toelichting")
REQUIRED: tuple[str, ...] = ("indicator", "periode", "waarde", "bron")
# Columns a data request (lea template) adds for the reader; an import reads past them.
INFO_COLUMNS: tuple[str, ...] = ("omschrijving", "meeteenheid", "meting", "laatst bekende waarde",
                                 "laatst bekende periode")
ALIASES = {"jaar": "periode", "schooljaar": "periode", "peildatum": "periode", "waarde/oordeel": "waarde",
           "uitsplitsing": "eenheid", "opmerking": "toelichting", "opmerkingen": "toelichting"}
_TRUE = {"1", "ja", "waar", "true"}
_FALSE = {"", "0", "nee", "onwaar", "false"}
ILLUSTRATIVE_WORD = "illustratief"


@dataclass(frozen=True)
class Located:
    observation: Observation
    row: int
    table: Table
    value_column: int = 1
    # column name -> 1-based column, for the columns the file has (a change can point at its cell)
    columns: tuple[tuple[str, int], ...] = ()

    def column(self, name: str) -> int | None:
        return dict(self.columns).get(name)


@dataclass
class RowsResult:
    observations: list[Located] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)
    skipped_empty: int = 0  # template rows left without a value: no data, never zero


def header_name(text: str) -> str:
    name = " ".join(text.strip().lstrip("\ufeff").casefold().split())
    if " (" in name:
        name = name.split(" (", 1)[0]
    return ALIASES.get(name, name)


def map_header(table: Table, problems: list[Diagnostic]) -> dict[str, int] | None:
    """Column name -> 0-based index; problems for unknown, doubled or missing columns."""
    index: dict[str, int] = {}
    ok = True
    for i, cell in enumerate(table.header):
        name = header_name(cell.text)
        if not name:
            continue
        if name in INFO_COLUMNS:
            continue
        if name not in COLUMNS:
            ok = False
            problems.append(data_error(
                "D120", f"onbekende kolom '{cell.text}' in de kopregel",
                table.place(cell.row, cell.column),
                did_you_mean(name, COLUMNS) or f"bekende kolommen: {', '.join(COLUMNS)}"))
            continue
        if name in index:
            ok = False
            problems.append(data_error("D121", f"kolom '{name}' staat twee keer in de kopregel",
                                       table.place(cell.row, cell.column), "haal een van de twee weg"))
            continue
        index[name] = i
    missing = [c for c in REQUIRED if c not in index]
    if missing:
        row = table.header[0].row if table.header else 1
        problems.append(data_error(
            "D122", "de kopregel mist kolom " + ", ".join(f"'{m}'" for m in missing),
            table.place(row, 1),
            f"de eerste rij moet de kolomnamen bevatten: {';'.join(COLUMNS)}"))
        return None
    return index if ok else None


def _cell(row: list[Cell], index: dict[str, int], name: str, row_no: int) -> Cell:
    i = index.get(name)
    if i is None or i >= len(row):
        return Cell(None, row_no, (i + 1) if i is not None else 1)
    return row[i]


def read_rows(tables: list[Table], agenda: Agenda, *, stored: bool = False,
              units: DeclaredUnits | None = None) -> RowsResult:
    """Every row of every table as an Observation, or a located problem per bad cell.

    `stored`: the rows come from observaties.csv, where an empty value is a mistake; in an
    import an empty value is a template row nobody filled in, and is skipped. `units`: the
    declared units (eenheden.csv); without them no group has known units.
    """
    result = RowsResult()
    seen: dict[tuple[str, str, str], tuple[Table, int]] = {}
    names = [ind.name for ind in agenda.indicators]
    for table in tables:
        index = map_header(table, result.problems)
        if index is None:
            continue
        for row in table.rows:
            _read_row(table, index, row, agenda, names, result, seen, stored, units)
    result.problems = merge_repeats(result.problems)
    return result


def _read_row(table: Table, index: dict[str, int], row: list[Cell], agenda: Agenda, names: list[str],
              result: RowsResult, seen: dict[tuple[str, str, str], tuple[Table, int]],
              stored: bool, units: DeclaredUnits | None = None) -> None:
    row_no = row[0].row

    def cell(name: str) -> Cell:
        return _cell(row, index, name, row_no)

    def problem(code: str, message: str, at: Cell, help: str | None = None,
                col: str | None = None) -> None:
        result.problems.append(data_error(code, message, table.place(at.row, at.column, col), help))

    ind_cell, val_cell = cell("indicator"), cell("waarde")
    if is_empty(val_cell.value) and not stored:
        result.skipped_empty += 1
        return
    if not ind_cell.text:
        problem("D200", "de indicator ontbreekt", ind_cell,
                "vul de naam van een indicator uit de agenda in", "indicator")
        return
    indicator = agenda.indicator(ind_cell.text)
    if indicator is None:
        problem("D201", f"onbekende indicator '{ind_cell.text}': de agenda declareert hem niet",
                ind_cell, did_you_mean(ind_cell.text, names) or
                "gebruik een naam uit de agenda (lea template maakt een lijst)", "indicator")
        return
    if indicator.formula is not None:
        problem("D202", f"'{indicator.name}' is een afgeleide indicator: lea berekent hem met "
                "zijn formule", ind_cell, "lever de onderdelen van de formule aan, niet de uitkomst",
                "indicator")
        return
    row_ok = True
    period: Period | None = None
    per_cell = cell("periode")
    if is_empty(per_cell.value):
        problem("D215", "de periode ontbreekt", per_cell, _period_help(indicator), "periode")
        row_ok = False
    else:
        try:
            period = read_period(per_cell.value, indicator)
        except ValueProblem as exc:
            problem(exc.code, exc.message, per_cell, exc.help, "periode")
            row_ok = False
    unit_cell = cell("eenheid")
    unit = unit_cell.text or None
    if indicator.per_group and unit is None and not indicator.context:
        problem("D203", f"'{indicator.name}' wordt per {indicator.per_group} gemeten: de eenheid "
                "ontbreekt", unit_cell,
                f"vul in over welke eenheid ({indicator.per_group}) het gaat", "eenheid")
        row_ok = False
    elif unit is not None:
        # One message per unit cell: not declared, a total, no per:, another group (D240-D244).
        unit_wrong = unit_problem(indicator, unit, units or DeclaredUnits(), agenda)
        if unit_wrong is not None:
            code, message, help = unit_wrong
            problem(code, message, unit_cell, help, "eenheid")
            row_ok = False
        else:
            # Stored as declared: 'IKC  2 (voorbeeld)' is the unit 'IKC 2 (voorbeeld)', so the same
            # unit can never become two rows, or a conflict pass as a new row.
            declared = (units or DeclaredUnits()).find(unit)
            if declared is not None:
                unit = declared.name
    if is_empty(val_cell.value):
        problem("D227", "de waarde ontbreekt", val_cell,
                "haal de rij weg: geen gegevens is geen nul", "waarde")
        row_ok = False
        value = None
    else:
        try:
            value = read_value(val_cell.value, indicator, val_cell.percent_format)
        except ValueProblem as exc:
            problem(exc.code, exc.message, val_cell, exc.help, "waarde")
            row_ok = False
            value = None
    src = cell("bron")
    if not src.text:
        problem("D204", "de bron ontbreekt", src,
                "noem het document en de plaats, of de leverancier "
                f"({indicator.source or 'de bron'})", "bron")
        row_ok = False
    status = _status(cell("status"), problem)
    illustrative = _flag(cell("illustratief"), problem)
    note = cell("toelichting").text or None
    if illustrative and ILLUSTRATIVE_WORD not in (note or "").casefold():
        problem("D206", "een illustratief cijfer moet dat ook in de toelichting zeggen",
                cell("toelichting") if "toelichting" in index else cell("illustratief"),
                "schrijf in de toelichting: illustratief: verzonnen voorbeeldcijfer voor de demo",
                "toelichting")
        row_ok = False
    if status is None or illustrative is None or not row_ok or period is None or value is None:
        return
    key = (indicator.key, period.text, (unit or "").casefold())
    if key in seen:
        first_table, first_row = seen[key]
        where = f"rij {first_row}" + (f" van blad '{first_table.sheet}'"
                                      if first_table.sheet and first_table is not table else "")
        problem("D205", f"dubbele rij: '{indicator.name}' {period.text}"
                f"{' ' + unit if unit else ''} staat ook op {where}", ind_cell,
                "haal een van de twee rijen weg", "indicator")
        return
    seen[key] = (table, row_no)
    series = cell("reeks").text or None
    obs = Observation(  # free text stored inert: observaties.csv opened in Excel runs no formula
        indicator=indicator.name, period=period, value=value.number, rating=value.rating,
        flag=value.flag, breakdown=unit, source=inert(src.text), status=status, illustrative=illustrative,
        series=inert(series) if series else None, note=inert(note) if note else None)
    columns = tuple((name, cell(name).column) for name in COLUMNS if name in index)
    result.observations.append(Located(obs, row_no, table, val_cell.column, columns))


def _period_help(indicator: Indicator) -> str:
    from lea_rules.data.values import EXPECTED_PERIOD

    return f"schrijf {EXPECTED_PERIOD[indicator.measure]}"


def _status(cell: Cell, problem: _Problem) -> ObservationStatus | None:
    text = cell.text.casefold()
    if not text:
        return ObservationStatus.FINAL
    for status in ObservationStatus:
        if status.value == text:
            return status
    problem("D207", f"'{cell.text}' is geen status", cell,
            did_you_mean(text, [s.value for s in ObservationStatus]) or "schrijf voorlopig of definitief",
            "status")
    return None


def _flag(cell: Cell, problem: _Problem) -> bool | None:
    if isinstance(cell.value, bool):
        return cell.value
    text = cell.text.casefold()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    problem("D208", f"'{cell.text}' is geen ja/nee voor illustratief", cell,
            "schrijf 1 (illustratief) of laat leeg (echt cijfer)", "illustratief")
    return None


class _Problem(Protocol):  # the local `problem` callback of read_rows
    def __call__(self, code: str, message: str, at: Cell, help: str | None = None,
                 col: str | None = None) -> None: ...

