"""`lea schema`: print the JSON Schema of the output of `lea evaluate --format json`."""

from __future__ import annotations

import argparse
import sys

from lea_rules.exit_codes import EXIT_OK


def run(args: argparse.Namespace) -> int:
    from lea_rules.evaluation.schema import schema_text

    sys.stdout.write(schema_text())
    return EXIT_OK
