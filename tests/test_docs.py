"""The column tables a reader sees in README.md and docs/tables.md say what the code declares.

Both are generated from `schemas.py` (`scripts/update_docs.py`); these tests fail when a schema
changes and the documents were not regenerated, or when someone edits a table by hand.
"""

from __future__ import annotations

import re
from pathlib import Path

from greenmetrics import schemas

ROOT = Path(__file__).resolve().parents[1]
BLOCK_RE = re.compile(r"<!-- columns: (?P<name>\w+) [^>]*-->\n(?P<body>.*?)<!-- /columns -->", re.S)


def test_readme_column_tables_are_the_declared_ones():
    blocks = {
        m["name"]: m["body"] for m in BLOCK_RE.finditer(ROOT.joinpath("README.md").read_text())
    }
    assert {"targets", "review"} <= set(blocks)
    for name, body in blocks.items():
        assert body == schemas.markdown(name), f"README.md: column table of {name} is stale"


def test_data_dictionary_document_is_the_declared_one():
    text = ROOT.joinpath("docs", "tables.md").read_text(encoding="utf-8")
    assert text == schemas.data_dictionary_markdown(), "docs/tables.md is stale"


def test_markdown_table_lists_every_column_with_its_constraints():
    rows = schemas.markdown("targets").splitlines()[2:]
    assert [r.split("`")[1] for r in rows] == list(schemas.columns("targets"))
    year = next(r for r in rows if r.startswith("| `target_year`"))
    assert "2000 to 2100" in year and "| Int64 |" in year
    kind = next(r for r in rows if r.startswith("| `kind`"))
    assert "`level`, `increment`, `reduction`" in kind
    action = schemas.markdown("overrides").splitlines()[2]
    assert action.startswith("| `action`") and "(required)" in action
