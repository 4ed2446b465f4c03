"""What a line that did not parse still tells: one mistake, one message.

A line that does not parse gets its own message from the parser. Without more, the lines
after it would be read as if it were not there: the `doel:` under a broken `resultaat` line
would land on the resultaat above ("heeft al 'doel:'", and the hint to leave one out would
delete a real target), the `eenheid:` under a broken `indicator` line on the kop, every goal
naming that indicator would be "niet gedeclareerd", and after a broken `indeling:` line every
section line with the writer's own words would fail. So the builder reads from such a line
what it plainly says:

- which item it meant to open (the first word: `resultaat`, `indicator`, a section word, ...);
  the properties under it go to a placeholder that is never built, checked by the same rules
  (an `eenheid:` under a broken `resultaat` is still out of place);
- which name it meant to declare (`indicator vve-bereik`, `document lea`, `groep IKC`): the
  checks then say nothing about uses of that name (`unreadable_names`);
- for `indeling:`, the words per level as far as they are legible; section lines with those
  words are then read as sections (`loose_section`), with no message of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lea_rules import nodes as n
from lea_rules.build_drafts import ITEM_PROPS
from lea_rules.diagnostics import Diagnostic
from lea_rules.parse_hints import ITEM_LINE_WORDS
from lea_rules.syntax import Leaf, Meta, Node

NAMES_KEY = "unreadable_names"
"""Agenda.extra key: `kind name` per line, the names declared on lines that did not parse."""

PROPERTY_WORDS = ITEM_PROPS["any"] | {"gemeente", "titel", "periode", "indeling"}
ITEM_KINDS = {"actie": "action", "deelactie": "action", "resultaat": "result",
              "met": "result",  # `met resultaat`
              "indicator": "indicator",
              "begroting": "budget", "post": "post"}
DECLARING = {"indicator", "document", "groep"}
ANY = "any"
"""The kind of a placeholder for a line whose first word is no keyword: it takes every property."""

_FIRST = re.compile(r"[ \t]*([^\s:\"#]+)[ \t]*(:)?")
_NAME = re.compile(r"[ \t]*[^\s:\"#]+[ \t]+([^\W\d_][\w]*(?:-[\w]+)*(?:['\u2019]s)?)")
_WORD = re.compile(r"[^\W\d_][\w-]*")
_ITEM_SHAPED = re.compile(r"[ \t]*[^\s:\"#]+(?:[ \t]+[^\s:\"#]+)?[ \t]+[\"\u201c\u201e]")
_LOOSE_SECTION = re.compile(
    r"(?P<indent>[ \t]*)(?P<word>[^\W\d_][\w-]*)(?:[ \t]+(?P<number>\d(?:[\d.]*\d)?))?"
    r"[ \t]+(?P<title>\"(?:[^\"\\\n]|\\.)*\")[ \t]*(?:#.*)?")


@dataclass(frozen=True)
class Unreadable:
    word: str  # the first word, casefolded
    opens: str | None  # the kind of item the line meant to open; None for a property line
    declares: tuple[str, str] | None  # (keyword, name) of a declaration line


def read_unreadable(text: str) -> Unreadable:
    from lea_rules.parser import FOREIGN_KEYWORDS

    first = _FIRST.match(text)
    if first is None:
        return Unreadable("", ANY, None)
    word = first.group(1).casefold()
    dutch = FOREIGN_KEYWORDS.get(word, word)
    declares = None
    if dutch in DECLARING:
        name = _NAME.match(text)
        if name is not None:
            declares = (dutch, name.group(1))
    rest = text[first.end(1):].lstrip()
    section_doel = dutch == "doel" and (rest[:1].isdigit() or rest[:1] in ('"', "\u201c"))
    stray_colon = dutch in ITEM_LINE_WORDS and rest[1:].lstrip()[:1] in ('"', "\u201c")
    if stray_colon:  # `actie: "..."`: an item line with a colon it does not take
        opens = ITEM_KINDS.get(dutch, "section")
    elif first.group(2) or (dutch in PROPERTY_WORDS and not section_doel):
        opens = None  # a property (or kop) line: it opens nothing
    elif dutch in ("document", "groep"):
        opens = "agenda"  # what follows a declaration belongs to the kop, as for a good one
    elif dutch in ITEM_KINDS:
        opens = ITEM_KINDS[dutch]
    elif dutch in n.SECTION_WORDS:
        opens = "section"
    elif _ITEM_SHAPED.match(text):
        opens = ANY  # `resultat "..."`, `subdoel 1.1 "..."`: some item, but not which
    else:
        opens = None  # prose pasted in, say: what follows still belongs to the item above
    return Unreadable(word, opens, declares)


class Recovery:
    """What the builder learnt from the lines that did not parse, in file order."""

    def __init__(self) -> None:
        self.names: list[tuple[str, str]] = []  # (keyword, name) declared on such lines
        self.indeling: LegibleIndeling | None = None  # a broken indeling line, as read
        self.words: frozenset[str] = frozenset()  # the writer's own section words in it
        self.lines: dict[str, list[int]] = {}  # section lines read with each of those words

    def read(self, text: str, before_sections: bool) -> Unreadable:
        said = read_unreadable(text)
        if said.declares is not None:
            self.names.append(said.declares)
        if said.word == "indeling" and before_sections:
            legible = legible_indeling(text)
            if legible is not None:
                self.indeling = legible
                self.words = frozenset(w for w, _ in legible.words if w not in n.SECTION_WORDS)
        return said

    def section(self, text: str, line_no: int) -> Node | None:
        """A section line with one of the writer's own words, or None."""
        if not self.words:
            return None
        tree = loose_section(text, line_no, self.words)
        if tree is not None:
            word = str(tree.children[0].children[0]) if isinstance(tree.children[0], Node) else ""
            self.lines.setdefault(word, []).append(line_no)
        return tree

    def extra(self) -> dict[str, str]:
        """For Agenda.extra: the names declared on lines that did not parse."""
        if not self.names:
            return {}
        return {NAMES_KEY: "\n".join(f"{kind} {name}" for kind, name in self.names)}

    def indeling_message(self, parsed: Diagnostic) -> Diagnostic:
        assert self.indeling is not None
        return indeling_diagnostic(parsed, self.indeling, self.lines)


