"""Identity of actions and results: fixed codes in the agenda, titles in the progress files.

An item written without a code gets one from its place (`1.1-a3`), which moves when an item
is inserted above it. `lea codes` writes that code into the agenda, so it never moves again,
and writes into each progress entry the title of the item it was written for (`titel:`). The
progress reader compares that title with the item that now has the code: a progress entry
can then never silently re-attach to another item (see lea_rules.data.progress).
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lea_rules import nodes as n
from lea_rules.counts import aantal, opsomming

Item = n.Action | n.Result

# A title in a progress file may differ from the agenda's by small edits (a typo, a comma,
# a quote) and still mean the same item; below this similarity it is another item.
SAME_TITLE_RATIO = 0.8
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                         "\u2014": "-"})


def normalise_title(title: str) -> str:
    """Case, accents' composition, quote style, punctuation and spacing do not count."""
    text = unicodedata.normalize("NFKC", title).translate(_QUOTES).casefold()
    text = re.sub(r"[^\w%]+", " ", text)
    return " ".join(text.split())


def same_title(written: str, current: str) -> bool:
    """Does a title written in a progress file still name the item that has this title now?

    Equal after normalising, or nearly so; but a changed number (85% -> 90%, 2025 -> 2027)
    always makes it another statement.
    """
    a, b = normalise_title(written), normalise_title(current)
    if a == b:
        return True
    if _NUMBER.findall(a) != _NUMBER.findall(b):
        return False
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= SAME_TITLE_RATIO


def find_by_title(title: str, items: Iterable[Item]) -> Item | None:
    """The item whose title `title` names, the closest one when several nearly match."""
    wanted = normalise_title(title)
    best: tuple[float, Item] | None = None
    for item in items:
        if not same_title(title, item.title):
            continue
        ratio = difflib.SequenceMatcher(None, wanted, normalise_title(item.title), autojunk=False).ratio()
        if best is None or ratio > best[0]:
            best = (ratio, item)
    return best[1] if best else None


def shorten(title: str, limit: int = 70) -> str:
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "\u2026"


def yaml_text(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is a subset of YAML's)."""
    return json.dumps(text, ensure_ascii=False)


# --- writing codes into the agenda ----------------------------------------------------------

_ITEM_LINE = re.compile(r"^(\s*)(deelactie|met[ \t]+resultaat|actie|resultaat)(?=\s)")


@dataclass(frozen=True)
class CodeEdit:
    line: int  # 1-based
    kind: str  # the item's keyword: actie | deelactie | met resultaat | resultaat
    code: str
    title: str


def uncoded_items(agenda: n.Agenda) -> list[tuple[str, Item]]:
    """Actions and results whose code comes from their place, in file order."""
    out: list[tuple[str, Item]] = []
    for section in agenda.walk_sections():
        out.extend((n.item_keyword(a), a) for a in section.actions if not a.code_explicit)
        out.extend((n.item_keyword(r), r) for r in section.results if not r.code_explicit)
    out.sort(key=lambda pair: pair[1].span.line)
    return out


def write_codes(text: str, agenda: n.Agenda) -> tuple[str, list[CodeEdit]]:
    """`text` (the agenda file) with the code of every uncoded item written after its keyword.

    The code written is the one the item has now (lea_rules.builder: its place, or the next
    free number when a fixed code holds that place), so nothing that refers to it changes.
    Line endings, BOM, comments and spacing stay as they are.
    """
    lines = text.splitlines(keepends=True)
    edits: list[CodeEdit] = []
    for kind, item in uncoded_items(agenda):
        index = item.span.line - 1
        match = _ITEM_LINE.match(lines[index]) if 0 <= index < len(lines) else None
        if match is None:  # pragma: no cover - the builder made the item from this line
            raise ValueError(f"regel {item.span.line} begint niet met {kind}")
        end = match.end()
        lines[index] = lines[index][:end] + f" {item.code}" + lines[index][end:]
        edits.append(CodeEdit(item.span.line, kind, item.code, item.title))
    return "".join(lines), edits


# --- writing titles into progress files -----------------------------------------------------


@dataclass(frozen=True)
class TitleEdit:
    line: int  # 1-based line of the entry's code
    code: str
    title: str


@dataclass(frozen=True)
class Skipped:
    line: int
    code: str
    why: str


def write_titles(text: str, agenda: n.Agenda) -> tuple[str, list[TitleEdit], list[Skipped]]:
    """`text` (a progress file) with `titel: "..."` added to every entry that has none.

    The title is that of the item that has the entry's code now. Entries whose code the
    agenda does not know, or that are not written as an indented block, are left alone and
    listed as skipped: `lea check` reports them.
    """
    import yaml

    root = yaml.compose(text, Loader=yaml.SafeLoader)
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if text.endswith("\r\n") or "\r\n" in text[:2000] else "\n"
    actions = {a.code.casefold(): a for _, a in agenda.all_actions()}
    results = {r.code.casefold(): r for _, r in agenda.all_results()}
    inserts: list[tuple[int, str]] = []
    edits: list[TitleEdit] = []
    skipped: list[Skipped] = []
    if not isinstance(root, yaml.MappingNode):
        return text, [], []
    for key_node, section in root.value:
        name = str(getattr(key_node, "value", "")).strip().casefold()
        if name not in ("acties", "resultaten") or not isinstance(section, yaml.MappingNode):
            continue
        known: dict[str, n.Action] | dict[str, n.Result] = actions if name == "acties" else results
        for entry_key, entry in section.value:
            if not isinstance(entry_key, yaml.ScalarNode):
                continue
            code = str(entry_key.value).strip()
            line = entry_key.start_mark.line + 1
            item = known.get(code.casefold())
            if item is None:
                skipped.append(Skipped(line, code, "de agenda heeft geen item met deze code"))
                continue
            if not isinstance(entry, yaml.MappingNode) or entry.flow_style or not entry.value:
                skipped.append(Skipped(line, code, "geen ingesprongen blok"))
                continue
            props = {str(getattr(k, "value", "")).strip().casefold() for k, _ in entry.value}
            if "titel" in props:
                continue
            first = entry.value[0][0]
            indent = " " * first.start_mark.column
            inserts.append((first.start_mark.line, f"{indent}titel: {yaml_text(item.title)}{newline}"))
            edits.append(TitleEdit(line, item.code, item.title))
    for index, new_line in sorted(inserts, reverse=True):
        lines.insert(index, new_line)
    return "".join(lines), edits, skipped


def progress_files(data_dir: Path) -> list[Path]:
    """The progress files of a data folder, oldest year first."""
    if not data_dir.is_dir():
        return []
    return sorted(p for p in data_dir.glob("voortgang-*.yaml") if p.is_file())


# Each kind of item lea codes writes a code for, in its singular and plural.
KIND_WORDS = (("actie", "actie", "acties"), ("deelactie", "deelactie", "deelacties"),
              ("resultaat", "resultaat", "resultaten"),
              ("met resultaat", "resultaat bij een actie (met resultaat)",
               "resultaten bij een actie (met resultaat)"))


def count_words(edits: Sequence[CodeEdit]) -> str:
    """How many items of each kind: "1 actie, 3 deelacties en 33 resultaten"."""
    return opsomming([aantal(n, one, many) for kind, one, many in KIND_WORDS
                      if (n := sum(1 for e in edits if e.kind == kind))])
