"""The import graph of lea_rules: no circles, and no module loaded by name.

The graph is read from the source (AST), so an import inside a function counts as much as
one at the top of a module: a lazy import hides a circle from Python's start-up, not from
the reader. A module loaded through importlib or __import__ would hide its arrow altogether.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BY_NAME = ("importlib", "import_module", "__import__")


def modules(root: Path, package: str) -> dict[str, Path]:
    """Every module of `package` under `root`, by dotted name (a package by its own name)."""
    found: dict[str, Path] = {}
    for file in sorted((root / package).rglob("*.py")):
        parts = list(file.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = file
    return found


def _owner(name: str, known: dict[str, Path]) -> str | None:
    """The module of the package that `name` (a module, or a name inside one) lives in."""
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name or None


def _base(module: str, file: Path, level: int) -> str:
    here = module if file.name == "__init__.py" else module.rpartition(".")[0]
    for _ in range(level - 1):
        here = here.rpartition(".")[0]
    return here


def import_graph(root: Path, package: str) -> dict[str, set[str]]:
    """Module -> the package's modules it imports, anywhere in its body."""
    known = modules(root, package)
    graph: dict[str, set[str]] = {}
    for module, file in known.items():
        targets: set[str | None] = set()
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"), str(file))):
            if isinstance(node, ast.Import):
                targets.update(_owner(alias.name, known) for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = _base(module, file, node.level) + (f".{node.module}" if node.module else "")
                targets.update(_owner(f"{base}.{alias.name}", known) for alias in node.names)
        graph[module] = {t for t in targets if t is not None and t != module}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each strongly connected group of more than one module, as one circle through it."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group: list[str] = []
            while not group or group[-1] != node:
                group.append(stack.pop())
            if len(group) > 1:
                groups.append(_circle(graph, set(group)))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def _circle(graph: dict[str, set[str]], group: set[str]) -> list[str]:
    """A path start -> ... -> start inside `group`, for a readable failure."""
    start = min(group)
    paths: dict[str, list[str]] = {start: [start]}
    todo = [start]
    while todo:
        node = todo.pop(0)
        for nxt in sorted(graph[node] & group):
            if nxt == start:
                return [*paths[node], start]
            if nxt not in paths:
                paths[nxt] = [*paths[node], nxt]
                todo.append(nxt)
    raise AssertionError("a strongly connected group always has a circle")


def loads_by_name(root: Path, package: str) -> list[str]:
    """`file:line name` for each use of importlib, import_module or __import__."""
    found: list[str] = []
    for file in modules(root, package).values():
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"), str(file))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name.split(".")[0] for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [(node.module or "").split(".")[0], *(alias.name for alias in node.names)]
            elif isinstance(node, ast.Name):
                names = [node.id]
            elif isinstance(node, ast.Attribute):
                names = [node.attr]
            for name in names:
                if name in BY_NAME:
                    found.append(f"{file.relative_to(root)}:{getattr(node, 'lineno', 0)} {name}")
    return sorted(found)


def test_lea_rules_has_no_import_circle() -> None:
    graph = import_graph(ROOT, "lea_rules")
    assert "lea_rules.cli" in graph and "lea_rules.commands.check" in graph["lea_rules.cli"]
    assert [" -> ".join(circle) for circle in cycles(graph)] == []


def test_no_module_of_lea_rules_is_loaded_by_name() -> None:
    assert loads_by_name(ROOT, "lea_rules") == []


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_a_circle_through_a_lazy_or_relative_import_is_found(tmp_path: Path) -> None:
    _write(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/a.py": "from pkg.b import thing\n",
        "pkg/b.py": "def thing() -> None:\n    from . import c\n",
        "pkg/c.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import pkg.a\n",
        "pkg/d.py": "import pkg.a\n",
    })
    assert cycles(import_graph(tmp_path, "pkg")) == [["pkg.a", "pkg.b", "pkg.c", "pkg.a"]]


def test_a_module_loaded_by_name_is_found(tmp_path: Path) -> None:
    _write(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/a.py": "def f() -> None:\n    import importlib\n    importlib.import_module('pkg.b')\n",
        "pkg/b.py": "def g() -> object:\n    return __import__('pkg.a')\n",
        "pkg/c.py": "from importlib import import_module\n",
    })
    assert loads_by_name(tmp_path, "pkg") == [
        "pkg/a.py:2 importlib", "pkg/a.py:3 import_module", "pkg/a.py:3 importlib",
        "pkg/b.py:2 __import__", "pkg/c.py:1 import_module", "pkg/c.py:1 importlib",
    ]


def test_every_command_of_the_parser_is_registered() -> None:
    import argparse

    from lea_rules.cli import COMMANDS, build_parser

    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert set(sub.choices) == set(COMMANDS)
    assert all(callable(COMMANDS[name]()) for name in COMMANDS)


@pytest.mark.parametrize(("argv", "loaded"), [
    ([], []),
    (["schema"], ["lea_rules.commands.schema"]),
])
def test_only_the_chosen_command_is_imported(argv: list[str], loaded: list[str]) -> None:
    probe = ("import sys, contextlib, io\nfrom lea_rules.cli import main\n"
             f"with contextlib.redirect_stdout(io.StringIO()):\n    main({argv!r})\n"
             "print(sorted(m for m in sys.modules if m.startswith('lea_rules.commands.')))")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == repr(loaded)


def test_python_m_lea_rules_still_runs() -> None:
    result = subprocess.run([sys.executable, "-m", "lea_rules", "--version"], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0 and result.stdout.startswith("lea ")