def unreadable_name(agenda: n.Agenda, kind: str, name: str) -> bool:
    """Was `name` declared as a `kind` on a line that did not parse? Then its uses say nothing."""
    written = agenda.extra.get(NAMES_KEY)
    if not written:
        return False
    wanted = f"{kind} {name}".casefold()
    if kind == "groep":
        wanted = f"groep {n.normalise_group(name)}"
        return any(line.startswith("groep ") and f"groep {n.normalise_group(line[6:])}" == wanted
                   for line in written.splitlines())
    return any(line.casefold() == wanted for line in written.splitlines())


# --- a broken `indeling:` line -------------------------------------------------------------


@dataclass(frozen=True)
class LegibleIndeling:
    levels: tuple[tuple[str, ...], tuple[str, ...]]
    words: tuple[tuple[str, int], ...]  # every word with its column (1-based), in order
    three_levels: bool
    # The levels as the line writes them (`thema > ambitie > doel`: three), where `levels`
    # joins a third level to the second.
    written: tuple[tuple[str, ...], ...] = ()

    def shown(self) -> str:
        """The levels as written, for a message: never the joined reading of a third level."""
        return " > ".join(" / ".join(level) for level in self.written or self.levels)


def legible_indeling(text: str) -> LegibleIndeling | None:
    """The levels of an `indeling:` line as far as its words can be read: the words before
    the first `>` and those after it (a third level joins the second); without a `>`, two
    words are the two levels. None when no two levels can be read."""
    match = re.match(r"[ \t]*indeling[ \t]*:?", text, re.IGNORECASE)
    if match is None:
        return None
    rest_at = match.end()
    body = text[rest_at:].split("#", 1)[0]
    words = tuple((m.group(0), rest_at + m.start() + 1) for m in _WORD.finditer(body))
    sides = body.split(">")
    if len(sides) >= 2:
        level1 = tuple(_WORD.findall(sides[0]))
        level2 = tuple(w for side in sides[1:] for w in _WORD.findall(side))
    elif len(words) == 2:
        level1, level2 = (words[0][0],), (words[1][0],)
    else:
        return None
    if not level1 or not level2:
        return None
    written = tuple(tuple(_WORD.findall(side)) for side in sides) if len(sides) >= 2 else ()
    return LegibleIndeling((level1, level2), words, len(sides) > 2, written)


