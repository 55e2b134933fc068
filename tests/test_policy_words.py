"""The words of policy language the extractor reads are a table (data/policy_words.csv).

A bad row is reported with its file and line, and the table really drives the rules: a word
added to a role changes what is extracted, with no change to the code.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from greenmetrics.errors import InputError
from greenmetrics.extract import (
    VOCABULARY,
    PlanContext,
    extract,
    load_vocabulary,
    read_policy_words,
)
from greenmetrics.extract.vocabulary import POLICY_WORDS
from greenmetrics.schemas import POLICY_WORD_ROLES

CONTEXT = PlanContext(
    doc_id="t", region_names=("江北市", "江北"), issue_year=2022, default_target_year=2025
)


def copy_with(tmp_path: Path, *rows: str) -> Path:
    """The package's policy_words.csv with `rows` appended."""
    path = tmp_path / "policy_words.csv"
    shutil.copy(POLICY_WORDS, path)
    with path.open("a", encoding="utf-8") as fh:
        fh.write("".join(row + "\n" for row in rows))
    return path


def error_of(path: Path) -> InputError:
    with pytest.raises(InputError) as info:
        load_vocabulary(path)
    return info.value


def test_the_package_table_has_words_for_every_role_in_file_order():
    words = read_policy_words()
    assert tuple(words) == POLICY_WORD_ROLES
    assert all(words.values())
    assert words["compare_verb"][:2] == ("提高到", "提高至")  # the order the patterns try them
    assert VOCABULARY.words == words


def test_a_new_verb_in_the_table_makes_its_sentence_a_target(tmp_path):
    text = "全市城镇污水处理率攀升至97%。"  # no year, and 攀升至 is no verb the rules know
    assert extract(text, CONTEXT) == ([], [])
    vocabulary = load_vocabulary(copy_with(tmp_path, "compare_verb,攀升至,"))
    (target,), _ = extract(text, CONTEXT, vocabulary)
    assert (target.indicator_zh, target.value, target.unit, target.target_year) == (
        "城镇污水处理率",
        97,
        "%",
        2025,
    )
    assert target.quote == "全市城镇污水处理率攀升至97%"


def test_a_new_commitment_word_makes_a_milestone(tmp_path):
    text = "到2027年，城乡供水一体化全面贯通。"
    assert extract(text, CONTEXT)[1] == []
    vocabulary = load_vocabulary(copy_with(tmp_path, "milestone,全面贯通,"))
    (milestone,) = extract(text, CONTEXT, vocabulary)[1]
    assert (milestone.commitment_zh, milestone.target_year) == ("全面贯通", 2027)


@pytest.mark.parametrize(
    "row, problem",
    [
        ("comparison_verb,攀升至,", "role 'comparison_verb' is not one of"),
        ("compare_verb,,", "empty word for role compare_verb"),
        ("compare_verb,达到,", "'达到' is listed twice for role compare_verb"),
        ("compare_verb", "1 fields, the header has 3"),
    ],
)
def test_a_bad_row_is_reported_with_its_line(tmp_path, row, problem):
    path = copy_with(tmp_path, row)
    error = error_of(path)
    assert problem in error.problem
    assert error.path == path
    assert error.line == len(path.read_text(encoding="utf-8").splitlines())


def test_a_role_left_without_words_is_reported(tmp_path):
    path = tmp_path / "policy_words.csv"
    kept = [
        line
        for line in POLICY_WORDS.read_text(encoding="utf-8").splitlines()
        if not line.startswith("aspiration,")
    ]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    assert "no words for role(s) aspiration" in error_of(path).problem


def test_a_missing_column_is_reported_on_the_header_line(tmp_path):
    path = tmp_path / "policy_words.csv"
    path.write_text("role,note\ncompare_verb,\n", encoding="utf-8")
    error = error_of(path)
    assert error.line == 1 and "missing required column(s): word" in error.problem
