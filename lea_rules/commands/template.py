"""`lea template A --year Y [--source S] -o FILE`: write the data request for a source (XLSX or CSV)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lea_rules.counts import aantal
from lea_rules.exit_codes import EXIT_INPUT, EXIT_OK, EXIT_USAGE


def run(args: argparse.Namespace) -> int:
    from lea_rules.commands.loading import load_agenda_or_report
    from lea_rules.data.deliveries import data_folder_verdict
    from lea_rules.data.folder import default_data_dir
    from lea_rules.data.problems import DataInvalid
    from lea_rules.data.store import load_observations
    from lea_rules.data.template import TemplateError, request_rows, undeclared_lines, write_template
    from lea_rules.data.units import load_units
    from lea_rules.diagnostics import render_all

    agenda, agenda_path, code = load_agenda_or_report(args.agenda)
    if agenda is None:
        return int(code)
    output = Path(args.output)
    if output.suffix.casefold() not in (".xlsx", ".csv"):
        sys.stderr.write(f"lea template: '{output}': kies een bestandsnaam op .xlsx of .csv\n")
        return EXIT_USAGE
    from lea_rules.atomic import NotWritable, check_writable

    try:
        check_writable(output, example=f"uitvraag-{args.peiljaar}{output.suffix}")
    except NotWritable as exc:
        sys.stderr.write(f"lea template: kan '{output}' niet schrijven: {exc.problem}. {exc.fix}. "
                         "Er is geen uitvraag gemaakt.\n")
        return EXIT_USAGE
    data_dir = Path(args.data) if args.data else default_data_dir(agenda_path)
    try:
        observations = load_observations(data_dir, agenda)
        units = load_units(data_dir, agenda)
        rows = request_rows(agenda, args.peiljaar, observations, args.source, units)
        write_template(output, agenda, args.peiljaar, rows, units)
    except DataInvalid as exc:
        sys.stderr.write(render_all(exc.problems) + "\n")
        sys.stderr.write(f"lea template: {data_folder_verdict(exc.problems, data_dir)}; "
                         "er is geen uitvraag gemaakt\n")
        return EXIT_INPUT
    except TemplateError as exc:
        sys.stderr.write(f"lea template: {exc.message}\n")
        if exc.help:
            sys.stderr.write(f"  = hulp: {exc.help}\n")
        return EXIT_INPUT
    except OSError as exc:
        sys.stderr.write(f"lea template: kan '{output}' niet schrijven: {exc.strerror or exc}\n")
        return EXIT_USAGE
    indicators = len({row.indicator.name for row in rows})
    print(f"{output}: uitvraag voor {agenda.municipality} {args.peiljaar} geschreven "
          f"({aantal(indicators, 'indicator', 'indicatoren')}, {aantal(len(rows), 'rij', 'rijen')})")
    for line in undeclared_lines(agenda, units):
        print(f"let op: {line}")
    return EXIT_OK
