"""Aspiration: how the verdict on a `streven:` is said, so that a missed aspiration never reads as a
broken promise.

A streven ("we streven ernaar dat ...", "zoveel mogelijk") is judged exactly like a doel: same
baseline, same ratio, same `Status` in the JSON. What differs is how it is shown. A raad member who
reads "Niet behaald" in red reads a broken promise; the document only aspired. So the status of a
streven is said with the word streven in it ("Streven niet bereikt"), and it is never red: the
worst an aspiration shows is oranje, a signal to look at, not a norm that was broken. Statuses that
say the figures are missing or cannot be judged (grijs) are said as they are: missing data is
missing data, whatever the target.

The values are the Dutch words shown (like `Status`); lea_rules/words/en.py has the English.
"""

from __future__ import annotations

from enum import Enum

from lea_rules.verdict.status import Colour, Status


class Aspiration(str, Enum):
    ALREADY_REACHED = "Streven al bereikt"
    REACHED_DETERIORATING = "Streven bereikt, maar verslechterend"
    ON_THE_WAY = "Op weg naar het streven"
    SLOWER = "Langzamer dan het streven"
    FAR_BEHIND = "Ver achter bij het streven"
    MOVING_AWAY = "Beweegt van het streven af"
    REACHED = "Streven bereikt"
    ALMOST_REACHED = "Streven bijna bereikt"
    NOT_REACHED_IMPROVED = "Streven niet bereikt, wel verbeterd"
    NOT_REACHED = "Streven niet bereikt"

    @property
    def colour(self) -> Colour:
        return ASPIRATION_COLOUR[self]


ASPIRATION: dict[Status, Aspiration] = {
    Status.ALREADY_MET: Aspiration.ALREADY_REACHED,
    Status.MET_DETERIORATING: Aspiration.REACHED_DETERIORATING,
    Status.ON_TRACK: Aspiration.ON_THE_WAY,
    Status.ACCELERATION_NEEDED: Aspiration.SLOWER,
    Status.INSUFFICIENT_PROGRESS: Aspiration.FAR_BEHIND,
    Status.WRONG_DIRECTION: Aspiration.MOVING_AWAY,
    Status.ACHIEVED: Aspiration.REACHED,
    Status.ALMOST_ACHIEVED: Aspiration.ALMOST_REACHED,
    Status.NOT_ACHIEVED_IMPROVED: Aspiration.NOT_REACHED_IMPROVED,
    Status.NOT_ACHIEVED: Aspiration.NOT_REACHED,
}
"""Every status that judges the figures (groen, oranje, rood), said as a streven."""

ASPIRATION_COLOUR: dict[Aspiration, Colour] = {
    aspiration: Colour.GREEN if status.colour is Colour.GREEN else Colour.ORANGE
    for status, aspiration in ASPIRATION.items()
}
"""Green stays green; oranje and rood both become oranje: an aspiration is never red."""


def as_aspiration(status: Status) -> Aspiration | None:
    """The status of a streven as shown; None for a grijs status, which is said as it is."""
    return ASPIRATION.get(status)
