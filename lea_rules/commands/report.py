"""`lea report AGENDA --year JAAR [-o BESTAND] [--lang nl|en] [--pdf]`: the PDCA progress report.

Writes one self-contained HTML file (default `reports/<agenda>-<jaar>.html`) and, with
`--pdf`, an A4 PDF next to it through headless Chromium.

Exit codes: 0 written; 1 errors in the agenda or the data files; 2 agenda or data folder not
found, or the file cannot be written; 3 Chromium or Playwright missing for --pdf (the HTML
is written all the same).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

from lea_rules.cli import EXIT_INPUT, EXIT_OK, EXIT_TOOL, EXIT_USAGE


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")


def data_date(data_dir: Path) -> str | None:
    """The date of the latest change to a data file: the report's "stand van de gegevens"."""
    if not data_dir.is_dir():
        return None
    files = [p for p in data_dir.glob("*") if p.is_file() and p.suffix in (".csv", ".yaml")]
    if not files:
        return None
    latest = max(p.stat().st_mtime for p in files)
    return datetime.fromtimestamp(latest, tz=UTC).date().isoformat()


def write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a report is meant to be shared
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def run(args: argparse.Namespace) -> int:
    from lea_rules.api import AgendaInvalid, load_agenda, peiljaar_problem, resolve_agenda_path
    from lea_rules.data.problems import DataInvalid, render_problems
    from lea_rules.data.store import default_data_dir, load_observations, load_progress, load_revisions
    from lea_rules.diagnostics import render_all
    from lea_rules.evaluation.engine import evaluate

    path = resolve_agenda_path(args.agenda)
    if not path.is_file():
        _err(f"lea report: agenda '{args.agenda}' niet gevonden (gezocht: {path})")
        return EXIT_USAGE
    try:
        agenda = load_agenda(path)
    except AgendaInvalid as exc:
        checked = exc.checked
        sources = {checked.path: checked.source} if checked.source is not None else {}
        _err(render_all(checked.errors, sources))
        _err(f"lea report: de agenda {path} heeft fouten; los die eerst op (lea check {path})")
        return EXIT_INPUT
    year_problem = peiljaar_problem(agenda, args.year)
    if year_problem:
        _err(f"lea report: {year_problem}")
        return EXIT_USAGE
    data_dir = Path(args.data) if args.data else default_data_dir(path)
    if args.data and not data_dir.is_dir():
        _err(f"lea report: gegevensmap '{data_dir}' niet gevonden")
        return EXIT_USAGE
    try:
        observations = load_observations(data_dir, agenda)
        revisions = load_revisions(data_dir)
        progress = load_progress(data_dir, args.year, agenda)
        previous = load_progress(data_dir, args.year - 1, agenda)
    except DataInvalid as exc:
        _err(render_problems(exc.problems))
        _err(f"lea report: de gegevens in {data_dir} hebben fouten; er is geen rapport gemaakt")
        return EXIT_INPUT
    evaluation = evaluate(agenda, observations, progress, args.year, previous, data_date=data_date(data_dir))

    from lea_rules.report import ReportInput, render_html, report_filename

    html = render_html(ReportInput(agenda=agenda, evaluation=evaluation, generated=date.today(),
                                   observations=observations, revisions=revisions, progress=progress,
                                   lang=args.lang))
    output = Path(args.output) if args.output else Path("reports") / report_filename(path, args.year)
    try:
        write_atomic(output, html)
    except OSError as exc:
        _err(f"lea report: kan '{output}' niet schrijven: {exc}")
        return EXIT_USAGE
    print(f"rapport geschreven: {output}")
    if evaluation.illustrative_used:
        print("let op: het rapport bevat illustratieve cijfers; dat staat er duidelijk in")
    if not observations:
        _err(f"let op: geen gegevens gevonden in {data_dir}; elk meetbaar resultaat staat op 'Geen gegevens'")
    if not args.pdf:
        return EXIT_OK
    from lea_rules.report.pdf import PdfFailed, PdfUnavailable, html_to_pdf

    pdf_path = output.with_suffix(".pdf")
    try:
        html_to_pdf(output, pdf_path)
    except PdfUnavailable as exc:
        _err(f"lea report: geen PDF gemaakt. {exc}")
        return EXIT_TOOL
    except PdfFailed as exc:
        _err(f"lea report: {exc}")
        return EXIT_TOOL
    print(f"PDF geschreven: {pdf_path}")
    return EXIT_OK
