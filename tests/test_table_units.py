"""`lea evaluate`'s table writes every value in its unit, as the report does.

A new writer read "66,67 (2025/2026)" as the baseline next to "66,67%", and "100 (2025)" next
to "83,33%": the baseline of a share of units, and the values of an indicator in uur per
week, stood there as bare numbers.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from lea_rules.cli import main
from lea_rules.evaluation.table import number
from lea_rules.report.notation import Notation

ROOT = Path(__file__).resolve().parent.parent


def table(name: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["evaluate", str(ROOT / "agendas" / f"{name}.lea"), "--year", "2025"]) == 0
    return capsys.readouterr().out.splitlines()


def row(lines: list[str], code: str) -> list[str]:
    line = next(line for line in lines if line.startswith(f"│ {code} "))
    return [cell.strip() for cell in line.split("│")[1:-1]]


def test_the_baseline_of_a_share_of_units_is_a_percentage(capsys: pytest.CaptureFixture[str]) -> None:
    cells = row(table("midden-groningen", capsys), "2-r4")  # alle kindcentra: 75% meet
    assert cells[4] == "75% (2025)" and cells[6] == "75% (2025)", cells


def test_values_in_hours_a_week_say_so(capsys: pytest.CaptureFixture[str]) -> None:
    cells = row(table("hengelo", capsys), "1.2-r4")
    assert cells[4] == "5,5 uur per week" and cells[6] == "3,5 uur per week", cells  # (year) below


@pytest.mark.parametrize(("value", "unit", "shown"), [
    ("66.666", "%", "66,67%"), ("12", "aantal", "12"), ("2.5", "uur per week", "2,5 uur per week"),
    ("50000", "euro", "€ 50.000"), ("7.1", "score", "7,1"), (None, "%", "–")])
def test_the_table_writes_a_unit_as_the_report_does(value: str | None, unit: str, shown: str) -> None:
    amount = Decimal(value) if value is not None else None
    assert number(amount, unit) == shown
    if amount is not None:
        assert Notation("nl").value(amount, unit) == shown
