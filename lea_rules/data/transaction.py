"""Transactions on a data folder: one writer at a time, and all files or none after a crash.

An import reads the store, plans, and replaces several files (revisies.csv, observaties.csv,
leveringen.csv). Two imports at once would each read the old store and the later one would
silently drop the rows of the first; a kill between two replacements would leave new revisions
beside old observations. So:

- **Lock.** A writer holds the data folder's lock (the `filelock` library, an OS lock on the
  file `.lea-import.lock`) from reading the store to the last replacement. A second writer waits
  for it a while, then refuses with a clear message. The OS drops the lock of a killed process.
- **Journal.** Every new file is first written completely beside its target (`stage`). Then one
  small journal file, itself written atomically, lists each staged file and its target. Only
  then are the targets replaced, and the journal is removed last. Whoever finds a journal (the
  next command, reader or writer) finishes it: every staged file still there replaces its
  target. Before the journal exists nothing has changed; once it exists the whole change holds.
  Staged files without a journal are leftovers of an interrupted staging and are removed.

The readable CSV files stay what users diff in git; the lock and journal are hidden files that
exist only during an import (the lock file stays, empty; `.gitignore` it).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from lea_rules.atomic import commit, discard, stage, target

LOCK_NAME = ".lea-import.lock"
JOURNAL_NAME = ".lea-import.journal"
LOCK_TIMEOUT_SECONDS = 30.0
"""How long a second import waits for the first before it refuses."""


class StoreBusy(Exception):
    """Another lea command holds the data folder's lock."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__(f"{data_dir} is in gebruik door een andere import")
        self.data_dir = data_dir


def _crash_point(step: str) -> None:
    """Tests kill the process at a named step (LEA_TEST_KILL_AT) to prove every step is safe."""
    if os.environ.get("LEA_TEST_KILL_AT") == step:
        os._exit(137)


@contextmanager
def locked(data_dir: Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold the data folder's lock; finish an interrupted transaction first. StoreBusy after
    `timeout` seconds of waiting."""
    from filelock import FileLock, Timeout

    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(data_dir / LOCK_NAME), timeout=timeout)
    try:
        lock.acquire()
    except Timeout:
        raise StoreBusy(data_dir) from None
    try:
        recover(data_dir)
        yield
    finally:
        lock.release()


def recover(data_dir: Path) -> bool:
    """Finish a transaction a killed process left behind (call with the lock held, or through
    `ensure_consistent`). True when there was something to finish or clean."""
    data_dir = Path(data_dir)
    journal = data_dir / JOURNAL_NAME
    done = False
    if journal.exists():
        try:
            entries = json.loads(journal.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            entries = []  # a journal is written atomically; unreadable means not ours: ignore it
        for entry in entries if isinstance(entries, list) else []:
            staged = data_dir / str(entry.get("staged", "")) if isinstance(entry, dict) else None
            final = data_dir / str(entry.get("target", "")) if isinstance(entry, dict) else None
            if staged is None or final is None or staged.parent != data_dir or final.parent != data_dir:
                continue
            if staged.is_file():
                try:
                    commit(staged, final)
                except OSError:  # pragma: no cover - a target that is no file; never ours
                    discard(staged)
        journal.unlink(missing_ok=True)
        _sync_folder(data_dir)
        done = True
    for leftover in data_dir.glob(".*.tmp"):
        leftover.unlink(missing_ok=True)
        done = True
    return done


def ensure_consistent(data_dir: Path) -> None:
    """For readers: if a killed import left a journal or staged files, finish or remove them
    before reading. Under the lock, so the files of an import still running are left alone
    (the reader waits for it). A folder with nothing left behind costs one directory scan."""
    data_dir = Path(data_dir)
    if (data_dir / JOURNAL_NAME).exists() or any(data_dir.glob(".*.tmp")):
        with locked(data_dir):
            pass  # `locked` recovers


def write_transaction(data_dir: Path, files: Mapping[Path, str]) -> None:
    """Replace every file in `files` (all inside `data_dir`) as one change. Call with the lock.

    After a kill at any point the folder holds either the old files or, once the next command
    has run `recover`, all the new ones; never a mix, and no temporary file stays behind.
    """
    data_dir = Path(data_dir)
    staged: list[tuple[Path, Path]] = []
    try:
        for path, text in files.items():
            final = target(Path(path))
            temp = stage(final)
            staged.append((temp, final))
            with open(temp, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            _crash_point("staged")
        entries = [{"staged": temp.name, "target": final.name} for temp, final in staged]
        journal_temp = stage(data_dir / JOURNAL_NAME)
        staged.append((journal_temp, data_dir / JOURNAL_NAME))  # discarded too if it never lands
        journal_temp.write_text(json.dumps(entries), encoding="utf-8")
        _crash_point("journal-staged")
        commit(journal_temp, data_dir / JOURNAL_NAME)
        _sync_folder(data_dir)
        _crash_point("journal")
        for temp, final in staged[:-1]:
            commit(temp, final, durable=False)  # fsynced above
            _crash_point("replaced-one")
        _sync_folder(data_dir)
        (data_dir / JOURNAL_NAME).unlink()
        _sync_folder(data_dir)
    except BaseException:
        if not (data_dir / JOURNAL_NAME).exists():
            for temp, _ in staged:
                discard(temp)
        raise


def _sync_folder(folder: Path) -> None:
    """Make renames in `folder` durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
