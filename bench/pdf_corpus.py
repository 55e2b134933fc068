#!/usr/bin/env python3
"""A few hundred real PDF plans end to end: the 17 shipped PDFs copied N times (each copy made
distinct by a comment after %%EOF, so none is skipped as a duplicate), extracted by
`greenmetrics extract` in a fresh process on all cores, as a researcher would run a folder.

    .venv/bin/python bench/pdf_corpus.py              # 20 copies: 340 PDFs
    .venv/bin/python bench/pdf_corpus.py --copies 5

Writes bench/pdf_corpus_results.md: files, pages, MB, seconds, pages/s and MB/s, exit status.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from greenmetrics.pdf_text import reader_label

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "pdf_corpus_results.md")
    args = parser.parse_args()
    from pypdf import PdfReader

    pdfs = sorted((ROOT / "data" / "raw").glob("*.pdf"))
    pages_each = {p: len(PdfReader(io.BytesIO(p.read_bytes())).pages) for p in pdfs}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "plans"
        folder.mkdir()
        for k in range(args.copies):
            for p in pdfs:
                data = p.read_bytes() + f"\n% greenmetrics bench copy {k}\n".encode()
                (folder / f"{p.stem}_{k:03d}.pdf").write_bytes(data)
        files = sorted(folder.glob("*.pdf"))
        megabytes = sum(f.stat().st_size for f in files) / 1e6
        pages = sum(pages_each[p] for p in pdfs) * args.copies
        start = time.perf_counter()
        done = subprocess.run(
            [str(BIN / "greenmetrics"), "extract", str(folder), "--out", str(Path(tmp) / "out")],
            capture_output=True,
            text=True,
        )
        seconds = time.perf_counter() - start
    load = os.getloadavg()[0]
    lines = [
        "# A few hundred real PDF plans, end to end",
        "",
        f"`bench/pdf_corpus.py --copies {args.copies}`: {os.cpu_count()} cores (all used), "
        f"load average {load:.2f} at the end; reader: {reader_label()}.",
        "",
        "| files | pages | MB | seconds | pages/s | MB/s | exit |",
        "| --- | --- | --- | --- | --- | --- | --- |",
        f"| {len(files)} | {pages} | {megabytes:.0f} | {seconds:.1f} | {pages / seconds:.0f} | "
        f"{megabytes / seconds:.2f} | {done.returncode} |",
        "",
    ]
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    if done.returncode:
        print(done.stdout[-2000:], done.stderr[-2000:])


if __name__ == "__main__":
    main()
