"""The one summary printer of the command line: `extract` of what it wrote, `report` of the
tables it reuses, each a count table, then its warnings and one error line per input problem."""

from __future__ import annotations

import io
from types import SimpleNamespace

import pandas as pd
import pytest
from rich.console import Console

from greenmetrics import cli, paths


@pytest.fixture
def printed(monkeypatch):
    """What the command line prints to its console, as plain text."""
    buffer = io.StringIO()
    monkeypatch.setattr(cli, "console", Console(file=buffer, width=120, color_system=None))
    return buffer


def rows(n: int, **columns) -> pd.DataFrame:
    return pd.DataFrame(
        {name: [f"{value}{i}" for i in range(n)] for name, value in columns.items()}
    )


def test_an_extraction_prints_its_counts_then_unmapped_duplicates_and_errors(printed):
    result = SimpleNamespace(
        documents=rows(3, doc_id="d"),
        targets=rows(7, target_id="T"),
        milestones=rows(1, milestone_id="M"),
        observations=rows(2, observation_id="O"),
        unmapped=pd.DataFrame({"doc_id": ["d0", "d0", "d1"], "indicator_zh": ["甲", "甲", "乙"]}),
        problems=[str(paths.RAW_DIR / "old.doc") + ": not read: an old Word 97-2003 file"],
        duplicates=[str(paths.RAW_DIR / "copy.txt") + ": same text as plan.txt, skipped"],
    )
    cli.print_extraction(result, paths.PROCESSED_DIR, 2.04)
    lines = [line.strip() for line in printed.getvalue().splitlines() if line.strip()]
    table = [line for line in lines if "│" in line]
    assert [" ".join(cell.split()) for line in table for cell in line.strip("│").split("│")] == [
        "documents", "3", "targets", "7", "milestones", "1", "observations", "2",
        "unmapped indicators", "3", "inputs not read or failed", "1", "duplicates skipped", "1",
        "written to", "data/processed", "time", "2.0s",
    ]  # fmt: skip
    assert lines[0] == "greenmetrics extract"
    # each unmapped phrase once, then the duplicates, then the errors, paths from the project
    assert lines[-4:] == [
        "unmapped d0: 甲",
        "unmapped d1: 乙",
        "duplicate data/raw/copy.txt: same text as plan.txt, skipped",
        "error data/raw/old.doc: not read: an old Word 97-2003 file",
    ]


def test_more_than_twenty_unmapped_phrases_point_to_the_review(printed):
    result = SimpleNamespace(
        documents=rows(1, doc_id="d"), targets=rows(0, target_id="T"),
        milestones=rows(0, milestone_id="M"), observations=rows(0, observation_id="O"),
        unmapped=rows(23, doc_id="d", indicator_zh="指标"), problems=[], duplicates=[],
    )  # fmt: skip
    cli.print_extraction(result, paths.PROCESSED_DIR, 61.0)
    text = printed.getvalue()
    assert "unmapped d19: 指标19" in text and "指标20" not in text
    assert "... and 3 more unmapped phrases: see review.csv" in text
    assert "1m01s" in text


def test_reused_tables_print_their_counts_and_the_inputs_not_read(printed, tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "PROCESSED_DIR", tmp_path)
    rows(4, target_id="T").to_csv(tmp_path / "targets.csv", index=False)
    rows(2, doc_id="d").to_csv(tmp_path / "documents.csv", index=False)
    pd.DataFrame(
        {
            "doc_id": [None, "d0"],
            "category": ["document_problem", "document_problem"],
            "note": [str(paths.RAW_DIR / "a.xlsx") + ": not read: a spreadsheet", "its own"],
        }
    ).to_csv(tmp_path / "review.csv", index=False)
    assert cli._print_reused_tables() == 1
    lines = [line.strip() for line in printed.getvalue().splitlines() if line.strip()]
    cells = [
        " ".join(cell.split())
        for line in lines
        if "│" in line
        for cell in line.strip("│").split("│")
    ]
    # the title wraps to the table's width
    assert " ".join(printed.getvalue().split()).startswith("greenmetrics report: tables reused")
    # a table not written reads '-'; only a problem without a document is an input not read
    assert cells == ["documents", "2", "targets", "4", "milestones", "-", "observations", "-",
                     "inputs not read or failed", "1"]  # fmt: skip
    assert lines[-1] == "error data/raw/a.xlsx: not read: a spreadsheet"
