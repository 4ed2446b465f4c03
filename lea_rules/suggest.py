"""Suggestions: "bedoelde je ...?" ranked by edit distance.

A candidate is suggested when it is within a third of the word's length (at least one edit)
of the word, or starts with it; the best three are shown, nearest first. A check asks once
per unknown name, so the names are prepared once (`Names`) and each look-up costs about the
same however many names the agenda declares:

- only names of a compatible length are compared, with an edit distance that stops as soon
  as the bound is exceeded, and each word is looked up once;
- one `Names` spends at most EXACT_COMPARISONS comparisons; after that (an agenda with
  thousands of names and thousands of typos) it suggests, from an index, the names one
  edit away and the names that start with the word.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

MAX_WORD = 64
"""Longer words are not typos of a name; skipping them keeps a garbage line cheap."""

EXACT_COMPARISONS = 50_000
"""Comparisons one set of names may spend on exact suggestions (a real agenda, with a hundred
names, uses a few hundred). Beyond it, suggestions come from the one-edit index: the cost of
`lea check` stays linear in the agenda, and a one-letter typo still gets its suggestion."""

PREFIX_SCAN = 200
"""Names starting with the word that the index looks at, at most, per look-up."""


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


def bounded_distance(a: str, b: str, limit: int) -> int:
    """`distance(a, b)` for casefolded a and b when it is at most `limit`, else `limit + 1`.

    Only the band of cells within `limit` of the diagonal is computed (the others are more
    than `limit` anyway), and the computation stops at a row whose every cell exceeds it.
    """
    la, lb = len(a), len(b)
    big = limit + 1
    if abs(la - lb) > limit:
        return big
    if a == b:
        return 0
    prev2: list[int] = []
    prev = [j if j <= limit else big for j in range(lb + 1)]
    for i in range(1, la + 1):
        ca = a[i - 1]
        cur = [big] * (lb + 1)
        if i <= limit:
            cur[0] = i
        lowest = cur[0]
        for j in range(max(1, i - limit), min(lb, i + limit) + 1):
            cb = b[j - 1]
            value = prev[j - 1] + (ca != cb)
            if prev[j] + 1 < value:
                value = prev[j] + 1
            if cur[j - 1] + 1 < value:
                value = cur[j - 1] + 1
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb and prev2[j - 2] + 1 < value:
                value = prev2[j - 2] + 1
            if value > big:
                value = big
            cur[j] = value
            if value < lowest:
                lowest = value
        if lowest > limit:
            return big  # a later row is never lower than this one's lowest cell
        prev2, prev = prev, cur
    return prev[lb]


def _bound(word_length: int, candidate_length: int) -> int:
    return max(1, min(word_length, candidate_length) // 3)


class Names:
    """Candidate names prepared once for many look-ups."""

    def __init__(self, candidates: Iterable[str]) -> None:
        unique = set(candidates)
        self._by_length: dict[int, list[tuple[str, str]]] = {}
        for cand in sorted(unique):
            self._by_length.setdefault(len(cand), []).append((cand, cand.casefold()))
        self._sorted = sorted((cand.casefold(), cand) for cand in unique)
        self._neighbours: dict[str, list[str]] | None = None
        self._memo: dict[str, list[str]] = {}
        self.budget = EXACT_COMPARISONS

    def __len__(self) -> int:
        return len(self._sorted)

    def closest(self, word: str, limit: int = 3) -> list[str]:
        """Candidates close enough to be a typo of `word`, best first."""
        if len(word) > MAX_WORD:
            return []
        key = f"{limit}:{word}"
        found = self._memo.get(key)
        if found is None:
            found = self._closest(word, limit)
            self._memo[key] = found
        return list(found)

    def _closest(self, word: str, limit: int) -> list[str]:
        folded = word.casefold()
        lengths = [length for length in self._by_length
                   if abs(length - len(word)) <= _bound(len(word), length)]
        work = sum(len(self._by_length[length]) for length in lengths)
        exact = work <= self.budget
        scored: dict[str, int] = {}
        if len(word) >= 3:  # a name that starts with the word is suggested however long it is
            start = bisect.bisect_left(self._sorted, (folded, ""))
            for index in range(start, len(self._sorted)):
                cand_folded, cand = self._sorted[index]
                if not cand_folded.startswith(folded) or (not exact and index - start >= PREFIX_SCAN):
                    break
                scored[cand] = len(cand_folded) - len(folded)  # insertions only
            work += len(scored)
        if exact:
            self.budget -= work
            for length in lengths:
                bound = _bound(len(word), length)
                for cand, cand_folded in self._by_length[length]:
                    if cand not in scored:
                        d = bounded_distance(folded, cand_folded, bound)
                        if d <= bound:
                            scored[cand] = d
        else:
            for cand in self._one_edit(folded):
                cand_folded = cand.casefold()
                bound = _bound(len(word), len(cand))
                if cand not in scored and abs(len(cand) - len(word)) <= bound:
                    d = bounded_distance(folded, cand_folded, 1)
                    if d <= 1:
                        scored[cand] = d
        ranked = sorted((d, cand) for cand, d in scored.items())
        return [cand for _, cand in ranked[:limit]]

    def _one_edit(self, folded: str) -> set[str]:
        """Candidates that may be one edit from `folded`: they share a string with at most one
        character deleted (a swap of two neighbours deletes to the same string too)."""
        if self._neighbours is None:
            self._neighbours = {}
            for cand_folded, cand in self._sorted:
                if len(cand_folded) <= MAX_WORD + 1:
                    for variant in _deletions(cand_folded):
                        self._neighbours.setdefault(variant, []).append(cand)
        found: set[str] = set()
        for variant in _deletions(folded):
            found.update(self._neighbours.get(variant, ()))
        return found


def _deletions(text: str) -> set[str]:
    return {text, *(text[:i] + text[i + 1:] for i in range(len(text)))}


def closest(word: str, candidates: Iterable[str] | Names, limit: int = 3) -> list[str]:
    """Candidates close enough to be a typo of `word`, best first."""
    names = candidates if isinstance(candidates, Names) else Names(candidates)
    return names.closest(word, limit)


def did_you_mean(word: str, candidates: Iterable[str] | Names) -> str | None:
    best = closest(word, candidates)
    return meant_one_of(best) if best else None


def meant_one_of(best: list[str]) -> str:
    """`bedoelde je 'a'?`, `bedoelde je 'a' of 'b'?`, `bedoelde je 'a', 'b' of 'c'?`."""
    if len(best) == 1:
        return f"bedoelde je '{best[0]}'?"
    return "bedoelde je " + ", ".join(f"'{c}'" for c in best[:-1]) + f" of '{best[-1]}'?"
