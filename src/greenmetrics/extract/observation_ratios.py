"""Structures a review writes as the terms of one ratio: 2020年三次产业结构为8.6:41:50.4 states
three shares, one value per term (no unit). A ratio to one (车桩比1.1∶1) is one quantity, read
with the others (quantities.find_mentions)."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Three or more terms; a colon of the layout (三次产业结构为: …) has no number on both sides.
_SERIES_RE = re.compile(
    r"(?<![\d.:：∶])\d+(?:\.\d+)?(?:\s*[:：∶]\s*\d+(?:\.\d+)?){2,}(?![\d.:：∶])"
)
_TERM_RE = re.compile(r"\d+(?:\.\d+)?")
# 三次产业结构由2015年的…调整为…: the name stands before the words of its change
_FROM_TO_RE = re.compile(r"由|从|调整|优化为|变为|转变为")
_SECTORS = ("第一产业", "第二产业", "第三产业")
# NOTE: the terms of a structure are shares of one whole; terms that do not sum to about 100
# (a scale 1:2:3, a time 10:30:00) are no structure of the region.
_WHOLE = 100.0
_ROUNDING = 1.0


@dataclass
class RatioTerm:
    start: int  # offsets in the text given
    end: int
    value: float
    name: str  # the term's own indicator (三次产业结构 -> 第一产业结构 ...)
    series_start: int  # where its structure starts (由2015年的8.9:44.9:46.2调整为…: two)


def structure_terms(text: str, start: int, end: int, name_of) -> list[RatioTerm]:
    """The terms of every share structure in text[start:end] (a sentence), with offsets in
    `text`; `name_of(head)` gives the indicator the words before a structure name."""
    out: list[RatioTerm] = []
    for m in _SERIES_RE.finditer(text, start, end):
        terms = list(_TERM_RE.finditer(m.group(0)))
        if abs(sum(float(t.group(0)) for t in terms) - _WHOLE) > _ROUNDING:
            continue
        head = re.split(r"[，；。]", text[start : m.start()])[-1]
        name = name_of(_FROM_TO_RE.split(head, maxsplit=1)[0])
        if not name:
            continue
        for k, t in enumerate(terms):
            if "三次产业" in name and len(terms) == len(_SECTORS):
                own = name.replace("三次产业", _SECTORS[k])
            else:
                own = f"{name}（第{k + 1}项）"
            at = m.start() + t.start()
            out.append(RatioTerm(at, at + len(t.group(0)), float(t.group(0)), own, m.start()))
    return out
