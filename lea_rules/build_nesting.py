"""Items that belong to an action: `deelactie` (to the last `actie` above) and `met resultaat`
(to the last `actie` or `deelactie` above), read into the action's draft.

Structure comes from keywords, never from indentation. But a plain `resultaat` or `actie`
that the writer indented under an action looks as if it belonged to it, while it belongs to
its section: the builder says so (W300, W301) and offers the keyword that nests it.
"""

from __future__ import annotations

from abc import abstractmethod

from lea_rules.build_drafts import ItemDraft, SectionDraft
from lea_rules.build_props import PropertyReader
from lea_rules.build_values import LTree
from lea_rules.diagnostics import Diagnostic, warning

TAB_WIDTH = 4  # as the formatter counts a tab


def indent_of(text: str) -> int:
    """The indentation of a line as written, a tab counted as four spaces."""
    width = 0
    for char in text:
        if char == " ":
            width += 1
        elif char == "\t":
            width += TAB_WIDTH
        else:
            break
    return width


class NestingReader(PropertyReader):
    """The builder's part that reads `deelactie` and `met resultaat` lines."""

    path: str
    diags: list[Diagnostic]
    # The last `actie` of the current section, and the last actie or deelactie: what a
    # `deelactie` and a `met resultaat` line belong to. A plain `resultaat` closes the action
    # (`closed_by`); a new section, or a begroting, forgets it.
    last_action: ItemDraft | None = None
    last_owner: ItemDraft | None = None
    closed_by: ItemDraft | None = None
    # Still looks nested: every plain resultaat since the action was indented under it (W300).
    looks_nested = False

    @abstractmethod
    def context(self) -> str | None:
        """The headings the current line sits under (the Builder's)."""

    @abstractmethod
    def _container(self, word: str, stmt: LTree) -> SectionDraft | None:
        """The section an item line goes into, reporting a line outside any (the Builder's)."""

    @abstractmethod
    def _leave_budget(self) -> None:
        """An item line ends a `begroting` block (the Builder's)."""

    # --- helpers -------------------------------------------------------------------------
    def forget_actions(self) -> None:
        self.last_action = self.last_owner = self.closed_by = None
        self.looks_nested = False

    def _indent(self) -> int:
        return indent_of(self.source.line_text(self.line_no))

    def _draft(self, kind: str, stmt: LTree, code_at: int) -> ItemDraft:
        code_tok, title_tok = stmt.children[code_at], stmt.children[code_at + 1]
        draft = ItemDraft(kind, self.span(stmt), str(code_tok) if code_tok else None,
                          self.string(title_tok))
        draft.indent = self._indent()
        return draft

    def _open(self, draft: ItemDraft) -> None:
        self.current = draft
        self._leave_budget()

    # --- the two lines -----------------------------------------------------------------------
    def on_deelactie(self, stmt: LTree) -> None:
        draft = self._draft("action", stmt, 1)
        draft.sub = True
        container = self._container("deelactie", stmt)
        parent = self.last_action
        if container is not None and (parent is None or self.closed_by is not None):
            fix = "zet de deelactie direct onder de actie waar ze bij hoort"
            self.err("E300", "deelactie zonder actie",
                     "een deelactie hoort bij de actie erboven, maar " + self._why_none(),
                     self.span(stmt.children[0]),
                     help=fix + self._before_plain() + ", of schrijf 'actie' als ze op zichzelf staat")
        elif parent is not None:
            parent.subactions.append(draft)
            self.last_owner = draft
            self.looks_nested = True
        self._open(draft)

    def on_met_resultaat(self, stmt: LTree) -> None:
        draft = self._draft("result", stmt, 2)
        container = self._container("resultaat", stmt)
        owner = self.last_owner
        if container is not None and (owner is None or self.closed_by is not None):
            kw_span = self.span(stmt.children[0]).to(self.span(stmt.children[1]))
            self.err("E301", "resultaat zonder actie",
                     "'met resultaat' hoort bij de actie of deelactie erboven, maar "
                     + self._why_none(), kw_span,
                     help="zet het direct onder de actie waar het bij hoort" + self._before_plain()
                          + ", of schrijf 'resultaat' als het bij het onderdeel hoort")
        elif owner is not None:
            owner.results.append(draft)
            self.looks_nested = True
        self._open(draft)

    def _why_none(self) -> str:
        if self.closed_by is None:
            return "in dit onderdeel staat nog geen 'actie' boven"
        return (f"daartussen staat een gewoon resultaat (regel {self.closed_by.span.line}), dat "
                "bij het onderdeel hoort en de actie afsluit")

    def _before_plain(self) -> str:
        return "" if self.closed_by is None else ", boven het gewone resultaat"

    # --- plain lines indented under an action -------------------------------------------------
    def plain_item(self, draft: ItemDraft) -> None:
        """A plain `actie` or `resultaat` just read into its section: warn when it is indented
        under an action as if it belonged to it; then remember an action for what follows."""
        draft.indent = self._indent()
        if draft.kind == "action":
            self._indented_action(draft)
            self.last_action = self.last_owner = draft
            self.closed_by, self.looks_nested = None, True
        else:
            self.looks_nested = self._indented_result(draft)
            self.closed_by = draft

    def _indented_action(self, draft: ItemDraft) -> None:
        above = self.last_action
        if above is None or not self.looks_nested or draft.indent <= above.indent:
            return
        name = f"actie \u201c{_short(above.title)}\u201d"
        self._warn("W301", "actie ingesprongen onder een actie",
                   f"deze actie is ingesprongen onder {name}, maar hoort bij "
                   f"{self._section_words()}: inspringen bepaalt niets", draft,
                   f"schrijf 'deelactie' om haar bij {name} te laten horen; hoort ze bij het "
                   "onderdeel, haal dan de inspringing weg (`lea fmt`)")

    def _indented_result(self, draft: ItemDraft) -> bool:
        """Warn for a resultaat indented under the action above; say whether it was."""
        owner, action = self.last_owner, self.last_action
        if owner is None or action is None or not self.looks_nested or draft.indent <= action.indent:
            return False
        under = owner if draft.indent > owner.indent else action
        name = f"{_word(under)} \u201c{_short(under.title)}\u201d"
        if under is owner:
            fix = f"schrijf 'met resultaat' om het bij {name} te laten horen"
        else:  # under the actie, beside its deelactie: `met resultaat` here would go to that
            fix = (f"zet het als 'met resultaat' direct onder {name}, boven haar deelacties "
                   "(hier zou 'met resultaat' bij de deelactie erboven horen)")
        self._warn("W300", "resultaat ingesprongen onder een actie",
                   f"dit resultaat is ingesprongen onder {name}, maar hoort bij "
                   f"{self._section_words()}: inspringen bepaalt niets", draft,
                   fix + "; hoort het bij het onderdeel, haal dan de inspringing weg (`lea fmt`)")
        return True

    def _warn(self, code: str, title: str, message: str, draft: ItemDraft, help_text: str) -> None:
        notes: tuple[str, ...] = ()
        if draft.code is None:  # nested, an item without a fixed code gets another one
            it = "ze" if draft.kind == "action" else "het"
            notes = (f"genest krijgt {it} een code van die actie; verwijst een voortgangsbestand "
                     f"naar de code die {it} nu heeft, leg de codes dan eerst vast met `lea codes`",)
        self.diags.append(warning(code, title, message, draft.span, path=self.path,
                                  help=help_text, context=self.context(), notes=notes))

    def _section_words(self) -> str:
        where = self.context()
        return where.rsplit(" > ", 1)[-1] if where else "het onderdeel"


def _word(draft: ItemDraft) -> str:
    return "deelactie" if draft.sub else "actie"


def _short(title: str, limit: int = 50) -> str:
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "\u2026"
