"""Everything computed from illustrative figures carries the label (issue 11, item 10).

The three shipped reports are rendered as a user makes them; for every goal whose verdict used an
illustrative figure (the JSON's `explanation.illustrative`) the numbers derived from it (werkelijk per
jaar, the ratio, the achieved share, the projection), the required change when the baseline is
illustrative, the chart caption's Nulmeting and Verwachting, and the status line itself must say
"illustratief"; and a goal that used only real figures must not say it. The glance names how many
statuses rest on illustrative figures, and the terminal table marks an illustrative baseline.
"""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from lea_rules.cli import main
from lea_rules.evaluation.model import Point
from lea_rules.evaluation.table import point_text
from lea_rules.report.view import result_anchor

ROOT = Path(__file__).resolve().parent.parent
TAG = 'class="tag tag-illustrative"'
DERIVED = ("Werkelijk per jaar", "Verhouding werkelijk / nodig", "Bereikt deel", "Verwachting")


def _render(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
            edition: tuple[str, ...] = ("--werkversie",)) -> tuple[str, dict[str, Any]]:
    agenda = str(ROOT / "agendas" / f"{name}.lea")
    out = tmp_path / f"{name}.html"
    assert main(["report", agenda, "--year", "2025", "-o", str(out), *edition]) == 0
    capsys.readouterr()
    assert main(["evaluate", agenda, "--year", "2025", "--format", "json"]) == 0
    evaluation = json.loads(capsys.readouterr().out)
    return out.read_text(encoding="utf-8"), evaluation


def _article(html: str, code: str) -> str:
    start = html.index(f'<article class="result" id="{result_anchor(code)}"')
    return html[start:html.index("</article>", start)]


def _rows(goal_html: str) -> dict[str, str]:
    rows = {}
    for label, cell in re.findall(r'<tr><th scope="row">(.*?)</th><td>(.*?)</td></tr>', goal_html, re.S):
        rows[unescape(re.sub(r"<[^>]+>", "", label))] = cell
    return rows


def _check_goals(article: str, result: dict[str, Any], where_: str, problems: list[str],
                 checked: dict[str, int], caption_tag: str = "figcaption") -> None:
    """The labels of one result's goals: derived numbers, the chart's words, the status line."""
    goal_parts = re.split(r'<div class="goal[ "]', article)[1:]
    assert len(goal_parts) == len(result["goals"]), result["code"]
    for index, (goal, part) in enumerate(zip(result["goals"], goal_parts, strict=True)):
        e = goal["explanation"]
        where = f"{where_} {result['code']} doel {index + 1}"
        base_ill = bool(e["baseline"] and e["baseline"]["illustrative"])
        for label, cell in _rows(part).items():
            if label.startswith(DERIVED) or label == "Nodig per jaar":
                resting = base_ill if label == "Nodig per jaar" else e["illustrative"]
                if "geen gegevens" in cell:  # nothing computed, nothing to label
                    continue
                if resting and TAG not in cell:
                    problems.append(f"{where}: '{label}' rust op illustratieve cijfers zonder label")
                elif not resting and TAG in cell:
                    problems.append(f"{where}: '{label}' heeft het label, maar rust op echte cijfers")
                checked["derived" if resting else "clean"] += 1
        caption = re.search(rf"<{caption_tag}[^>]*>(.*?)</{caption_tag}>", part, re.S)
        if caption:
            text = unescape(caption.group(1))
            for sentence in re.findall(r"(?:Nulmeting|Verwachting in [^:]+): .*?(?=\.(?: |$))", text):
                resting = base_ill if sentence.startswith("Nulmeting") else e["illustrative"]
                if resting != sentence.endswith("(illustratief)"):
                    problems.append(f"{where}: bijschrift '{sentence}' (illustratief: {resting})")
                checked["caption"] += 1
        # the status line: the goal's own badge (staged results) or the result's status line
        if len(result["goals"]) > 1:
            badge = part[:part.index("</p>")]
        elif index == 0:
            line = article[article.index('class="result-status">'):]
            badge = line[:line.index("</p>")]
        else:
            continue
        badge = badge.split('class="previous"')[0]  # last year's status is not this verdict
        if e["illustrative"] != (TAG in badge):
            problems.append(f"{where}: status '{goal['status']}' illustratief={e['illustrative']}, "
                            f"label={TAG in badge}")
        checked["status"] += e["illustrative"]


