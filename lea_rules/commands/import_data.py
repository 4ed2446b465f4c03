"""`lea import FILE --agenda A`: check a CSV or XLSX file and merge it into the data folder.

Exit codes: 0 imported (or nothing to change), 1 mistakes in the file or the stored data
(nothing written), 2 usage (file or agenda not found).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from lea_rules.counts import aantal
from lea_rules.exit_codes import EXIT_BUSY, EXIT_INPUT, EXIT_OK, EXIT_USAGE

if TYPE_CHECKING:
    from lea_rules.data.model import Observation


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")


def run(args: argparse.Namespace) -> int:
    from lea_rules.data.deliveries import DELIVERIES, import_date
    from lea_rules.data.folder import default_data_dir
    from lea_rules.data.importer import describe_changes, differences, import_file
    from lea_rules.data.problems import DataInvalid
    from lea_rules.data.transaction import LOCK_TIMEOUT_SECONDS, StoreBusy
    from lea_rules.diagnostics import render_all

    file = Path(args.file)
    if not file.is_file():
        _err(f"lea import: bestand '{file}' niet gevonden")
        return EXIT_USAGE
    from lea_rules.commands.loading import load_agenda_or_report

    agenda, agenda_path, code = load_agenda_or_report(args.agenda)
    if agenda is None:
        return code
    data_dir = Path(args.data) if args.data else default_data_dir(agenda_path)
    try:
        today = import_date()
    except (ValueError, OverflowError, OSError):
        _err(f"lea import: SOURCE_DATE_EPOCH='{os.environ.get('SOURCE_DATE_EPOCH')}' is geen tijdstip; "
             "verwacht: seconden sinds 1970 (bijvoorbeeld 1767225600), of laat de variabele weg")
        return EXIT_USAGE
    gemeente = (getattr(args, "gemeente", None) or "").strip() or None
    if not args.dry_run:
        from lea_rules.atomic import NotWritable, check_folder

        try:
            check_folder(data_dir)
        except NotWritable as exc:
            _err(f"lea import: kan niet schrijven in gegevensmap '{data_dir}': {exc.problem}. {exc.fix}. "
                 "Er is niets veranderd.")
            return EXIT_USAGE
    try:
        plan = import_file(file, agenda, data_dir, reason=args.reason, dry_run=args.dry_run,
                           display=str(file), today=today, gemeente=gemeente)
    except DataInvalid as exc:
        _err(render_all(exc.problems))
        n = len(exc.problems)
        _err(f"\n{file}: niet ingelezen ({'1 fout' if n == 1 else f'{n} fouten'}); "
             f"er is niets veranderd in {data_dir}")
        return EXIT_INPUT
    except StoreBusy:
        _err(f"lea import: een andere import in {data_dir} is nog bezig (ik heb "
             f"{LOCK_TIMEOUT_SECONDS:.0f} seconden gewacht); er is niets veranderd. Probeer het straks "
             "opnieuw.")
        return EXIT_BUSY
    except OSError as exc:
        # strerror and the file: a failed rename would name a temporary file, not the user's
        where = f" ({exc.filename})" if exc.filename else ""
        _err(f"lea import: kan niet lezen of schrijven in '{data_dir}': {exc.strerror or exc}{where}. "
             "Er is niets veranderd.")
        return EXIT_USAGE
    for old, new in plan.revised:
        print(f"  herzien  {new.indicator} {new.period}{' ' + new.breakdown if new.breakdown else ''}: "
              f"{describe_changes(differences(old, new))}")
    for new in plan.added:
        where = f"{new.period}{' ' + new.breakdown if new.breakdown else ''}"
        print(f"  nieuw    {new.indicator} {where}: {_val(new)}"
              f"{'  (illustratief)' if new.illustrative else ''}")
    skipped = (f"; {aantal(plan.skipped_empty, 'rij', 'rijen')} zonder waarde overgeslagen (geen gegevens)"
               if plan.skipped_empty else "")
    if plan.is_noop:
        already = "de waarde staat" if plan.unchanged == 1 else f"alle {plan.unchanged} waarden staan"
        print(f"{file}: niets veranderd — {already} al zo in {data_dir}{skipped}")
        return EXIT_OK
    counts = f"{len(plan.added)} nieuw, {len(plan.revised)} herzien, {plan.unchanged} ongewijzigd{skipped}"
    if plan.revised:
        kept = "zouden bewaard worden" if args.dry_run else "bewaard"
        print(f"  oude rijen {kept} in {data_dir / 'revisies.csv'} (reden: {args.reason.strip()})")
    if plan.delivery is not None:
        recorded = "zou vastgelegd worden" if args.dry_run else "vastgelegd"
        print(f"  levering {recorded} in {data_dir / DELIVERIES}: {plan.delivery.on.isoformat()}, "
              f"cijfers van {plan.delivery.municipality}")
    if args.dry_run:
        print(f"{file}: in orde; zou schrijven naar {data_dir} ({counts}). Niets geschreven (--dry-run).")
    else:
        print(f"{file}: ingelezen in {data_dir} ({counts})")
    return EXIT_OK


def _val(obs: Observation) -> str:
    from lea_rules.data.model import observation_value_text

    return observation_value_text(obs)
