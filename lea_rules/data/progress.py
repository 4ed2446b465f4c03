"""Progress: the policy writer's yearly `voortgang-<jaar>.yaml`, checked against the agenda.

The file is read with `yaml.compose`, so every problem can name the line and column it
sits on; nothing in it is executed (only plain YAML scalars, mappings and lists exist).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml

from lea_rules.codes import find_by_title, same_title, shorten, yaml_text
from lea_rules.data.item_words import WORDS as _WORDS
from lea_rules.data.item_words import kind_of, named
from lea_rules.data.model import ActionState, Progress, ReportedState
from lea_rules.data.problems import DataInvalid, data_error
from lea_rules.diagnostics import CellPlace, Diagnostic, ValueProblem
from lea_rules.nodes import Action, Agenda, CompareGoal, MilestoneGoal, QualitativeGoal, Result
from lea_rules.period import parse_period
from lea_rules.suggest import did_you_mean

TOP_KEYS = ("gemeente", "jaar", "illustratief", "peildatum", "acties", "resultaten")
ACTION_KEYS = ("titel", "status", "toelichting")
RESULT_KEYS = ("titel", "stand", "toelichting", "act")
ACT_KEYS = ("oorzaak", "gevolg", "bijsturing")
_TRUE = {"true", "ja", "yes", "1"}
_FALSE = {"false", "nee", "no", "0"}


class _Reader:
    def __init__(self, path: Path, agenda: Agenda, peiljaar: int) -> None:
        self.path = path
        self.shown = str(path)
        self.agenda = agenda
        self.peiljaar = peiljaar
        self.problems: list[Diagnostic] = []
        self.keys: set[str] = set()  # the codes written in the section being read
        # The agenda's items by code, made once: every entry is bound through them.
        self.by_code: dict[str, dict[str, Action | Result]] = {
            "actie": {a.code.casefold(): a for _, a in agenda.all_actions()},
            "resultaat": {r.code.casefold(): r for _, r in agenda.all_results()},
        }
        self.agenda_shown = _shown_path(agenda.path)

    def place(self, node: yaml.Node) -> CellPlace:
        """Where the node starts; a value on one line is marked whole (`1 november 2024`, quotes
        included), not only its first word."""
        start, end = node.start_mark, node.end_mark
        width = (end.column - start.column if isinstance(node, yaml.ScalarNode) and end.line == start.line
                 and end.column > start.column else None)
        return CellPlace(self.shown, start.line + 1, start.column + 1, width=width)

    def problem(self, code: str, message: str, node: yaml.Node, help: str | None = None) -> None:
        self.problems.append(data_error(code, message, self.place(node), help))

    def mapping(self, node: yaml.Node, what: str, keys: tuple[str, ...] | None
                ) -> list[tuple[str, yaml.ScalarNode, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            self.problem("D402", f"{what} moet een lijst van 'naam: waarde'-regels zijn", node,
                         "zet elke eigenschap op een eigen regel, ingesprongen onder de naam")
            return []
        seen: dict[str, yaml.Node] = {}
        out = []
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem("D408", "een naam moet gewone tekst zijn", key_node,
                             "schrijf de naam als gewone tekst, zonder [ ] of { }, bijvoorbeeld 1.1-a1:")
                continue
            key = str(key_node.value).strip()
            if key.casefold() in seen:
                line = seen[key.casefold()].start_mark.line + 1
                self.problem("D403", f"'{key}' staat twee keer in {what} (ook op regel {line})", key_node,
                             "voeg de twee samen")
                continue
            seen[key.casefold()] = key_node
            if keys is not None and key.casefold() not in keys:
                self.problem("D404", f"onbekende eigenschap '{key}' in {what}", key_node,
                             did_you_mean(key, keys) or f"toegestaan: {', '.join(keys)}")
                continue
            out.append((key.casefold() if keys is not None else key, key_node, value_node))
        return out

    def text(self, node: yaml.Node, what: str) -> str | None:
        if not isinstance(node, yaml.ScalarNode):
            self.problem("D405", f"{what} moet een tekst zijn", node,
                         'schrijf de tekst op één regel, tussen aanhalingstekens als er een : in staat')
            return None
        value = str(node.value).strip()
        return value or None

    def word(self, node: yaml.Node, what: str, allowed: list[str], code: str, missing_code: str
             ) -> str | None:
        """One of `allowed`: `code` for another word, `missing_code` for an empty value."""
        text = self.text(node, what)
        if text is None:
            if isinstance(node, yaml.ScalarNode):  # otherwise text() reported it (D405)
                self.problem(missing_code, f"{what} ontbreekt", node, f"kies uit: {', '.join(allowed)}")
            return None
        if text.casefold() not in allowed:
            self.problem(code, f"'{text}' is geen geldige {what}", node,
                         did_you_mean(text, allowed) or f"kies uit: {', '.join(allowed)}")
            return None
        return text.casefold()

    # --- the sections ----------------------------------------------------------

    def read(self, root: yaml.Node) -> dict[str, Any]:
        data: dict[str, Any] = {"acties": {}, "resultaten": {}}
        entries = self.mapping(root, "het voortgangsbestand", TOP_KEYS)
        found = {key for key, _, _ in entries}
        for key, key_node, value in entries:
            if key == "gemeente":
                name = self.text(value, "gemeente")
                if name is not None and name.casefold() != self.agenda.municipality.casefold():
                    self.problem("D410", f"dit bestand is van gemeente '{name}', de agenda van "
                                 f"'{self.agenda.municipality}'", value,
                                 f"schrijf gemeente: {self.agenda.municipality}, of kies de goede agenda")
                data["gemeente"] = self.agenda.municipality
            elif key == "jaar":
                text = self.text(value, "jaar")
                if text is None or not text.isdigit():
                    self.problem("D414", f"'{text}' is geen jaartal", value, f"schrijf jaar: {self.peiljaar}")
                elif int(text) != self.peiljaar:
                    self.problem("D411", f"jaar {text} past niet bij de bestandsnaam "
                                 f"voortgang-{self.peiljaar}.yaml", value, f"schrijf jaar: {self.peiljaar}")
                data["jaar"] = self.peiljaar
            elif key == "illustratief":
                text = (self.text(value, "illustratief") or "").casefold()
                if text not in _TRUE | _FALSE:
                    self.problem("D412", f"'{text}' is geen ja of nee", value, "schrijf illustratief: ja")
                data["illustratief"] = text in _TRUE
            elif key == "peildatum":
                day = self.peildatum(value)
                if day is not None:
                    data["peildatum"] = day
            elif key == "acties":
                data["acties"] = self.actions(value)
            elif key == "resultaten":
                data["resultaten"] = self.results(value)
            del key_node
        for required in ("gemeente", "jaar"):
            if required not in found and isinstance(root, yaml.MappingNode):
                self.problem("D413", f"'{required}:' ontbreekt", root,
                             f"begin het bestand met gemeente: {self.agenda.municipality} "
                             f"en jaar: {self.peiljaar}")
        return data

    def peildatum(self, node: yaml.Node) -> date | None:
        """`peildatum: 1 november 2025`: a day in the peiljaar, the day the planning is checked on."""
        text = self.text(node, "peildatum")
        if text is None:
            return None
        example = (f"schrijf bijvoorbeeld peildatum: 1 november {self.peiljaar}, of laat de regel weg "
                   "voor 31 december")
        month = None
        try:
            period = parse_period(text)
        except ValueProblem as exc:
            period = None
            month = exc.help if exc.code == "D216" and exc.help else None  # bedoelde je 'november'?
        if period is None or period.day is None:
            self.problem("D610", f"'{text}' is geen datum", node,
                         month or example)
            return None
        if period.day.year != self.peiljaar:
            self.problem("D611", f"peildatum {text} ligt niet in {self.peiljaar}, het jaar van dit bestand",
                         node, example)
            return None
        return period.day

    def actions(self, node: yaml.Node) -> dict[str, Any]:
        states = [s.value for s in ActionState]
        out: dict[str, Any] = {}
        entries = self.mapping(node, "acties", None)
        self.keys = {key.casefold() for key, _, _ in entries}
        for key, key_node, value in entries:
            props = self.mapping(value, f"actie '{key}'", ACTION_KEYS)
            action = self.bind("actie", key, key_node, value, props)
            if action is None:
                continue
            item: dict[str, Any] = {}
            for prop, _, prop_value in props:
                if prop == "status":
                    item["status"] = self.word(prop_value, "status", states, "D421", "D422")
                elif prop == "toelichting":
                    item["toelichting"] = self.text(prop_value, "toelichting")
            if isinstance(value, yaml.MappingNode) and "status" not in {p for p, _, _ in props}:
                self.problem("D422", f"{kind_of(action, 'actie')} '{key}' heeft geen status", key_node,
                             f"kies uit: {', '.join(states)}")
            out[action.code] = item
        return out

    def results(self, node: yaml.Node) -> dict[str, Any]:
        states = [s.value for s in ReportedState]
        out: dict[str, Any] = {}
        entries = self.mapping(node, "resultaten", None)
        self.keys = {key.casefold() for key, _, _ in entries}
        for key, key_node, value in entries:
            props = self.mapping(value, f"resultaat '{key}'", RESULT_KEYS)
            found = self.bind("resultaat", key, key_node, value, props)
            if not isinstance(found, Result):
                continue
            result = found
            item: dict[str, Any] = {}
            for prop, prop_key, prop_value in props:
                if prop == "stand":
                    if not _assessed_by_writer(result):
                        self.problem("D432", f"resultaat '{key}' heeft een meetbaar doel: lea berekent de "
                                     "stand uit de cijfers", prop_key,
                                     "haal 'stand:' weg; een toelichting en 'act:' mogen wel")
                        continue
                    item["stand"] = self.word(prop_value, "stand", states, "D431", "D435")
                elif prop == "toelichting":
                    item["toelichting"] = self.text(prop_value, "toelichting")
                elif prop == "act":
                    item["act"] = self.act(prop_value, key)
            out[result.code] = item
        return out

    def bind(self, kind: str, key: str, key_node: yaml.Node, value: yaml.Node,
             props: list[tuple[str, yaml.ScalarNode, yaml.Node]]) -> Action | Result | None:
        """The item this entry was written for, or None after saying why it cannot be bound.

        The code finds the item; the entry's `titel:` proves it is still the same one. When
        items moved, were removed or renamed, the entry is refused with the item it was
        written for and the one it would now attach to, never re-attached silently.
        """
        actions, results = self.by_code["actie"], self.by_code["resultaat"]
        own = actions if kind == "actie" else results
        other, other_section = (results, "resultaten") if kind == "actie" else (actions, "acties")
        w = _WORDS[kind]
        title_node = next((v for p, _, v in props if p == "titel"), None)
        title = self.text(title_node, "titel") if title_node is not None else None
        item = own.get(key.casefold())
        its = kind_of(item, kind)  # the item's own kind: a deelactie is not called an actie
        if title_node is not None and title is None:
            if isinstance(title_node, yaml.ScalarNode):
                self.problem("D436", f"'titel:' van {its} '{key}' is leeg", title_node,
                             f"schrijf de titel van {_WORDS[its]['de']} {its} waarover dit blok gaat")
            return None
        if item is None:
            if key.casefold() in other:
                found = other[key.casefold()]
                self.problem("D437", f"'{key}' is {named(found, actions)}, geen {kind}", key_node,
                             f"zet het blok onder '{other_section}:', of gebruik de code van {w['de']} "
                             f"{kind} waarover het gaat")
                return None
            self.unknown(kind, key, key_node, title, list(own.values()))
            return None
        if title is None:
            if isinstance(value, yaml.MappingNode):
                self.problem("D436", f"{its} '{key}' noemt geen titel: lea kan niet nagaan of het blok nog "
                             f"over {_WORDS[its]['dezelfde']} {its} gaat", key_node,
                             f"nu heeft '{key}' de titel \u201c{shorten(item.title)}\u201d; gaat het blok "
                             f"daarover, zet er dan een regel onder, ingesprongen als de andere: "
                             f"titel: {yaml_text(item.title)} "
                             f"(lea codes {self.agenda_shown} doet dat voor alle blokken)")
            return None
        if not same_title(title, item.title):
            elsewhere = find_by_title(title, (i for i in own.values() if i is not item))
            message = (f"'{key}' is geschreven voor \u201c{shorten(title)}\u201d, maar die code hoort nu "
                       f"bij {named(item, actions)}")
            if elsewhere is not None:
                help_text = (f"{named(elsewhere, actions)} heeft nu code "
                             f"'{elsewhere.code}': hernoem '{key}:' naar '{elsewhere.code}:'")
                if elsewhere.code.casefold() in self.keys:
                    help_text += (f"; er staat ook al een blok '{elsewhere.code}:' dat bij een ander item "
                                  "hoort (verwisselde of opgeschoven codes): hernoem alle genoemde blokken "
                                  "in één keer, elk naar de code van zijn eigen titel")
            else:
                help_text = (f"gaat het blok over \u201c{shorten(item.title)}\u201d (met een nieuwe titel), "
                             f"neem die titel dan over: titel: {yaml_text(item.title)}; zo niet, zoek "
                             f"{w['de']} {kind} in de agenda en gebruik {w['zijn']} code, of haal het blok "
                             "weg")
            self.problem("D438", message, key_node, help_text)
            return None
        return item

    def unknown(self, kind: str, key: str, key_node: yaml.Node, title: str | None,
                items: list[Action | Result]) -> None:
        code = "D420" if kind == "actie" else "D430"
        label = "onbekende actie" if kind == "actie" else "onbekend resultaat"
        w = _WORDS[kind]
        example = "1.1-a3" if kind == "actie" else "1.1-r2"
        if title is not None:
            found = find_by_title(title, items)
            if found is not None:
                self.problem(code, f"{label} '{key}': dit blok is geschreven voor \u201c{shorten(title)}"
                             f"\u201d, dat nu code '{found.code}' heeft", key_node,
                             f"hernoem '{key}:' naar '{found.code}:'")
                return
            self.problem(code, f"{label} '{key}' (geschreven voor \u201c{shorten(title)}\u201d): de agenda "
                         f"heeft geen {kind} meer met deze code of deze titel", key_node,
                         f"is {w['de']} {kind} uit de agenda gehaald, haal dan ook dit blok weg; heeft "
                         f"{w['het']} in de agenda een nieuwe code en een nieuwe titel gekregen, geef het "
                         f"blok dan die code en titel")
            return
        self.problem(code, f"{label} '{key}': de agenda heeft geen {kind} met deze code", key_node,
                     did_you_mean(key, [i.code for i in items]) or
                     f"gebruik de code uit de agenda, bijvoorbeeld {example} (lea codes {self.agenda_shown} "
                     f"schrijft de codes in de agenda)")

    def act(self, node: yaml.Node, key: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for prop, _, value in self.mapping(node, f"act van '{key}'", ACT_KEYS):
            text = self.text(value, prop)
            if text is None:
                self.problem("D433", f"'{prop}' is leeg", value, "schrijf er een korte zin bij")
            out[prop] = text
        missing = [k for k in ACT_KEYS if k not in out]
        if missing and isinstance(node, yaml.MappingNode):
            self.problem("D434", f"act van '{key}' mist " + ", ".join(missing), node,
                         "een act-blok heeft altijd oorzaak, gevolg en bijsturing")
        return out


def _shown_path(path: str) -> str:
    """A path as a user would type it here: relative to the working folder when inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return path


