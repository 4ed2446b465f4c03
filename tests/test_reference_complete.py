"""The reference is complete: every word the checker accepts is in docs/language.md.

The words are read from the grammar itself (grammar/lea.lark): every keyword, every word of
a terminal that is a fixed list (section words, units, comparators, months, ...), and the
values a property takes in the builder (`soort:` of an action or an indicator). A keyword
added to the grammar without a line in the reference fails here, with the list of what is
missing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GRAMMAR = ROOT / "grammar" / "lea.lark"
REFERENCE = ROOT / "docs" / "language.md"

PATTERNS = {"NAME", "NUMBER", "CODE", "STRING", "COMMENT", "_NL"}
"""Terminals that are a shape (any name, any number), not a list of words."""

_TERMINAL = re.compile(r"^(?P<name>[A-Z_][A-Z0-9_]*)(?:\.\d+)?\s*:\s*(?P<body>.+?)\s*$", re.M)
_LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"(i?)')
_REGEX = re.compile(r"/((?:[^/\\]|\\.)*)/([a-z]*)")
MAX_WORDS = 500


def grammar_words() -> dict[str, set[str]]:
    """Each terminal of the grammar with the texts it accepts (only finite lists)."""
    text = GRAMMAR.read_text(encoding="utf-8")
    out: dict[str, set[str]] = {}
    for match in _TERMINAL.finditer(text):
        name, body = match.group("name"), match.group("body")
        if name in PATTERNS:
            continue
        words: set[str] = set()
        finite = True
        for literal in _LITERAL.finditer(body):
            words.add(literal.group(1).replace('\\"', '"').replace("\\\\", "\\"))
        for regex in _REGEX.finditer(body):
            expanded = expand(regex.group(1))
            if expanded is None:
                finite = False
            else:
                words.update(expanded)
        if finite and words:
            out[name] = words
    return out


def expand(pattern: str) -> set[str] | None:
    """Every text a regular expression matches, when that is a short finite list; else None.
    Lookarounds are dropped, whitespace classes read as one space."""
    import re._parser as sre  # the standard parser of the `re` module

    try:
        parsed = sre.parse(pattern)
    except re.error:
        return None
    result = _expand(list(parsed))
    return None if result is None else {" ".join(w.split()) for w in result}


def _expand(items: list[object]) -> set[str] | None:
    import re._constants as c

    texts = {""}
    for op, arg in items:  # type: ignore[misc]
        if op is c.LITERAL:
            options: set[str] | None = {chr(arg)}
        elif op is c.SUBPATTERN:
            options = _expand(list(arg[-1]))
        elif op is c.BRANCH:
            options = set()
            for branch in arg[1]:
                found = _expand(list(branch))
                if found is None:
                    return None
                options |= found
        elif op is c.IN:
            options = _char_class(arg)
        elif op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            low, high, inner = arg
            body = _expand(list(inner))
            if body is None:
                return None
            if body <= {" "}:
                options = {" "}  # `\s+`: one space is how the reference writes it
            elif high > 1:
                return None
            else:
                options = body | ({""} if low == 0 else set())
        else:
            return None
        if options is None:
            return None
        texts = {t + o for t in texts for o in options}
        if len(texts) > MAX_WORDS:
            return None
    return texts


def _char_class(items: list[tuple[object, object]]) -> set[str] | None:
    import re._constants as c

    out: set[str] = set()
    for op, arg in items:
        if op is c.LITERAL:
            out.add(chr(arg))  # type: ignore[arg-type]
        elif op is c.CATEGORY and arg is c.CATEGORY_SPACE:
            out.add(" ")
        else:
            return None
    return out


def builder_values() -> Iterator[tuple[str, str]]:
    """Values the builder accepts that the grammar reads as a plain name."""
    from lea_rules.nodes import ActionKind

    for kind in ActionKind:
        yield "soort: (actie)", kind.value
    yield "soort: (indicator)", "kengetal"


def documented(word: str, reference: str) -> bool:
    """`word` stands in the reference as a word of its own (case does not count)."""
    if not word.strip():
        return True
    edge_before = r"(?<![\w-])" if word[0].isalnum() else ""
    edge_after = r"(?![\w])" if word[-1].isalnum() else ""
    return re.search(edge_before + re.escape(word) + edge_after, reference, re.I) is not None


def test_the_grammar_words_are_read() -> None:
    """Not an empty test: the grammar gives its keywords, section words, units and more."""
    words = grammar_words()
    assert "gemeente" in words["KW_GEMEENTE"] and "thema" in words["SECWORD"]
    assert {"%", "uur per week", "ja/nee"} <= words["UNIT"]
    assert {">=", "<"} <= words["CMP"]
    assert len(set().union(*words.values())) > 80


def test_every_word_the_checker_accepts_is_in_the_reference() -> None:
    reference = REFERENCE.read_text(encoding="utf-8")
    missing = [f"{terminal}: '{word}'" for terminal, words in sorted(grammar_words().items())
               for word in sorted(words) if not documented(word, reference)]
    missing += [f"{where}: '{value}'" for where, value in builder_values()
                if not documented(value, reference)]
    assert not missing, ("docs/language.md noemt deze woorden van de taal niet (voeg ze toe, met "
                         "een voorbeeld):\n  " + "\n  ".join(missing))
