"""Benchmark: whole-process wall time of `lea check` against `python -c "import lark"`.

Goal (docs/performance.md): `lea check --alleen-agenda agendas/hengelo.lea` takes at most
1,5 times as long as importing lark, measured in the same run; the default `lea check
AGENDA`, which also checks the agenda's data folder, is printed beside it. Prints both medians and the ratio.
The normal case is an editor saving a file it saved before: unchanged lines come from
the parse cache. The first check of a new file parses every line (printed as well).
Not a test: timings on a shared machine flake; this script reports, it does not fail
unless asked to with --fail-above.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def median_wall(cmd: list[str], runs: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--agenda", default="agendas/hengelo.lea")
    parser.add_argument("--fail-above", type=float, default=None,
                        help="exit 1 when the ratio is above this value")
    args = parser.parse_args()

    # Bytecode caching is what an installed package has; a PYTHONDONTWRITEBYTECODE
    # environment would charge every run for compiling the sources.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    lea = shutil.which("lea")
    prefix = [lea] if lea else [sys.executable, "-m", "lea_rules"]
    # The goal is the editor's save of an agenda: the agenda alone. `lea check AGENDA` also checks
    # the agenda's data folder by default; that is measured and printed beside it.
    check = [*prefix, "check", "--alleen-agenda", args.agenda]
    with_data = [*prefix, "check", args.agenda]
    baseline = [sys.executable, "-c", "import lark"]
    # Warm up: writes .pyc files and Lark's grammar cache, as the first save in an editor does.
    for cmd in (check, baseline):
        subprocess.run(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=False)
    # Interleave the two measurements so that machine load affects both alike.
    lark_times, check_times = [], []
    for _ in range(args.runs):
        lark_times.append(median_wall(baseline, 1, env))
        check_times.append(median_wall(check, 1, env))
    data_ms = median_wall(with_data, max(3, args.runs // 3), env) * 1000
    cold_env = dict(env, LEA_NO_CACHE="1")
    cold_ms = median_wall(check, max(3, args.runs // 3), cold_env) * 1000
    lark_ms = statistics.median(lark_times) * 1000
    check_ms = statistics.median(check_times) * 1000
    ratio = check_ms / lark_ms
    lines = sum(1 for _ in (ROOT / args.agenda).open(encoding="utf-8"))
    def nl(value: float, decimals: int = 1) -> str:
        return f"{value:7.{decimals}f}".replace(".", ",")

    print(f"python -c 'import lark'      : {nl(lark_ms)} ms (mediaan van {args.runs})")
    print(f"lea check --alleen-agenda {args.agenda} ({lines} regels): {nl(check_ms)} ms "
          f"(mediaan van {args.runs})")
    print(f"verhouding                   : {nl(ratio, 2)}  (doel: <= 1,50)")
    cold_ratio = nl(cold_ms / lark_ms, 2).strip()
    print(f"zonder cache (LEA_NO_CACHE=1): {nl(cold_ms)} ms = {cold_ratio} x import lark "
          "(eerste controle van een nieuw bestand)")
    data_ratio = nl(data_ms / lark_ms, 2).strip()
    print(f"met de gegevensmap (standaard): {nl(data_ms)} ms = {data_ratio} x import lark "
          "(agenda plus observaties.csv en voortgangsbestanden)")
    if args.fail_above is not None and ratio > args.fail_above:
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