def _assessed_by_writer(result: Result) -> bool:
    """Milestones, qualitative and categorical results get a reported state from the writer."""
    for goal in result.current_goals:
        if isinstance(goal, MilestoneGoal | QualitativeGoal):
            return True
        if isinstance(goal, CompareGoal) and goal.value.rating is not None:
            return True
    return False


_YAML_HINT = ("let op de inspringing (spaties, geen tabs) en zet tekst met een dubbele punt tussen "
              "aanhalingstekens")


def _yaml_problem_in_dutch(problem: str) -> tuple[str, str]:
    """PyYAML speaks English; a policy writer reads Dutch. Translate the common problems."""
    if "\\t" in problem:
        return ("hier staat een tab", "gebruik spaties om in te springen, geen tabs")
    if "mapping values are not allowed" in problem:
        return ("een dubbele punt op een plek waar die niet mag",
                'zet tekst met een dubbele punt tussen aanhalingstekens, bijvoorbeeld: toelichting: "a: b"')
    if "found unexpected end of stream" in problem or "found end of stream" in problem:
        return ("het bestand houdt op midden in een tekst", "er mist een afsluitend aanhalingsteken")
    if "expected <block end>" in problem or "expected ',' or '}'" in problem:
        return ("de opbouw loopt hier mis",
                "kijk ook naar de regels erboven: vaak mist daar een afsluitend aanhalingsteken of "
                "klopt de inspringing niet")
    if "could not find expected ':'" in problem:
        return ("hier mist een dubbele punt", "schrijf naam: waarde, met een spatie na de dubbele punt")
    if "found duplicate anchor" in problem or "found undefined alias" in problem:
        return ("een '&' of '*' heeft in YAML een speciale betekenis", "zet de tekst tussen aanhalingstekens")
    return (f"YAML meldt: {problem}", _YAML_HINT)


