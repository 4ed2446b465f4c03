"""`lea evaluate AGENDA --year JAAR [--format table|json]`: the status of every target.

Exit codes: 0 evaluated; 1 errors in the agenda or the data files; 2 agenda not found.
"""

from __future__ import annotations

import argparse
import shutil
import sys

from lea_rules.exit_codes import EXIT_OK


def run(args: argparse.Namespace) -> int:
    from lea_rules.commands.loading import err, load_for_year

    loaded = load_for_year(args, "evaluate", "er is niets beoordeeld", with_revisions=True)
    if isinstance(loaded, int):
        return loaded
    report = loaded.evaluate(args.peiljaar)
    if args.format == "json":
        sys.stdout.write(report.model_dump_json(indent=2) + "\n")
        return EXIT_OK
    from lea_rules.evaluation.table import render_table

    width = shutil.get_terminal_size((160, 40)).columns if sys.stdout.isatty() else 160
    sys.stdout.write(render_table(report, width=width))
    if not loaded.observations:
        err(f"let op: geen gegevens gevonden in {loaded.data_dir}")
    return EXIT_OK
