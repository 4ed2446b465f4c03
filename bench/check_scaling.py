"""Benchmark: `lea check` stays linear in the size of the agenda, up to the documented limits.

Generates agendas of 1.000, 5.000, 10.000 and 50.000 lines in four shapes and runs
`lea check --alleen-agenda` on each as a subprocess, first with an empty private cache
folder (cold: every line is parsed and the cache written) and then again (warm: every line
comes from the cache). Prints the total time, the time per line and the processor time of
the process (which other load on the machine hardly changes), in Dutch notation.

Shapes (each agenda is valid apart from the deliberate typos):

- resultaten: many results, each with one goal (`doel:`), twenty per ambitie;
- onderdelen: many sections, a thema and an ambitie with one result each;
- tikfouten: many indicators, each used once correctly and once with a one-letter typo
  in its name (one E200 error with a "bedoelde je" suggestion each);
- lange-regels: results whose `doel:` line joins short goals (`en >= 17`) with `en` up to
  the 5.000-character line limit, some 550 per line: the most work per byte. Such lines
  cannot fill 50.000 lines within 2 MB, so this shape scales by bytes: its "50.000 lines"
  agenda is 2 MB, the smaller ones the same fraction of 2 MB.

Not a test: it reports, and fails (exit 1) only when asked to with --fail-above.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lea_rules.parser import MAX_LINE_CHARS  # noqa: E402
from lea_rules.source import MAX_BYTES, MAX_LINES  # noqa: E402

SIZES = (1_000, 5_000, 10_000, 50_000)
HEAD = ['gemeente: "Schaal"', 'titel: "LEA Schaal 2024-2027"', "periode: 2024-2027"]


def _indicators(count: int) -> list[str]:
    lines = []
    for i in range(count):
        lines += [f"indicator i{i}", "  eenheid: %", "  beter: hoger"]
    return lines


def _fill(lines: list[str], n: int) -> list[str]:
    """Exactly n lines: the agenda, then comment lines."""
    assert len(lines) <= n
    return lines + ["# opvulling"] * (n - len(lines))


def results(n: int) -> list[str]:
    lines = [*HEAD, *_indicators(10)]
    i = 0
    while len(lines) + 4 <= n:
        if i % 400 == 0:
            lines.append(f'thema {i // 400 + 1} "T"')
        if i % 20 == 0:
            lines.append(f'ambitie {i // 400 + 1}.{i % 400 // 20 + 1} "A"')
        lines += [f'resultaat "R{i}"', f"doel: i{i % 10} >= {i % 90 + 5}% in 2027"]
        i += 1
    return _fill(lines, n)


def sections(n: int) -> list[str]:
    lines = [*HEAD, *_indicators(1)]
    i = 0
    while len(lines) + 4 <= n:
        lines += [f'thema {i + 1} "T"', f'ambitie {i + 1}.1 "A"', f'resultaat "R{i}"',
                  "doel: i0 >= 50% in 2027"]
        i += 1
    return _fill(lines, n)


LETTERS = "abcdefghijklmnopqrstuvwxyz"


def typos(n: int) -> list[str]:
    rng = random.Random(9)
    per = 9  # lines per indicator: declaration (3), a correct result (2), a wrong one (2), sections
    count = (n - len(HEAD)) // per
    names = sorted({"".join(rng.choice(LETTERS) for _ in range(rng.randint(8, 14)))
                    for _ in range(count * 2)})[:count]
    rng.shuffle(names)
    lines = list(HEAD)
    for name in names:
        lines += [f"indicator {name}", "  eenheid: %", "  beter: hoger"]
    for i, name in enumerate(names):
        spot = rng.randrange(1, len(name) - 1)
        wrong = name[:spot] + LETTERS[(LETTERS.index(name[spot]) + 1) % 26] + name[spot + 1:]
        lines += [f'thema {i + 1} "T"', f'ambitie {i + 1}.1 "A"',
                  'resultaat "Goed"', f"doel: {name} >= 50% in 2027",
                  'resultaat "Fout"', f"doel: {wrong} >= 50% in 2027"]
    return _fill(lines, n)


def long_lines(n: int) -> list[str]:
    """The most goals a line can hold: short ones (`en >= 17`), up to the line limit."""
    budget = MAX_BYTES * n // max(SIZES) - 200
    lines = [*HEAD]
    for i in range(10):
        lines += [f"indicator n{i}", "  eenheid: aantal", "  beter: hoger"]
    lines += ['thema 1 "T"', 'ambitie 1.1 "A"']
    size = sum(len(line) + 1 for line in lines)
    i = 0
    while True:
        # every indicator used on every line; every line different (no shared cache entries)
        parts = [f"n{j} >= {i}" for j in range(10)]
        length = len("doel: ") + sum(len(part) + 4 for part in parts) - 4
        while length + len(" en >= 999") <= MAX_LINE_CHARS:
            parts.append(f">= {(i + len(parts) * 7) % 1000}")
            length += len(parts[-1]) + 4
        added = [f'resultaat "R{i}"', "doel: " + " en ".join(parts)]
        extra = sum(len(line) + 1 for line in added)
        if size + extra > budget:
            break
        lines += added
        size += extra
        i += 1
    return lines


SHAPES: dict[str, Callable[[int], list[str]]] = {
    "resultaten": results, "onderdelen": sections, "tikfouten": typos, "lange-regels": long_lines,
}


def nl(value: float, decimals: int = 1) -> str:
    """Dutch notation: 1.234,5."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(cmd: list[str], env: dict[str, str], timeout: float) -> tuple[float | None, float, str]:
    """Wall time (None after the timeout), processor time, and the last line of the output."""
    start, cpu = time.perf_counter(), _cpu()
    try:
        done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return None, 0.0, ""
    last = done.stdout.strip().splitlines()[-1] if done.stdout else ""
    return time.perf_counter() - start, _cpu() - cpu, last


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--shapes", nargs="*", default=list(SHAPES), choices=list(SHAPES))
    parser.add_argument("--sizes", nargs="*", type=int, default=list(SIZES))
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per run")
    parser.add_argument("--keep", help="write the generated agendas to this folder")
    parser.add_argument("--fail-above", type=float, default=None,
                        help="exit 1 when any run takes longer than this many seconds")
    args = parser.parse_args()

    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "LEA_NO_CACHE")}
    lea = shutil.which("lea") or str(Path(sys.executable).parent / "lea")
    prefix = [lea] if Path(lea).exists() else [sys.executable, "-m", "lea_rules"]
    worst = 0.0
    with tempfile.TemporaryDirectory(prefix="lea-scaling-") as tmp:
        folder = Path(args.keep) if args.keep else Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        print(f"{'vorm':<13} {'regels':>7} {'kB':>7}  {'koud (s)':>9} {'µs/regel':>9} {'cpu (s)':>8}  "
              f"{'warm (s)':>9} {'µs/regel':>9} {'cpu (s)':>8}  uitkomst")
        for shape in args.shapes:
            for size in args.sizes:
                lines = SHAPES[shape](size)
                text = "\n".join(lines)
                assert len(text.encode()) <= MAX_BYTES and len(lines) <= MAX_LINES, (shape, size)
                agenda = folder / f"{shape}-{size}.lea"
                agenda.write_text(text, encoding="utf-8")
                cache = Path(tmp) / f"cache-{shape}-{size}"
                run_env = dict(env, LEA_CACHE_DIR=str(cache))
                cmd = [*prefix, "check", "--alleen-agenda", str(agenda)]
                cold, cold_cpu, outcome = run(cmd, run_env, args.timeout)
                warm, warm_cpu, _ = run(cmd, run_env, args.timeout) if cold is not None else (None, 0.0, "")

                def show(seconds: float | None, cpu: float, count: int = len(lines)) -> str:
                    if seconds is None:
                        return f"{'> ' + nl(args.timeout, 0):>9} {'':>9} {'':>8}"
                    return f"{nl(seconds, 2):>9} {nl(seconds / count * 1e6, 0):>9} {nl(cpu, 2):>8}"

                outcome = outcome.split(": ", 1)[-1] if outcome else "(afgebroken)"
                print(f"{shape:<13} {nl(len(lines), 0):>7} {nl(len(text.encode()) / 1024, 0):>7}  "
                      f"{show(cold, cold_cpu)}  {show(warm, warm_cpu)}  {outcome}", flush=True)
                for seconds in (cold, warm):
                    worst = max(worst, args.timeout if seconds is None else seconds)
    if args.fail_above is not None and worst > args.fail_above:
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
