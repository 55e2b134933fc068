#!/usr/bin/env python3
"""Compare PDF readers on the shipped plans: speed, which pages a PDFium reader must hand to
pypdf, and what the extractor makes of each reader's text.

    .venv/bin/python bench/pdf_readers.py            # the libraries that are installed
    .venv/bin/pip install pdfplumber                 # to compare against it (not a dependency)

Readers: pypdf (the project's reader until PDFium, and the base of every comparison), pypdf
with its font CMaps parsed once per document (`_pypdf_font_cache`), pypdfium2 alone,
"pdfium+fallback" (the project's reader, `greenmetrics.pdf_text`: PDFium, with pypdf for the
pages its per-page check distrusts) and pdfplumber. Each reads every PDF in data/raw once
(after one warm-up read), in this process, one core; pages/s and MB/s are of that read. Then
every reader's text goes through `extract_corpus` (the manifest of data/raw) and its targets and
observations are compared with pypdf's, file by file:

* `same text`: pages whose text is the same string as pypdf's;
* `rows`: targets + observations; `same rows`: the rows equal to pypdf's in every column
  (quote and offsets included), `same content`: equal once whitespace is removed from every
  cell and the offsets and ids (which hash them) are left out, i.e. the same facts with the same
  words, laid out differently;
* recall / precision / fields on the 4 hand-labelled city plans, by quote (tests/test_gold.py).

The rows that differ in content are printed under the table, with both readers' versions.
Last, `extract_corpus` of the whole default corpus (data/raw, all formats) is timed with each
reader, twice in alternation, beside a floor timed in the same run (reading every file's bytes).
"""

from __future__ import annotations

import io
import logging
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import pandas as pd  # noqa: E402

from greenmetrics import paths, pdf_text, readers  # noqa: E402
from greenmetrics.pipeline import extract_corpus  # noqa: E402

from scoring import score  # noqa: E402

GOLD = ROOT / "tests" / "gold" / "pdf_targets_gold.csv"
logging.getLogger("pypdf").setLevel(logging.ERROR)


def _pypdf(raw: bytes) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(raw)).pages]


def _pypdf_font_cache(raw: bytes) -> list[str]:
    """pypdf, parsing each font's encoding and ToUnicode CMap once per document instead of once
    per page that uses it (pypdf 7 parses them again on every page: half its time on CJK
    plans, whose CMaps hold thousands of entries). Same code, same text; see `main`."""
    import pypdf.generic._font as font_module
    from pypdf import PdfReader

    original = font_module.get_encoding
    cache: dict[tuple[int, int], tuple] = {}

    def get_encoding(font):
        ref = getattr(font, "indirect_reference", None)
        if ref is None:
            return original(font)
        key = (ref.idnum, ref.generation)
        if key not in cache:
            cache[key] = original(font)
        encoding, cmap = cache[key]
        # Copies: pypdf may add to the dictionaries it is given.
        return (dict(encoding) if isinstance(encoding, dict) else encoding), dict(cmap)

    font_module.get_encoding = get_encoding
    try:
        return [page.extract_text() or "" for page in PdfReader(io.BytesIO(raw)).pages]
    finally:
        font_module.get_encoding = original


def _pypdfium2(raw: bytes) -> list[str]:
    """PDFium alone: every page's text range, lines ended by \\n."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(raw)
    try:
        pages = []
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range().replace("\r\n", "\n"))
            textpage.close()
            page.close()
        return pages
    finally:
        pdf.close()


def _pdfium_fallback_pages(raw: bytes) -> tuple[list[str], dict[int, str]]:
    """The library's reader (greenmetrics.pdf_text): PDFium, and pypdf for the pages its check
    distrusts; with those pages and why."""
    with pdf_text.open_pdf(raw, "pdfium") as pdf:
        pages = list(pdf.texts())
        return pages, dict(pdf.pages_read_again)


def _pdfium_fallback(raw: bytes) -> list[str]:
    return _pdfium_fallback_pages(raw)[0]


def _pdfplumber(raw: bytes) -> list[str]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(raw)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


LIBRARIES: dict[str, tuple[str, Callable[[bytes], list[str]]]] = {
    "pypdf": ("pypdf", _pypdf),
    "pypdf+font cache": ("pypdf", _pypdf_font_cache),
    "pypdfium2": ("pypdfium2", _pypdfium2),
    "pdfium+fallback": ("pypdfium2", _pdfium_fallback),
    "pdfplumber": ("pdfplumber", _pdfplumber),
}


def _installed(name: str) -> bool:
    try:
        __import__(name)
    except ImportError:
        return False
    return True


_WS_RE = re.compile(r"\s+")
_OFFSET_COLUMNS = ("target_id", "observation_id", "char_start", "char_end")


def _content(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows without offsets and ids, whitespace removed from every cell."""
    frame = frame.drop(columns=[c for c in _OFFSET_COLUMNS if c in frame.columns])
    return frame.map(lambda v: _WS_RE.sub("", str(v)))


