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


IGNORED = " \t\f\v\u00a0\ufeff"
"""What the grammar skips between tokens (its %ignore)."""


def checked_from_plain(plain: object, text: str, names: frozenset[str] = frozenset()) -> Node | None:
    """The tree of a cached line, or None when the entry cannot be the parse of `text`.

    A cache entry is only trusted when it has the shape `to_plain` gives, its root is a
    `line`, every token is exactly the text at its columns, the tokens follow each other
    through the line with nothing but ignored blanks between and after them, and (when
    `names` is given) every rule and token type is one of the grammar's. So an entry edited
    to say 15 where the line says 85, one stored for another line, or a malformed one, is
    recomputed; it never changes an answer and never raises.
    """
    try:
        return _checked(plain, text, names)
    except (TypeError, ValueError, IndexError, AttributeError):
        return None


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _checked_node(p: object, text: str, names: frozenset[str]) -> Node | None:
    if not (isinstance(p, tuple) and len(p) == 6 and p[0] == 1 and isinstance(p[1], str)
            and _is_int(p[2]) and _is_int(p[3]) and isinstance(p[4], bool) and isinstance(p[5], tuple)):
        return None
    if names and p[1] not in names:
        return None
    if not p[4] and not 1 <= p[2] <= p[3] <= len(text) + 1:
        return None
    return Node(p[1], [], Meta(p[2], p[3], p[4]))


def _checked(plain: object, text: str, names: frozenset[str]) -> Node | None:
    root = _checked_node(plain, text, names)
    if root is None or root.data != "line":
        return None
    assert isinstance(plain, tuple)
    end = 0  # 0-based offset just after the last token seen
    stack: list[tuple[tuple[Any, ...], Node, int]] = [(plain[5], root, 0)]
    while stack:  # depth first, in document order: the tokens come in the order of the text
        kids, target, index = stack.pop()
        if index == len(kids):
            continue
        stack.append((kids, target, index + 1))
        c = kids[index]
        if c is None:
            target.children.append(None)
        elif isinstance(c, tuple) and len(c) == 5 and c[0] == 0:
            _, type_, value, column, end_column = c
            if not (isinstance(type_, str) and isinstance(value, str) and value and _is_int(column)
                    and _is_int(end_column) and end_column == column + len(value)
                    and column - 1 >= end and text[column - 1:end_column - 1] == value
                    and not text[end:column - 1].strip(IGNORED)):
                return None
            if names and type_ not in names:
                return None
            end = end_column - 1
            target.children.append(Leaf(type_, value, column, end_column))
        else:
            node = _checked_node(c, text, names)
            if node is None:
                return None
            target.children.append(node)
            stack.append((c[5], node, 0))
    if text[end:].strip(IGNORED):
        return None  # text that no token covers
    return root
