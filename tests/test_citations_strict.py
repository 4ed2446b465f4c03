"""The citation rules (docs/language.md, Herkomst): numbers as written, the right line, long enough."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from shipped import shipped_agendas

from lea_rules.checks import citations
from lea_rules.checks.citations import IndexedText, load_document, normalise, word_count
from lea_rules.cli import main

DOCUMENT = """Lokale Educatieve Agenda Proefstad
Het bereik op 1 januari 2022 was 83,7%. Het bereik van
VVE stijgt naar 85% in 2027 en de kwaliteit blijft goed.
Kengetallen
\u2022\tKinderwerk.
o Positieve (mentale) gezondheid verbeteren
\u2022\tZorgplatform ondersteuningscoördinatoren VO Henge-
lo, afstemming omtrent ondersteuning.
Jaarlijks kunnen ongeveer 10 extra scholen meedoen.
In 2023 is 1.700 kinderen getest; 10 % van hen.
"""

HEADER = """gemeente: "Proefstad"
titel: "LEA Proefstad 2024-2027"
periode: 2024-2027
document lea: "bron.txt" "De LEA van Proefstad"
indicator vve-bereik "Bereik VVE"
  eenheid: %
  beter: hoger
thema 1 "Kansengelijkheid"
  ambitie 1.1 "Elk kind een goede start"
    resultaat "Meer kinderen"
      doel: vve-bereik >= 85% in 2027
