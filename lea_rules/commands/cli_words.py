"""The command line's own status lines, in Dutch or in English (`lea report --lang en`).

Only what the command itself says: a report written, a file that cannot be written, an agenda
not found. The messages about the agenda's lines and the data files stay Dutch, the checker's
language, also with `--lang en` (docs/report.md says so); the exit codes are the same in both.
"""

from __future__ import annotations

LINES: dict[str, tuple[str, str]] = {
    "report_written": ("rapport geschreven: {path}", "report written: {path}"),
    "pdf_written": ("PDF geschreven: {path}", "PDF written: {path}"),
    "illustrative": ("let op: het rapport bevat illustratieve cijfers; dat staat er duidelijk in",
                     "note: the report contains illustrative figures; it says so clearly"),
    "no_data": ("let op: geen gegevens gevonden in {folder}; elk meetbaar resultaat staat op "
                "'Geen gegevens'",
                "note: no data found in {folder}; every measurable result shows 'no data'"),
    "cannot_write": ("kan '{path}' niet schrijven: {problem}. {fix}. Er is geen rapport gemaakt.",
                     "cannot write '{path}': {problem}. {fix}. No report was made."),
    "cannot_write_os": ("kan '{path}' niet schrijven: {problem}. Er is geen rapport gemaakt.",
                        "cannot write '{path}': {problem}. No report was made."),
    "no_pdf": ("geen PDF gemaakt. {why}", "no PDF made. {why}"),
    "agenda_not_found": ("agenda '{name}' niet gevonden (gezocht: {path})",
                         "agenda '{name}' not found (looked for: {path})"),
    "agenda_errors": ("de agenda {path} heeft fouten; los die eerst op (lea check {path})",
                      "the agenda {path} has errors (above, in Dutch: the checker's language); "
                      "fix them first (lea check {path})"),
    "data_dir_not_found": ("gegevensmap '{folder}' niet gevonden", "data folder '{folder}' not found"),
    "peiljaar_outside": ("peiljaar {year} valt buiten de looptijd {start}-{end} van deze agenda; "
                         "kies een jaar van {first} tot en met {last}",
                         "year {year} lies outside this agenda's period {start}-{end}; "
                         "choose a year from {first} to {last}"),
    "data_errors": ("de gegevens in {folder} hebben fouten", "the data in {folder} have errors "
                    "(above, in Dutch)"),
    "data_elsewhere": ("de gegevens in {folder} zijn niet van de gemeente van de agenda",
                       "the data in {folder} are not of the agenda's municipality"),
    "no_report": ("er is geen rapport gemaakt", "no report was made"),
    "not_html": ("'{path}': het rapport is een HTML-bestand; kies een naam op .html (bijvoorbeeld "
                 "-o {html}), of op .pdf voor een PDF met het HTML-bestand ernaast. Er is geen rapport "
                 "gemaakt.",
                 "'{path}': the report is an HTML file; choose a name ending in .html (for example "
                 "-o {html}), or in .pdf for a PDF with the HTML file beside it. No report was made."),
}


def say(lang: str, key: str, **values: object) -> str:
    """The status line `key` in `lang` (`nl` or `en`), filled in with `values`."""
    dutch, english = LINES[key]
    return (english if lang == "en" else dutch).format(**values)
