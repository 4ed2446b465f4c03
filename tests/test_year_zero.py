"""A year no date can have (`0000`) is refused with E131, never a crash (found by the long property)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lea_rules.cli import main

AGENDA = """gemeente: "Voorbeeld"
titel: "LEA Voorbeeld 2024-2027"
periode: 2024-2027
indicator overleg "Aantal overleggen"
  eenheid: aantal
  beter: hoger
thema 1 "Kansengelijkheid"
  ambitie 1.1 "Elk kind een goede start"
    resultaat "Overleg"
      doel: overleg >= 3 {moment}
"""


@pytest.mark.parametrize("moment", ["in 0000", "eind 0000", "in het voorjaar van 0000", "op 1 januari 0000",
                                    "in 0000/0001", "jaarlijks vanaf 0000"])
def test_year_zero_is_an_error_not_a_crash(moment: str, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    agenda = tmp_path / "a.lea"
    agenda.write_text(AGENDA.format(moment=moment), encoding="utf-8")
    assert main(["check", str(agenda)]) == 1
    out = capsys.readouterr()
    assert "fout[E131]" in out.out + out.err and "'0000' is geen jaartal" in out.out + out.err
