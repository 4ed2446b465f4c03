"""The words layer: every rule has its sentence in every language, and the languages agree."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest

from lea_rules import words
from lea_rules.data.model import ReportedState
from lea_rules.evaluation.model import Explanation
from lea_rules.nodes import Better, Comparator, Measure
from lea_rules.period import Period
from lea_rules.report.view import target_axis
from lea_rules.verdict.figures import UnitsMet, UnitValue
from lea_rules.verdict.notes import Note, Remark
from lea_rules.verdict.reasons import Aim, AimKind, Measurement, Reason, Rule, UnitCount
from lea_rules.verdict.status import BaselineKind, Status
from lea_rules.words import en, nl, nl_plain
from lea_rules.words.common import moment


def period_axis(text: str) -> float | None:
    """How the report used to find the chart's target: by reading the Dutch sentence back.

    Kept here as the oracle for target_axis, which now reads the typed measurement instead.
    """
    from lea_rules.tijdstip import MONTH_NAMES

    said = re.search(r"(\d{1,2}) (" + "|".join(MONTH_NAMES) + r") (\d{4})", text)  # a day in words
    if said:
        day = date(int(said.group(3)), MONTH_NAMES.index(said.group(2)) + 1, int(said.group(1)))
        first = date(day.year, 1, 1)
        return day.year + (day - first).days / (date(day.year + 1, 1, 1) - first).days
    school = re.search(r"(\d{4})[/-](\d{4})", text)
    if school:
        return float(school.group(1))
    year = re.search(r"\b(\d{4})\b", text)
    return float(year.group(1)) if year else None


NOTATION = ("R >=", "R <", "<= R", "met(y", "y_tT", "y0", "d*a", "d * ")


def sample(rule: Rule) -> Reason:
    """A reason with every field a sentence may need, wrapping a reason that needs them too."""
    inner = Reason(Rule.RATIO_ACCELERATE)
    if rule is Rule.STRICT_FROM_BOUNDARY:
        inner = Reason(Rule.SIGNALS_NO_CHANGE)
    elif rule in (Rule.CATEGORY_LATEST_MISSED, Rule.CATEGORY_NO_DATA):
        inner = Reason(Rule.REPORTED, stand=ReportedState.DELAYED)
    return Reason(rule, inner=inner, direction=-1, stand=ReportedState.AT_RISK, period="2024",
                  value=Decimal("100"), quantity="20%", groups=("IKC",), indicator="bereik",
                  count=UnitCount(3, 5, 7),
                  file="data/x/eenheden.csv", text="zoals geschreven")


@pytest.mark.parametrize("lang", sorted(words.LANGUAGES))
def test_every_rule_has_a_sentence_in_every_language(lang: str) -> None:
    table = words.sentences(lang)
    missing = [rule.name for rule in Rule if rule not in table]
    assert not missing, f"{lang}: no sentence for {missing}"
    for rule in Rule:
        text = words.rule(sample(rule), lang)
        assert text.strip() and "None" not in text, (lang, rule, text)


def test_english_has_a_sentence_of_its_own_for_every_rule() -> None:
    """English does not fall back on Dutch: each sentence differs from the Dutch one."""
    same = [rule.name for rule in Rule if rule is not Rule.READ_BACK
            and en.rule(sample(rule)) in (nl.rule(sample(rule)), nl_plain.rule(sample(rule)))]
    assert not same
    assert set(en.STATUS) == set(Status)


def test_plain_dutch_has_no_notation_even_inside_a_provisional_verdict() -> None:
    for rule in Rule:
        for reason in (sample(rule), Reason(Rule.FINAL_PENDING, inner=sample(rule))):
            text = nl_plain.rule(reason)
            assert not any(n in text for n in NOTATION), text
    assert nl.rule(Reason(Rule.FINAL_PENDING, inner=Reason(Rule.RATIO_ON_TRACK))) == (
        "eindmeting nog niet beschikbaar (voorlopig: nog niet bereikt, R >= 0,95)")


def test_the_json_twin_says_the_rule_in_dutch_and_reads_it_back() -> None:
    reason = Reason(Rule.SIGNALS_BOTH_RIGHT, trend=True)
    explanation = Explanation(rule=reason)
    assert explanation.rule is reason
    dumped = explanation.model_dump_json()
    assert ('"rule":"trend (alleen richting, geen doel met deadline): gemiddelde en laatste verandering '
            'in de goede richting"') in dumped
    back = Explanation.model_validate_json(dumped)
    assert back.rule.rule is Rule.READ_BACK and nl.rule(back.rule) == nl.rule(reason)
    assert back.model_dump_json() == dumped


PERIODS = {Measure.CALENDAR_YEAR: Period(Measure.CALENDAR_YEAR, 2027),
           Measure.SCHOOL_YEAR: Period(Measure.SCHOOL_YEAR, 2026),
           Measure.REFERENCE_DATE: Period(Measure.REFERENCE_DATE, 2027, date(2027, 6, 1))}
FINALS = {Measure.CALENDAR_YEAR: Period(Measure.CALENDAR_YEAR, 2027),
          Measure.SCHOOL_YEAR: Period(Measure.SCHOOL_YEAR, 2026),
          Measure.REFERENCE_DATE: Period(Measure.REFERENCE_DATE, 2027, date(2027, 3, 1))}


@pytest.mark.parametrize("measure", list(Measure))
@pytest.mark.parametrize("kind", list(Measure))
@pytest.mark.parametrize("final", [False, True])
def test_measurement_in_every_language_and_on_the_chart(measure: Measure, kind: Measure, final: bool) -> None:
    value = Measurement(PERIODS[kind], measure, FINALS[measure] if final else None)
    dutch, english = nl.measurement(value), en.measurement(value)
    assert dutch and english and dutch != english
    # the measurement that counted is named once: after a colon, unless the rule names it already
    shown = moment(FINALS[measure].text, "en")  # a peildatum in words: 1 March 2027, never 2027-03-01
    rule_only = en.measurement(Measurement(PERIODS[kind], measure, None))
    assert english == (f"{rule_only}: {shown}" if final and shown not in rule_only else rule_only)
    # the chart's target sits where reading the Dutch sentence back always put it
    assert target_axis(value) == period_axis(dutch)
    assert words.measurement(value, "nl_plain") == dutch
    assert not re.search(r"\d{4}-\d{2}-\d{2}", dutch + english)  # a day in words, never an ISO date


def note_sample(remark: Remark) -> Note:
    return Note(remark, status=Status.ON_TRACK, period="2024", value=Decimal("12.5"), other=Decimal("0.2"),
                target=Decimal("10"), direction=-1, quantity="20%", comparator=Comparator.LT,
                judged_as=Comparator.LE, better=Better.LOWER, count=UnitCount(3, 5, 7), groups=("IKC",),
                number=7, required=8, file="data/x/eenheden.csv", ratings=("slecht", "goed"),
                day=date(2025, 3, 15), original="bereik >= 90% in 2025", text="zoals geschreven")


@pytest.mark.parametrize("lang", sorted(words.LANGUAGES))
def test_every_note_has_a_sentence_in_every_language(lang: str) -> None:
    missing = [remark.name for remark in Remark if remark not in words.notes(lang)]
    assert not missing, f"{lang}: no sentence for {missing}"
    for remark in Remark:
        text = words.note(note_sample(remark), lang)
        assert text.strip() and "None" not in text, (lang, remark, text)


def test_english_notes_are_english() -> None:
    same = [r.name for r in Remark if r is not Remark.READ_BACK
            and en.note(note_sample(r)) == nl.note(note_sample(r))]
    assert not same
    assert en.note(Note(Remark.PENDING, status=Status.ACCELERATION_NEEDED)) == (
        "no measurement for the target moment yet; provisional status: acceleration needed")


def test_notes_read_back_from_the_json_twin() -> None:
    explanation = Explanation(rule=Reason(Rule.NO_BASELINE), notes=[note_sample(Remark.WHOLE_NUMBERS)])
    dumped = explanation.model_dump_json()
    assert '"notes":["hele aantallen: < 12,5 is <= 0,2"]' in dumped
    back = Explanation.model_validate_json(dumped)
    assert back.notes[0].remark is Remark.READ_BACK and back.model_dump_json() == dumped


@pytest.mark.parametrize("kind", list(AimKind))
def test_every_target_reads_in_every_language(kind: AimKind) -> None:
    aim = Aim(kind, comparator=Comparator.GE, quantity="85%", value=Decimal("0.05"), direction=1,
              period="2024", groups=("IKC",), text="bereik >= 85% in 2027")
    dutch, plain, english = nl.aim(aim), nl_plain.aim(aim), en.aim(aim)
    assert dutch and plain and english and "None" not in dutch + plain + english
    assert ">=" not in plain and ">=" not in english  # the report shows the sign ≥
    if kind in (AimKind.CHANGE, AimKind.REFERENCE, AimKind.TREND, AimKind.ALL_UNITS):
        assert english != plain
    assert Explanation(rule=Reason(Rule.NO_BASELINE), target_text=aim).model_dump()["target_text"] == dutch


def test_baseline_kinds_are_said_in_both_languages() -> None:
    for kind in BaselineKind:
        assert words.baseline_kind(kind, "nl") == kind.value  # the JSON's name
        assert words.baseline_kind(kind, "nl_plain")  # the report's words for the raad
        assert words.baseline_kind(kind, "en") not in ("", kind.value)
    # the report says where a basis: comes from in plain Dutch, not `(expliciet)`
    assert words.baseline_kind(BaselineKind.EXPLICIT, "nl_plain") == "uit de agenda"


def test_a_baseline_measurement_note_has_no_y0_and_no_iso_date_in_the_report() -> None:
    from decimal import Decimal

    from lea_rules.verdict.notes import Note, Remark

    same = Note(Remark.SAME_MOMENT, period="2025-01-01", value=Decimal(78), percent=True, flag=False)
    plain, english, technical = (words.note(same, lang) for lang in ("nl_plain", "en", "nl"))
    assert plain == ("de meting over 1 januari 2025 (78%) is een meting, ook al valt ze op het moment van "
                     "de basis in de agenda; ze verschilt van die basis, en het doel rekent vanaf de basis "
                     "in de agenda")
    assert "1 January 2025" in english and "y0" not in english
    assert "1 januari 2025" in technical and "2025-01-01" not in technical  # the JSON keeps y0, in words


def test_every_status_has_a_colour_and_its_words() -> None:
    """A new Status member needs a colour (STATUS_COLOUR, lea_rules/verdict/status.py) and an English
    name (STATUS, lea_rules/words/en.py); this says which are missing instead of a bare KeyError."""
    from lea_rules.verdict.status import STATUS_COLOUR

    no_colour = [s.name for s in Status if s not in STATUS_COLOUR]
    no_english = [s.name for s in Status if s not in en.STATUS]
    assert not no_colour, f"geen kleur in STATUS_COLOUR (lea_rules/verdict/status.py) voor {no_colour}"
    assert not no_english, f"geen Engelse naam in STATUS (lea_rules/words/en.py) voor {no_english}"


def test_every_aspiration_has_words_and_is_never_red() -> None:
    """A streven is said as one in every language, never with a norm's words, never red."""
    from lea_rules.report.i18n import status_label
    from lea_rules.verdict.aspiration import ASPIRATION, Aspiration, as_aspiration
    from lea_rules.verdict.status import Colour

    assert set(ASPIRATION.values()) == set(Aspiration)
    norms = {status_label(s, lang) for s in Status for lang in ("nl", "en")}
    for aspiration in Aspiration:
        assert aspiration.colour is not Colour.RED
        assert "streven" in aspiration.value.casefold()
        assert "aspiration" in en.status(aspiration)
        assert {status_label(aspiration, lang) for lang in ("nl", "en")}.isdisjoint(norms)
    for status in Status:
        shown = as_aspiration(status)
        if status.colour is Colour.GREY:
            assert shown is None  # missing data is said as it is
        else:
            assert shown is not None
            assert shown.colour is (Colour.GREEN if status.colour is Colour.GREEN else Colour.ORANGE)
    for lang in words.LANGUAGES:
        text = words.note(Note(Remark.ASPIRATION), lang)
        assert ("streven" in text) if lang != "en" else ("aspiration" in text)


