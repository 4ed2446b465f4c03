"""Store: the data folder of one municipality, read with located errors and written atomically.

    data/<gemeente>/observaties.csv      one row per indicator, period and unit (sorted)
    data/<gemeente>/revisies.csv         every replaced observation, with what changed, reason and date
    data/<gemeente>/voortgang-<jaar>.yaml  the policy writer's yearly progress

`<gemeente>` is the file name of the agenda without `.lea` (agendas/hengelo.lea -> data/hengelo).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path

from lea_rules.data.model import FigureRevision, Observation, Progress, observation_value_text
from lea_rules.data.problems import DataInvalid, ValueProblem, data_error
from lea_rules.data.readers import read_csv_bytes
from lea_rules.data.rows import COLUMNS, map_header, read_rows
from lea_rules.diagnostics import CellPlace, Diagnostic
from lea_rules.nodes import Agenda
from lea_rules.period import parse_period

OBSERVATIONS = "observaties.csv"
REVISIONS = "revisies.csv"
REVISION_COLUMNS: tuple[str, ...] = ("indicator", "periode", "eenheid", "oud", "nieuw", "reden", "datum",
                                     "bestand", "wijziging")
# revisies.csv as written before the `wijziging` column existed; still read, rewritten in full.
LEGACY_REVISION_COLUMNS: tuple[str, ...] = REVISION_COLUMNS[:-1]


def progress_path(data_dir: Path, peiljaar: int) -> Path:
    return Path(data_dir) / f"voortgang-{peiljaar}.yaml"


def load_observations(data_dir: str | Path, agenda: Agenda, *, gemeente: str | None = None,
                      can_declare: bool = False) -> list[Observation]:
    """The stored observations, checked against the agenda; [] when there are none yet.

    Every command reads the stored rows through here, so none can skip the municipality
    check: when leveringen.csv says the rows are another municipality's than the agenda's,
    DataInvalid (D510; D511/D512 where the caller lets the user declare whose rows they are
    with `gemeente`, see deliveries.municipality_problem).
    Raises DataInvalid with located problems when observaties.csv has mistakes.
    """
    from lea_rules.data.deliveries import check_municipality
    from lea_rules.data.transaction import ensure_consistent

    if Path(data_dir).is_dir():
        ensure_consistent(Path(data_dir))  # an import killed half-way is finished first
    check_municipality(data_dir, agenda, gemeente, can_declare=can_declare)
    from lea_rules.data.units import load_units

    units = load_units(data_dir, agenda)  # eenheden.csv is checked even before there are rows
    path = Path(data_dir) / OBSERVATIONS
    if not path.exists():
        return []
    table = read_csv_bytes(path.read_bytes(), str(path), strict_utf8=True, delimiter=";")
    problems: list[Diagnostic] = []
    index = map_header(table, problems)
    if index is not None:
        missing = [c for c in COLUMNS if c not in index]
        if missing:
            problems.append(data_error("D123", "de kopregel mist kolom " + ", ".join(missing),
                                       table.place(table.header[0].row, 1),
                                       f"de kopregel is: {';'.join(COLUMNS)}"))
    if problems:
        raise DataInvalid(problems)
    result = read_rows([table], agenda, stored=True, units=units)
    if result.problems:
        raise DataInvalid(result.problems)
    return [located.observation for located in result.observations]


def load_revisions(data_dir: str | Path) -> list[FigureRevision]:
    """Every observation that an import replaced, oldest first; [] when there are none.

    Reads both the current header and the one without `wijziging` (older files).
    """
    path = Path(data_dir) / REVISIONS
    if not path.exists():
        return []
    table = read_csv_bytes(path.read_bytes(), str(path), strict_utf8=True, delimiter=";")
    names = [c.text.casefold() for c in table.header]
    if tuple(names) not in (REVISION_COLUMNS, LEGACY_REVISION_COLUMNS):
        raise DataInvalid([data_error("D130", "de kopregel van revisies.csv klopt niet",
                                      table.place(table.header[0].row, 1),
                                      f"de kopregel is: {';'.join(REVISION_COLUMNS)}")])
    revisions: list[FigureRevision] = []
    problems: list[Diagnostic] = []
    for row in table.rows:
        fields = {name: (row[i].text if i < len(row) else "") for i, name in enumerate(names)}
        line = row[0].row
        try:
            revised_on = date.fromisoformat(fields["datum"])
        except ValueError:
            problems.append(data_error("D131", f"'{fields['datum']}' is geen datum (JJJJ-MM-DD)",
                                       CellPlace(str(path), line, names.index("datum") + 1, None, "datum")))
            continue
        if not fields["reden"]:
            problems.append(data_error("D132", "een revisie zonder reden",
                                       CellPlace(str(path), line, names.index("reden") + 1, None, "reden")))
            continue
        try:
            period = parse_period(fields["periode"])
        except ValueProblem as exc:
            problems.append(data_error(exc.code, exc.message, CellPlace(
                str(path), line, names.index("periode") + 1, None, "periode"), exc.help))
            continue
        revisions.append(FigureRevision(indicator=fields["indicator"], period=period,
                                  breakdown=fields["eenheid"] or None, old=fields["oud"], new=fields["nieuw"],
                                  reason=fields["reden"], revised_on=revised_on,
                                  file=fields["bestand"] or None, change=fields.get("wijziging") or None))
    if problems:
        raise DataInvalid(problems)
    return revisions


def load_progress(data_dir: str | Path, peiljaar: int, agenda: Agenda) -> Progress | None:
    """`voortgang-<jaar>.yaml` checked against the agenda; None when the writer has none yet."""
    from lea_rules.data.progress import read_progress

    path = progress_path(Path(data_dir), peiljaar)
    if not path.exists():
        return None
    return read_progress(path, agenda, peiljaar)


# --- writing -----------------------------------------------------------------


def observation_key(obs: Observation) -> tuple[str, str, str]:
    return (obs.indicator.casefold(), obs.period.text, (obs.breakdown or "").casefold())


def _sort_key(obs: Observation) -> tuple[str, int, str, str]:
    return (obs.indicator.casefold(), obs.period.year, obs.period.text, (obs.breakdown or "").casefold())


def _csv_text(header: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def render_observations(observations: Iterable[Observation]) -> str:
    """observaties.csv: sorted by indicator, period and unit, so that a diff shows only changes."""
    rows = [
        [obs.indicator, obs.period.text, obs.breakdown or "", observation_value_text(obs), obs.source,
         obs.status.value, "1" if obs.illustrative else "", obs.series or "", obs.note or ""]
        for obs in sorted(observations, key=_sort_key)
    ]
    return _csv_text(COLUMNS, rows)


def render_revisions(revisions: Iterable[FigureRevision]) -> str:
    rows = [[r.indicator, r.period.text, r.breakdown or "", r.old, r.new, r.reason, r.revised_on.isoformat(),
             r.file or "", r.change or ""] for r in revisions]
    return _csv_text(REVISION_COLUMNS, rows)


def write_files_atomic(files: Mapping[Path, str]) -> None:
    """Write every file to a temporary file first, then move them into place (os.replace).

    Nothing is replaced until every temporary file is complete, so an interrupted write
    leaves the previous files intact. Files are replaced in the given order; put the
    revisions before the observations, so an old value is on record before it disappears.
    """
    from lea_rules.atomic import commit, discard, stage

    staged: list[tuple[Path, Path]] = []
    try:
        for path, text in files.items():
            temp = stage(path)
            staged.append((temp, path))
            temp.write_text(text, encoding="utf-8", newline="")
        for temp, path in staged:
            commit(temp, path)
    finally:
        for temp, _ in staged:
            discard(temp)
