"""Years in context: 到2025年, 2025年底前, 十四五末, 二〇二五年, and the plan's default target year
(the year of its main goals, taken by lines that state none)."""

from __future__ import annotations

import re
from collections import Counter

from .vocabulary import FYP_END, FYP_RE, PERIOD_YEAR_RE, TARGET_YEAR_RE


def _year_of_expression(m: re.Match) -> int:
    return int(m.group("year").replace(" ", ""))  # 2 0 2 5: a letter-spaced PDF text layer


_CN_YEAR_RE = re.compile(r"[二][〇零○Ｏ][〇零○Ｏ一二三四五六七八九]{2}(?=年)")
_CN_YEAR_DIGITS = str.maketrans("〇零○Ｏ一二三四五六七八九", "000012345678" + "9")


def arabic_years(text: str) -> str:
    """二〇二五年 -> 2025年, same length, so offsets into the text stay valid."""
    return _CN_YEAR_RE.sub(lambda m: m.group(0).translate(_CN_YEAR_DIGITS), text)


_REACHED_BY_WEI_RE = re.compile(r"(?:提高|提升|增加|增长|上升|下降|降低|减少)为\s*$")


def find_year(text: str) -> tuple[int | None, int]:
    """The target year a stretch of text states (到2025年, 2023年底前, 十四五末) and where it ends.

    Years of baselines (较2020年) and of dates (2021年11月9日) are not target years."""
    if "年" not in text and "五" not in text:
        return None, -1
    text = arabic_years(text)
    found: tuple[int | None, int] = (None, -1)
    for m in PERIOD_YEAR_RE.finditer(text):
        found = (int(m.group("b")), m.end())
    for m in TARGET_YEAR_RE.finditer(text):
        prefix = text[max(0, m.start() - 3) : m.start()]
        after = text[m.end() : m.end() + 3]
        if re.search(r"(?:较|比|与|由|相比|相较|从)$", prefix) or re.match(r"^\d{1,2}月", after):
            continue
        # NOTE: "2020年的93%" is a past value, but "提高到2025年的97%" states the year reached.
        # 上升为2020年的26% states the year reached, as 提高到2025年的97% does
        reached = _REACHED_BY_WEI_RE.search(text, 0, m.start())
        if re.match(r"^(?:相比|水平|基础|的基础|的水平)", after) or (
            after.startswith("的") and m.group(0)[0] not in "到至" and not reached
        ):
            continue
        if m.start() > 0 and text[m.start() - 1] == "-":
            continue
        if m.end() > found[1]:
            found = (_year_of_expression(m), m.end())
    for m in FYP_RE.finditer(text):
        tail = m.group("tail") or ""
        prefix = text[max(0, m.start() - 1) : m.start()]
        # NOTE: “十三五”累计下降17.6%: the period a cumulative change covers is its time too
        over = text.startswith(("累计", "以来", "年均"), m.end())
        if prefix in ("第", "《") or not (tail or over or prefix in ("到", "至", "在")):
            continue
        year = FYP_END[m.group("n")]
        if m.end() > found[1]:
            found = (year, m.end())
    return found


_YEAR_LIST_RE = re.compile(
    r"(?:到|至)?(?P<a>(?:19|20)\d\d)\s*年(?:底|末)?(?:和|、|及|与)(?P<b>(?:19|20)\d\d)\s*年(?:底|末)?"
)


# “十四五”、“十五五”期间分别…: two five-year periods, a value for each (their end years).
_PERIOD_LIST_RE = re.compile(
    r"十(?P<a>[一二三四五])五[”\"]?(?:和|、|及|与)[“\"]?十(?P<b>[一二三四五])五[”\"]?"
    r"(?:期间|时期|末|期末)"
)


def year_list(text: str) -> tuple[int, ...]:
    """The two target years of "到2025年和2030年" or of “十四五”、“十五五”期间 (which 分别 gives
    the values to in turn); () when `text` states no such pair."""
    m = _YEAR_LIST_RE.search(arabic_years(text))
    if m:
        return (int(m.group("a")), int(m.group("b")))
    m = _PERIOD_LIST_RE.search(text)
    return (FYP_END[m.group("a")], FYP_END[m.group("b")]) if m else ()


