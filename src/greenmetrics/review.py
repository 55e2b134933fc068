"""The review report: what a researcher should check before a number reaches a report.

Per document it lists every number in the text that did not come out as a target or a
milestone (so a missed target is visible), targets whose indicator is not in the catalog,
the rows of indicator tables that gave no target (a text cell, a header not understood),
targets with a field the extractor inferred rather than read (the year from the plan's
default), plans whose region was not sure (no gazetteer match, a name of several divisions,
issuer and title disagreeing) or is a functional zone given its parent's code, and the
documents that failed or were skipped as duplicates.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict

import pandas as pd

from . import notes
from .document_kinds import rules_review_note
from .extract.layout import layout_number
from .extract.non_targets import why_not_a_target
from .paths import project_relative
from .schemas import REVIEW_CATEGORIES, check, columns

REVIEW_COLUMNS = columns("review")
CATEGORIES = REVIEW_CATEGORIES

_NUMBER_RE = re.compile(
    r"[0-9０-９]+(?:[.．][0-9０-９]+)?(?:[%％‰]|个百分点)?|百分之[零〇一二两三四五六七八九十百点]+|[一二两三四五六七八九十]成(?=以|左|[，。；、])"
)
_CLAUSE_BREAK = "，。；！？\n,;"
_MONEY_AFTER_RE = re.compile(r"\s*[万亿千百]*元")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")


def _why_not(text: str, start: int, end: int) -> str:
    """A short guess at what an unreported number is, to sort the list (not to hide it)."""
    after = text[end : end + 2]
    before = text[max(0, start - 1) : start]
    number = text[start:end].translate(_FULL_WIDTH)
    if layout_number(text, start, end):
        return notes.note("review_layout")
    if re.fullmatch(r"(?:19|20)\d\d", number) and (after[:1] in "年-〕]" or before in "〔["):
        return notes.note("review_year")
    if after[:1] in "月日号" or before in "〔[":
        return notes.note("review_date_or_number")
    if before == "第" or after[:1] in "届次级类批期":
        return notes.note("review_ordinal")
    if re.match(r"[A-Za-z]", after[:1] or " ") or re.match(r"[A-Za-z]", before or " "):
        return notes.note("review_name_part")
    # A grant, a forecast, a requirement on applicants: what the target rules would say of it.
    unit = _MONEY_AFTER_RE.match(text, end)
    end = unit.end() if unit else end
    cs, ce = _clause_around(text, start, end)
    clause = text[cs:ce]
    reason = why_not_a_target(clause, start - cs, end - cs, unit.group(0) if unit else "", True)
    return reason or notes.note("review_possibly_missed")


# NOTE: a quote reaches at most this far on each side of its number. Without a bound, a plan
# with a long stretch free of punctuation makes every number copy that whole stretch: the
# review grows with the square of the text (a 200 KB line once gave a 650 MB review.csv).
QUOTE_REACH = 100
_BREAK_BEFORE_RE = re.compile(f"[{re.escape(_CLAUSE_BREAK)}][^{re.escape(_CLAUSE_BREAK)}]*$")
_BREAK_AFTER_RE = re.compile(f"[{re.escape(_CLAUSE_BREAK)}]")


def _clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around text[start:end], cut at QUOTE_REACH characters on each side."""
    low = max(0, start - QUOTE_REACH)
    before = _BREAK_BEFORE_RE.search(text, low, start)
    s = before.start() + 1 if before else low
    after = _BREAK_AFTER_RE.search(text, end, min(len(text), end + QUOTE_REACH))
    e = after.start() if after else min(len(text), end + QUOTE_REACH)
    return s, e


def _merge(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    starts: list[int] = []
    ends: list[int] = []
    for s, e in sorted(spans):
        if starts and s <= ends[-1]:
            ends[-1] = max(ends[-1], e)
        else:
            starts.append(s)
            ends.append(e)
    return starts, ends


def unreported_numbers(
    doc_id: str, text: str, covered: list[tuple[int, int]], genre_note: str | None = None
) -> list[dict]:
    """Numbers of a document outside every reported target/milestone quote, with their clause.
    `genre_note`: why none of a funding call's or rule's numbers is a target, said instead of
    "possibly a missed target"."""
    missed = notes.note("review_possibly_missed")
    starts, ends = _merge(covered)
    rows = []
    for m in _NUMBER_RE.finditer(text):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0 and m.start() < ends[i]:
            continue
        cs, ce = _clause_around(text, m.start(), m.end())
        note = _why_not(text, m.start(), m.end())
        rows.append(
            {
                "doc_id": doc_id,
                "category": "unreported_number",
                "text": m.group(0),
                "quote": text[cs:ce],
                "char_start": cs,
                "char_end": ce,
                "note": genre_note if genre_note and note == missed else note,
            }
        )
    return rows


def build_review(result, texts: dict[str, str]) -> pd.DataFrame:
    """The review table for an extraction result (see the module docstring for what it lists)."""
    rows: list[dict] = []
    for line in result.problems:
        rows.append({"doc_id": "", "category": "document_problem", "note": project_relative(line)})
    for line in result.duplicates:
        rows.append({"doc_id": "", "category": "duplicate", "note": project_relative(line)})
    covered: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for doc_id, entries in sorted(getattr(result, "document_reviews", {}).items()):
        rows.extend({"doc_id": doc_id, **entry} for entry in entries)
        # A number set aside with its reason (a grant, a forecast, a funding call's rule) is
        # listed once, with that reason.
        covered[doc_id] += [
            (e["char_start"], e["char_end"])
            for e in entries
            if e["category"] == "unreported_number"
        ]
    targets, milestones = result.targets, result.milestones
    documents = getattr(result, "documents", None)
    rules_notes = {
        d["doc_id"]: rules_review_note(d["genre"])
        for d in ([] if documents is None else documents.to_dict("records"))
        if d.get("doc_kind") == "rules"
    }
    for t in targets.to_dict("records"):
        base = {k: t[k] for k in ("doc_id", "target_id", "quote", "char_start", "char_end")}
        if pd.isna(t["indicator_id"]):
            rows.append({**base, "category": "unmapped_indicator", "text": t["indicator_zh"],
                         "note": notes.note("review_unmapped")})  # fmt: skip
        if t["year_inferred"] == 1:
            rows.append({**base, "category": "year_inferred", "text": str(t["target_year"]),
                         "note": notes.note("review_default_year")})  # fmt: skip
    for table in (targets, milestones):
        for doc_id, start, end in zip(
            table["doc_id"], table["char_start"], table["char_end"], strict=True
        ):
            covered[doc_id].append((int(start), int(end)))
    # Indicator tables: the rows to check, and the tables read (their numbers are reported).
    rows.extend(result.table_review)
    for doc_id, spans in result.table_spans.items():
        covered[doc_id].extend(spans)
    for row in result.table_review:
        covered[row["doc_id"]].append((row["char_start"], row["char_end"]))
    for doc_id, text in sorted(texts.items()):
        rows.extend(unreported_numbers(doc_id, text, covered[doc_id], rules_notes.get(doc_id)))
    return check(
        notes.with_codes(pd.DataFrame(rows, columns=list(REVIEW_COLUMNS)), "review"), "review"
    )
