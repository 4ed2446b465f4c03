"""Natural Dutch forms (docs/language.md): each means exactly its symbolic form.

`minimaal 85%` is `>= 85%`, `85 procent` is `85%`, `periode: 2024 t/m 2027` is `2024-2027`:
an agenda written either way builds to the same model (spans aside), so the checks, the
evaluation and the report treat it alike. The words for "at least" also start a count over
units (`tenminste 6 IKC met ...`); both readings are pinned here.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lea_rules import nodes as n
from lea_rules.api import check_source
from lea_rules.builder import build, strip_spans
from lea_rules.goal_values import COMPARATOR_WORDS
from lea_rules.source import SourceFile

HEADER = """gemeente: "Woordstad"
titel: "LEA Woordstad 2024-2027"
periode: {periode}
indeling: {indeling}
groep IKC: "integraal kindcentrum"
indicator vve-bereik "Bereik VVE"
  eenheid: {eenheid}
  beter: hoger
indicator thuiszitters "Thuiszitters"
  eenheid: aantal
  beter: lager
indicator brug "Brugfunctionaris"
  eenheid: ja/nee
  per: IKC
indicator overleg "Overleggen"
  eenheid: aantal
  per: IKC
{woord} 1 "Start"
  ambitie 1.1 "Voorschool"
    resultaat "R"
      doel: {doel}
