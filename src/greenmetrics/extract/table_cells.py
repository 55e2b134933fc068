"""The header and the cells of an indicator table (主要指标表), read from their words.

A header cell is a column word (序号, 指标, 单位, 属性) or a value column (2020年, 2025年目标,
目标值, “十四五”累计, 2025年较2020年下降, 2035年远景), its words in any order so that a group cell
over two rows (目标值 above 2025年 | 2030年) joins each of its leaves. A value cell is a number
with its comparator (≥30, <1.3, 约13, 30以上), a bracketed five-year cumulative ([13.5], 〔15〕),
a dash (no target) or words (完成省下达目标, for review). greenmetrics.extract.indicator_tables
finds the tables and their rows and turns them into targets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..text import normalize
from .vocabulary import FYP_END, NUM, Vocabulary

# ---------------------------------------------------------------------------------------------
# The header: what each column holds
# ---------------------------------------------------------------------------------------------

# Header words as Chinese plans write them (a unit may follow in brackets: 2025年（%）).
_SERIAL_RE = re.compile(r"^(?:序号|编号|序)$")
_CATEGORY_RE = re.compile(r"^(?:指标)?(?:类别|分类|领域|方面|维度|类型)$|^一级指标$")
_INDICATOR_RE = re.compile(r"^(?:主要|具体|核心|二级)?指标(?:名称|内容)?$|^项目$|^(?:项目)?名称$")
# NOTE: 项目 / 名称 head project lists as well as indicator tables: such a header is an
# indicator table's only with a unit or a 属性 column (项目 | 单位 | 2025年 | 属性).
_ITEM_RE = re.compile(r"^(?:项目|(?:项目)?名称)$")
_UNIT_RE = re.compile(r"^(?:计量)?单位$")
_BINDING_RE = re.compile(r"^(?:指标)?(?:属性|性质)$")
_IGNORED_RE = re.compile(r"^(?:备注|说明|责任单位|牵头单位|数据来源|指标说明)$")
# NOTE: a yearly rate column (2020年 | 2025年 | 年均增速) restates the target column as the growth
# a year it takes to reach it: a column of the header that holds no target of its own.
_RATE_COLUMN_RE = re.compile(r"^年均(?:增速|增长率?|增幅|增长速度|递增率?|降幅|下降率?)$")
# The words of a value column's header, found anywhere in it (2025年目标值, 目标值 / 2025年 over
# two rows, “十四五”累计, 2025年较2020年下降): its years, and what its values are.
_SINCE_TOKEN = re.compile(r"(?:较|比|相比|相对于?)(?P<year>(?:19|20)\d\d)年?(?:底|末)?")
_YEAR_TOKEN = re.compile(
    r"(?P<y1>(?:19|20)\d\d)(?:年?[-—–~～至到](?P<y2>(?:19|20)\d\d))?年?(?:底|末)?"
)
PERIOD_TOKEN = re.compile(
    r"[“\"]?十(?P<fyp>[一二三四五六七八九])五[”\"]?(?:末期?|期末|时期|期间|期)?"
)
_COLUMN_WORDS = (
    ("base", r"基期|基准|基数|基年|基础|现状|现值|实际|完成"),
    ("target", r"目标|规划|预期|预计|远景|展望"),
    ("cumulative", r"累计|合计|总计"),
    ("reduction", r"下降|降低|减少|降幅"),
    ("increase", r"提高|提升|增加|增长|新增|增量"),
)
# NOTE: 2020年（现状） / 2025年（目标）: the role word may stand in brackets.
_COLUMN_FILLER_RE = re.compile(r"值|数值|数|水平|年|情况|期|末|[“”\"（）()]")
# A unit written in brackets at the end of a header or indicator cell: 2025年（%）, PM2.5（μg/m³）.
_BRACKET_UNIT_RE = re.compile(r"^(?P<label>.*?)\s*[（(](?P<unit>[^（）()]{1,12})[）)]\s*$")

_BINDING_WORDS = (("约束", "binding"), ("预期", "expected"))


@dataclass
class TableColumn:
    """A value column: the year its values are for, and what they are."""

    index: int
    year: int | None  # the year of the values (a target year, or a base year)
    role: str  # "base", "target", or "year" (a plain year: base or target by the plan's year)
    change: str | None = None  # "cumulative", "reduction" or "increase" over a period
    since: int | None = None  # the base year of that change (较2020年; 十四五, 2021-2025年: 2020)


def value_column(label: str, index: int = 0) -> TableColumn | None:
    """What a value column's header says, or None when `label` is no value column header.

    The words may come in any order (目标值2025年 is 2025年目标值: a group header over two rows
    joined); besides years, periods and the role and change words, only fillers (值, 数, 水平
    ...) may stand in it."""
    rest = label
    since = None
    m = _SINCE_TOKEN.search(rest)
    if m:
        since = int(m["year"])
        rest = rest[: m.start()] + rest[m.end() :]
    year = None
    m = _YEAR_TOKEN.search(rest)
    if m:
        year = int(m["y2"] or m["y1"])
        if m["y2"]:
            since = since or int(m["y1"]) - 1  # 2021-2025年累计: over the years after 2020
        rest = rest[: m.start()] + rest[m.end() :]
    else:
        m = PERIOD_TOKEN.search(rest)
        if m:
            year = FYP_END[m["fyp"]]
            since = since or year - 5
            rest = rest[: m.start()] + rest[m.end() :]
    found: dict[str, bool] = {}
    for what, words in _COLUMN_WORDS:
        rest, n = re.subn(words, "", rest)
        found[what] = n > 0
    if _COLUMN_FILLER_RE.sub("", rest) or not (year or since or any(found.values())):
        return None
    change = next((w for w in ("reduction", "cumulative", "increase") if found[w]), None)
    if found["base"] and not found["target"] and not change:
        return TableColumn(index, year, "base")
    if found["target"] or change or since:
        return TableColumn(index, year, "target", change, since if change or since else None)
    return TableColumn(index, year, "year")


@dataclass
class TableHeader:
    """Which column holds what (column indexes), and the years the header states."""

    labels: list[str]
    indicator: int
    targets: list[TableColumn]
    unit: int | None = None
    base: int | None = None
    base_year: int | None = None
    binding: int | None = None
    serial: int | None = None
    category: int | None = None
    units: dict[int, str] = field(default_factory=dict)  # a unit in the header cell itself
    n_values: int = 1  # how many value columns (base, target, other years) a row has
    period_since: int | None = None  # the table's title names a plan period (“十四五”): 2020


_BLANKS_RE = re.compile(r"\s+")


@lru_cache(maxsize=8192)
def cell_label(cell: str) -> str:
    """The cell's normalized text without blanks. Cached: the table readers ask again and
    again for the same cells (each piece of a line is tried as a value, a unit and a header,
    and every line naming 指标 is cut into cells twice), and normalizing is the cost."""
    return _BLANKS_RE.sub("", normalize(cell).text)


def split_unit(text: str, vocabulary: Vocabulary) -> tuple[str, str]:
    """('单位GDP能耗降低', '%') from '单位GDP能耗降低（%）'; a bracket that is no unit stays."""
    m = _BRACKET_UNIT_RE.match(text)
    if m and is_unit(normalize(m.group("unit")).text.strip(), vocabulary):
        return m.group("label").strip(), normalize(m.group("unit")).text.strip()
    return text.strip(), ""


def is_unit(text: str, vocabulary: Vocabulary) -> bool:
    # NOTE: units without CJK (%, μg/m³, m³/万元) are too varied to list; a CJK unit must be
    # one of the policy words (万吨, 吨标准煤/万元 ...), so that （含县城） stays in the name.
    if not text or len(text) > 12:
        return False
    if not re.search(r"[\u4e00-\u9fff]", text):
        return not re.search(r"\d{2}", text)
    return "/" in text or re.fullmatch(vocabulary.unit_re, text) is not None


_ROLE_PATTERNS = (
    ("serial", _SERIAL_RE),
    ("category", _CATEGORY_RE),
    ("indicator", _INDICATOR_RE),
    ("unit", _UNIT_RE),
    ("binding", _BINDING_RE),
)


def read_header(
    cells: list[str], vocabulary: Vocabulary, issue_year: int | None = None
) -> TableHeader | None:
    """The header of an indicator table, or None when `cells` is not one we understand: it
    needs an indicator column and a target column (a year, 目标值, 十四五, 累计 ...).

    Every target column gives a target (2025年 and 2030年, 2025年目标 and 2035年远景). A plain
    year column is a base when it is before the plan's issue year (2020年 in a 2021 plan),
    else a target; without that year, the latest plain year is the target."""
    roles: dict[str, int] = {}
    units: dict[int, str] = {}
    columns: list[TableColumn] = []
    for i, cell in enumerate(cells):
        label, unit = split_unit(cell_label(cell), vocabulary)
        if unit:
            units[i] = unit
        role = next((r for r, p in _ROLE_PATTERNS if p.match(label) and r not in roles), None)
        if role:
            roles[role] = i
        elif label and not _IGNORED_RE.match(label) and not _RATE_COLUMN_RE.match(label):
            column = value_column(label, i)
            if column:
                columns.append(column)
    if "indicator" not in roles:
        return None
    item_column = _ITEM_RE.match(split_unit(cell_label(cells[roles["indicator"]]), vocabulary)[0])
    if item_column and "unit" not in roles and "binding" not in roles:
        return None
    plain = [c for c in columns if c.role == "year"]
    stated = [c.year for c in columns if c.role == "target" and c.year]
    # NOTE: without the plan's year, a plain year before the first stated target year (or
    # else the latest plain year) is a base.
    cut = issue_year or (min(stated) if stated else max((c.year for c in plain), default=0))
    for c in plain:
        c.role = "base" if c.year < cut else "target"
    if plain and not any(c.role == "target" for c in columns):
        # NOTE: every plain year before the plan's year: the latest is the target.
        latest = max(plain, key=lambda c: c.year)
        for c in plain:
            c.role = "target" if c is latest else "base"
    targets = [c for c in columns if c.role == "target"]
    if not targets:
        return None
    bases = [c for c in columns if c.role == "base"]
    first_year = min((c.year for c in targets if c.year), default=None)
    bases = [c for c in bases if c.year is None or first_year is None or c.year < first_year]
    # NOTE: 2015年 | 2020年 | 2025年: the base of a target is the latest year before it.
    base = max(bases, key=lambda c: c.year or 0) if bases else None
    return TableHeader(
        labels=list(cells),
        indicator=roles["indicator"],
        targets=targets,
        unit=roles.get("unit"),
        base=base.index if base else None,
        base_year=base.year if base else None,
        binding=roles.get("binding"),
        serial=roles.get("serial"),
        category=roles.get("category"),
        units=units,
        n_values=len(columns),
    )


def names_indicator_column(line: str) -> bool:
    """True for a line that may hold an indicator table's indicator column word: a cheap
    test run on every line before the header is read."""
    return "指标" in line or "项目" in line or "名称" in line


def is_header_cell(label: str) -> bool:
    """A cell a header may hold: a column word, or a value column (2025年, 目标值, 累计)."""
    return any(p.match(label) for _, p in _ROLE_PATTERNS) or bool(
        _IGNORED_RE.match(label) or _RATE_COLUMN_RE.match(label) or (label and value_column(label))
    )


def _is_group(label: str) -> bool:
    """目标值 / 规划目标 over year columns: a value column header that names no year."""
    column = value_column(label)
    return column is not None and column.year is None and column.since is None and not column.change


_TRAILING_BRACKET_RE = re.compile(r"[（(][^（）()]*[）)]$")


def _bare(label: str) -> str:
    """A header label without a bracket at its end (2025年（%） -> 2025年)."""
    return _TRAILING_BRACKET_RE.sub("", label)


def _combine(group: str, leaf: str) -> str:
    """One label of a leaf column and the group cell above it, a bracketed unit of either kept
    at the end: 目标值（%） over 2025年 -> 2025年目标值（%）."""
    brackets = [m.group(0) for x in (leaf, group) if (m := _TRAILING_BRACKET_RE.search(x))]
    return _bare(leaf) + _bare(group) + (brackets[0] if brackets else "")


def merge_header_rows(first: list[str], second: list[str]) -> list[str] | None:
    """The leaf columns of a header over two rows, each a label of its own words and those of
    the group cell above it (目标值 over 2025年 | 2030年: 2025年目标值, 2030年目标值).

    The readers give merged cells once: HTML (rowspan) leaves the second row only the cells
    under a group; a .docx row repeats a cell merged down (指标 in both rows), so the second
    row is the first with each group replaced by its leaves."""
    labels = [cell_label(c) for c in first]
    under = [cell_label(c) for c in second]
    if len(under) == len(labels):
        return [
            a if a == b or not b else _combine(a, b) for a, b in zip(labels, under, strict=True)
        ]
    if len(under) > len(labels):
        leaves, j = [], 0
        for i, label in enumerate(labels):
            if j < len(under) and under[j] == label:
                leaves.append(label)
                j += 1
                continue
            following = labels[i + 1] if i + 1 < len(labels) else None
            start = j
            while j < len(under) and under[j] != following:
                leaves.append(_combine(label, under[j]))
                j += 1
            if j == start:
                return None
        return leaves if j == len(under) else None
    groups = [i for i, label in enumerate(labels) if _is_group(_bare(label))]
    if not groups or len(under) % len(groups):
        return None
    per = len(under) // len(groups)
    leaves = []
    for i, label in enumerate(labels):
        if i in groups:
            k = groups.index(i)
            leaves.extend(_combine(label, u) for u in under[k * per : (k + 1) * per])
        else:
            leaves.append(label)
    return leaves


def place_group_leaves(cells: list[str]) -> list[str]:
    """A PDF header over two rows comes one cell per line, the second row after the first:
    指标 | 单位 | 2020年 | 目标值 | 属性 | 2025年 | 2030年. The year cells of the second row go
    where their group cell (目标值) stands, each joined to it; without a group, `cells`."""
    labels = [cell_label(c) for c in cells]
    group = next((i for i, label in enumerate(labels) if _is_group(_bare(label))), None)
    if group is None:
        return cells

    def is_leaf(label: str) -> bool:
        column = value_column(_bare(label))
        return column is not None and column.year is not None

    k = len(labels)
    while k > group + 1 and is_leaf(labels[k - 1]):
        k -= 1
    if len(labels) - k >= 2 and k > group + 1:
        leaves, after = labels[k:], cells[group + 1 : k]
    else:
        j = group + 1
        while j < len(labels) and is_leaf(labels[j]):
            j += 1
        if j - group - 1 < 2:
            return cells
        leaves, after = labels[group + 1 : j], cells[j:]
    return [*cells[:group], *(_combine(labels[group], leaf) for leaf in leaves), *after]


# ---------------------------------------------------------------------------------------------
# Cells: a number with its comparator, a dash, or text
# ---------------------------------------------------------------------------------------------

NO_VALUE_RE = re.compile(r"^[-—–－―─/／…无\s]*$")
_CUMULATIVE_RE = re.compile(
    r"^(?P<pre>[^\[〔［【]*)[\[〔［【](?P<inner>[^\]〕］】]*)[\]〕］】](?P<post>.*)$"
)
_GE_BEFORE = ("≥", "≧", ">=", ">", "不低于", "不少于", "大于", "高于", "超过")
_LE_BEFORE = ("≤", "≦", "<=", "<", "不高于", "不超过", "小于", "低于")
_APPROX_BEFORE = ("约",)
_AFTER = {"以上": "ge", "以下": "le", "以内": "le", "左右": "approx"}


@dataclass
class CellValue:
    value: float
    comparator: str
    cumulative: bool  # bracketed: the five-year cumulative
    unit: str
    aspirational: bool


def read_value(cell: str, vocabulary: Vocabulary) -> CellValue | str | None:
    """A cell as a value; None for a dash or an empty cell (no target); "text" for words."""
    text = cell_label(cell)
    if NO_VALUE_RE.match(text):
        return None
    cumulative = False
    m = _CUMULATIVE_RE.match(text)
    if m:
        cumulative = True
        text = m["pre"] + m["inner"] + m["post"]
    aspirational = text.startswith(("力争", "争取"))
    if aspirational:
        text = text[2:]
    comparator = "eq"
    for words, comp in ((_GE_BEFORE, "ge"), (_LE_BEFORE, "le"), (_APPROX_BEFORE, "approx")):
        word = next((w for w in words if text.startswith(w)), None)
        if word:
            comparator, text = comp, text[len(word) :]
            break
    number = re.match(rf"(?P<lo>{NUM})(?:-(?P<hi>{NUM}))?", text)
    if not number:
        return "text"
    rest = text[number.end() :]
    unit_m = re.match(vocabulary.unit_re, rest)
    unit = unit_m.group(0) if unit_m else ""
    rest = rest[len(unit) :]
    if rest in _AFTER:
        comparator, rest = _AFTER[rest], ""
    if rest:
        return "text"
    if number["hi"] and comparator == "eq":
        comparator = "ge"  # a range 13-15 is at least its lower end, as in prose
    value = float(number["lo"].replace(",", ""))
    return CellValue(value, comparator, cumulative, unit, aspirational)


def binding_code(cell: str) -> str | None:
    return next((code for word, code in _BINDING_WORDS if word in cell), None)
