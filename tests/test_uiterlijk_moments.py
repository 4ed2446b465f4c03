"""`uiterlijk 1 augustus 2026` is a deadline: every place that says a goal's moment or an action's
gereed: says `uiterlijk` (never `op 1 augustus 2026`, which changes the promise), and a planned day
that passed is said once, not `uiterlijk 1 augustus 2026 (uiterlijk 1 augustus 2026)`."""

from __future__ import annotations

import json
import re

from lea_rules.evaluation.engine import evaluate
from lea_rules.evaluation.table import render_table
from lea_rules.report import ReportInput, render_html
from lea_rules.report.council.render import render_council_html
from tests.evaluation_helpers import build_agenda, obs, progress

AGENDA = build_agenda("""\
gemeente: "Uitdorp"
titel: "LEA Uitdorp 2025-2028"
periode: 2025-2028

indicator bereik "Bereik VVE"
  eenheid: %
  beter: hoger

thema 1 "Kansen"
  resultaat r1 "Het protocol is vastgesteld"
    doel: mijlpaal uiterlijk 1 augustus 2026
  resultaat r2 "Het bereik is 85%"
    doel: bereik >= 85% uiterlijk 1 augustus 2026
  actie a1 "Het aanbod uitbreiden"
    gereed: uiterlijk 1 augustus 2026
""")
REPORT = evaluate(AGENDA, [obs("bereik", "2025", "80"), obs("bereik", "2026", "86")], progress(2026), 2026)


def _plain(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _editions(lang: str) -> list[str]:
    data = ReportInput(agenda=AGENDA, evaluation=REPORT, lang=lang)
    return [_plain(render_html(data)), _plain(render_council_html(data))]


def test_both_editions_say_uiterlijk_for_every_moment() -> None:
    for html in _editions("nl"):
        assert "mijlpaal uiterlijk 1 augustus 2026" in html
        assert "≥ 85% uiterlijk 1 augustus 2026" in html
        assert "op 1 augustus 2026" not in html and "in 1 augustus 2026" not in html
    for html in _editions("en"):
        assert "milestone by 1 August 2026" in html and "≥ 85% by 1 August 2026" in html
        assert "on 1 August 2026" not in html


def test_a_passed_day_is_said_once() -> None:
    working_nl, _ = _editions("nl")
    assert "gereed: uiterlijk 1 augustus 2026" in working_nl
    assert "gereed uiterlijk 1 augustus 2026 is voorbij op de peildatum 31 december 2026" in working_nl
    working_en, _ = _editions("en")
    assert "ready by 1 August 2026 has passed on the reference date 31 December 2026" in working_en
    assert "(uiterlijk 1 augustus 2026)" not in working_nl and "(by 1 August 2026)" not in working_en
    (action,) = json.loads(REPORT.model_dump_json())["actions"]
    assert action["ready"] == "uiterlijk 1 augustus 2026"
    assert action["planning_note"] == ("geen stand gerapporteerd; gereed uiterlijk 1 augustus 2026 is "
                                       "voorbij op de peildatum 31 december 2026")


def test_the_table_says_uiterlijk() -> None:
    text = " ".join(render_table(REPORT, width=300).split())
    assert ">= 85% uiterlijk 1 augustus 2026" in text
    assert "op 1 augustus 2026" not in text
