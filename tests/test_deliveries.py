"""leveringen.csv: the data's own date and whose rows they are (issue 8, requirements 4 and 5).

Every import that changes the store appends one row to leveringen.csv, in the same atomic
step as observaties.csv. The latest `datum` is the "stand van de gegevens"; the `gemeente`
keeps one municipality's figures from being judged against another municipality's agenda.
"""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from lea_rules.cli import main

ROOT = Path(__file__).resolve().parent.parent
AGENDA = str(ROOT / "agendas" / "hengelo.lea")
HEADER = "datum;gemeente;bestand;nieuw;herzien;reden\n"
EPOCH_2027_03_01 = str(int(datetime(2027, 3, 1, 12, tzinfo=UTC).timestamp()))


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.fixture
def import_file(tmp_path: Path) -> Path:
    file = tmp_path / "cijfers.csv"
    file.write_text("indicator;periode;waarde;bron\nleerplichtigen;2019/2020;10.500;Jaarverslag (test)\n",
                    encoding="utf-8")
    return file


@pytest.fixture
def hengelo(tmp_path: Path) -> Path:
    target = tmp_path / "data" / "hengelo"
    shutil.copytree(ROOT / "data" / "hengelo", target)
    return target


@pytest.fixture
def borne(tmp_path: Path) -> Path:
    target = tmp_path / "data" / "borne-referentie"
    shutil.copytree(ROOT / "data" / "borne-referentie", target)
    return target


# --- writing the log -------------------------------------------------------------------------


def test_first_import_into_an_empty_folder_starts_the_log(tmp_path: Path, import_file: Path,
                                                          monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_2027_03_01)
    folder = tmp_path / "leeg"
    code, out = run(capsys, "import", str(import_file), "--agenda", AGENDA, "--data", str(folder))
    assert code == 0, out
    assert (folder / "leveringen.csv").read_text(encoding="utf-8") == (
        HEADER + "2027-03-01;Hengelo;cijfers.csv;1;0;\n")
    assert "levering vastgelegd" in out and "2027-03-01" in out


def test_import_appends_one_row_and_keeps_the_old_text(hengelo: Path, import_file: Path,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_2027_03_01)
    before = (hengelo / "leveringen.csv").read_bytes()
    assert run(capsys, "import", str(import_file), "--agenda", AGENDA, "--data", str(hengelo))[0] == 0
    after = (hengelo / "leveringen.csv").read_bytes()
    assert after.startswith(before)
    assert after[len(before):].decode("utf-8") == "2027-03-01;Hengelo;cijfers.csv;1;0;\n"
    # the data date follows the log
    code, out = run(capsys, "evaluate", AGENDA, "--year", "2025", "--format", "json", "--data", str(hengelo))
    assert code == 0 and json.loads(out)["data_date"] == "2027-03-01"


def test_revision_records_count_and_reason(hengelo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_2027_03_01)
    first = tmp_path / "a.csv"
    first.write_text("indicator;periode;waarde;bron\nleerplichtigen;2019/2020;10.500;Test\n",
                     encoding="utf-8")
    second = tmp_path / "b.csv"
    second.write_text("indicator;periode;waarde;bron\nleerplichtigen;2019/2020;10.600;Test\n"
                      "leerplichtigen;2018/2019;10.400;Test\n", encoding="utf-8")
    assert run(capsys, "import", str(first), "--agenda", AGENDA, "--data", str(hengelo))[0] == 0
    code, out = run(capsys, "import", str(second), "--agenda", AGENDA, "--data", str(hengelo),
                    "--reden", "definitief; DUO")
    assert code == 0, out
    rows = (hengelo / "leveringen.csv").read_text(encoding="utf-8").splitlines()
    assert rows[-1] == '2027-03-01;Hengelo;b.csv;1;1;"definitief; DUO"'
    revisions = (hengelo / "revisies.csv").read_text(encoding="utf-8")
    assert "2027-03-01" in revisions  # a revision has the same date as its delivery


