"""`lea codes`: give every action and result a fixed code, and bind progress entries to titles.

Exit codes: 0 = written, or nothing to do; 1 = the agenda has errors, or with --check:
something would be written; 2 = usage (agenda or data folder not found).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from lea_rules.exit_codes import EXIT_INPUT, EXIT_OK, EXIT_USAGE

if TYPE_CHECKING:
    from lea_rules.diagnostics import Diagnostic
    from lea_rules.nodes import Action, Agenda, Result

BOM = b"\xef\xbb\xbf"


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")


def run(args: argparse.Namespace) -> int:
    import yaml

    from lea_rules.api import check_source
    from lea_rules.codes import count_words, progress_files, shorten, write_codes, write_titles
    from lea_rules.commands.loading import load_agenda_or_report
    from lea_rules.data.folder import default_data_dir
    from lea_rules.data.store import write_files_atomic
    from lea_rules.references import pointed
    from lea_rules.source import decode

    agenda, path, code = load_agenda_or_report(args.agenda, "lea codes")
    if agenda is None:
        if code == EXIT_INPUT:
            _err("lea codes: er is niets geschreven.")
        return code
    data_dir = Path(args.data) if args.data else default_data_dir(path)
    if args.data and not data_dir.is_dir():
        _err(f"lea codes: gegevensmap '{data_dir}' niet gevonden")
        return EXIT_USAGE

    moved = _binding_problems(agenda, progress_files(data_dir))
    if moved:
        from lea_rules.diagnostics import render_all

        _err(render_all(moved))
        blocks = "voortgangsblok hoort" if len(moved) == 1 else "voortgangsblokken horen"
        _err(f"\nlea codes: {len(moved)} {blocks} "
             "niet (meer) bij het item met hun code. lea codes legt niets vast zolang dat zo is: los het "
             "eerst op (de meldingen zeggen hoe). Er is niets geschreven.")
        return EXIT_INPUT

    raw = path.read_bytes()
    bom = raw.startswith(BOM)
    text = raw[len(BOM):].decode("utf-8") if bom else raw.decode("utf-8")
    new_text, code_edits = write_codes(text, agenda)
    if code_edits:
        # Safety: the rewritten agenda must be the same agenda, with the same codes, all fixed.
        again = check_source(decode(new_text.encode("utf-8"), str(path)))
        before = [(kind, item.code) for kind, item in _items(agenda)]
        after = [(kind, item.code) for kind, item in _items(again.agenda)] if again.agenda else []
        explicit = again.agenda is not None and all(item.code_explicit for _, item in _items(again.agenda))
        # every `zie:` still points at the same item (the codes written are the ones it named)
        same_references = again.agenda is not None and pointed(agenda) == pointed(again.agenda)
        if again.errors or before != after or not explicit \
                or not same_references:  # pragma: no cover - defensive
            _err("lea codes: interne fout: de agenda met vaste codes zou anders gelezen worden; er is "
                 "niets geschreven. Meld dit als fout in lea, met de agenda erbij.")
            return EXIT_INPUT

    files: dict[Path, str] = {}
    if code_edits:
        files[path] = ("\ufeff" if bom else "") + new_text
    progress_report: list[str] = []
    for progress in progress_files(data_dir):
        try:
            original = progress.read_bytes().decode("utf-8-sig")
            updated, title_edits, skipped = write_titles(original, agenda)
        except (UnicodeDecodeError, yaml.YAMLError):
            progress_report.append(f"{progress}: niet te lezen, overgeslagen (lea check {progress})")
            continue
        if title_edits:
            files[progress] = updated
            one = len(title_edits) == 1
            verb = ("zou" if one else "zouden") if args.check else ("kreeg" if one else "kregen")
            progress_report.append(f"{progress}: {len(title_edits)} {'blok' if one else 'blokken'} {verb} "
                                   f"de titel van {'zijn' if one else 'hun'} item"
                                   f"{' krijgen' if args.check else ''}:")
            progress_report.extend(f"  {e.code:<10} {shorten(e.title)}" for e in title_edits)
        for skip in skipped:
            progress_report.append(f"{progress}:{skip.line}: '{skip.code}' overgeslagen: {skip.why} "
                                   f"(lea check {progress})")

    if code_edits:
        one = len(code_edits) == 1
        verb = (("zou" if one else "zouden") + " een vaste code krijgen") if args.check else (
            ("kreeg" if one else "kregen") + " een vaste code")
        print(f"{path}: {count_words(code_edits)} {verb}, gelijk aan de code die "
              f"{'het' if one else 'ze'} nu {'heeft' if one else 'hebben'}:")
        for edit in code_edits:
            print(f"  regel {edit.line:<5} {edit.kind} {edit.code}")
    for line in progress_report:
        print(line)
    if not files:
        print(f"{path}: elke actie en elk resultaat heeft al een vaste code"
              + ("; elk voortgangsblok noemt zijn titel" if progress_files(data_dir) else ""))
        return EXIT_OK
    if args.check:
        print("lea codes --check: er is niets geschreven; draai lea codes zonder --check om het vast te "
              "leggen")
        return EXIT_INPUT
    progress_texts = {p: text for p, text in files.items() if p != path}
    if progress_texts:  # inside the data folder: under its lock, all or none, like an import
        from lea_rules.data.transaction import locked, write_transaction

        with locked(data_dir):
            write_transaction(data_dir, progress_texts)
    if path in files:
        write_files_atomic({path: files[path]})
    if progress_texts:
        print("Controleer de titels in de voortgangsbestanden (git diff): ze horen bij de codes zoals de "
              "agenda ze nu heeft. Is de agenda veranderd sinds het voortgangsbestand geschreven is, kijk "
              "dan of elk blok nog over het goede item gaat.")
    return EXIT_OK


def _items(agenda: Agenda) -> list[tuple[str, Action | Result]]:
    out: list[tuple[str, Action | Result]] = [("actie", a) for _, a in agenda.all_actions()]
    out.extend(("resultaat", r) for _, r in agenda.all_results())
    return out


# A progress entry that belongs to another item, or to none: lea codes must not fix codes, nor
# add titles, on top of that. A block without a title (D436) is what lea codes fixes.
BINDING_CODES = ("D420", "D430", "D437", "D438")


def _binding_problems(agenda: Agenda, files: list[Path]) -> list[Diagnostic]:
    import re

    from lea_rules.data.problems import DataInvalid
    from lea_rules.data.progress import read_progress

    out: list[Diagnostic] = []
    for file in files:
        year = re.search(r"(\d{4})", file.stem)
        if year is None:
            continue
        try:
            read_progress(file, agenda, int(year.group(1)))
        except DataInvalid as exc:
            out.extend(p for p in exc.problems if p.code in BINDING_CODES)
    return out
