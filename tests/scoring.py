"""Scoring extracted targets against hand-labelled gold files (the project's own scorer).

A gold target is found when an extracted target of the same document has the same value and
target year and its [char_start, char_end) overlaps the gold clause in the text. Precision
counts extracted targets of the gold documents that match no gold row.

Gold labelled on another rendering of the same plan (a PDF's text layer as another library
reads it) is matched `by_quote`: the extracted quote and the gold clause, both without
whitespace and page-number lines, overlap by at least 8 characters (or one holds the other).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

import pandas as pd

FIELDS = ("unit", "comparator", "kind", "baseline_year", "scope_zh", "aspirational")
# What the observation scorer compares (../shared/tools/score_observations.py does the same).
OBSERVATION_FIELDS = ("unit", "comparator", "kind", "baseline_year")
CN_DIGITS = {
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}


GOLD_DIR = Path(__file__).parent / "gold"


def gold(name: str) -> pd.DataFrame:
    """A gold file of tests/gold, every cell as its text (an empty cell is "", never NaN)."""
    return pd.read_csv(GOLD_DIR / name, dtype=str, keep_default_na=False)


def _text(raw_dirs: list[Path], file: str) -> str:
    path = next((d / file for d in raw_dirs if (d / file).exists()), raw_dirs[0] / file)
    return path.read_bytes().decode("utf-8-sig")


_PAGE_NUMBER_LINE = re.compile(r"\n\s*[-—–]\s*[0-9０-９]+\s*[-—–]\s*(?=\n)")


def compact(text: str) -> str:
    """Text without whitespace and page-number lines: what two PDF readers agree on."""
    return re.sub(r"\s+", "", _PAGE_NUMBER_LINE.sub("", text or ""))


def quotes_overlap(quote: str, clause: str, need: int = 8) -> bool:
    a, b = compact(quote), compact(clause)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    m = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return m.size >= min(need, len(a), len(b))


def _same(field_name: str, gold: str, got) -> bool:
    got = "" if got is None or (isinstance(got, float) and math.isnan(got)) or got is pd.NA else got
    if field_name in ("baseline_year", "aspirational"):
        return (int(float(gold)) if gold else None) == (int(got) if got != "" else None) or (
            field_name == "aspirational" and not gold and int(got) == 0
        )
    return str(got).strip() == gold.strip()


@dataclass
class Score:
    gold: int
    found: int
    predicted: int
    matched: list[tuple[dict, dict]] = field(default_factory=list)
    missed: list[dict] = field(default_factory=list)
    extra: list[dict] = field(default_factory=list)
    fields: tuple[str, ...] = FIELDS  # the fields compared on a match

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return (self.predicted - len(self.extra)) / self.predicted if self.predicted else 0.0

    def field_accuracy(self) -> dict[str, float]:
        out = {}
        for name in self.fields:
            pairs = [(g, p) for g, p in self.matched if name in g]
            if pairs:
                out[name] = sum(_same(name, g[name], p[name]) for g, p in pairs) / len(pairs)
        return out

    def fields_right(self) -> float:
        """Share of all field checks of the found targets that are right (every field pooled)."""
        checks = [
            _same(name, g[name], p[name])
            for g, p in self.matched
            for name in self.fields
            if name in g
        ]
        return sum(checks) / len(checks) if checks else 1.0

    def report(self) -> str:
        lines = [
            f"gold {self.gold}, found {self.found}, predicted {self.predicted}, extra {len(self.extra)}",
            f"recall={self.recall:.3f} precision={self.precision:.3f}",
        ]
        lines += [f"  {k}: {v:.3f}" for k, v in self.field_accuracy().items()]
        lines += [
            f"MISSED {g['file']}: {g.get('clause') or g.get('sentence')}" for g in self.missed
        ]
        lines += [f"EXTRA  {p['doc_id']}: {p['quote']} -> {p['value']}" for p in self.extra]
        return "\n".join(lines)


def score(
    targets: pd.DataFrame,
    gold: pd.DataFrame,
    raw_dir: Path | list[Path] | None = None,
    by_quote: bool = False,
    documents: Iterable[str] = (),
) -> Score:
    """Match gold rows to extracted targets; see the module docstring for the rule. The plans
    are read from `raw_dir` (the first of several folders that holds the file) unless matched
    `by_quote`. `documents` (file names) are labelled too: a document whose gold holds no target
    (a funding call) counts its every target against precision."""
    raw_dirs = raw_dir if isinstance(raw_dir, list) else [raw_dir]
    gold = gold.fillna("").astype(str)
    docs = {Path(f).stem for f in [*gold["file"], *documents]}
    pred = [r for r in targets.to_dict("records") if r["doc_id"] in docs]
    used: set[int] = set()
    result = Score(gold=len(gold), found=0, predicted=len(pred))
    texts: dict[str, str] = {}
    for g in gold.to_dict("records"):
        clause = g.get("clause") or g.get("sentence")
        if not by_quote:
            text = texts.setdefault(g["file"], _text(raw_dirs, g["file"]))
            spans = [(m.start(), m.end()) for m in re.finditer(re.escape(clause), text)]
            assert spans, f"gold clause not in {g['file']}: {clause}"
        hit = None
        for i, p in enumerate(pred):
            if i in used or p["doc_id"] != Path(g["file"]).stem:
                continue
            if not math.isclose(float(p["value"]), float(g["value"]), abs_tol=1e-9):
                continue
            if int(p["target_year"]) != int(g["target_year"]):
                continue
            if (
                quotes_overlap(p["quote"], clause)
                if by_quote
                else any(p["char_start"] < e and p["char_end"] > s for s, e in spans)
            ):
                hit = i
                break
        if hit is None:
            result.missed.append(g)
            continue
        used.add(hit)
        result.found += 1
        result.matched.append((g, pred[hit]))
    result.extra = [p for i, p in enumerate(pred) if i not in used]
    return result


def traps_reported(targets: pd.DataFrame, traps: pd.DataFrame) -> list[str]:
    """Non-target numbers (document numbers, dates, slogans) that came out as targets."""
    hits = []
    for t in traps.fillna("").astype(str).to_dict("records"):
        key = t.get("text") or t.get("sentence")
        values = {float(x) for x in re.findall(r"\d+(?:\.\d+)?", key)}
        values |= {float(v) for ch, v in CN_DIGITS.items() if ch in key}
        doc = Path(t["file"]).stem
        for p in targets[targets["doc_id"] == doc].to_dict("records"):
            quote, clause = compact(p["quote"]), compact(key)
            if (quote in clause or clause in quote) and float(p["value"]) in values:
                hits.append(f"{t['file']}: {key} -> {p['indicator_zh']} {p['value']}")
                break
    return hits


def score_observations(observations: pd.DataFrame, gold: pd.DataFrame) -> Score:
    """Match gold observations to extracted ones the way ../shared/tools/score_observations.py
    does: same document, value and year, and quotes sharing at least 6 characters (layout
    removed). Precision counts the extracted rows of the gold's documents."""
    gold = gold.fillna("").astype(str)
    docs = {Path(f).stem for f in gold["file"]}
    pred = [r for r in observations.to_dict("records") if r["doc_id"] in docs]
    used: set[int] = set()
    result = Score(gold=len(gold), found=0, predicted=len(pred), fields=OBSERVATION_FIELDS)
    for g in gold.to_dict("records"):
        hit = next(
            (
                i
                for i, p in enumerate(pred)
                if i not in used
                and p["doc_id"] == Path(g["file"]).stem
                and math.isclose(float(p["value"]), float(g["value"]), abs_tol=1e-6)
                and int(p["year"]) == int(float(g["year"]))
                and quotes_overlap(p["quote"], g["sentence"], need=6)
            ),
            None,
        )
        if hit is None:
            result.missed.append(g)
            continue
        used.add(hit)
        result.found += 1
        result.matched.append((g, pred[hit]))
    result.extra = [p for i, p in enumerate(pred) if i not in used]
    return result
