"""Nesting as written: a plain `resultaat` or `actie` indented under an action (W300, W301).

Structure comes from keywords, never from indentation: a plain `resultaat` belongs to its
section, a plain `actie` is an action of its own, wherever the writer put them. Indented deeper
than the action above, they look as if they belonged to it; this check says what they belong
to and offers the keyword that nests them (`met resultaat`, `deelactie`). `lea fmt` sets the
indentation that shows what each item belongs to, and so ends these warnings.
"""

from __future__ import annotations

from collections.abc import Iterator

from lea_rules import nodes as n
from lea_rules.checks.context import CheckContext
from lea_rules.diagnostics import Diagnostic

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


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for section in ctx.agenda.walk_sections():
        yield from _section(ctx, section)


def _section(ctx: CheckContext, section: n.Section) -> Iterator[Diagnostic]:
    """Reads the section's items in file order as the builder does (lea_rules.build_nesting)."""
    items: list[n.Action | n.Result] = sorted((*section.actions, *section.results),
                                              key=lambda item: item.span.line)
    action: n.Action | None = None  # the last actie
    owner: n.Action | None = None  # the last actie or deelactie
    looks_nested = False  # every plain resultaat since the action was indented under it
    for item in items:
        indent = indent_of(ctx.source.line_text(item.span.line))
        if isinstance(item, n.Action):
            if item.parent is None:
                if action is not None and looks_nested and indent > _indent(ctx, action):
                    yield _action_warning(ctx, section, item, action)
                action = item
            owner, looks_nested = item, True
        elif item.action is not None:
            looks_nested = True
        elif owner is not None and action is not None and looks_nested \
                and indent > _indent(ctx, action):
            yield _result_warning(ctx, section, item, action, owner, indent > _indent(ctx, owner))
        else:
            looks_nested = False


def _indent(ctx: CheckContext, item: n.Action) -> int:
    return indent_of(ctx.source.line_text(item.span.line))


def _name(item: n.Action) -> str:
    title = item.title if len(item.title) <= 50 else item.title[:49].rstrip() + "\u2026"
    return f"{n.item_keyword(item)} \u201c{title}\u201d"


def _where(ctx: CheckContext, section: n.Section) -> str:
    return ctx.section_context(section).rsplit(" > ", 1)[-1]


def _notes(item: n.Action | n.Result) -> tuple[str, ...]:
    """Nested, an item without a fixed code gets another code: say how to keep it."""
    if item.code_explicit:
        return ()
    it = "ze" if isinstance(item, n.Action) else "het"
    return (f"genest krijgt {it} een code van die actie; verwijst een voortgangsbestand naar de "
            f"code die {it} nu heeft ({item.code}), leg de codes dan eerst vast met `lea codes`",)


def _action_warning(ctx: CheckContext, section: n.Section, item: n.Action,
                    above: n.Action) -> Diagnostic:
    name = _name(above)
    return ctx.warning("W301", "actie ingesprongen onder een actie",
                       f"deze actie is ingesprongen onder {name}, maar hoort bij "
                       f"{_where(ctx, section)}: inspringen bepaalt niets", item.span,
                       context=ctx.section_context(section), notes=_notes(item),
                       help=f"schrijf 'deelactie' om haar bij {name} te laten horen; hoort ze bij "
                            "het onderdeel, haal dan de inspringing weg (`lea fmt`)")


def _result_warning(ctx: CheckContext, section: n.Section, item: n.Result, action: n.Action,
                    owner: n.Action, under_owner: bool) -> Diagnostic:
    under = owner if under_owner else action
    name = _name(under)
    if under_owner:
        fix = f"schrijf 'met resultaat' om het bij {name} te laten horen"
    else:  # under the actie, beside its deelactie: `met resultaat` here would go to that one
        fix = (f"zet het als 'met resultaat' direct onder {name}, boven haar deelacties "
               "(hier zou 'met resultaat' bij de deelactie erboven horen)")
    return ctx.warning("W300", "resultaat ingesprongen onder een actie",
                       f"dit resultaat is ingesprongen onder {name}, maar hoort bij "
                       f"{_where(ctx, section)}: inspringen bepaalt niets", item.span,
                       context=ctx.section_context(section), notes=_notes(item),
                       help=fix + "; hoort het bij het onderdeel, haal dan de inspringing weg "
                                  "(`lea fmt`)")
