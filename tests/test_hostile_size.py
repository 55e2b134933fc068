"""Linear cost on hostile sizes: bounded quotes and clauses, so no stage rescans a long stretch
of text for every number in it (measured in counted output, never in time; bench/ times it)."""

from __future__ import annotations

from greenmetrics.extract.sentences import MAX_CLAUSE, split_sentences
from greenmetrics.extract.vocabulary import VOCABULARY
from greenmetrics.review import QUOTE_REACH, unreported_numbers
from greenmetrics.text import normalize

# A damaged text layer: one long line, no punctuation, a number every few characters.
STRETCH = "".join(f"推进绿色产业发展{i % 997}项目" for i in range(5000))


def test_a_review_quote_reaches_a_bounded_distance_from_its_number():
    rows = unreported_numbers("p", STRETCH, [])
    assert len(rows) == 5000
    assert max(len(r["quote"]) for r in rows) <= 2 * QUOTE_REACH + 3
    for r in rows:
        assert STRETCH[r["char_start"] : r["char_end"]] == r["quote"]


def test_a_clause_without_punctuation_is_cut_into_bounded_pieces_between_numbers():
    norm = normalize(STRETCH).text
    sentences = split_sentences(norm, VOCABULARY)
    clauses = [c for s in sentences for c in s.clauses]
    assert max(e - s for s, e in clauses) <= MAX_CLAUSE
    assert sum(e - s for s, e in clauses) == len(norm)  # every character in one clause
    for s, _end in clauses:  # never inside a number
        assert not (norm[s - 1 : s].isdigit() and norm[s : s + 1].isdigit())


def test_metadata_of_a_huge_plan_reads_its_head_and_its_signature():
    from greenmetrics.metadata import detect_metadata

    text = "甘肃省人民政府\n关于加快建立健全绿色低碳循环发展经济体系的实施方案\n" + STRETCH * 3
    text += "\n甘肃省人民政府\n2021年8月12日\n"
    meta = detect_metadata(text)
    assert (meta["region_zh"], meta["issue_date"]) == ("甘肃省", "2021-08-12")
