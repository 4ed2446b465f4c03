"""The parse cache only saves time: with or without it, an agenda builds to the same AST."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from lea_rules import cache
from lea_rules.api import check_file, load_agenda
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
    agenda = tmp_path / "a.lea"
    head = 'gemeente: "X"\ntitel: "T"\nperiode: 2024-2027\n'
    agenda.write_text(head + 'thema 1 "Eerste titel"\n', encoding="utf-8")
    check_file(agenda)
    agenda.write_text(head + 'thema 1 "Tweede titel"\n', encoding="utf-8")
    check_file(agenda)
    (stored,) = cache_dir.glob("lines-*.marshal")
    lines = set(cache.read(stored.name))
    assert 'thema 1 "Tweede titel"' in lines
    assert 'thema 1 "Eerste titel"' not in lines  # an edited-away line does not linger
    assert len(lines) == 4


TARGET = (
    'gemeente: "X"\ntitel: "T"\nperiode: 2024-2027\n'
    'indicator vve-bereik "VVE"\n  eenheid: %\n  beter: hoger\n'
    'thema 1 "T"\n  ambitie 1.1 "A"\n    resultaat "R"\n      doel: vve-bereik >= 85% in 2027\n')
GOAL_LINE = "      doel: vve-bereik >= 85% in 2027"


def _goal_value(agenda_path: Path) -> Decimal:
    from lea_rules.nodes import CompareGoal

    agenda = load_agenda(agenda_path)
    ((_, result),) = agenda.all_results()
    (goal,) = result.goals
    assert isinstance(goal, CompareGoal) and goal.value.number is not None
    return goal.value.number.value


def _lines_file(folder: Path) -> str:
    (stored,) = folder.glob("lines-*.marshal")
    return stored.name


def _replace_leaf(plain: object, old: str, new: str) -> object:
    """The cached tree with every token `old` made `new` (same columns): an edited cache."""
    if isinstance(plain, tuple):
        if len(plain) == 5 and plain[0] == 0 and plain[2] == old:
            return (0, plain[1], new, plain[3], plain[4])
        return tuple(_replace_leaf(part, old, new) for part in plain)
    return plain


def test_tampered_entry_does_not_change_the_answer(cache_dir: Path, tmp_path: Path) -> None:
    agenda = tmp_path / "a.lea"
    agenda.write_text(TARGET, encoding="utf-8")
    assert _goal_value(agenda) == Decimal(85)  # fills the cache
    name = _lines_file(cache_dir)
    entries = cache.read(name)
    entries[GOAL_LINE] = _replace_leaf(entries[GOAL_LINE], "85", "15")
    cache.write(name, entries)  # a well-formed file that says 15 where the line says 85
    assert "'15'" in repr(cache.read(name)[GOAL_LINE])
    assert _goal_value(agenda) == Decimal(85)
    assert check_file(agenda).ok
    assert cache.read(name)[GOAL_LINE] == _replace_leaf(entries[GOAL_LINE], "15", "85")  # repaired


def test_entry_of_another_line_is_refused(cache_dir: Path, tmp_path: Path) -> None:
    agenda = tmp_path / "a.lea"
    other = TARGET.replace("85%", "15%")
    agenda.write_text(other, encoding="utf-8")
    check_file(agenda)
    name = _lines_file(cache_dir)
    entries = cache.read(name)
    # The tree of the 15 line stored under the text of the 85 line, then the file says 85.
    entries[GOAL_LINE] = entries[GOAL_LINE.replace("85", "15")]
    cache.write(name, entries)
    agenda.write_text(TARGET, encoding="utf-8")
    assert _goal_value(agenda) == Decimal(85)


@pytest.mark.parametrize("entry", [
    None, 0, "line", (), (1,), (1, "line"), (1, "line", 1, 2, False), (0, "NUMBER", "85", 1, 3),
    (1, "line", 1, 2, False, "not a tuple"), (1, "line", 1, 2, False, ((0, "NUMBER"),)),
    (1, "line", 1, 2, False, ((1, "doel", "x", 2, False, ()),)),
    (1, "line", 1, 99, False, ((1, "nonsense", 7, 9, False, ()),)),
    (1, "statement", 1, 2, False, ()),
])
def test_malformed_entry_is_ignored(cache_dir: Path, tmp_path: Path, entry: object) -> None:
    agenda = tmp_path / "a.lea"
    agenda.write_text(TARGET, encoding="utf-8")
    expected = _meaning_and_diags(agenda)
    name = _lines_file(cache_dir)
    entries = cache.read(name)
    for line in list(entries):
        entries[line] = entry
    cache.write(name, entries)
    assert _meaning_and_diags(agenda) == expected  # recomputed, no IndexError
    assert _goal_value(agenda) == Decimal(85)


def test_file_copied_from_another_name_is_refused(cache_dir: Path, tmp_path: Path) -> None:
    cache.write("doc-00000001.marshal", ("a", 1.0, "tekst", (0,)))
    (cache_dir / "doc-00000001.marshal").rename(cache_dir / "doc-00000002.marshal")
    assert cache.read("doc-00000002.marshal") is None
    assert not (cache_dir / "doc-00000002.marshal").exists()  # a bad file is removed


def test_cache_is_private(cache_dir: Path, tmp_path: Path) -> None:
    agenda = tmp_path / "a.lea"
    agenda.write_text(TARGET, encoding="utf-8")
    check_file(agenda)
    assert stat.S_IMODE(cache_dir.stat().st_mode) == 0o700
    files = list(cache_dir.iterdir())
    assert files
    assert all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in files)


def test_open_folder_is_made_private(cache_dir: Path) -> None:
    cache_dir.mkdir(mode=0o755)
    os.chmod(cache_dir, 0o755)
    assert cache.read("x.marshal") is None  # not read from while others may look in
    cache.write("x.marshal", [1, 2])
    assert stat.S_IMODE(cache_dir.stat().st_mode) == 0o700
    assert cache.read("x.marshal") == [1, 2]


def test_cache_is_bounded(cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MAX_FILES", 3)
    for index in range(6):
        agenda = tmp_path / f"a{index}.lea"
        agenda.write_text(TARGET, encoding="utf-8")
        check_file(agenda)
    assert len(list(cache_dir.glob("*.marshal"))) == 3
    monkeypatch.setattr(cache, "MAX_FILE_BYTES", 1000)
    cache.write("big.marshal", "x" * 2000)
    assert cache.read("big.marshal") is None
    assert not (cache_dir / "big.marshal").exists()
    assert not list(cache_dir.glob(".*.tmp"))  # no half-written files left behind


def test_least_recently_used_file_goes_first(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MAX_FILES", 2)
    cache.write("a.marshal", 1)
    cache.write("b.marshal", 2)
    os.utime(cache_dir / "a.marshal", (1_000_000, 1_000_000))
    os.utime(cache_dir / "b.marshal", (2_000_000, 2_000_000))
    assert cache.read("a.marshal") == 1  # a read is a use: now b is the oldest
    cache.write("c.marshal", 3)
    assert sorted(p.name for p in cache_dir.glob("*.marshal")) == ["a.marshal", "c.marshal"]


def test_tests_never_write_into_the_users_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """conftest.py points LEA_CACHE_DIR at a folder of the test session, for every process."""
    from lea_rules.line_cache import _cache_name

    session = cache.cache_dir()
    with monkeypatch.context() as patch:
        patch.delenv("LEA_CACHE_DIR")
        patch.delenv("LEA_NO_CACHE", raising=False)
        real = cache.cache_dir()
    monkeypatch.delenv("LEA_NO_CACHE", raising=False)
    assert session is not None and real is not None
    assert session.resolve() != real.resolve() and real.resolve() not in session.resolve().parents
    agenda = tmp_path / "only-in-this-test.lea"
    agenda.write_text(TARGET, encoding="utf-8")
    name = _cache_name(str(agenda))
    check_file(agenda)
    done = subprocess.run([sys.executable, "-m", "lea_rules", "check", "--alleen-agenda", str(agenda)],
                          cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (session / name).exists()
    assert not (real / name).exists()


def test_a_large_first_parse_shared_with_a_child_gives_the_same_answer(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past PARALLEL_CHARS of new text a forked child parses half the lines; nothing else changes."""
    import threading

    from lea_rules import parser

    monkeypatch.setenv("LEA_NO_CACHE", "1")
    lines = [*TARGET.splitlines()]
    for index in range(4000):
        lines += [f'    resultaat "R{index}"', f"      doel: vve-bereik >= {index % 90 + 5}% in 2027"]
    lines[2000] = "      doel: vve-bereik >= in 2027"  # unreadable lines in both halves
    lines[7000] = 'theme 2 "verkeerd"'
    agenda = tmp_path / "groot.lea"
    agenda.write_text("\n".join(lines) + "\n", encoding="utf-8")
    forks = []
    real_fork = os.fork

    def counting_fork() -> int:
        forks.append(1)
        return real_fork()

    monkeypatch.setattr(os, "fork", counting_fork)
    monkeypatch.setattr(parser, "PARALLEL_CHARS", 10_000)
    shared = _meaning_and_diags(agenda)
    if threading.active_count() == 1:
        assert forks, "the child was not used"
    monkeypatch.setattr(parser, "PARALLEL_CHARS", 10**12)
    assert _meaning_and_diags(agenda) == shared
    diagnostics = shared[1]
    assert isinstance(diagnostics, list)
    found = {(code, line) for code, line, _ in diagnostics}
    assert {("E101", 2001), ("E105", 7001)} <= found  # one from each half
