"""Readers: CSV (comma or semicolon; UTF-8, with or without BOM, or Windows-1252) and XLSX to tables.

Everything a reader cannot make sense of becomes a located Diagnostic; nothing raises
past `read_tables` except DataInvalid.
"""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime, time
from pathlib import Path

from lea_rules.data.problems import DataInvalid, data_error
from lea_rules.data.table import Cell, Table
from lea_rules.diagnostics import CellPlace, Diagnostic

MAX_BYTES = 20 * 1024 * 1024
"""A delivery is an uitvraag of some hundred rows; 20 MB is far beyond any real one."""
MAX_SHEET_ROWS = 100_000
"""Rows per worksheet; counted before the workbook is loaded, so a huge sheet is refused in
seconds instead of minutes and gigabytes."""
SKIPPED_SHEETS = ("toelichting", "uitleg", "instructie", "instructies", "lees mij", "leesmij")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # old .xls (Excel 97-2003)


def _fail(code: str, message: str, place: CellPlace, help: str | None = None) -> DataInvalid:
    return DataInvalid([data_error(code, message, place, help)])


def read_tables(path: Path, display: str | None = None) -> list[Table]:
    """The tables in a CSV or XLSX file; DataInvalid when the file is not one."""
    shown = display or str(path)
    data = path.read_bytes()
    if len(data) > MAX_BYTES:
        raise _fail("D101", f"het bestand is {len(data) / 1_048_576:.1f} MB; een gegevensbestand is "
                    f"hooguit {MAX_BYTES // 1_048_576} MB", CellPlace(shown),
                    "controleer of dit het goede bestand is")
    if data.startswith(_OLE_MAGIC):
        raise _fail("D102", "dit is een oud Excel-bestand (.xls); lea leest .xlsx en .csv",
                    CellPlace(shown), "open het in Excel en kies Opslaan als > Excel-werkmap (.xlsx)")
    if data.startswith(_ZIP_MAGIC):
        return read_xlsx(path, shown)
    if path.suffix.casefold() in (".xlsx", ".xlsm"):
        raise _fail("D103", "dit is geen Excel-bestand (.xlsx): de inhoud is geen werkmap",
                    CellPlace(shown), "sla het bestand in Excel op als Excel-werkmap (.xlsx) of als CSV")
    return [read_csv_bytes(data, shown)]


def decode_text(data: bytes, shown: str, strict_utf8: bool = False) -> str:
    """UTF-8 with or without BOM; else Windows-1252, as Excel writes a plain CSV."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or _looks_utf16(data[:4096]):
        raise _fail("D105", "het bestand is opgeslagen als UTF-16 (in Excel: 'Unicode-tekst'); lea leest "
                    "UTF-8", CellPlace(shown), "sla het op als CSV UTF-8 (in Excel: Opslaan als > CSV UTF-8 "
                    "(door komma's gescheiden))")
    if b"\x00" in data[:4096] or data.startswith(b"%PDF"):
        raise _fail("D104", "dit is geen spreadsheet of tekstbestand (het bevat binaire gegevens)",
                    CellPlace(shown), "lever een .xlsx-bestand of een CSV-bestand aan")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if strict_utf8:
            line = data.count(b"\n", 0, exc.start) + 1
            raise _fail("D124", f"byte 0x{data[exc.start]:02x} is geen geldige UTF-8",
                        CellPlace(shown, line), "sla het bestand op als UTF-8") from None
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise _fail("D105", "de tekens in het bestand zijn geen UTF-8 en geen Windows-1252",
                    CellPlace(shown, line), "sla het bestand op als CSV UTF-8 (in Excel: Opslaan als > "
                    "CSV UTF-8 (door komma's gescheiden))") from None


def _looks_utf16(head: bytes) -> bool:
    """UTF-16 without BOM: text whose every other byte is NUL."""
    if len(head) < 8:
        return False
    return head[1::2].count(0) > len(head) // 4 or head[0::2].count(0) > len(head) // 4


def _quote_problem(line: str, sep: str) -> tuple[int, str, str] | None:
    """(column, message, help) for the first badly quoted field of one line, or None.

    A field is either unquoted, without any quote mark in it, or quoted from its first to
    its last character, with a quote inside written twice. Anything else, and a quote that
    is not closed on its own line, would make the reader join or split fields silently.
    """
    i, n = 0, len(line)
    while i <= n:
        if line.startswith('"', i):
            j = i + 1
            while True:
                k = line.find('"', j)
                if k < 0:
                    return (i + 1, "het aanhalingsteken aan het begin van dit veld wordt op deze regel niet "
                            "gesloten", 'sluit het veld af met een aanhalingsteken, of haal het weg')
                if line.startswith('"', k + 1):
                    j = k + 2
                    continue
                break
            end = k + 1
            if end < n and line[end] != sep:
                return (end + 1, "na het sluitende aanhalingsteken staat nog tekst in hetzelfde veld",
                        'zet het hele veld tussen aanhalingstekens en schrijf een aanhalingsteken in de '
                        'tekst dubbel: "tekst met ""aanhalingstekens"""')
            i = end + 1
            continue
        k = line.find(sep, i)
        field = line[i:] if k < 0 else line[i:k]
        if '"' in field:
            return (i + field.index('"') + 1, "een los aanhalingsteken in een veld zonder aanhalingstekens",
                    'zet het veld tussen aanhalingstekens en schrijf het aanhalingsteken dubbel: '
                    '"tekst met ""aanhalingstekens"""')
        if k < 0:
            return None
        i = k + 1
    return None