@pytest.mark.parametrize(("lang", "expected"), [
    ("nl", "3 van 4 kindcentra voldoen; 1 zonder gegevens"),
    ("nl_plain", "3 van 4 kindcentra voldoen; 1 zonder gegevens"),
    ("en", "3 of 4 units (kindcentrum) meet; 1 without data"),
])
def test_a_count_over_units_is_said_in_each_language(lang: str, expected: str) -> None:
    """The source of a count over units is typed (UnitsMet): the English report says it in English."""
    assert words.source(UnitsMet(UnitCount(3, 3, 4), ("kindcentrum",)), lang) == expected
    assert words.source("CBS Statline", lang) == "CBS Statline"  # the data's own text, as written


@pytest.mark.parametrize(("value", "nl_text", "en_text"), [
    (UnitValue(number=Decimal("4.5")), "4,5", "4.5"), (UnitValue(number=Decimal("1250")), "1.250", "1,250"),
    (UnitValue(flag=True), "ja", "yes"), (UnitValue(rating="goed"), "goed", "goed"),
    (UnitValue(), "geen gegevens", "no data"),
])
def test_a_units_value_is_said_in_each_language(value: UnitValue, nl_text: str, en_text: str) -> None:
    assert (words.unit_value(value, "nl"), words.unit_value(value, "nl_plain")) == (nl_text, nl_text)
    assert words.unit_value(value, "en") == en_text
