"""Data problems: located errors in data, import and progress files, as Diagnostics.

A data problem is a Diagnostic with a CellPlace (lea_rules.diagnostics): made with
`data_error`, raised together in DataInvalid, rendered by the one renderer.
"""

from __future__ import annotations

from collections.abc import Sequence

from lea_rules.diagnostics import CellPlace, Diagnostic, Severity, ValueProblem

__all__ = ["PROGRESS_SUFFIXES", "DataInvalid", "ValueProblem", "data_error"]

PROGRESS_SUFFIXES = (".yaml", ".yml")


def data_error(code: str, message: str, place: CellPlace, help: str | None = None) -> Diagnostic:
    """One mistake in a data file: what is wrong and expected, where, and how to fix it.

    Its title says which kind of file it sits in: a progress file (YAML) or a data file.
    """
    kind = "voortgangsbestand" if place.path.casefold().endswith(PROGRESS_SUFFIXES) else "gegevensbestand"
    return Diagnostic(code, Severity.ERROR, f"fout in het {kind}", message, place, help)


class DataInvalid(Exception):
    """A data, import or progress file has mistakes; nothing was written."""

    def __init__(self, problems: Sequence[Diagnostic]) -> None:
        self.problems = list(problems)
        super().__init__(f"{len(self.problems)} fout(en) in de gegevens")
