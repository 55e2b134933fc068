"""The per-document cache: after one input changes, only that document is read and extracted
again, and every output is byte-identical to a full extraction; an entry that is stale,
damaged or not of this format is never trusted (`greenmetrics extract --force` reads none)."""

from __future__ import annotations

import csv
import hashlib
import io
import pickle
import shutil

import pytest
from typer.testing import CliRunner

from greenmetrics import fingerprint, paths, pdf_text, pipeline
from greenmetrics.cli import app
from greenmetrics.document_cache import (
    CACHE_NAME,
    ENTRY_FORMAT,
    ENTRY_SUFFIX,
    DocumentCache,
    cache_folder,
)

pytestmark = pytest.mark.slow  # extractions of a small corpus, several times

# Two plans, a bulletin, a news item, a PDF with indicator tables, each with its manifest row,
# and a plan without one (its metadata read from its text).
LISTED = (
    "000_78ec545c62429658.txt",
    "003_d6b7a80b1f52e553.txt",
    "gannan_2022_bulletin_part.txt",
    "ningxia_decade_news.txt",
    "p243_jilin.pdf",
)
UNLISTED = "shanxi.txt"
ADDED_SENTENCE = "到2027年，全区城市生活垃圾回收利用率达到45%以上。\n"


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    """A folder of shipped plans with their manifest rows; `extracted` lists the files read
    and extracted (not taken from the cache)."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in (*LISTED, UNLISTED):
        shutil.copy(paths.RAW_DIR / name, raw / name)
    with (paths.RAW_DIR / "documents.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    with (raw / "documents.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(r for r in rows if r["file"] in LISTED)
    extracted = []
    real = pipeline._read_and_extract

    def counted(job):
        extracted.append(job[0].name)
        return real(job)

    monkeypatch.setattr(pipeline, "_read_and_extract", counted)
    return raw, extracted


def _extract(raw, out, *options):
    result = CliRunner().invoke(app, ["extract", str(raw), "--out", str(out), *options])
    assert result.exit_code == 0, result.output


def _outputs(out):
    """Every file the extraction wrote (tables, review, fingerprint), by name, as bytes."""
    return {
        p.name: p.read_bytes()
        for p in out.iterdir()
        if p.is_file() and p.name != pipeline.LOCK_NAME
    }


def _entries(out):
    return sorted(cache_folder(out).glob(f"*{ENTRY_SUFFIX}"))


def test_one_changed_plan_is_the_only_one_extracted_again_and_outputs_are_identical(
    corpus, tmp_path
):
    raw, extracted = corpus
    cached, forced, fresh = tmp_path / "cached", tmp_path / "forced", tmp_path / "fresh"
    _extract(raw, cached)
    assert sorted(extracted) == sorted((*LISTED, UNLISTED))
    assert len(_entries(cached)) == len(LISTED) + 1
    first = _outputs(cached)

    extracted.clear()
    _extract(raw, cached)  # nothing changed: every document from the cache
    assert extracted == []
    assert _outputs(cached) == first

    plan = raw / "000_78ec545c62429658.txt"
    plan.write_text(plan.read_text(encoding="utf-8") + ADDED_SENTENCE, encoding="utf-8")
    _extract(raw, cached)
    assert extracted == [plan.name]
    assert len(_entries(cached)) == len(LISTED) + 1  # the former text's entry is gone

    extracted.clear()
    _extract(raw, forced)
    _extract(raw, forced, "--force")  # reads no entry, though all are current
    assert len(extracted) == 2 * (len(LISTED) + 1)
    _extract(raw, fresh)
    changed = _outputs(cached)
    assert changed != first and "45" in changed["targets.csv"].decode("utf-8")
    assert changed == _outputs(forced) == _outputs(fresh)


def test_a_changed_manifest_row_or_extraction_code_is_a_miss(corpus, tmp_path, monkeypatch):
    raw, extracted = corpus
    out = tmp_path / "out"
    _extract(raw, out)
    manifest = raw / "documents.csv"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace("2022年国民经济", "2022年国民经济 ", 1), encoding="utf-8")
    extracted.clear()
    _extract(raw, out)
    assert extracted == ["gannan_2022_bulletin_part.txt"]

    monkeypatch.setattr(fingerprint, "code_fingerprint", lambda: "0.1.0:a rule edited")
    extracted.clear()
    _extract(raw, out)
    assert len(extracted) == len(LISTED) + 1


def test_another_pdf_reader_is_a_miss(corpus, tmp_path, monkeypatch):
    """The PDF reader (GREENMETRICS_PDF_READER, the versions of PDFium and pypdf) is part of the
    key: a plan read by another reader, or after an upgrade, is read again."""
    raw, extracted = corpus
    out = tmp_path / "out"
    _extract(raw, out)
    monkeypatch.setenv(pdf_text.READER_VARIABLE, "pypdf")
    extracted.clear()
    _extract(raw, out)
    assert len(extracted) == len(LISTED) + 1
    extracted.clear()
    _extract(raw, out)
    assert extracted == []


def _damage(entry, how):
    data = entry.read_bytes()
    if how == "truncated":
        entry.write_bytes(data[: len(data) // 2])
    elif how == "flipped":
        entry.write_bytes(data[:-10] + bytes([data[-10] ^ 0xFF]) + data[-9:])
    elif how == "other format":
        entry.write_bytes(b"greenmetrics document cache 0\n" + data[len(ENTRY_FORMAT) :])
    elif how == "foreign class":
        # a well-formed entry whose checksum agrees, but that would build another object
        key = entry.name[: -len(ENTRY_SUFFIX)]
        payload = pickle.dumps((key, io.StringIO("not a record")))
        checksum = hashlib.sha256(payload).hexdigest().encode()
        entry.write_bytes(ENTRY_FORMAT + checksum + b"\n" + payload)
    elif how == "another key":
        # an entry copied from another document: its checksum agrees, its key does not
        other = next(p for p in entry.parent.glob(f"*{ENTRY_SUFFIX}") if p != entry)
        entry.write_bytes(other.read_bytes())


@pytest.mark.parametrize(
    "how", ["truncated", "flipped", "other format", "foreign class", "another key"]
)
def test_a_damaged_entry_is_ignored_and_written_again(corpus, tmp_path, how):
    raw, extracted = corpus
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    _extract(raw, out)
    expected = _outputs(out)
    entries = _entries(out)
    _damage(entries[0], how)
    extracted.clear()
    _extract(raw, out)
    assert len(extracted) == 1
    assert _outputs(out) == expected
    cache = DocumentCache(cache_folder(out))
    key = entries[0].name[: -len(ENTRY_SUFFIX)]
    assert cache.load(key) is not None  # rebuilt, and now trusted
    _extract(raw, fresh, "--force")
    assert _outputs(fresh) == expected


def test_the_cache_lives_hidden_beside_the_tables_and_is_not_a_table(corpus, tmp_path):
    raw, _ = corpus
    out = tmp_path / "out"
    _extract(raw, out)
    assert (out / CACHE_NAME).is_dir() and CACHE_NAME.startswith(".")
    # data/processed/* is git-ignored, so the cache folder inside it is too
    ignored = (paths.ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "/data/processed/*" in ignored