def _rows(frame: pd.DataFrame) -> list[tuple]:
    return sorted(tuple(str(v) for v in row) for row in frame.itertuples(index=False))


def _compare(base, other) -> dict[str, dict]:
    """Per doc_id: rows, rows equal to the base, rows equal in content, and the differences."""
    out: dict[str, dict] = {}
    for table in ("targets", "observations"):
        a, b = getattr(base, table), getattr(other, table)
        for doc in sorted(set(a.doc_id) | set(b.doc_id)):
            da, db = a[a.doc_id == doc], b[b.doc_id == doc]
            entry = out.setdefault(doc, {"rows": 0, "same": 0, "content": 0, "diff": []})
            entry["rows"] += len(da)
            ra, rb = _rows(da), _rows(db)
            entry["same"] += len(da) if ra == rb else len(set(ra) & set(rb))
            ca, cb = _content(da), _content(db)
            sa, sb = _rows(ca), _rows(cb)
            common = set(sa) & set(sb)
            entry["content"] += sum(r in common for r in sa)
            cols = list(ca.columns)
            for r in sa:
                if r not in common:
                    entry["diff"].append((table, "pypdf only", dict(zip(cols, r, strict=True))))
            for r in sb:
                if r not in common:
                    entry["diff"].append(
                        (table, "this reader only", dict(zip(cols, r, strict=True)))
                    )
    return out


def measure(name, read, pdfs, base_pages=None, base_extraction=None):
    raws = [p.read_bytes() for p in pdfs]
    read(raws[0])  # warm-up: imports and font tables
    start = time.perf_counter()
    texts = [read(raw) for raw in raws]
    seconds = time.perf_counter() - start
    pages = sum(len(t) for t in texts)
    megabytes = sum(len(r) for r in raws) / 1e6
    by_raw = {raw: t for raw, t in zip(raws, texts, strict=True)}

    def pdf_text(path: Path, raw: bytes) -> tuple[str, str]:
        return "\n".join(by_raw.get(raw) or read(raw)), "pdf"

    original = readers._read_pdf
    readers._read_pdf = pdf_text
    try:
        extraction = extract_corpus(pdfs, workers=1)
    finally:
        readers._read_pdf = original
    gold = pd.read_csv(GOLD, dtype=str, keep_default_na=False)
    result = score(extraction.targets, gold, by_quote=True)
    row = {
        "reader": name,
        "pages": pages,
        "seconds": seconds,
        "pages/s": pages / seconds,
        "MB/s": megabytes / seconds,
        "recall": result.recall,
        "precision": result.precision,
        "fields": result.fields_right(),
        "targets": len(extraction.targets),
        "observations": len(extraction.observations),
    }
    comparison = None
    if base_pages is not None:
        same_text = sum(
            x == y
            for bt, t in zip(base_pages, texts, strict=True)
            for x, y in zip(bt, t, strict=True)
        )
        comparison = _compare(base_extraction, extraction)
        rows = sum(e["rows"] for e in comparison.values())
        row["same text"] = f"{same_text}/{pages}"
        row["same rows"] = f"{sum(e['same'] for e in comparison.values())}/{rows}"
        row["same content"] = f"{sum(e['content'] for e in comparison.values())}/{rows}"
    return row, texts, extraction, comparison


