"""Time as documents write it: every form is a span of days (docs/language.md, "Tijd").

The table of the docs is restated here with dates, independently of lea_rules/tijdstip.py, and
the forms are read through the real parser and builder, as a writer's agenda would be.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lea_rules import nodes as n
from lea_rules.builder import build
from lea_rules.period import Period, counts_for, moment_words
from lea_rules.source import SourceFile
from lea_rules.tijdstip import Form

years = st.integers(2000, 2090)
quick = settings(deadline=None, max_examples=40)  # each example builds an agenda
# docs/language.md, "Tijd": first and last month of each part of a year
TABLE = {"begin": (1, 3), "voorjaar": (3, 5), "zomer": (6, 8), "medio": (6, 7), "najaar": (9, 11),
         "eind": (10, 12), "eerste helft": (1, 6), "tweede helft": (7, 12)}
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december")


def last_of_month(year: int, month: int) -> date:
    return (date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)) - timedelta(days=1)


def agenda(body: str, period: str = "2000-2099") -> tuple[n.Agenda | None, list[str]]:
    text = (f'gemeente: "Voorbeeld"\ntitel: "LEA"\nperiode: {period}\nindicator x "X"\n  eenheid: aantal\n'
            f'  beter: hoger\nthema 1 "T"\n  ambitie 1.1 "A"\n{body}\n')
    result = build(SourceFile(path="t.lea", text=text))
    return result.agenda, [d.code for d in result.diagnostics]


def goal_moment(written: str) -> n.Moment:
    built, codes = agenda(f'    resultaat "R"\n      doel: mijlpaal {written}')
    assert built is not None and not codes, codes
    goal = next(built.all_results())[1].goals[0]
    assert isinstance(goal, n.MilestoneGoal) and goal.deadline is not None
    return goal.deadline


def planned(line: str) -> n.Planned:
    built, codes = agenda(f'    actie "A"\n      {line}')
    assert built is not None and not codes, codes
    action = next(built.all_actions())[1]
    found = action.start or action.ready
    assert found is not None
    return found


@quick
@given(st.sampled_from(sorted(TABLE)), years)
def test_a_part_of_a_year_is_the_months_of_the_table(part: str, year: int) -> None:
    first, last = TABLE[part]
    for written in (f"{part} {year}", f"in {part} {year}", f"in het {part} van {year}"):
        moment = goal_moment(written)
        assert moment.written is not None
        span = (moment.written.first, moment.written.last)
        assert span == (date(year, first, 1), last_of_month(year, last))
        assert moment.written.deadline == moment.written.last
        # on the time axis, a part of a year sits at the year of its last day
        assert (moment.kind, moment.year) == (n.Measure.CALENDAR_YEAR, year)


@quick
@given(st.sampled_from(sorted(TABLE)), st.sampled_from(sorted(TABLE)), years, st.integers(0, 2))
def test_two_parts_make_one_span_when_the_second_follows_within_a_year(
        a: str, b: str, year: int, gap: int) -> None:
    second_year = year + gap
    text = f"gereed: {a} {year}/{b} {second_year}"
    built, codes = agenda(f'    actie "A"\n      {text}')
    a_last = last_of_month(year, TABLE[a][1])
    b_first = date(second_year, TABLE[b][0], 1)
    if b_first > a_last and gap <= 1:
        assert codes == []
        assert built is not None
        ready = next(built.all_actions())[1].ready
        assert ready is not None
        assert (ready.when.first, ready.when.last) == (date(year, TABLE[a][0], 1),
                                                       last_of_month(second_year, TABLE[b][1]))
    else:
        assert codes == ["E313"]


@quick
@given(years)
def test_years_schooljaren_and_days(year: int) -> None:
    assert (planned(f"start: {year}").when.first, planned(f"start: {year}").when.last) == (
        date(year, 1, 1), date(year, 12, 31))
    for text in (f"schooljaar {year}/{year + 1}", f"{year}/{year + 1}", f"in schooljaar {year}/{year + 1}"):
        when = planned(f"start: {text}").when
        assert (when.form, when.first, when.last) == (
            Form.SCHOOL_YEAR, date(year, 8, 1), date(year + 1, 7, 31))
    when = planned(f"gereed: uiterlijk 1 augustus {year}").when
    assert (when.first, when.last, when.by) == (date(year, 8, 1), date(year, 8, 1), True)


@quick
@given(st.sampled_from(["2021", "schooljaar 2020/2021", "1 augustus 2020", "uiterlijk 1 augustus 2020",
                        "voorjaar 2021", "najaar 2021", "zomer 2021", "begin 2021", "eind 2021",
                        "medio 2021", "eind 2020/begin 2021", "uiterlijk eind 2021", "februari 2023",
                        "tweede helft 2023", "eerste helft 2023/tweede helft 2023"]))
def test_the_words_of_a_time_read_back_as_the_same_time(written: str) -> None:
    when = planned(f"gereed: {written}").when
    assert when.words == written
    assert planned(f"gereed: {when.words}").when == when
    # as a goal's moment (after `uiterlijk`, or as it is for a part of a year), its phrase reads back
    # as the same time too
    bare = written.startswith("uiterlijk") or when.form is Form.PART
    goal_text = written if bare else f"uiterlijk {written}"
    moment = goal_moment(goal_text)
    assert moment.written is not None and moment.written.words == goal_text
    again = goal_moment(moment_words(moment))
    assert (again.kind, again.year, again.day, again.written) == (
        moment.kind, moment.year, moment.day, moment.written)


@quick
@given(years, st.integers(1, 12))
def test_a_month_is_its_days_and_a_dashed_schooljaar_is_the_schooljaar(year: int, month: int) -> None:
    when = planned(f"start: {MONTHS[month - 1]} {year}").when
    assert (when.first, when.last) == (date(year, month, 1), last_of_month(year, month))
    assert planned(f"gereed: schooljaar {year}-{year + 1}").when == planned(
        f"gereed: schooljaar {year}/{year + 1}").when
    _, codes = agenda(f'    actie "A"\n      gereed: schooljaar {year}-{year + 2}')
    assert codes == ["E312"]


def test_in_two_years_is_the_same_target_twice() -> None:
    built, codes = agenda('    resultaat "R"\n      doel: x >= 100 in 2020 en 2021')
    assert built is not None and codes == []
    goals = next(built.all_results())[1].goals
    assert [(type(g).__name__, g.deadline.year if g.deadline else None) for g in goals] == [
        ("CompareGoal", 2020), ("CompareGoal", 2021)]
    assert goals[0].value == goals[1].value


def test_a_staged_goal_may_end_in_two_years() -> None:
    built, codes = agenda('    resultaat "R"\n      doel: x >= 80 voorjaar 2025 en >= 90 in 2026 en 2027')
    assert built is not None and codes == []
    goals = next(built.all_results())[1].goals
    assert [g.deadline.describe() for g in goals if g.deadline] == ["voorjaar 2025", "2026", "2027"]


@pytest.mark.parametrize(("line", "code"), [
    ("doel: x >= 5 in 2021 en 2020", "E314"),
    ("doel: x >= 5 de komende jaren", "E315"),
    ("doel: x >= 5 in de komende jaren", "E315"),
    ("doel: mijlpaal eind 2021/voorjaar 2021", "E313"),
])
def test_times_that_cannot_be_read_give_one_error(line: str, code: str) -> None:
    _, codes = agenda(f'    resultaat "R"\n      {line}')
    assert codes == [code]


@quick
@given(st.dates(date(2020, 1, 1), date(2023, 12, 31)), st.sampled_from(sorted(TABLE)),
       st.integers(2021, 2022))
def test_on_a_peildatum_series_a_day_within_the_span_counts(day: date, part: str, year: int) -> None:
    moment = goal_moment(f"{part} {year}")
    first, last = date(year, TABLE[part][0], 1), last_of_month(year, TABLE[part][1])
    assert counts_for(Period(n.Measure.REFERENCE_DATE, day.year, day), moment) == (first <= day <= last)


@quick
@given(st.integers(2019, 2024), st.sampled_from(sorted(TABLE)), st.integers(2021, 2022))
def test_on_a_year_series_a_span_counts_as_the_calendar_year_of_its_last_day(
        measured: int, part: str, year: int) -> None:
    moment = goal_moment(f"{part} {year}")
    assert counts_for(Period(n.Measure.CALENDAR_YEAR, measured), moment) == (measured == year)
    # the schooljaar that ends in that year
    assert counts_for(Period(n.Measure.SCHOOL_YEAR, measured), moment) == (measured + 1 == year)
