"""`lea report AGENDA --year JAAR [--werkversie] [-o BESTAND] [--lang nl|en] [--pdf]`: the PDCA report.

Writes one self-contained HTML file and, with `--pdf`, an A4 PDF next to it through headless
Chromium. By default the council edition (`reports/<agenda>-<jaar>.html`: the whole picture on
page 1, short, no to-dos); with `--werkversie` the policy officer's working edition
(`reports/<agenda>-<jaar>-werkversie.html`: every action, open questions, line numbers, what to
fill in where). Both come from the same evaluation.

`-o NAAM.pdf` asks for the PDF by its name: the PDF is written there and the HTML beside it
(`NAAM.html`), as if `--pdf` were given. Any other `-o` must end in `.html` or `.htm`.

Exit codes: 0 written; 1 errors in the agenda or the data files; 2 agenda or data folder not
found, or the file cannot be written; 3 Chromium or Playwright missing for --pdf (the HTML
is written all the same).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from lea_rules.exit_codes import EXIT_OK, EXIT_TOOL, EXIT_USAGE

if TYPE_CHECKING:
    from lea_rules.report.pdf import PdfPrinter


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")


def write_atomic(path: Path, text: str) -> None:
    from lea_rules.atomic import replacing

    with replacing(path) as temp:
        temp.write_text(text, encoding="utf-8", newline="\n")


HTML_SUFFIXES = (".html", ".htm")


def _asks_pdf_by_name(args: argparse.Namespace) -> bool:
    return bool(args.output) and Path(args.output).suffix.casefold() == ".pdf"


def run(args: argparse.Namespace) -> int:
    given = Path(args.output) if args.output else None
    # a folder is refused further on, with a file name inside it as the example
    if (given is not None and not given.is_dir() and not _asks_pdf_by_name(args)
            and given.suffix.casefold() not in HTML_SUFFIXES):
        from lea_rules.commands.cli_words import say

        _err("lea report: " + say(args.lang, "not_html", path=given, html=given.with_suffix(".html")))
        return EXIT_USAGE
    if not args.pdf and not _asks_pdf_by_name(args):
        return _run(args, None)
    from lea_rules.report.pdf import PdfPrinter

    # Chromium starts in the background while the report is evaluated and written.
    with PdfPrinter() as printer:
        return _run(args, printer)


def _run(args: argparse.Namespace, printer: PdfPrinter | None) -> int:
    from lea_rules.atomic import NotWritable, check_writable
    from lea_rules.commands.cli_words import say
    from lea_rules.commands.loading import load_for_year
    from lea_rules.report import report_filename

    lang = args.lang  # the report's language, and of these lines (not of the agenda's errors)
    loaded = load_for_year(args, "report", say(lang, "no_report"), with_revisions=True)
    if isinstance(loaded, int):
        return loaded
    agenda, observations, path = loaded.agenda, loaded.observations, loaded.path
    working = bool(args.werkversie)
    name = report_filename(path, args.peiljaar, working=working)
    output = Path(args.output) if args.output else Path("reports") / name
    pdf_path = output.with_suffix(".pdf")
    if _asks_pdf_by_name(args):
        # `-o raad.pdf`: the PDF gets that name, the HTML it is printed from stands beside it
        pdf_path, output = output, output.with_suffix(".html")
    # mistakes in the agenda and data come first; then a place that cannot take the file is refused
    # before anything is rendered or made (the default folder reports/ is made when missing)
    try:
        check_writable(output, example=name, make_parents=not args.output)
        if printer is not None:
            check_writable(pdf_path, example=Path(name).with_suffix(".pdf").name,
                           make_parents=not args.output)
    except NotWritable as exc:
        problem, fix = exc.said(lang)
        _err("lea report: " + say(lang, "cannot_write", path=output, problem=problem, fix=fix))
        return EXIT_USAGE
    evaluation = loaded.evaluate(args.peiljaar)

    from lea_rules.report import ReportInput, render_html

    # No date of making and no paths: the same agenda and data give the same file, byte for byte.
    data = ReportInput(agenda=agenda, evaluation=evaluation, observations=observations,
                       revisions=loaded.revisions, progress=loaded.progress, lang=args.lang)
    if working:
        html = render_html(data)
    else:
        from lea_rules.report.council.render import render_council_html

        html = render_council_html(data)
    try:
        write_atomic(output, html)
    except OSError as exc:
        # strerror only: the message of a failed rename names the temporary file, not the user's
        _err("lea report: " + say(lang, "cannot_write_os", path=output, problem=exc.strerror or exc))
        return EXIT_USAGE
    print(say(lang, "report_written", path=output))
    if evaluation.illustrative_used:
        print(say(lang, "illustrative"))
    if not observations:
        _err(say(lang, "no_data", folder=loaded.data_dir))
    if printer is None:
        return EXIT_OK
    from lea_rules.report.pdf import PdfFailed, PdfUnavailable

    try:
        printer.print(output, pdf_path)
    except PdfUnavailable as exc:
        _err("lea report: " + say(lang, "no_pdf", why=exc.say(lang)))
        return EXIT_TOOL
    except PdfFailed as exc:
        _err(f"lea report: {exc.say(lang)}")
        return EXIT_TOOL
    print(say(lang, "pdf_written", path=pdf_path))
    return EXIT_OK
