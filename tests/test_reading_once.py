"""What the extraction shares between its passes or settles before the full work gives what the
full work gives (issue 19: each clause's quantities read once, normalize settled by two
searches when nothing in a text changes, a clause with no word of time keeping its frame, a
clause's indicator name read only when a value asks for it)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from greenmetrics import paths
from greenmetrics.extract import Extractor, PlanContext
from greenmetrics.extract.observation_names import LatestName
from greenmetrics.extract.observation_time import ANY_TIME_WORD_RE, TIME_WORD_PATTERNS
from greenmetrics.extract.quantities import ClauseMentions, find_mentions
from greenmetrics.extract.vocabulary import CLAUSE_SEP
from greenmetrics.extract.years import arabic_years
from greenmetrics.metadata import detect_metadata
from greenmetrics.readers import read_document
from greenmetrics.text import normalize

CORPUS = Path(__file__).parent / "corpus"
TEXT_PLANS = [
    *sorted(paths.RAW_DIR.glob("*.txt")),
    *sorted((CORPUS / "dev").glob("*.txt")),
    *sorted((CORPUS / "genre_heads").glob("*.txt")),
]


def plan_lines() -> list[str]:
    lines = []
    for path in TEXT_PLANS:
        lines += [line.strip() for line in read_document(path).text.split("\n") if line.strip()]
    return lines


def test_the_shipped_text_plans_are_there():
    assert len(TEXT_PLANS) >= 20
    assert len(plan_lines()) > 500


def test_a_line_normalizes_alone_as_it_does_behind_a_mark_that_forces_every_pass():
    # ． changes nowhere but between digits, yet it sends normalize through all of its passes;
    # a line alone with nothing to change takes the two searches and must come out the same.
    unchanged = 0
    for line in plan_lines():
        alone, behind = normalize(line), normalize("．" + line)
        assert behind.text == "．" + alone.text, line
        assert behind.offsets == [0] + [o + 1 for o in alone.offsets], line
        unchanged += alone.text == line
    assert unchanged > 50  # the lines that took the shortcut


def test_plain_text_is_its_own_normalized_text():
    found = normalize("到2025年，全市森林覆盖率达到35%以上")
    assert found.text == "到2025年，全市森林覆盖率达到35%以上"
    assert found.offsets == list(range(len(found.text) + 1))
    assert normalize("達到９０％").text == "达到90%"  # full-width and traditional still go


@pytest.mark.parametrize("path", TEXT_PLANS[:4], ids=lambda p: p.name)
def test_the_clauses_quantities_are_read_once_and_are_what_find_mentions_reads(path):
    extractor = Extractor(read_document(path).text, PlanContext(path.stem, issue_year=2021))
    norm = extractor.norm.text
    clauses = [norm[s:e] for sent in extractor.sentences for s, e in sent.clauses]
    shared = ClauseMentions()
    with_numbers = 0
    for clause in clauses:
        first, again = shared(clause), shared(clause)
        assert first == find_mentions(clause) == again
        assert first is not again  # each caller gets a list of its own to add to
        with_numbers += bool(first)
    assert with_numbers > 5
    assert len(shared.by_clause) == len(set(clauses))


def test_a_clause_has_a_word_of_time_exactly_when_one_of_the_patterns_finds_one():
    clauses = [
        arabic_years(clause)
        for line in plan_lines()
        for clause in re.split(f"[{CLAUSE_SEP}]", line)
        if clause
    ]
    with_time = 0
    for clause in clauses:
        any_pattern = any(p.search(clause) for p in TIME_WORD_PATTERNS)
        assert bool(ANY_TIME_WORD_RE.search(clause)) == any_pattern, clause
        with_time += any_pattern
    assert 0 < with_time < len(clauses)


def test_the_latest_name_is_the_last_one_offered_or_set_and_read_only_when_asked():
    read: list[str] = []

    def name_of(clause: str) -> str:
        read.append(clause)
        return clause.removeprefix("name:") if clause.startswith("name:") else ""

    latest = LatestName(name_of)
    for clause in ("name:单位GDP能耗", "no name", "name:用水总量", "none either"):
        latest.offer(clause)
    assert read == []  # nothing read before a value asks
    assert latest.get() == "用水总量"
    assert read == ["none either", "name:用水总量"]  # from the last back to the first named
    latest.set("碳排放强度")
    latest.offer("no name")
    assert latest.get() == "碳排放强度"  # a clause without a name leaves the one set
    latest.offer("name:森林覆盖率")
    assert latest.get() == latest.get() == "森林覆盖率"


@pytest.mark.parametrize("path", TEXT_PLANS[::4], ids=lambda p: p.name)
def test_the_metadata_read_from_the_normalized_text_given_is_the_metadata_read_alone(path):
    text = read_document(path).text
    assert detect_metadata(text, normalize(text)) == detect_metadata(text)
