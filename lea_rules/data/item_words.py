"""How a progress file's messages name an item of the agenda: by its own kind.

A block under `acties:` may be about a deelactie, one under `resultaten:` about a result of an
action (`met resultaat`). A message that knows the item says so ("de deelactie “Sportmenu”",
"het resultaat “...” bij actie 1.1-a1"), never "de actie" for a deelactie.
"""

from __future__ import annotations

from lea_rules.codes import shorten
from lea_rules.nodes import Action, Result

# Dutch articles and pronouns: de actie (ze, haar), het resultaat (het, zijn).
WORDS = {"actie": {"de": "de", "dezelfde": "dezelfde", "het": "ze", "zijn": "haar"},
         "deelactie": {"de": "de", "dezelfde": "dezelfde", "het": "ze", "zijn": "haar"},
         "resultaat": {"de": "het", "dezelfde": "hetzelfde", "het": "het", "zijn": "zijn"}}


def kind_of(item: Action | Result | None, section_kind: str) -> str:
    """`actie`, `deelactie` or `resultaat`; the kind of the file's section (`actie`,
    `resultaat`) when the item is not known."""
    if isinstance(item, Action):
        return "deelactie" if item.parent is not None else "actie"
    if isinstance(item, Result):
        return "resultaat"
    return section_kind


def named(item: Action | Result, actions: dict[str, Action | Result]) -> str:
    """The item with its article, kind and title; a result of an action also names the action:
    `het resultaat “...” bij deelactie 1.1-a1-d1`."""
    kind = kind_of(item, "")
    text = f"{WORDS[kind]['de']} {kind} \u201c{shorten(item.title)}\u201d"
    if isinstance(item, Result) and item.action is not None:
        owner = actions.get(item.action.casefold())
        text += f" bij {kind_of(owner, 'actie')} {item.action}"
    return text
