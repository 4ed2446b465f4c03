"""`lea check`: diagnostics for one or more agendas, as text or JSON."""

from __future__ import annotations

import argparse
import json
import sys

from lea_rules.diagnostics import render_all, summary


def run(args: argparse.Namespace) -> int:
    from lea_rules.api import check_file

    all_diags = []
    sources = {}
    any_error = False
    for path in args.paths:
        checked = check_file(path)
        if checked.source is not None:
            sources[checked.path] = checked.source
        diags = checked.diagnostics
        if args.errors_only:
            diags = [d for d in diags if d.is_error]
        all_diags.extend(diags)
        any_error = any_error or bool(checked.errors)
    if args.format == "json":
        payload = {
            "schema": "lea-check/1",
            "files": list(args.paths),
            "diagnostics": [d.to_json() for d in all_diags],
            "errors": sum(1 for d in all_diags if d.is_error),
            "warnings": sum(1 for d in all_diags if not d.is_error),
        }
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        if all_diags:
            print(render_all(all_diags, sources, limit=args.max))
            print()
        names = ", ".join(args.paths) if len(args.paths) <= 3 else f"{len(args.paths)} bestanden"
        status = "niet in orde" if any_error else "in orde"
        print(f"{names}: {status} ({summary(all_diags)})")
    return 1 if any_error else 0
