"""Cache: small marshal files that spare `lea check` work it did on the previous save.

Everything here is an optimisation only: a missing, damaged, foreign or unwritable cache
costs speed, never correctness, and never an exception.

- Where: LEA_CACHE_DIR, else $XDG_CACHE_HOME/lea_rules, else ~/.cache/lea_rules.
  LEA_NO_CACHE=1 switches the cache off. The tests set LEA_CACHE_DIR to a folder of their own.
- Private: the folder is made 0700 (a looser folder of ours is tightened), each file 0600. A
  folder that belongs to another user, or that others may write to, is not used at all.
- Checked: a file starts with MAGIC and a BLAKE2 digest of its name and its contents; a file
  that does not match (cut off, damaged, copied from another name) is removed and read as
  absent. What a value means is checked by its user: the parse cache, for instance, checks
  every cached tree against the text of its line (`lea_rules/syntax.py`).
- Bounded: a file holds at most MAX_FILE_BYTES; the folder keeps at most MAX_FILES files and
  MAX_TOTAL_BYTES together, the least recently used are removed first (a read counts as a use).
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import re
import stat
import tempfile
import time
from pathlib import Path
from typing import Any

MAGIC = b"lea-cache 2\n"
DIGEST_BYTES = 32

MAX_FILE_BYTES = 64 * 1024 * 1024
"""The parse cache of the largest agenda (2 MB of goal lines) is about 30 MB, that of a real
agenda a few hundred kB; a document index is about the size of its document (at most 10 MB)."""

MAX_FILES = 64
"""Files kept in the folder: one per agenda checked recently, one per cited document."""

MAX_TOTAL_BYTES = 256 * 1024 * 1024
"""All cache files together."""

STALE_TEMP_SECONDS = 3600
"""A half-written temporary file this old was left by a process that was killed."""

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\.marshal")


def cache_dir() -> Path | None:
    """The cache folder to use, or None when the cache is switched off."""
    if os.environ.get("LEA_NO_CACHE"):
        return None
    base = os.environ.get("LEA_CACHE_DIR")
    if not base:
        home = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        base = os.path.join(home, "lea_rules")
    return Path(base)


def read(name: str) -> Any:
    """The value stored under `name` (a file name such as `lines-....marshal`), or None."""
    folder = _folder(create=False)
    if folder is None or not _NAME.fullmatch(name):
        return None
    path = folder / name
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES + len(MAGIC) + DIGEST_BYTES:
            _drop(path)
            return None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read()
    except OSError:
        return None
    finally:
        os.close(fd)
    start = len(MAGIC) + DIGEST_BYTES
    payload = data[start:]
    if data[:len(MAGIC)] != MAGIC or data[len(MAGIC):start] != _digest(name, payload):
        _drop(path)  # damaged, cut off, from an older version, or copied from another name
        return None
    try:
        value = marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        _drop(path)
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: the last to be removed when the folder is full
    return value


def write(name: str, value: Any) -> None:
    """Store `value` (anything marshal stores) under `name`; silently nothing when it cannot."""
    folder = _folder(create=True)
    if folder is None or not _NAME.fullmatch(name):
        return
    try:
        payload = marshal.dumps(value)
    except (ValueError, TypeError):  # too deep, or not marshallable
        return
    if len(payload) > MAX_FILE_BYTES:
        _drop(folder / name)
        return
    temp = None
    try:
        # mkstemp makes the file 0600; os.replace puts it in place in one step, and replaces
        # a symbolic link planted under this name rather than following it.
        fd, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(MAGIC + _digest(name, payload) + payload)
        os.replace(temp, folder / name)
        temp = None
        prune(folder)
    except OSError:
        pass
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)


def prune(folder: Path) -> None:
    """Keep the folder within MAX_FILES and MAX_TOTAL_BYTES, least recently used out first."""
    now = time.time()
    files: list[tuple[float, int, Path]] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if entry.name.startswith(".") and entry.name.endswith(".tmp"):
            if now - info.st_mtime > STALE_TEMP_SECONDS:
                _drop(Path(entry.path))
        elif _NAME.fullmatch(entry.name):
            files.append((info.st_mtime, info.st_size, Path(entry.path)))
    files.sort(key=lambda item: item[0], reverse=True)  # newest first
    total = 0
    for index, (_, size, path) in enumerate(files):
        total += size
        if index >= MAX_FILES or total > MAX_TOTAL_BYTES:
            _drop(path)


def _digest(name: str, payload: bytes) -> bytes:
    return hashlib.blake2b(name.encode() + b"\0" + payload, digest_size=DIGEST_BYTES).digest()


def _drop(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def _folder(create: bool) -> Path | None:
    """The cache folder when it is ours and private (made so when `create`), else None."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        if create:
            os.makedirs(folder, mode=0o700, exist_ok=True)
        info = os.stat(folder)
        if not stat.S_ISDIR(info.st_mode):
            return None
        if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
            return None  # another user's folder: its files could say anything
        if stat.S_IMODE(info.st_mode) & 0o077:
            if not create:
                return None
            os.chmod(folder, 0o700)
    except OSError:
        return None
    return folder
