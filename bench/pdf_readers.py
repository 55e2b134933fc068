#!/usr/bin/env python3
"""Compare PDF text libraries on the shipped plans: speed, and what the extractor makes of their
text (the 4 hand-labelled city plans scored by quote, as tests/test_gold.py does).

    .venv/bin/python bench/pdf_readers.py            # the libraries that are installed
    .venv/bin/pip install pypdfium2 pdfplumber       # to compare against them (not dependencies)

Reads every PDF in data/raw once per library (after one warm-up read), in this process, one
core. Prints a markdown table: pages/s, MB/s, and recall / precision / fields on the gold.
"""

from __future__ import annotations

import io
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import pandas as pd  # noqa: E402

from greenmetrics import paths, readers  # noqa: E402
from greenmetrics.pipeline import extract_corpus  # noqa: E402

from scoring import score  # noqa: E402

GOLD = ROOT / "tests" / "gold" / "pdf_targets_gold.csv"


def _pypdf(raw: bytes) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(raw)).pages]


def _pypdfium2(raw: bytes) -> list[str]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(raw)
    pages = [pdf[i].get_textpage().get_text_range().replace("\r\n", "\n") for i in range(len(pdf))]
    pdf.close()
    return pages


def _pdfplumber(raw: bytes) -> list[str]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(raw)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


LIBRARIES: dict[str, Callable[[bytes], list[str]]] = {
    "pypdf": _pypdf,
    "pypdfium2": _pypdfium2,
    "pdfplumber": _pdfplumber,
}


def _installed(name: str) -> bool:
    try:
        __import__(name)
    except ImportError:
        return False
    return True


def measure(name: str, read: Callable[[bytes], list[str]], pdfs: list[Path]) -> dict:
    raws = [p.read_bytes() for p in pdfs]
    read(raws[0])  # warm-up: imports and font tables
    start = time.perf_counter()
    pages = sum(len(read(raw)) for raw in raws)
    seconds = time.perf_counter() - start
    megabytes = sum(len(r) for r in raws) / 1e6

    def pdf_text(path: Path, raw: bytes) -> tuple[str, str]:
        return "\n".join(read(raw)), "pdf"

    original = readers._read_pdf
    readers._read_pdf = pdf_text
    try:
        extraction = extract_corpus(pdfs, workers=1)
    finally:
        readers._read_pdf = original
    gold = pd.read_csv(GOLD, dtype=str, keep_default_na=False)
    result = score(extraction.targets, gold, by_quote=True)
    return {
        "library": name,
        "pages": pages,
        "pages/s": pages / seconds,
        "MB/s": megabytes / seconds,
        "recall": result.recall,
        "precision": result.precision,
        "fields": result.fields_right(),
        "targets (17 plans)": len(extraction.targets),
    }


def main() -> None:
    pdfs = sorted(paths.RAW_DIR.glob("*.pdf"))
    rows = [measure(n, f, pdfs) for n, f in LIBRARIES.items() if _installed(n)]
    print(f"{len(pdfs)} PDFs, {sum(p.stat().st_size for p in pdfs) / 1e6:.1f} MB, one core\n")
    print("| " + " | ".join(rows[0]) + " |")
    print("|" + " --- |" * len(rows[0]))
    for row in rows:
        cells = [f"{v:.3g}" if isinstance(v, float) else str(v) for v in row.values()]
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
