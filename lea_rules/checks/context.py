"""Shared context for checks: the agenda, its source, and helpers to make located diagnostics."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lea_rules import nodes as n
from lea_rules.diagnostics import Diagnostic, error, warning
from lea_rules.source import SourceFile, Span


def heading(section: n.Section) -> str:
    num = f" {section.number}" if section.number else ""
    title = section.title if len(section.title) <= 60 else section.title[:57] + "..."
    return f"{section.word}{num} \u201c{title}\u201d"


@dataclass(frozen=True)
class CheckContext:
    agenda: n.Agenda
    source: SourceFile
    _places: tuple[tuple[int, str | None], ...] = field(default=(), init=False, repr=False,
                                                         compare=False)
    _lines: tuple[int, ...] = field(default=(), init=False, repr=False, compare=False)
    _where: dict[int, str] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Where each heading starts to apply; a `begroting` block stands outside the sections,
        # an action or result always sits under its own section. The builder follows the same rule.
        places: list[tuple[int, str | None]] = []
        for section in self.agenda.walk_sections():
            where = self.section_context(section)
            self._where[id(section)] = where  # asked again for every goal by every check
            places.append((section.span.line, where))
            places.extend((action.span.line, where) for action in section.actions)
            places.extend((result.span.line, where) for result in section.results)
        # A declaration is agenda-wide, also when written below a section: no `= onder:`.
        places.extend((budget.span.line, None) for budget in self.agenda.budgets)
        places.extend((indicator.span.line, None) for indicator in self.agenda.indicators)
        places.extend((declared.span.line, None) for declared in self.agenda.declarations)
        places.extend((term.span.line, None) for term in self.agenda.definitions)
        places.sort(key=lambda place: place[0])
        object.__setattr__(self, "_places", tuple(places))
        object.__setattr__(self, "_lines", tuple(place[0] for place in places))

    def context_at(self, line: int) -> str | None:
        """The heading a line sits under, as the `= onder:` line of a diagnostic shows it."""
        index = bisect.bisect_right(self._lines, line) - 1
        return self._places[index][1] if index >= 0 else None

    @property
    def base_dir(self) -> Path:
        return Path(self.source.path).resolve().parent

    def error(self, code: str, title: str, message: str, span: Span, **kw: Any) -> Diagnostic:
        return error(code, title, message, span, path=self.source.path, **kw)

    def warning(self, code: str, title: str, message: str, span: Span, **kw: Any) -> Diagnostic:
        return warning(code, title, message, span, path=self.source.path, **kw)

    def section_context(self, section: n.Section) -> str:
        known = self._where.get(id(section))
        if known is not None:
            return known
        parent = self.agenda.parent_of(section)
        if parent is not None:
            return f"{heading(parent)} > {heading(section)}"
        return heading(section)

    def goals(self) -> Iterator[tuple[n.Section, n.Result, n.Goal]]:
        """Every goal, original and revised, with where it sits."""
        for section, result in self.agenda.all_results():
            for goal in result.goals:
                yield section, result, goal
            for revision in result.revisions:
                for goal in revision.goals:
                    yield section, result, goal

    def provenances(self) -> Iterator[tuple[str | None, n.Provenance]]:
        yield None, self.agenda.provenance
        for definition in self.agenda.definitions:
            yield None, definition.provenance
        for indicator in self.agenda.indicators:
            yield None, indicator.provenance
        for section in self.agenda.walk_sections():
            ctx = self.section_context(section)
            yield ctx, section.provenance
            for action in section.actions:
                yield ctx, action.provenance
            for result in section.results:
                yield ctx, result.provenance
        for budget in self.agenda.budgets:
            yield None, budget.provenance
            for post in budget.posts:
                yield None, post.provenance
