"""Benchmark: how often `lea fmt` parses a line, and how long it takes, for each shipped agenda.

For every agenda in agendas/ and a messy copy of it (other indentation, trailing spaces: every
line must be formatted and its new form parsed to prove it safe), prints the statement lines,
the calls to the parser and the time of formatting it safely (`format_safely`, what `lea fmt`,
`--check` and `--diff` do per file), in three cache states:

- zonder cache: LEA_NO_CACHE=1;
- koud: an empty private cache folder (a first `lea fmt` of the file);
- warm: the same folder after that run (the lines stored by an earlier `lea check` or `lea fmt`).

The time is measured inside one process (without Python's start-up, Lark loaded beforehand),
the median of --runs runs: the wall clock and the processor time, which other load on the
machine hardly changes. Parses are counted in this process; a first parse of more than
PARALLEL_CHARS of new text would be split with a forked child, so that is switched off here.
Not a test: it reports, it does not fail.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lea_rules import parser  # noqa: E402
from lea_rules.formatter_safety import format_safely  # noqa: E402
from lea_rules.source import SourceFile, read_source  # noqa: E402

CALLS = [0]
_real_parse = parser._parse


def _counting_parse(lark: Any, text: str, line_no: int, path: str) -> Any:
    CALLS[0] += 1
    return _real_parse(lark, text, line_no, path)


def messy(text: str) -> str:
    return "\n".join("\t" * ((len(t) - len(t.lstrip(" "))) // 2) + t.lstrip(" ") + "  "
                     for t in text.split("\n"))


def measure(source: SourceFile, state: str, runs: int) -> tuple[int, float, float]:
    """Parse calls of one run and the median wall and processor time in ms, in state `state`."""
    times, cpu, calls = [], [], 0
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="lea-bench-fmt-") as folder:
            os.environ.pop("LEA_NO_CACHE", None)
            os.environ["LEA_CACHE_DIR"] = folder
            if state == "zonder cache":
                os.environ["LEA_NO_CACHE"] = "1"
            elif state == "warm":
                format_safely(source)
            CALLS[0] = 0
            start, start_cpu = time.perf_counter(), time.process_time()
            format_safely(source)
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
            calls = CALLS[0]
    return calls, statistics.median(times) * 1000, statistics.median(cpu) * 1000


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__,
                                      formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("--runs", type=int, default=5)
    shipped = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "agendas").glob("*.lea"))
    options.add_argument("agendas", nargs="*", default=shipped)
    args = options.parse_args()
    parser._parse = _counting_parse  # type: ignore[assignment]
    parser.PARALLEL_CHARS = 10**12
    parser.get_plain_parser()  # loading Lark is not formatting
    print(f"{'agenda':<30} {'regels':>6} {'opdr.':>6} {'cache':<13} {'parses':>6} {'tijd':>9} {'cpu':>9}")
    for name in args.agendas:
        clean = read_source(name)
        for label, source in ((Path(name).name, clean),
                              (Path(name).stem + " (rommelig)", SourceFile(clean.path, messy(clean.text)))):
            statements = sum(1 for t in source.lines if t.strip() and not t.strip().startswith("#"))
            for state in ("zonder cache", "koud", "warm"):
                calls, ms, cpu_ms = measure(source, state, args.runs)
                print(f"{label:<30} {len(source.lines):>6} {statements:>6} {state:<13} {calls:>6} "
                      f"{ms:>6.0f} ms {cpu_ms:>6.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
