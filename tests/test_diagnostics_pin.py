"""Every diagnostic `lea check` finds, pinned whole: code, text, place, context, help, order.

The golden cases in check_cases/ show what a writer sees, cut at 50 messages; this pin holds
the full list, as the JSON twin gives it, for every agenda in the repository and for variants
of two small agendas with one line left out or written twice (duplicates, missing header lines,
properties that lost their item). It guards moving checks between the builder and checks/:
such a move must not change a single message or its place in the list. After a deliberate
change in the messages, regenerate with

    LEA_BLESS=1 pytest tests/test_diagnostics_pin.py

and review the diff of tests/golden/diagnostics-pin.txt before committing.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from shipped import shipped_agendas

from lea_rules.api import Checked, check_file, check_source
from lea_rules.source import SourceFile, read_source

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "diagnostics-pin.txt"
BLESS = os.environ.get("LEA_BLESS") == "1"

FILES = sorted(
    [*shipped_agendas(), *(ROOT / "tests" / "check_cases").glob("*.lea"),
     *(ROOT / "tests" / "fmt_cases").glob("*.lea"), *(ROOT / "tests" / "fixtures").rglob("*.lea")])
MUTATED = [ROOT / "tests" / "fixtures" / "voorbeeld.lea",
           ROOT / "tests" / "fixtures" / "report_small" / "kleinstad.lea"]


# Several mistakes of the kop and the declarations in one file, also with the kop incomplete
# (then no agenda is built, but what each line says is still checked).
KOP = """gemeente: "Kopstad"
titel: "LEA Kopstad"
periode: 2027-2024
indeling: thema > ambitie
periode: 2030-2020
document lea: "bron.txt" "De LEA"
document LEA: "bron.txt"
groep IKC: "integraal kindcentrum"
groep IKC's: "nog eens"
thema 1 "Kansen"
  ambitie 1.1 "Taal"
    resultaat "Meer taal"
indicator x "X"
  eenheid: %
  grenzen: 10 tot 5
indeling: thema > ambitie
titel: "Nog een titel"
begroting "Budget"
  post "Inzet": 2025: € 1.000
groep ikc: "derde keer"
indicator y "Y"
  eenheid: aantal
  grenzen: 3 tot 3
"""
INLINE = {"kop": KOP, "kop zonder gemeente": KOP.replace('gemeente: "Kopstad"\n', ""),
          "kop zonder titel en periode": "\n".join(
              line for line in KOP.splitlines() if not line.startswith(("titel", "periode")))}


def variants() -> Iterator[tuple[str, Checked]]:
    """Each file as it is; the small agendas also with each line left out and doubled."""
    for path in FILES:
        yield path.relative_to(ROOT).as_posix(), check_file(path.relative_to(ROOT))
    for name, text in INLINE.items():
        yield name, check_source(SourceFile("tests/check_cases/kop.lea", text))
    for path in MUTATED:
        name = path_ = path.relative_to(ROOT).as_posix()
        lines = read_source(path_).text.splitlines(keepends=True)
        for index in range(len(lines)):
            without = lines[:index] + lines[index + 1:]
            doubled = lines[:index + 1] + lines[index:]
            yield f"{name} zonder regel {index + 1}", check_source(SourceFile(path_, "".join(without)))
            yield f"{name} met regel {index + 1} dubbel", check_source(SourceFile(path_, "".join(doubled)))


def dump() -> str:
    out: list[str] = []
    for name, checked in variants():
        out.append(f"## {name}")
        for diag in checked.diagnostics:
            fields = diag.to_json()
            fields.pop("file")
            out.append(json.dumps(fields, ensure_ascii=False, sort_keys=True))
    return "\n".join(out) + "\n"


def test_every_diagnostic_is_pinned(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # paths in messages as `lea check` run in the project shows them
    actual = dump()
    if BLESS:
        GOLDEN.write_text(actual, encoding="utf-8")
        return
    expected = GOLDEN.read_text(encoding="utf-8")
    assert actual.splitlines() == expected.splitlines(), (
        "lea check geeft andere meldingen dan tests/golden/diagnostics-pin.txt (LEA_BLESS=1 vernieuwt)")


def test_the_pin_covers_the_builders_and_the_checks_codes() -> None:
    """Not an empty pin: it holds messages of the builder and of every family of checks."""
    text = GOLDEN.read_text(encoding="utf-8")
    for code in ("E110", "E111", "E120", "E121", "E123", "E126", "E150", "E151", "E153", "E160",
                 "E200", "E201", "E202", "W210", "E230", "E250", "W260", "W261", "W262"):
        assert f'"code": "{code}"' in text, code
