"""API: load and check agendas; the library raises domain errors, the CLI prints them."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from lea_rules.diagnostics import Diagnostic, error, sort_key
from lea_rules.nodes import Agenda
from lea_rules.source import SourceError, SourceFile, read_source


@dataclass
class Checked:
    path: str
    source: SourceFile | None
    agenda: Agenda | None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def ok(self) -> bool:
        return self.agenda is not None and not self.errors


class AgendaInvalid(Exception):
    """The agenda has errors; `checked` holds the diagnostics to show."""

    def __init__(self, checked: Checked) -> None:
        super().__init__(f"{checked.path}: {len(checked.errors)} fout(en)")
        self.checked = checked


def check_source(source: SourceFile) -> Checked:
    from lea_rules.builder import build
    from lea_rules.checks import CheckContext, run_checks

    with _collector_paused():
        result = build(source)
        diags = list(result.diagnostics)
        if result.model is not None:
            broken = {d.span.line for d in result.diagnostics if d.is_error}
            # a line the builder already faults gets no W350 on top (one mistake, one message)
            diags.extend(d for d in run_checks(CheckContext(result.model, source),
                                               complete=result.agenda is not None)
                         if not (d.code == "W350" and d.span.line in broken))
    diags.sort(key=sort_key)
    return Checked(source.path, source, result.agenda, diags)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """A check makes millions of small objects that form no cycles (trees, spans, goals).
    Python's cycle collector, which runs every few hundred new objects and now and then scans
    all of them, would take more time than the check itself (11 s instead of 4 s for a 2 MB
    agenda); it is paused for the check and runs again afterwards."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def check_file(path: str | Path) -> Checked:
    try:
        source = read_source(path)
    except SourceError as exc:
        diag = error(exc.code, exc.title, exc.message, exc.span, path=str(path),
                     help=exc.help)
        return Checked(str(path), None, None, [diag])
    return check_source(source)


def load_agenda(path: str | Path) -> Agenda:
    """The agenda at `path`, or AgendaInvalid when it has errors (warnings are fine)."""
    checked = check_file(path)
    if not checked.ok or checked.agenda is None:
        raise AgendaInvalid(checked)
    return checked.agenda


def resolve_agenda_path(name: str | Path, root: Path | None = None) -> Path:
    """`hengelo`, `agendas/hengelo.lea` and `hengelo.lea` all name the same agenda."""
    p = Path(name)
    if p.suffix == ".lea" or p.exists():
        return p
    # Relative to the working folder unless a root is given, so paths in output stay portable.
    base = root or Path()
    for candidate in (base / "agendas" / f"{name}.lea", base / f"{name}.lea"):
        if candidate.exists():
            return candidate
    return p.with_suffix(".lea") if not p.suffix else p


def peiljaar_problem(agenda: Agenda, peiljaar: int) -> str | None:
    """A peiljaar far outside the agenda's period gives only grey; say so instead.

    Allowed: from the year before the period (the nulmeting) to the year after it (the
    final evaluation of targets set for the last peiljaar).
    """
    start, end = agenda.period
    if start - 1 <= peiljaar <= end + 1:
        return None
    return (f"peiljaar {peiljaar} valt buiten de looptijd {start}-{end} van deze agenda; "
            f"kies een jaar van {start - 1} tot en met {end + 1}")
