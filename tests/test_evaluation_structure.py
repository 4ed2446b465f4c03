"""The evaluation judges checked agendas only: an undeclared indicator is the checker's E200."""

from __future__ import annotations

import pytest

from lea_rules.api import check_source
from lea_rules.evaluation.engine import evaluate
from lea_rules.source import SourceFile

UNDECLARED = """\
gemeente: "Testdorp"
titel: "LEA Testdorp 2024-2027"
periode: 2024-2027

thema 1 "Alles"
  resultaat r1 "Bereik"
    doel: bereik >= 85% in 2027
"""


def test_an_undeclared_indicator_is_refused_by_the_checker_and_never_judged() -> None:
    checked = check_source(SourceFile("testdorp.lea", UNDECLARED))
    assert [d.code for d in checked.errors] == ["E200"]
    assert checked.agenda is not None
    with pytest.raises(LookupError, match="E200"):
        evaluate(checked.agenda, [], None, 2025)
