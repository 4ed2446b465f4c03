"""The agendas and data folders that ship with lea_rules, by name.

A user follows the README and puts an own agenda in agendas/ (and its figures in data/NAME/),
often half-written; the test suite must give the same outcome then. So a test that works on
"every real agenda" takes these names, never whatever happens to be in the folder
(tests/test_shipped_only.py checks that no test globs agendas/ or data/).
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SHIPPED_AGENDAS = ("enschede", "hengelo", "midden-groningen")
# data/borne-referentie holds reference figures, no agenda of its own.
SHIPPED_DATA = (*SHIPPED_AGENDAS, "borne-referentie")


def shipped_agendas(root: Path = ROOT) -> list[Path]:
    """The shipped agendas under root, sorted; a missing one is an error, an extra file is no concern."""
    paths = [root / "agendas" / f"{name}.lea" for name in SHIPPED_AGENDAS]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise FileNotFoundError(f"shipped agenda missing: {', '.join(missing)}")
    return paths


def shipped_progress_files(root: Path = ROOT) -> list[Path]:
    """The voortgang-*.yaml files of the shipped data folders under root, sorted."""
    return sorted(p for name in SHIPPED_DATA for p in (root / "data" / name).glob("voortgang-*.yaml"))
