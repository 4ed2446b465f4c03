"""`lea fmt`: put agendas in the canonical layout, safely (see lea_rules.formatter).

The diff goes to stdout so that `lea fmt --diff` can be piped into `patch`; every other
message goes to stderr.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

from lea_rules.diagnostics import Diagnostic, error, render_all
from lea_rules.exit_codes import EXIT_INPUT, EXIT_OK, EXIT_USAGE
from lea_rules.formatter import AgendaSyntaxError, FileChangedError, LineTooLong, write_atomic
from lea_rules.formatter_safety import UnsafeFormatting, format_safely
from lea_rules.source import SourceError, decode


def run(args: argparse.Namespace) -> int:
    paths, code = _expand(args.paths)
    changed = unchanged = failed = 0
    for path in paths:
        status = _one(path, check=args.check, diff=args.diff)
        if status == "changed":
            changed += 1
        elif status == "unchanged":
            unchanged += 1
        else:
            failed += 1
            code = max(code, EXIT_USAGE if status == "usage" else EXIT_INPUT)
    if args.check and changed:
        code = max(code, EXIT_INPUT)
    _err(_summary(changed, unchanged, failed, dry=args.check or args.diff))
    return code


def _expand(names: list[str]) -> tuple[list[Path], int]:
    """Files as given; a folder stands for every .lea file in it."""
    paths: list[Path] = []
    code = EXIT_OK
    for name in names:
        path = Path(name)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.lea") if p.is_file())
            if not found:
                _err(f"lea fmt: geen .lea-bestanden in de map {path}")
                code = EXIT_USAGE
            paths.extend(found)
        else:
            paths.append(path)
    seen: set[Path] = set()
    unique = []
    for path in paths:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique, code


def _one(path: Path, *, check: bool, diff: bool) -> str:
    """Format one file; returns 'changed', 'unchanged', 'error' or 'usage'."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        _err(f"lea fmt: bestand niet gevonden: {path}")
        return "usage"
    except OSError as exc:
        _err(f"lea fmt: kan {path} niet lezen: {exc.strerror}")
        return "usage"
    try:
        source = decode(data, str(path))
    except SourceError as exc:
        diag = error(exc.code, exc.title, exc.message, exc.span, path=str(path),
                     help=exc.help)
        _err(render_all([diag], {}))
        _err(f"niet opgemaakt: {path}")
        return "error"
    try:
        formatted = format_safely(source)
    except AgendaSyntaxError as exc:
        shown = _as_check_says(exc)
        _err(render_all(shown, {source.path: source}))
        fouten = "1 fout" if len(shown) == 1 else f"{len(shown)} fouten"
        _err(f"niet opgemaakt: {path} ({fouten}; verbeter die eerst)")
        return "error"
    except LineTooLong as exc:
        from lea_rules.parser import MAX_LINE_CHARS

        _err(f"{path}: niet opgemaakt: met de vaste spaties zou regel {exc.line} {exc.length} tekens "
             f"krijgen, meer dan de {MAX_LINE_CHARS} die een regel mag hebben (de inspringing telt niet "
             f"mee). Er is niets gewijzigd.\n  = hulp: verdeel die regel: een lange toelichting over "
             f"meerdere 'tekst:'-regels, een lang getrapt doel over meer resultaten")
        return "error"
    except UnsafeFormatting as exc:
        _err(f"interne fout van lea fmt: {exc.reason}.\n"
             f"{path} is niet gewijzigd. Dit is een fout in lea, niet in je agenda: meld het "
             f"alsjeblieft aan de beheerders van lea en stuur het bestand mee.")
        return "error"
    new = formatted.encode("utf-8")
    if new == data:
        if not (check or diff):
            _err(f"ongewijzigd: {path}")
        return "unchanged"
    if diff:
        _show_diff(path, source.text, formatted)
    if check:
        _err(f"zou opnieuw opgemaakt worden: {path}")
    if check or diff:
        return "changed"
    try:
        write_atomic(path, formatted, expected=data)
    except FileChangedError:
        _err(f"{path} is gewijzigd terwijl lea fmt bezig was; er is niets geschreven. "
             f"Voer 'lea fmt' opnieuw uit.")
        return "error"
    except OSError as exc:
        _err(f"lea fmt: kan {path} niet schrijven: {exc.strerror or exc}; het bestand is niet gewijzigd")
        return "error"
    _err(f"opgemaakt: {path}")
    return "changed"


def _show_diff(path: Path, before: str, after: str) -> None:
    if before == after:
        _err(f"{path}: alleen de regeleinden (Windows) of het BOM-teken worden aangepast")
        return
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 f"{path} (origineel)", f"{path} (opgemaakt)")
    for line in lines:
        sys.stdout.write(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")


def _summary(changed: int, unchanged: int, failed: int, *, dry: bool) -> str:
    def files(count: int) -> str:
        return "1 bestand" if count == 1 else f"{count} bestanden"

    parts = []
    if changed:
        parts.append(f"{files(changed)} " + ("zou opnieuw opgemaakt worden" if dry and changed == 1
                                              else "zouden opnieuw opgemaakt worden" if dry
                                              else "opgemaakt"))
    if unchanged:
        parts.append(f"{files(unchanged)} ongewijzigd")
    if failed:
        parts.append(f"{files(failed)} niet opgemaakt wegens fouten")
    return "; ".join(parts) if parts else "geen bestanden"


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")


def _as_check_says(exc: AgendaSyntaxError) -> list[Diagnostic]:
    """The unreadable lines as `lea check` reports them: one message per mistake (a section
    line read with the writer's word from a broken `indeling:` has none of its own)."""
    from lea_rules.builder import build

    lines = {d.span.line for d in exc.diagnostics}
    shown = [d for d in build(exc.source).diagnostics if d.is_error and d.span.line in lines]
    return shown or exc.diagnostics