def test_no_change_dry_run_and_rejected_import_write_no_delivery(hengelo: Path, import_file: Path,
                                                                 tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "import", str(import_file), "--agenda", AGENDA, "--data", str(hengelo))[0] == 0
    before = snapshot(hengelo)
    assert run(capsys, "import", str(import_file), "--agenda", AGENDA, "--data", str(hengelo))[0] == 0
    assert snapshot(hengelo) == before  # the same file again: nothing changed, nothing logged
    other = tmp_path / "nieuw.csv"
    other.write_text("indicator;periode;waarde;bron\nleerplichtigen;2017/2018;10.300;Test\n",
                     encoding="utf-8")
    code, out = run(capsys, "import", str(other), "--agenda", AGENDA, "--data", str(hengelo), "--dry-run")
    assert code == 0 and "zou vastgelegd worden" in out
    assert snapshot(hengelo) == before
    bad = tmp_path / "fout.csv"
    bad.write_text("indicator;periode;waarde;bron\nleerplichtigen;2017/2018;-3;Test\n", encoding="utf-8")
    assert run(capsys, "import", str(bad), "--agenda", AGENDA, "--data", str(hengelo))[0] == 1
    assert snapshot(hengelo) == before


def test_normal_run_uses_today(tmp_path: Path, import_file: Path, monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import date

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    folder = tmp_path / "leeg"
    assert run(capsys, "import", str(import_file), "--agenda", AGENDA, "--data", str(folder))[0] == 0
    row = (folder / "leveringen.csv").read_text(encoding="utf-8").splitlines()[1]
    assert row.split(";")[0] in (date.today().isoformat(), datetime.now(UTC).date().isoformat())


def test_bad_source_date_epoch_is_a_usage_error(tmp_path: Path, import_file: Path,
                                                monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "gisteren")
    folder = tmp_path / "leeg"
    code, out = run(capsys, "import", str(import_file), "--agenda", AGENDA, "--data", str(folder))
    assert code == 2 and "SOURCE_DATE_EPOCH" in out and "Traceback" not in out
    assert not folder.exists()


# --- the data date ---------------------------------------------------------------------------


def test_data_date_is_the_log_not_the_file_times(hengelo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for path in hengelo.iterdir():
        path.touch()
    code, out = run(capsys, "evaluate", AGENDA, "--year", "2025", "--format", "json", "--data", str(hengelo))
    assert code == 0
    shipped = (ROOT / "data" / "hengelo" / "leveringen.csv").read_text(encoding="utf-8").splitlines()
    assert json.loads(out)["data_date"] == max(row.split(";")[0] for row in shipped[1:])


def test_no_log_means_unknown_date(hengelo: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (hengelo / "leveringen.csv").unlink()
    code, out = run(capsys, "evaluate", AGENDA, "--year", "2025", "--format", "json", "--data", str(hengelo))
    assert code == 0 and json.loads(out)["data_date"] is None
    report = tmp_path / "r.html"
    assert run(capsys, "report", AGENDA, "--year", "2025", "--data", str(hengelo), "-o", str(report),
               "--werkversie")[0] == 0
    assert "<dd>onbekend: geen leveringen.csv</dd>" in report.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["hengelo", "enschede", "midden-groningen", "borne-referentie"])
def test_shipped_logs_are_reconstructed_from_git(name: str) -> None:
    from lea_rules.data.deliveries import load_deliveries

    deliveries = load_deliveries(ROOT / "data" / name)
    assert deliveries, name
    for delivery in deliveries:
        if "gereconstrueerd uit de git-geschiedenis" in delivery.reason:
            assert "git" in delivery.file
            assert delivery.added is None and delivery.revised is None  # not on record: not invented
        else:  # a real `lea import` since (the real figures of Enschede): its file and counts on record
            assert delivery.file.endswith(".csv") and "git" not in delivery.file
            assert delivery.added is not None and delivery.revised is not None
    assert any("gereconstrueerd" in d.reason for d in deliveries), name
    expected = {"hengelo": "Hengelo", "enschede": "Enschede", "midden-groningen": "Midden-Groningen",
                "borne-referentie": "Borne"}[name]
    assert {d.municipality for d in deliveries} == {expected}


# --- mistakes in the log (D140-D148) ----------------------------------------------------------


LOG_CASES: dict[str, tuple[bytes, str, str]] = {
    # case -> (content of leveringen.csv, code, place)
    "binary": (b"\x00\x01\x02", "D140", "leveringen.csv"),
    "latin1": (HEADER.encode() + "2025-01-01;Hengelo;caf\xe9.csv;;;\n".encode("latin-1"), "D140",
               "leveringen.csv"),
    "empty": (b"", "D141", "leveringen.csv"),
    "header_only": (HEADER.encode(), "D141", "leveringen.csv:1"),
    "bad_header": (b"datum;gemeente;bestand\n2025-01-01;Hengelo;x.csv\n", "D142", "leveringen.csv:1:1"),
    "too_few_fields": ((HEADER + "2025-01-01;Hengelo;x.csv\n").encode(), "D143", "leveringen.csv:2:3"),
    "too_many_fields": ((HEADER + "2025-01-01;Hengelo;x.csv;1;0;a;b\n").encode(), "D143",
                        "leveringen.csv:2:7"),
    "open_quote": ((HEADER + '2025-01-01;Hengelo;"x.csv;1;0;\n').encode(), "D143", "leveringen.csv:"),
    "bad_date": ((HEADER + "1-3-2025;Hengelo;x.csv;1;0;\n").encode(), "D144", "leveringen.csv:2:1"),
    "no_municipality": ((HEADER + "2025-01-01;;x.csv;1;0;\n").encode(), "D145", "leveringen.csv:2:2"),
    "count_not_whole": ((HEADER + "2025-01-01;Hengelo;x.csv;drie;0;\n").encode(), "D146",
                        "leveringen.csv:2:4"),
    "out_of_order": ((HEADER + "2025-03-01;Hengelo;a.csv;1;0;\n2025-01-01;Hengelo;b.csv;1;0;\n").encode(),
                     "D147", "leveringen.csv:3:1"),
    "two_municipalities": ((HEADER + "2025-01-01;Hengelo;a.csv;1;0;\n2025-03-01;Borne;b.csv;1;0;\n").encode(),
                           "D148", "leveringen.csv:3:2"),
}


@pytest.mark.parametrize("case", sorted(LOG_CASES))
def test_bad_log_gives_one_located_error(case: str, hengelo: Path, import_file: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    content, code_expected, place = LOG_CASES[case]
    (hengelo / "leveringen.csv").write_bytes(content)
    code, out = run(capsys, "evaluate", AGENDA, "--year", "2025", "--data", str(hengelo))
    assert code == 1, out
    assert out.count("fout[") == 1 and f"fout[{code_expected}]" in out, out
    assert f"--> {hengelo / place}" in out, out
    assert "= hulp: " in out and "Traceback" not in out
    before = snapshot(hengelo)
    code, out = run(capsys, "import", str(import_file), "--agenda", AGENDA, "--data", str(hengelo))
    assert code == 1 and f"fout[{code_expected}]" in out, out
    assert snapshot(hengelo) == before  # a rejected input changes nothing


# --- the right municipality (D510-D512) -------------------------------------------------------


def test_report_on_another_municipalitys_data_is_refused(borne: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "rapport.html"
    code, out = run(capsys, "report", AGENDA, "--year", "2025", "--data", str(borne), "-o", str(out_file))
    assert code == 1
    assert out.count("fout[") == 1 and "fout[D510]" in out, out
    assert f"--> {borne / 'leveringen.csv'}:2:2 (kolom 'gemeente')" in out
    assert "zijn van Borne" in out and "is van Hengelo" in out
    assert "gebruik de gegevensmap van Hengelo (zonder --data: " in out
    assert not out_file.exists()


@pytest.mark.parametrize("command", [
    ["evaluate", AGENDA, "--year", "2025"],
    ["evaluate", AGENDA, "--year", "2025", "--format", "json"],
    ["template", AGENDA, "--year", "2026", "-o", "UIT"],
])
def test_evaluate_and_template_refuse_too(command: list[str], borne: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "uitvraag.xlsx"
    argv = [str(out_file) if part == "UIT" else part for part in command]
    code, out = run(capsys, *argv, "--data", str(borne))
    assert code == 1, out
    assert out.count("fout[") == 1 and "fout[D510]" in out, out
    assert not out_file.exists()


def test_the_shipped_borne_folder_is_refused_for_hengelo(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "report", "hengelo", "--year", "2025", "--data",
                    str(ROOT / "data" / "borne-referentie"), "-o", "/nonexistent/never-written.html")
    assert code == 1 and "fout[D510]" in out


def test_check_refuses_unless_told_whose_rows(capsys: pytest.CaptureFixture[str]) -> None:
    observations = str(ROOT / "data" / "borne-referentie" / "observaties.csv")
    code, out = run(capsys, "check", observations, "--agenda", "hengelo")
    assert code == 1 and out.count("fout[") == 1 and "fout[D511]" in out, out
    assert "--gemeente Borne" in out
    code, out = run(capsys, "check", observations, "--agenda", "hengelo", "--gemeente", "Borne")
    assert code == 0, out
    code, out = run(capsys, "check", "--format", "json", observations, "--agenda", "hengelo")
    payload = json.loads(out)
    (diag,) = payload["diagnostics"]
    assert diag["code"] == "D511" and diag["file"].endswith("leveringen.csv")
    assert (diag["line"], diag["column"], diag["end_column"]) == (2, 12, 17)  # the cell 'Borne'


def test_import_into_another_municipalitys_folder(borne: Path, import_file: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_2027_03_01)
    before = snapshot(borne)
    code, out = run(capsys, "import", str(import_file), "--agenda", AGENDA, "--data", str(borne))
    assert code == 1 and out.count("fout[") == 1 and "fout[D511]" in out, out
    assert "--gemeente Borne" in out
    assert snapshot(borne) == before
    code, out = run(capsys, "import", str(import_file), "--agenda", AGENDA, "--data", str(borne),
                    "--gemeente", "Enschede")
    assert code == 1 and out.count("fout[") == 1 and "fout[D512]" in out, out
    assert "--gemeente Borne" in out
    assert snapshot(borne) == before
    code, out = run(capsys, "import", str(import_file), "--agenda", AGENDA, "--data", str(borne),
                    "--gemeente", "Borne")
    assert code == 0, out
    last = (borne / "leveringen.csv").read_text(encoding="utf-8").splitlines()[-1]
    assert last == "2027-03-01;Borne;cijfers.csv;1;0;"


def test_first_import_records_the_declared_municipality(tmp_path: Path, import_file: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "nieuwe-reeks"
    code, out = run(capsys, "import", str(import_file), "--agenda", AGENDA, "--data", str(folder),
                    "--gemeente", "Borne")
    assert code == 0, out
    assert (folder / "leveringen.csv").read_text(encoding="utf-8").splitlines()[1].split(";")[1] == "Borne"
    # from now on the folder is Borne's: Hengelo's report refuses it
    assert run(capsys, "evaluate", AGENDA, "--year", "2025", "--data", str(folder))[0] == 1


def test_default_folder_with_a_wrong_log_points_at_the_log(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "agendas").mkdir()
    shutil.copy(AGENDA, tmp_path / "agendas" / "hengelo.lea")
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    folder = tmp_path / "data" / "hengelo"
    shutil.copytree(ROOT / "data" / "hengelo", folder)
    log = folder / "leveringen.csv"
    log.write_text(log.read_text(encoding="utf-8").replace(";Hengelo;", ";Borne;"), encoding="utf-8")
    code, out = run(capsys, "evaluate", str(tmp_path / "agendas" / "hengelo.lea"), "--year", "2025")
    assert code == 1 and "fout[D510]" in out
    assert "controleer leveringen.csv (git log -- " in out  # not: "use data/hengelo", which it is


def test_unreadable_log_is_a_located_error(hengelo: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    log = hengelo / "leveringen.csv"
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self == log:
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    code, out = run(capsys, "evaluate", AGENDA, "--year", "2025", "--data", str(hengelo))
    assert code == 1 and out.count("fout[") == 1 and "fout[D149]" in out, out
    assert f"--> {log}" in out and "Traceback" not in out


def test_check_of_an_agenda_honours_gemeente_for_its_data_folder(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "agendas").mkdir()
    shutil.copy(AGENDA, tmp_path / "agendas" / "hengelo.lea")
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    folder = tmp_path / "data" / "hengelo"
    folder.mkdir(parents=True)
    for name in ("observaties.csv", "leveringen.csv", "eenheden.csv"):
        if (ROOT / "data" / "borne-referentie" / name).exists():
            shutil.copy(ROOT / "data" / "borne-referentie" / name, folder / name)
    agenda = str(tmp_path / "agendas" / "hengelo.lea")
    code, out = run(capsys, "check", agenda)
    assert code == 1 and out.count("fout[") == 1 and "fout[D511]" in out, out
    code, out = run(capsys, "check", agenda, "--gemeente", "Borne")
    assert code == 0, out
