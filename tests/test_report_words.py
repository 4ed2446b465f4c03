"""Words a reader of the report meets: a streven is named as a streven wherever the report names
its target (figures table, chart title, alt text, labels and legend), in both languages, and in
`lea evaluate`'s table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lea_rules.cli import main

ROOT = Path(__file__).resolve().parent.parent
ASPIRATION = {"nl": ("Streven", "streven", "Doel", "doel"),
              "en": ("Aspiration", "aspiration", "Target", "target")}


def _article(html: str, code: str) -> str:
    match = re.search(rf'<article class="result" id="resultaat-{code}".*?</article>', html, re.S)
    assert match, code
    return match.group(0)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_streven_is_never_called_a_doel(lang: str, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.html"
    assert main(["report", str(ROOT / "agendas" / "enschede.lea"), "--year", "2025", "--werkversie",
                 "--lang", lang, "-o", str(out)]) == 0
    capsys.readouterr()
    html = out.read_text(encoding="utf-8")
    big, small, doel, target = ASPIRATION[lang]
    streven = _article(html, "p1-r6")  # streven: vve-bereik >= 100%
    assert f'<th scope="row">{big}</th>' in streven
    assert f'<th scope="row">{doel}</th>' not in streven
    chart = streven[streven.index("<svg"):streven.index("</figure>")]
    words = re.sub(r"<[^>]*>", " ", chart)  # what a reader (or a screen reader) meets, not class names
    assert not re.search(rf"\b({doel}|{target})\b", words), words
    assert f"{big}: " in chart and f">{small}</text>" in chart and f">{small} ≥ 100%</text>" in chart
    # a doel beside it keeps its word
    norm = _article(html, "p1-r1")
    assert f'<th scope="row">{doel}</th>' in norm and f">{target}</text>" in norm


def test_evaluate_table_says_streven(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(ROOT / "agendas" / "enschede.lea"), "--year", "2025"]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if "│ p1-r6 " in line or "│ p1-r1 " in line]
    assert "streven: vve-bereik" in rows[1] and "streven" not in rows[0].split("│")[2], rows


RECURRING = """\
gemeente: "Testdorp"
titel: "LEA Testdorp 2024-2027"
periode: 2024-2027
groep IKC: "integraal kindcentrum"

indicator x "x (kalenderjaar)"
  eenheid: %
  beter: hoger
  meting: kalenderjaar

indicator e "geëvalueerd op het IKC"
  eenheid: ja/nee
  per: IKC
  meting: kalenderjaar

indicator s "s (schooljaar)"
  eenheid: %
  beter: hoger
  meting: schooljaar

thema 1 "Alles"
  resultaat vanaf "Vanaf 2026 elk jaar"
    doel: x >= 85% vanaf 2026
  resultaat school "Elk schooljaar"
    doel: s >= 80% per schooljaar
  resultaat ikc "Elk IKC evalueert jaarlijks"
    doel: alle IKC met e jaarlijks
  resultaat plan "Om de twee jaar een plan"
    doel: mijlpaal iedere twee jaar
"""

RECURRING_SAID = {
    "nl": {"vanaf": "≥ 85% vanaf 2026 (eerste keer: 2026)",
           "school": "≥ 80% per schooljaar (deze keer: 2024/2025)",
           "ikc": "alle IKC&#39;s (100%) jaarlijks (deze keer: 2025)",
           "plan": "mijlpaal iedere twee jaar (deze keer: 2024)"},
    "en": {"vanaf": "≥ 85% every year from 2026 (first time: 2026)",
           "school": "≥ 80% every school year (this time: 2024/2025)",
           "ikc": "all IKC&#39;s (100%) every year (this time: 2025)",
           "plan": "milestone every other year (this time: 2024)"},
}


@pytest.fixture
def recurring(tmp_path: Path) -> tuple[Path, Path]:
    agenda = tmp_path / "t.lea"
    agenda.write_text(RECURRING, encoding="utf-8")
    data = tmp_path / "data"
    data.mkdir()
    (data / "observaties.csv").write_text(
        "indicator;periode;eenheid;waarde;bron;status;illustratief;reeks;toelichting\n"
        "x;2024;;80%;test;definitief;0;;\nx;2025;;83%;test;definitief;0;;\n"
        "s;2023/2024;;78%;test;definitief;0;;\ns;2024/2025;;81%;test;definitief;0;;\n", encoding="utf-8")
    return agenda, data


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_recurring_goal_says_how_often_and_which_time_is_shown(
        lang: str, recurring: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`mijlpaal jaarlijks (deze keer: 2025)`, never `mijlpaal jaarlijks in 2025` (the occurrence
    glued to the recurrence) or `alle IKC's (100%) in 2025` (the recurrence lost)."""
    agenda, data = recurring
    out = tmp_path / "r.html"
    assert main(["report", str(agenda), "--year", "2025", "--werkversie", "--data", str(data),
                 "--lang", lang, "-o", str(out)]) == 0
    capsys.readouterr()
    html = out.read_text(encoding="utf-8")
    label = "Doel" if lang == "nl" else "Target"
    for code, said in RECURRING_SAID[lang].items():
        assert f'<th scope="row">{label}</th><td>{said}</td>' in _article(html, code), (code, said)
    assert not re.search(r"(jaarlijks|per schooljaar|twee jaar|every year|other year) (in|on) \d", html)


def test_evaluate_table_says_how_often_and_which_time(recurring: tuple[Path, Path],
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    agenda, data = recurring
    assert main(["evaluate", str(agenda), "--year", "2025", "--data", str(data)]) == 0
    cells: dict[str, str] = {}
    code = ""
    for line in capsys.readouterr().out.splitlines():
        columns = line.split("│")
        if not line.startswith("│") or len(columns) < 8:
            continue
        code = columns[1].strip() or code  # a wrapped cell goes on on the next line
        cells[code] = " ".join(filter(None, (cells.get(code, ""), columns[6].strip())))
    assert cells["vanaf"] == ">= 85% vanaf 2026 (eerste keer: 2026)"
    assert cells["school"] == ">= 80% per schooljaar (deze keer: 2024/2025)"
    assert cells["ikc"] == "alle IKC's (100%) jaarlijks (deze keer: 2025)"
    assert cells["plan"] == "iedere twee jaar (deze keer: 2024)"
