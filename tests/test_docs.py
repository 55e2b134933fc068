"""What a reader sees: the README stays short and points to docs/, every link and image resolves,
and docs/tables.md says what the code declares (generated from `schemas`, by
`scripts/update_docs.py`; a test fails when a schema changes and it was not regenerated, or when
someone edits it by hand).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import pytest

from greenmetrics import schemas

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
DOCUMENTS = [README, *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")


def anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as dashes."""
    kept = "".join(
        c for c in heading.strip().lower() if c in " -_" or unicodedata.category(c)[0] in "LN"
    )
    return kept.replace(" ", "-")


def test_the_readme_is_read_in_five_minutes_and_starts_with_the_two_commands():
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 150
    first_block = text.split("```bash\n", 1)[1].split("```", 1)[0]
    assert [line.split()[:3] for line in first_block.splitlines()] == [
        ["python3", "tasks.py", "report"],
        ["python3", "tasks.py", "test"],
    ]


def test_every_document_in_docs_is_linked_from_the_readme():
    linked = {m[1].split("#")[0] for m in LINK.finditer(README.read_text(encoding="utf-8"))}
    orphans = [p.name for p in DOCUMENTS[1:] if f"docs/{p.name}" not in linked]
    assert orphans == []


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.name)
def test_links_and_images_resolve_to_files_and_headings(document):
    broken = []
    for match in LINK.finditer(document.read_text(encoding="utf-8")):
        target, _, fragment = match[1].partition("#")
        if re.match(r"[a-z]+:", target):  # a web address: not checked offline
            continue
        path = (document.parent / target).resolve() if target else document
        if not path.exists() or ROOT not in path.parents:
            broken.append(match[1])
        elif fragment and path.suffix == ".md":
            headings = re.findall(r"^#+ (.+)$", path.read_text(encoding="utf-8"), re.M)
            if fragment not in {anchor(h) for h in headings}:
                broken.append(match[1])
    assert broken == []


def test_the_link_check_sees_a_missing_file_and_a_missing_heading(tmp_path, monkeypatch):
    (tmp_path / "docs").mkdir()
    page = tmp_path / "docs" / "page.md"
    page.write_text("# Page\n\n## The review (`review.csv`)\n", encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    good = tmp_path / "good.md"
    good.write_text("[a](docs/page.md#the-review-reviewcsv) ![b](docs/page.md)", encoding="utf-8")
    test_links_and_images_resolve_to_files_and_headings(good)
    for wrong in ("[a](docs/gone.md)", "[a](docs/page.md#the-reviews)", "![b](../outside.png)"):
        bad = tmp_path / "bad.md"
        bad.write_text(wrong, encoding="utf-8")
        with pytest.raises(AssertionError):
            test_links_and_images_resolve_to_files_and_headings(bad)


def test_data_dictionary_document_is_the_declared_one():
    from greenmetrics.workbook.reader_tables import tables_document

    text = ROOT.joinpath("docs", "tables.md").read_text(encoding="utf-8")
    assert text == tables_document(), "docs/tables.md is stale"
    assert text.startswith(schemas.data_dictionary_markdown())
    # then each reader table, each column with its Chinese and English header
    assert "### gap_progress" in text and "| `verdict` | 判定 | verdict |" in text


def test_markdown_table_lists_every_column_with_its_constraints():
    rows = schemas.markdown("targets").splitlines()[2:]
    assert [r.split("`")[1] for r in rows] == list(schemas.columns("targets"))
    year = next(r for r in rows if r.startswith("| `target_year`"))
    assert "2000 to 2100" in year and "| Int64 |" in year
    kind = next(r for r in rows if r.startswith("| `kind`"))
    assert "`level`, `increment`, `reduction`" in kind
    action = schemas.markdown("overrides").splitlines()[2]
    assert action.startswith("| `action`") and "(required)" in action
