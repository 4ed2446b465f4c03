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
    """Convert a Lark tree; iterative, because a hostile formula can nest thousands deep.

    The columns of a rule match are those of its first and last token (the parser is built
    without Lark's propagate_positions, which cost 40% of the parse): a match without tokens
    is empty, exactly as Lark would mark it. `lea check` itself gets the plain form straight
    from the parser (`parser.get_plain_parser`), which gives the same trees.
    """
    from lark import Token

    root = Node(str(tree.data), [], Meta(0, 0, True))
    order = [root]  # every node after its parent
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
                node = Node(str(c.data), [], Meta(0, 0, True))
                target.children.append(node)
                stack.append((c, node))
                order.append(node)
    for node in reversed(order):  # children before their parents
        first = last = None
        for child in node.children:
            if child is not None and (isinstance(child, Leaf) or not child.meta.empty):
                first = child if first is None else first
                last = child
        if first is not None and last is not None:
            column = first.column if isinstance(first, Leaf) else first.meta.column
            end = last.end_column if isinstance(last, Leaf) else last.meta.end_column
            node.meta = Meta(column, end, False)
    return root


MAX_PLAIN_DEPTH = 200
"""Deeper trees are not cached: marshal refuses deep nesting, and such a line is refused
anyway (formulas are at most 50 levels deep)."""


def depth(plain: Plain) -> int:
    """How deep a plain tree nests, without recursion."""
    deepest, stack = 0, [(plain, 1)]
    while stack:
        node, level = stack.pop()
        deepest = max(deepest, level)
        stack.extend((kid, level + 1) for kid in node[5] if kid is not None and kid[0] == 1)
    return deepest


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


def checked_from_plain(plain: object, text: str, names: frozenset[str]) -> Node | None:
    """The tree of a cached line, or None when the entry cannot be the parse of `text`.

    A cache entry is only trusted when it has the shape the parser gives it in
    (`parser.get_plain_parser`, `to_plain`), its root is a `line`, every rule and token type
    is one of the grammar's `names`, every token is exactly the text at its columns, the
    tokens follow each other through the line in the order of the tree with nothing but
    ignored blanks between and after them, and every rule match spans exactly its first to
    its last token. So an entry edited to say 15 where the line says 85, one stored for
    another line, or a malformed one, is parsed again: it never
    changes an answer and never raises.
    """
    if not (type(plain) is tuple and len(plain) == 6 and plain[1] == "line"):
        return None
    try:
        node, end, _ = _checked(plain, text, names, 0)
    except (_Refused, TypeError, ValueError, IndexError, RecursionError):
        return None
    if text[end:].strip(IGNORED):
        return None  # text that no token covers
    return node


class _Refused(Exception):
    pass


_new_str = str.__new__


def _checked(p: Any, text: str, names: frozenset[str], end: int) -> tuple[Node, int, int]:
    """A node from its plain form, checked against the text; `end` is the 0-based offset just
    after the last token before it. Returns the node, the new `end` and the node's first
    column (0 when it has no tokens)."""
    if not (type(p) is tuple and len(p) == 6 and p[0] == 1 and p[1] in names
            and type(p[2]) is int and type(p[3]) is int and type(p[4]) is bool and type(p[5]) is tuple):
        raise _Refused
    children: list[Child] = []
    append = children.append
    first = 0
    for c in p[5]:
        if c is None:
            append(None)
            continue
        if type(c) is tuple and len(c) == 5:
            tag, type_, value, column, end_column = c
            if not (tag == 0 and type_ in names and type(value) is str and value
                    and type(column) is int and column > end and type(end_column) is int
                    and end_column == column + len(value) and text.startswith(value, column - 1)):
                raise _Refused
            gap = text[end:column - 1]
            if gap and gap != " " and gap.strip(IGNORED):
                raise _Refused
            end = end_column - 1
            if not first:
                first = column
            leaf = _new_str(Leaf, value)  # Leaf(...) without the call: half the time
            leaf.type, leaf.column, leaf.end_column = type_, column, end_column
            append(leaf)
            continue
        node, end, start = _checked(c, text, names, end)
        if not first:
            first = start
        append(node)
    column, end_column, empty = p[2], p[3], p[4]
    if (empty, column, end_column) != ((True, 0, 0) if not first else (False, first, end + 1)):
        raise _Refused  # a rule match spans its first to its last token, or nothing
    return Node(p[1], children, Meta(column, end_column, empty)), end, first
