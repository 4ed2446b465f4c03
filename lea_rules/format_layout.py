"""Where `lea fmt` puts a statement: its depth and whether it opens a block.

The layout mirrors the builder's notion of 'where are we' (lea_rules.builder,
lea_rules.build_nesting), so that the indentation shows what each line belongs to.
"""

from __future__ import annotations

from lea_rules.syntax import Node

HEADER_STATEMENTS = frozenset({"gemeente", "titel", "periode", "indeling"})
ITEM_STATEMENTS = frozenset({"section", "actie", "deelactie", "met_resultaat", "resultaat",
                             "indicator", "begroting", "post", "begrip"})
BLOCK_STATEMENTS = frozenset({"indicator", "begroting"})


class Layout:
    """Mirrors the builder's notion of 'where are we' to choose indentation and blank lines."""

    def __init__(self) -> None:
        self.levels: tuple[tuple[str, ...], tuple[str, ...]] = (("thema",), ("ambitie",))
        self.has_top = False
        self.has_sub = False
        self.prop_depth = 0  # depth of a property line: that of the current item plus one
        self.trailing_depth = 0  # depth of a note under the last statement
        self.opened_item = False  # the last statement opened an item: no blank line under it
        # Depths of the last actie and of the last actie or deelactie of the section: a
        # deelactie sits under the one, a `met resultaat` under the other (as the builder reads).
        self.action_depth: int | None = None
        self.owner_depth: int | None = None

    def place(self, stmt: Node) -> tuple[int, bool]:
        """The depth of this statement and whether it opens a block (needs a blank line)."""
        depth, block = self._place(stmt)
        opens_item = str(stmt.data) in ITEM_STATEMENTS
        self.trailing_depth = self.prop_depth if opens_item else depth
        self.opened_item = opens_item
        return depth, block

    def _place(self, stmt: Node) -> tuple[int, bool]:
        kind = str(stmt.data)
        if kind in HEADER_STATEMENTS:
            if kind == "indeling":
                self.levels = _levels(stmt)
            return 0, False
        if kind in ("document", "groep"):
            self.prop_depth = 0
            return 0, False
        if kind == "begrip":  # agenda-wide, wherever written; its citaat: lines under it
            self.prop_depth = 1
            return 0, False
        if kind == "section":
            depth = 1 if self._section_level(stmt) == 2 and self.has_top else 0
            if depth == 0:
                self.has_top, self.has_sub = True, False
            else:
                self.has_sub = True
            self.prop_depth = depth + 1
            self.action_depth = self.owner_depth = None
            return depth, True
        if kind in ("actie", "resultaat", "deelactie", "met_resultaat"):
            return self._place_item(kind), False
        if kind in BLOCK_STATEMENTS:
            if kind == "begroting":
                self.action_depth = self.owner_depth = None
            self.prop_depth = 1
            return 0, True
        if kind == "post":
            self.prop_depth = 2
            return 1, False
        return self.prop_depth, False

    def _place_item(self, kind: str) -> int:
        depth = 2 if self.has_sub else 1 if self.has_top else 0
        if kind == "actie":
            self.action_depth = self.owner_depth = depth
        elif kind == "deelactie":
            depth = (depth if self.action_depth is None else self.action_depth) + 1
            self.owner_depth = depth
        elif kind == "met_resultaat":
            depth = (depth if self.owner_depth is None else self.owner_depth) + 1
        else:  # a plain resultaat closes the action (lea_rules.build_nesting)
            self.action_depth = self.owner_depth = None
        self.prop_depth = depth + 1
        return depth

    def _section_level(self, stmt: Node) -> int:
        word = str(stmt.children[0])
        number = stmt.children[1]
        level1, level2 = self.levels
        if word in level1 and word in level2:
            return 2 if number is not None and "." in str(number) else 1
        return 2 if word in level2 and word not in level1 else 1


def _levels(stmt: Node) -> tuple[tuple[str, ...], tuple[str, ...]]:
    words: list[tuple[str, ...]] = []
    for child in stmt.children:
        if isinstance(child, Node):
            words.append(tuple(str(t) for t in child.children if getattr(t, "type", "") == "SECWORD"))
    if len(words) == 1:  # `indeling: doel`: one level
        return (words[0], ())
    return (words[0], words[1]) if len(words) == 2 else (("thema",), ("ambitie",))
