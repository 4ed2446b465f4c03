"""Importer: a CSV or XLSX file checked cell by cell, merged into the data folder, written atomically.

A file with any mistake changes nothing. A value that differs from the stored one for the
same indicator, period and unit needs a reason; the old value stays on record in
revisies.csv.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from lea_rules.data.model import Observation, Revision
from lea_rules.data.problems import DataInvalid, DataProblem, Place
from lea_rules.data.readers import read_tables
from lea_rules.data.rows import read_rows
from lea_rules.data.store import (
    OBSERVATIONS,
    REVISIONS,
    load_observations,
    load_revisions,
    observation_key,
    observation_value_text,
    render_observations,
    render_revisions,
    write_files_atomic,
)
from lea_rules.nodes import Agenda


@dataclass
class ImportPlan:
    """What an import would change; `apply_import` writes it."""

    source_file: str
    data_dir: Path
    added: list[Observation] = field(default_factory=list)
    revised: list[tuple[Observation, Observation]] = field(default_factory=list)  # old, new value
    updated: list[tuple[Observation, Observation]] = field(default_factory=list)  # same value, other details
    unchanged: int = 0
    skipped_empty: int = 0
    observations: list[Observation] = field(default_factory=list)  # the complete new set
    revisions: list[Revision] = field(default_factory=list)  # the complete new list

    @property
    def changes(self) -> int:
        return len(self.added) + len(self.revised) + len(self.updated)

    @property
    def is_noop(self) -> bool:
        return self.changes == 0


def plan_import(file: Path, agenda: Agenda, data_dir: Path, *, reason: str | None = None,
                today: date | None = None, display: str | None = None) -> ImportPlan:
    """Read and check `file` against the agenda and the stored data; DataInvalid on any mistake."""
    shown = display or str(file)
    tables = read_tables(file, shown)
    rows = read_rows(tables, agenda)
    problems = list(rows.problems)
    if not problems and not rows.observations:
        sheet = tables[0].sheet if tables else None
        problems.append(DataProblem(
            "D230", "het bestand bevat geen enkele waarde" +
            (f" ({rows.skipped_empty} rijen zonder waarde)" if rows.skipped_empty else ""),
            Place(shown, sheet=sheet), "vul de kolom 'waarde' in; een lege waarde betekent: geen gegevens"))
    stored = load_observations(data_dir, agenda)
    revisions = load_revisions(data_dir)
    by_key = {observation_key(obs): obs for obs in stored}
    plan = ImportPlan(shown, data_dir, skipped_empty=rows.skipped_empty)
    reason = (reason or "").strip() or None
    for located in rows.observations:
        new = located.observation
        old = by_key.get(observation_key(new))
        if old is None:
            plan.added.append(new)
            by_key[observation_key(new)] = new
            continue
        if old == new:
            plan.unchanged += 1
            continue
        if observation_value_text(old) == observation_value_text(new):
            plan.updated.append((old, new))
            by_key[observation_key(new)] = new
            continue
        if reason is None:
            where = f"{new.indicator} {new.period}" + (f" {new.unit}" if new.unit else "")
            problems.append(DataProblem(
                "D301", f"{where}: de waarde {observation_value_text(new)} wijkt af van de opgeslagen "
                f"waarde {observation_value_text(old)} (bron: {old.source})",
                located.table.place(located.row, located.value_column, "waarde"),
                "is dit een herziening? Geef de reden op met --reden \"...\"; de oude waarde blijft "
                "bewaard in revisies.csv"))
            continue
        plan.revised.append((old, new))
        by_key[observation_key(new)] = new
        revisions.append(Revision(
            indicator=new.indicator, period=new.period, unit=new.unit, old=observation_value_text(old),
            new=observation_value_text(new), reason=reason, revised_on=today or date.today(),
            file=Path(shown).name))
    if problems:
        raise DataInvalid(problems)
    plan.observations = list(by_key.values())
    plan.revisions = revisions
    return plan


def apply_import(plan: ImportPlan) -> None:
    """Write the new files; revisions first, so an old value is on record before it is replaced."""
    if plan.is_noop:
        return
    files: dict[Path, str] = {}
    if plan.revised:
        files[plan.data_dir / REVISIONS] = render_revisions(plan.revisions)
    files[plan.data_dir / OBSERVATIONS] = render_observations(plan.observations)
    write_files_atomic(files)


def import_file(file: Path, agenda: Agenda, data_dir: Path, *, reason: str | None = None,
                dry_run: bool = False, today: date | None = None, display: str | None = None) -> ImportPlan:
    plan = plan_import(file, agenda, data_dir, reason=reason, today=today, display=display)
    if not dry_run:
        apply_import(plan)
    return plan