def _shaky(evaluation: dict[str, Any]) -> int:
    return sum(1 for r in evaluation["results"]
               if r["goals"] and r["goals"][r["headline_goal"]]["explanation"]["illustrative"])


@pytest.mark.parametrize("name", ["hengelo", "enschede", "midden-groningen"])
def test_every_number_resting_on_illustrative_data_says_so(name: str, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    html, evaluation = _render(name, tmp_path, capsys)
    problems: list[str] = []
    checked = {"derived": 0, "status": 0, "caption": 0, "clean": 0}
    for result in evaluation["results"]:
        _check_goals(_article(html, result["code"]), result, name, problems, checked)
    assert not problems, "\n".join(problems[:40])
    assert checked["derived"] and checked["status"] and checked["caption"], checked  # the test looked
    glance = html[html.index('id="in-een-oogopslag"'):html.index('id="wat-nog-ontbreekt"')]
    shaky = _shaky(evaluation)
    assert shaky
    assert f"rusten er {shaky} op illustratieve cijfers" in glance


@pytest.mark.parametrize("name", ["hengelo", "enschede", "midden-groningen"])
def test_the_council_edition_keeps_every_label(name: str, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """The council edition is shorter, not less honest: a card has the same labelled figures (the
    chart's words are its <desc>), a row of the compact table the labelled status, page 1 the count."""
    html, evaluation = _render(name, tmp_path, capsys, edition=())
    problems: list[str] = []
    checked = {"derived": 0, "status": 0, "caption": 0, "clean": 0, "rows": 0}
    for result in evaluation["results"]:
        anchor = result_anchor(result["code"])
        card = html.find(f'<article class="result council-card" id="{anchor}"')
        card = card if card >= 0 else html.find(f'<article class="result council-card staged" id="{anchor}"')
        if card >= 0:
            _check_goals(html[card:html.index("</article>", card)], result, f"{name} raad", problems, checked,
                         caption_tag="desc")
            continue
        start = html.index(f'<tr id="{anchor}"')
        row = html[start:html.index("</tr>", start)]
        status = row[row.index('class="result-status">'):]
        badge = status[:status.index("</span>\n") if "</span>\n" in status else len(status)]
        goals = result["goals"]
        headline = bool(goals) and goals[result["headline_goal"]]["explanation"]["illustrative"]
        if headline != (TAG in badge.split("vorig jaar")[0]):
            problems.append(f"{name} raad {result['code']}: status illustratief={headline}")
        checked["rows"] += 1
    assert not problems, "\n".join(problems[:40])
    assert checked["derived"] and checked["status"] and checked["rows"], checked
    page_one = html[html.index('id="in-een-oogopslag"'):html.index('id="vraagt-aandacht"')]
    assert f"rusten er {_shaky(evaluation)} op illustratieve cijfers" in page_one


def test_actions_and_act_blocks_from_an_illustrative_progress_file_say_so_in_the_json(
        capsys: pytest.CaptureFixture[str]) -> None:
    agenda = str(ROOT / "agendas" / "hengelo.lea")
    assert main(["evaluate", agenda, "--year", "2025", "--format", "json"]) == 0
    evaluation = json.loads(capsys.readouterr().out)
    reported = [a for a in evaluation["actions"] if a["status"] is not None]
    assert reported and all(a["illustrative"] for a in reported)
    assert all(not a["illustrative"] for a in evaluation["actions"] if a["status"] is None)
    acts = [r["act"] for r in evaluation["results"] if r["act"] is not None]
    assert acts and all(act["illustrative"] for act in acts)
    for r in evaluation["results"]:
        has_stand = r["reported_state"] is not None or r["reported_note"] is not None
        assert r["reported_illustrative"] == has_stand


def test_the_terminal_table_marks_an_illustrative_baseline() -> None:
    point = Point(period="2023", t=2023.0, value=72.0, source="illustratief", illustrative=True)
    assert point_text(point, "%") == "72% (2023) (illustratief)"
    assert point_text(point.model_copy(update={"illustrative": False}), "%") == "72% (2023)"