MAX_FLOW_DEPTH = 16
"""`[`/`{` nesting; PyYAML recurses per level, so an absurd nesting would overflow its stack."""
MAX_INDENT = 64
"""Columns of indentation; the deepest real entry (resultaten > code > act > oorzaak) has 6."""


def _too_deep(text: str) -> tuple[int, int] | None:
    """Line and column where the nesting passes the limits, or None. Quoted text is skipped."""
    depth = 0
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.lstrip(" ")
        if stripped and not stripped.startswith("#") and len(line) - len(stripped) > MAX_INDENT:
            return number, MAX_INDENT + 1
        quote: str | None = None
        for column, char in enumerate(line, 1):
            if quote is not None:
                if char == quote:
                    quote = None
            elif char in "\"'" and (column == 1 or line[column - 2] in " \t:[{,-"):
                quote = char
            elif char == "#" and (column == 1 or line[column - 2] in " \t"):
                break
            elif char in "[{":
                depth += 1
                if depth > MAX_FLOW_DEPTH:
                    return number, column
            elif char in "]}":
                depth = max(0, depth - 1)
    return None


def read_progress(path: Path, agenda: Agenda, peiljaar: int) -> Progress:
    """The progress file at `path`; DataInvalid with located problems when it has mistakes."""
    from pydantic import ValidationError

    shown = str(path)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise DataInvalid([data_error("D400", "het bestand is geen UTF-8", CellPlace(shown, line),
                                      "sla het bestand op als UTF-8")]) from None
    deep = _too_deep(text)
    if deep is not None:
        raise DataInvalid([data_error("D415", "het bestand is hier te diep genest",
                                      CellPlace(shown, deep[0], deep[1]),
                                      "een voortgangsbestand heeft hooguit vier niveaus (resultaten, code, "
                                      "act, oorzaak); haal de extra haken of inspringing weg")])
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except RecursionError:  # pragma: no cover - _too_deep stops every nesting PyYAML recurses on
        raise DataInvalid([data_error("D415", "het bestand is te diep genest", CellPlace(shown),
                                      "een voortgangsbestand heeft hooguit vier niveaus")]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        place = CellPlace(shown, mark.line + 1, mark.column + 1) if mark is not None else CellPlace(shown)
        what, hint = _yaml_problem_in_dutch(problem)
        raise DataInvalid([data_error("D401", f"de YAML-opmaak klopt niet: {what}", place, hint)]) from None
    if root is None:
        raise DataInvalid([data_error("D407", "het voortgangsbestand is leeg", CellPlace(shown, 1, 1),
                                      f"begin met gemeente: {agenda.municipality} en jaar: {peiljaar}")])
    reader = _Reader(path, agenda, peiljaar)
    data = reader.read(root)
    if reader.problems:
        raise DataInvalid(reader.problems)
    try:
        return Progress.model_validate(data)
    except ValidationError as exc:  # pragma: no cover - the reader checks every field first
        raise DataInvalid([data_error("D409", str(exc), CellPlace(shown))]) from None
