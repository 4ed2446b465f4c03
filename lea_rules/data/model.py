"""Data model: one observation of one indicator for one period, and the writer's yearly progress."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, PlainValidator, WithJsonSchema

from lea_rules.numbers import format_dutch
from lea_rules.period import Period, TargetMoment, as_period, as_target

PeriodField = Annotated[Period, PlainValidator(as_period), PlainSerializer(lambda p: p.text, return_type=str),
                        WithJsonSchema({"type": "string"})]
"""A model field holding a Period; its canonical text (`2022/2023`) when serialised (files, JSON)."""

TargetMomentField = Annotated[TargetMoment, PlainValidator(as_target),
                              PlainSerializer(lambda m: m.text, return_type=str),
                              WithJsonSchema({"type": "string"})]
"""A target moment; serialised as `2027`, or `2027 (einde periode)` when taken from the agenda's end."""


class ObservationStatus(str, Enum):
    PROVISIONAL = "voorlopig"
    FINAL = "definitief"


class Observation(BaseModel):
    """A value as it is stored in `data/<gemeente>/observaties.csv`.

    `period` is typed; in the file it is written as in the domain: `2023` (kalenderjaar),
    `2022/2023` (schooljaar) or `2022-01-01` (peildatum, ISO). Exactly one of value, rating,
    flag is set.
    """

    model_config = ConfigDict(frozen=True)

    indicator: str
    period: PeriodField
    value: Decimal | None = None
    rating: str | None = None  # categorical: "goed"
    flag: bool | None = None  # ja/nee
    breakdown: str | None = Field(
        default=None, description="the breakdown unit (uitsplitsing: IKC, school, wijk) or None for the "
                                  "total; the `eenheid` column of observaties.csv")
    source: str = Field(
        description="where the figure comes from: document and place, or the delivering source")
    status: ObservationStatus = ObservationStatus.FINAL
    illustrative: bool = Field(
        default=False, description="True for made-up demo figures; shown as such everywhere")
    series: str | None = Field(
        default=None, description="series/definition label; a change marks a trendbreuk")
    note: str | None = None


def observation_value_text(obs: Observation) -> str:
    """The stored value as text: Dutch number, ja/nee or the rating word; "" when there is none."""
    if obs.flag is not None:
        return "ja" if obs.flag else "nee"
    if obs.rating is not None:
        return obs.rating
    return format_dutch(obs.value) if obs.value is not None else ""


class FigureRevision(BaseModel):
    """A stored observation replaced by a new one; what it was stays on record.

    `old`/`new` are the values (equal when only the details changed); `change` lists every
    field that changed, old -> new (`bron: 'A' → 'B'; illustratief: 1 → 0`). Files written
    before `change` existed have no such column: `change` is then None (the value changed).
    """

    model_config = ConfigDict(frozen=True)

    indicator: str
    period: PeriodField
    breakdown: str | None = None  # the breakdown unit (uitsplitsing), as for an Observation
    old: str
    new: str
    reason: str
    revised_on: date
    file: str | None = None
    change: str | None = None


class ActionState(str, Enum):
    PLANNED = "gepland"
    RUNNING = "lopend"
    DONE = "afgerond"
    DELAYED = "vertraagd"
    STOPPED = "gestopt"


class ReportedState(str, Enum):
    """The writer's yearly assessment of a milestone, categorical or qualitative result."""

    REALISED = "gerealiseerd"
    ON_SCHEDULE = "op schema"
    DELAYED = "vertraagd"
    AT_RISK = "risico"
    NOT_REALISED = "niet gerealiseerd"
    STOPPED = "gestopt"
    NOT_STARTED = "nog niet gestart"


class ActionProgress(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    status: ActionState
    toelichting: str | None = None


class ActPlan(BaseModel):
    """Act step for an oranje or rood result: cause, consequence and correction."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    oorzaak: str
    gevolg: str
    bijsturing: str


class ResultProgress(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    stand: ReportedState | None = None
    toelichting: str | None = None
    act: ActPlan | None = None


class Progress(BaseModel):
    """`data/<gemeente>/voortgang-<jaar>.yaml`, written by the policy writer."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    gemeente: str
    jaar: int
    acties: dict[str, ActionProgress] = Field(default_factory=dict)
    resultaten: dict[str, ResultProgress] = Field(default_factory=dict)
    illustratief: bool = False
    # the day the planning of actions is checked on; None: 31 december of `jaar`
    peildatum: date | None = None
