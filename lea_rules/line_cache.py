"""Line cache: parsed lines kept between runs, keyed by the grammar they were parsed with.

`lea check` runs on every save; this cache lets it reparse only the lines that changed. It knows
where the grammar is (its checksum names the cache file) but never imports Lark: a cached line
is a plain tree (`lea_rules.syntax`).
"""

from __future__ import annotations

import os
import re
import zlib
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lea_rules.syntax import Node, Plain


def grammar_path() -> Path:
    """The grammar ships inside an installed package; in a checkout it is in grammar/."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "grammar" / "lea.lark", here.parent / "grammar" / "lea.lark"):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("grammar/lea.lark not found next to the lea_rules package")


class LineCache:
    """Parsed lines kept between runs, so `lea check` on every save reparses only edits.

    The key is the exact line text (columns depend on it); the value is the line's tree as
    plain tuples. An entry is used only when it checks out against its line: the right
    shape, and every token exactly the text at its columns (`syntax.checked_from_plain`);
    any other entry is dropped and the line parsed again, so a damaged or edited cache can
    cost time, never change an answer. The cache file name carries a checksum of the grammar
    and the version, so a changed grammar never reads an old cache. It keeps exactly the lines
    the file had at its last check: it never outgrows its file (at most MAX_LINES entries),
    and an edit reparses only the edited line. After `lea fmt` it holds the lines of the file
    and of its formatted text, until the next check.

    Lines parsed by this process are kept in `parsed` and trusted as they are: one `lea fmt`
    reads each line several times (the agenda, its formatted text, both built), and a line
    repeated in a file (`eenheid: %`) is parsed once.
    """

    def __init__(self, name: str | None, entries: dict[str, Any]) -> None:
        self.name = name
        self.entries = entries  # as read from the file: each checked before it is used
        self.parsed: dict[str, Plain] = {}  # parsed by this process: the parser's own trees
        self.added: dict[str, Any] = {}
        self.used: dict[str, Any] = {}

    @classmethod
    def open(cls, path: str = "") -> LineCache:
        from lea_rules import cache
        from lea_rules.source import MAX_LINES

        if cache.cache_dir() is None:
            return cls(None, {})
        name = _cache_name(path)
        loaded = cache.read(name)
        if not isinstance(loaded, dict) or len(loaded) > MAX_LINES:
            loaded = {}
        return cls(name, loaded)

    def knows(self, text: str) -> bool:
        """Whether this line's tree may come from the cache (a stored one is still checked)."""
        return text in self.parsed or text in self.entries

    def get(self, text: str) -> Node | None:
        """The tree of this line from the cache, or None when it must be parsed."""
        from lea_rules.syntax import checked_from_plain, from_plain

        mine = self.parsed.get(text)
        if mine is not None:
            if text in self.used:  # used last: kept last (`save`)
                self.used[text] = self.used.pop(text)
            return from_plain(mine)  # a new tree each time: no two lines share nodes
        plain = self.entries.get(text)
        if plain is None:
            return None
        node = checked_from_plain(plain, text, grammar_names())
        if node is None:
            del self.entries[text]  # not this line's tree: parse again, store the right one
            return None
        self.parsed[text] = plain  # checked once; it is this line's tree from now on
        self.used[text] = plain
        return node

    def put(self, text: str, plain: Plain) -> None:
        """Remember a line's tree just parsed; it is stored unless it nests too deep for marshal.

        Only a formula nests (expr); a line too deep is kept for this process only.
        """
        from lea_rules.syntax import MAX_PLAIN_DEPTH, depth

        self.parsed[text] = plain
        if "formule" not in text or depth(plain) <= MAX_PLAIN_DEPTH:
            self.added[text] = plain
            self.used[text] = plain

    def save(self) -> None:
        """Store the lines used since the cache was opened; the file keeps at most MAX_LINES.

        A check uses the lines of one file, no more than MAX_LINES; `lea fmt` those of the file
        and of its formatted text, and past MAX_LINES the lines read last (the formatted
        text's) are kept.
        """
        from lea_rules import cache
        from lea_rules.source import MAX_LINES

        if self.name is None or (not self.added and len(self.used) == len(self.entries)):
            return  # nothing new and nothing stale: the stored cache is exact
        if len(self.used) > MAX_LINES:
            self.used = dict(list(self.used.items())[-MAX_LINES:])
        cache.write(self.name, self.used)
        self.entries, self.added = dict(self.used), {}


@lru_cache(maxsize=1)
def _grammar_bytes() -> bytes:
    return grammar_path().read_bytes()


@lru_cache(maxsize=1)
def grammar_names() -> frozenset[str]:
    """Every rule, alias and terminal name of the grammar: what a parsed tree can contain."""
    text = _grammar_bytes().decode("utf-8")
    rules = re.findall(r"^\??([a-z_][a-z0-9_]*)\s*:", text, re.MULTILINE)
    aliases = re.findall(r"->\s*([a-z_][a-z0-9_]*)", text)
    terminals = re.findall(r"^([A-Z_][A-Z0-9_]*)(?:\.\d+)?\s*:", text, re.MULTILINE)
    return frozenset([*rules, *aliases, *terminals])


def _cache_name(path: str) -> str:
    """One cache per agenda file (an editor saves the same file), per grammar version."""
    from lea_rules import __version__

    grammar = zlib.crc32(_grammar_bytes() + __version__.encode())
    where = zlib.crc32(os.path.abspath(path).encode())
    return f"lines-{grammar:08x}-{where:08x}.marshal"
