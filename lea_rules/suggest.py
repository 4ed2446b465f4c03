"""Suggestions: "bedoelde je ...?" ranked by edit distance."""

from __future__ import annotations

from collections.abc import Iterable

MAX_WORD = 64
"""Longer words are not typos of a name; skipping them keeps a garbage line cheap."""


def distance(a: str, b: str) -> int:
    """Optimal string alignment distance (Levenshtein plus adjacent swaps), case-insensitive."""
    a, b = a.casefold(), b.casefold()
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def closest(word: str, candidates: Iterable[str], limit: int = 3) -> list[str]:
    """Candidates close enough to be a typo of `word`, best first."""
    scored = []
    if len(word) > MAX_WORD:
        return []
    folded = word.casefold()
    for cand in set(candidates):
        prefix = len(word) >= 3 and cand.casefold().startswith(folded)
        # Cheap bound first: the distance is at least the difference in length.
        if abs(len(cand) - len(word)) > max(1, min(len(word), len(cand)) // 3) and not prefix:
            continue
        d = distance(word, cand)
        threshold = max(1, min(len(word), len(cand)) // 3)
        if d <= threshold or prefix:
            scored.append((d, cand))
    scored.sort()
    return [c for _, c in scored[:limit]]


def did_you_mean(word: str, candidates: Iterable[str]) -> str | None:
    best = closest(word, candidates)
    if not best:
        return None
    if len(best) == 1:
        return f"bedoelde je '{best[0]}'?"
    return "bedoelde je " + ", ".join(f"'{c}'" for c in best[:-1]) + f" of '{best[-1]}'?"
