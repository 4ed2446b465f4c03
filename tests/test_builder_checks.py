"""The builder reports what it cannot build; whether what it built holds together is a check.

Pins the split: which codes the builder may give, which codes moved to checks/, and that the
checks of single lines also run when a kop line is missing, while the others wait for a
complete agenda.
"""

from __future__ import annotations

import re
from pathlib import Path

from lea_rules.api import check_source
from lea_rules.builder import build
from lea_rules.source import SourceFile

PACKAGE = Path(__file__).resolve().parent.parent / "lea_rules"

BUILD_CODES = {
    "E110", "E111", "E112", "E113",  # a section or item where the hierarchy has no place for it
    "E120", "E121", "E124",  # a property under the wrong item, twice in one slot, reden alone
    "E330",  # a doel and a streven for the one goal slot of a result
    "E122", "E127",  # a kind that does not exist
    "E125",  # a goal part with no indicator to take over
    "E130", "E131", "E132", "E133", "E140", "E141",  # a value that cannot be built
    "E152", "E153",  # indeling after the sections it shapes; a kop line missing
    "E181",  # an indeling line with a word that is no section word (build_recover.py)
    "E312", "E313", "E314", "E315",  # a time that cannot be read into a span of days
    "E172",  # an indeling line with an item as its level 2 (build_recover.py)
    "E300", "E301",  # a deelactie or `met resultaat` with no action to belong to
    "E321", "E322",  # a recurrence that cannot be built: `tweemaal per jaar`, `vanaf schooljaar 2025`
    "E342",  # a direction with `vanaf` but no how often: compared with what is not said
}
"""What the Builder (builder.py, build_*.py) reports: a line it cannot build into the model."""

MOVED = {"E123": "ranges", "E126": "results", "E150": "declarations", "E151": "ranges",
         "E160": "declarations", "E180": "sections"}
"""Codes of the E1xx range that judge a built model, and the check that gives them."""


def codes_in(paths: list[Path]) -> set[str]:
    return {code for path in paths for code in re.findall(r"\"([EW]\d{3})\"", path.read_text("utf-8"))}


def test_the_builder_gives_only_the_codes_of_what_it_cannot_build() -> None:
    assert codes_in([PACKAGE / "builder.py", *PACKAGE.glob("build_*.py")]) == BUILD_CODES


def test_the_moved_codes_live_in_their_check() -> None:
    for code, module in MOVED.items():
        assert code in codes_in([PACKAGE / "checks" / f"{module}.py"]), code


KOP = """titel: "Zonder gemeente"
periode: 2027-2024
groep IKC: "integraal kindcentrum"
groep ikc: "nog eens"
indicator x "X"
  eenheid: %
  grenzen: 10 tot 5
thema 1 "Kansen"
  resultaat "Zonder doel"
"""


def test_checks_of_single_lines_run_also_without_a_complete_kop() -> None:
    source = SourceFile("kop.lea", KOP)
    result = build(source)
    assert result.agenda is None and result.model is not None
    assert [d.code for d in result.diagnostics] == ["E153"]
    codes = [d.code for d in check_source(source).diagnostics]
    # The kop is incomplete: what single lines say is checked, the rest (E126, the unused
    # indicator and group W260/W261) waits for a complete agenda.
    assert codes == ["E153", "E151", "E160", "E123"]


def test_with_the_kop_complete_every_check_runs() -> None:
    source = SourceFile("kop.lea", 'gemeente: "Kopstad"\n' + KOP)
    assert [d.code for d in build(source).diagnostics] == []
    codes = [d.code for d in check_source(source).diagnostics]
    assert codes == ["E151", "W261", "E160", "W260", "E123", "E126"]
