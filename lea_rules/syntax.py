"""Syntax: plain line trees, so that a cached parse needs no Lark import at all.

The builder reads these instead of Lark's Tree and Token. They have the same shape
(`data`, `children`, `meta.column`; a leaf is a str with `type` and `column`), and they
convert to and from nested tuples that `marshal` can store in the parse cache.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lark import Token, Tree


class Leaf(str):
    """A token: its text, terminal type and columns (1-based, end exclusive)."""

    __slots__ = ("column", "end_column", "type")

    type: str
    column: int
    end_column: int

    def __new__(cls, type_: str, value: str, column: int, end_column: int) -> Leaf:
        leaf = super().__new__(cls, value)
        leaf.type = type_
        leaf.column = column
        leaf.end_column = end_column
        return leaf


class Meta:
    __slots__ = ("column", "empty", "end_column")

    def __init__(self, column: int, end_column: int, empty: bool) -> None:
        self.column = column
        self.end_column = end_column
        self.empty = empty


class Node:
    """A rule match: its rule (or alias) name, its children and its columns."""

    __slots__ = ("children", "data", "meta")

    def __init__(self, data: str, children: list[Child], meta: Meta) -> None:
        self.data = data
        self.children = children
        self.meta = meta


Child = Node | Leaf | None
Plain = tuple[Any, ...]


def from_lark(tree: Tree[Token]) -> Node:
    """Convert a Lark tree; iterative, because a hostile formula can nest thousands deep."""
    from lark import Token

    def make(t: Any) -> Node:
        meta = t.meta
        empty = getattr(meta, "empty", True)
        if empty:
            return Node(str(t.data), [], Meta(0, 0, True))
        return Node(str(t.data), [], Meta(meta.column, meta.end_column, False))

    root = make(tree)
    stack: list[tuple[Any, Node]] = [(tree, root)]
    while stack:
        source, target = stack.pop()
        for c in source.children:
            if c is None:
                target.children.append(None)
            elif isinstance(c, Token):
                col = c.column or 1
                target.children.append(Leaf(c.type, str(c), col, c.end_column or col + len(c)))
            else:
                node = make(c)
                target.children.append(node)
                stack.append((c, node))
    return root


def to_plain(node: Node) -> Plain:
    """Nested tuples of str/int/None, which marshal stores."""
    order: list[Node] = []
    stack = [node]
    while stack:
        current = stack.pop()
        order.append(current)
        stack.extend(c for c in current.children if isinstance(c, Node))
    done: dict[int, Plain] = {}
    for current in reversed(order):  # children before parents
        kids = tuple(
            None if c is None
            else (0, c.type, str(c), c.column, c.end_column) if isinstance(c, Leaf)
            else done[id(c)]
            for c in current.children)
        done[id(current)] = (1, current.data, current.meta.column, current.meta.end_column,
                             current.meta.empty, kids)
    return done[id(node)]


def from_plain(plain: Plain) -> Node:
    def make(p: Plain) -> Node:
        return Node(p[1], [], Meta(p[2], p[3], p[4]))

    root = make(plain)
    stack: list[tuple[Plain, Node]] = [(plain, root)]
    while stack:
        source, target = stack.pop()
        for c in source[5]:
            if c is None:
                target.children.append(None)
            elif c[0] == 0:
                target.children.append(Leaf(c[1], c[2], c[3], c[4]))
            else:
                node = make(c)
                target.children.append(node)
                stack.append((c, node))
    return root
