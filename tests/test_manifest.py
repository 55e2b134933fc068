"""The manifest (data/raw/documents.csv): rows, per-row problems with their lines, fatal errors.

Every file is written under tmp_path; data/raw is only read.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from greenmetrics import paths
from greenmetrics.errors import ManifestError
from greenmetrics.manifest import MANIFEST_COLUMNS, load_manifest

LINXIA = paths.RAW_DIR / "003_d6b7a80b1f52e553.txt"

HEADER = ",".join(MANIFEST_COLUMNS)


def _row(file="a.txt", region="江北市", level="prefecture", date="2022-03-01", **extra) -> str:
    values = dict.fromkeys(MANIFEST_COLUMNS, "")
    values.update(file=file, region_zh=region, region_level=level, issue_date=date, **extra)
    return ",".join(values[c] for c in MANIFEST_COLUMNS)


def _manifest(tmp_path: Path, lines: list[str], plans=("a.txt", "b.txt", "c.txt")) -> Path:
    for name in plans:
        (tmp_path / name).write_text("到2025年，森林覆盖率达到35%。", encoding="utf-8")
    (tmp_path / "documents.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def test_manifest_rows(tmp_path):
    raw = _manifest(tmp_path, [HEADER, _row(title_zh="江北市实施方案"), _row("b.txt", date="")])
    rows, problems = load_manifest(raw)
    assert problems == []
    assert set(rows) == {"a.txt", "b.txt"}
    assert rows["a.txt"]["title_zh"] == "江北市实施方案"
    assert rows["a.txt"]["doc_number"] is None  # empty -> None
    assert rows["b.txt"]["issue_date"] is None


def test_no_manifest(tmp_path):
    assert load_manifest(tmp_path) == ({}, [])


def test_shipped_manifest_is_clean():
    rows, problems = load_manifest(paths.RAW_DIR)
    assert problems == []
    assert rows[LINXIA.name]["doc_number"] == "临州府发〔2021〕53号"


def test_manifest_row_problems_name_their_lines(tmp_path):
    raw = _manifest(
        tmp_path,
        [
            HEADER,  # line 1
            _row("a.txt"),  # line 2: fine
            _row("missing.txt"),  # line 3: no such file
            _row("b.txt", date="2022/03/01"),  # line 4: malformed date, row kept
            _row("c.txt", level="city"),  # line 5: bad level
            _row("a.txt"),  # line 6: duplicate
            _row("b.txt", date="2022-02-30"),  # line 7: duplicate (b kept from line 4)
        ],
    )
    rows, problems = load_manifest(raw)
    assert set(rows) == {"a.txt", "b.txt"}
    assert rows["b.txt"]["issue_date"] is None
    by_line = {p.line: p for p in problems}
    assert sorted(by_line) == [3, 4, 5, 6, 7]
    assert all(isinstance(p, ManifestError) for p in problems)
    assert "missing.txt" in by_line[3].problem and "no such file" in by_line[3].problem
    assert "2022/03/01" in by_line[4].problem and "YYYY-MM-DD" in by_line[4].problem
    assert "city" in by_line[5].problem and "region_level" in by_line[5].problem
    assert "listed twice" in by_line[6].problem and "line 2" in by_line[6].problem
    assert str(by_line[3]).startswith(f"{raw / 'documents.csv'}:3: ")


def test_manifest_impossible_date(tmp_path):
    raw = _manifest(tmp_path, [HEADER, _row("a.txt", date="2022-02-30")])
    rows, problems = load_manifest(raw)
    assert rows["a.txt"]["issue_date"] is None
    assert [p.line for p in problems] == [2]


def test_manifest_line_numbers_count_multiline_cells(tmp_path):
    raw = _manifest(
        tmp_path,
        [HEADER, _row("a.txt", source='"first line\nsecond line"'), _row("b.txt", level="x")],
    )
    _, problems = load_manifest(raw)
    assert [p.line for p in problems] == [4]


def test_manifest_missing_required_columns(tmp_path):
    raw = _manifest(tmp_path, ["file,title_zh,region_en", "a.txt,标题,Jiangbei"])
    with pytest.raises(ManifestError) as info:
        load_manifest(raw)
    assert info.value.line == 1
    assert "region_zh" in info.value.problem and "region_level" in info.value.problem
    assert "documents.csv:1:" in str(info.value)


def test_manifest_binary(tmp_path):
    (tmp_path / "documents.csv").write_bytes(random.Random(2).randbytes(2000))
    with pytest.raises(ManifestError, match="binary"):
        load_manifest(tmp_path)


def test_manifest_saved_as_gbk_by_excel(tmp_path):
    _manifest(tmp_path, [])
    text = (
        HEADER
        + "\n"
        + _row("a.txt", title_zh="江北市关于加快建立健全绿色低碳循环发展经济体系的实施方案")
        + "\n"
    )
    (tmp_path / "documents.csv").write_bytes(text.encode("gbk"))
    rows, problems = load_manifest(tmp_path)
    assert problems == [] and rows["a.txt"]["region_zh"] == "江北市"
