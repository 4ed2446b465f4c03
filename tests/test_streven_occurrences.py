"""A recurring streven (`streven: x minimaal 95% per schooljaar`): each occurrence is said as a
streven ("Streven niet bereikt"), never red, in the JSON, the table and both editions, nl and en;
its `status` and `colour` stay those of a doel (docs/evaluation.md, "Streven")."""

from __future__ import annotations

import re

from lea_rules.evaluation.engine import evaluate
from lea_rules.evaluation.model import Colour, EvaluationReport, Status
from lea_rules.evaluation.table import render_table
from lea_rules.nodes import Agenda
from lea_rules.report import ReportInput, render_html
from lea_rules.report.council.render import render_council_html
from lea_rules.verdict.aspiration import Aspiration
from tests.evaluation_helpers import build_agenda, obs, progress

AGENDA = """\
gemeente: "Proefdorp"
titel: "LEA Proefdorp 2024-2027"
periode: 2024-2027

indicator gesprek "Doelgroepkinderen met een overdrachtsgesprek"
  eenheid: %
  beter: hoger
  meting: schooljaar

thema 1 "Kansen"
  resultaat {code} "Per schooljaar een overdrachtsgesprek"
    {key}: gesprek minimaal 95% per schooljaar
"""
DATA = [obs("gesprek", "2024/2025", "93"), obs("gesprek", "2025/2026", "96")]


def _report(key: str) -> tuple[Agenda, EvaluationReport]:
    agenda = build_agenda(AGENDA.format(code="streef" if key == "streven" else "norm", key=key))
    return agenda, evaluate(agenda, DATA, progress(2026), 2026)


def _editions(agenda: Agenda, report: EvaluationReport, lang: str = "nl") -> tuple[str, str]:
    data = ReportInput(agenda=agenda, evaluation=report, lang=lang)
    return render_html(data), render_council_html(data)


def _occurrence_spans(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", s) for s in re.findall(r'<span class="occurrence[^"]*">.*?</span>', html)]


def test_a_missed_occurrence_of_a_streven_is_said_as_a_streven_in_the_json() -> None:
    _, report = _report("streven")
    (result,) = report.results
    by_moment = {o.moment.text: o for o in result.goals[0].occurrences}
    first, second = by_moment["2024/2025"], by_moment["2025/2026"]
    # judged as a doel: the same status and colour ...
    assert (first.status, first.colour) == (Status.NOT_ACHIEVED, Colour.RED)
    # ... said as a streven, never red
    assert first.aspiration_status is Aspiration.NOT_REACHED
    assert second.aspiration_status is Aspiration.REACHED
    dumped = report.model_dump(mode="json")["results"][0]["goals"][0]["occurrences"]
    assert [o["aspiration_status"] for o in dumped if o["moment"] == "2024/2025"] == ["Streven niet bereikt"]


def test_a_doel_keeps_its_occurrences_as_norms() -> None:
    agenda, report = _report("doel")
    assert all(o.aspiration_status is None for o in report.results[0].goals[0].occurrences)
    for html in _editions(agenda, report):
        assert 'class="occurrence occurrence-rood">2024/2025 ✗ Niet behaald' in html


def test_both_editions_show_a_streven_occurrence_oranje_with_the_word_streven() -> None:
    agenda, report = _report("streven")
    for lang, missed in (("nl", "Streven niet bereikt"), ("en", "aspiration not reached")):
        for html in _editions(agenda, report, lang):
            assert 'class="occurrence occurrence-rood"' not in html
            assert f'class="occurrence occurrence-oranje">2024/2025 ✗ {missed}' in html
            spans = _occurrence_spans(html)
            assert spans and not any("Niet behaald" in s or "not achieved" in s for s in spans)


def test_the_table_says_each_occurrence_of_a_streven_as_one() -> None:
    _, report = _report("streven")
    text = " ".join(render_table(report, width=400).split())
    assert "2024/2025 ✗ Streven niet bereikt" in text and "2025/2026 ✓ Streven bereikt" in text
    assert "Niet behaald" not in text
