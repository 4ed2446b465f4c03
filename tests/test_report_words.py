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
