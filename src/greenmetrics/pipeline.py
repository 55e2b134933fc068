"""The extraction stage end to end: plan files -> documents, targets and milestones tables.

One bad document never stops the others: its problem is recorded (file and reason) and the
run goes on; the caller decides the exit status from `ExtractionResult.problems`.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import re
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import paths
from .catalog import Catalog, attach_indicators, load_catalog
from .document_cache import DocumentCache, cache_folder
from .document_kinds import genre_family, read_genre, report_year, rules_review_note
from .errors import GreenmetricsError, InputError
from .extract import Extractor, PlanContext, default_target_year, read_observations
from .extract.non_targets import set_aside_row
from .files import csv_bytes, write_all_atomic
from .fingerprint import (
    FINGERPRINT_NAME,
    extraction_fingerprint,
    fingerprint_bytes,
    stored_fingerprint,
)
from .gazetteer import shipped_gazetteer
from .inputs import iter_plan_files, unread_entries
from .manifest import load_manifest
from .metadata import detect_metadata
from .overrides import apply_overrides, load_overrides
from .readers import Document, read_document
from .regions import region_short_names
from .review import build_review
from .schemas import PROCESSED_TABLES, columns
from .tables import finalize, records_frame
from .text import normalize


@dataclass
class ExtractionResult:
    documents: pd.DataFrame
    targets: pd.DataFrame
    milestones: pd.DataFrame
    observations: pd.DataFrame
    problems: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict, repr=False)  # doc_id -> decoded text
    # Rows of indicator tables to check (a text target cell, a header not understood), and the
    # spans of the tables read: their numbers are not listed again as unreported.
    table_review: list[dict] = field(default_factory=list, repr=False)
    table_spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict, repr=False)
    # doc_id -> review rows about the plan itself: its region was not sure, damage repaired
    document_reviews: dict[str, list[dict]] = field(default_factory=dict)
    validated: bool = False  # True when the frames come from extract_corpus (already checked)
    # What the tables were made from (fingerprint.extraction_fingerprint), taken before the
    # first file was read; None for a result built by hand or with another catalog than the
    # shipped one (the fingerprint does not know it)
    fingerprint: dict[str, str] | None = None

    @property
    def unmapped(self) -> pd.DataFrame:
        """Targets whose indicator phrase has no catalog match (listed for review, never dropped)."""
        t = self.targets
        return t[t["indicator_id"].isna()][["doc_id", "indicator_zh", "quote"]]


def _issue_year(meta: dict) -> int | None:
    date = meta.get("issue_date") or ""
    return int(date[:4]) if re.match(r"^\d{4}", date) else None


def _document_row(
    doc: Document, meta: dict, source: str, default_year: int, kind: str, year: int | None
) -> dict:
    return {
        "doc_id": doc.doc_id,
        "file": doc.path.name,
        "title_zh": meta.get("title_zh"),
        "region_zh": meta.get("region_zh") or "未知",
        "region_en": meta.get("region_en"),
        # NOTE: a region that cannot be told has no level (never a guessed "county")
        "region_level": meta.get("region_level") or None,
        "division_code": meta.get("division_code"),
        "parent_region_zh": meta.get("parent_region_zh"),
        "province_zh": meta.get("province_zh"),
        "issuer_zh": meta.get("issuer_zh"),
        "issue_date": meta.get("issue_date"),
        "doc_number": meta.get("doc_number"),
        "doc_kind": kind,
        "report_year": year,
        "default_target_year": default_year,
        "metadata_source": source,
        "format": doc.format,
        "encoding": doc.encoding,
        "sha256": doc.sha256,
        "n_chars": len(doc.text),
    }


def _observation_row(record, document: dict) -> dict:
    """An observation as a row: the document's region unless the clause named another."""
    row = dict(record.__dict__)
    if row["region_zh"] is None:
        row["region_zh"] = document["region_zh"]
        row["division_code"] = document["division_code"]
    return row


def _override_files(inputs: list[Path], files: list[Path]) -> list[Path]:
    folders = sorted({p for p in inputs if p.is_dir()} | {f.parent for f in files})
    return [f / paths.OVERRIDES_NAME for f in folders if (f / paths.OVERRIDES_NAME).exists()]


