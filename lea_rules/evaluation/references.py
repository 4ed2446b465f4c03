"""The `zie:` lines in the evaluation: each reference with the item it points at."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from lea_rules import nodes as n
from lea_rules.references import resolve


class ReferenceRecord(BaseModel):
    """A `zie:` line: as written, and what it points at (lea check made sure it exists)."""

    model_config = ConfigDict(frozen=True)

    written: str = Field(description="as the agenda writes it after `zie:` (ambitie 1.2, actie p1-a1)")
    kind: str = Field(description="what it points at: the onderdeel's own word (thema, ambitie, doel, ...), "
                                  "actie, deelactie or resultaat")
    code: str = Field(description="the onderdeel's number or the item's code, as the agenda has it")
    title: str = Field(description="the title of the onderdeel or item pointed at")


class SectionReferences(BaseModel):
    """The `zie:` lines of one onderdeel."""

    model_config = ConfigDict(frozen=True)

    section: str = Field(description="the onderdeel as `zie:` names it: word and number (ambitie 1.2), or "
                                     "its word alone when it has no number")
    section_path: list[str]
    references: list[ReferenceRecord]


def references(agenda: n.Agenda, provenance: n.Provenance) -> list[ReferenceRecord]:
    """The references of an item that point at something, in file order (lea check refuses the
    others, so an evaluated agenda has none)."""
    out: list[ReferenceRecord] = []
    for ref in provenance.references:
        found = resolve(agenda, ref)
        if found is not None:
            out.append(ReferenceRecord(written=ref.written, kind=found.kind, code=found.key,
                                       title=found.item.title))
    return out


def section_references(agenda: n.Agenda, path: list[str], section: n.Section) -> SectionReferences | None:
    refs = references(agenda, section.provenance)
    if not refs:
        return None
    name = f"{section.word} {section.number}" if section.number else section.word
    return SectionReferences(section=name, section_path=path, references=refs)
