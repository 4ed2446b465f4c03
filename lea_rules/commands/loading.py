"""Loading for `lea evaluate` and `lea report`: agenda, peiljaar and data, or a printed refusal."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lea_rules.exit_codes import EXIT_INPUT, EXIT_OK, EXIT_USAGE

if TYPE_CHECKING:
    from lea_rules.data.model import FigureRevision, Observation, Progress
    from lea_rules.evaluation.model import EvaluationReport
    from lea_rules.nodes import Agenda


def err(text: str) -> None:
    sys.stderr.write(text + "\n")


@dataclass
class Loaded:
    path: Path
    agenda: Agenda
    data_dir: Path
    observations: list[Observation]
    progress: Progress | None
    previous: Progress | None
    revisions: list[FigureRevision] = field(default_factory=list)
    data_date: str | None = None  # the latest delivery in leveringen.csv; None without a log
    yearly: dict[int, Progress] = field(default_factory=dict)  # earlier years, for `mijlpaal jaarlijks`

    def evaluate(self, peiljaar: int) -> EvaluationReport:
        from lea_rules.data.units import load_units
        from lea_rules.evaluation.engine import evaluate

        # eenheden.csv was checked by load_observations; units goals are judged against it.
        return evaluate(self.agenda, self.observations, self.progress, peiljaar, self.previous,
                        data_date=self.data_date, units=load_units(self.data_dir, self.agenda),
                        revisions=self.revisions, yearly_progress=self.yearly)


def load_agenda_or_report(name: str, command: str = "lea", lang: str = "nl"
                          ) -> tuple[Agenda | None, Path, int]:
    """The agenda, or None with the exit code after printing why (shared by the commands);
    the command's own lines in `lang` (the agenda's errors are Dutch in both)."""
    from lea_rules.api import AgendaInvalid, load_agenda, resolve_agenda_path
    from lea_rules.commands.cli_words import say
    from lea_rules.diagnostics import render_all

    path = resolve_agenda_path(name)
    if not path.is_file():
        err(f"{command}: " + say(lang, "agenda_not_found", name=name, path=path))
        return None, path, EXIT_USAGE
    try:
        return load_agenda(path), path, EXIT_OK
    except AgendaInvalid as exc:
        checked = exc.checked
        sources = {checked.path: checked.source} if checked.source is not None else {}
        err(render_all(checked.errors, sources))
        err(f"{command}: " + say(lang, "agenda_errors", path=path))
        return None, path, EXIT_INPUT


def load_for_year(args: argparse.Namespace, command: str, nothing_done: str,
                  with_revisions: bool = False) -> Loaded | int:
    """Everything a yearly command needs, or the exit code after saying what is wrong."""
    from lea_rules.api import peiljaar_problem
    from lea_rules.commands.cli_words import say
    from lea_rules.data.deliveries import OTHER_MUNICIPALITY, data_date, data_folder_verdict, load_deliveries
    from lea_rules.data.folder import default_data_dir
    from lea_rules.data.problems import DataInvalid
    from lea_rules.data.store import load_observations, load_progress, load_revisions
    from lea_rules.diagnostics import render_all

    lang = getattr(args, "lang", "nl")  # `lea report --lang en`: the command's own lines in English
    agenda, path, code = load_agenda_or_report(args.agenda, f"lea {command}", lang)
    if agenda is None:
        return code
    year_problem = peiljaar_problem(agenda, args.peiljaar)
    if year_problem:
        start, end = agenda.period
        err(f"lea {command}: " + (year_problem if lang != "en" else say(
            lang, "peiljaar_outside", year=args.peiljaar, start=start, end=end, first=start - 1,
            last=end + 1)))
        return EXIT_USAGE
    data_dir = Path(args.data) if args.data else default_data_dir(path)
    if args.data and not data_dir.is_dir():
        err(f"lea {command}: " + say(lang, "data_dir_not_found", folder=data_dir))
        return EXIT_USAGE
    try:
        # load_observations refuses first when leveringen.csv names another municipality (D510).
        observations = load_observations(data_dir, agenda)
        delivered = data_date(load_deliveries(data_dir))
        revisions = load_revisions(data_dir) if with_revisions else []
        progress = load_progress(data_dir, args.peiljaar, agenda)
        previous = load_progress(data_dir, args.peiljaar - 1, agenda)
        yearly = _earlier_progress(data_dir, agenda, args.peiljaar)
    except DataInvalid as exc:
        err(render_all(exc.problems))
        verdict = data_folder_verdict(exc.problems, data_dir)
        if lang == "en":
            elsewhere = all(p.code in OTHER_MUNICIPALITY for p in exc.problems)
            verdict = say(lang, "data_elsewhere" if elsewhere else "data_errors", folder=data_dir)
        err(f"lea {command}: {verdict}; {nothing_done}")
        return EXIT_INPUT
    return Loaded(path, agenda, data_dir, observations, progress, previous, revisions, delivered, yearly)


def _earlier_progress(data_dir: Path, agenda: Agenda, peiljaar: int) -> dict[int, Progress]:
    """The progress files of the years before peiljaar - 1 that a recurring milestone
    (`mijlpaal jaarlijks`) is judged on: each occurrence on its own year's stand."""
    from lea_rules.data.store import load_progress
    from lea_rules.evaluation.goals.recurring import milestone_years

    found = {}
    for year in sorted(y for y in milestone_years(agenda) if y < peiljaar - 1):
        progress = load_progress(data_dir, year, agenda)
        if progress is not None:
            found[year] = progress
    return found
