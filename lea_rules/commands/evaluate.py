"""`lea evaluate AGENDA --year JAAR [--format table|json]`: the status of every target.

Exit codes: 0 evaluated; 1 errors in the agenda or the data files; 2 agenda not found.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from datetime import UTC, datetime
from pathlib import Path

from lea_rules.cli import EXIT_INPUT, EXIT_OK, EXIT_USAGE


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")


def _data_date(data_dir: Path) -> str | None:
    """The date of the latest change to a data file, for the report's colophon."""
    files = [p for p in data_dir.glob("*") if p.is_file() and p.suffix in (".csv", ".yaml")]
    if not files:
        return None
    latest = max(p.stat().st_mtime for p in files)
    return datetime.fromtimestamp(latest, tz=UTC).date().isoformat()


def run(args: argparse.Namespace) -> int:
    from lea_rules.api import AgendaInvalid, load_agenda, peiljaar_problem, resolve_agenda_path
    from lea_rules.data.problems import DataInvalid, render_problems
    from lea_rules.data.store import default_data_dir, load_observations, load_progress
    from lea_rules.diagnostics import render_all
    from lea_rules.evaluation.engine import evaluate

    path = resolve_agenda_path(args.agenda)
    if not path.is_file():
        _err(f"lea evaluate: agenda '{args.agenda}' niet gevonden (gezocht: {path})")
        return EXIT_USAGE
    try:
        agenda = load_agenda(path)
    except AgendaInvalid as exc:
        checked = exc.checked
        sources = {checked.path: checked.source} if checked.source is not None else {}
        _err(render_all(checked.errors, sources))
        _err(f"lea evaluate: de agenda {path} heeft fouten; los die eerst op (lea check {path})")
        return EXIT_INPUT
    year_problem = peiljaar_problem(agenda, args.year)
    if year_problem:
        _err(f"lea evaluate: {year_problem}")
        return EXIT_USAGE
    data_dir = Path(args.data) if args.data else default_data_dir(path)
    if args.data and not data_dir.is_dir():
        _err(f"lea evaluate: gegevensmap '{data_dir}' niet gevonden")
        return EXIT_USAGE
    try:
        observations = load_observations(data_dir, agenda)
        progress = load_progress(data_dir, args.year, agenda)
        previous = load_progress(data_dir, args.year - 1, agenda)
    except DataInvalid as exc:
        _err(render_problems(exc.problems))
        _err(f"lea evaluate: de gegevens in {data_dir} hebben fouten; er is niets beoordeeld")
        return EXIT_INPUT
    report = evaluate(agenda, observations, progress, args.year, previous,
                      data_date=_data_date(data_dir) if data_dir.is_dir() else None)
    if args.format == "json":
        sys.stdout.write(report.model_dump_json(indent=2) + "\n")
        return EXIT_OK
    from lea_rules.evaluation.table import render_table

    width = shutil.get_terminal_size((160, 40)).columns if sys.stdout.isatty() else 160
    sys.stdout.write(render_table(report, width=width))
    if not observations:
        _err(f"let op: geen gegevens gevonden in {data_dir}")
    return EXIT_OK
