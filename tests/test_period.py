"""The one Period: reading, canonical text, the time axis and which period counts when.

The properties restate docs/evaluation.md ("Tijd") with dates, independently of how
lea_rules/period.py computes them: a schooljaar runs from 1 augustus to 31 juli, a period is
available for a peiljaar when its last day lies in or before that year, and a target "in 2027"
is judged on the period that ends in 2027 (a peildatum: one in 2027).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lea_rules.data.problems import DataInvalid, ValueProblem
from lea_rules.data.store import REVISION_COLUMNS, REVISIONS, load_revisions, render_revisions
from lea_rules.diagnostics import CellPlace
from lea_rules.nodes import Measure, Moment
from lea_rules.period import (
    FIRST_YEAR,
    LAST_YEAR,
    MONTHS,
    Period,
    available,
    before_agenda,
    counts_for,
    date_words,
    is_past,
    moment_words,
    parse_period,
)
from lea_rules.source import Span

SPAN = Span(1, 1, 1, 2)
years = st.integers(FIRST_YEAR, LAST_YEAR)
days = st.dates(date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 12, 31))


@st.composite
def periods(draw: st.DrawFn, kind: Measure | None = None, near: bool = False) -> Period:
    """Any period; `near`: one in 2022-2026, so that two of them often meet on the axis."""
    kind = kind or draw(st.sampled_from(list(Measure)))
    if kind is Measure.REFERENCE_DATE:
        day = draw(st.dates(date(2022, 1, 1), date(2026, 12, 31)) | st.sampled_from(
            [date(y, m, d) for y in range(2022, 2027) for m, d in ((1, 1), (7, 31), (8, 1), (12, 31))])
            if near else days)
        return Period(kind, day.year, day)
    return Period(kind, draw(st.integers(2022, 2026) if near else years))


def last_day(period: Period) -> date:
    """The last day a period covers, from the calendar alone."""
    if period.kind is Measure.SCHOOL_YEAR:
        return date(period.year + 1, 7, 31)
    if period.kind is Measure.CALENDAR_YEAR:
        return date(period.year, 12, 31)
    assert period.day is not None
    return period.day


def moment(period: Period) -> Moment:
    return Moment(period.kind, period.year, SPAN, period.day)


@given(periods())
def test_the_canonical_text_reads_back_as_the_same_period(period: Period) -> None:
    assert parse_period(period.text) == period


@given(days)
def test_every_way_to_write_a_peildatum_is_the_same_period(day: date) -> None:
    period = Period(Measure.REFERENCE_DATE, day.year, day)
    for text in (day.isoformat(), day.strftime("%d-%m-%Y"), f"{day.day} {MONTHS[day.month - 1]} {day.year}",
                 f"peildatum {date_words(day)}", date_words(day).upper()):
        assert parse_period(text) == period


@given(years)
def test_a_schooljaar_may_be_written_short_or_with_a_dash(year: int) -> None:
    period = Period(Measure.SCHOOL_YEAR, year)
    for text in (f"{year}/{year + 1}", f"{year}-{year + 1}", f"schooljaar {year} / {year + 1}"):
        assert parse_period(text) == period
    if year % 100 != 99:  # `1999/00` is read in the century of its first year, and refused
        assert parse_period(f"{year}/{str(year + 1)[-2:]}") == period


@given(st.sampled_from(list(Measure)), st.data())
def test_on_one_kind_of_axis_the_order_is_the_order_of_the_start_dates(
        kind: Measure, data: st.DataObject) -> None:
    a, b = data.draw(periods(kind, near=True)), data.draw(periods(kind, near=True))
    assert (a.axis < b.axis) == (a.start < b.start)
    assert (a.axis == b.axis) == (a == b)


@given(periods())
def test_a_period_sits_on_its_axis_at_its_year_and_before_the_next(period: Period) -> None:
    assert period.year <= period.axis < period.year + 1
    assert period.axis == period.year or period.kind is Measure.REFERENCE_DATE


@given(periods(near=True), st.integers(2021, 2028))
def test_a_period_is_available_once_its_last_day_lies_in_or_before_the_peiljaar(
        period: Period, peiljaar: int) -> None:
    assert available(period, peiljaar) == (last_day(period).year <= peiljaar)
    assert period.end_year == last_day(period).year
    assert is_past(moment(period), peiljaar) == available(period, peiljaar)


@given(periods(near=True), periods(near=True))
def test_which_measurement_counts_for_a_target_follows_the_rule_in_the_docs(
        measured: Period, target: Period) -> None:
    assert counts_for(measured, moment(target)) == _counts(measured, target)


def _counts(measured: Period, target: Period) -> bool:
    """docs/evaluation.md, "Tijd", spelled out with dates."""
    if target.kind is Measure.CALENDAR_YEAR:
        # the schooljaar that ends in it, the year itself, a peildatum in that year
        return last_day(measured).year == target.year
    if target.kind is Measure.SCHOOL_YEAR:
        first, last = date(target.year, 8, 1), date(target.year + 1, 7, 31)
        if measured.kind is Measure.CALENDAR_YEAR:  # the calendar year in which it ends
            return measured.year == last.year
        return first <= measured.start and last_day(measured) <= last
    assert target.day is not None
    if measured.kind is Measure.REFERENCE_DATE:  # a peildatum in its year, on or before it
        return measured.start.year == target.day.year and measured.start <= target.day
    # the schooljaar or calendar year it falls in
    return measured.start <= target.day <= last_day(measured)


@given(periods(near=True), st.integers(2022, 2026))
def test_a_nulmeting_begins_before_the_agenda(period: Period, first_year: int) -> None:
    start = date(first_year, 1, 1)
    expected = period.start <= start if period.kind is Measure.REFERENCE_DATE else period.start < start
    assert before_agenda(period, first_year) == expected


@given(days)
def test_a_date_reads_as_the_agenda_writes_it(day: date) -> None:
    words = moment_words(Moment(Measure.REFERENCE_DATE, day.year, SPAN, day))
    assert words == f"op {day.day} {MONTHS[day.month - 1]} {day.year}"
    assert parse_period(words.removeprefix("op ")) == Period(Measure.REFERENCE_DATE, day.year, day)


def test_a_year_reads_as_in_its_text() -> None:
    assert moment_words(Moment(Measure.CALENDAR_YEAR, 2027, SPAN)) == "in 2027"
    assert moment_words(Moment(Measure.SCHOOL_YEAR, 2026, SPAN)) == "in 2026/2027"


@pytest.mark.parametrize(("text", "code"), [
    ("1989", "D210"), ("2023/2025", "D212"), ("31-02-2025", "D211"), ("1 januarie 2025", "D216"),
    ("vorig jaar", "D213"),
])
def test_what_is_no_period_is_refused_with_its_code(text: str, code: str) -> None:
    with pytest.raises(ValueProblem) as caught:
        parse_period(text)
    assert caught.value.code == code


def test_a_chart_labels_a_schooljaar_short() -> None:
    assert parse_period("2024/2025").short_text == "2024/25"
    assert parse_period("1999/2000").short_text == "1999/00"
    assert parse_period("2025").short_text == "2025"


def test_the_schooljaar_starts_on_1_august() -> None:
    period = Period(Measure.SCHOOL_YEAR, 2024)
    assert period.start == date(2024, 8, 1)
    assert last_day(period) + timedelta(days=1) == Period(Measure.SCHOOL_YEAR, 2025).start


def test_a_revision_whose_period_cannot_be_read_is_refused_at_its_cell(tmp_path: Path) -> None:
    """revisies.csv is read once into Periods, like observaties.csv: a bad one is a D21x there."""
    (tmp_path / REVISIONS).write_text(
        ";".join(REVISION_COLUMNS) + "\n"
        "thuiszitters;2024/2026;;15;13;telling;2025-03-01;a.csv;waarde: 15 → 13\n", encoding="utf-8")
    with pytest.raises(DataInvalid) as caught:
        load_revisions(tmp_path)
    [problem] = caught.value.problems
    assert problem.code == "D212"
    assert isinstance(problem.place, CellPlace) and problem.place.row == 2 and problem.place.column == 2


def test_a_revision_keeps_its_period_typed_and_writes_it_back_as_text(tmp_path: Path) -> None:
    text = (";".join(REVISION_COLUMNS) + "\n"
            "vve-bereik;2025-01-01;;84;85;telling;2025-03-01;a.csv;waarde: 84 → 85\n")
    (tmp_path / REVISIONS).write_text(text, encoding="utf-8")
    [revision] = load_revisions(tmp_path)
    assert revision.period == Period(Measure.REFERENCE_DATE, 2025, date(2025, 1, 1))
    assert render_revisions([revision]) == text
