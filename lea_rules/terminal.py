"""What lea writes to a terminal never carries raw control characters from agenda or data text.

A title or a spreadsheet cell may hold ESC sequences (colours, clearing the screen, OSC-8 links)
or bidi controls that reorder what the reader sees. For human text every such character becomes
one visible stand-in (so carets under a source line stay aligned): C0 controls become their
Control Pictures sign (ESC -> U+241B), C1 controls and bidi controls become U+FFFD. JSON keeps
the data exactly: those characters are written as escapes (`\\u202e`), which JSON reads back as
the same text.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Literal

Mode = Literal["text", "json", "raw"]

_BIDI = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
_TEXT = {i: chr(0x2400 + i) for i in range(0x20) if i not in (0x09, 0x0A)}
_TEXT[0x7F] = "\u2421"
_TEXT.update({i: "\ufffd" for i in (*range(0x80, 0xA0), *_BIDI)})
# JSON already escapes C0 controls; C1 and bidi controls are left raw by ensure_ascii=False.
_JSON = {i: f"\\u{i:04x}" for i in (0x7F, *range(0x80, 0xA0), *_BIDI)}
TEXT_TABLE = str.maketrans(_TEXT)
BIDI_TABLE = str.maketrans({i: "\ufffd" for i in _BIDI})  # for HTML: the rest is escaped there
JSON_TABLE = str.maketrans(_JSON)


def printable(text: str) -> str:
    """`text` with every control character replaced by one visible character."""
    return text.translate(TEXT_TABLE)


class GuardedStream:
    """A text stream that translates what is written to it; everything else is the original's."""

    def __init__(self, stream: IO[str], table: dict[int, str]) -> None:
        self._stream = stream
        self._table = table

    def write(self, text: str) -> int:
        self._stream.write(text.translate(self._table))
        return len(text)

    def writelines(self, lines: Iterator[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


@contextmanager
def guarded(stdout_mode: Mode = "text") -> Iterator[None]:
    """Within the block, stderr is always human text; stdout as `stdout_mode` says."""
    original_out, original_err = sys.stdout, sys.stderr
    sys.stderr = GuardedStream(original_err, TEXT_TABLE)
    if stdout_mode != "raw":
        table = JSON_TABLE if stdout_mode == "json" else TEXT_TABLE
        sys.stdout = GuardedStream(original_out, table)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = original_out, original_err
