"""Importer: a CSV or XLSX file checked cell by cell, merged into the data folder in one transaction.

A file with any mistake changes nothing. Any change to a stored observation (its value, or
its source, status, illustrative flag, series, note or the spelling of its unit) needs a
reason; the old row stays on record in revisies.csv. Nothing is overwritten silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from lea_rules.counts import aantal
from lea_rules.data.deliveries import DELIVERIES, Delivery, appended_log, import_date, load_deliveries
from lea_rules.data.model import FigureRevision, Observation, observation_value_text
from lea_rules.data.problems import DataInvalid, data_error
from lea_rules.data.readers import read_tables
from lea_rules.data.rows import Located, read_rows
from lea_rules.data.store import (
    OBSERVATIONS,
    REVISIONS,
    load_observations,
    load_revisions,
    observation_key,
    render_observations,
    render_revisions,
)
from lea_rules.data.transaction import JOURNAL_NAME, locked, write_transaction
from lea_rules.data.units import load_units
from lea_rules.diagnostics import CellPlace, Diagnostic
from lea_rules.nodes import Agenda


@dataclass
class ImportPlan:
    """What an import would change; `apply_import` writes it."""

    source_file: str
    data_dir: Path
    added: list[Observation] = field(default_factory=list)
    revised: list[tuple[Observation, Observation]] = field(default_factory=list)  # old, new row
    unchanged: int = 0
    skipped_empty: int = 0
    observations: list[Observation] = field(default_factory=list)  # the complete new set
    revisions: list[FigureRevision] = field(default_factory=list)  # the complete new list
    delivery: Delivery | None = None  # the row leveringen.csv gets when the import changes the store

    @property
    def changes(self) -> int:
        return len(self.added) + len(self.revised)

    @property
    def is_noop(self) -> bool:
        return self.changes == 0


def plan_import(file: Path, agenda: Agenda, data_dir: Path, *, reason: str | None = None,
                today: date | None = None, display: str | None = None,
                gemeente: str | None = None) -> ImportPlan:
    """Read and check `file` against the agenda and the stored data; DataInvalid on any mistake.

    `gemeente` says whose rows these are when they are not the agenda's municipality (a
    reference series); the folder's leveringen.csv must agree. `today` is the date the import
    is recorded under (default: import_date()).
    """
    shown = display or str(file)
    today = today or import_date()
    # The log first: a folder holding another municipality's rows is refused before anything else.
    stored = load_observations(data_dir, agenda, gemeente=gemeente, can_declare=True)
    deliveries = load_deliveries(data_dir)
    tables = read_tables(file, shown)
    rows = read_rows(tables, agenda, units=load_units(data_dir, agenda))
    problems = list(rows.problems)
    if not problems and not rows.observations:
        sheet = tables[0].sheet if tables else None
        problems.append(data_error(
            "D230", "het bestand bevat geen enkele waarde" +
            (f" ({aantal(rows.skipped_empty, 'rij', 'rijen')} zonder waarde)" if rows.skipped_empty else ""),
            CellPlace(shown, sheet=sheet),
            "vul de kolom 'waarde' in; een lege waarde betekent: geen gegevens"))
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
        changes = differences(old, new)
        if not changes:  # the same row, as it would be stored: nothing to do
            plan.unchanged += 1
            continue
        if reason is None:
            problems.append(_change_without_reason(located, old, changes))
            continue
        plan.revised.append((old, new))
        by_key[observation_key(new)] = new
        revisions.append(FigureRevision(
            indicator=new.indicator, period=new.period, breakdown=new.breakdown,
            old=observation_value_text(old),
            new=observation_value_text(new), reason=reason, revised_on=today,
            file=Path(shown).name, change=describe_changes(changes)))
    if problems:
        raise DataInvalid(problems)
    plan.observations = list(by_key.values())
    plan.revisions = revisions
    if not plan.is_noop:
        municipality = (deliveries[-1].municipality if deliveries
                        else (gemeente or "").strip() or agenda.municipality)
        plan.delivery = Delivery(on=today, municipality=municipality, file=Path(shown).name,
                                 added=len(plan.added), revised=len(plan.revised), reason=reason or "",
                                 line=0)
    return plan


# (column in observaties.csv, how it is stored) for every field of a row besides its key
def _stored_fields(obs: Observation) -> tuple[tuple[str, str], ...]:
    return (("waarde", observation_value_text(obs)), ("eenheid", obs.breakdown or ""), ("bron", obs.source),
            ("status", obs.status.value), ("illustratief", "1" if obs.illustrative else "0"),
            ("reeks", obs.series or ""), ("toelichting", obs.note or ""))


def differences(old: Observation, new: Observation) -> list[tuple[str, str, str]]:
    """(column, old text, new text) for every field in which `new` differs from the stored `old`."""
    return [(name, before, after)
            for (name, before), (_, after) in zip(_stored_fields(old), _stored_fields(new), strict=True)
            if before != after]


def _shown(name: str, text: str) -> str:
    if name in ("waarde", "status", "illustratief"):
        return text
    return f"'{text}'" if text else "(leeg)"


def describe_changes(changes: list[tuple[str, str, str]]) -> str:
    """`waarde: 15 → 13; bron: 'A' → 'B'`: what changed, as recorded in revisies.csv."""
    return "; ".join(f"{name}: {_shown(name, before)} → {_shown(name, after)}"
                     for name, before, after in changes)


def _change_without_reason(located: Located, old: Observation,
                           changes: list[tuple[str, str, str]]) -> Diagnostic:
    new = located.observation
    where = f"{new.indicator} {new.period.text}" + (f" {new.breakdown}" if new.breakdown else "")
    first = changes[0][0]
    column = located.column(first)
    absent = [name for name, _, _ in changes if located.column(name) is None]
    quoted = [f"'{n}'" for n in absent]
    named = " en ".join([", ".join(quoted[:-1]), quoted[-1]] if len(quoted) > 1 else quoted)
    note = ("" if not absent else f"; kolom {named} staat niet in het bestand en telt dan als leeg"
            if len(absent) == 1 else f"; kolommen {named} staan niet in het bestand en tellen dan als leeg")
    source = "" if any(name == "bron" for name, _, _ in changes) else f" (bron: {old.source})"
    return data_error(
        "D301", f"{where} wijkt af van de opgeslagen rij{source}: {describe_changes(changes)}{note}",
        located.table.place(located.row, column, first if column is not None else None),
        "is dit een bewuste wijziging? Geef de reden op met --reden \"...\"; de oude rij blijft "
        "bewaard in revisies.csv. Zo niet: neem de opgeslagen gegevens over in het bestand")


def apply_import(plan: ImportPlan) -> None:
    """Write the new files; revisions first, so an old value is on record before it is replaced."""
    if plan.is_noop:
        return
    files: dict[Path, str] = {}
    if plan.revised:
        files[plan.data_dir / REVISIONS] = render_revisions(plan.revisions)
    if plan.delivery is not None:  # on record before the rows it brings, like a revision
        files[plan.data_dir / DELIVERIES] = appended_log(plan.data_dir, plan.delivery)
    files[plan.data_dir / OBSERVATIONS] = render_observations(plan.observations)
    write_transaction(plan.data_dir, files)


def import_file(file: Path, agenda: Agenda, data_dir: Path, *, reason: str | None = None,
                dry_run: bool = False, today: date | None = None, display: str | None = None,
                gemeente: str | None = None) -> ImportPlan:
    """Plan and write an import, never losing a concurrent one's rows.

    The plan is made without the lock, so a file with mistakes (or nothing new) leaves the
    folder exactly as it was. An import that will write takes the data folder's lock (a
    concurrent one waits, StoreBusy after a while) and, if the store changed since it was
    read, plans again from the store as it is now before writing.
    """
    def plan() -> ImportPlan:
        return plan_import(file, agenda, data_dir, reason=reason, today=today, display=display,
                           gemeente=gemeente)

    seen = store_fingerprint(data_dir)
    result = plan()
    if dry_run or result.is_noop:
        return result
    with locked(data_dir):
        if store_fingerprint(data_dir) != seen:
            result = plan()
        apply_import(result)
    return result


def store_fingerprint(data_dir: Path) -> tuple[tuple[str, bytes], ...]:
    """The bytes of every store file an import plan reads: equal means nothing changed."""
    import hashlib

    out = []
    for name in (OBSERVATIONS, REVISIONS, DELIVERIES, "eenheden.csv", JOURNAL_NAME):
        path = Path(data_dir) / name
        digest = hashlib.sha256(path.read_bytes()).digest() if path.is_file() else b""
        out.append((name, digest))
    return tuple(out)