# NOTE: an annual work document names its own year in its title (2022年能源工作指导意见,
# 2023年节能减排工作要点, 2021年度大气污染防治工作计划) and sets the goals of that year; a title
# naming a horizon (2030年前碳达峰…, 到2025年…) or a period (2021-2023年, “十四五”) does not.
_ANNUAL_TITLE_RE = re.compile(
    r"(?<![\d\-—–~～至到])(?P<year>(?:19|20)\d\d)\s*年(?P<annual>度)?(?![前底末\d])(?!以前|之前)"
    r"(?P<rest>.*)"
)
_ANNUAL_GENRE_RE = re.compile(r"工作(?:指导意见|要点|计划|方案|安排)|要点")
_YEARLY_GENRE_RE = re.compile(r"计划|方案|指导意见")


def annual_title_year(title: str | None) -> int | None:
    """The year an annual work document's title names as its own (2022年能源工作指导意见: 2022),
    None for any other title."""
    title = arabic_years(title or "")
    years = list(_ANNUAL_TITLE_RE.finditer(title))
    if len(years) != 1 or len(re.findall(r"(?:19|20)\d\d", title)) != 1:
        return None
    m = years[0]
    genre_re = _YEARLY_GENRE_RE if m.group("annual") else _ANNUAL_GENRE_RE
    return int(m.group("year")) if genre_re.search(m.group("rest")) else None


def default_target_year(text: str, issue_year: int | None = None, title: str | None = None) -> int:
    """The year of the plan's main goals: the year an annual work document's title names
    (annual_title_year), else the year most often stated in 到YYYY年 phrases.

    A line without a year takes it (as the gold conventions say); ties go to the earlier year."""
    annual = annual_title_year(title)
    if annual is not None:
        return annual
    counts: Counter[int] = Counter()
    text = arabic_years(text)
    for m in re.finditer(r"(?:到|至)\s*((?:20)\d\d)\s*年", text):
        year = int(m.group(1))
        if issue_year is None or year >= issue_year:
            counts[year] += 1
    for m in FYP_RE.finditer(text):
        if m.group("n") == "四" and (m.group("tail") or "").startswith(("末", "期末")):
            counts[2025] += 1
    if not counts:
        return 2025 if issue_year is None or issue_year <= 2025 else issue_year + 4
    best = max(counts.values())
    return min(y for y, c in counts.items() if c == best)


# NOTE: 截至2020年底 reports a state (as of), not a goal: its 至 is no 到.
_GOAL_YEAR_RE = re.compile(r"(?:到|(?<!截)至)\s*((?:20)\d\d)\s*年")
_CLAUSE_START_RE = re.compile(r"[，。；！？,;\n][^，。；！？,;\n]*$")


def _states_goal(text: str, m: re.Match) -> bool:
    """True for 到2025年 stating a goal; not for a review's change from one year to another
    (由2015年的3.9%提高至2020年的11.9%: 由/从 before it in its clause, or 的 after it)."""
    low = max(0, m.start() - 60)
    cut = _CLAUSE_START_RE.search(text, low, m.start())
    clause = text[cut.start() if cut else low : m.start()]
    return not re.search("[由从]", clause) and not text.startswith("的", m.end())


def history_cut(text: str, issue_year: int | None, default_year: int) -> int:
    """The first year whose statements are goals, not history: the issue year when the text
    gives it; else the earliest year the plan states a goal for with 到/至 (到2025年 in a 碳达峰
    方案 whose main goals are 2030's), never later than a plan period before its main goal year.

    NOTE: a date not found is unknown, not a guess: a plan reviews its past with bare years,
    截至 or "十三五"期间, and states its goals with 到, so its earliest 到-year is its own; guessing
    the issue year a period before the main goal year (2030 - 4) took every 到2025年 goal of a
    碳达峰实施方案 for history."""
    if issue_year is not None:
        return issue_year
    text = arabic_years(text)
    stated = [int(m.group(1)) for m in _GOAL_YEAR_RE.finditer(text) if _states_goal(text, m)]
    # goals of the plan's own horizon: within two plan periods before its main goal year
    own = [y for y in stated if default_year - 10 < y <= default_year]
    return min([default_year - 4, *own])
