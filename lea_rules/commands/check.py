"""`lea check`: diagnostics for one or more agendas, as text or JSON.

Exit codes: 0 = no errors (warnings allowed), 1 = errors in an agenda, 2 = usage: a file
that does not exist or is a folder (E000), or a bad option (argparse).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from lea_rules.diagnostics import Diagnostic, render_all, summary
from lea_rules.source import SourceFile

SCHEMA = "lea-check/1"
EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


def run(args: argparse.Namespace) -> int:
    from lea_rules.api import check_file

    if args.max < 1:
        sys.stderr.write("lea check: fout: --max moet minstens 1 zijn\n")
        return EXIT_USAGE
    all_diags: list[Diagnostic] = []
    sources: dict[str, SourceFile] = {}
    any_error = missing = False
    for path in args.paths:
        checked = check_file(path)
        if checked.source is not None:
            sources[checked.path] = checked.source
        diags = checked.diagnostics
        if args.errors_only:
            diags = [d for d in diags if d.is_error]
        all_diags.extend(diags)
        any_error = any_error or bool(checked.errors)
        missing = missing or any(d.code == "E000" for d in checked.diagnostics)
    code = EXIT_USAGE if missing else EXIT_INPUT if any_error else EXIT_OK
    if args.format == "json":
        json.dump(payload(list(args.paths), all_diags), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return code
    if all_diags:
        print(render_all(all_diags, sources, limit=args.max))
        print()
    names = ", ".join(args.paths) if len(args.paths) <= 3 else f"{len(args.paths)} bestanden"
    status = "niet in orde" if any_error else "in orde"
    print(f"{names}: {status} ({summary(all_diags)})")
    return code


def payload(files: list[str], diags: list[Diagnostic]) -> dict[str, Any]:
    """The JSON twin of the text output; its shape is documented in docs/diagnostics.md."""
    return {
        "schema": SCHEMA,
        "files": files,
        "diagnostics": [d.to_json() for d in diags],
        "errors": sum(1 for d in diags if d.is_error),
        "warnings": sum(1 for d in diags if not d.is_error),
    }
