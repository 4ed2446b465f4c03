"""Status: the statuses of the method, their colours and the kinds of goal, as enums.

The values are the Dutch words of evaluation-method.md: they are what the JSON twin carries and
what a dashboard shows. Sentences about them (the English names too) are in lea_rules/words.
"""

from __future__ import annotations

from enum import Enum


class Colour(str, Enum):
    GREEN = "groen"
    ORANGE = "oranje"
    RED = "rood"
    GREY = "grijs"


class Status(str, Enum):
    ALREADY_MET = "Doel al bereikt"
    MET_DETERIORATING = "Bereikt, maar verslechterend"
    ON_TRACK = "Op koers"
    ACCELERATION_NEEDED = "Versnelling nodig"
    INSUFFICIENT_PROGRESS = "Onvoldoende voortgang"
    WRONG_DIRECTION = "Verkeerde richting"
    ACHIEVED = "Behaald"
    ALMOST_ACHIEVED = "Nagenoeg behaald"
    NOT_ACHIEVED_IMPROVED = "Niet behaald, wel verbeterd"
    NOT_ACHIEVED = "Niet behaald"
    FINAL_PENDING = "Eindmeting nog niet beschikbaar"
    NO_DATA = "Geen gegevens"
    TOO_FEW_POINTS = "Onvoldoende gegevens voor trend"
    SERIES_BREAK = "Trendbreuk"
    NOT_ASSESSED = "Nog niet beoordeeld"
    NOT_STARTED = "Nog niet gestart"  # writer's stand "nog niet gestart" (grijs)
    INCOMPLETE = "Gegevens onvolledig"  # count over units: missing units could still decide it (grijs)
    NOT_JUDGEABLE = "Niet te beoordelen"  # the target cannot be computed from its reference (basis 0)

    @property
    def colour(self) -> Colour:
        return STATUS_COLOUR[self]


STATUS_COLOUR: dict[Status, Colour] = {
    Status.ALREADY_MET: Colour.GREEN, Status.MET_DETERIORATING: Colour.ORANGE,
    Status.ON_TRACK: Colour.GREEN, Status.ACCELERATION_NEEDED: Colour.ORANGE,
    Status.INSUFFICIENT_PROGRESS: Colour.RED, Status.WRONG_DIRECTION: Colour.RED,
    Status.ACHIEVED: Colour.GREEN, Status.ALMOST_ACHIEVED: Colour.ORANGE,
    Status.NOT_ACHIEVED_IMPROVED: Colour.ORANGE, Status.NOT_ACHIEVED: Colour.RED,
    Status.FINAL_PENDING: Colour.GREY, Status.NO_DATA: Colour.GREY,
    Status.TOO_FEW_POINTS: Colour.GREY, Status.SERIES_BREAK: Colour.GREY,
    Status.NOT_ASSESSED: Colour.GREY, Status.NOT_STARTED: Colour.GREY, Status.INCOMPLETE: Colour.GREY,
    Status.NOT_JUDGEABLE: Colour.GREY,
}


class GoalKind(str, Enum):
    """The kind of a goal, as the JSON `kind` names it."""

    THRESHOLD = "drempel"
    LEVEL = "niveau"
    DIRECTION = "richting"
    RELATIVE = "relatief"
    ABSOLUTE = "absoluut"
    TREND = "trend"
    UNITS = "eenheden"
    CATEGORICAL = "categorisch"
    MILESTONE = "mijlpaal"
    QUALITATIVE = "kwalitatief"

    @property
    def numeric(self) -> bool:
        """Judged on figures, with a baseline and a change per year."""
        return self not in (GoalKind.CATEGORICAL, GoalKind.MILESTONE, GoalKind.QUALITATIVE)

    @property
    def reported(self) -> bool:
        """Judged on the writer's stand alone (a milestone or a qualitative result)."""
        return self in (GoalKind.MILESTONE, GoalKind.QUALITATIVE)


class BaselineKind(str, Enum):
    """Where the baseline y0 comes from, as the JSON `baseline_kind` names it."""

    EXPLICIT = "expliciet"  # a `basis:` line in the agenda
    FROM_GOAL = "jaar uit het doel"  # the reference year the target names
    NULMETING = "nulmeting"  # the latest figure from before the agenda's period
    FIRST = "eerste meting"  # no earlier figure: the first one
