"""The stretch of a long document line that is most like a quote (E252's `op regel N staat`).

A line of a text extraction can be a whole paragraph (1.000 characters and more); its first
hundred characters rarely show the writer where their quote went wrong. This picks the
window of the line's words that shares the most with the quote, in order.
"""

from __future__ import annotations

import re

WIDTH = 100
_WORD = re.compile(r"\S+")
_BARE = re.compile(r"[^\w%€]+")


def closest_stretch(line: str, quote: str, width: int = WIDTH) -> str:
    """`line` (spaces made single) if it fits in `width`, else the stretch of about `width`
    characters most like `quote`, with `...` where it is cut."""
    shown = " ".join(line.split())
    if len(shown) <= width:
        return shown
    from difflib import SequenceMatcher

    words = list(_WORD.finditer(shown))
    bare = [_bare(m.group(0)) for m in words]
    wanted = [w for w in (_bare(q) for q in quote.split()) if w]
    size = max(1, min(len(wanted), len(words)))
    best, best_score = 0, -1.0
    matcher = SequenceMatcher(autojunk=False)
    matcher.set_seq2(wanted)
    for start in range(0, max(1, len(words) - size + 1)):
        matcher.set_seq1(bare[start:start + size])
        score = matcher.ratio()
        if score > best_score:  # the first of equal windows: the earliest place
            best, best_score = start, score
    begin = words[best].start()
    end = words[min(best + size, len(words)) - 1].end()
    if end - begin < width:  # widen to `width` around the stretch, more after it than before
        spare = width - (end - begin)
        begin = max(0, begin - spare // 3)
        end = min(len(shown), begin + width)
        begin = max(0, end - width)
    else:
        end = begin + width
    # whole words only
    if begin > 0:
        begin = shown.find(" ", begin - 1) + 1 if shown[begin - 1] != " " else begin
    if end < len(shown) and shown[end] != " ":
        cut = shown.rfind(" ", begin, end)
        end = cut if cut > begin else end
    text = shown[begin:end].strip()
    return ("..." if begin > 0 else "") + text + ("..." if end < len(shown) else "")


def _bare(word: str) -> str:
    return _BARE.sub("", word.casefold())