"""


def agenda(doel: str, periode: str = "2024-2027", eenheid: str = "%", indeling: str = "thema > ambitie",
           woord: str = "thema") -> n.Agenda:
    text = HEADER.format(doel=doel, periode=periode, eenheid=eenheid, indeling=indeling, woord=woord)
    source = SourceFile("woordstad.lea", text)
    diagnostics = check_source(source).diagnostics
    assert [d for d in diagnostics if d.is_error] == [], [d.message for d in diagnostics]
    result = build(source)
    assert result.agenda is not None
    return result.agenda


def meaning(agenda_: n.Agenda) -> object:
    return strip_spans(agenda_)


@pytest.mark.parametrize(("natural", "symbolic"), [
    ("vve-bereik minimaal 85% in 2027", "vve-bereik >= 85% in 2027"),
    ("vve-bereik ten minste 85% in 2027", "vve-bereik >= 85% in 2027"),
    ("vve-bereik tenminste 85% in 2027", "vve-bereik >= 85% in 2027"),
    ("vve-bereik minstens 85% in 2027", "vve-bereik >= 85% in 2027"),
    ("vve-bereik ≥ 85% in 2027", "vve-bereik >= 85% in 2027"),
    ("vve-bereik meer dan 84% in 2027", "vve-bereik > 84% in 2027"),
    ("thuiszitters maximaal 10 in 2027", "thuiszitters <= 10 in 2027"),
    ("thuiszitters hoogstens 10 in 2027", "thuiszitters <= 10 in 2027"),
    ("thuiszitters ten hoogste 10 in 2027", "thuiszitters <= 10 in 2027"),
    ("thuiszitters hooguit 10 in 2027", "thuiszitters <= 10 in 2027"),
    ("thuiszitters ≤ 10 in 2027", "thuiszitters <= 10 in 2027"),
    ("thuiszitters minder dan 10 in 2027", "thuiszitters < 10 in 2027"),
    ("thuiszitters precies 4 in 2027", "thuiszitters = 4 in 2027"),
    ("thuiszitters gelijk aan 4 in 2027", "thuiszitters = 4 in 2027"),
    ("vve-bereik >= 85 procent in 2027", "vve-bereik >= 85% in 2027"),
    ("vve-bereik >= 85% in schooljaar 2026/2027", "vve-bereik >= 85% in 2026/2027"),
    ("vve-bereik >= 80% in 2025 en minimaal 85% in 2027", "vve-bereik >= 80% in 2025 en >= 85% in 2027"),
    ("tenminste 2 IKC met overleg minimaal 3 in 2027", "tenminste 2 IKC met overleg >= 3 in 2027"),
    ("minstens 2 IKC met brug in 2027", "tenminste 2 IKC met brug in 2027"),
])
def test_natural_form_means_its_symbol(natural: str, symbolic: str) -> None:
    assert meaning(agenda(natural)) == meaning(agenda(symbolic))


@pytest.mark.parametrize("periode", ["2024 t/m 2027", "2024 tot en met 2027"])
def test_period_in_words(periode: str) -> None:
    assert agenda("vve-bereik >= 85%", periode=periode).period == (2024, 2027)
    assert meaning(agenda("vve-bereik >= 85%", periode=periode)) == meaning(agenda("vve-bereik >= 85%"))


def test_eenheid_procent_is_percent() -> None:
    built = agenda("vve-bereik >= 85% in 2027", eenheid="procent")
    assert built.indicators[0].unit is n.Unit.PERCENT
    assert meaning(built) == meaning(agenda("vve-bereik >= 85% in 2027"))


def goal_of(agenda_: n.Agenda, index: int = 0) -> n.Goal:
    return agenda_.sections[0].children[0].results[0].goals[index]


@pytest.mark.parametrize("word", ["tenminste", "ten minste", "minimaal", "minstens"])
def test_at_least_words_read_both_ways(word: str) -> None:
    """After the number a group name makes it a count over units; a value a comparison."""
    units = goal_of(agenda(f"{word} 6 IKC met brug in 2027"))
    assert isinstance(units, n.UnitsGoal) and units.minimum is not None and units.minimum.text == "6"
    compare = goal_of(agenda(f"vve-bereik >= 80% in 2025 en {word} 85% in 2027"), 1)
    assert isinstance(compare, n.CompareGoal) and compare.comparator is n.Comparator.GE
    assert compare.indicator_implicit
    both = agenda(f"{word} 6 IKC met brug in 2026 en {word} 7 IKC met overleg {word} 2 in 2027")
    first, second = (goal_of(both, i) for i in range(2))
    assert isinstance(first, n.UnitsGoal) and isinstance(second, n.UnitsGoal)
    assert second.comparator is n.Comparator.GE and second.value is not None


@given(st.sampled_from(sorted(COMPARATOR_WORDS)), st.integers(min_value=1, max_value=99))
def test_every_comparator_word_parses_as_its_sign(word: str, value: int) -> None:
    sign = COMPARATOR_WORDS[word]
    line = f"vve-bereik {word} {value}% in 2027"
    goal = goal_of(agenda(line.replace("vve-bereik", "thuiszitters").replace("%", "")
                          if sign in ("<=", "<") else line))
    assert isinstance(goal, n.CompareGoal) and goal.comparator.value == sign


def test_doel_is_a_section_word_without_colon() -> None:
    built = agenda("vve-bereik >= 85% in 2027", indeling="doel > ambitie", woord="doel")
    section = built.sections[0]
    assert (section.word, section.number, section.title) == ("doel", "1", "Start")
    result = section.children[0].results[0]
    assert isinstance(result.goals[0], n.CompareGoal)


def test_names_that_start_with_a_comparator_word_stay_names() -> None:
    goal = goal_of(agenda("vve-bereik >= 85% in 2027"))
    assert isinstance(goal, n.CompareGoal)
    text = HEADER.format(doel="precies-genoeg >= 2", periode="2024-2027", eenheid="%",
                         indeling="thema > ambitie", woord="thema")
    text = text.replace("indicator overleg",
                        "indicator precies-genoeg \"P\"\n  eenheid: aantal\nindicator overleg")
    built = build(SourceFile("w.lea", text)).agenda
    assert built is not None
    goal = built.sections[0].children[0].results[0].goals[0]
    assert isinstance(goal, n.CompareGoal) and goal.indicator == "precies-genoeg"


# --- texts between curly quotes, names with spaces, a fraction on a percentage ---------------


def check_text(text: str) -> list[tuple[str, str, str | None]]:
    """The errors of an agenda (its unused declarations only warn)."""
    return [(d.code, d.message, d.help) for d in check_source(SourceFile("w.lea", text)).diagnostics
            if d.is_error]


@pytest.mark.parametrize("quoted", ["“Start”", "„Start”", "„Start“"])
def test_curly_quotes_mean_straight_ones(quoted: str) -> None:
    text = HEADER.format(doel="vve-bereik >= 85%", periode="2024-2027", eenheid="%",
                         indeling="thema > ambitie", woord="thema")
    curly = build(SourceFile("w.lea", text.replace('"Start"', quoted))).agenda
    assert curly is not None and curly.sections[0].title == "Start"
    assert strip_spans(curly) == strip_spans(build(SourceFile("w.lea", text)).agenda)


@pytest.mark.parametrize(("line", "fix"), [
    ('thema 1 “Start"', 'schrijf "Start"'),
    ('thema 1 "Start”', 'schrijf "Start"'),
    ("thema 1 “Start", 'schrijf "Start"'),
    ("thema 1 “Hij zei “ja” tegen mij”", 'schrijf "Hij zei “ja” tegen mij"'),
    ('thema 1 “Hij zei "ja" tegen mij”', 'schrijf "Hij zei \\"ja\\" tegen mij"'),
])
def test_quotes_that_do_not_pair_get_the_straight_text(line: str, fix: str) -> None:
    found = check_text(f'gemeente: "G"\ntitel: "T"\nperiode: 2024-2027\n{line}\n')
    assert [(code, hint) for code, _, hint in found] == [("E170", fix)]


def test_straight_quotes_only_keep_their_own_messages() -> None:
    found = check_text('gemeente: "G"\ntitel: "T"\nperiode: 2024-2027\nthema 1 "Start\n')
    assert [code for code, _, _ in found] == ["E104"]
    found = check_text('gemeente: "G"\ntitel: "T"\nperiode: 2024-2027\nthema 1 “Start” x # “noot”\n')
    assert [code for code, _, _ in found] == ["E101"]


def test_name_with_spaces_names_the_declared_name() -> None:
    for written, hint in (("VVE bereik >= 85%", "schrijf 'vve-bereik'"),
                          ("minimaal 2 integraal kind centrum met brug", None)):
        text = HEADER.format(doel=written, periode="2024-2027", eenheid="%",
                             indeling="thema > ambitie", woord="thema")
        found = check_text(text)
        if hint is None:  # no declared name fits: the parser's own message
            assert [code for code, _, _ in found] == ["E101"]
        else:
            assert [(code, h) for code, _, h in found] == [("E171", hint)]


@pytest.mark.parametrize(("number", "title", "hint"), [
    ("0,85", "Het bereik stijgt naar 85% in 2027", "bedoelde je 85%? (de titel noemt 85%"),
    ("0,85", "Het bereik stijgt naar 85 procent", "bedoelde je 85%? (de titel noemt 85%"),
    ("0,85", "Het bereik blijft boven 0,85%", "bedoelde je 0,85%? (de titel noemt 0,85%)"),
    ("0,85", "Het bereik stijgt", "bedoelde je 85% (0,85 als deel van het geheel) of 0,85%?"),
    ("0,855", "Het bereik stijgt", "bedoelde je 85,5% (0,855 als deel van het geheel) of 0,855%?"),
    ("85", "Het bereik stijgt naar 85%", "bedoelde je 85%?"),
])
def test_a_fraction_on_a_percentage_gets_the_reading_of_its_title(number: str, title: str, hint: str) -> None:
    text = HEADER.format(doel=f"vve-bereik >= {number} in 2027", periode="2024-2027", eenheid="%",
                         indeling="thema > ambitie", woord="thema")
    text = text.replace('resultaat "R"', f'resultaat "{title}"')
    found = check_text(text)
    assert len(found) == 1 and found[0][0] == "E220"
    assert found[0][2] is not None and found[0][2].startswith(hint)
    assert "0,85%?" not in found[0][2] or "0,85%" in title or " of " in found[0][2]


def test_one_level_indeling() -> None:
    text = ('gemeente: "G"\ntitel: "T"\nperiode: 2024-2027\nindeling: doel\n'
            'indicator vve-bereik "B"\n  eenheid: %\n  beter: hoger\n'
            'doel 1 "Start"\n  actie "Voorschool"\n  resultaat "R"\n    doel: vve-bereik minimaal 85%\n'
            'doel 2 "Verder"\n  actie "Brug"\n')
    assert check_text(text) == []
    built = build(SourceFile("w.lea", text)).agenda
    assert built is not None and built.levels == (("doel",), ())
    assert [(s.word, s.number, s.level, len(s.actions)) for s in built.sections] == [
        ("doel", "1", 1, 1), ("doel", "2", 1, 1)]
    with_level_two = text.replace('  actie "Brug"', '  ambitie 2.1 "x"')
    assert [code for code, _, _ in check_text(with_level_two)] == ["E110"]


def test_item_in_the_indeling_offers_one_level() -> None:
    found = check_text('gemeente: "G"\ntitel: "T"\nperiode: 2024-2027\nindeling: doel > actie\n'
                       'doel 1 "Start"\n  actie "Voorschool"\n')
    assert [(code, hint) for code, _, hint in found] == [
        ("E172", "schrijf 'indeling: doel' (één niveau: de acties en resultaten staan dan direct "
                 "onder elk doel)")]
