"""Overrides (data/raw/overrides.csv) survive reruns: reject, correct, add, map; stale and
conflicting lines are clear errors naming the line, and nothing is written then."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from greenmetrics import paths
from greenmetrics.cli import app
from greenmetrics.overrides import OVERRIDE_COLUMNS, OverrideError
from greenmetrics.pipeline import extract_corpus

pytestmark = pytest.mark.slow  # every test extracts the seed plan through the pipeline

SEED = "003_d6b7a80b1f52e553.txt"
DOC = "003_d6b7a80b1f52e553"
runner = CliRunner()


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(paths.RAW_DIR / SEED, raw / SEED)
    manifest = (paths.RAW_DIR / "documents.csv").read_text(encoding="utf-8").splitlines()
    (raw / "documents.csv").write_text(
        "\n".join([manifest[0], *[m for m in manifest if m.startswith(SEED)]]) + "\n",
        encoding="utf-8",
    )
    return raw


def write_overrides(folder: Path, *rows: dict) -> None:
    lines = [",".join(OVERRIDE_COLUMNS)]
    for row in rows:
        lines.append(",".join(str(row.get(c, "")) for c in OVERRIDE_COLUMNS))
    (folder / "overrides.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def target(targets, indicator_zh):
    rows = targets[targets.indicator_zh == indicator_zh]
    assert len(rows) == 1, indicator_zh
    return rows.iloc[0]


def test_reject_correct_add_and_map(corpus):
    before = extract_corpus([corpus]).targets
    film = target(before, "废旧农膜回收率")
    sludge = target(before, "污泥无害化处理率")
    write_overrides(
        corpus,
        {
            "action": "reject",
            "target_id": film.target_id,
            "note": "duplicate of the provincial row",
        },
        {"action": "correct", "target_id": sludge.target_id, "value": "95", "comparator": "ge"},
        {
            "action": "add",
            "doc_id": DOC,
            "quote": "各县城区范围内基本实现生活垃圾分类全覆盖",
            "indicator_zh": "县城区生活垃圾分类覆盖率",
            "value": "100",
            "unit": "%",
            "comparator": "eq",
            "kind": "level",
            "target_year": "2025",
            "scope_zh": "各县城区",
        },
        {"action": "map", "indicator_zh": "城农网供电可靠率", "indicator_id": sludge.indicator_id},
    )
    after = extract_corpus([corpus]).targets
    assert film.target_id not in set(after.target_id)
    corrected = after[after.target_id == sludge.target_id].iloc[0]
    assert (corrected.value, corrected.comparator) == (95, "ge")
    added = target(after, "县城区生活垃圾分类覆盖率")
    text = (corpus / SEED).read_text(encoding="utf-8")
    assert text[added.char_start : added.char_end] == added.quote
    assert added.region_zh == "临夏回族自治州"
    assert target(after, "城农网供电可靠率").indicator_id == sludge.indicator_id
    # a rerun gives the same table: the overrides are applied every time
    assert extract_corpus([corpus]).targets.equals(after)


def check_error(corpus: Path, line: int, words: str, *rows: dict) -> None:
    write_overrides(corpus, *rows)
    with pytest.raises(OverrideError) as info:
        extract_corpus([corpus])
    message = str(info.value)
    assert f"overrides.csv:{line}" in message and words in message, message


def test_stale_target_id(corpus):
    check_error(
        corpus,
        2,
        "a mistyped id, or a stale override",
        {"action": "reject", "target_id": "TZZZZZZZZZZZZ"},
    )


def test_added_quote_must_be_in_the_document(corpus):
    row = {"action": "add", "doc_id": DOC, "quote": "这句话不在文件里", "indicator_zh": "某指标",
           "value": "1", "comparator": "eq", "kind": "level", "target_year": "2025"}  # fmt: skip
    check_error(corpus, 2, "quote not found", row)


def test_conflicting_overrides(corpus):
    tid = extract_corpus([corpus]).targets.target_id.iloc[0]
    check_error(
        corpus,
        3,
        "conflicts with line 2",
        {"action": "correct", "target_id": tid, "value": "50"},
        {"action": "correct", "target_id": tid, "value": "60"},
    )
    check_error(
        corpus,
        3,
        "conflicts with line 2",
        {"action": "reject", "target_id": tid},
        {"action": "correct", "target_id": tid, "value": "60"},
    )


def test_map_to_unknown_indicator_and_bad_values(corpus):
    tid = extract_corpus([corpus]).targets.target_id.iloc[0]
    check_error(
        corpus,
        2,
        "not in the indicator catalog",
        {"action": "map", "indicator_zh": "x", "indicator_id": "no_such"},
    )
    check_error(
        corpus, 2, "comparator", {"action": "correct", "target_id": tid, "comparator": "more"}
    )
    check_error(corpus, 2, "unknown action", {"action": "delete", "target_id": tid})


def test_cli_stops_before_writing_on_a_bad_override(corpus, tmp_path):
    out = tmp_path / "out"
    check_error(
        corpus,
        2,
        "a mistyped id, or a stale override",
        {"action": "reject", "target_id": "TZZZZZZZZZZZZ"},
    )
    result = CliRunner().invoke(app, ["extract", str(corpus), "--out", str(out)])
    assert result.exit_code == 2 and "overrides.csv:2" in result.output
    assert not out.exists()


def test_target_ids_survive_unrelated_edits(corpus):
    before = extract_corpus([corpus]).targets
    text = (corpus / SEED).read_text(encoding="utf-8")
    edited = text.replace(
        "各县（市）人民政府", "各县（市）人民政府，各有关单位（新增一段无关文字）", 1
    )
    assert edited != text
    (corpus / SEED).write_text(edited, encoding="utf-8")
    after = extract_corpus([corpus]).targets
    assert list(before.target_id) == list(after.target_id)
    assert (after.char_start.values > before.char_start.values).all()


PLAN = "江北市实施方案\n到2025年，全市再生资源回收\n利用率达到50%。\n"


@pytest.mark.parametrize(
    "quote",
    ["再生资源回收\n利用率达到50%", "再生资源回收\r\n利用率达到50%", "再生资源回收利用率达到50%"],
    ids=["as in the text", "saved with CRLF", "copied without the break"],
)
def test_an_added_quote_that_spans_lines_is_found_and_quoted_as_the_text_has_it(tmp_path, quote):
    import csv

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "plan.txt").write_text(PLAN, encoding="utf-8")
    row = {
        "action": "add", "doc_id": "plan", "quote": quote, "indicator_zh": "再生资源回收利用率",
        "value": "50", "unit": "%", "comparator": "eq", "kind": "level", "target_year": "2025",
    }  # fmt: skip
    with (raw / "overrides.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=OVERRIDE_COLUMNS, lineterminator="\r\n")
        writer.writeheader()
        writer.writerow(row)
    targets = extract_corpus([raw]).targets
    added = targets[targets["target_id"].str.startswith("U")]
    assert len(added) == 1
    start, end = int(added["char_start"].iloc[0]), int(added["char_end"].iloc[0])
    assert PLAN[start:end] == added["quote"].iloc[0] == "再生资源回收\n利用率达到50%"


def test_a_mistyped_target_id_gets_the_nearest_ids_of_its_document(corpus):
    targets = extract_corpus([corpus]).targets
    film = target(targets, "废旧农膜回收率")
    typo = film.target_id[:-2] + ("0" if film.target_id[-2] != "0" else "1") + film.target_id[-1]
    check_error(
        corpus,
        2,
        f"target {typo} not found in {DOC}: a mistyped id, or a stale override (the plan or the "
        f"extractor changed); nearest: {film.target_id} ({DOC}: 废旧农膜回收率 "
        f"{film.value:g}{film.unit} {film.target_year})",
        {"action": "reject", "target_id": typo, "doc_id": DOC},
    )
    # without a doc_id every document is searched, and the suggestion names its document
    check_error(
        corpus, 2, f"nearest: {film.target_id} ({DOC}:", {"action": "reject", "target_id": typo}
    )


def test_a_stale_target_id_gets_the_targets_of_the_same_indicator_in_its_document(corpus):
    sludge = target(extract_corpus([corpus]).targets, "污泥无害化处理率")
    stale = {"action": "correct", "target_id": "T0123456789ab", "doc_id": DOC,
             "indicator_zh": "污泥无害化处置率", "value": "95"}  # fmt: skip
    check_error(corpus, 2, f"nearest: {sludge.target_id} ({DOC}: 污泥无害化处理率", stale)


WRAPPED = "江北市实施方案\n到2025年，非化石能源消费比\n重达到\n18.3%，单位GDP能耗\n- 3 -\n下降１３．５％。\n"


@pytest.mark.parametrize(
    ("quote", "as_in_the_text"),
    [
        ("重达到 18.3%", "重达到\n18.3%"),  # a fragment cut at a line break, a space for the break
        ("消费比重达到18.3%", "消费比\n重达到\n18.3%"),  # copied without the breaks
        (
            "能耗下降13.5%",
            "能耗\n- 3 -\n下降１３．５％",
        ),  # a page number between, full-width digits
    ],
)
def test_an_added_quote_is_found_across_breaks_spaces_and_page_numbers(
    tmp_path, quote, as_in_the_text
):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "plan.txt").write_text(WRAPPED, encoding="utf-8")
    write_overrides(
        raw,
        {"action": "add", "doc_id": "plan", "quote": quote, "indicator_zh": "某指标", "value": "18.3",
         "unit": "%", "comparator": "eq", "kind": "level", "target_year": "2025"},
    )  # fmt: skip
    targets = extract_corpus([raw]).targets
    added = targets[targets["target_id"].str.startswith("U")].iloc[0]
    start, end = int(added["char_start"]), int(added["char_end"])
    assert WRAPPED[start:end] == added["quote"] == as_in_the_text
