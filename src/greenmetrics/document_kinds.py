"""What kind of document a text is (plan, bulletin, work report, news; and its genre: 规划,
实施方案, 意见, 申报指南, 管理办法, 标准 ...) and the year it speaks of, from its title, issuer and
first lines.

Why a module of its own: the kind governs how the extractor reads every number of a document,
and it grows with the genres of policy a researcher collects; region and signature detection
live in `greenmetrics.metadata`.
"""

from __future__ import annotations

import re
from collections import Counter

from . import notes

_BULLETIN_RE = re.compile(r"公报|统计月报|统计年鉴|质量状况|状况公告")
_WORK_REPORT_RE = re.compile(r"政府工作报告")
# A title that reports results (宁夏发布2021年经济社会发展公报 is a bulletin above; 2023年全省
# 新能源装机突破…) rather than setting goals: news of a year's or a period's results.
_NEWS_RE = re.compile(r"(?:发布|通报|公布|显示|实现|突破|达到|创新高|同比|回顾|成就|成效)")
_PLAN_RE = re.compile(r"规划|方案|意见|计划|通知|办法|决定|纲要|指南|措施|目录|标准|细则")
_TITLE_YEAR_RE = re.compile(r"((?:19|20)\d\d)\s*年")
_CN_TITLE_YEAR_RE = re.compile(r"二[〇零○][〇零○一二三四五六七八九]{2}(?=年)")
_CN_YEAR_DIGITS = str.maketrans("〇零○一二三四五六七八九", "000123456789")


# NOTE: a Chinese policy title ends with the noun of its genre (…实施方案, …管理办法, …的意见),
# so the genre word that ends last names it; a notice that issues or forwards another document
# (关于印发《…规划》的通知) is of the genre of what it issues. Money and allowances are told
# first wherever they stand: 关于组织申报…专项资金项目的通知 is a funding call, 上海市2020年碳排放
# 配额分配方案 an allocation, not a plan.
_FIRST_GENRES = (
    (
        "funding_call",
        re.compile(r"申报|申请指南|项目指南|专项资金|资金支持|补助资金|奖补|资金管理"),
    ),
    ("allocation_plan", re.compile(r"配额.{0,8}(?:分配|方案)|分配方案")),
    # A carbon market's duties (排放报告, 核查, 配额清缴, 履约): deadlines and the thresholds
    # that select the firms bound, whatever the notice is called.
    ("rule", re.compile(r"排放(?:数据)?(?:报告|核查)|报告与核查|清缴|履约")),
)
_TITLE_GENRES = (
    ("implementation_plan", re.compile(r"实施方案")),
    ("action_plan", re.compile(r"行动方案|行动计划|攻坚方案|(?<!工作)计划(?!单列)")),
    ("work_plan", re.compile(r"工作方案|工作要点|工作计划|(?<![施动作配])方案")),
    ("plan", re.compile(r"规划(?!环评|许可)|纲要")),
    ("opinion", re.compile(r"意见")),
    ("decision", re.compile(r"决定|决议")),
    ("measures", re.compile(r"措施|政策")),
    ("rule", re.compile(r"办法|细则|规定|条例|规则")),
    ("catalogue", re.compile(r"目录|清单")),
    ("standard", re.compile(r"标准(?!化)|准则|技术规范|导则|(?<!项目)指南")),
    ("notice", re.compile(r"通知|通告|公告")),
)
# The genres whose numbers are requirements on applicants, thresholds that select firms and
# parameters of a scheme, never the region's targets (schemas DOC_KINDS "rules").
RULE_GENRES = ("funding_call", "allocation_plan", "rule", "catalogue", "standard")
_ISSUING_NOTICE_RE = re.compile(r"(?:的)?(?:通知|通告|公告)$")
_TRAILING_BRACKETS_RE = re.compile(r"(?:[（(][^（）()]*[）)]|[》”\s])+$")


def document_genre(title: str | None, text_head: str = "") -> str:
    """The genre of a document (schemas GENRES), from its title (else its first lines): the
    report kinds of `document_kind`, a funding call or allowance allocation wherever their words
    stand, else the genre word that ends last in the title; `other` when none is found."""
    # NOTE: without a title only its first line stands for one, and never as a report: a
    # body's 达到/实现 would read as news (an untitled document stays a plan, as before).
    first_line = next((line for line in text_head.splitlines() if line.strip()), "")
    head = (title or "").strip() or re.sub(r"\s+", "", first_line[:60])
    kind = document_kind(title) if title else "plan"
    if kind != "plan":
        return kind
    for genre, pattern in _FIRST_GENRES:
        if pattern.search(head):
            return genre
    issued = _ISSUING_NOTICE_RE.sub("", _TRAILING_BRACKETS_RE.sub("", head))
    for text in (issued, head):
        ends = [(m.end(), genre) for genre, p in _TITLE_GENRES for m in p.finditer(text)]
        if ends:
            return max(ends, key=lambda item: item[0])[1]
    return "other"


# NOTE: a programme of pilots or demonstrations (…近零碳排放区试点建设实施方案, …示范项目创建方案)
# is a call for applications however its title ends when its text tells applicants how to apply
# (申报主体, 申报要求, 组织申报): the numbers of its annex tables are the pilots' reference values
# and conditions, not the region's goals. A region's own pilot plan (…国家碳达峰试点城市建设
# 方案) states its goals and asks no one to apply.
_PILOT_TITLE_RE = re.compile(r"试点|示范")
_APPLICATION_RE = re.compile(
    r"申报(?:主体|要求|条件|单位|材料|程序|流程|评审)|组织申报|项目征集|申请条件"
)
_APPLICATION_MENTIONS = 3


def read_genre(
    title: str | None, issuer: str | None, text: str, doc_kind: str | None = None
) -> str:
    """The genre of a document: a report kind from its title and issuer (or the manifest's
    doc_kind) as it is, a pilot programme that calls for applications a funding call, else
    the genre its title (else its first lines) names."""
    kind = doc_kind or document_kind(title, issuer)
    if kind in ("bulletin", "work_report", "news"):
        return kind
    genre = document_genre(title, text[:300])
    if genre_family(genre) == "plan" and calls_for_pilots(title or text[:100], text):
        return "funding_call"
    return genre


def calls_for_pilots(title: str, text: str) -> bool:
    """True for a programme of pilots or demonstrations (its title) whose text tells applicants
    how to apply, several times: a call for applications, not the region's plan."""
    if not _PILOT_TITLE_RE.search(title):
        return False
    return len(_APPLICATION_RE.findall(text)) >= _APPLICATION_MENTIONS


def rules_review_note(genre: str) -> str:
    """Why no number of a document of the rules family is a target, in review.csv's words."""
    return notes.note(f"review_genre_{genre if genre in RULE_GENRES else 'rules'}")


def genre_family(genre: str) -> str:
    """The doc_kind (schemas DOC_KINDS) the extraction rules read a genre by: a report kind as
    it is, a funding call, rule, allocation, catalogue or standard `rules`, any other `plan`."""
    if genre in ("bulletin", "work_report", "news"):
        return genre
    return "rules" if genre in RULE_GENRES else "plan"


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
