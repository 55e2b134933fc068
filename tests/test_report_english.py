"""`greenmetrics report --lang en --regions 武汉市,定西市`, run as a user runs it on a copy of
the project: every heading, table and sentence the executed notebooks show reads in English,
outside the plans' own words (quotes, scopes, titles, and indicators the catalog has no English
name for); the focus regions lead, every region stays; the workbook is the English one.

Slow (one whole report, about half a minute), so it runs once and every check reads its output.
"""

from __future__ import annotations

import functools
import io
import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from project_runs import run_report

from greenmetrics import paths
from greenmetrics.workbook import reader_tables

pytestmark = pytest.mark.slow  # runs `greenmetrics report --lang en` in a subprocess

CJK = re.compile(r"[\u3400-\u9fff]")
FOCUS = ("武汉市", "定西市")  # other than the default focus of settings.py
# Table columns that hold the plans' or the sources' own words (headers as the English tables
# print them).
OWN_WORDS = {
    reader_tables.word("column", c, "en")
    for c in (
        "quote", "source_quote", "source_title", "scope_zh", "doc_id", "file", "title_zh",
        "issuer_zh", "doc_number", "text", "source",
        *(f"{level}_{c}" for level in ("province", "country", "observation", "context")
          for c in ("source", "source_title", "source_quote")),
        *(f"{side}_{c}" for side in ("used", "other") for c in ("source", "source_title", "quote")),
    )
}  # fmt: skip


@pytest.fixture(scope="module")
def english_report(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("project")
    for part in ("data/raw", "data/reference", "notebooks"):
        shutil.copytree(paths.ROOT / part, root / part, ignore=shutil.ignore_patterns(".*"))
    run_report(root, "--lang", "en", "--regions", ",".join(FOCUS))
    return root


def unmapped_names(root: Path) -> set[str]:
    """The plan's words of the targets the catalog has no English name for."""
    targets = pd.read_csv(root / "data" / "processed" / "targets.csv")
    return set(targets.loc[targets["indicator_en"].isna(), "indicator_zh"].dropna())


@functools.cache
def quoted_words(root: Path) -> tuple[str, ...]:
    """What people wrote that a note quotes as it is (the argument `scope` or `text` of a note
    template): the plans' and observations' scopes and the curators' notes, longest first."""
    found: set[str] = set()
    for path, column in [
        (root / "data" / "processed" / "targets.csv", "scope_zh"),
        (root / "data" / "processed" / "observations.csv", "scope_zh"),
        (root / "data" / "reference" / "observations.csv", "note"),
    ]:
        if path.exists():
            found |= set(pd.read_csv(path, dtype=str)[column].dropna())
    return tuple(sorted(found, key=len, reverse=True))


def without_plan_words(root: Path, header: str, cell: str) -> str:
    """A note cell without the people's words it quotes (a scope such as 临夏市城区)."""
    if not header.endswith("note"):
        return cell
    for quoted in quoted_words(root):
        cell = cell.replace(quoted, "")
    return cell


def outputs(root: Path):
    """(notebook, output) for every output of every executed notebook."""
    for path in sorted((root / "reports" / "notebooks").glob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            for output in cell.get("outputs", []):
                yield path.name, output


def test_english_report_tables_read_in_english(english_report):
    allowed_indicators = unmapped_names(english_report)
    tables = 0
    for name, output in outputs(english_report):
        html = output.get("data", {}).get("text/html")
        if not html:
            continue
        for table in pd.read_html(io.StringIO("".join(html))):
            tables += 1
            for column in table.columns:
                header = " ".join(map(str, column)) if isinstance(column, tuple) else str(column)
                assert not CJK.search(header), (name, header)
                if header in OWN_WORDS:
                    continue
                for cell in table[column].dropna().astype(str):
                    indicator = header == reader_tables.word("column", "indicator_zh", "en")
                    if indicator and cell in allowed_indicators:
                        continue
                    assert not CJK.search(without_plan_words(english_report, header, cell)), (
                        name,
                        header,
                        cell,
                    )
    assert tables >= 3  # the notebooks show tables: a check of nothing must not pass


def test_english_report_sentences_read_in_english(english_report):
    allowed = sorted(unmapped_names(english_report), key=len, reverse=True)
    printed = 0
    for name, output in outputs(english_report):
        if output.get("output_type") != "stream":
            continue
        text = "".join(output.get("text", ""))
        for plan_words in allowed:
            text = text.replace(plan_words, "")
        assert not CJK.search(text), (name, text)
        printed += 1
    assert printed >= 4  # the findings


def test_english_report_saves_english_figures_only(english_report):
    figures = english_report / "reports" / "figures"
    names = sorted(p.name for p in figures.glob("*.png"))
    assert names and all(n.endswith("_en.png") for n in names)


def test_english_report_text_is_english_and_follows_the_focus(english_report):
    for path in sorted((english_report / "reports" / "notebooks").glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        text = [c for c in cells if c["cell_type"] == "markdown"]
        assert text and all(c["metadata"].get("tags") == ["lang-en"] for c in text), path.name
    gaps = english_report / "reports" / "notebooks" / "02_target_gaps.ipynb"
    printed = [
        "".join(o.get("text", ""))
        for c in json.loads(gaps.read_text(encoding="utf-8"))["cells"]
        for o in c.get("outputs", [])
        if o.get("output_type") == "stream"
    ]
    scorecard = next(t for t in printed if t.startswith("Judged in"))
    # the focus regions are counted first, by their English names; all regions after them
    assert re.match(r"Judged in \d{4}: \d+ of the \d+ targets of Wuhan, Dingxi have", scorecard)
    assert "Of all" in scorecard
    figures = english_report / "reports" / "figures"
    assert (figures / "scorecard_focus_en.png").exists()


def test_english_report_writes_the_english_workbook(english_report):
    reports = english_report / "reports"
    assert (reports / "greenmetrics_en.xlsx").exists()
    assert not (reports / "greenmetrics_zh.xlsx").exists()
    assert not (reports / "lab").exists()  # the report writes the report's folders only
