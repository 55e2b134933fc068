#!/usr/bin/env python3
"""Cost of hostile plan sizes: one long line without punctuation (50 KB to 2 MB) and a 50 MB plan.

    .venv/bin/python bench/hostile_sizes.py            # writes bench/hostile_results.md
    .venv/bin/python bench/hostile_sizes.py --quick    # the single-line sizes only

Each plan is extracted by `greenmetrics extract` in a fresh process (as a user runs it), timed
with its peak memory (ru_maxrss of the child) and the size of the review.csv it writes. Cost
should grow in proportion to size: the last column divides seconds by megabytes.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
WORDS = "推进绿色低碳循环发展经济体系建设加快产业结构调整优化能源结构提升资源利用效率"


def single_line(size: int, seed: int = 7) -> str:
    """A damaged text layer: no punctuation, a number (some with %) every dozen characters."""
    rng = random.Random(seed)
    parts, length = [], 0
    while length < size:
        a = rng.randrange(0, 20)
        piece = WORDS[a : rng.randrange(a + 2, len(WORDS))] + str(rng.randint(1, 999))
        piece += "%" if rng.random() < 0.3 else ""
        parts.append(piece)
        length += len(piece.encode())
    return "".join(parts)


def big_plan(size: int) -> str:
    """Real plan text repeated to `size` bytes: the shape of a huge, well-formed plan."""
    text = (ROOT / "data" / "raw" / "shanxi.txt").read_text(encoding="utf-8")
    text += (ROOT / "tests" / "corpus" / "dev" / "gansu.txt").read_text(encoding="utf-8")
    return (text + "\n") * (size // len(text.encode()) + 1)


def measure(name: str, text: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        raw, out = Path(tmp) / "raw", Path(tmp) / "out"
        raw.mkdir()
        (raw / "plan.txt").write_text(text, encoding="utf-8")
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        done = subprocess.run(
            [str(BIN / "greenmetrics"), "extract", str(raw), "--out", str(out)],
            capture_output=True,
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        megabytes = len(text.encode()) / 1e6
        review = out / "review.csv"
        return {
            "plan": name,
            "MB": f"{megabytes:.2f}",
            "exit": done.returncode,
            "seconds": f"{seconds:.1f}",
            "peak memory MB": f"{max(peak, before) / 1024:.0f}",
            "review.csv MB": f"{review.stat().st_size / 1e6:.1f}" if review.exists() else "-",
            "s per MB": f"{seconds / megabytes:.1f}",
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="single-line sizes only")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "hostile_results.md")
    args = parser.parse_args()
    rows = [measure(f"one line, {kb} KB", single_line(kb * 1000)) for kb in (50, 200, 500, 2000)]
    if not args.quick:
        rows.append(measure("real text repeated, 50 MB", big_plan(50_000_000)))
    load = os.getloadavg()[0]
    lines = [
        "# Hostile plan sizes",
        "",
        f"`bench/hostile_sizes.py`, {os.cpu_count()} cores, load average {load:.2f} at the end.",
        "Peak memory is the largest child process so far (ru_maxrss), so it never decreases "
        "down the table.",
        "",
        "| " + " | ".join(rows[0]) + " |",
        "|" + " --- |" * len(rows[0]),
        *("| " + " | ".join(str(v) for v in row.values()) + " |" for row in rows),
        "",
    ]
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
