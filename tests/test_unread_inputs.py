"""Every entry of an input folder is read or named with why not: nothing is skipped in silence.

Each case is made by the test in a temporary folder; the good plan beside them is still read
and the exit status says that some input was not.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys

import pandas as pd
import pytest
from typer.testing import CliRunner

from greenmetrics import paths
from greenmetrics.cli import app

pytestmark = pytest.mark.slow  # the command line and the extraction on folders of odd entries

SEED = paths.RAW_DIR / "003_d6b7a80b1f52e553.txt"
runner = CliRunner()

CASES = {
    "broken.txt": ("link", "a broken link to"),
    "loop.txt": ("loop", "a symbolic link loop"),
    "x.txt": ("folder", "a folder"),
    "old.doc": (b"\xd0\xcf\x11\xe0" + b"\0" * 60, "save it as .docx"),
    "plan.wps": (b"\xd0\xcf\x11\xe0" + b"\0" * 60, "save it as .docx"),
    "table.xlsx": (b"PK\x03\x04" + b"\0" * 60, "a spreadsheet"),
    "scan.png": (b"\x89PNG\r\n" + b"\0" * 60, "needs OCR"),
}


@pytest.fixture()
def folder(tmp_path):
    shutil.copy(SEED, tmp_path / SEED.name)
    for name, (content, _) in CASES.items():
        path = tmp_path / name
        if content == "link":
            os.symlink(tmp_path / "gone" / "plan.txt", path)
        elif content == "loop":
            os.symlink(path, path)
        elif content == "folder":
            path.mkdir()
        else:
            path.write_bytes(content)
    (tmp_path / ".DS_Store").write_bytes(b"\0\0")  # hidden: no plan, nobody expects it read
    return tmp_path


def test_each_entry_not_read_gets_one_line_the_others_are_read_and_the_exit_says_so(
    folder, tmp_path_factory
):
    out = tmp_path_factory.mktemp("out")
    result = runner.invoke(app, ["extract", str(folder), "--out", str(out)])
    assert result.exit_code == 1
    output = " ".join(result.output.split())
    assert ".DS_Store" not in output
    documents = pd.read_csv(out / "documents.csv")
    assert list(documents["file"]) == [SEED.name]
    review = pd.read_csv(out / "review.csv")
    problems = list(review[review["category"] == "document_problem"]["note"])
    assert len(problems) == len(CASES)
    for name, (_, why) in CASES.items():
        line = next(p for p in problems if f"{name}: not read: " in p)
        assert why in line, line
        assert f"{name}: not read:" in output  # and on the terminal


def test_a_link_loop_named_on_the_command_line_says_so(folder):
    result = runner.invoke(app, ["extract", str(folder / "loop.txt")])
    assert result.exit_code == 2
    assert "a symbolic link loop" in result.output


def test_a_stray_nul_byte_is_dropped_and_reported_the_plan_is_read(tmp_path, tmp_path_factory):
    raw = SEED.read_bytes()
    cut = raw.index("到2025年".encode())
    (tmp_path / "plan.txt").write_bytes(raw[:cut] + b"\x00" + raw[cut:])
    out = tmp_path_factory.mktemp("out")
    result = runner.invoke(app, ["extract", str(tmp_path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    review = pd.read_csv(out / "review.csv")
    notes = review[review["category"] == "document_problem"]
    assert list(notes["doc_id"]) == ["plan"]
    assert "1 stray NUL byte(s) dropped" in notes["note"].iloc[0]
    clean = runner.invoke(app, ["extract", str(SEED), "--out", str(tmp_path / "clean")])
    assert clean.exit_code == 0
    got = pd.read_csv(out / "targets.csv")["value"].tolist()
    assert got == pd.read_csv(tmp_path / "clean" / "targets.csv")["value"].tolist()


def test_many_nul_bytes_are_binary_content(tmp_path):
    (tmp_path / "plan.txt").write_bytes(b"\x00".join([b"abc"] * 200))
    result = runner.invoke(app, ["extract", str(tmp_path), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert "binary content" in result.output


def test_a_second_run_into_a_folder_in_use_stops_with_a_clear_message(tmp_path):
    from greenmetrics.pipeline import output_lock

    out = tmp_path / "out"
    with output_lock(out):  # a first run holds the folder
        result = runner.invoke(app, ["extract", str(SEED), "--out", str(out)])
    assert result.exit_code == 2
    assert "another greenmetrics run is writing to this folder" in result.output
    assert not (out / "targets.csv").exists()
    again = runner.invoke(app, ["extract", str(SEED), "--out", str(out)])  # released: runs
    assert again.exit_code == 0 and (out / "targets.csv").exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux only")
def test_extraction_workers_are_told_to_die_with_their_parent():
    from concurrent.futures import ProcessPoolExecutor

    from greenmetrics.pipeline import _die_with_parent, parent_death_signal

    with ProcessPoolExecutor(max_workers=1, initializer=_die_with_parent) as pool:
        assert pool.submit(parent_death_signal).result() == signal.SIGTERM
    with ProcessPoolExecutor(max_workers=1) as pool:  # the test can tell: a plain worker has none
        assert pool.submit(parent_death_signal).result() == 0


# -- no document can stop the corpus ------------------------------------------------------------

PLAN_TEXT = "到2025年，全市森林覆盖率达到35%。\n到2025年，城市污水处理率达到95%以上。\n"


def test_odd_code_points_are_made_valid_where_read_and_reported(tmp_path, monkeypatch):
    from greenmetrics import readers
    from greenmetrics.pipeline import extract_corpus, write_extraction

    # a PDF text layer with a lone surrogate (cannot be written as UTF-8), a private-use
    # character and an unassigned one, as some real text layers hold them
    odd = "第\ud835页\ue000\U000e0fff" + PLAN_TEXT
    monkeypatch.setattr(readers, "_read_pdf", lambda path, raw: (odd, "pdf"))
    (tmp_path / "odd.pdf").write_bytes(b"%PDF-1.4 stub")
    shutil.copy(SEED, tmp_path / SEED.name)
    result = extract_corpus([tmp_path])
    out = tmp_path / "out"
    write_extraction(result, out)  # writes although one text held a surrogate
    targets = pd.read_csv(out / "targets.csv")
    assert sorted(targets[targets["doc_id"] == "odd"]["value"]) == [35.0, 95.0]
    review = pd.read_csv(out / "review.csv")
    notes = review[(review["doc_id"] == "odd") & (review["category"] == "document_problem")]
    assert notes["note"].str.contains("1 invalid code point").any()
    assert notes["note"].str.contains("2 private-use or unassigned").any()
    assert "\ufffd" in result.texts["odd"] and "\ud835" not in result.texts["odd"]


def _beside_the_seed(folder, monkeypatch, doc_id: str, misbehave) -> None:
    """A plan `doc_id` beside the seed plan in `folder`, whose extraction calls `misbehave`."""
    from greenmetrics.extract import Extractor

    (folder / f"{doc_id}.txt").write_text(PLAN_TEXT, encoding="utf-8")
    shutil.copy(SEED, folder / SEED.name)
    run = Extractor.run

    def patched(self):
        if self.context.doc_id == doc_id:
            misbehave()
        return run(self)

    monkeypatch.setattr(Extractor, "run", patched)


def test_a_document_that_raises_inside_extraction_fails_alone(tmp_path, monkeypatch):
    from greenmetrics.pipeline import extract_corpus

    def raises():
        raise ZeroDivisionError("division by zero")

    _beside_the_seed(tmp_path, monkeypatch, "bad", raises)
    result = extract_corpus([tmp_path])
    assert list(result.documents["doc_id"]) == [SEED.stem]
    assert len(result.problems) == 1
    assert (
        "bad.txt: could not be extracted (ZeroDivisionError: division by zero"
        in (result.problems[0])
    )


def test_a_long_run_shows_progress_in_a_log_and_its_time_in_the_summary(tmp_path):
    plans = tmp_path / "plans"
    plans.mkdir()
    for i in range(55):
        (plans / f"p{i:02d}.txt").write_text(f"第{i}号方案\n" + PLAN_TEXT, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(plans), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "extracted 50/55 documents" in result.output  # output is no terminal here
    assert "│ time" in result.output


def test_a_plan_over_the_time_limit_fails_alone_with_a_clear_message(tmp_path, monkeypatch):
    import time as clock

    from greenmetrics import pipeline

    # sleeping stands for a pathological file; the limit below stops it
    _beside_the_seed(tmp_path, monkeypatch, "slow", lambda: clock.sleep(30))
    monkeypatch.setattr(pipeline, "MAX_DOCUMENT_SECONDS", 0.5)
    result = pipeline.extract_corpus([tmp_path], workers=1)
    assert list(result.documents["doc_id"]) == [SEED.stem]
    assert len(result.problems) == 1 and "slow.txt: stopped after 0.5 s" in result.problems[0]


def test_a_plan_over_the_size_limit_is_named_not_read(tmp_path, monkeypatch):
    from greenmetrics import pipeline

    shutil.copy(SEED, tmp_path / SEED.name)
    limit = SEED.stat().st_size + 1
    (tmp_path / "huge.txt").write_text(PLAN_TEXT * (limit // 50), encoding="utf-8")
    monkeypatch.setattr(pipeline, "MAX_DOCUMENT_BYTES", limit)
    result = pipeline.extract_corpus([tmp_path], workers=1)
    assert list(result.documents["doc_id"]) == [SEED.stem]
    assert "huge.txt: not read:" in result.problems[0] and "split it" in result.problems[0]