def _field_number(line: str, sep: str, column: int) -> int:
    """The 1-based field of `line` that character `column` (1-based) lies in."""
    field, quoted = 1, False
    for char in line[: column - 1]:
        if char == '"':
            quoted = not quoted
        elif char == sep and not quoted:
            field += 1
    return field


def _delimiter(first_line: str, shown: str, line_no: int) -> str:
    counts = {d: 0 for d in (";", ",", "\t", "|")}
    quoted = False
    for ch in first_line:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    if counts[";"]:
        return ";"
    if counts[","]:
        return ","
    found = "een tab" if counts["\t"] else "'|'" if counts["|"] else None
    message = (f"de kopregel is gescheiden door {found}; lea verwacht een puntkomma (;) of komma (,)"
               if found else "in de kopregel staat geen puntkomma (;) of komma (,) tussen de kolommen")
    raise _fail("D106", message, CellPlace(shown, line_no, 1),
                "sla het bestand op als CSV met puntkomma's: indicator;periode;waarde;...")


def read_csv_bytes(data: bytes, shown: str, strict_utf8: bool = False,
                   delimiter: str | None = None) -> Table:
    text = decode_text(data, shown, strict_utf8)
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise _fail("D107", "het bestand is leeg: er staat geen kopregel en geen gegevens in",
                    CellPlace(shown), "vul het uitvraagbestand in (lea template maakt er een)")
    declared = lines[first].strip()
    if delimiter is None and len(declared) == 5 and declared.casefold().startswith("sep="):
        # Excel's `sep=;` line names the delimiter; it is no header. Blank it, keeping line numbers.
        delimiter = declared[4]
        lines[first] = ""
        text = "\n".join(lines) + "\n"
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        if first is None:
            raise _fail("D107", "het bestand is leeg: er staat geen kopregel en geen gegevens in",
                        CellPlace(shown), "vul het uitvraagbestand in (lea template maakt er een)")
    sep = delimiter or _delimiter(lines[first], shown, first + 1)
    problems: list[Diagnostic] = []
    header = [name.strip().strip('"') for name in lines[first].split(sep)]
    for number, physical in enumerate(lines, 1):
        bad = _quote_problem(physical, sep)
        if bad is not None:
            # Like every CSV problem: the field (column) it is in, and that column's name.
            field = _field_number(physical, sep, bad[0])
            name = header[field - 1] if number - 1 != first and field <= len(header) else None
            problems.append(data_error("D109", f"de CSV-opmaak klopt niet: {bad[1]}",
                                       CellPlace(shown, number, field, None, name or None), bad[2]))
    if problems:
        raise DataInvalid(problems)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True)
    table: Table | None = None
    start = 1
    try:
        for record in reader:
            line = start
            start = reader.line_num + 1
            if not any(field.strip() for field in record):
                continue
            cells = [Cell(field, line, i + 1) for i, field in enumerate(record)]
            if table is None:
                table = Table(shown, cells)
                continue
            if len(cells) > len(table.header):
                extra = len(cells) - len(table.header)
                hint = ("staat er een decimale komma in een getal? Zet dan een puntkomma tussen "
                        "de kolommen, of het getal tussen aanhalingstekens" if sep == "," else
                        "verwijder de extra velden of zet tekst met een puntkomma tussen aanhalingstekens")
                problems.append(data_error(
                    "D108", f"deze rij heeft {len(cells)} velden, de kopregel {len(table.header)} "
                    f"({extra} te veel)", CellPlace(shown, line, len(table.header) + 1), hint))
                continue
            table.rows.append(cells)
    except csv.Error as exc:
        problems.append(data_error("D109", f"de CSV-opmaak klopt niet: {exc}", CellPlace(shown, start),
                                   "controleer de aanhalingstekens op deze regel"))
    if problems:
        raise DataInvalid(problems)
    assert table is not None
    return table


