"""A plan's text as sentences and clauses, with the heading each sentence sits under (so the
rules can tell a history section, 十三五时期成效, from the targets)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .vocabulary import CLAUSE_SEP, HEADING_RE, SENTENCE_END, Vocabulary
from .years import find_year


@dataclass
class Sentence:
    start: int
    end: int
    year: int | None = None  # the year of its goals heading (二、2030年目标) or lead (到2030年，…)
    history: bool = False
    clauses: list[tuple[int, int]] = field(default_factory=list)


_SPAN_PATTERNS: dict[str, re.Pattern] = {}


def _split_spans(text: str, start: int, end: int, seps: str) -> list[tuple[int, int]]:
    """Non-empty stretches of text[start:end] between separator characters."""
    pattern = _SPAN_PATTERNS.get(seps)
    if pattern is None:
        # A thousands comma (1,000) is part of a number, not a separator. Runs of other
        # characters are taken whole (+), not one by one: the same spans, several times faster.
        pattern = _SPAN_PATTERNS[seps] = re.compile(
            rf"(?:[^{re.escape(seps)}]+|(?<=\d),(?=\d{{3}}(?!\d)))+"
        )
    return [m.span() for m in pattern.finditer(text, start, end)]


# NOTE: real clauses run to a few dozen characters; a plan with a long stretch free of
# punctuation (a damaged text layer, a table flattened into one line) would make every rule
# that looks back over its clause quadratic. Longer clauses are cut into pieces of this size,
# at a space or a character that is no digit when one is near.
MAX_CLAUSE = 300


def _bounded(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in spans:
        while e - s > MAX_CLAUSE:
            cut = s + MAX_CLAUSE
            back = cut
            while back > s + MAX_CLAUSE // 2 and (text[back - 1].isdigit() or text[back].isdigit()):
                back -= 1
            cut = back if back > s + MAX_CLAUSE // 2 else cut
            out.append((s, cut))
            s = cut
        out.append((s, e))
    return out


def trim_span(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \t“”\"'‘’《》【】":
        s += 1
    while e > s and text[e - 1] in " \t“”\"'‘’【】":
        e -= 1
    return s, e


_TITLE_END_RE = re.compile(r"[。：:]")


def _heading_level(line: str) -> tuple[int | None, str]:
    m = HEADING_RE.match(line)
    if not m:
        return None, ""
    level = next(i for i, g in enumerate(("l0", "l1", "l2", "l3")) if m.group(g))
    title = _TITLE_END_RE.split(line[m.end() :], maxsplit=1)[0]
    return level, title


# 到2030年， / 力争到2030年底， as the whole first clause of a sentence: the year of what follows.
_YEAR_LEAD_RE = re.compile(r"(?:力争|争取)?(?:到|至)\s*(?:19|20)\d\d\s*年(?:底|末)?(?:前)?")


_CLAUSE_SEP_RE = re.compile(f"[{CLAUSE_SEP}]")


def _lead_year(text: str) -> int | None:
    """The year of a sentence that opens on a goal year alone (到2030年，…), else None."""
    first = _CLAUSE_SEP_RE.split(text, maxsplit=1)[0].strip()
    return find_year(first)[0] if _YEAR_LEAD_RE.fullmatch(first) else None


# NOTE: 2030年前碳达峰 and 2060年前碳中和 name the country's dual-carbon goals wherever a plan
# quotes them (为实现2030年前碳达峰奠定坚实基础); they state no year for the plan's own goals, so
# the goal year a paragraph opened on goes on after them.
_CARBON_GOAL_YEAR_RE = re.compile(r"(?:19|20)\d\d\s*年(?:前|以前|之前)(?:实现)?碳(?:达峰|中和)")


def _states_year(text: str) -> bool:
    """True for a sentence that states a year of its own goals."""
    return find_year(_CARBON_GOAL_YEAR_RE.sub("", text))[0] is not None


def split_sentences(norm: str, vocabulary: Vocabulary) -> list[Sentence]:
    """Sentences with the history flag (sections that review the past) and their clauses."""
    sentences: list[Sentence] = []
    history_level: int | None = None
    goal_years: list[tuple[int, int]] = []  # (heading level, year) of the goal headings open
    line_start = 0
    # NOTE: "到2030年，…取得显著成效。单位GDP二氧化碳排放比2005年下降65%以上；…": a sentence that
    # opens on a goal year governs the sentences after it in its paragraph (a line, or lines
    # joined by a closing ；) up to the first year one of them states.
    lead_year: int | None = None
    paragraph_goes_on = False
    for line in norm.split("\n"):
        line_end = line_start + len(line)
        if line.strip():
            if not paragraph_goes_on:
                lead_year = None
            paragraph_goes_on = line.rstrip().endswith(("；", ";"))
        level, title = _heading_level(line)
        if level is not None:
            # NOTE: "二、到2030年的主要目标": the lines under a goals heading that state no
            # year of their own are goals of its year, until a heading of its level or above.
            while goal_years and goal_years[-1][0] >= level:
                goal_years.pop()
            if len(title) <= 40 and vocabulary.forward_heading_re.search(title):
                year, _ = find_year(title)
                if year is not None:
                    goal_years.append((level, year))
            if history_level is not None and (
                level <= history_level or vocabulary.forward_heading_re.search(title)
            ):
                history_level = None
            if (
                history_level is None
                and len(title) <= 40
                and vocabulary.history_heading_re.search(title)
                # 夯实…发展基础 is a task: its 基础 reviews nothing
                and not vocabulary.forward_heading_re.search(title)
            ):
                history_level = level
        for s, e in _split_spans(norm, line_start, line_end, SENTENCE_END):
            s, e = trim_span(norm, s, e)
            if e <= s:
                continue
            own = _lead_year(norm[s:e])
            # the clauses before a year the sentence states later are still the lead's
            year = own or lead_year
            if own is not None or _states_year(norm[s:e]):
                lead_year = own
            sent = Sentence(
                s,
                e,
                year=year or (goal_years[-1][1] if goal_years else None),
                history=history_level is not None,
            )
            clauses = _bounded(norm, _split_spans(norm, s, e, CLAUSE_SEP))
            sent.clauses = [trim_span(norm, cs, ce) for cs, ce in clauses]
            sent.clauses = [(cs, ce) for cs, ce in sent.clauses if ce > cs]
            sentences.append(sent)
        line_start = line_end + 1
    return sentences
