"""CLI: the thin `lea` command; it alone prints and chooses exit codes.

Exit codes: see lea_rules.exit_codes. Each command's module is imported only when that
command runs (`lea check` runs on every save and stays lean): COMMANDS maps a command's name
to a small function that imports its module and hands back its `run`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import Literal

from lea_rules.exit_codes import EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE

Run = Callable[[argparse.Namespace], int]


def _check() -> Run:
    from lea_rules.commands import check

    return check.run


def _fmt() -> Run:
    from lea_rules.commands import fmt

    return fmt.run


def _codes() -> Run:
    from lea_rules.commands import codes

    return codes.run


def _evaluate() -> Run:
    from lea_rules.commands import evaluate

    return evaluate.run


def _import() -> Run:
    from lea_rules.commands import import_data

    return import_data.run


def _template() -> Run:
    from lea_rules.commands import template

    return template.run


def _report() -> Run:
    from lea_rules.commands import report

    return report.run


def _schema() -> Run:
    from lea_rules.commands import schema

    return schema.run


# The command as typed after `lea` -> where its `run` lives; build_parser offers exactly these.
COMMANDS: dict[str, Callable[[], Run]] = {
    "check": _check,
    "fmt": _fmt,
    "codes": _codes,
    "evaluate": _evaluate,
    "import": _import,
    "template": _template,
    "report": _report,
    "schema": _schema,
}


# argparse speaks English through gettext; the users of `lea` read Dutch.
_DUTCH = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "show program's version number and exit": "toon het versienummer en stop",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "invalid %(type)s value: %(value)r": "%(value)r is geen geldige waarde (verwacht: %(type)s)",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "expected one argument": "hier hoort één waarde bij",
    "ambiguous option: %(option)s could match %(matches)s":
        "dubbelzinnige optie: %(option)s kan %(matches)s zijn",
    "not allowed with argument %s": "niet samen met %s",
}


def _dutch(message: str) -> str:
    return _DUTCH.get(message, message)


def _dutch_n(singular: str, plural: str, count: int) -> str:
    return _dutch(singular if count == 1 else plural)


argparse._ = _dutch  # type: ignore[attr-defined]
argparse.ngettext = _dutch_n  # type: ignore[attr-defined]


def jaartal(text: str) -> int:
    """A year for --year; its name is what argparse shows when the value is wrong."""
    if not (len(text) == 4 and text.isdigit()):
        raise ValueError(text)
    return int(text)


YEAR_HELP = "het peiljaar: het jaar waarover gerapporteerd wordt, bijvoorbeeld 2025"
DATA_HELP = ("gegevensmap (standaard data/<gemeente> naast de map agendas/); noemt haar leveringen.csv "
             "een andere gemeente dan de agenda, dan weigert lea de cijfers")
GEMEENTE_HELP = ("van welke gemeente de cijfers zijn, als dat niet de gemeente van de agenda is "
                 "(een referentiereeks, bijvoorbeeld --gemeente Borne); moet passen bij leveringen.csv "
                 "van de gegevensmap. Zonder deze optie weigert lea cijfers van een andere gemeente")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"lea: fout: {message}\n")
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="lea", description="Lokale Educatieve Agenda: schrijven, controleren, "
                                               "evalueren en rapporteren.")
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT", parser_class=_Parser)

    p = sub.add_parser("check", help="controleer agenda's en toon fouten en waarschuwingen")
    p.add_argument("paths", nargs="+", metavar="PAD",
                   help="agenda's (.lea), voortgangsbestanden (.yaml) of observaties.csv")
    p.add_argument("--format", choices=["text", "json"], default="text",
                   help="text (standaard) of json, de machineleesbare tweeling")
    p.add_argument("--max", type=int, default=50, help="toon hooguit zoveel meldingen (standaard 50)")
    p.add_argument("--errors-only", action="store_true", help="alleen fouten, geen waarschuwingen")
    p.add_argument("--agenda", metavar="AGENDA",
                   help="agenda bij een voortgangs- of gegevensbestand (standaard: afgeleid uit de map)")
    p.add_argument("--alleen-agenda", dest="only_agenda", action="store_true",
                   help="controleer bij een agenda niet ook de gegevensmap (standaard: data/<gemeente>/ "
                        "met observaties.csv en de voortgangsbestanden wordt meegecontroleerd)")
    p.add_argument("--gemeente", metavar="GEMEENTE", help=GEMEENTE_HELP)

    p = sub.add_parser("fmt", help="zet agenda's in de vaste opmaak")
    p.add_argument("paths", nargs="+", metavar="PAD", help="agenda's (.lea) of mappen met agenda's")
    p.add_argument("--check", action="store_true", help="schrijf niets; faal als iets anders zou worden")
    p.add_argument("--diff", action="store_true", help="toon de wijzigingen als diff; schrijf niets")

    p = sub.add_parser("codes", help="geef elke actie en elk resultaat een vaste code en koppel de "
                                     "voortgangsbestanden aan de titels")
    p.add_argument("agenda", metavar="AGENDA", help="naam (hengelo) of pad (agendas/hengelo.lea)")
    p.add_argument("--check", action="store_true",
                   help="schrijf niets; toon wat er zou veranderen en faal als er iets zou veranderen")
    p.add_argument("--data", metavar="MAP", help=DATA_HELP)

    p = sub.add_parser("evaluate", help="beoordeel elk doel voor een peiljaar")
    p.add_argument("agenda", metavar="AGENDA", help="naam (hengelo) of pad (agendas/hengelo.lea)")
    p.add_argument("--year", dest="peiljaar", type=jaartal, required=True, metavar="JAAR", help=YEAR_HELP)
    p.add_argument("--format", choices=["table", "json"], default="table",
                   help="table (standaard, voor de terminal) of json (schema: lea schema)")
    p.add_argument("--data", metavar="MAP", help=DATA_HELP)

    p = sub.add_parser("import", help="lees cijfers uit CSV of Excel in de gegevensmap")
    p.add_argument("file", metavar="BESTAND", help="CSV (komma of puntkomma) of Excel (.xlsx)")
    p.add_argument("--agenda", required=True, metavar="AGENDA",
                   help="de agenda waartegen de cijfers gecontroleerd worden (naam of pad)")
    p.add_argument("--data", metavar="MAP", help=DATA_HELP)
    p.add_argument("--reden", "--reason", dest="reason", metavar="TEKST",
                   help="reden voor een wijziging van een opgeslagen waarde of van haar bron, status "
                        "of toelichting (verplicht bij elke wijziging)")
    p.add_argument("--dry-run", action="store_true", help="controleer alleen; schrijf niets")
    p.add_argument("--gemeente", metavar="GEMEENTE", help=GEMEENTE_HELP)

    p = sub.add_parser("template", help="maak een uitvraagbestand (XLSX of CSV) voor een bron")
    p.add_argument("agenda", metavar="AGENDA", help="naam (hengelo) of pad (agendas/hengelo.lea)")
    p.add_argument("--year", dest="peiljaar", type=jaartal, required=True, metavar="JAAR",
                   help="het jaar waarvoor de cijfers gevraagd worden")
    p.add_argument("--source", metavar="BRON", help="alleen indicatoren van deze bron")
    p.add_argument("-o", "--output", required=True, metavar="BESTAND",
                   help="het uitvraagbestand: .xlsx of .csv")
    p.add_argument("--data", metavar="MAP", help=DATA_HELP)

    p = sub.add_parser("report", help="maak het PDCA-voortgangsrapport (HTML, optioneel PDF)")
    p.add_argument("agenda", metavar="AGENDA", help="naam (hengelo) of pad (agendas/hengelo.lea)")
    p.add_argument("--year", dest="peiljaar", type=jaartal, required=True, metavar="JAAR", help=YEAR_HELP)
    p.add_argument("--werkversie", action="store_true",
                   help="de werkversie voor de beleidsmedewerker (elke actie, open vragen, regelnummers, "
                        "wat nog ingevuld moet worden) in plaats van de raadsversie")
    p.add_argument("-o", "--output", metavar="BESTAND",
                   help="een naam op .html; standaard reports/<gemeente>-<jaar>.html (raadsversie) of "
                        "reports/<gemeente>-<jaar>-werkversie.html. Op .pdf: de PDF, met het "
                        "HTML-bestand ernaast")
    p.add_argument("--lang", choices=["nl", "en"], default="nl",
                   help="taal van het rapport: nl (standaard) of en")
    p.add_argument("--pdf", action="store_true", help="schrijf ook een A4-PDF via headless Chromium")
    p.add_argument("--data", metavar="MAP", help=DATA_HELP)

    p = sub.add_parser("schema", help="toon het JSON-schema van de uitvoer van 'lea evaluate'")
    return parser


def _version() -> str:
    from lea_rules import __version__

    return f"lea {__version__}"


def _stdout_mode(args: argparse.Namespace) -> Literal["text", "json", "raw"]:
    """JSON keeps its data exactly; a diff piped into `patch` stays byte for byte the file's."""
    if getattr(args, "format", None) == "json" or args.command == "schema":
        return "json"
    if args.command == "fmt" and getattr(args, "diff", False) and not sys.stdout.isatty():
        return "raw"
    return "text"


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return EXIT_USAGE
    run = COMMANDS[args.command]()
    from lea_rules.terminal import guarded

    try:
        with guarded(_stdout_mode(args)):
            code = run(args)
    except KeyboardInterrupt:
        sys.stderr.write("lea: afgebroken\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK
    return code
