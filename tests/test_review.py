"""The review report makes what the extractor did not report visible."""

from __future__ import annotations

import pandas as pd
import pytest
from typer.testing import CliRunner

from greenmetrics import export, tables, views
from greenmetrics.cli import app


def test_review_lists_unreported_numbers_unmapped_and_inferred(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "plan.txt").write_text(
        "江北市人民政府文件 江政发〔2022〕7号\n"
        "全市共有污水处理厂12座。\n"
        "到2025年，城镇污水处理率达到97%，江豚友好岸线占比达到40%。\n"
        "农村卫生厕所普及率达到90%。\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["review", str(raw), "--out", str(out)])
    assert result.exit_code == 0, result.output
    review = pd.read_csv(out / "review.csv", dtype=str, keep_default_na=False)
    numbers = review[review.category == "unreported_number"]
    assert "12" in set(numbers.text)  # a fact, not a target: listed so a reader can check it
    assert "97%" not in set(numbers.text)  # reported as a target
    doc_number = numbers[numbers.text == "7"]
    assert list(doc_number.note) == ["date or document number"]
    unmapped = review[review.category == "unmapped_indicator"]
    assert list(unmapped.text) == ["江豚友好岸线占比"]
    inferred = review[review.category == "year_inferred"]
    assert len(inferred) == 1 and "农村卫生厕所普及率" in inferred.quote.iloc[0]
    text = (raw / "plan.txt").read_text(encoding="utf-8")
    for row in review.to_dict("records"):
        if row["char_start"]:
            assert text[int(row["char_start"]) : int(row["char_end"])] == row["quote"]
    assert "unreported_number" in result.output


def test_review_says_how_many_rows_it_shows_of_how_many_and_where_the_rest_are(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "plan.txt").write_text(
        "全市共有污水处理厂12座、垃圾中转站34座、公园56个、学校78所。\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["review", str(raw), "--out", str(out), "--limit", "2"])
    assert result.exit_code == 0, result.output
    review = pd.read_csv(out / "review.csv", dtype=str, keep_default_na=False)
    numbers = int((review.category == "unreported_number").sum())
    assert numbers == 4
    output = " ".join(result.output.split())
    written = (out / "review.csv").resolve()
    assert f"unreported_number: 2 of 4 rows shown; all of them in {written}" in output
    shown = int(review.groupby("category").size().clip(upper=2).sum())
    assert (
        f"review: {shown} of {len(review)} rows shown (at most 2 per category, --limit to change); "
        f"all {len(review)} written to {written}"
    ) in output


def test_review_csv_keeps_each_note_as_its_code_and_reads_back_in_chinese(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "plan.txt").write_text(
        "江北市人民政府文件 江政发〔2022〕7号\n到2025年，江豚友好岸线占比达到40%。\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["review", str(raw), "--out", str(out)])
    assert result.exit_code == 0, result.output
    review = tables.load_review(out)
    row = review[review.text == "7"].iloc[0]
    assert (row["note"], row["note_code"]) == ("date or document number", "review_date_or_number")
    assert pd.isna(row["note_args"])  # the template takes no argument
    unmapped = review[review.category == "unmapped_indicator"]
    assert list(unmapped.note_code) == ["review_unmapped"]
    zh = views.in_language(review, "zh")
    assert "note_code" not in zh.columns and "note_args" not in zh.columns
    notes_zh = dict(zip(review.text, zh[export.word("column", "note", "zh")], strict=True))
    assert notes_zh["7"] == "日期或文号"
    assert notes_zh["江豚友好岸线占比"] == "指标词不在指标目录中：请添加别名或映射覆盖"


def test_a_review_csv_of_an_earlier_version_loads_and_says_its_notes_stay_english(tmp_path):
    old = pd.DataFrame(
        {
            "doc_id": ["d1", ""],
            "category": ["unreported_number", "document_problem"],
            "target_id": ["", ""],
            "text": ["7", ""],
            "quote": ["江政发〔2022〕7号", ""],
            "char_start": ["9", ""],
            "char_end": ["21", ""],
            "note": ["date or document number", "a.pdf: 3 stray NUL bytes dropped"],
        }
    )
    old.to_csv(tmp_path / "review.csv", index=False)
    with pytest.warns(UserWarning, match="earlier version .*note_code, note_args"):
        review = tables.load_review(tmp_path)
    assert review["note_code"].isna().all()
    shown = views.in_language(review, "zh")[export.word("column", "note", "zh")].tolist()
    assert shown == ["date or document number", "a.pdf: 3 stray NUL bytes dropped"]
