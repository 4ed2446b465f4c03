"""Counts in the command line's Dutch summary lines: "1 actie", "2 acties", "a, b en c"."""

from __future__ import annotations

from collections.abc import Sequence


def aantal(count: int, one: str, many: str) -> str:
    """`count` with the noun in the singular for exactly one: aantal(1, "rij", "rijen") == "1 rij"."""
    return f"{count} {one if count == 1 else many}"


def opsomming(parts: Sequence[str]) -> str:
    """Dutch enumeration: "a", "a en b", "a, b en c"."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " en " + parts[-1]