def _fill_regions(targets: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Region columns of targets added by overrides, from the documents table."""
    regions = documents.set_index("doc_id")[["region_zh", "region_level"]]
    targets = targets.copy()
    for column in ("region_zh", "region_level"):
        missing = targets[column].isna() | (targets[column] == "")
        targets.loc[missing, column] = targets.loc[missing, "doc_id"].map(regions[column])
    return targets


def _with_division_code(meta: dict) -> dict:
    """A manifest row with the GB/T 2260 code and English name of its region: as given, else
    looked up in the gazetteer by region_zh (甘肃省, 忻州市忻府区, 临夏州); a review row when the
    code is missing and the gazetteer finds no one division."""
    if meta.get("division_code") and meta.get("region_en"):
        return meta
    gazetteer = shipped_gazetteer()
    division = gazetteer.find_region(meta.get("region_zh") or "")
    if division is not None:
        return {
            **meta,
            "division_code": meta.get("division_code") or division.code,
            "region_en": meta.get("region_en") or gazetteer.display_name_en(division),
        }
    if meta.get("division_code"):
        return meta
    note = (
        f"manifest region_zh {meta.get('region_zh')!r} is no one division of the gazetteer: "
        "division_code left empty; give it in the manifest's division_code column"
    )
    review = [{"category": "region_uncertain", "text": meta.get("region_zh"), "note": note}]
    return {**meta, "region_review": review}


PARALLEL_FROM = 40  # below this many files, starting worker processes costs more than it saves


# One pathological plan must not hold a corpus run: limits per document, overridable.
MAX_DOCUMENT_BYTES = int(float(os.environ.get("GREENMETRICS_MAX_MB", "200")) * 1e6)
MAX_DOCUMENT_SECONDS = float(os.environ.get("GREENMETRICS_MAX_SECONDS", "300"))


class DocumentTimeout(GreenmetricsError):
    """A plan took longer than the per-document limit."""


@contextlib.contextmanager
def _time_limit(path: Path, seconds: float) -> Iterator[None]:
    """Raise DocumentTimeout naming `path` when the block runs longer than `seconds` (a timer
    signal; where there is none, as off the main thread or on Windows, no limit applies)."""
    usable = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def expire(signum, frame):
        raise DocumentTimeout(
            f"{path}: stopped after {seconds:g} s, the limit per plan (GREENMETRICS_MAX_SECONDS); "
            "a damaged or huge file? check it or raise the limit"
        )

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _process_file(job: tuple[Path, dict | None]):
    """Read and extract one plan: (path, (document row, targets, milestones, text, tables))
    or (path, problem) for a file that cannot be read. Whatever one document raises becomes
    that document's one-line problem: no document can stop the corpus."""
    path = job[0]
    try:
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            return path, (
                f"{path}: not read: {size / 1e6:.0f} MB is over the limit of "
                f"{MAX_DOCUMENT_BYTES / 1e6:.0f} MB per plan (GREENMETRICS_MAX_MB); split it"
            )
        with _time_limit(path, MAX_DOCUMENT_SECONDS):
            return _read_and_extract(job)
    except GreenmetricsError as exc:
        return path, str(exc)
    except Exception as exc:  # noqa: BLE001 - a bug met on one plan must not lose the others
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return path, (
            f"{path}: could not be extracted ({type(exc).__name__}: {exc}; in "
            f"{Path(where.filename).name}:{where.lineno}); please report it with this file"
        )


def _read_and_extract(job: tuple[Path, dict | None]):
    path, meta = job
    doc = read_document(path)
    normalized = normalize(doc.text)  # once, for the metadata and the rules
    source = "manifest"
    if meta is None:
        meta = detect_metadata(doc.text, normalized)
        source = "detected"
    else:
        meta = _with_division_code(meta)
    issue_year = _issue_year(meta)
    title = meta.get("title_zh")
    default_year = default_target_year(doc.text, issue_year, title)
    genre = meta.get("genre") or read_genre(
        title, meta.get("issuer_zh"), doc.text, meta.get("doc_kind")
    )
    kind = meta.get("doc_kind") or genre_family(genre)
    year = report_year(kind, meta.get("title_zh"), issue_year, doc.text)
    context = PlanContext(
        doc_id=doc.doc_id,
        region_names=region_short_names(meta.get("region_zh") or ""),
        issue_year=issue_year,
        default_target_year=default_year,
        doc_kind=kind,
        report_year=year,
    )
    extractor = Extractor(doc.text, context, norm=normalized)
    targets, milestones = extractor.run()
    observations = read_observations(extractor)
    set_aside = extractor.set_aside
    if kind == "rules":
        # NOTE: read after the observations, so no number of a funding call or a rule is read
        # as a measured value either; each target the rules found is listed with the reason.
        note = rules_review_note(genre)
        set_aside += [_set_aside(t, note) for t in targets]
        targets, milestones = [], []
    row = _document_row(doc, meta, source, default_year, kind, year)
    row["genre"] = genre
    region_review = (meta.get("region_review") or []) + (meta.get("metadata_review") or [])
    repairs = [{"category": "document_problem", "note": note} for note in doc.repairs]
    outcome = (row, targets, milestones, observations, doc.text, extractor.tables)
    return path, (*outcome, region_review + repairs + set_aside)


def _set_aside(target, note: str) -> dict:
    number = f"{target.value:g}{target.unit}"
    return set_aside_row(number, target.quote, target.char_start, target.char_end, note)


_PR_SET_PDEATHSIG, _PR_GET_PDEATHSIG = 1, 2


def _die_with_parent() -> None:
    """Worker initializer: on Linux, ask the kernel to end this worker when its parent dies, so
    a killed run (kill -9, a closed terminal) leaves no worker asleep behind it."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
        if os.getppid() == 1:  # the parent died before the line above ran
            os._exit(1)


def parent_death_signal() -> int:
    """The signal this process gets when its parent dies (0: none); for tests."""
    value = ctypes.c_int(0)
    ctypes.CDLL(None).prctl(_PR_GET_PDEATHSIG, ctypes.byref(value))
    return value.value


def _process_files(jobs: list, workers: int | None):
    """Results of _process_file in the order of `jobs`, in worker processes when it pays."""
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers <= 1 or len(jobs) < PARALLEL_FROM:
        yield from map(_process_file, jobs)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_die_with_parent) as pool:
        yield from pool.map(_process_file, jobs, chunksize=8)


def _run_jobs(jobs: list, workers: int | None, cache: DocumentCache | None = None):
    """Results of _process_file in the order of `jobs`: a document whose entry in `cache` is
    current is taken from it; only the others are read and extracted (and stored)."""
    if cache is None:
        yield from _process_files(jobs, workers)
        return
    keys = [cache.key(path, meta, MAX_DOCUMENT_BYTES) for path, meta in jobs]
    stored = [cache.load(key) if key else None for key in keys]
    fresh = _process_files([j for j, s in zip(jobs, stored, strict=True) if s is None], workers)
    for (path, _), key, outcome in zip(jobs, keys, stored, strict=True):
        if outcome is None:
            path, outcome = next(fresh)
            # a problem (unreadable, over a limit) is found again next time, never stored
            if key and not isinstance(outcome, str):
                cache.store(key, outcome)
        yield path, outcome


def extract_corpus(
    inputs: Iterable[Path] | None = None,
    catalog: Catalog | None = None,
    on_document: Callable[[Path], None] | None = None,
    workers: int | None = None,
    cache: DocumentCache | None = None,
) -> ExtractionResult:
    """Read every plan under `inputs` (files or folders; default data/raw) and extract it.

    Metadata comes from the manifest (documents.csv) of each file's folder; a plan missing from
    it gets metadata detected from its own text. Returns validated frames and the problems met.
    `workers` processes read and extract in parallel (default: all cores for a large corpus);
    the result does not depend on it. With a `cache`, a document unchanged since it was
    stored there (file, manifest row, code) is not read again; the result is the same.
    """
    inputs = [Path(p) for p in (inputs or [paths.RAW_DIR])]
    # before anything is read: a file changed during the run makes the tables stale
    fingerprint = extraction_fingerprint(inputs) if catalog is None else None
    catalog = catalog or load_catalog()
    problems: list[str] = []
    duplicates: list[str] = []
    manifests: dict[Path, dict[str, dict]] = {}
    files = iter_plan_files(inputs)
    problems.extend(unread_entries(inputs))
    seen_hashes: dict[str, str] = {}
    doc_rows, target_records, milestone_records, observation_records = [], [], [], []
    texts: dict[str, str] = {}
    table_review: list[dict] = []
    table_spans: dict[str, list[tuple[int, int]]] = {}
    document_reviews: dict[str, list[dict]] = {}
    for folder in sorted({f.parent for f in files} | {p for p in inputs if p.is_dir()}):
        try:
            manifest, row_problems = load_manifest(folder)
        except InputError as exc:
            problems.append(str(exc))
            manifest, row_problems = {}, []
        manifests[folder] = manifest
        problems.extend(str(p) for p in row_problems)
    # Plans listed in a manifest go first, so of two identical files the listed one is kept.
    files = sorted(files, key=lambda f: (f.name not in manifests.get(f.parent, {}), str(f)))
    jobs = [(path, manifests.get(path.parent, {}).get(path.name)) for path in files]
    seen_ids: dict[str, str] = {}
    for path, outcome in _run_jobs(jobs, workers, cache):
        if on_document:
            on_document(path)
        if isinstance(outcome, str):
            problems.append(outcome)
            continue
        row, targets, milestones, observations, text, tables, region_review = outcome
        if row["sha256"] in seen_hashes:
            duplicates.append(
                f"{path}: same content as {seen_hashes[row['sha256']]}; skipped as a duplicate"
            )
            continue
        if row["doc_id"] in seen_ids:
            problems.append(
                f"{path}: same file name stem as {seen_ids[row['doc_id']]} (doc_id {row['doc_id']!r}); "
                "rename one of them"
            )
            continue
        seen_hashes[row["sha256"]] = str(path)
        seen_ids[row["doc_id"]] = str(path)
        texts[row["doc_id"]] = text
        table_review.extend(tables.review + tables.unread_rows)
        table_spans[row["doc_id"]] = tables.spans
        if region_review:
            document_reviews[row["doc_id"]] = region_review
        doc_rows.append(row)
        region = {"region_zh": row["region_zh"], "region_level": row["region_level"]}
        target_records.extend({**record.__dict__, **region} for record in targets)
        milestone_records.extend({**record.__dict__, **region} for record in milestones)
        observation_records.extend(_observation_row(record, row) for record in observations)
    documents = finalize(records_frame(doc_rows, "documents"), "documents")
    targets = records_frame(target_records, "targets")
    overrides = [(p, load_overrides(p)) for p in _override_files(inputs, files)]
    aliases = {
        o.fields["indicator_zh"]: o.fields["indicator_id"]
        for _, rows in overrides
        for o in rows
        if o.action == "map"
        and "indicator_zh" in o.fields
        and o.fields.get("indicator_id") in catalog.indicators
    }
    if aliases:
        catalog = load_catalog(catalog.path, extra_aliases=aliases)
    targets = attach_indicators(targets, catalog, keep_given=False)
    for path, rows in overrides:
        targets = apply_overrides(targets, rows, texts, catalog, path)
    targets = _fill_regions(attach_indicators(targets, catalog), documents)
    targets = finalize(targets, "targets")
    milestones = finalize(records_frame(milestone_records, "milestones"), "milestones")
    observations = attach_indicators(records_frame(observation_records, "observations"), catalog)
    observations = finalize(observations[list(columns("observations"))], "observations")
    return ExtractionResult(
        documents,
        targets,
        milestones,
        observations,
        problems,
        duplicates,
        texts,
        table_review=table_review,
        table_spans=table_spans,
        document_reviews=document_reviews,
        validated=True,
        fingerprint=fingerprint,
    )


LOCK_NAME = ".greenmetrics.lock"


def _refuse_raw(out_dir: Path) -> None:
    if out_dir.resolve() == paths.RAW_DIR.resolve():
        raise InputError(
            out_dir, "refusing to write outputs into data/raw (raw data is never modified)"
        )


@contextlib.contextmanager
def output_lock(folder: Path, wait: bool = False) -> Iterator[None]:
    """Hold the output folder for one run: a second run into the same folder stops with a clear
    message (or, with `wait`, waits its turn) instead of racing the first one's files.

    The lock is an advisory lock on `folder/.greenmetrics.lock` (flock): it is released when the
    holder ends, even by kill -9, so a crashed run never leaves the folder locked."""
    folder = Path(folder)
    _refuse_raw(folder)
    try:
        import fcntl
    except ImportError:  # NOTE: Windows has no flock; runs there are not guarded
        yield
        return
    created = not folder.exists()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle = open(folder / LOCK_NAME, "a+b")  # noqa: SIM115 - held for the whole run
    except OSError as exc:
        raise InputError(folder, f"cannot use this output folder: {exc.strerror or exc}") from None
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            raise InputError(
                folder,
                "another greenmetrics run is writing to this folder; wait for it to finish "
                "or choose another --out",
            ) from None
        yield
    finally:
        handle.close()
        if created and [p.name for p in folder.iterdir()] == [LOCK_NAME]:
            # a run that wrote nothing leaves no folder behind it
            (folder / LOCK_NAME).unlink(missing_ok=True)
            with contextlib.suppress(OSError):
                folder.rmdir()


def write_extraction(result: ExtractionResult, out_dir: Path | None = None) -> list[Path]:
    """Write the three tables to out_dir (default data/processed); each whole or not at all."""
    out_dir = Path(out_dir or paths.PROCESSED_DIR)
    _refuse_raw(out_dir)
    # Everything is validated and encoded before the first file is replaced, so a failure
    # leaves the previous outputs as they were.
    # extract_corpus returns validated tables; a result built by hand is validated here.
    tables = {
        name: getattr(result, name) if result.validated else finalize(getattr(result, name), name)
        for name in ("documents", "targets", "milestones", "observations")
    }
    tables["review"] = build_review(result, result.texts)
    payloads = {f"{name}.csv": csv_bytes(df) for name, df in tables.items()}
    # The fingerprint is moved into place after the tables. An older one that vouches for
    # other tables goes first, so an interrupted write leaves tables that no fingerprint
    # vouches for (made again next time); tables of unknown origin get none.
    if result.fingerprint is not None:
        payloads[FINGERPRINT_NAME] = fingerprint_bytes(result.fingerprint)
    try:
        if stored_fingerprint(out_dir) != result.fingerprint:
            (out_dir / FINGERPRINT_NAME).unlink(missing_ok=True)
        written = write_all_atomic({out_dir / name: data for name, data in payloads.items()})
        return [p for p in written if p.name != FINGERPRINT_NAME]
    except OSError as exc:
        raise InputError(out_dir, f"cannot write outputs here: {exc.strerror or exc}") from None


def ensure_tables(processed_dir: Path | None = None) -> Path:
    """Run the extraction when the tables are missing or stale (`tables_stale`), so a notebook
    can start with tables of the plans and code it runs with. Returns the folder of the tables."""
    folder = Path(processed_dir or paths.PROCESSED_DIR)
    if tables_stale(folder):
        with output_lock(folder, wait=True):
            if tables_stale(folder):  # another run may have written them while we waited
                cache = DocumentCache(cache_folder(folder))
                write_extraction(extract_corpus(cache=cache), folder)
                cache.save()
    return folder


def tables_stale(folder: Path) -> bool:
    """True when a table of `folder` is missing, was written with other columns, or was not
    extracted from data/raw, the reference data and the code as they are now (its stored
    fingerprint differs: a plan, manifest or override edited, added or removed, another
    greenmetrics version or extraction code)."""
    tables = [folder / f"{name}.csv" for name in PROCESSED_TABLES]
    if not all(t.exists() for t in tables):
        return True
    for name, path in zip(PROCESSED_TABLES, tables, strict=True):
        with path.open(encoding="utf-8") as f:
            if f.readline().strip() != ",".join(columns(name)):
                return True
    return stored_fingerprint(folder) != extraction_fingerprint([paths.RAW_DIR])
