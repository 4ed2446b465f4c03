"""Items that belong to an action: `deelactie` (to the last `actie` above) and `met resultaat`
(to the last `actie` or `deelactie` above), read into the action's draft.

Structure comes from keywords, never from indentation: a plain `resultaat` belongs to its
section and closes the action above, wherever it is written (lea_rules.checks.nesting warns
when its indentation says otherwise).
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Iterator

from lea_rules import nodes as n
from lea_rules.build_drafts import ItemDraft, SectionDraft
from lea_rules.build_props import PropertyReader
from lea_rules.build_values import LTree

REFUSED_INDICATORS = "refused_indicators"
"""Agenda.extra key: the indicators (space-separated) that the goals of a refused `deelactie`
or `met resultaat` name. Their line has its error; the indicator counts as used (no W260)."""
REFUSED_GROUPS = "refused_groups"
"""Agenda.extra key: likewise the groups their counts over units name (no W261)."""


class NestingReader(PropertyReader):
    """The builder's part that reads `deelactie` and `met resultaat` lines."""

    # The last `actie` of the current section, and the last actie or deelactie: what a
    # `deelactie` and a `met resultaat` line belong to. A plain `resultaat` closes the action
    # (`closed_by`); a new section, or a begroting, forgets it.
    last_action: ItemDraft | None = None
    last_owner: ItemDraft | None = None
    closed_by: ItemDraft | None = None
    # The items refused with E300/E301; a refused deelactie keeps the `met resultaat` lines
    # below it (they get no message of their own: one mistake, one message).
    refused: list[ItemDraft]
    refused_owner: ItemDraft | None = None

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
        self.last_action = self.last_owner = self.closed_by = self.refused_owner = None

    def _draft(self, kind: str, stmt: LTree, code_at: int) -> ItemDraft:
        code_tok, title_tok = stmt.children[code_at], stmt.children[code_at + 1]
        return ItemDraft(kind, self.span(stmt), str(code_tok) if code_tok else None,
                         self.string(title_tok))

    def _open(self, draft: ItemDraft) -> None:
        self.current = draft
        self._leave_budget()

    # --- the two lines -----------------------------------------------------------------------
    def on_deelactie(self, stmt: LTree) -> None:
        draft = self._draft("action", stmt, 1)
        container = self._container("deelactie", stmt)
        parent = self.last_action
        if container is not None and (parent is None or self.closed_by is not None):
            fix = "zet de deelactie direct onder de actie waar ze bij hoort"
            self.err("E300", "deelactie zonder actie",
                     "een deelactie hoort bij de actie erboven, maar " + self._why_none(),
                     self.span(stmt.children[0]),
                     help=fix + self._before_plain() + ", of schrijf 'actie' als ze op zichzelf staat")
            self.refused.append(draft)
            self.last_owner = self.refused_owner = draft
        elif parent is not None:
            parent.subactions.append(draft)
            self.last_owner = draft
        self._open(draft)

    def on_met_resultaat(self, stmt: LTree) -> None:
        draft = self._draft("result", stmt, 2)
        container = self._container("resultaat", stmt)
        owner = self.last_owner
        if owner is not None and owner is self.refused_owner:
            owner.results.append(draft)  # under a refused deelactie: its line has the error
        elif container is not None and (owner is None or self.closed_by is not None):
            kw_span = self.span(stmt.children[0]).to(self.span(stmt.children[1]))
            self.err("E301", "resultaat zonder actie",
                     "'met resultaat' hoort bij de actie of deelactie erboven, maar "
                     + self._why_none(), kw_span,
                     help="zet het direct onder de actie waar het bij hoort" + self._before_plain()
                          + ", of schrijf 'resultaat' als het bij het onderdeel hoort")
            self.refused.append(draft)
        elif owner is not None:
            owner.results.append(draft)
        self._open(draft)

    def _why_none(self) -> str:
        if self.closed_by is None:
            return "in dit onderdeel staat nog geen 'actie' boven"
        return (f"daartussen staat een gewoon resultaat (regel {self.closed_by.span.line}), dat "
                "bij het onderdeel hoort en de actie afsluit")

    def _before_plain(self) -> str:
        return "" if self.closed_by is None else ", boven het gewone resultaat"

    def broken_item(self, word: str, draft: ItemDraft) -> None:
        """An `actie` or `deelactie` line that did not parse (`actie 1.1 "..."`, an open quote):
        its line has the parser's message, and the `deelactie` and `met resultaat` lines under
        it belong to its placeholder, not to the action above or to none (one mistake, one
        message). Their goals still count as using their indicators (refused_extra)."""
        self.refused.append(draft)
        if word == "actie":
            self.last_action = draft
            self.closed_by = None
        self.last_owner = self.refused_owner = draft

    # --- plain lines -------------------------------------------------------------------------
    def plain_item(self, draft: ItemDraft) -> None:
        """A plain `actie` opens an action for the lines below; a plain `resultaat` closes it."""
        if draft.kind == "action":
            self.last_action = self.last_owner = draft
            self.closed_by = self.refused_owner = None
        else:
            self.closed_by = draft

    def refused_extra(self) -> dict[str, str]:
        """For Agenda.extra: what the goals of the refused items name (REFUSED_INDICATORS)."""
        indicators: set[str] = set()
        groups: set[str] = set()
        for goal in _refused_goals(self.refused):
            indicators.update(name.casefold() for name in n.goal_indicators(goal))
            if isinstance(goal, n.UnitsGoal):
                groups.update(n.normalise_group(group) for group in goal.groups)
        out = {REFUSED_INDICATORS: " ".join(sorted(indicators)),
               REFUSED_GROUPS: " ".join(sorted(groups))}
        return {key: value for key, value in out.items() if value}


def _refused_goals(refused: list[ItemDraft]) -> Iterator[n.Goal]:
    for draft in refused:
        subresults = [result for sub in draft.subactions for result in sub.results]
        for item in (draft, *draft.results, *draft.subactions, *subresults):
            yield from item.props.get("doel", ())
            yield from item.props.get("streven", ())
            for revision in item.revisions:
                yield from revision["goals"]