"""


def check(tmp_path: Path, capsys: pytest.CaptureFixture[str], *citations: str) -> str:
    (tmp_path / "bron.txt").write_text(DOCUMENT, encoding="utf-8")
    lines = "".join(f"      citaat: {c}\n" for c in citations)
    (tmp_path / "a.lea").write_text(HEADER + lines, encoding="utf-8")
    main(["check", str(tmp_path / "a.lea")])
    captured = capsys.readouterr()
    return captured.out + captured.err


def codes(out: str) -> list[str]:
    return re.findall(r"^fout\[(E\d{3})\]", out, re.M)


def test_the_rules_are_the_documented_ones() -> None:
    assert citations.LINE_SLACK == 1 and citations.MIN_WORDS == 5
    text = Path(__file__).resolve().parent.parent.joinpath("docs", "language.md").read_text(encoding="utf-8")
    text = " ".join(text.split())
    assert "minstens 5 woorden" in text and "één regel ervoor of erna" in text


@pytest.mark.parametrize("quote", [
    'lea regel 2 "Het bereik op 1 januari 2022 was 83,7%"',
    'lea regel 2 "Het bereik op 1 januari 2022 was 83,7 %"',  # a space before % is the same number
    'lea regel 3 "Het bereik van VVE stijgt naar 85% in 2027"',  # starts at the end of line 2
    'lea regel 2 "VVE stijgt naar 85% in 2027 en de kwaliteit blijft goed"',  # one line off
    'lea regel 5 "Kinderwerk."',  # a whole bullet
    'lea regel 6 "Positieve (mentale) gezondheid verbeteren"',  # a bullet written as the letter o
    'lea regel 4 "Kengetallen"',  # a heading
    'lea regel 10 "In 2023 is 1.700 kinderen getest; 10% van hen"',
    'lea pagina 3 "Jaarlijks kunnen ongeveer 10 extra scholen meedoen"',
])
def test_good_quotes_pass(tmp_path: Path, capsys: pytest.CaptureFixture[str], quote: str) -> None:
    out = check(tmp_path, capsys, quote)
    assert codes(out) == [], out


@pytest.mark.parametrize(("quote", "written"), [
    ('lea regel 2 "Het bereik op 1 januari 2022 was 837"', "'83,7%' in plaats van '837'"),
    ('lea regel 2 "Het bereik op 1 januari 2022 was 83.7%"', "'83,7%' in plaats van '83.7%'"),
    ('lea regel 2 "Het bereik op 1 januari 2022 was 83,7"', "'83,7%' in plaats van '83,7'"),
    ('lea regel 10 "In 2023 is 1700 kinderen getest"', "'1.700' in plaats van '1700'"),
])
def test_a_number_must_keep_its_notation(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         quote: str, written: str) -> None:
    out = check(tmp_path, capsys, quote)
    assert codes(out) == ["E252"], out
    assert "een getal is er anders geschreven" in out and written in out


def test_a_number_is_not_found_inside_another(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = check(tmp_path, capsys, 'lea regel 3 "VVE stijgt naar 5% in 2027 en de kwaliteit"')
    assert codes(out) == ["E252"], out
    assert normalise("5%") not in normalise("85%") and normalise("27") not in normalise("2027")


def test_two_lines_off_is_the_wrong_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = check(tmp_path, capsys, 'lea regel 5 "Het bereik van VVE stijgt naar 85% in 2027"')
    assert codes(out) == ["E253"] and "schrijf 'regel 2'" in out, out


@pytest.mark.parametrize(("quote", "fix"), [
    ('lea regel 9 "Jaarlijks"', "Jaarlijks kunnen ongeveer 10 extra scholen meedoen."),
    ('lea regel 3 "VVE stijgt"', "VVE stijgt naar 85% in 2027 en de kwaliteit blijft goed."),
    ('lea regel 2 "was 83,7%"',
     "was 83,7%. Het bereik van VVE stijgt naar 85% in 2027 en de kwaliteit blijft goed."),
    # the first line of a wrapped bullet is not a whole line: the word goes on over the next
    ('lea regel 7 "Zorgplatform ondersteuningscoördinatoren VO Henge-"',
     "Zorgplatform ondersteuningscoördinatoren VO Hengelo, afstemming omtrent ondersteuning."),
    # "V" is also in regel 2 ("van"): the help takes the words of the cited line itself
    ('lea regel 3 "V"', "VVE stijgt naar 85% in 2027 en de kwaliteit blijft goed."),
])
def test_a_short_fragment_is_refused_and_the_help_is_a_fix(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                           quote: str, fix: str) -> None:
    out = check(tmp_path, capsys, quote)
    assert codes(out) == ["E255"] and "citaat te kort" in out, out
    assert f'neem meer woorden over uit het document: "{fix}"' in out, out
    fixed = re.sub(r'"[^"]*"$', f'"{fix}"', quote)
    assert codes(check(tmp_path, capsys, fixed)) == [], fixed


@pytest.mark.parametrize("quote", ['lea regel 2 "a"', 'lea regel 2 "op 1"', 'lea regel 2 "..."'])
def test_one_letter_and_empty_quotes_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                 quote: str) -> None:
    assert codes(check(tmp_path, capsys, quote)) == ["E255"]


def test_words_are_counted_with_numbers_and_without_signs() -> None:
    assert word_count("VVE-arrangementen € 4.350.000") == 3
    assert word_count("Het bereik op 1 januari 2022 was 83,7%") == 8


def test_the_cached_index_is_the_same_index(tmp_path: Path) -> None:
    path = tmp_path / "bron.txt"
    path.write_text(DOCUMENT, encoding="utf-8")
    fresh = IndexedText(DOCUMENT)
    for _ in range(2):  # the second load comes from the cache
        load_document.cache_clear()
        loaded = load_document(str(path), path.stat().st_mtime)
        assert (loaded.text, loaded.starts, loaded.continued) == (fresh.text, fresh.starts, fresh.continued)


def test_every_quote_in_the_shipped_agendas_follows_the_rules(root: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    paths = [str(p) for p in shipped_agendas(root)]
    assert main(["check", *paths]) == 0, capsys.readouterr().out


def test_matches_near_a_line_are_the_matches_that_start_there() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.sampled_from(["ab", "b a", "", "abab", "c", "a-", "o a", "8,5%", "a 85"]),
                    min_size=1, max_size=30),
           st.sampled_from(["a", "ab", "b a b", "c", "85", "8,5%", "a 85"]), st.integers(-2, 35))
    def same(lines: list[str], quote: str, line: int) -> None:
        indexed = IndexedText("\n".join(lines))
        key = normalise(quote)
        everywhere = [i for i in range(len(indexed.text)) if indexed.text.startswith(key, i)]
        near = [i for i in everywhere
                if abs(bisect.bisect_right(indexed.starts, i) - line) <= citations.LINE_SLACK]
        assert list(indexed.matches(quote, line, citations.LINE_SLACK)) == near
        assert list(indexed.matches(quote, None, citations.LINE_SLACK)) == everywhere

    same()


def test_a_common_short_quote_is_looked_for_in_a_bounded_number_of_places() -> None:
    indexed = IndexedText("de kat en de hond\n" * 20_000)
    assert len(list(indexed.matches("de", None, 1))) == citations.MAX_MATCHES
    assert not indexed.is_whole_lines("de", None, 1)
    assert indexed.is_whole_lines("de kat en de hond", 7, 1)


Key = tuple[str, int, int]
BAD_ENTRIES: list[Callable[[Key], object]] = [
    lambda key: "geen tuple",
    lambda key: ("pad",),
    lambda key: (None, 0, 0, "", (0,), ()),
    # the right key, a wrong shape: lines out of order, past the text, a continued line past the end
    lambda key: (*key, "tekst", (0, 5, 2), ()),
    lambda key: (*key, "tekst", (0, 99), ()),
    lambda key: (*key, "tekst", (0,), (7,)),
    lambda key: (*key, "tekst", [0], ()),
]


@pytest.mark.parametrize("bad", BAD_ENTRIES)
def test_a_damaged_or_foreign_cache_entry_is_ignored(bad: Callable[[Key], object], tmp_path: Path) -> None:
    import zlib

    from lea_rules import cache

    path = tmp_path / "bron.txt"
    path.write_text(DOCUMENT, encoding="utf-8")
    stat = path.stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    cache.write(f"doc2-{zlib.crc32(str(path).encode()):08x}.marshal", bad(key))
    load_document.cache_clear()
    loaded = load_document(*key)
    fresh = IndexedText(DOCUMENT)
    assert (loaded.text, loaded.starts, loaded.continued) == (fresh.text, fresh.starts, fresh.continued)
