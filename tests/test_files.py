"""The one reader of hand-curated CSVs, and writes that land whole or not at all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from greenmetrics.errors import InputError
from greenmetrics.files import csv_bytes, read_curated_csv, write_all_atomic
from greenmetrics.overrides import OverrideError, load_overrides
from greenmetrics.schemas import columns

HEADER = ",".join(columns("overrides"))


def write(path: Path, *lines: str, encoding: str = "utf-8") -> Path:
    path.write_text("\n".join(lines) + "\n", encoding=encoding)
    return path


def error_of(path: Path, table: str = "overrides") -> InputError:
    with pytest.raises(InputError) as info:
        read_curated_csv(path, table)
    return info.value


def test_quoted_line_breaks_stay_in_the_cell_and_lines_count_them(tmp_path):
    path = write(
        tmp_path / "o.csv",
        HEADER,
        'reject,T1,,"第一行\n第二行",,,,,,,,,,,,',
        "reject,T2,,,,,,,,,,,,,,",
    )
    first, second = read_curated_csv(path, "overrides")
    assert (first.line, first.values["quote"]) == (2, "第一行\n第二行")
    assert (second.line, second.values["target_id"]) == (4, "T2")


def test_overrides_keep_multiline_quotes_and_name_the_right_line(tmp_path):
    path = write(
        tmp_path / "overrides.csv",
        HEADER,
        'add,,plan,"城市生活垃圾\n回收利用率",,回收利用率,,35,%,eq,level,2025,,,,',
        "reject,T2,,,,,,,,,,,,,,,surplus",
    )
    with pytest.raises(OverrideError) as info:
        load_overrides(path)
    assert info.value.line == 4 and "17 fields, the header has 16" in info.value.problem
    path = write(tmp_path / "overrides.csv", *path.read_text(encoding="utf-8").splitlines()[:3])
    (added,) = load_overrides(path)
    assert added.line == 2 and added.fields["quote"] == "城市生活垃圾\n回收利用率"


def test_header_problems_name_line_one(tmp_path):
    err = error_of(write(tmp_path / "a.csv", "target_id,quote"))
    assert err.line == 1 and "missing required column(s): action" in err.problem
    err = error_of(write(tmp_path / "b.csv", HEADER + ",comment"))
    assert err.line == 1 and "unknown column(s) comment" in err.problem
    err = error_of(write(tmp_path / "c.csv", HEADER + ",note"))
    assert err.line == 1 and "named twice: note" in err.problem
    assert str(err).startswith(f"{tmp_path / 'c.csv'}:1: ")


def test_a_manifest_may_keep_columns_of_its_own(tmp_path):
    path = write(
        tmp_path / "documents.csv", "file,region_zh,region_level,notes", "a.txt,甲县,county,x"
    )
    (row,) = read_curated_csv(path, "manifest")
    assert row.values["region_zh"] == "甲县" and row.values["title_zh"] == ""


def test_spreadsheet_habits_are_accepted(tmp_path):
    path = tmp_path / "o.csv"
    path.write_bytes(
        ("\ufeff" + HEADER.upper() + "\r\nreject,T1" + "," * 14 + "\r\n,,\r\n").encode()
    )
    (row,) = read_curated_csv(path, "overrides")
    assert row.values["action"] == "reject" and row.line == 2


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "empty file"),
        (b"  \n\n", "empty file"),
        (bytes(range(256)) * 4, "not UTF-8"),
        (b"action\nreject\x00\x01\x02\n", "binary content"),
        (HEADER.encode("utf-8") + "\nreject,备注".encode("gbk"), "not UTF-8"),
        (HEADER.encode() + b'\nreject,"unterminated', None),
    ],
)
def test_unusable_files_name_the_file(tmp_path, content, problem):
    path = tmp_path / "o.csv"
    path.write_bytes(content)
    if problem is None:  # an unterminated quote swallows the rest: one cell too few
        err = error_of(path)
        assert err.line == 2 and "fields" in err.problem
        return
    err = error_of(path)
    assert problem in err.problem and err.path == path


def test_missing_file_and_folder(tmp_path):
    assert "not found" in error_of(tmp_path / "none.csv").problem
    os.mkdir(tmp_path / "dir.csv")
    assert "is a folder" in error_of(tmp_path / "dir.csv").problem


def test_row_problems_can_be_collected_instead_of_raised(tmp_path):
    path = write(
        tmp_path / "documents.csv", "file,region_zh,region_level", "a.txt,甲县", "b.txt,乙县,county"
    )
    problems = []
    rows = read_curated_csv(path, "manifest", on_row_problem=problems.append)
    assert [r.values["file"] for r in rows] == ["b.txt"]
    assert [(p.line, "2 fields, the header has 3" in p.problem) for p in problems] == [(2, True)]


def test_a_failed_multi_file_write_leaves_every_old_file(tmp_path):
    old = tmp_path / "a.csv"
    old.write_bytes(b"old")
    blocked = tmp_path / "blocked"
    blocked.write_bytes(b"")  # a file where a folder is needed: the second write fails
    with pytest.raises(OSError):
        write_all_atomic({old: b"new", blocked / "b.csv": b"new"})
    assert old.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "blocked"]


def test_csv_bytes_is_canonical():
    import pandas as pd

    df = pd.DataFrame({"a": [0.1 + 0.2, 2.0], "b": ["x", None]})
    assert csv_bytes(df) == b"a,b\n0.3,x\n2,\n"