def loose_section(text: str, line_no: int, words: frozenset[str]) -> Node | None:
    """A section line whose word is one of `words` (the writer's own, from a broken
    `indeling:`), as the parser would have given it had the word been a section word."""
    match = _LOOSE_SECTION.fullmatch(text.rstrip("\r\n"))
    if match is None or match.group("word") not in words:
        return None

    def leaf(kind: str, group: str) -> Leaf:
        return Leaf(kind, match.group(group), match.start(group) + 1, match.end(group) + 1)

    number = leaf("NUMBER", "number") if match.group("number") else None
    section = Node("section", [leaf("SECWORD", "word"), number, leaf("STRING", "title")],
                   Meta(match.start("word") + 1, match.end("title") + 1, False))
    return Node("line", [section, None], Meta(section.meta.column, section.meta.end_column, False))


def indeling_diagnostic(parsed: Diagnostic, legible: LegibleIndeling,
                        used: dict[str, list[int]]) -> Diagnostic:
    """The one message of a broken `indeling:` line. A word that is no section word gets
    E181, with the words lea knows and the lines that use the writer's word (they were read
    with it, and must change with it); a line whose words are all known keeps the parser's
    message, with the reading as the fix."""
    from lea_rules.diagnostics import error
    from lea_rules.source import Span
    from lea_rules.suggest import did_you_mean

    written = [w for w, _ in legible.words]
    unknown = [(w, col) for w, col in legible.words if w not in n.SECTION_WORDS]
    if not unknown:
        if legible.three_levels:
            return _with_help(parsed, _three_levels(legible))
        return _with_help(parsed, f"schrijf: indeling: {_write(legible.levels)}")
    word, column = unknown[0]
    names = [w for w, _ in unknown]
    if names == [word] and word in ITEM_WORDS and word in legible.levels[1]:
        return _item_in_indeling(parsed, legible.levels[0], word, column)
    free = [w for w in n.SECTION_WORDS if w not in written]
    if len(names) == 1 and legible.three_levels:
        return error("E181", "onbekend onderdeelwoord",
                     f"'{word}' is geen onderdeelwoord; lea kent {', '.join(n.SECTION_WORDS)}",
                     Span.point(parsed.span.line, column, len(word)), path=parsed.path,
                     help=_three_levels_unknown(legible, word, free, used.get(word, [])),
                     context=parsed.context)
    if len(names) == 1:
        guess = did_you_mean(word, free)
        message = f"'{word}' is geen onderdeelwoord"
        fix = "kies een van die woorden" + (f" ({guess})" if guess else "")
        if used.get(word):
            fix += (f" en schrijf het ook in de onderdeelregels met '{word}' ({_lines(used[word])}); "
                    f"die zijn nu gelezen als onderdelen van niveau "
                    f"{1 if word in legible.levels[0] else 2}")
        if legible.three_levels:
            fix += "; en " + _three_levels(legible)
    else:
        message = f"{_and([repr(w) for w in names])} zijn geen onderdeelwoorden"
        fix = "kies voor elk een van die woorden"
        places = [f"'{w}' ({_lines(used[w])})" for w in names if used.get(w)]
        if places:
            fix += (f" en schrijf dat ook in de onderdeelregels: {_and(places)}; die zijn nu "
                    "gelezen met de niveaus van deze regel")
    return error("E181", "onbekend onderdeelwoord",
                 f"{message}; lea kent {', '.join(n.SECTION_WORDS)}",
                 Span.point(parsed.span.line, column, len(word)), path=parsed.path, help=fix,
                 context=parsed.context)


