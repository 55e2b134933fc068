"""Bad input gets a one-line error naming the file, the other documents are still processed,
outputs are written whole or not at all, and reruns are byte-identical.

Every file here is created by the test in a temporary folder; data/raw is only read.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import docx
import pandas as pd
import pytest
from typer.testing import CliRunner

from greenmetrics import paths
from greenmetrics.cli import app
from greenmetrics.pipeline import extract_corpus, write_extraction

SEED = paths.RAW_DIR / "003_d6b7a80b1f52e553.txt"
MANIFEST_HEADER = (
    "file,title_zh,region_zh,region_en,region_level,parent_region_zh,province_zh,issuer_zh,"
    "issue_date,doc_number,completeness,source\n"
)
runner = CliRunner()


def tree_digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            h.update(path.relative_to(folder).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


@pytest.fixture()
def messy_corpus(tmp_path: Path) -> Path:
    """A folder with one plan in every troublesome shape a user may hand us."""
    raw = tmp_path / "raw"
    raw.mkdir()
    text = SEED.read_text(encoding="utf-8")
    (raw / "good.txt").write_text(text, encoding="utf-8")
    (raw / "bom.txt").write_bytes(b"\xef\xbb\xbf" + text.replace("临夏", "临潭").encode("utf-8"))
    (raw / "gbk.txt").write_bytes(text.replace("临夏", "临洮").encode("gbk"))
    (raw / "gb18030.txt").write_bytes(text.replace("临夏", "临泽").encode("gb18030"))
    (raw / "utf16.txt").write_bytes(text.replace("临夏", "临江").encode("utf-16"))
    (raw / "fullwidth.txt").write_text(
        "到２０２５年，全县农村卫生厕所普及率达到８５％。", encoding="utf-8"
    )
    (raw / "no_targets.txt").write_text("加强组织领导，强化宣传引导。\n", encoding="utf-8")
    (raw / "empty.txt").write_bytes(b"")
    (raw / "binary.txt").write_bytes(bytes(range(256)) * 8)
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(raw / "full.docx")
    (raw / "truncated.docx").write_bytes((raw / "full.docx").read_bytes()[:300])
    (raw / "full.docx").unlink()
    (raw / "truncated.pdf").write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog")
    (raw / "page.html").write_text(
        "<html><head><meta charset='utf-8'></head><body><nav>首页 | 政务公开 | 2023年</nav>"
        "<div id='content'><p>到2025年，城市污水处理率达到97%。</p></div>"
        "<footer>版权所有 2024 备案号12345678</footer></body></html>",
        encoding="utf-8",
    )
    (raw / "same_plan_again.txt").write_text(text, encoding="utf-8")
    (raw / "documents.csv").write_text(
        MANIFEST_HEADER
        + "good.txt,方案,临夏回族自治州,Linxia,prefecture,甘肃省,甘肃省,,2021-11-09,,,\n"
        + "missing.txt,方案,某县,,county,,,,2021-01-01,,,\n"
        + "fullwidth.txt,方案,某县,,county,,,,2021/13/45,,,\n",
        encoding="utf-8",
    )
    return raw


@pytest.mark.slow  # the command line on a corpus of every bad file
def test_bad_files_are_named_and_the_rest_is_processed(messy_corpus, tmp_path):
    before = tree_digest(messy_corpus)
    result = runner.invoke(app, ["extract", str(messy_corpus), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error")]
    for name in (
        "empty.txt",
        "binary.txt",
        "truncated.docx",
        "truncated.pdf",
        "missing.txt",
        "documents.csv",
    ):
        assert any(name in line for line in errors), (name, result.output)
    assert "same_plan_again.txt" in result.output and "duplicate" in result.output
    assert tree_digest(messy_corpus) == before, "the raw folder must never be written"

    extraction = extract_corpus([messy_corpus])
    targets = extraction.targets
    by_doc = targets.groupby("doc_id").size()
    good = by_doc["good"]
    assert good >= 15
    for doc in ("bom", "gbk", "gb18030", "utf16"):
        assert by_doc[doc] == good, doc  # same plan in another encoding: same targets
    assert set(targets[targets.doc_id == "gbk"]["value"]) == set(
        targets[targets.doc_id == "good"]["value"]
    )
    full_width = targets[targets.doc_id == "fullwidth"]
    assert list(full_width["value"]) == [85] and list(full_width["quote"]) == [
        "全县农村卫生厕所普及率达到８５％"
    ]
    assert list(targets[targets.doc_id == "page"]["value"]) == [97]
    assert "no_targets" in set(extraction.documents["doc_id"]) and "no_targets" not in by_doc
    assert "same_plan_again" not in set(extraction.documents["doc_id"])
    assert set(extraction.documents.loc[extraction.documents.doc_id == "gbk", "encoding"]) == {
        "gb18030"
    }


def test_docx_copy_gives_the_same_targets_as_the_text(tmp_path):
    document = docx.Document()
    for line in SEED.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    folder = tmp_path / "plans"
    folder.mkdir()
    document.save(folder / "seed.docx")
    shutil.copy(SEED, folder / "seed_text.txt")
    targets = extract_corpus([folder]).targets
    key = ["value", "unit", "comparator", "kind", "target_year", "indicator_zh", "scope_zh"]
    a = targets[targets.doc_id == "seed"][key].reset_index(drop=True)
    b = targets[targets.doc_id == "seed_text"][key].reset_index(drop=True)
    assert len(a) >= 15
    assert a.equals(b)


def test_unwritable_output_is_a_clear_error(tmp_path):
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("a file where the output folder should be")
    result = runner.invoke(app, ["extract", str(SEED), "--out", str(blocker / "out")])
    assert result.exit_code == 2
    assert "not_a_folder" in result.output and "Traceback" not in result.output


def test_missing_input_path_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and "nowhere" in result.output


@pytest.mark.slow  # extracts the shipped corpus
def test_rerun_is_byte_identical_and_failed_write_keeps_previous(
    tmp_path, monkeypatch, shipped_extraction
):
    out = tmp_path / "out"
    result = shipped_extraction  # the first run, shared with other tests
    write_extraction(result, out)
    first = tree_digest(out)
    write_extraction(extract_corpus([paths.RAW_DIR]), out)  # a second, independent run
    assert tree_digest(out) == first

    import os

    calls = {"n": 0}
    real_replace = os.replace

    def crash_on_second(src, dst):
        calls["n"] += 1
        if calls["n"] == 1:
            raise KeyboardInterrupt  # Ctrl-C while moving outputs into place
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", crash_on_second)
    with pytest.raises(KeyboardInterrupt):
        write_extraction(result, out)
    monkeypatch.setattr(os, "replace", real_replace)
    assert tree_digest(out) == first
    assert not list(out.glob(".*.tmp")), "temporary files are cleaned up"


def test_outputs_never_go_into_raw():
    result = runner.invoke(app, ["extract", "--out", str(paths.RAW_DIR)])
    assert result.exit_code == 2 and "data/raw" in result.output


@pytest.mark.slow  # starts a pool of worker processes
def test_parallel_extraction_gives_the_same_tables(tmp_path):
    lines = SEED.read_text(encoding="utf-8").splitlines()
    for i in range(42):  # above PARALLEL_FROM, so two worker processes are used
        text = "\n".join([f"第{i}号文件", *lines[i % 7 :: 3]])
        (tmp_path / f"plan_{i:02d}.txt").write_text(text, encoding="utf-8")
    serial = extract_corpus([tmp_path], workers=1)
    parallel = extract_corpus([tmp_path], workers=2)
    assert len(serial.documents) == 42 and len(serial.targets) > 100
    for name in ("documents", "targets", "milestones"):
        assert getattr(serial, name).equals(getattr(parallel, name)), name


def test_same_stem_twice_is_reported_not_a_crash(tmp_path):
    (tmp_path / "plan.txt").write_text("到2025年，城市污水处理率达到97%。", encoding="utf-8")
    (tmp_path / "plan.md").write_text("到2025年，县城污水处理率达到95%。", encoding="utf-8")
    result = extract_corpus([tmp_path])
    assert len(result.documents) == 1
    assert any("plan.txt" in p and "rename" in p for p in result.problems), result.problems


def test_written_tables_load_back_equal(tmp_path, shipped_extraction):
    from greenmetrics.tables import load_table

    result = shipped_extraction
    write_extraction(result, tmp_path)
    for name in ("documents", "targets", "milestones"):
        loaded = load_table(name, tmp_path)
        pd.testing.assert_frame_equal(loaded, getattr(result, name), check_dtype=False)
