"""lea fmt reads an agenda the way lea check does: plain trees, one parse per line, Lark contained.

The formatter, the builder it proves its result with, and the second formatting it checks
stability with all read their lines through one parse cache (`parser.parse_statement`), so
formatting parses each distinct line text once; and only the parser and the plain-tree
module know Lark at all.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import lea_rules
from lea_rules import parser
from lea_rules.cli import main
from lea_rules.formatter_safety import format_safely
from lea_rules.source import SourceFile, read_source

ROOT = Path(__file__).resolve().parent.parent
HENGELO = ROOT / "agendas" / "hengelo.lea"
LARK_MODULES = {"parser.py", "syntax.py"}  # pygments_lexer.py may join them, if it ever must


def lark_importers(package: Path) -> set[str]:
    """The modules of `package` (paths relative to it) that import lark, at any depth."""
    found = set()
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level
                     else [])
            if any(name == "lark" or name.startswith("lark.") for name in names):
                found.add(path.relative_to(package).as_posix())
    return found


def test_only_the_parser_and_the_syntax_module_import_lark() -> None:
    found = lark_importers(Path(lea_rules.__file__).parent)
    assert "parser.py" in found  # the walk sees imports inside functions too
    assert found <= LARK_MODULES | {"pygments_lexer.py"}, sorted(found - LARK_MODULES)


def test_the_import_walk_sees_every_form(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.py").write_text("def f():\n    from lark import Tree\n", encoding="utf-8")
    (tmp_path / "sub" / "b.py").write_text("import lark.exceptions as e\n", encoding="utf-8")
    (tmp_path / "c.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                                   "    from lark.lexer import Token\n", encoding="utf-8")
    (tmp_path / "d.py").write_text("import larkspur\nfrom .lark import x\n", encoding="utf-8")
    assert lark_importers(tmp_path) == {"a.py", "sub/b.py", "c.py"}


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every line text handed to Lark in this process (a forked child would hide some: none)."""
    seen: list[str] = []
    real: Callable[..., Any] = parser._parse

    def counting(lark: Any, text: str, line_no: int, path: str) -> Any:
        seen.append(text)
        return real(lark, text, line_no, path)

    monkeypatch.setattr(parser, "_parse", counting)
    monkeypatch.setattr(parser, "PARALLEL_CHARS", 10**12)
    return seen


def statement_texts(source: SourceFile) -> set[str]:
    return {t for t in source.lines if t.strip() and not t.strip().startswith("#")}


@pytest.mark.parametrize("cache", ["off", "cold"])
def test_formatting_hengelo_parses_each_line_at_most_once(
        cache: str, parses: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEA_CACHE_DIR", str(tmp_path))
    if cache == "off":
        monkeypatch.setenv("LEA_NO_CACHE", "1")
    source = read_source(HENGELO)
    assert format_safely(source) == source.text  # shipped formatted: nothing new to parse
    assert len(parses) <= len(source.lines)
    assert len(parses) == len(set(parses)) == len(statement_texts(source))


@pytest.mark.parametrize("flags", [["--check"], ["--diff"], []])
def test_lea_fmt_parses_each_line_once_and_a_second_run_none(
        flags: list[str], parses: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("LEA_CACHE_DIR", str(tmp_path / "cache"))
    agenda = tmp_path / "hengelo.lea"
    agenda.write_bytes(HENGELO.read_bytes())
    assert main(["fmt", *flags, str(agenda)]) == 0
    lines = len(read_source(agenda).lines)
    assert 0 < len(parses) <= lines
    parses.clear()
    assert main(["fmt", *flags, str(agenda)]) == 0  # the cache that `lea check` uses too
    assert parses == []
    capsys.readouterr()


def messy(text: str) -> str:
    """The same agenda with other indentation and trailing spaces on every line."""
    return "\n".join("\t" * ((len(t) - len(t.lstrip(" "))) // 2) + t.lstrip(" ") + "  "
                     for t in text.split("\n"))


def test_a_messy_agenda_parses_each_line_and_its_formatted_form_once(
        parses: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEA_NO_CACHE", "1")
    clean = read_source(HENGELO)
    source = SourceFile(str(HENGELO), messy(clean.text))
    assert format_safely(source) == clean.text
    assert len(parses) == len(set(parses))
    assert set(parses) == statement_texts(source) | statement_texts(clean)
    assert len(parses) <= 2 * len(source.lines)


def test_a_repeated_line_is_parsed_once(parses: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from lea_rules.builder import build

    monkeypatch.setenv("LEA_NO_CACHE", "1")
    lines = ['gemeente: "G"', 'titel: "T"', "periode: 2024-2027", "indicator x", "  eenheid: aantal"]
    lines += [f"indicator x{i}\n  eenheid: aantal" for i in range(40)]
    result = build(SourceFile("herhaald.lea", "\n".join(lines) + "\n"))
    assert parses.count("  eenheid: aantal") == 1
    assert result.agenda is not None and result.diagnostics == []
    assert [i.unit is not None for i in result.agenda.indicators] == [True] * 41


def test_formatting_with_a_warm_cache_does_not_load_lark(tmp_path: Path) -> None:
    """A formatted agenda whose lines `lea check` or `lea fmt` stored needs no parser at all."""
    import os

    env = dict(os.environ, LEA_CACHE_DIR=str(tmp_path))
    probe = ("import sys; from lea_rules.cli import main; code = main(['fmt', '--check', "
             f"{str(HENGELO)!r}]); print(code, 'lark' in sys.modules, file=sys.stderr)")
    for expected in ("0 True", "0 False"):  # the first run fills the cache
        done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True,
                              text=True, check=False)
        assert done.stderr.strip().splitlines()[-1] == expected, done.stderr


def test_the_cache_lea_fmt_leaves_holds_at_most_max_lines_its_formatted_lines_first(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import lea_rules.source

    monkeypatch.setenv("LEA_CACHE_DIR", str(tmp_path))
    clean = read_source(HENGELO)
    source = SourceFile(str(tmp_path / "hengelo.lea"), messy(clean.text))
    limit = len(clean.lines)
    assert len(statement_texts(source) | statement_texts(clean)) > limit
    monkeypatch.setattr(lea_rules.source, "MAX_LINES", limit)
    format_safely(source)
    stored = parser.LineCache.open(source.path).entries
    assert len(stored) == limit
    assert statement_texts(clean) <= set(stored)
