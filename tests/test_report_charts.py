"""Chart axes tell the truth: no value-axis label repeats, counts never get half ticks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lea_rules.cli import main
from lea_rules.report.charts import ChartPoint, ChartSpec, value_range

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("agenda", ["hengelo", "midden-groningen"])
def test_no_chart_repeats_a_tick_label(agenda: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / f"{agenda}.html"
    assert main(["report", agenda, "--year", "2025", "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    charts = re.findall(r"<svg.*?</svg>", html, re.S)
    assert charts
    for svg in charts:
        ticks = re.findall(r'<text class="tick"[^>]*text-anchor="end">([^<]*)</text>', svg)
        assert len(ticks) == len(set(ticks)), ticks


def test_whole_counts_step_by_at_least_one() -> None:
    # 4 to 6 IKC's: a plain nice step would be 0,5 and label 4, 4, 5, 5, 6 after rounding.
    spec = ChartSpec(chart_id="c", title="t", summary="s",
                     points=(ChartPoint(2024, 4.0, "4", False), ChartPoint(2025, 5.0, "5", False)),
                     target=(2025, 6.0), whole=True)
    low, high, step = value_range(spec)
    assert step >= 1.0 and low == int(low) and high == int(high)


def test_rules_read_as_words_for_the_raad(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from lea_rules.verdict.reasons import Reason, Rule
    from lea_rules.words import nl, nl_plain

    assert nl.rule(Reason(Rule.RATIO_ACCELERATE)) == "0,60 <= R < 0,95"
    assert nl_plain.rule(Reason(Rule.RATIO_ACCELERATE)).startswith("de voortgang is 60 tot 95%")
    assert nl_plain.rule(Reason(Rule.FINAL_IMPROVED)) == (
        "niet gehaald, wel beter dan de basis, maar minder dan 95% van de vereiste verandering")
    monkeypatch.chdir(ROOT)
    out = tmp_path / "h.html"
    assert main(["report", "hengelo", "--year", "2025", "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    for notation in ("y_tT", "R &gt;=", "R &lt;", "met(y"):
        assert notation not in html
