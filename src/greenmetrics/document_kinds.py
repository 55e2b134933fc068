"""What kind of document a text is (plan, bulletin, work report, news) and the year it speaks
of, from its title, issuer and first lines.

Why a module of its own: the kind governs how the extractor reads every number of a document,
and it grows with the genres of policy a researcher collects; region and signature detection
live in `greenmetrics.metadata`.
"""

from __future__ import annotations

import re
from collections import Counter

_BULLETIN_RE = re.compile(r"公报|统计月报|统计年鉴|质量状况|状况公告")
_WORK_REPORT_RE = re.compile(r"政府工作报告")
# A title that reports results (宁夏发布2021年经济社会发展公报 is a bulletin above; 2023年全省
# 新能源装机突破…) rather than setting goals: news of a year's or a period's results.
_NEWS_RE = re.compile(r"(?:发布|通报|公布|显示|实现|突破|达到|创新高|同比|回顾|成就|成效)")
_PLAN_RE = re.compile(r"规划|方案|意见|计划|通知|办法|决定|纲要|指南|措施|目录|标准|细则")
_TITLE_YEAR_RE = re.compile(r"((?:19|20)\d\d)\s*年")
_CN_TITLE_YEAR_RE = re.compile(r"二[〇零○][〇零○一二三四五六七八九]{2}(?=年)")
_CN_YEAR_DIGITS = str.maketrans("〇零○一二三四五六七八九", "000123456789")


def document_kind(title: str | None, issuer: str | None = None) -> str:
    """What a document is (schemas DOC_KINDS), from its title and issuer: a 统计公报 or a
    环境状况公报 is a bulletin, a 政府工作报告 a work report, a title that announces results
    with no plan word news, anything else a plan (it states targets)."""
    title = title or ""
    if _WORK_REPORT_RE.search(title):
        return "work_report"
    if _BULLETIN_RE.search(title):
        return "bulletin"
    if (
        title
        and not _PLAN_RE.search(title)
        and (_NEWS_RE.search(title) or "统计局" in (issuer or ""))
    ):
        return "news"
    return "plan"


def report_year(
    kind: str, title: str | None, issue_year: int | None, text_head: str = ""
) -> int | None:
    """The year a document speaks of: a bulletin's or news title's year (《2024年…统计公报》
    is 2024), else the year before its issue (bulletins come out the next spring); a work
    report reviews the year before its own (2024年政府工作报告: 2023); a plan speaks from its
    issue year. None when nothing tells."""
    head = _CN_TITLE_YEAR_RE.sub(
        lambda m: m.group(0).translate(_CN_YEAR_DIGITS), title or text_head[:200]
    )
    years = [int(y) for y in _TITLE_YEAR_RE.findall(head)]
    if kind == "work_report":
        if years:
            return years[0] - 1
        return issue_year - 1 if issue_year else None
    if kind in ("bulletin", "news"):
        if years:
            return years[0]
        # NOTE: news of results without a year in its headline: the year its text speaks of
        # most (截至2023年年底 … 2023年), not after its publication.
        stated = Counter(
            int(y)
            for y in _TITLE_YEAR_RE.findall(text_head[:3000])
            if issue_year is None or int(y) <= issue_year
        )
        if stated:
            return max(stated.items(), key=lambda item: (item[1], item[0]))[0]
        return issue_year - 1 if issue_year and kind == "bulletin" else issue_year
    return issue_year
