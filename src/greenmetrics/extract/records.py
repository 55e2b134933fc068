"""What the extractor returns: one record per target and per milestone, with the exact clause
(`quote`, `char_start`, `char_end`), and the facts about a plan it needs (`PlanContext`)."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass

from ..text import normalize


@dataclass(frozen=True)
class PlanContext:
    """What the extractor needs to know about the plan beyond its text."""

    doc_id: str
    region_names: tuple[str, ...] = ()
    issue_year: int | None = None
    default_target_year: int | None = None
    doc_kind: str = "plan"  # plan, bulletin, work_report, news (schemas DOC_KINDS)
    report_year: int | None = None  # the year a bulletin or report speaks of


@dataclass
class TargetRecord:
    doc_id: str
    indicator_zh: str
    value: float
    unit: str
    comparator: str
    kind: str
    target_year: int
    baseline_year: int | None
    scope_zh: str
    aspirational: int
    year_inferred: int
    quote: str
    char_start: int
    char_end: int
    # What an indicator table row adds (greenmetrics.extract.indicator_tables); a sentence
    # target leaves them empty.
    baseline_value: float | None = None
    binding: str | None = None  # the table's 属性: binding 约束性 / expected 预期性
    target_id: str = ""


@dataclass
class MilestoneRecord:
    doc_id: str
    commitment_zh: str
    target_year: int
    aspirational: int
    year_inferred: int
    quote: str
    char_start: int
    char_end: int
    milestone_id: str = ""


@dataclass
class ObservationRecord:
    doc_id: str
    region_zh: str | None  # None: the document's own region (filled in from its row)
    division_code: str | None
    indicator_zh: str
    value: float
    unit: str
    comparator: str
    year: int
    kind: str  # level or change
    baseline_year: int | None
    scope_zh: str
    quote: str
    char_start: int
    char_end: int
    observation_id: str = ""


def stable_id(prefix: str, *parts: object) -> str:
    """An id from the parts of a record that survive reruns and edits elsewhere (the
    extraction's one id scheme: targets, milestones, observations)."""
    digest = hashlib.sha1("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:12]}"


def assign_ids(targets: list[TargetRecord], milestones: list[MilestoneRecord]) -> None:
    """Ids from the document, the clause text and the target: stable across reruns and
    across edits elsewhere in the plan (offsets are deliberately not part of them)."""
    seen: Counter[str] = Counter()
    matched: dict[str, str] = {}  # quote -> its normalized text: a clause's targets share it

    def matched_text(quote: str) -> str:
        if quote not in matched:
            matched[quote] = normalize(quote).text
        return matched[quote]

    for t in targets:
        key = stable_id(
            "T", t.doc_id, matched_text(t.quote), t.indicator_zh, f"{t.value:g}", t.unit
        )
        seen[key] += 1
        t.target_id = key if seen[key] == 1 else f"{key}-{seen[key]}"
    seen.clear()
    for m in milestones:
        key = stable_id("M", m.doc_id, matched_text(m.quote), m.commitment_zh)
        seen[key] += 1
        m.milestone_id = key if seen[key] == 1 else f"{key}-{seen[key]}"
