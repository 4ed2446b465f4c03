"""Deliveries: `leveringen.csv`, the store's own record of every import that changed it.

    datum;gemeente;bestand;nieuw;herzien;reden
    2026-11-24;Hengelo;uitvraag-2026.xlsx;12;1;definitieve cijfers DUO

One row per `lea import` that changed observaties.csv, appended in the same atomic step.
The log gives the data their date ("stand van de gegevens": the latest `datum`) and says
whose rows the folder holds (`gemeente`), so that no command judges one municipality's
figures against another municipality's agenda. Without a log the date is unknown; lea never
falls back on file times, which a clone or a `touch` changes.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from lea_rules.counts import aantal
from lea_rules.data.folder import default_data_dir
from lea_rules.data.problems import DataInvalid, data_error
from lea_rules.diagnostics import CellPlace, Diagnostic
from lea_rules.nodes import Agenda

DELIVERIES = "leveringen.csv"
DELIVERY_COLUMNS: tuple[str, ...] = ("datum", "gemeente", "bestand", "nieuw", "herzien", "reden")
_RESTORE = "haal de vorige versie terug uit git (git checkout -- {path}); lea import schrijft dit bestand"


@dataclass(frozen=True)
class Delivery:
    """One import that changed the store. `added`/`revised` are None when not on record."""

    on: date
    municipality: str
    file: str
    added: int | None
    revised: int | None
    reason: str
    line: int  # its line in leveringen.csv


def deliveries_path(data_dir: str | Path) -> Path:
    return Path(data_dir) / DELIVERIES


def import_date() -> date:
    """The date an import is recorded under: today, or SOURCE_DATE_EPOCH when it is set.

    SOURCE_DATE_EPOCH (seconds since 1970, UTC; reproducible-builds.org) lets tests and
    scripted runs fix the date. A value that is not a number raises ValueError.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None or not epoch.strip():
        return date.today()
    seconds = int(epoch.strip())
    return datetime.fromtimestamp(seconds, tz=UTC).date()


