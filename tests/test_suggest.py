"""Suggestions: the same answers as a plain comparison with every name, at a bounded cost."""

from __future__ import annotations

import random
import string
from pathlib import Path

import pytest

from lea_rules import suggest
from lea_rules.api import check_file


def _reference(word: str, candidates: list[str], limit: int = 3) -> list[str]:
    """The definition (and the code before names were prepared): every candidate of a close
    enough length within a third of that length, or starting with the word."""
    if len(word) > suggest.MAX_WORD:
        return []
    scored = []
    for cand in set(candidates):
        prefix = len(word) >= 3 and cand.casefold().startswith(word.casefold())
        bound = max(1, min(len(word), len(cand)) // 3)
        if abs(len(cand) - len(word)) > bound and not prefix:
            continue
        d = suggest.distance(word, cand)
        if d <= bound or prefix:
            scored.append((d, cand))
    return [c for _, c in sorted(scored)[:limit]]


ALPHABET = "abcAB-ßs"


def _word(rng: random.Random, longest: int = 10) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, longest)))


def test_bounded_distance_is_the_distance_up_to_its_bound() -> None:
    rng = random.Random(1)
    for _ in range(5000):
        a, b, bound = _word(rng).casefold(), _word(rng).casefold(), rng.randint(0, 5)
        d = suggest.distance(a, b)
        assert suggest.bounded_distance(a, b, bound) == (d if d <= bound else bound + 1)


def test_closest_agrees_with_the_definition() -> None:
    rng = random.Random(2)
    for _ in range(2000):
        names = [_word(rng) or "x" for _ in range(rng.randint(0, 30))]
        word = _word(rng)
        if names and rng.random() < 0.5:
            name = rng.choice(names)
            spot = rng.randrange(len(name))
            word = name[:spot] + rng.choice(ALPHABET) + name[spot + 1:]
        assert suggest.closest(word, names) == _reference(word, names)


def test_past_the_budget_a_one_edit_typo_is_still_found() -> None:
    rng = random.Random(3)
    names = sorted({"".join(rng.choice(string.ascii_lowercase) for _ in range(12)) for _ in range(500)})
    prepared = suggest.Names(names)
    prepared.budget = 0  # as after a great many look-ups in one check
    for name in names[:100]:
        typo = name[:5] + ("x" if name[5] != "x" else "y") + name[6:]
        assert name in prepared.closest(typo)


def _typo_agenda(count: int) -> tuple[str, list[tuple[str, str]]]:
    rng = random.Random(9)
    names = sorted({"".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(8, 14)))
                    for _ in range(count * 2)})[:count]
    lines = ['gemeente: "X"', 'titel: "T"', "periode: 2024-2027"]
    for name in names:
        lines += [f"indicator {name}", "  eenheid: %", "  beter: hoger"]
    typos = []
    for index, name in enumerate(names):
        spot = rng.randrange(1, len(name) - 1)
        wrong = name[:spot] + ("a" if name[spot] != "a" else "b") + name[spot + 1:]
        typos.append((wrong, name))
        lines += [f'thema {index + 1} "T"', f'ambitie {index + 1}.1 "A"',
                  'resultaat "Goed"', f"doel: {name} >= 50% in 2027",
                  'resultaat "Fout"', f"doel: {wrong} >= 50% in 2027"]
    return "\n".join(lines) + "\n", typos


@pytest.mark.parametrize("count", [1000])
def test_every_typo_gets_one_error_with_its_suggestion(tmp_path: Path, count: int) -> None:
    text, typos = _typo_agenda(count)
    agenda = tmp_path / "tikfouten.lea"
    agenda.write_text(text, encoding="utf-8")
    checked = check_file(agenda)
    assert [d.code for d in checked.diagnostics] == ["E200"] * count
    for diag, (wrong, right) in zip(checked.diagnostics, typos, strict=True):
        assert f"'{wrong}'" in diag.message
        assert diag.help is not None and diag.help.startswith("bedoelde je ")
        assert f"'{right}'" in diag.help
