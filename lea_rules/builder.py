"""Builder: turns the parsed lines into the typed model (`nodes.py`), in file order.

The hierarchy follows from the keywords: the Builder reads the kop, the declarations, the
sections and items; `build_props` reads property lines into the item's draft, `build_values`
the values in them, and `build_drafts` freezes the drafts into nodes at the end. It reports
only what it cannot build (a line in the wrong place, a number in the wrong notation);
whether what it built holds together is for the checks in `checks/`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from lea_rules import nodes as n
from lea_rules.build_drafts import (
    Draft,
    ItemDraft,
    SectionDraft,
    freeze_budgets,
    freeze_definitions,
    freeze_indicator,
    freeze_sections,
    heading,
)
from lea_rules.build_nesting import NestingReader
from lea_rules.build_recover import Recovery
from lea_rules.build_values import LTree, as_node
from lea_rules.diagnostics import Diagnostic, error
from lea_rules.source import SourceFile, Span
from lea_rules.suggest import did_you_mean
from lea_rules.syntax import Leaf, Node

if TYPE_CHECKING:
    from lea_rules.line_cache import LineCache

UNREADABLE = "unreadable_lines"
"""Agenda.extra key: how many lines did not parse (the usage checks then stay quiet)."""

@dataclass
class BuildResult:
    agenda: n.Agenda | None  # None when a kop line is missing
    diagnostics: list[Diagnostic] = field(default_factory=list)
    model: n.Agenda | None = None
    """The agenda as far as its lines go, also when a kop line is missing (see `finish`)."""


class Builder(NestingReader):
    def __init__(self, source: SourceFile) -> None:
        self.source = source
        self.path = source.path
        self.diags: list[Diagnostic] = []
        self.header: dict[str, tuple[Any, Span]] = {}
        self.levels: tuple[tuple[str, ...], tuple[str, ...]] = (("thema",), ("ambitie",))
        self.declarations: list[n.Declaration] = []  # every kop, document and groep line
        self.documents: list[n.Document] = []
        self.groups: list[n.Group] = []
        self.indicators: list[ItemDraft] = []
        self.sections: list[SectionDraft] = []
        self.budgets: list[ItemDraft] = []
        self.definitions: list[ItemDraft] = []  # `begrip` lines
        self._document_names: set[str] = set()  # casefolded, to refuse a second declaration
        self._group_names: set[str] = set()  # normalised
        self.agenda_draft = Draft(Span(1, 1, 1, 2))
        self.current: Draft = self.agenda_draft
        self.top: SectionDraft | None = None
        self.sub: SectionDraft | None = None
        self.budget: ItemDraft | None = None
        # A declaration (indicator, groep, document, begrip) or `begroting` block is agenda-wide:
        # its lines sit under no section, wherever they are written.
        self.agenda_wide = False
        self.unreadable = 0  # lines the parser could not read; see unreadable_line
        self.line_no = 0
        self.broken_section = False  # an unreadable section line since the last good one
        self.recovery = Recovery()  # what the lines that did not parse still say
        self.refused = []  # deelactie and met resultaat lines refused (build_nesting)

    # --- helpers -----------------------------------------------------------
    def err(self, code: str, title: str, message: str, span: Span, **kw: Any) -> None:
        self.diags.append(error(code, title, message, span, path=self.path,
                                context=kw.pop("context", self.context()), **kw))

    def context(self) -> str | None:
        if self.agenda_wide:
            return None
        parts = []
        if self.top:
            parts.append(heading(self.top))
        if self.sub:
            parts.append(heading(self.sub))
        return " > ".join(parts) if parts else None

    # --- entry -------------------------------------------------------------------
    def unreadable_line(self, text: str) -> None:
        """A line that did not parse still says which property it meant to be.

        `doel: ...` with a typo must not also give "resultaat zonder doel": one mistake,
        one error.
        """
        self.unreadable += 1
        from lea_rules.keyword_hints import meant_keywords

        word = text.strip().split(":", 1)[0].split(" ", 1)[0].casefold()
        self.current.attempted.update(meant_keywords(word))
        said = self.recovery.read(text, before_sections=not self.sections)
        if said.opens == "agenda":
            self.current = self.agenda_draft
        elif said.opens is not None:
            # What follows belongs to the item this line meant to open, not to the one above.
            self.current = ItemDraft(said.opens, Span.point(self.line_no, 1), None, "")
            from lea_rules.parser import FOREIGN_KEYWORDS

            if FOREIGN_KEYWORDS.get(said.word, said.word) in ("actie", "deelactie"):
                self.broken_item(FOREIGN_KEYWORDS.get(said.word, said.word), self.current)
        if self.recovery.indeling is not None:
            self.levels = self.recovery.indeling.levels
        rest = text.strip()[len(word):].lstrip()
        if word == "doel" and not (rest[:1].isdigit() or rest[:1] in ('"', "“")):
            return  # the goal property (`doel:`, or `doel x >= 5` without its colon), no section
        # A section line that did not parse (`theme 1 ...`, an open quote) must not also make
        # every line under it an orphan: one mistake, one error.
        from lea_rules.parser import FOREIGN_KEYWORDS

        if word in n.SECTION_WORDS or FOREIGN_KEYWORDS.get(word) in n.SECTION_WORDS:
            self.broken_section = True

    def recover(self, line_no: int, text: str) -> bool:
        """Read a line that did not parse as a section line with the writer's own word from
        a broken `indeling:` line; True when it was (it then gets no message of its own)."""
        tree = self.recovery.section(text, line_no)
        if tree is not None:
            self.feed(line_no, tree)
        return tree is not None

    def feed(self, line_no: int, tree: LTree) -> None:
        self.line_no = line_no
        child = tree.children[0]
        if child is None:
            return
        stmt = as_node(child)
        handler: Callable[[LTree], None] | None = getattr(self, f"on_{stmt.data}", None)
        if handler is not None:
            handler(stmt)
        else:
            self.on_property(stmt)

    # --- header --------------------------------------------------------------------
    def _header(self, key: str, value: Any, stmt: LTree) -> None:
        span = self.span(stmt)
        self.declarations.append(n.Declaration(key, "", span, value if key == "periode" else None))
        if key not in self.header:  # the first line counts; a second is reported by a check
            self.header[key] = (value, span)

    def on_gemeente(self, stmt: LTree) -> None:
        self._header("gemeente", self.string(stmt.children[2]), stmt)

    def on_titel(self, stmt: LTree) -> None:
        self._header("titel", self.string(stmt.children[2]), stmt)

    def on_periode(self, stmt: LTree) -> None:
        self._header("periode", (self.year(stmt.children[2]), self.year(stmt.children[4])), stmt)

    def on_indeling(self, stmt: LTree) -> None:
        if self.sections:
            self.err("E152", "indeling te laat",
                     "de indeling moet boven het eerste onderdeel staan", self.span(stmt))
        levels = tuple(tuple(str(t) for t in as_node(lvl).children
                             if isinstance(t, Leaf) and t.type == "SECWORD") if lvl is not None else ()
                       for lvl in (stmt.children[2], stmt.children[4]))
        self.levels = (levels[0], levels[1])  # `indeling: doel`: no level 2
        self._header("indeling", self.levels, stmt)

    def on_document(self, stmt: LTree) -> None:
        name = str(stmt.children[1])
        self.declarations.append(n.Declaration("document", name, self.span(stmt.children[1])))
        if name.casefold() in self._document_names:
            return  # the first declaration counts; a second is reported by a check
        desc = self.string(stmt.children[4]) if stmt.children[4] is not None else None
        self.documents.append(n.Document(name, self.string(stmt.children[3]), desc, self.span(stmt)))
        self._document_names.add(name.casefold())
        self.current = self.agenda_draft
        self.agenda_wide = True

    def on_groep(self, stmt: LTree) -> None:
        name = str(stmt.children[1])
        self.declarations.append(n.Declaration("groep", name, self.span(stmt.children[1])))
        if n.normalise_group(name) in self._group_names:
            return  # the first declaration counts; a second is reported by a check
        self.groups.append(n.Group(name, self.string(stmt.children[3]), self.span(stmt)))
        self._group_names.add(n.normalise_group(name))
        self.current = self.agenda_draft
        self.agenda_wide = True

    def on_begrip(self, stmt: LTree) -> None:
        """A definition belongs to the agenda wherever it is written; its `citaat:` lines to it."""
        term_tok = stmt.children[1]
        draft = ItemDraft("definition", self.span(stmt), self.string(term_tok), self.string(stmt.children[3]))
        draft.props["term_span"] = self.span(term_tok)
        self.definitions.append(draft)  # a term defined twice is reported by checks/definitions.py
        self.current = draft
        self.budget, self.agenda_wide = None, True

    # --- structure ----------------------------------------------------------------------
    def on_section(self, stmt: LTree) -> None:
        word_tok, num_tok, title_tok = stmt.children
        word = str(word_tok)
        number = str(num_tok) if num_tok is not None else None
        level1, level2 = self.levels
        known = True
        if word in level1 and word in level2:
            level = 2 if number and "." in number else 1
        elif word in level1:
            level = 1
        elif word in level2:
            level = 2
        else:
            known, level = False, 1
        draft = SectionDraft(self.span(stmt), word, level, number, self.string(title_tok))
        orphan = level == 2 and self.top is None
        if level == 1:
            self.broken_section = False
        if level == 1 or orphan:
            self.sections.append(draft)
            self.top, self.sub = draft, None
        else:
            assert self.top is not None
            self.top.children.append(draft)
            self.sub = draft
        self.current = draft
        self._leave_budget()
        self.forget_actions()
        # Reported after the section is opened, so that `= onder:` names this very line.
        if not known:
            allowed = (self.recovery.indeling.shown() if self.recovery.indeling is not None
                       else " / ".join(level1) + (" > " + " / ".join(level2) if level2 else ""))
            self.err("E110", "woord niet in de indeling",
                     f"'{word}' staat niet in de indeling van deze agenda ({allowed})",
                     self.span(word_tok),
                     help=f"voeg '{word}' toe aan 'indeling:' of gebruik "
                          f"{did_you_mean(word, level1 + level2) or 'een woord uit de indeling'}"
                     if level2 else f"schrijf 'indeling: {' / '.join(level1)} > {word}' als een "
                                    f"{word} onder een {level1[0]} staat, of gebruik '{level1[0]}'")
        if orphan and not self.broken_section:
            self.err("E111", "onderdeel zonder bovenliggend onderdeel",
                     f"'{word}' is niveau 2 van de indeling, maar er staat nog geen "
                     f"'{level1[0]}' boven", self.span(word_tok),
                     help=f"zet eerst een '{level1[0]}'-regel")

    def _container(self, word: str, stmt: LTree) -> SectionDraft | None:
        container = self.sub or self.top
        if container is None and not self.broken_section:
            level1 = self.levels[0][0]
            self.err("E112", f"{word} buiten een onderdeel",
                     f"een {word} hoort onder een onderdeel, maar er staat nog geen "
                     f"'{level1}' boven", self.span(stmt),
                     help=f"zet eerst een '{level1}'-regel")
        return container

    def _item(self, kind: str, stmt: LTree) -> None:
        _, code_tok, title_tok = stmt.children
        word = "actie" if kind == "action" else "resultaat"
        draft = ItemDraft(kind, self.span(stmt), str(code_tok) if code_tok else None,
                           self.string(title_tok))
        container = self._container(word, stmt)
        if container is not None:
            (container.actions if kind == "action" else container.results).append(draft)
            self.plain_item(draft)
        self.current = draft
        self._leave_budget()

    def _leave_budget(self) -> None:
        self.budget = None
        self.agenda_wide = False

    def on_actie(self, stmt: LTree) -> None:
        self._item("action", stmt)

    def on_resultaat(self, stmt: LTree) -> None:
        self._item("result", stmt)

    def on_indicator(self, stmt: LTree) -> None:
        name_tok, label_tok = stmt.children[1], stmt.children[2]
        draft = ItemDraft("indicator", self.span(stmt), str(name_tok),
                           self.string(label_tok) if label_tok else str(name_tok))
        draft.props["name_span"] = self.span(name_tok)
        self.indicators.append(draft)
        self.current = draft
        self.budget, self.agenda_wide = None, True

    def on_begroting(self, stmt: LTree) -> None:
        draft = ItemDraft("budget", self.span(stmt), None, self.string(stmt.children[1]))
        self.budgets.append(draft)
        self.forget_actions()  # a begroting stands outside the sections
        self.budget = draft
        self.agenda_wide = True
        self.current = draft

    def on_post(self, stmt: LTree) -> None:
        kids = stmt.children
        amounts = []
        note = None
        for kid in kids[3:]:
            if isinstance(kid, Node) and kid.data == "amount":
                year_tok, _, value_tok = kid.children
                amounts.append(n.Amount(self.number(value_tok), self.span(kid),
                                        self.year(year_tok) if year_tok is not None else None))
            elif isinstance(kid, Leaf) and kid.type == "STRING":
                note = self.string(kid)
        draft = ItemDraft("post", self.span(stmt), None, self.string(kids[1]))
        draft.amounts, draft.note = tuple(amounts), note
        if self.budget is None:
            self.err("E113", "post buiten een begroting",
                     "een 'post' hoort onder een 'begroting'-regel", self.span(stmt),
                     help='zet eerst bijvoorbeeld: begroting "LEA-budget"')
        else:
            self.budget.posts.append(draft)
        self.current = draft

    # --- freeze ------------------------------------------------------------------------------------
    def finish(self) -> n.Agenda:
        """The agenda as built; with a kop line missing (reported here) it has an empty name,
        title or period, and is only fit for the checks of what single lines say."""
        from lea_rules.header_hints import header_example

        for key in ("gemeente", "titel", "periode"):
            if key in self.header or key in self.agenda_draft.attempted:
                continue  # its line is there, or is there but did not parse: said there, once
            self.err("E153", "kopregel ontbreekt", f"de agenda heeft geen '{key}:'-regel",
                     Span.point(1, 1), help=header_example(key, self.source, self.header),
                     context=None)
        no_line = (None, Span.point(1, 1))
        return n.Agenda(
            path=self.path, municipality=self.header.get("gemeente", no_line)[0] or "",
            title=self.header.get("titel", no_line)[0] or "",
            period=self.header.get("periode", no_line)[0] or (0, 0),
            span=self.header.get("gemeente", no_line)[1], levels=self.levels,
            documents=tuple(self.documents), groups=tuple(self.groups),
            indicators=tuple(freeze_indicator(d) for d in self.indicators),
            sections=freeze_sections(self.sections), budgets=freeze_budgets(self.budgets),
            provenance=self.agenda_draft.provenance(),
            extra={**({UNREADABLE: str(self.unreadable)} if self.unreadable else {}),
                   **self.recovery.extra(), **self.refused_extra()},
            declarations=tuple(self.declarations), definitions=freeze_definitions(self.definitions),
        )

    @property
    def complete(self) -> bool:
        """Every kop line is there: the agenda can be checked whole and used."""
        return all(key in self.header for key in ("gemeente", "titel", "periode"))


def build(source: SourceFile, lines: LineCache | None = None) -> BuildResult:
    """The agenda of `source`; `lines` is a parse cache to read it with (`parser.parse_lines`)."""
    from lea_rules.parser import parse_lines

    trees, parse_diags = parse_lines(source, lines)
    builder = Builder(source)
    # Walk both in line order, so a line that does not parse is still told what it sits under.
    diags: list[Diagnostic] = []
    pending = iter(parse_diags)
    waiting = next(pending, None)
    indeling: list[int] = []  # where in diags the message of a broken indeling line is

    def unreadable(diag: Diagnostic) -> None:
        text = source.line_text(diag.span.line)
        builder.line_no = diag.span.line
        if not builder.recover(diag.span.line, text):
            diags.append(replace(diag, context=builder.context()))
            had = builder.recovery.indeling
            builder.unreadable_line(text)
            if builder.recovery.indeling is not had:
                indeling.append(len(diags) - 1)

    for line_no, tree in trees:
        while waiting is not None and waiting.span.line < line_no:
            unreadable(waiting)
            waiting = next(pending, None)
        builder.feed(line_no, tree)
    while waiting is not None:
        unreadable(waiting)
        waiting = next(pending, None)
    for index in indeling:
        diags[index] = builder.recovery.indeling_message(diags[index])
    model = builder.finish()
    if diags:
        from lea_rules.name_hints import name_with_spaces

        names = [*(("indicator", str(d.code)) for d in builder.indicators if d.code),
                 *(("groep", g.name) for g in builder.groups)]
        diags = name_with_spaces(diags, source, names)
        from lea_rules.keyword_hints import keyword_hints

        diags = keyword_hints(diags, source, builder.levels)
    return BuildResult(model if builder.complete else None, diags + builder.diags, model)


def strip_spans(value: Any) -> Any:
    """The meaning of a node without its places: used to prove the formatter changes nothing."""
    from dataclasses import fields, is_dataclass

    if isinstance(value, Span):
        return None
    if is_dataclass(value) and not isinstance(value, type):
        return (type(value).__name__, *(
            (f.name, strip_spans(getattr(value, f.name)))
            for f in fields(value) if f.name not in ("span", "path", "text") and f.compare))
    if isinstance(value, (tuple, list)):
        return tuple(strip_spans(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, strip_spans(v)) for k, v in value.items()))
    return value


__all__ = ["BuildResult", "build", "replace", "strip_spans"]
