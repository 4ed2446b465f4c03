"""Issue 9 reproductions on the agenda and progress side: each used to end in a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from lea_rules.cli import main

HEADER = ('gemeente: "X"\ntitel: "LEA X"\nperiode: 2024-2027\n'
          'indicator a "A"\n  eenheid: %\n  meting: peildatum\n')


@pytest.mark.parametrize("moment", ["op 9999999999999999999-01-2025", "op 1-99999999999999999999-2025",
                                    "op 99999999999999999999 januari 2025"])
def test_a_date_with_a_huge_day_or_month_is_one_located_error(
        moment: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    agenda = tmp_path / "x.lea"
    body = f'thema 1 "T"\n  ambitie 1.1 "B"\n    resultaat "R"\n      doel: a >= 85% {moment}\n'
    agenda.write_text(HEADER + body, encoding="utf-8")
    assert main(["check", str(agenda)]) == 1
    out = capsys.readouterr().out
    assert out.count("fout[") == 1 and "fout[E141]" in out and "x.lea:10:" in out
