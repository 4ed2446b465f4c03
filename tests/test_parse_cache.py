"""The parse cache only saves time: with or without it, an agenda builds to the same AST."""

from __future__ import annotations

from pathlib import Path

import pytest

from lea_rules.api import check_file
from lea_rules.builder import strip_spans

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("LEA_CACHE_DIR", str(folder))
    monkeypatch.delenv("LEA_NO_CACHE", raising=False)
    return folder


def _meaning_and_diags(path: Path) -> tuple[object, list[tuple[str, int, int]]]:
    checked = check_file(path)
    return strip_spans(checked.agenda), [(d.code, d.span.line, d.span.column) for d in checked.diagnostics]


def test_cached_and_uncached_agree(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = ROOT / "agendas" / "hengelo.lea"
    first = _meaning_and_diags(path)  # fills the cache
    assert list(cache_dir.glob("lines-*.marshal")), "the cache was not written"
    second = _meaning_and_diags(path)  # reads it
    monkeypatch.setenv("LEA_NO_CACHE", "1")
    uncached = _meaning_and_diags(path)
    assert first == second == uncached


def test_spans_survive_the_cache(cache_dir: Path, tmp_path: Path) -> None:
    agenda = tmp_path / "a.lea"
    agenda.write_text(
        'gemeente: "X"\ntitel: "T"\nperiode: 2024-2027\n'
        'indicator a "A"\n  eenheid: %\n  beter: hoger\n'
        'thema 1 "T"\n  resultaat "R"\n    doel: b >= 5% in 2027\n', encoding="utf-8")
    before = [(d.code, d.span) for d in check_file(agenda).diagnostics]
    after = [(d.code, d.span) for d in check_file(agenda).diagnostics]
    assert before == after
    assert any(code == "E200" and span.line == 9 and span.column == 11 for code, span in before)


def test_damaged_cache_is_ignored(cache_dir: Path) -> None:
    path = ROOT / "agendas" / "midden-groningen.lea"
    expected = _meaning_and_diags(path)
    for cached in cache_dir.glob("*.marshal"):
        cached.write_bytes(b"\x00garbage")
    assert _meaning_and_diags(path) == expected


def test_unwritable_cache_dir_is_harmless(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("LEA_CACHE_DIR", str(blocker / "cache"))
    checked = check_file(ROOT / "agendas" / "midden-groningen.lea")
    assert checked.ok


def test_cache_keeps_exactly_the_current_lines(cache_dir: Path, tmp_path: Path) -> None:
    import marshal

    agenda = tmp_path / "a.lea"
    head = 'gemeente: "X"\ntitel: "T"\nperiode: 2024-2027\n'
    agenda.write_text(head + 'thema 1 "Eerste titel"\n', encoding="utf-8")
    check_file(agenda)
    agenda.write_text(head + 'thema 1 "Tweede titel"\n', encoding="utf-8")
    check_file(agenda)
    (stored,) = cache_dir.glob("lines-*.marshal")
    lines = set(marshal.loads(stored.read_bytes()))
    assert 'thema 1 "Tweede titel"' in lines
    assert 'thema 1 "Eerste titel"' not in lines  # an edited-away line does not linger
    assert len(lines) == 4
