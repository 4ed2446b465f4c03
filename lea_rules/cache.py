"""Cache: small marshal files that spare `lea check` work it did on the previous save.

Everything here is an optimisation only: a missing, damaged or unwritable cache costs
speed, never correctness. LEA_NO_CACHE=1 switches it off; LEA_CACHE_DIR moves it.
"""

from __future__ import annotations

import marshal
import os
from pathlib import Path
from typing import Any


def cache_dir() -> Path | None:
    if os.environ.get("LEA_NO_CACHE"):
        return None
    base = os.environ.get("LEA_CACHE_DIR")
    if not base:
        home = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        base = os.path.join(home, "lea_rules")
    return Path(base)


def read(name: str) -> Any:
    folder = cache_dir()
    if folder is None:
        return None
    try:
        return marshal.loads((folder / name).read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None


def write(name: str, value: Any) -> None:
    folder = cache_dir()
    if folder is None:
        return
    from lea_rules.atomic import replacing

    try:
        data = marshal.dumps(value)
        with replacing(folder / name, durable=False) as temp:
            temp.write_bytes(data)
    except (OSError, ValueError):
        pass