def load_deliveries(data_dir: str | Path) -> list[Delivery] | None:
    """The delivery log, oldest first; None when the folder has none. DataInvalid on mistakes."""
    path = deliveries_path(data_dir)
    if not path.is_file():
        return None
    shown = str(path)
    restore = _RESTORE.format(path=shown)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DataInvalid([data_error("D149", f"{DELIVERIES} is niet te lezen: {exc.strerror or exc}",
                                      CellPlace(shown), "controleer de rechten van het bestand (ls -l "
                                      f"{shown}); lea moet het kunnen lezen")]) from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
        if "\x00" in text:
            raise ValueError("NUL")
    except (UnicodeDecodeError, ValueError):
        raise DataInvalid([data_error("D140", f"{DELIVERIES} is geen tekst in UTF-8", CellPlace(shown),
                                      restore)]) from None
    records: list[tuple[int, list[str]]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    start = 1
    try:
        for record in reader:
            line, start = start, reader.line_num + 1
            if any(field.strip() for field in record):
                records.append((line, record))
    except csv.Error as exc:
        raise DataInvalid([data_error("D143", f"de CSV-opmaak klopt niet: {exc}", CellPlace(shown, start),
                                      "controleer de aanhalingstekens op deze regel; " + restore)]) from None
    if not records:
        raise DataInvalid([data_error("D141", f"{DELIVERIES} is leeg: er staat geen kopregel in",
                                      CellPlace(shown), restore)])
    header_line, header = records[0]
    if tuple(name.strip().casefold() for name in header) != DELIVERY_COLUMNS:
        raise DataInvalid([data_error("D142", f"de kopregel van {DELIVERIES} klopt niet",
                                      CellPlace(shown, header_line, 1),
                                      f"de kopregel is: {';'.join(DELIVERY_COLUMNS)}")])
    if len(records) == 1:
        raise DataInvalid([data_error("D141", f"{DELIVERIES} noemt geen enkele levering (alleen de "
                                      "kopregel)", CellPlace(shown, header_line), restore)])
    deliveries: list[Delivery] = []
    problems: list[Diagnostic] = []
    for line, record in records[1:]:
        delivery = _delivery(shown, line, record, deliveries, problems)
        if delivery is not None:
            deliveries.append(delivery)
    if problems:
        raise DataInvalid(problems)
    return deliveries


def _delivery(shown: str, line: int, record: list[str], earlier: list[Delivery],
              problems: list[Diagnostic]) -> Delivery | None:
    def place(name: str) -> CellPlace:
        return CellPlace(shown, line, DELIVERY_COLUMNS.index(name) + 1, None, name)

    if len(record) != len(DELIVERY_COLUMNS):
        more = len(record) > len(DELIVERY_COLUMNS)
        problems.append(data_error(
            "D143", f"deze regel heeft {aantal(len(record), 'veld', 'velden')}, "
            f"de kopregel {len(DELIVERY_COLUMNS)}",
            CellPlace(shown, line, len(DELIVERY_COLUMNS) + 1 if more else len(record)),
            "zet tekst met een puntkomma tussen aanhalingstekens" if more else
            f"elke regel heeft de velden {';'.join(DELIVERY_COLUMNS)}"))
        return None
    fields = dict(zip(DELIVERY_COLUMNS, (field.strip() for field in record), strict=True))
    found = len(problems)
    try:
        on = date.fromisoformat(fields["datum"]) if len(fields["datum"]) == 10 else None
    except ValueError:
        on = None
    if on is None:
        problems.append(data_error("D144", f"'{fields['datum']}' is geen datum (JJJJ-MM-DD)", place("datum"),
                                   "schrijf de datum van de levering als 2025-03-01"))
    if not fields["gemeente"]:
        problems.append(data_error("D145", "een levering zonder gemeente", place("gemeente"),
                                   "vul de gemeente in waarvan de cijfers zijn, bijvoorbeeld Hengelo"))
    counts: dict[str, int | None] = {}
    for name in ("nieuw", "herzien"):
        value = fields[name]
        if value and not (value.isascii() and value.isdigit()):
            problems.append(data_error("D146", f"'{value}' in kolom '{name}' is geen heel getal",
                                       place(name), f"schrijf het aantal rijen ({name}) als heel getal, "
                                       "bijvoorbeeld 3, of laat het leeg als het niet bekend is"))
        counts[name] = int(value) if value.isascii() and value.isdigit() else None
    if len(problems) > found or on is None:
        return None
    if earlier and on < earlier[-1].on:
        problems.append(data_error(
            "D147", f"deze levering ({on.isoformat()}) ligt vóór de vorige ({earlier[-1].on.isoformat()}, "
            f"regel {earlier[-1].line}); {DELIVERIES} wordt alleen aangevuld", place("datum"),
            "zet de regels op datum, oudste eerst, zoals lea import ze schrijft; "
            + _RESTORE.format(path=shown)))
        return None
    if earlier and fields["gemeente"].casefold() != earlier[0].municipality.casefold():
        problems.append(data_error(
            "D148", f"deze levering is van gemeente '{fields['gemeente']}', eerdere van "
            f"'{earlier[0].municipality}' (regel {earlier[0].line}); een gegevensmap bevat de cijfers "
            "van één gemeente", place("gemeente"),
            f"schrijf gemeente {earlier[0].municipality}, of zet de cijfers van {fields['gemeente']} in een "
            "eigen gegevensmap (lea import ... --data MAP)"))
        return None
    return Delivery(on=on, municipality=fields["gemeente"], file=fields["bestand"], added=counts["nieuw"],
                    revised=counts["herzien"], reason=fields["reden"], line=line)


def data_date(deliveries: list[Delivery] | None) -> str | None:
    """The data's own date: the latest delivery (ISO), or None when there is no log."""
    if not deliveries:
        return None
    return max(d.on for d in deliveries).isoformat()


def municipality_problem(data_dir: str | Path, agenda: Agenda, declared: str | None = None, *,
                         can_declare: bool = False) -> Diagnostic | None:
    """Why the rows in `data_dir` may not be read with `agenda`, or None when they may.

    The rows are the municipality's that leveringen.csv names. They are read with the agenda
    of that municipality, or, where the command allows it (`can_declare`: import and check),
    with another agenda when the user says whose rows they are (`declared`, --gemeente).
    Raises DataInvalid when the log itself has mistakes.
    """
    deliveries = load_deliveries(data_dir)
    if not deliveries:
        return None
    last = deliveries[-1]
    recorded = last.municipality
    place = CellPlace(str(deliveries_path(data_dir)), last.line, DELIVERY_COLUMNS.index("gemeente") + 1, None,
                      "gemeente")
    where = f"de gegevens in {data_dir} zijn van {recorded} (volgens {DELIVERIES})"
    if declared is not None:
        if declared.strip().casefold() == recorded.casefold():
            return None
        return data_error(
            "D512", f"--gemeente {declared} past niet bij de gegevensmap: {where}", place,
            f"zijn het cijfers van {recorded}? Schrijf dan --gemeente {recorded}. Zijn het cijfers van "
            f"{declared.strip()}? Zet ze dan in een eigen gegevensmap (--data MAP)")
    if recorded.casefold() == agenda.municipality.casefold():
        return None
    agenda_name = f"de agenda {agenda.path} is van {agenda.municipality}"
    own = default_data_dir(agenda.path)
    if Path(own).resolve() == Path(data_dir).resolve():
        other = (f"controleer {DELIVERIES} (git log -- {deliveries_path(data_dir)}); zijn het echt cijfers "
                 f"van {recorded}, zet ze dan in een eigen gegevensmap")
    else:
        other = f"gebruik de gegevensmap van {agenda.municipality} (zonder --data: {own})"
    if can_declare:
        return data_error(
            "D511", f"{where}, maar {agenda_name}", place,
            f"wil je cijfers van {recorded} tegen de indicatoren van deze agenda controleren (een "
            f"referentiereeks)? Zeg het erbij met --gemeente {recorded}. Zo niet: {other}")
    return data_error(
        "D510", f"{where}, maar {agenda_name}: de cijfers van {recorded} worden niet tegen de doelen "
        f"van {agenda.municipality} gelegd", place,
        f"{other}; voor de cijfers van {recorded} is een agenda van {recorded} nodig")


def check_municipality(data_dir: str | Path, agenda: Agenda, declared: str | None = None, *,
                       can_declare: bool = False) -> None:
    """Raise DataInvalid when `data_dir` holds another municipality's rows (see municipality_problem)."""
    problem = municipality_problem(data_dir, agenda, declared, can_declare=can_declare)
    if problem is not None:
        raise DataInvalid([problem])


def delivery_row(delivery: Delivery) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\n").writerow(
        [delivery.on.isoformat(), delivery.municipality, delivery.file,
         "" if delivery.added is None else str(delivery.added),
         "" if delivery.revised is None else str(delivery.revised), delivery.reason])
    return buffer.getvalue()


def appended_log(data_dir: str | Path, delivery: Delivery) -> str:
    """The new text of leveringen.csv: the old text unchanged, one row added (append-only)."""
    path = deliveries_path(data_dir)
    if path.is_file():
        old = path.read_bytes().decode("utf-8-sig")
        if old and not old.endswith("\n"):
            old += "\n"
    else:
        old = ";".join(DELIVERY_COLUMNS) + "\n"
    return old + delivery_row(delivery)


OTHER_MUNICIPALITY = frozenset({"D510", "D511", "D512"})


def data_folder_verdict(problems: list[Diagnostic], data_dir: str | Path) -> str:
    """The closing line after data problems: another municipality's rows are not "fouten"."""
    if problems and all(p.code in OTHER_MUNICIPALITY for p in problems):
        return f"de gegevens in {data_dir} zijn niet van de gemeente van de agenda"
    return f"de gegevens in {data_dir} hebben fouten"