def time_default_corpus(readers_to_time: dict[str, Callable[[bytes], list[str]]]) -> list[dict]:
    """`extract_corpus` of all of data/raw (the default corpus, all formats) in this process on
    one core with each PDF reader, beside a floor timed in the same run: reading every file's
    bytes. Each reader in turn, twice, in alternation; the best of the two is kept."""
    files = sorted(p for p in paths.RAW_DIR.iterdir() if p.is_file())
    results: dict[str, list[float]] = {"floor: read the bytes": []}
    for name in readers_to_time:
        results[name] = []
    for _ in range(2):
        start = time.perf_counter()
        sum(len(p.read_bytes()) for p in files)
        results["floor: read the bytes"].append(time.perf_counter() - start)
        for name, read in readers_to_time.items():

            def pdf_text(path: Path, raw: bytes, read=read) -> tuple[str, str]:
                return "\n".join(read(raw)), "pdf"

            original = readers._read_pdf
            readers._read_pdf = pdf_text
            try:
                start = time.perf_counter()
                extract_corpus([paths.RAW_DIR], workers=1)
                results[name].append(time.perf_counter() - start)
            finally:
                readers._read_pdf = original
    floor = min(results["floor: read the bytes"])
    return [
        {
            "reader": name,
            "best s": min(t),
            "runs s": ", ".join(f"{x:.2f}" for x in t),
            "x floor": min(t) / floor,
        }
        for name, t in results.items()
    ]


def _table(rows: list[dict]) -> None:
    keys = list(dict.fromkeys(k for r in rows for k in r))
    print("| " + " | ".join(keys) + " |")
    print("|" + " --- |" * len(keys))
    for row in rows:
        cells = [
            f"{row[k]:.3g}" if isinstance(row.get(k), float) else str(row.get(k, "")) for k in keys
        ]
        print("| " + " | ".join(cells) + " |")


def main() -> None:
    pdfs = sorted(paths.RAW_DIR.glob("*.pdf"))
    labelled = set(pd.read_csv(GOLD, dtype=str, keep_default_na=False).file)
    print(f"{len(pdfs)} PDFs, {sum(p.stat().st_size for p in pdfs) / 1e6:.1f} MB, one core")
    print(f"labelled PDFs (tests/gold/pdf_targets_gold.csv): {', '.join(sorted(labelled))}\n")
    rows, comparisons = [], {}
    base_pages = base_extraction = None
    for name, (module, read) in LIBRARIES.items():
        if not _installed(module):
            continue
        row, texts, extraction, comparison = measure(name, read, pdfs, base_pages, base_extraction)
        if base_pages is None:
            base_pages, base_extraction = texts, extraction
        rows.append(row)
        comparisons[name] = comparison
    _table(rows)

    print(
        f"\n## Extraction of the default corpus (data/raw, {sum(1 for p in paths.RAW_DIR.iterdir() if p.is_file())} files), one core\n"
    )
    _table(
        time_default_corpus(
            {n: f for n, (m, f) in LIBRARIES.items() if n != "pdfplumber" and _installed(m)}
        )
    )

    if "pdfium+fallback" in comparisons:
        print("\n## Pages pdfium+fallback reads with pypdf\n")
        total = 0
        for path in pdfs:
            _, damaged = _pdfium_fallback_pages(path.read_bytes())
            if damaged:
                total += len(damaged)
                reasons = sorted(set(damaged.values()))
                print(
                    f"- {path.name}: {len(damaged)} page(s) ({', '.join(reasons)}): "
                    f"{', '.join(str(i + 1) for i in sorted(damaged))}"
                )
        print(f"\n{total} of {rows[0]['pages']} pages fall back.")
    for name, comparison in comparisons.items():
        if not comparison:
            continue
        print(f"\n## {name} against pypdf, file by file\n")
        print("| file | labelled | rows | same rows | same content |")
        print("| --- | --- | --- | --- | --- |")
        for doc, e in comparison.items():
            mark = "yes" if f"{doc}.pdf" in labelled else ""
            print(f"| {doc} | {mark} | {e['rows']} | {e['same']} | {e['content']} |")
        for doc, e in comparison.items():
            for table, side, record in e["diff"]:
                keep = {k: v for k, v in record.items() if v not in ("", "<NA>", "nan", "None")}
                print(f"- {doc} {table}, {side}: {keep}")


if __name__ == "__main__":
    main()
