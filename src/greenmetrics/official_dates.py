"""Dates as Chinese official documents print them: 2021年11月9日, 二〇二一年十一月九日, a
signature's date line, the 版记's printing date.

Why a module of its own: metadata detection reads dates in several places of a document (the
signature, the 成文日期 line, the 版记); their forms are one small grammar, kept and tested apart
from the layout heuristics of `greenmetrics.metadata`.
"""

from __future__ import annotations

import re
from datetime import date

_DATE_RE = re.compile(r"((?:19|20)[0-9]{2})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日")
# NOTE: signature dates are often in Chinese numerals, with 〇 (or ○/O/零) for zero.
_CN_DATE_RE = re.compile(
    r"([〇○O零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*"
    r"([一二三四五六七八九十]{1,3})\s*日"
)
_DATE_LINE_RE = re.compile(r"[（(]?\s*(?P<date>.+?日)\s*[）)]?\s*(?:印发|发布|签发|起施行)?")
# The 版记 at the foot of an official document: the office that printed it and the day it was
# printed (上海市生态环境局办公室 2021年1月29日印发), the issue date when no other is printed.
_PRINT_LINE_RE = re.compile(
    r"[\u4e00-\u9fff（）()]{2,40}?(?P<date>[0-9〇○O零一二三四五六七八九十]{4}年.+?日)印发"
)


def _cn_small_number(s: str) -> int | None:
    digits = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
    if "十" not in s:
        return digits.get(s) if len(s) == 1 else None
    tens, _, ones = s.partition("十")
    t = digits.get(tens) if tens else 1
    o = digits.get(ones) if ones else 0
    return None if t is None or o is None else 10 * t + o


def parse_date(s: str) -> str | None:
    """ISO date of the first 2021年11月9日 / 二〇二一年十一月九日 in `s`, or None."""
    m = _DATE_RE.search(s)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = _CN_DATE_RE.search(s)
        if not m:
            return None
        zero = {"〇": "0", "○": "0", "O": "0", "零": "0"}
        table = {**zero, **{c: str(i) for i, c in enumerate("一二三四五六七八九", 1)}}
        y = int("".join(table[c] for c in m.group(1)))
        mo_, d_ = _cn_small_number(m.group(2)), _cn_small_number(m.group(3))
        if mo_ is None or d_ is None:
            return None
        mo, d = mo_, d_
    try:
        return date(y, mo, d).isoformat()
    except ValueError:
        return None


def date_line(line: str) -> str | None:
    """The ISO date when the whole line is a date (a signature or 成文日期 line)."""
    compact = line.replace(" ", "")
    m = _DATE_LINE_RE.fullmatch(compact)
    if not m:
        return None
    inner = m.group("date")
    if not (_DATE_RE.fullmatch(inner) or _CN_DATE_RE.fullmatch(inner)):
        return None
    return parse_date(inner)


def printed_date(line: str) -> str | None:
    """The ISO date of a 版记 line (the office that printed the document, the day, 印发)."""
    m = _PRINT_LINE_RE.fullmatch(line.replace(" ", ""))
    return parse_date(m.group("date")) if m else None