def _sheet_rows(path: Path) -> dict[str, int]:
    """Rows per worksheet, counted from the sheet XML without loading the workbook; a sheet is
    counted only up to just past the limit. {} when the file is not a workbook lea can read
    this way (the full load then reports it)."""
    import re

    counts: dict[str, int] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            book = archive.read("xl/workbook.xml").decode("utf-8", "replace")
            rels = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
            targets = {m.group(1): m.group(2) for m in re.finditer(
                r'<Relationship\b[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"', rels)}
            targets.update({m.group(2): m.group(1) for m in re.finditer(
                r'<Relationship\b[^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"', rels)})
            for sheet in re.finditer(r'<(?:\w+:)?sheet\b[^>]*?name="([^"]*)"[^>]*?r:id="([^"]+)"', book):
                target = targets.get(sheet.group(2), "")
                name = target.lstrip("/") if target.startswith("/") else "xl/" + target
                rows, tail = 0, b""
                with archive.open(name) as stream:
                    while rows <= MAX_SHEET_ROWS:
                        chunk = stream.read(1 << 20)
                        if not chunk:
                            break
                        data = tail + chunk
                        rows += len(re.findall(rb"<(?:\w+:)?row[ >]", data))
                        tail = data[-16:]
                        rows -= len(re.findall(rb"<(?:\w+:)?row[ >]", tail))
                counts[sheet.group(1)] = rows
    except (KeyError, OSError, zipfile.BadZipFile, RuntimeError, ValueError):
        return {}
    return counts


def _refuse_huge_sheets(path: Path, shown: str) -> None:
    """A sheet of 600.000 rows is refused in about a second, before openpyxl loads it whole."""
    for title, rows in _sheet_rows(path).items():
        if title.strip().casefold() in SKIPPED_SHEETS or rows <= MAX_SHEET_ROWS:
            continue
        raise _fail("D113", f"werkblad '{title}' heeft meer dan {MAX_SHEET_ROWS:,} rijen; een "
                    "gegevensbestand heeft er hooguit zoveel".replace(",", "."),
                    CellPlace(shown, MAX_SHEET_ROWS + 1, None, title),
                    "lever alleen de uitvraag aan (lea template), of verdeel de gegevens over meer bestanden")


def read_xlsx(path: Path, shown: str) -> list[Table]:
    from openpyxl import load_workbook

    _refuse_huge_sheets(path, shown)

    try:
        # data_only=False: a formula stays a formula, so it can be refused instead of silently
        # read as a cached (or missing) result.
        workbook = load_workbook(path, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise _fail("D112", f"dit is geen leesbaar Excel-bestand (.xlsx): {type(exc).__name__}",
                    CellPlace(shown), "open het in Excel en sla het opnieuw op als Excel-werkmap (.xlsx)"
                    ) from None
    except Exception as exc:  # openpyxl raises its own InvalidFileException and others
        raise _fail("D112", f"dit is geen leesbaar Excel-bestand (.xlsx): {exc}", CellPlace(shown),
                    "open het in Excel en sla het opnieuw op als Excel-werkmap (.xlsx)") from None
    tables: list[Table] = []
    problems: list[Diagnostic] = []
    for sheet in workbook.worksheets:
        if sheet.title.strip().casefold() in SKIPPED_SHEETS:
            continue
        for merged in sorted(sheet.merged_cells.ranges, key=lambda r: (r.min_row, r.min_col)):
            problems.append(data_error(
                "D110", f"samengevoegde cellen {merged.coord}: lea leest elke cel apart",
                CellPlace(shown, merged.min_row, merged.min_col, sheet.title),
                "hef de samenvoeging op (Start > Samenvoegen en centreren) en vul elke cel"))
        table: Table | None = None
        for row in sheet.iter_rows():
            cells: list[Cell] = []
            for cell in row:
                value = cell.value
                if cell.data_type == "f" or (isinstance(value, str) and value.startswith("=")):
                    problems.append(data_error(
                        "D111", "formule in plaats van waarde",
                        CellPlace(shown, cell.row, cell.column, sheet.title),
                        "plak de waarden als tekst/getal (Plakken speciaal > Waarden)"))
                    value = None
                if isinstance(value, time):
                    value = value.isoformat()
                elif isinstance(value, datetime | date):
                    value = value
                cells.append(Cell(value, cell.row, cell.column,
                                  "%" in str(cell.number_format or "")))
            if not any(c.text for c in cells):
                continue
            while cells and not cells[-1].text:
                cells.pop()
            if table is None:
                table = Table(shown, cells, sheet=sheet.title)
            else:
                table.rows.append(cells)
        if table is not None:
            tables.append(table)
    if problems:
        raise DataInvalid(problems)
    if not tables:
        names = ", ".join(f"'{ws.title}'" for ws in workbook.worksheets)
        raise _fail("D107", f"het bestand bevat geen gegevens: werkblad {names} is leeg",
                    CellPlace(shown, sheet=workbook.worksheets[0].title if workbook.worksheets else None),
                    "vul het uitvraagbestand in (lea template maakt er een)")
    return tables
