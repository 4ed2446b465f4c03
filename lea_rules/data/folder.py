"""Where an agenda's data folder is: data/<gemeente> next to the agendas folder."""

from __future__ import annotations

from pathlib import Path


def default_data_dir(agenda_path: str | Path) -> Path:
    """agendas/hengelo.lea -> data/hengelo, next to the agendas folder.

    Resolved from the agenda's real place, so it is the same whatever folder the command
    runs in; shown relative to the working folder when it lies inside it.
    """
    path = Path(agenda_path).resolve()
    root = path.parent.parent if path.parent.name == "agendas" else path.parent
    found = root / "data" / path.stem
    try:
        return found.relative_to(Path.cwd())
    except ValueError:
        return found
