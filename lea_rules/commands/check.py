"""`lea check`: diagnostics for one or more agendas, as text or JSON.

Exit codes: 0 = no errors (warnings allowed), 1 = errors in an agenda, 2 = usage: a file
that does not exist or is a folder (E000), or a bad option (argparse).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lea_rules.diagnostics import Diagnostic, render_all, summary
from lea_rules.exit_codes import EXIT_INPUT, EXIT_OK, EXIT_USAGE
from lea_rules.source import SourceFile

if TYPE_CHECKING:
    from lea_rules.nodes import Agenda

SCHEMA = "lea-check/1"


def run(args: argparse.Namespace) -> int:
    from lea_rules.api import check_file

    if args.max < 1:
        sys.stderr.write("lea check: fout: --max moet minstens 1 zijn\n")
        return EXIT_USAGE
    all_diags: list[Diagnostic] = []
    sources: dict[str, SourceFile] = {}
    any_error = missing = False
    data_files: list[str] = []
    for path in args.paths:
        if _is_data_file(path):
            source, diags = _check_data_file(path, getattr(args, "agenda", None),
                                             gemeente=getattr(args, "gemeente", None))
            if source is not None:
                sources[path] = source
            if args.errors_only:
                diags = [d for d in diags if d.is_error]
            all_diags.extend(diags)
            any_error = any_error or any(d.is_error for d in diags)
            missing = missing or any(d.code == "E000" for d in diags)
            continue
        checked = check_file(path)
        if checked.source is not None:
            sources[checked.path] = checked.source
        diags = checked.diagnostics
        if checked.ok and not getattr(args, "only_agenda", False):
            # The agenda's own data folder: progress and data files checked against it, the
            # same folder `lea evaluate` reads (a file also given by name is checked once).
            for data_file in agenda_data_files(path, exclude=args.paths):
                source, data_diags = _check_data_file(str(data_file), path, checked.agenda,
                                                      gemeente=getattr(args, "gemeente", None))
                if source is not None:
                    sources[str(data_file)] = source
                diags = [*diags, *data_diags]
                data_files.append(str(data_file))
        if args.errors_only:
            diags = [d for d in diags if d.is_error]
        all_diags.extend(diags)
        any_error = any_error or any(d.is_error for d in diags)
        missing = missing or any(d.code == "E000" for d in checked.diagnostics)
    code = EXIT_USAGE if missing else EXIT_INPUT if any_error else EXIT_OK
    if args.format == "json":
        json.dump(payload(list(args.paths), all_diags), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return code
    if all_diags:
        from lea_rules.data.cells import add_store_sources

        add_store_sources(all_diags, sources)  # a data problem may sit in leveringen.csv or eenheden.csv
        print(render_all(all_diags, sources, limit=args.max))
        print()
    names = ", ".join(args.paths) if len(args.paths) <= 3 else f"{len(args.paths)} bestanden"
    if data_files:
        files_word = "gegevensbestand" if len(data_files) == 1 else "gegevensbestanden"
        names += f" (met {len(data_files)} {files_word})"
    status = "niet in orde" if any_error else "in orde"
    print(f"{names}: {status} ({summary(all_diags)})")
    return code


# The files of a data folder that `lea check AGENDA` checks along with the agenda.
STORE_PATTERNS: tuple[str, ...] = ("observaties.csv", "voortgang-*.yaml")


def agenda_data_files(agenda_path: str, exclude: list[str]) -> list[Path]:
    """The progress and data files of the agenda's data folder (data/hengelo/ for
    agendas/hengelo.lea), found the way `lea evaluate` finds them, minus those in `exclude`."""
    from lea_rules.data.folder import default_data_dir

    folder = default_data_dir(agenda_path)
    if not folder.is_dir():
        return []
    given = {Path(p).resolve() for p in exclude}
    # Checking observaties.csv reads leveringen.csv and eenheden.csv too, and checking
    # leveringen.csv reads eenheden.csv (each shows their mistakes where they are): the first
    # of them that exists is checked, so every mistake is reported once.
    store = next((name for name in ("observaties.csv", "leveringen.csv", "eenheden.csv")
                  if (folder / name).is_file()), None)
    patterns = (*([store] if store else []), *STORE_PATTERNS[1:])
    found: list[Path] = []
    for pattern in patterns:
        found.extend(sorted(p for p in folder.glob(pattern) if p.is_file() and p.resolve() not in given))
    return found


def _is_data_file(path: str) -> bool:
    from pathlib import Path

    p = Path(path)
    return p.suffix in (".yaml", ".yml") or p.suffix.casefold() in IMPORT_SUFFIXES


IMPORT_SUFFIXES = (".csv", ".xlsx")
STORE_FILES = ("observaties.csv", "eenheden.csv", "leveringen.csv")  # the store's own CSV files
IMPORT_FILE_MESSAGE = ("dit is een gegevensbestand; lees het in met `lea import BESTAND --agenda NAAM` "
                       "(of controleer zonder te schrijven met --dry-run)")


def _check_data_file(path: str, agenda_name: str | None, checked_agenda: Agenda | None = None,
                     gemeente: str | None = None) -> tuple[SourceFile | None, list[Diagnostic]]:
    """A progress file (voortgang-<jaar>.yaml) or observaties.csv, checked against its agenda.

    The agenda is `--agenda`, or the one the data folder is named after (data/hengelo/ ->
    agendas/hengelo.lea). Data problems become diagnostics, so they render the same way.
    """
    import re
    from pathlib import Path

    from lea_rules.api import AgendaInvalid, load_agenda, resolve_agenda_path
    from lea_rules.diagnostics import error
    from lea_rules.source import SourceError, Span, read_source

    p = Path(path)
    if not p.is_file():
        return None, [error("E000", "bestand niet gevonden", f"bestand niet gevonden: {path}",
                            Span.point(1, 1), path=path)]
    if p.suffix.casefold() in IMPORT_SUFFIXES and p.name not in STORE_FILES:
        # An import file (uitvraag, export): lea check would read it as an agenda.
        agenda_hint = agenda_name or "NAAM"
        return None, [error("D100", "geen agenda of voortgangsbestand", IMPORT_FILE_MESSAGE,
                            Span.point(1, 1), path=path,
                            help=f"lea import {path} --agenda {agenda_hint} --dry-run")]
    if agenda_name is None:
        guess = p.resolve().parent.parent.parent / "agendas" / f"{p.resolve().parent.name}.lea"
        agenda_path = guess
    else:
        agenda_path = resolve_agenda_path(agenda_name)
    if not agenda_path.is_file():
        return None, [error("E000", "bestand niet gevonden",
                            f"geen agenda gevonden voor {path} (gezocht: {agenda_path})",
                            Span.point(1, 1), path=path, help="geef de agenda op met --agenda NAAM")]
    try:
        agenda = checked_agenda if checked_agenda is not None else load_agenda(agenda_path)
    except AgendaInvalid as exc:
        return None, [d for d in exc.checked.diagnostics if d.is_error]
    try:
        source: SourceFile | None = read_source(p)
    except SourceError:
        source = None
    from lea_rules.data.cells import in_text
    from lea_rules.data.problems import DataInvalid

    try:
        if p.name in ("observaties.csv", "leveringen.csv"):  # the rows, and whose they are
            from lea_rules.data.store import load_observations

            load_observations(p.parent, agenda, gemeente=gemeente, can_declare=True)
        elif p.name == "eenheden.csv":  # the units of each group (docs/data.md)
            from lea_rules.data.units import load_units

            load_units(p.parent, agenda)
        else:
            from lea_rules.data.progress import read_progress

            year = re.search(r"(\d{4})", p.stem)
            if year is None:
                return source, [error("D406", "fout in het voortgangsbestand",
                                      "de bestandsnaam noemt geen jaar; noem het voortgang-<jaar>.yaml",
                                      Span.point(1, 1), path=path)]
            read_progress(p, agenda, int(year.group(1)))
    except DataInvalid as exc:
        diags = []
        for problem in exc.problems:
            # the carets under the cell: a CSV field number becomes that field's characters;
            # observaties.csv is read with the units of eenheden.csv: a mistake there is shown there
            elsewhere = problem.path != str(p)
            text = source.text if source is not None and not elsewhere else None
            diags.append(in_text(problem, problem.path if elsewhere else path, text))
        return source, diags
    return source, []


def payload(files: list[str], diags: list[Diagnostic]) -> dict[str, Any]:
    """The JSON twin of the text output; its shape is documented in docs/diagnostics.md."""
    return {
        "schema": SCHEMA,
        "files": files,
        "diagnostics": [d.to_json() for d in diags],
        "errors": sum(1 for d in diags if d.is_error),
        "warnings": sum(1 for d in diags if not d.is_error),
    }