ITEM_WORDS = frozenset({"actie", "acties", "resultaat", "resultaten", "deelactie", "deelacties"})


def _item_in_indeling(parsed: Diagnostic, level1: tuple[str, ...], word: str, column: int) -> Diagnostic:
    """E172: `indeling: doel > actie`. An item is no level: it sits under a section, also
    directly under level 1, so the fix is the indeling of one level, with the words before `>`."""
    from lea_rules.diagnostics import error
    from lea_rules.source import Span

    first = " / ".join(level1)
    return error("E172", "item in de indeling",
                 f"'{word}' is geen onderdeel maar een item: acties en resultaten staan onder een "
                 "onderdeel van de indeling, ook direct onder niveau 1",
                 Span.point(parsed.span.line, column, len(word)), path=parsed.path,
                 help=f"schrijf 'indeling: {first}' (één niveau: de acties en resultaten staan dan "
                      f"direct onder elk {level1[0]})", context=parsed.context)


_COUNTS = {3: "drie", 4: "vier", 5: "vijf"}


def _three_levels(legible: LegibleIndeling) -> str:
    """The fix for a line of three levels, with the levels as written and what joining the
    third to the second means for its sections."""
    level1, level2 = legible.written[0], legible.written[1]
    third = [w for level in legible.written[2:] for w in level]
    return (f"een indeling heeft hooguit twee niveaus, en deze regel noemt er "
            f"{_COUNTS.get(len(legible.written), str(len(legible.written)))} "
            f"({legible.shown()}); zet het derde als woord naast het tweede "
            f"(indeling: {_write(legible.levels)}): een {third[0] if third else level2[0]} staat dan, "
            f"net als een {level2[0]}, direct onder een {level1[0]}")


def _three_levels_unknown(legible: LegibleIndeling, word: str, free: list[str],
                          lines: list[int]) -> str:
    """The fix for `indeling: ambitie > speerpunt > afspraak`: three levels, one word lea does not
    know. One sentence per problem, and a line that, written, is read."""
    from lea_rules.suggest import closest

    near = closest(word, free)
    other = near[0] if near else ("onderdeel" if "onderdeel" in free else free[0])
    level_1, level_2 = (tuple(other if w == word else w for w in level) for level in legible.levels)
    levels = (level_1, level_2)
    level1, level2 = legible.written[0], legible.written[1]
    third = [other if w == word else w for level in legible.written[2:] for w in level]
    count = _COUNTS.get(len(legible.written), str(len(legible.written)))
    fix = (f"een indeling heeft hooguit twee niveaus, en deze regel noemt er {count} "
           f"({legible.shown()}). '{word}' is geen onderdeelwoord: kies een woord dat lea kent, "
           f"zoals '{other}'. Schrijf 'indeling: {_write(levels)}'")
    if lines:
        fix += f" en '{other}' in plaats van '{word}' in de onderdeelregels ({_lines(lines)})"
    shown2 = level2[0] if level2[0] != word else other
    return (fix + f": een {third[0] if third else shown2} staat dan, net als een {shown2}, direct "
            f"onder een {level1[0] if level1[0] != word else other}.")


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


def _write(levels: tuple[tuple[str, ...], tuple[str, ...]]) -> str:
    return " > ".join(" / ".join(level) for level in levels)


def _lines(lines: list[int]) -> str:
    shown = [str(line) for line in lines[:5]]
    more = f" en nog {len(lines) - 5}" if len(lines) > 5 else ""
    if len(shown) == 1:
        return f"regel {shown[0]}"
    return "regels " + (", ".join(shown) + more if more else _and(shown))


def _with_help(parsed: Diagnostic, help_text: str) -> Diagnostic:
    from dataclasses import replace

    return replace(parsed, help=help_text)
