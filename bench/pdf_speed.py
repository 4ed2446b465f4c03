"""Benchmark: how long `lea report AGENDA --year 2025 --pdf` takes, and where the time goes.

Goal (issue 12, docs/report.md): the PDF of the Hengelo report in under 10 s on this machine.
Prints, per agenda, the median wall time of the whole command as a user runs it (HTML and
PDF), the number of A4 pages, and one breakdown of the PDF part: starting Chromium, loading
the report, the print passes (the contents list's page numbers take a second one). Not a test:
timings on a shared machine flake; this script reports, it does not fail unless asked to with
--fail-above.

    python bench/pdf_speed.py                          # hengelo, 3 runs
    python bench/pdf_speed.py --agenda enschede --agenda midden-groningen --runs 1
    python bench/pdf_speed.py -- --werkversie          # arguments after -- go to lea report
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lea_rules.report import pdf as pdfmod  # noqa: E402


def whole_command(agenda: str, out: Path, extra: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "lea_rules", "report", agenda, "--year", "2025", "-o", str(out),
                    "--pdf", *extra], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def breakdown(html: Path) -> tuple[dict[str, float], int, int]:
    """Seconds per phase, the number of print passes and of pages."""
    from playwright.sync_api import sync_playwright

    executable = pdfmod.find_chromium()
    assert executable is not None, "Chromium not found"
    passes = 0

    class CountingPage:
        def __init__(self, page: Any) -> None:
            self.page = page

        def evaluate(self, *args: Any) -> Any:
            return self.page.evaluate(*args)

        def pdf(self, **options: Any) -> bytes:
            nonlocal passes
            passes += 1
            data: bytes = self.page.pdf(**options)
            return data

    times: dict[str, float] = {}
    start = time.perf_counter()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=pdfmod.LAUNCH_ARGS)
        times["start Chromium"] = time.perf_counter() - start
        try:
            page = browser.new_page()
            page.route("**/*", pdfmod.block_network)
            mark = time.perf_counter()
            page.goto(html.resolve().as_uri(), wait_until="load")
            page.emulate_media(media="print")
            times["load report"] = time.perf_counter() - mark
            mark = time.perf_counter()
            data = pdfmod.print_numbered(CountingPage(page))
            times["print passes"] = time.perf_counter() - mark
        finally:
            browser.close()
    from pypdf import PdfReader

    return times, passes, len(PdfReader(io.BytesIO(data)).pages)


def main() -> int:
    argv = sys.argv[1:]
    extra: list[str] = []
    if "--" in argv:
        cut = argv.index("--")
        argv, extra = argv[:cut], argv[cut + 1:]
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--agenda", action="append", help="hengelo (default), enschede, midden-groningen")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--fail-above", type=float, default=None,
                        help="exit 1 when a median of the whole command is above this many seconds")
    args = parser.parse_args(argv)
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for agenda in args.agenda or ["hengelo"]:
            out = Path(tmp) / f"{agenda}.html"
            walls = [whole_command(agenda, out, extra) for _ in range(args.runs)]
            median = statistics.median(walls)
            worst = max(worst, median)
            times, passes, pages = breakdown(out)
            detail = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in times.items())
            print(f"{agenda} {' '.join(extra)}: lea report --pdf median {median:.2f} s over {args.runs} "
                  f"run(s) (min {min(walls):.2f}, max {max(walls):.2f}); {pages} A4 pages")
            print(f"  PDF part: {detail}; {passes} print passes")
    if args.fail_above is not None and worst > args.fail_above:
        print(f"FAIL: {worst:.2f} s > {args.fail_above:.2f} s")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
