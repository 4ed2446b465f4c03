"""lea import: good files go in; every malformed file gets its located error and changes nothing."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from lea_rules.api import load_agenda
from lea_rules.cli import main
from lea_rules.data.importer import import_file
from lea_rules.data.problems import DataInvalid
from lea_rules.data.store import load_observations, load_revisions

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "data_cases" / "import"
AGENDA = str(ROOT / "agendas" / "hengelo.lea")

# case file -> (code, line, column or None, words the message or help must contain)
CSV_CASES: dict[str, tuple[str, int | None, int | None, str]] = {
    "wrong_delimiter_tab.csv": ("D106", 1, 1, "tab"),
    "wrong_delimiter_pipe.csv": ("D106", 1, 1, "'|'"),
    "comma_with_decimal_comma.csv": ("D108", 2, 5, "decimale komma"),
    "english_decimal.csv": ("D222", 2, 3, "2,5"),
    "mixed_notation.csv": ("D222", 2, 3, "Engelse notatie"),
    "percent_185.csv": ("D224", 2, 3, "185"),
    "negative_count.csv": ("D224", 2, 3, "negatief"),
    "unknown_indicator_near_miss.csv": ("D201", 2, 1, "bedoelde je 'thuiszitters'"),
    "schooljaar_2024_2026.csv": ("D212", 2, 2, "2024/2025"),
    "duplicate_rows.csv": ("D205", 3, 1, "rij 2"),
    "unit_does_not_fit.csv": ("D221", 2, 3, "percentage"),
    "euro_for_percent.csv": ("D221", 2, 3, "euro"),
    "empty.csv": ("D107", None, None, "leeg"),
    "header_only.csv": ("D230", None, None, "geen enkele waarde"),
    "calendar_year_for_school_year.csv": ("D214", 2, 2, "schooljaar"),
    "school_year_for_calendar_year.csv": ("D214", 2, 2, "kalenderjaar"),
    "impossible_date.csv": ("D211", 2, 2, "geen bestaande datum"),
    "misspelled_month.csv": ("D216", 2, 2, "januari"),
    "derived_indicator.csv": ("D202", 2, 1, "afgeleide"),
    "missing_period.csv": ("D215", 2, 2, "periode ontbreekt"),
    "missing_source.csv": ("D204", 2, 4, "bron ontbreekt"),
    "not_whole_count.csv": ("D223", 2, 3, "heel getal"),
    "bad_status.csv": ("D207", 2, 5, "definitief"),
    "per_unit_without_unit.csv": ("D203", 2, 3, "IKC"),
    "yes_no_not_yes_no.csv": ("D225", 2, 4, "ja of nee"),
    "rating_not_allowed.csv": ("D226", 2, 3, "goed"),
    "unknown_column.csv": ("D120", 1, 5, "toelichting"),
    "missing_required_column.csv": ("D122", 1, 1, "periode"),
    "illustrative_without_note.csv": ("D206", 2, 5, "illustratief"),
    "revision_without_reason.csv": ("D301", 2, 3, "--reden"),
    "year_out_of_range.csv": ("D210", 2, 2, "1850"),
    "too_many_fields.csv": ("D108", 2, 5, "te veel"),
    "yes_no_for_number.csv": ("D220", 2, 3, "getal"),
}


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    target = tmp_path / "data" / "hengelo"
    shutil.copytree(ROOT / "data" / "hengelo", target)
    return target


def run_import(file: Path, data_dir: Path, capsys: pytest.CaptureFixture[str],
               *extra: str) -> tuple[int, str]:
    code = main(["import", str(file), "--agenda", AGENDA, "--data", str(data_dir), *extra])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_there_are_at_least_thirty_malformed_files() -> None:
    progress = list((ROOT / "tests" / "data_cases" / "progress").glob("*.yaml"))
    assert len(CSV_CASES) + len(XLSX_CASES) + len(progress) >= 30
    assert sorted(p.name for p in CASES.glob("*.csv")) == sorted(CSV_CASES)


@pytest.mark.parametrize("name", sorted(CSV_CASES))
def test_malformed_csv_is_refused_with_its_place(name: str, data_dir: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    code_expected, line, column, words = CSV_CASES[name]
    before = snapshot(data_dir.parent)
    file = CASES / name
    code, output = run_import(file, data_dir, capsys)
    assert code == 1, output
    assert f"fout[{code_expected}]" in output, output
    place = str(file) + (f":{line}" if line else "") + (f":{column}" if column else "")
    assert f"--> {place}" in output, output
    assert words in output, output
    assert "Traceback" not in output
    assert "er is niets veranderd" in output
    assert snapshot(data_dir.parent) == before


def _xlsx_empty(path: Path) -> None:
    Workbook().save(path)


def _xlsx_merged(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["indicator", "periode", "waarde", "bron"])
    ws.append(["thuiszitters", "2025/2026", 12, "samenwerkingsverband"])
    ws.append(["", "", 11, "samenwerkingsverband"])
    ws.merge_cells("A2:A3")
    wb.save(path)


def _xlsx_formula(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["indicator", "periode", "waarde", "bron"])
    ws.append(["thuiszitters", "2025/2026", "=10+2", "samenwerkingsverband"])
    wb.save(path)


def _xlsx_percent_185(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["indicator", "periode", "waarde", "bron"])
    ws.append(["vsv-percentage", "2025/2026", 1.85, "DUO"])
    ws["C2"].number_format = "0%"
    wb.save(path)


def _xlsx_english_text(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Cijfers"
    ws.append(["indicator", "periode", "waarde", "bron"])
    ws.append(["vsv-percentage", "2025/2026", "2.5", "DUO"])
    wb.save(path)


def _not_a_spreadsheet(path: Path) -> None:
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def _text_named_xlsx(path: Path) -> None:
    path.write_text("dit is gewoon tekst, geen werkmap\n", encoding="utf-8")


def _damaged_workbook(path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:  # a zip file, but no workbook inside
        archive.writestr("leesmij.txt", "geen werkmap")


def _old_xls(path: Path) -> None:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)


# builder, file name, code, place suffix, words
XLSX_CASES = {
    "empty_sheet": (_xlsx_empty, "leeg.xlsx", "D107", ", blad 'Sheet'", "leeg"),
    "merged_cells": (_xlsx_merged, "samengevoegd.xlsx", "D110", ", blad 'Sheet', rij 2, kolom A", "A2:A3"),
    "formula": (_xlsx_formula, "formule.xlsx", "D111", ", blad 'Sheet', rij 2, kolom C",
                "formule in plaats van waarde"),
    "percent_cell_185": (_xlsx_percent_185, "procent.xlsx", "D224", ", blad 'Sheet', rij 2, kolom C (waarde)",
                         "185"),
    "english_text": (_xlsx_english_text, "engels.xlsx", "D222", ", blad 'Cijfers', rij 2, kolom C (waarde)",
                     "2,5"),
    "not_a_spreadsheet": (_not_a_spreadsheet, "plaatje.csv", "D104", "", "geen spreadsheet"),
    "text_named_xlsx": (_text_named_xlsx, "tekst.xlsx", "D103", "", "geen Excel-bestand"),
    "old_xls": (_old_xls, "oud.xls", "D102", "", ".xlsx"),
    "damaged_workbook": (_damaged_workbook, "kapot.xlsx", "D112", "", "geen leesbaar Excel-bestand"),
}


@pytest.mark.parametrize("case", sorted(XLSX_CASES))
def test_malformed_workbook_is_refused_with_its_place(case: str, data_dir: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    build, name, code_expected, suffix, words = XLSX_CASES[case]
    file = tmp_path / name
    build(file)
    before = snapshot(data_dir.parent)
    code, output = run_import(file, data_dir, capsys)
    assert code == 1, output
    assert f"fout[{code_expected}]" in output, output
    assert f"--> {file}{suffix}" in output, output
    assert words in output, output
    assert snapshot(data_dir.parent) == before


def test_every_problem_in_a_file_is_reported(data_dir: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "veel.csv"
    file.write_text("indicator;periode;waarde;bron\nthuiszitter;2025/2026;12;x\n"
                    "vsv-percentage;2025/2026;185%;x\nthuiszitters;2024/2026;3;x\n", encoding="utf-8")
    code, output = run_import(file, data_dir, capsys)
    assert code == 1
    assert all(f"fout[{c}]" in output for c in ("D201", "D224", "D212"))
    assert "3 fouten" in output


def test_good_csv_semicolon_is_imported_sorted_and_reimport_is_a_noop(
        data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "nieuw.csv"
    file.write_text("indicator;periode;waarde;bron;status\n"
                    "thuiszitters;2025/2026;12;samenwerkingsverbanden, overzicht 2026;voorlopig\n"
                    "vve-bereik;1 januari 2026;84,0%;VVE-monitor 2026\n"
                    "zomerschool-deelnemers;2026;1.250;registratie zomerschool\n", encoding="utf-8")
    code, output = run_import(file, data_dir, capsys)
    assert code == 0, output
    assert "3 nieuw" in output
    text = (data_dir / "observaties.csv").read_text(encoding="utf-8")
    assert "thuiszitters;2025/2026;;12;samenwerkingsverbanden, overzicht 2026;voorlopig;;;" in text
    assert "vve-bereik;2026-01-01;;84;VVE-monitor 2026;definitief;;;" in text
    assert "zomerschool-deelnemers;2026;;1.250;" in text
    lines = text.splitlines()[1:]
    agenda = load_agenda(AGENDA)
    stored = load_observations(data_dir, agenda)
    assert [o.indicator.casefold() for o in stored] == sorted(o.indicator.casefold() for o in stored)
    assert len(lines) == len(stored)
    after = snapshot(data_dir)
    code, output = run_import(file, data_dir, capsys)
    assert code == 0
    assert "niets veranderd" in output
    assert snapshot(data_dir) == after


def test_comma_separated_windows_1252_with_quoted_decimal(data_dir: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "excel.csv"
    file.write_bytes('indicator,periode,waarde,bron,toelichting\r\n'
                     'vsv-percentage,2025-2026,"2,1",DUO,"één cijfer, café"\r\n'.encode("cp1252"))
    code, output = run_import(file, data_dir, capsys)
    assert code == 0, output
    obs = [o for o in load_observations(data_dir, load_agenda(AGENDA)) if o.period.text == "2025/2026"]
    assert obs[0].note == "één cijfer, café"
    assert str(obs[0].value) == "2.1"


def test_utf8_bom_is_accepted(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "bom.csv"
    file.write_bytes("\ufeffindicator;periode;waarde;bron\nthuiszitters;2025/2026;9;SWV\n".encode())
    code, output = run_import(file, data_dir, capsys)
    assert code == 0, output


def test_xlsx_with_percent_cell_and_date_cell(data_dir: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["indicator", "periode", "waarde", "bron"])
    ws.append(["vve-bereik", date(2026, 1, 1), 0.85, "VVE-monitor"])
    ws["C2"].number_format = "0.0%"
    ws.append(["zomerschool-deelnemers", 2026, 120, "registratie"])
    file = tmp_path / "goed.xlsx"
    wb.save(file)
    code, output = run_import(file, data_dir, capsys)
    assert code == 0, output
    stored = {(o.indicator, o.period.text): o for o in load_observations(data_dir, load_agenda(AGENDA))}
    assert str(stored[("vve-bereik", "2026-01-01")].value) == "85"
    assert str(stored[("zomerschool-deelnemers", "2026")].value) == "120"


def test_changed_value_needs_a_reason_and_keeps_the_old_value(
        data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = CASES / "revision_without_reason.csv"
    code, output = run_import(file, data_dir, capsys, "--reden", "definitieve telling samenwerkingsverband")
    assert code == 0, output
    assert "herzien" in output and "waarde: 15 → 13" in output
    revisions = load_revisions(data_dir)
    assert len(revisions) == 1
    rev = revisions[0]
    assert (rev.indicator, rev.period.text, rev.old, rev.new) == ("thuiszitters", "2024/2025", "15", "13")
    assert rev.reason == "definitieve telling samenwerkingsverband"
    assert rev.file == "revision_without_reason.csv"
    # The old row is on record in full: every field that changed, old → new.
    assert rev.change is not None
    assert rev.change.startswith("waarde: 15 → 13; bron: 'illustratief voorbeeld, geen bron' → "
                                 "'samenwerkingsverband'; status: voorlopig → definitief; "
                                 "illustratief: 1 → 0")
    code, output = run_import(file, data_dir, capsys)
    assert code == 0 and "niets veranderd" in output


STORED_ILLUSTRATIVE = ("vsv-percentage;2024/2025;;2,34;illustratief voorbeeld, geen bron;voorlopig;1;;"
                       "illustratief: verzonnen voorbeeldcijfer voor de demo")


def _stored_row(data_dir: Path, indicator: str, period: str) -> list[str]:
    for line in (data_dir / "observaties.csv").read_text(encoding="utf-8").splitlines():
        fields = line.split(";")
        if fields[:2] == [indicator, period] and not fields[2]:
            return fields
    raise AssertionError(f"{indicator} {period} staat niet in observaties.csv")


def _same_row_except(data_dir: Path, tmp_path: Path, indicator: str, period: str,
                     **changes: str) -> Path:
    """An import file that repeats the stored row, with some of its columns changed."""
    from lea_rules.data.rows import COLUMNS

    fields = dict(zip(COLUMNS, _stored_row(data_dir, indicator, period), strict=True))
    fields.update(changes)
    file = tmp_path / "wijziging.csv"
    file.write_text(";".join(COLUMNS) + "\n" + ";".join(fields.values()) + "\n", encoding="utf-8")
    return file


def test_identical_reimport_of_a_stored_row_is_a_noop(data_dir: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    file = _same_row_except(data_dir, tmp_path, "vsv-percentage", "2024/2025")
    before = snapshot(data_dir)
    code, output = run_import(file, data_dir, capsys)
    assert code == 0, output
    assert "niets veranderd" in output
    assert snapshot(data_dir) == before


@pytest.mark.parametrize(("column", "new", "shown", "cell"), [
    ("bron", "DUO, tabel 3", "bron: 'illustratief voorbeeld, geen bron' → 'DUO, tabel 3'", 5),
    ("status", "definitief", "status: voorlopig → definitief", 6),
    ("illustratief", "0", "illustratief: 1 → 0", 7),
    ("reeks", "nieuwe definitie 2024", "reeks: (leeg) → 'nieuwe definitie 2024'", 8),
    ("toelichting", "illustratief: ander voorbeeld",
     "toelichting: 'illustratief: verzonnen voorbeeldcijfer voor de demo' → 'illustratief: ander voorbeeld'",
     9),
])
def test_changed_details_are_refused_without_reason(column: str, new: str, shown: str, cell: int,
                                                    data_dir: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """Same value, other source/status/flag/series/note: refused, located, nothing written."""
    file = _same_row_except(data_dir, tmp_path, "vsv-percentage", "2024/2025", **{column: new})
    before = snapshot(data_dir.parent)
    code, output = run_import(file, data_dir, capsys)
    assert code == 1, output
    assert "fout[D301]" in output
    assert shown in output, output
    assert "waarde:" not in output.split("fout[D301]")[1].split("-->")[0]  # the value did not change
    assert f"--> {file}:2:{cell} (kolom '{column}')" in output, output
    assert "--reden" in output and "revisies.csv" in output
    assert "er is niets veranderd" in output
    assert snapshot(data_dir.parent) == before  # byte for byte
    assert _stored_row(data_dir, "vsv-percentage", "2024/2025") == STORED_ILLUSTRATIVE.split(";")


def test_illustrative_to_real_needs_a_reason(data_dir: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """Turning a made-up figure into a real one (illustratief 1 → 0) is never silent."""
    file = tmp_path / "echt.csv"
    # No illustratief column at all: absent means 0, so this also changes the stored 1.
    file.write_text("indicator;periode;waarde;bron;status;toelichting\n"
                    "vsv-percentage;2024/2025;2,34;illustratief voorbeeld, geen bron;voorlopig;"
                    "illustratief: verzonnen voorbeeldcijfer voor de demo\n", encoding="utf-8")
    before = snapshot(data_dir.parent)
    code, output = run_import(file, data_dir, capsys)
    assert code == 1, output
    assert "fout[D301]" in output and "illustratief: 1 → 0" in output
    assert "kolom 'illustratief' staat niet in het bestand" in output
    assert f"--> {file}:2\n" in output  # the row; the column is not in the file
    assert snapshot(data_dir.parent) == before
    code, output = run_import(file, data_dir, capsys, "--reden", "cijfer bevestigd door DUO")
    assert code == 0, output
    assert "1 herzien" in output and "illustratief: 1 → 0" in output
    stored = [o for o in load_observations(data_dir, load_agenda(AGENDA))
              if (o.indicator, o.period.text) == ("vsv-percentage", "2024/2025")]
    assert len(stored) == 1 and not stored[0].illustrative
    rev = load_revisions(data_dir)[-1]
    assert (rev.indicator, rev.period.text, rev.old, rev.new) == (
        "vsv-percentage", "2024/2025", "2,34", "2,34")
    assert rev.change == "illustratief: 1 → 0" and rev.reason == "cijfer bevestigd door DUO"


def test_every_change_in_one_file_is_reported(data_dir: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "twee.csv"
    file.write_text("indicator;periode;waarde;bron;status;illustratief;toelichting\n"
                    "thuiszitters;2024/2025;15;SWV;voorlopig;1;illustratief: verzonnen voorbeeldcijfer voor "
                    "de demo\nthuiszitters;2023/2024;14;illustratief voorbeeld, geen bron;definitief;1;"
                    "illustratief: verzonnen voorbeeldcijfer voor de demo\n", encoding="utf-8")
    code, output = run_import(file, data_dir, capsys)
    assert code == 1
    assert output.count("fout[D301]") == 2
    assert "bron: 'illustratief voorbeeld, geen bron' → 'SWV'" in output
    assert "status: voorlopig → definitief" in output
    assert "2 fouten" in output


def test_old_revisions_file_without_change_column_still_loads(data_dir: Path, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    legacy = ("indicator;periode;eenheid;oud;nieuw;reden;datum;bestand\n"
              "thuiszitters;2023/2024;;12;14;telling herzien;2025-03-01;oud.csv\n")
    (data_dir / "revisies.csv").write_text(legacy, encoding="utf-8")
    [rev] = load_revisions(data_dir)
    assert (rev.old, rev.new, rev.change, rev.revised_on) == ("12", "14", None, date(2025, 3, 1))
    code, output = run_import(CASES / "revision_without_reason.csv", data_dir, capsys, "--reden", "DUO")
    assert code == 0, output
    text = (data_dir / "revisies.csv").read_text(encoding="utf-8").splitlines()
    assert text[0] == "indicator;periode;eenheid;oud;nieuw;reden;datum;bestand;wijziging"
    assert text[1] == "thuiszitters;2023/2024;;12;14;telling herzien;2025-03-01;oud.csv;"
    revisions = load_revisions(data_dir)
    assert [r.old for r in revisions] == ["12", "15"]
    assert revisions[1].change is not None and revisions[1].change.startswith("waarde: 15 → 13")


def test_revisions_file_with_a_wrong_header_is_refused(data_dir: Path) -> None:
    (data_dir / "revisies.csv").write_text("indicator;periode;oud;nieuw\n", encoding="utf-8")
    with pytest.raises(DataInvalid) as info:
        load_revisions(data_dir)
    assert info.value.problems[0].code == "D130"


def test_dry_run_writes_nothing(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(data_dir)
    code, output = run_import(CASES / "revision_without_reason.csv", data_dir, capsys, "--reden", "x",
                              "--dry-run")
    assert code == 0
    assert "Niets geschreven" in output
    assert snapshot(data_dir) == before


def test_interrupted_write_leaves_previous_files(data_dir: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import lea_rules.atomic as atomic

    before = snapshot(data_dir)
    file = tmp_path / "nieuw.csv"
    file.write_text("indicator;periode;waarde;bron\nthuiszitters;2025/2026;12;SWV\n", encoding="utf-8")

    def crash(src: str, dst: object) -> None:
        raise OSError("schijf vol")

    monkeypatch.setattr(atomic.os, "replace", crash)
    with pytest.raises(OSError):
        import_file(file, load_agenda(AGENDA), data_dir)
    after = snapshot(data_dir)
    after.pop(".lea-import.lock", None)  # the (empty) lock file of a writing import stays
    assert after == before  # no temp files left behind either


def test_stored_data_with_a_mistake_blocks_import(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = data_dir / "observaties.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(";14;", ";veertien;", 1), encoding="utf-8")
    before = snapshot(data_dir)
    code, output = run_import(CASES / "revision_without_reason.csv", data_dir, capsys)
    assert code == 1
    assert "observaties.csv:" in output and "fout[D222]" in output
    assert snapshot(data_dir) == before


def test_stored_file_that_is_not_utf8_blocks_import(data_dir: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    path = data_dir / "observaties.csv"
    path.write_bytes(path.read_bytes() + "café\n".encode("cp1252"))  # saved by Excel as Windows-1252
    before = snapshot(data_dir)
    code, output = run_import(CASES / "revision_without_reason.csv", data_dir, capsys)
    assert code == 1
    assert "fout[D124]" in output and "geen geldige UTF-8" in output and "observaties.csv:" in output
    assert snapshot(data_dir) == before


def test_usage_errors_exit_2(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, output = run_import(CASES / "bestaat-niet.csv", data_dir, capsys)
    assert code == 2 and "niet gevonden" in output
    code = main(["import", str(CASES / "english_decimal.csv"), "--agenda", "geen-agenda"])
    assert code == 2


def test_library_raises_domain_error() -> None:
    with pytest.raises(DataInvalid) as info:
        import_file(CASES / "percent_185.csv", load_agenda(AGENDA), ROOT / "data" / "hengelo", dry_run=True)
    assert info.value.problems[0].code == "D224"
