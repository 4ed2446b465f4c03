"""A group's units in words: `IKC` -> `IKC's`, `VO-school` -> `VO-scholen`, and several groups
together (`school en/of wijk`) as `scholen en wijken`."""

from __future__ import annotations


def plural(group: str, count: int = 2) -> str:
    """`IKC` -> `IKC's`, `VO-school` -> `VO-scholen`, `kindcentrum` -> `kindcentra`, `wijk` -> `wijken`."""
    if count == 1:
        return group
    lower = group.casefold()
    if lower.endswith("school"):
        return group[:-3] + "olen"  # school -> scholen
    if lower.endswith("centrum"):
        return group[:-2] + "a"
    if group.upper() == group or lower[-1] in "aiouy":
        return group + "'s"
    if lower.endswith("e"):
        return group + "s"
    return group + "en"


def counted(group: str, count: int = 2) -> str:
    """A group as written in the agenda (`IKC`, `IKC's`, `kindcentrum`) for `count` of them:
    `alle IKC's`, `3 van 4 kindcentra`, `1 van 4 kindcentrum`; a name written in the plural stays."""
    for suffix in ("'s", "\u2019s"):
        if group.endswith(suffix):
            group = group[: -len(suffix)]
    return plural(group, count)


def _joined(words: list[str], last: str) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {last} {words[-1]}"


def plural_groups(groups: tuple[str, ...], count: int = 2, lang: str = "nl") -> str:
    """`plural` of each group, joined: `scholen en wijken`; for one unit `school of wijk`."""
    last = ("of" if count == 1 else "en") if lang == "nl" else ("or" if count == 1 else "and")
    return _joined([plural(g, count) for g in groups] or [""], last)


def counted_groups(groups: tuple[str, ...], count: int = 2, lang: str = "nl") -> str:
    """`counted` of each group, joined: `alle IKC's en VO-scholen`, `3 van 12 scholen en wijken`."""
    last = ("of" if count == 1 else "en") if lang == "nl" else ("or" if count == 1 else "and")
    return _joined([counted(g, count) for g in groups] or [""], last)


def named_groups(groups: tuple[str, ...], lang: str = "nl") -> str:
    """The groups by name, joined: `IKC`, `school en wijk` (`school and wijk`)."""
    return _joined(list(groups) or [""], "en" if lang == "nl" else "and")
