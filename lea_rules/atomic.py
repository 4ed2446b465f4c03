"""Atomic writes: a file is replaced in one step, so nobody ever sees half of it."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def target(path: Path) -> Path:
    """The file a write to `path` must replace: through a symbolic link, the file it points to.

    Replacing the link itself would silently turn a shared (linked) agenda or data file into
    a private copy.
    """
    return Path(os.path.realpath(path)) if path.is_symlink() else path


class NotWritable(Exception):
    """No file can be written at `path`; `problem` says why and `fix` what to do, in Dutch;
    `english` both in English (for `lea report --lang en`)."""

    def __init__(self, path: Path, problem: str, fix: str, english: tuple[str, str]) -> None:
        super().__init__(f"{problem}. {fix}")
        self.path, self.problem, self.fix = path, problem, fix
        self.english = english

    def said(self, lang: str) -> tuple[str, str]:
        """(problem, fix) in `lang`."""
        return self.english if lang == "en" else (self.problem, self.fix)


def check_writable(path: Path, example: str | None = None, make_parents: bool = False) -> None:
    """Refuse, before anything is made, a place that cannot take the file: a folder, a folder that
    does not exist (unless `make_parents`), a file where a folder should be, no write permission.

    `example` is a file name to suggest when `path` is a folder. Checking first means a mistyped
    `-o` never creates folders on the way and never leaves a temporary file behind.
    """
    path = target(path)
    if path.is_dir():
        name = example or "rapport.html"
        raise NotWritable(path, "dat is een map, geen bestand",
                          f"Geef een bestandsnaam, bijvoorbeeld {path / name}",
                          ("that is a folder, not a file", f"Give a file name, for example {path / name}"))
    parent = path.parent
    existing = parent
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if existing != parent and not make_parents:
        raise NotWritable(path, f"de map {parent} bestaat niet",
                          f"Maak haar eerst aan (mkdir -p {parent}) of kies een bestaande map",
                          (f"the folder {parent} does not exist",
                           f"Make it first (mkdir -p {parent}) or choose an existing folder"))
    _writable_folder(path, existing, ("Kies een plek in een bestaande map",
                                      "Choose a place in an existing folder"))


def check_folder(path: Path) -> None:
    """A folder to write files in: an existing folder, or a new one inside an existing folder (the
    first delivery of a municipality makes its data folder; a mistyped path makes nothing)."""
    if not path.exists():
        check_writable(path)
        return
    _writable_folder(path, path, ("Geef een map", "Give a folder"))


def _writable_folder(path: Path, folder: Path, not_a_folder: tuple[str, str]) -> None:
    """`folder` (where `path` goes) is a folder this process may write in; `not_a_folder` is
    the fix (Dutch, English) when it is a file."""
    if not folder.is_dir():
        raise NotWritable(path, f"{folder} is een bestand, geen map", not_a_folder[0],
                          (f"{folder} is a file, not a folder", not_a_folder[1]))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise NotWritable(path, f"je mag niet schrijven in de map {folder}",
                          "Kies een map waarin je mag schrijven",
                          (f"you may not write in the folder {folder}",
                           "Choose a folder you may write in"))


def stage(path: Path) -> Path:
    """An empty temporary file next to `path` (same folder, so the later rename is atomic)."""
    path = target(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    return Path(name)


def commit(temp: Path, path: Path, durable: bool = True) -> None:
    """Move a complete temporary file over `path`.

    The file keeps the permissions `path` had; a new file gets the usual ones (mkstemp
    makes 0600, but reports and data files are meant to be shared). `durable` flushes it
    to disk first; a cache, which may be lost at no cost, skips that.
    """
    path = target(path)
    if durable:
        with open(temp, "rb") as handle:
            os.fsync(handle.fileno())
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temp, mode)
    os.replace(temp, path)


def discard(temp: Path) -> None:
    temp.unlink(missing_ok=True)


@contextmanager
def replacing(path: Path, durable: bool = True) -> Iterator[Path]:
    """Yield a temporary path to write; when the block ends normally it replaces `path`."""
    temp = stage(path)
    try:
        yield temp
        commit(temp, path, durable)
    finally:
        discard(temp)
