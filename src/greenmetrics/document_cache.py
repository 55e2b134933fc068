"""What one plan gave the last time it was extracted, kept so that after one input changes only
that input is read and extracted again.

An entry holds one document's outcome of the per-document step of `pipeline.extract_corpus`
(its documents row, targets, milestones, observations, decoded text, indicator tables read and
review rows), before the steps that need the whole corpus (duplicates, overrides, the catalog
join, validation, the review table), which always run on every row. Its key is a digest of
everything that step reads: the file's bytes and name, its manifest row, the extraction code
(`fingerprint.code_fingerprint`: package version, modules and data CSVs such as the gazetteer
and catalog), the Python version (Unicode tables, `re`), the versions of the libraries that
read and convert text (pypdf, cn2an, opencc ...) and the PDF reader chosen with the versions of
both PDF libraries (`pdf_text.reader_label`: named apart, since an install from a source tree
has no metadata to list them). A changed anything is another key, so a stale
entry is never found.

Entries live in a hidden folder of the output folder (`data/processed/.document-cache/`,
git-ignored with the tables), one file each, written atomically. An entry is trusted only when
its checksum, its own copy of the key and its shape agree, and it is unpickled with only the
extractor's record classes allowed; anything else (a truncated or edited file, another
version's format) is ignored and written again after the document is extracted anew.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import pickle
import platform
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path

from . import fingerprint
from .extract.records import MilestoneRecord, ObservationRecord, TargetRecord
from .extract.table_rows import TableReading
from .files import write_atomic
from .notes import Note, NotePart
from .pdf_text import reader_label

CACHE_NAME = ".document-cache"
ENTRY_SUFFIX = ".entry"
# The first line of an entry: a file of another format is never read as one of this.
ENTRY_FORMAT = b"greenmetrics document cache 1\n"
OUTCOME_FIELDS = 7  # row, targets, milestones, observations, text, tables, review rows
# The only classes an entry may hold besides plain values (dicts, lists, str, numbers, None);
# a review row's note is a Note (its text and the template codes it renders from).
ALLOWED_CLASSES = {
    (cls.__module__, cls.__qualname__): cls
    for cls in (TargetRecord, MilestoneRecord, ObservationRecord, TableReading, Note, NotePart)
}


class _RecordsOnly(pickle.Unpickler):
    """An unpickler that builds the extractor's records and nothing else, so an entry edited
    by hand or damaged cannot run code or smuggle in another type."""

    def find_class(self, module: str, name: str):
        try:
            return ALLOWED_CLASSES[(module, name)]
        except KeyError:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in an entry") from None


@cache
def library_versions() -> tuple[tuple[str, str], ...]:
    """The installed version of each library greenmetrics depends on (its own metadata), as
    (name, version) pairs; empty when greenmetrics runs from a source tree never installed."""
    try:
        requirements = metadata.requires("greenmetrics") or []
    except metadata.PackageNotFoundError:
        return ()
    names = sorted(
        {
            req.split(";")[0].split("[")[0].split(">")[0].split("<")[0].split("=")[0].strip()
            for req in requirements
            if "extra ==" not in req
        }
    )
    versions = []
    for name in names:
        try:
            versions.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            versions.append((name, "missing"))
    return tuple(versions)


def extraction_environment() -> str:
    """The part of every key that is the same for all documents of a run: code and libraries."""
    return json.dumps(
        {
            "code": fingerprint.code_fingerprint(),
            "python": platform.python_version(),
            "libraries": library_versions(),
            "pdf_reader": reader_label(),
        },
        sort_keys=True,
    )


@dataclass
class DocumentCache:
    """The entries of `folder`. With `reuse` False (`--force`) no entry is read, but the
    documents extracted are stored, so the next run finds them."""

    folder: Path
    reuse: bool = True
    used: set[str] = field(default_factory=set)  # the keys of this run's documents
    hits: int = 0  # documents taken from an entry in this run (for tests and the bench)
    pending: dict[str, tuple] = field(default_factory=dict)  # extracted, not yet saved

    def __post_init__(self) -> None:
        self.folder = Path(self.folder)
        self.environment = extraction_environment()

    def key(self, path: Path, manifest_row: dict | None, max_bytes: int) -> str | None:
        """The key of the plan at `path` with its manifest row (None: none), or None when the
        file cannot be read here or is over `max_bytes` (the extraction says why)."""
        try:
            if path.stat().st_size > max_bytes:
                return None
            content = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            return None
        described = json.dumps(
            [self.environment, path.name, content, manifest_row], sort_keys=True, default=str
        )
        key = hashlib.sha256(described.encode("utf-8")).hexdigest()
        self.used.add(key)
        return key

    def _entry(self, key: str) -> Path:
        return self.folder / f"{key}{ENTRY_SUFFIX}"

    def load(self, key: str) -> tuple | None:
        """The outcome stored under `key`, or None when there is none to trust."""
        if not self.reuse:
            return None
        try:
            data = self._entry(key).read_bytes()
        except OSError:
            return None
        header, _, rest = data.partition(b"\n")
        checksum, _, payload = rest.partition(b"\n")
        if (
            header + b"\n" != ENTRY_FORMAT
            or hashlib.sha256(payload).hexdigest().encode() != checksum
        ):
            return None
        try:
            stored_key, outcome = _RecordsOnly(io.BytesIO(payload)).load()
        except Exception:  # noqa: BLE001 - whatever a damaged entry raises, it is not used
            return None
        if stored_key != key or not _looks_like_outcome(outcome):
            return None
        self.hits += 1
        return outcome

    def store(self, key: str, outcome: tuple) -> None:
        """Keep `outcome` under `key` once the run's tables are written (`save`)."""
        self.pending[key] = outcome

    def save(self) -> None:
        """Write the entries of this run and remove the others. Called after the tables are
        written: a run that fails (a bad override, a bad manifest) leaves its output folder as
        it was, cache included. A cache that cannot be written only costs time later."""
        for key, outcome in self.pending.items():
            payload = pickle.dumps((key, outcome), protocol=pickle.HIGHEST_PROTOCOL)
            checksum = hashlib.sha256(payload).hexdigest().encode()
            with contextlib.suppress(OSError):
                write_atomic(self._entry(key), ENTRY_FORMAT + checksum + b"\n" + payload)
        self.pending.clear()
        self.prune()

    def prune(self) -> None:
        """Remove the entries of documents not in this run (an edited plan's former text, a
        removed plan), so the folder holds one entry per document of the last run."""
        if not self.folder.is_dir():
            return
        for entry in self.folder.glob(f"*{ENTRY_SUFFIX}"):
            if entry.name[: -len(ENTRY_SUFFIX)] not in self.used:
                with contextlib.suppress(OSError):
                    entry.unlink()


def _looks_like_outcome(outcome: object) -> bool:
    return (
        isinstance(outcome, tuple)
        and len(outcome) == OUTCOME_FIELDS
        and isinstance(outcome[0], dict)
        and all(isinstance(part, list) for part in outcome[1:4])
        and isinstance(outcome[4], str)
        and isinstance(outcome[5], TableReading)
        and isinstance(outcome[6], list)
    )


def cache_folder(out_dir: Path) -> Path:
    """Where the entries of the tables written to `out_dir` live."""
    return Path(out_dir) / CACHE_NAME
