"""Each benchmark script's section of BENCHMARKS.md: printed, and put in place of the old one."""
from __future__ import annotations

import os
import platform
import sys
import time
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[1] / "BENCHMARKS.md"
HEADER = """# Benchmarks

Each section is written by the script it names (`python -m pipelines.bench_...`), which
runs the compared variants side by side in one run. The machine has 2 cores and is shared;
each section gives the load average it started at. Absolute times vary several-fold with
that load (Stanza ran 7x slower under load than on the quiet machine), so the ratios,
measured side by side, are what counts. Tests never assert timings.
"""


def conditions() -> str:
    load = os.getloadavg()[0]
    return (f"Machine: {os.cpu_count()} cores, CPU only, Python {platform.python_version()}, "
            f"load average {load:.1f} when the run started; "
            f"{time.strftime('%Y-%m-%d')}.")


def record(script: str, title: str, lines: list[str], machine: str, section: str | None = None) -> None:
    """Print the section and write it to BENCHMARKS.md, replacing this script's last one (or
    the last one named ``section``, where a script writes more than one)."""
    command = " ".join(["python -m pipelines." + script, *sys.argv[1:]])
    heading = section or script
    body = "\n".join([f"## {heading}: {title}", "", f"    {command}", "", machine, "", *lines, ""])
    print(body)
    text = BENCHMARKS.read_text(encoding="utf-8") if BENCHMARKS.exists() else HEADER
    sections = text.split("\n## ")
    kept = [s for s in sections[1:] if not s.startswith(f"{heading}:")]
    order = sorted([*kept, body.removeprefix("## ")], key=lambda s: s.split(":")[0])
    BENCHMARKS.write_text("\n## ".join([sections[0].rstrip("\n") + "\n", *order]).rstrip("\n") + "\n",
                          encoding="utf-8")
