"""lea template: a data request per source, that lea import reads back once filled."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from lea_rules.api import load_agenda
from lea_rules.cli import main
from lea_rules.data.store import load_observations, load_revisions

ROOT = Path(__file__).resolve().parent.parent
AGENDA = str(ROOT / "agendas" / "hengelo.lea")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    target = tmp_path / "data" / "hengelo"
    shutil.copytree(ROOT / "data" / "hengelo", target)
    return target


def test_xlsx_template_lists_indicators_period_and_last_value(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "uitvraag.xlsx"
    assert main(["template", AGENDA, "--year", "2026", "-o", str(out), "--data", str(data_dir)]) == 0
    wb = load_workbook(out)
    rows = list(wb["Uitvraag"].iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert header[:6] == ("indicator", "omschrijving", "meeteenheid", "periode", "eenheid", "waarde")
    by_name = {r[0]: r for r in body}
    assert "verzuim-percentage" not in by_name  # derived: computed, not asked for
    assert by_name["thuiszitters"][3] == "2025/2026"
    assert by_name["zomerschool-deelnemers"][3] == "2026"
    assert by_name["vve-bereik"][3] == "01-01-2026"
    column = {name: i for i, name in enumerate(header)}
    assert by_name["vsv-percentage"][column["laatst bekende waarde"]] == "2,34 (illustratief)"
    assert by_name["vsv-percentage"][column["laatst bekende periode"]] == "2024/2025"
    assert by_name["vsv-percentage"][column["reeks"]] is None  # no series name known: left empty
    ikc_rows = [r for r in body if r[0] == "brugfunctionaris-ikc"]
    assert len(ikc_rows) == 7  # one per known IKC
    assert "Toelichting" in wb.sheetnames


def test_filled_xlsx_template_round_trips_through_import(data_dir: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "uitvraag.xlsx"
    assert main(["template", AGENDA, "--year", "2026", "-o", str(out), "--data", str(data_dir)]) == 0
    wb = load_workbook(out)
    ws = wb["Uitvraag"]
    for row in ws.iter_rows(min_row=2):
        if row[0].value == "thuiszitters":
            row[5].value = 11
        elif row[0].value == "vve-bereik":
            row[5].value = 0.861
            row[5].number_format = "0.0%"
        elif row[0].value == "brugfunctionaris-ikc" and row[4].value == "IKC 5 (voorbeeld)":
            row[5].value = "ja"
    wb.save(out)
    capsys.readouterr()
    assert main(["import", str(out), "--agenda", AGENDA, "--data", str(data_dir)]) == 0
    output = capsys.readouterr().out
    assert "3 nieuw" in output
    stored = {(o.indicator, o.period.text, o.breakdown): o
              for o in load_observations(data_dir, load_agenda(AGENDA))}
    assert str(stored[("thuiszitters", "2025/2026", None)].value) == "11"
    assert str(stored[("vve-bereik", "2026-01-01", None)].value) == "86.1"
    assert stored[("brugfunctionaris-ikc", "2025/2026", "IKC 5 (voorbeeld)")].flag is True
    assert stored[("thuiszitters", "2025/2026", None)].source == "samenwerkingsverbanden"


def test_csv_template_for_one_source_round_trips(data_dir: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "jaarverslag.csv"
    assert main(["template", AGENDA, "--year", "2024", "--source", "jaarverslag", "-o", str(out),
                 "--data", str(data_dir)]) == 0
    text = out.read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    assert [line.split(";")[0] for line in lines[1:]] == ["jongeren-met-verzuim", "leerplichtigen"]
    filled = [lines[0]] + [line.replace(";2023/2024;;;", ";2023/2024;;471;", 1) for line in lines[1:2]]
    out.write_text("\n".join(filled) + "\n", encoding="utf-8-sig")
    capsys.readouterr()
    # Same value as the stored illustrative one, now with a real source: never silent.
    assert main(["import", str(out), "--agenda", AGENDA, "--data", str(data_dir)]) == 1
    refused = capsys.readouterr().err
    assert "fout[D301]" in refused and "illustratief: 1 → 0" in refused
    assert not (data_dir / "revisies.csv").exists()
    assert main(["import", str(out), "--agenda", AGENDA, "--data", str(data_dir),
                 "--reden", "echt cijfer uit het jaarverslag"]) == 0
    assert "1 herzien" in capsys.readouterr().out
    obs = [o for o in load_observations(data_dir, load_agenda(AGENDA))
           if (o.indicator, o.period.text) == ("jongeren-met-verzuim", "2023/2024")]
    assert not obs[0].illustrative and obs[0].source == "jaarverslag leerplicht"
    [revision] = load_revisions(data_dir)
    assert revision.change is not None and "illustratief: 1 → 0" in revision.change
    assert main(["import", str(out), "--agenda", AGENDA, "--data", str(data_dir)]) == 0
    assert "niets veranderd" in capsys.readouterr().out


def test_unknown_source_and_bad_extension(data_dir: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["template", AGENDA, "--year", "2026", "--source", "VVE-monitr", "-o",
                 str(tmp_path / "x.xlsx"), "--data", str(data_dir)])
    assert code == 1
    assert "bedoelde je 'VVE-monitor'?" in capsys.readouterr().err
    assert not (tmp_path / "x.xlsx").exists()
    assert main(["template", AGENDA, "--year", "2026", "-o", str(tmp_path / "x.pdf")]) == 2


def test_template_offers_the_last_series_so_a_new_definition_is_a_trendbreuk(
        data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The stored 2024/2025 figure was measured under series "DUO oud" (a name set for this test).
    observations = data_dir / "observaties.csv"
    text = observations.read_text(encoding="utf-8")
    old = "vsv-percentage;2024/2025;;2,34;illustratief voorbeeld, geen bron;voorlopig;1;;"
    assert old in text
    observations.write_text(text.replace(old, old[:-1] + "DUO oud;"), encoding="utf-8")
    out = tmp_path / "uitvraag.xlsx"
    assert main(["template", AGENDA, "--year", "2026", "-o", str(out), "--data", str(data_dir)]) == 0
    wb = load_workbook(out)
    ws = wb["Uitvraag"]
    header = [cell.value for cell in ws[1]]
    assert "Reeks" in " ".join(str(line[0].value) for line in wb["Toelichting"].iter_rows())
    [vsv] = [row for row in ws.iter_rows(min_row=2) if row[0].value == "vsv-percentage"]
    assert vsv[header.index("reeks")].value == "DUO oud"
    # The source changed its definition: the analyst gives the new series a new name.
    vsv[header.index("waarde")].value = "2,1"
    vsv[header.index("reeks")].value = "DUO 2026"
    wb.save(out)
    capsys.readouterr()
    assert main(["import", str(out), "--agenda", AGENDA, "--data", str(data_dir)]) == 0
    stored = {(o.indicator, o.period.text): o for o in load_observations(data_dir, load_agenda(AGENDA))}
    assert stored[("vsv-percentage", "2025/2026")].series == "DUO 2026"
    assert stored[("vsv-percentage", "2024/2025")].series == "DUO oud"  # the old figure keeps its series
    capsys.readouterr()
    assert main(["evaluate", AGENDA, "--year", "2026", "--data", str(data_dir), "--format", "json"]) == 0
    assert "trendbreuk" in capsys.readouterr().out
