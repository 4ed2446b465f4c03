"""Units: which units (IKC's, scholen, wijken) each group of the agenda has, from `eenheden.csv`.

    data/<gemeente>/eenheden.csv     groep;eenheid;illustratief;toelichting (hand-edited)

A group without rows means: which units it has is not yet known. lea never guesses the
units from the data: a units goal (`alle IKC met ...`) is judged against this list, and an
import refuses a unit that is not on it. Every mistake in the file is a located problem
(D500-D509); the checks of a unit in an import or in observaties.csv are D240-D244.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lea_rules.data.group_names import plural
from lea_rules.data.problems import DataInvalid, data_error
from lea_rules.data.readers import read_csv_bytes
from lea_rules.data.table import Cell, Table
from lea_rules.diagnostics import CellPlace, Diagnostic
from lea_rules.nodes import Agenda, Indicator, normalise_group
from lea_rules.suggest import closest, did_you_mean, distance

UNITS_FILE = "eenheden.csv"
UNIT_COLUMNS: tuple[str, ...] = ("groep", "eenheid", "illustratief", "toelichting")
UNIT_REQUIRED: tuple[str, ...] = ("groep", "eenheid")
_TRUE = {"1", "ja"}
_FALSE = {"", "0", "nee"}
# CSV reading problems of the shared reader, as the codes of this file
_READER_CODES = {"D124": "D500", "D107": "D501", "D108": "D509", "D109": "D509"}


def unit_key(name: str) -> str:
    """Units are compared without case and with single spaces: 'IKC  1' is 'ikc 1'."""
    return " ".join(name.casefold().split())


@dataclass(frozen=True)
class DeclaredUnit:
    group: str  # the group's name as the agenda declares it
    name: str
    illustrative: bool = False
    note: str | None = None
    row: int = 0  # line in eenheden.csv


@dataclass(frozen=True)
class DeclaredUnits:
    """The declared units of every group; `path` is the file, as shown in messages."""

    path: str = UNITS_FILE
    units: tuple[DeclaredUnit, ...] = ()

    def of(self, group: str) -> list[str]:
        """The names of the group's units in the order of the file; [] when not yet known."""
        key = normalise_group(group)
        return [u.name for u in self.units if normalise_group(u.group) == key]

    def of_groups(self, groups: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
        """The units of several groups together, each once (in the order of the file), with the
        groups (of these) it is listed under: a unit in two of them counts once."""
        keys = {normalise_group(g): g for g in groups}
        out: dict[str, tuple[str, ...]] = {}
        names: dict[str, str] = {}
        for unit in self.units:
            key = normalise_group(unit.group)
            if key not in keys:
                continue
            name = names.setdefault(unit_key(unit.name), unit.name)
            if keys[key] not in out.get(name, ()):
                out[name] = (*out.get(name, ()), keys[key])
        return out

    def find(self, name: str) -> DeclaredUnit | None:
        key = unit_key(name)
        return next((u for u in self.units if unit_key(u.name) == key), None)

    def member(self, group: str, name: str) -> bool:
        return normalise_group(group) in {normalise_group(g) for g in self.groups_of(name)}

    def groups_of(self, name: str) -> list[str]:
        """Every group the unit is listed under (one, or more: a brede school under school and wijk)."""
        key = unit_key(name)
        return [u.group for u in self.units if unit_key(u.name) == key]

    @property
    def label(self) -> str:
        """`data/hengelo/eenheden.csv`: the file as the reader knows it, the same from any folder."""
        folder = Path(self.path).parent.name
        return f"data/{folder}/{UNITS_FILE}" if folder else UNITS_FILE

    def illustrative(self, name: str) -> bool:
        found = self.find(name)
        return found is not None and found.illustrative


_TOTAL_WORDS = {"totaal", "totalen", "total", "subtotaal"}


def _words(text: str) -> list[str]:
    return re.sub(r"[()\[\],.:;'\u2019\-/]", " ", text.casefold()).split()


def is_total_name(name: str, municipality: str) -> bool:
    """'Totaal', 'Gemeente', 'Hengelo (totaal)', 'alle IKC's': a total of the municipality, not a unit."""
    words = _words(name)
    if not words:
        return False
    if _TOTAL_WORDS & set(words) or words[0] in ("alle", "all"):
        return True
    town = " ".join(_words(municipality))
    joined = " ".join(words)
    return joined in ("gemeente", "hele gemeente", "heel de gemeente", town, f"gemeente {town}",
                      f"heel {town}")


def _nearest(word: str, names: list[str]) -> str | None:
    """'bedoelde je ...?' with only the closest names: 'IKC 1 (voorbeld)' gets IKC 1, not IKC 2."""
    found = closest(word, names)
    if not found:
        return None
    best = min(distance(word, name) for name in found)
    return did_you_mean(word, [name for name in found if distance(word, name) == best])


def group_names(agenda: Agenda) -> str:
    return ", ".join(g.name for g in agenda.groups)


# --- reading eenheden.csv -------------------------------------------------------------


def units_path(data_dir: str | Path) -> Path:
    return Path(data_dir) / UNITS_FILE


def load_units(data_dir: str | Path, agenda: Agenda) -> DeclaredUnits:
    """The declared units, checked against the agenda's groups; none declared when there is no file.

    Raises DataInvalid with located problems (D500-D509) when eenheden.csv has mistakes.
    """
    path = units_path(data_dir)
    shown = str(path)
    if not path.exists():
        return DeclaredUnits(shown)
    try:
        table = read_csv_bytes(path.read_bytes(), shown, strict_utf8=True, delimiter=";")
    except DataInvalid as exc:
        raise DataInvalid([_recode(p) for p in exc.problems]) from None
    problems: list[Diagnostic] = []
    index = _header(table, problems)
    if index is None:
        raise DataInvalid(problems)
    units: list[DeclaredUnit] = []
    for row in table.rows:
        unit = _read_unit(table, index, row, agenda, units, problems)
        if unit is not None:
            units.append(unit)
    if problems:
        raise DataInvalid(problems)
    return DeclaredUnits(shown, tuple(units))


def _recode(problem: Diagnostic) -> Diagnostic:
    code = _READER_CODES.get(problem.code, problem.code)
    help, place = problem.help, problem.cell
    if code == "D501":  # an empty file: the header belongs on line 1
        help = f"begin het bestand met de kopregel {';'.join(UNIT_COLUMNS)}"
        place = CellPlace(place.path, place.row or 1, place.column or 1)
    return data_error(code, problem.message, place, help)


def _header(table: Table, problems: list[Diagnostic]) -> dict[str, int] | None:
    index: dict[str, int] = {}
    expected = f"de kopregel is: {';'.join(UNIT_COLUMNS)}"
    for i, cell in enumerate(table.header):
        name = " ".join(cell.text.lstrip("\ufeff").casefold().split())
        if not name:
            continue
        if name not in UNIT_COLUMNS and ("," in name or "\t" in name):
            sep = "komma's" if "," in name else "tabs"
            problems.append(data_error(
                "D501", f"de kopregel van {UNITS_FILE} is gescheiden door {sep}; lea verwacht puntkomma's",
                table.place(cell.row, cell.column),
                f"sla het bestand op met puntkomma's (in Excel: CSV UTF-8); {expected}"))
            return None
        if name not in UNIT_COLUMNS:
            problems.append(data_error(
                "D501", f"onbekende kolom '{cell.text}' in de kopregel van {UNITS_FILE}",
                table.place(cell.row, cell.column),
                (did_you_mean(name, UNIT_COLUMNS) or "haal de kolom weg") + f"; {expected}"))
            return None
        if name in index:
            problems.append(data_error("D501", f"kolom '{name}' staat twee keer in de kopregel",
                                       table.place(cell.row, cell.column),
                                       f"haal een van de twee weg; {expected}"))
            return None
        index[name] = i
    missing = [c for c in UNIT_REQUIRED if c not in index]
    if missing:
        row = table.header[0].row if table.header else 1
        problems.append(data_error(
            "D501", "de kopregel mist kolom " + " en ".join(f"'{m}'" for m in missing),
            table.place(row, 1), expected))
        return None
    return index


def _read_unit(table: Table, index: dict[str, int], row: list[Cell], agenda: Agenda,
               units: list[DeclaredUnit], problems: list[Diagnostic]) -> DeclaredUnit | None:
    row_no = row[0].row

    def cell(name: str) -> Cell:
        i = index.get(name)
        if i is None or i >= len(row):
            return Cell(None, row_no, (i + 1) if i is not None else len(row) + 1)
        return row[i]

    def problem(code: str, message: str, at: Cell, help: str, col: str) -> None:
        problems.append(data_error(code, message, table.place(at.row, at.column, col), help))

    group_cell, name_cell = cell("groep"), cell("eenheid")
    if not group_cell.text:
        problem("D503", "de groep ontbreekt", group_cell,
                f"schrijf de naam van een groep uit de agenda ({group_names(agenda) or 'groep NAAM'})",
                "groep")
        return None
    group = agenda.group(group_cell.text)
    if group is None:
        names = [g.name for g in agenda.groups]
        help = did_you_mean(group_cell.text, names)
        if help is None:
            help = (f"groepen in de agenda: {', '.join(names)}" if names else
                    "de agenda declareert geen groepen; zet er een in de agenda: "
                    "groep NAAM: \"omschrijving\"")
        problem("D502", f"onbekende groep '{group_cell.text}': de agenda declareert hem niet", group_cell,
                help, "groep")
        return None
    if not name_cell.text:
        problem("D503", "de eenheid ontbreekt", name_cell,
                f"schrijf de naam van de eenheid ({group.name}) of haal de regel weg", "eenheid")
        return None
    name = name_cell.text
    if is_total_name(name, agenda.municipality):
        problem("D508", f"'{name}' is een totaal, geen {group.name}", name_cell,
                "haal de regel weg: het totaal van de gemeente staat in observaties.csv in een rij met een "
                "lege eenheid", "eenheid")
        return None
    for earlier in units:
        if unit_key(earlier.name) != unit_key(name):
            continue
        if normalise_group(earlier.group) == normalise_group(group.name):
            problem("D504", f"'{name}' staat twee keer onder groep {group.name} (ook op regel {earlier.row})",
                    name_cell, "haal een van de twee regels weg", "eenheid")
            return None
    flag_cell = cell("illustratief")
    flag = flag_cell.text.casefold()
    if flag not in _TRUE | _FALSE:
        problem("D506", f"'{flag_cell.text}' is geen ja/nee voor illustratief", flag_cell,
                "schrijf 1 (een verzonnen voorbeeldnaam) of laat leeg (een echte eenheid)", "illustratief")
        return None
    illustrative = flag in _TRUE
    # One unit under two groups (a brede school that is also a wijk's) is two rows with the same
    # name; they are one unit, so they must agree on whether it is a made-up name.
    other = next((u for u in units if unit_key(u.name) == unit_key(name)), None)
    if other is not None and other.illustrative != illustrative:
        said = "1" if other.illustrative else "leeg"
        problem("D505", f"'{name}' staat ook onder groep {other.group} (regel {other.row}), daar met "
                f"illustratief {said}; het is één eenheid, dus één antwoord", flag_cell,
                "zet op beide regels hetzelfde bij illustratief: 1 als de naam verzonnen is, leeg als het "
                "een echte eenheid is",
                "illustratief")
        return None
    note = cell("toelichting").text or None
    if illustrative and "illustratief" not in (note or "").casefold():
        problem("D507", "een illustratieve eenheid moet dat ook in de toelichting zeggen",
                cell("toelichting") if "toelichting" in index else flag_cell,
                "schrijf in de toelichting: illustratief: verzonnen voorbeeldnaam, geen echte eenheid",
                "toelichting")
        return None
    return DeclaredUnit(group.name, name, illustrative, note, row_no)


# --- a unit in an import or in observaties.csv ------------------------------------------


def unit_problem(indicator: Indicator, unit: str, units: DeclaredUnits,
                 agenda: Agenda) -> tuple[str, str, str] | None:
    """(code, message, help) when `unit` may not be given for `indicator`; None when it may."""
    if not indicator.per_groups:
        example = agenda.groups[0].name if agenda.groups else "IKC"
        return ("D242", f"'{indicator.name}' wordt niet per eenheid gemeten (geen per: in de agenda); "
                f"de eenheid '{unit}' hoort er niet bij",
                "laat de eenheid leeg (een lege eenheid is het totaal van de gemeente), of geef de "
                f"indicator per: in de agenda (bijvoorbeeld per: {example})")
    groups = " of ".join(indicator.per_groups)
    if is_total_name(unit, agenda.municipality):
        if indicator.context:
            help = "het totaal van de gemeente staat in een rij met een lege eenheid; laat de eenheid leeg"
        else:
            help = (f"'{indicator.name}' kent geen totaal: lever alleen de rijen per "
                    f"{groups} en haal deze rij weg")
        return ("D241", f"'{unit}' is een totaal, geen {groups}", help)
    found = units.find(unit)
    mine = [g for g in indicator.per_groups if units.of(g)]
    if found is not None:
        if any(units.member(g, unit) for g in indicator.per_groups):
            return None
        candidates = [ind.name for ind in agenda.indicators
                      if any(units.member(g, unit) for g in ind.per_groups) and ind.formula is None]
        # Only an indicator whose name is close (brugfunctionaris-ikc / -vo), never just any one.
        others = [f"'{name}'" for name in candidates if _close_name(indicator.name, name)][:3]
        verb = "wordt" if len(others) == 1 else "worden"
        choose = (f"kies een {groups} uit {units.path}" if mine else
                  f"zet de {plural(indicator.per_groups[0])} in {units.path}")
        theirs = " en ".join(units.groups_of(unit))
        help = (f"bedoelde je de indicator {' of '.join(others)}? Die {verb} per {found.group} gemeten. "
                f"Zo niet: {choose}" if others else choose)
        return ("D243", f"'{unit}' is een {theirs} (volgens {units.path}), geen {groups}: "
                f"'{indicator.name}' wordt per {groups} gemeten", help)
    if not mine:
        group = indicator.per_groups[0]
        which = (f"groep {group}" if len(indicator.per_groups) == 1
                 else "de groepen " + " en ".join(indicator.per_groups))
        return ("D244", f"de eenheden van {which} zijn nog niet gedeclareerd; '{unit}' kan niet "
                "worden ingelezen",
                f"zet de {plural(group)} in {units.path}, één regel per eenheid "
                f"(groep;eenheid;illustratief;toelichting), bijvoorbeeld: {group};{unit};;")
    names = [n for g in mine for n in units.of(g)]
    suggestion = _nearest(unit, names)
    add = f"voeg '{unit}' toe aan {units.path} als het een nieuwe eenheid van groep {' of '.join(mine)} is"
    help = f"{suggestion} Zo niet: {add}" if suggestion else f"kies een naam uit {units.path}, of {add}"
    undeclared = [g for g in indicator.per_groups if g not in mine]
    note = (f" (de eenheden van groep {' en '.join(undeclared)} zijn nog niet gedeclareerd)"
            if undeclared else "")
    return ("D240", f"onbekende eenheid '{unit}': die staat niet onder groep {' of '.join(mine)} in "
            f"{units.path}{note}", help)



def _close_name(a: str, b: str) -> bool:
    """Indicator names that differ only in their group part: brugfunctionaris-ikc, -vo."""
    import difflib

    stem_a, stem_b = a.casefold().rsplit("-", 1)[0], b.casefold().rsplit("-", 1)[0]
    return stem_a == stem_b or difflib.SequenceMatcher(None, a.casefold(), b.casefold()).ratio() >= 0.8


def _repeat_key(problem: Diagnostic) -> tuple[str, str] | None:
    if not "D240" <= problem.code <= "D244":
        return None
    return problem.code, problem.message.split(";")[0] if problem.code == "D244" else problem.message


def merge_repeats(problems: list[Diagnostic]) -> list[Diagnostic]:
    """One message per unit mistake: the same undeclared unit (or group without units) on many
    rows is one mistake, shown at its first row with the other rows named."""
    groups: dict[tuple[str, str], list[Diagnostic]] = {}
    for problem in problems:
        key = _repeat_key(problem)
        if key is not None:
            groups.setdefault(key, []).append(problem)
    out: list[Diagnostic] = []
    for problem in problems:
        key = _repeat_key(problem)
        if key is None:
            out.append(problem)
            continue
        same = groups[key]
        if same[0] is not problem:
            continue
        if len(same) > 1:
            rest = same[1:]
            rows = ", ".join(str(p.cell.row) for p in rest[:5]) + (", ..." if len(rest) > 5 else "")
            word = "rij" if len(rest) == 1 else "rijen"
            message = f"{problem.message} (zo ook op nog {len(rest)} {word}: {rows})"
            problem = data_error(problem.code, message, problem.cell, problem.help)
        out.append(problem)
    return out
