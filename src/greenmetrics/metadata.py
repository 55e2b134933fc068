"""Metadata of a plan that is not in the manifest, detected from its own text.

`detect_metadata` guesses title, issuer, issue date, document number (文号), region, its
administrative level, parent region and province from the conventions of Chinese official
documents (文号 and issuer at the top, 落款 issuer + date at the end or after the notice,
标题 with 关于 ... 方案/意见), not from any one plan. It matches on the normalized text
(`greenmetrics.text`).

Region levels follow the suffix of the last administrative unit: 省/自治区/特别行政区 and the
four municipalities are provinces; 自治州/州/地区/盟 prefectures; 县/旗/区 counties; X市 a
prefecture-level city, unless it follows a 市/州/地区/盟 other than a municipality (then it is
a county-level city: 酒泉市玉门市).

Why a module of its own: these heuristics are long and only concern official-document layout;
the facts about China's divisions they rely on (provinces, municipalities, short names) live in
`greenmetrics.regions`.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from .regions import COUNTRY_ZH, MUNICIPALITIES, PROVINCE_SHORT, PROVINCES
from .text import normalize

_PROVINCE_RE = re.compile("|".join(PROVINCES))
_PROVINCE_SHORT_RE = re.compile("|".join(sorted(PROVINCE_SHORT, key=len, reverse=True)))

_HEADER_LINES = 30  # the 版头 and title block of an official document sit in the first lines
_TAIL_LINES = 12  # the 落款 (issuer and date) sits in the last lines

# NOTE: a unit ends with an administrative suffix not followed by another suffix character,
# so 忻州市 is one unit (not 忻州 + 市...).
_UNIT = r"[\u4e00-\u9fff]{1,10}?(?:特别行政区|自治区|自治州|自治县|自治旗|地区|省|市|州|盟|县|旗|区)(?![市县区州旗盟省])"
_REGION_CHAIN_RE = re.compile(rf"(?:{_UNIT}){{1,3}}")
_UNIT_RE = re.compile(_UNIT)
_NOT_REGION_UNITS = {
    "城市",
    "城区",
    "园区",
    "地区",
    "社区",
    "景区",
    "新区",
    "山区",
    "牧区",
    "市区",
    "县区",
    "辖区",
}

_ISSUER_SUFFIX_RE = re.compile(
    r"(?:人民政府(?:办公厅|办公室)?|行政公署(?:办公室)?|办公厅|办公室|管理委员会|委员会|管委会)$"
)
_ISSUER_LINE_RE = re.compile(
    r"[\u4e00-\u9fff（）()]{2,40}?(?:人民政府(?:办公厅|办公室)?|行政公署|办公厅|办公室|委员会|管委会)"
)
_DATE_RE = re.compile(r"((?:19|20)[0-9]{2})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日")
# NOTE: signature dates are often in Chinese numerals, with 〇 (or ○/O/零) for zero.
_CN_DATE_RE = re.compile(
    r"([〇○O零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*"
    r"([一二三四五六七八九十]{1,3})\s*日"
)
_DATE_LINE_RE = re.compile(r"[（(]?\s*(?P<date>.+?日)\s*[）)]?\s*(?:印发|发布|签发|起施行)?")
_DOCNUM_CORE_RE = re.compile(
    r"[〔\[［【(（]\s*((?:19|20)[0-9]{2})\s*[〕\]］】)）]\s*(?:第\s*)?([0-9]{1,4})\s*号"
)
_DOCNUM_PREFIX_RE = re.compile(r"[\u4e00-\u9fff]{1,10}$")
# NOTE: a document number cited as the source of an earlier document follows these words or
# sits in （ ） after a 《title》; the plan's own number stands alone at the top.
_CITING_RE = re.compile(r"根据|按照|依据|印发|转发|贯彻|落实|执行|参照")
_TITLE_END = (
    r"(?:实施方案|工作方案|行动方案|方案|实施意见|指导意见|意见|发展规划|规划|纲要|通知|办法|"
    r"行动计划|计划|措施|决定|细则|要点)"
)
_TITLE_CUT_RE = re.compile(rf"^(.*?关于.*{_TITLE_END})")
_TITLE_NO_GUANYU_RE = re.compile(rf"^[\u4e00-\u9fff“”\"「」、（）()0-9—-]{{4,60}}{_TITLE_END}$")
_NOTICE_RE = re.compile(r"^.*?(?:关于)?(?:印发|转发)《?(?P<inner>.+?)》?的通知$")
_SENTENCE_PUNCT = "，。；！？,;"
_ALL_REGION_RE = re.compile(r"(?:全|我|本)(自治区|省|州|市|区|县|旗|盟)")
_REGION_WORD_STOP = set("全我各本该外此每其省市县区州旗")
# Two-character endings of common words that look like 2-character place names + suffix
# (自治州, 先行区, 示范区, 主城区 ...).
_GENERIC_TAILS = set(
    [
        "治州",
        "治区",
        "治县",
        "城区",
        "园区",
        "新区",
        "地区",
        "社区",
        "景区",
        "山区",
        "牧区",
        "市区",
        "县区",
        "辖区",
        "行区",
        "范区",
        "发区",
        "验区",
        "护区",
        "能区",
        "业区",
        "济区",
        "聚区",
        "心区",
        "管区",
        "矿区",
        "镇区",
        "片区",
        "街区",
        "校区",
        "库区",
        "灾区",
        "边区",
        "游区",
        "城市",
        "大市",
        "个市",
        "等市",
        "个县",
        "等县",
        "个州",
        "级市",
        "级县",
        "级区",
    ]
)


def _cn_small_number(s: str) -> int | None:
    digits = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
    if "十" not in s:
        return digits.get(s) if len(s) == 1 else None
    tens, _, ones = s.partition("十")
    t = digits.get(tens) if tens else 1
    o = digits.get(ones) if ones else 0
    return None if t is None or o is None else 10 * t + o


def _parse_date(s: str) -> str | None:
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


def _date_line(line: str) -> str | None:
    """The ISO date when the whole line is a date (a signature or 成文日期 line)."""
    compact = line.replace(" ", "")
    m = _DATE_LINE_RE.fullmatch(compact)
    if not m:
        return None
    inner = m.group("date")
    if not (_DATE_RE.fullmatch(inner) or _CN_DATE_RE.fullmatch(inner)):
        return None
    return _parse_date(inner)


def _issuer_line(line: str) -> str | None:
    """The issuer when the whole line names issuing bodies (落款/版头), else None."""
    compact = line.replace(" ", "")
    if not _ISSUER_LINE_RE.fullmatch(compact) or "关于" in compact:
        return None
    return " ".join(line.split())


def _doc_number(lines: list[str]) -> str | None:
    """The plan's own 文号 in the header lines: standalone lines first, then uncited ones."""
    found: list[tuple[bool, str]] = []
    for line in lines:
        for m in _DOCNUM_CORE_RE.finditer(line):
            pm = _DOCNUM_PREFIX_RE.search(line, 0, m.start())
            if not pm:
                continue
            prefix, start = pm.group(), pm.start()
            before = line[:start]
            cited = (
                before.rstrip()[-1:] in ("（", "(", "《")
                or before.count("《") > before.count("》")
                or _CITING_RE.search(prefix)
            )
            if cited:
                continue
            number = re.sub(r"\s+", "", prefix + line[m.start() : m.end()])
            standalone = line.replace(" ", "") == number
            found.append((standalone, number))
    for standalone, number in found:
        if standalone:
            return number
    return found[0][1] if found else None


def _title(lines: list[str]) -> str | None:
    """The plan's title in the header lines (wrapped title lines joined)."""
    notice_inner: str | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        outside = re.sub(r"《[^》]*》", "", line)
        if "关于" not in outside:
            if i <= 3 and len(line) <= 60 and _TITLE_NO_GUANYU_RE.fullmatch(line.replace(" ", "")):
                return line.replace(" ", "")
            continue
        block = line.replace(" ", "")
        j = i
        # NOTE: long titles wrap over two or three short centred lines without punctuation.
        while (
            not re.search(rf"{_TITLE_END}$", block)
            and j < len(lines)
            and j < i + 3
            and len(lines[j]) <= 30
            and not any(p in lines[j] for p in _SENTENCE_PUNCT + "：:")
        ):
            block += lines[j].replace(" ", "")
            j += 1
        if any(p in block for p in _SENTENCE_PUNCT):
            clauses = [
                c
                for c in re.split(r"[，。；！？,;]", block)
                if "关于" in re.sub(r"《[^》]*》", "", c)
            ]
            block = clauses[0] if clauses else ""
        m = _TITLE_CUT_RE.match(block)
        if not m:
            continue
        title = m.group(1)
        i = j
        notice = _NOTICE_RE.match(title)
        if notice:
            notice_inner = notice_inner or notice.group("inner").strip("《》")
            continue
        return title
    return notice_inner


def _units(name: str) -> list[str] | None:
    """The administrative units of a region name (山西省忻州市忻府区 -> 3 units), or None."""
    if not _REGION_CHAIN_RE.fullmatch(name):
        return None
    units = _UNIT_RE.findall(name)
    if "".join(units) != name or any(u in _NOT_REGION_UNITS for u in units):
        return None
    return units


def _region_from_issuer(issuer: str) -> str | None:
    tokens = issuer.split()
    token = next((t for t in reversed(tokens) if "人民政府" in t), tokens[-1] if tokens else "")
    token = re.sub(r"^中共", "", token)
    stem = _ISSUER_SUFFIX_RE.sub("", token)
    if _units(stem):
        return stem
    m = _REGION_CHAIN_RE.match(stem)
    return m.group() if m and _units(m.group()) else None


def _region_level(units: list[str]) -> str:
    """Administrative level from the suffix of the last unit (see module rules)."""
    name, last = "".join(units), units[-1]
    if name in MUNICIPALITIES or last.endswith(("省", "自治区", "特别行政区")):
        return "province"
    if last.endswith(("自治州", "州", "地区", "盟")):
        return "prefecture"
    if last.endswith(("县", "旗", "区")):
        return "county"
    # X市: a prefecture-level city, unless it sits under a prefecture (a county-level city).
    if (
        len(units) >= 2
        and units[-2].endswith(("市", "州", "地区", "盟"))
        and (units[-2] not in MUNICIPALITIES)
    ):
        return "county"
    return "prefecture"


def _most_named_province(text: str) -> str | None:
    counts = Counter(_PROVINCE_RE.findall(text))
    if not counts:
        counts = Counter(PROVINCE_SHORT[s] for s in _PROVINCE_SHORT_RE.findall(text))
    if not counts:
        return None
    top = max(counts.values())
    # ties go to the first named
    for m in _PROVINCE_RE.finditer(text):
        if counts.get(m.group()) == top:
            return m.group()
    return counts.most_common(1)[0][0]


def _region_from_scope(text: str) -> str | None:
    """Region from 全省/全州/全区... plus the most named proper name with that suffix."""
    scopes = Counter(_ALL_REGION_RE.findall(text))
    if not scopes:
        return None
    suffix = scopes.most_common(1)[0][0]
    if suffix in ("省", "自治区"):
        return _most_named_province(text)
    if suffix == "区":
        # NOTE: 全区/我区 is also how an autonomous region (宁夏回族自治区) names itself.
        province = _most_named_province(text)
        if province and province.endswith("自治区") and text.count(province) >= 2:
            return province
    # NOTE: plans call their own region by a two-character name plus suffix (临夏州, 忻府区);
    # the most frequent such name with the suffix of 全X is taken.
    names = Counter(m.group(1) for m in re.finditer(rf"(?=([\u4e00-\u9fff]{{2}}{suffix}))", text))
    for name, count in names.most_common():
        if count < 2:
            break
        if (
            name[0] in _REGION_WORD_STOP
            or name[1] in _REGION_WORD_STOP
            or name[1:] in _GENERIC_TAILS
        ):
            continue
        return name
    return None


def detect_metadata(text: str) -> dict:
    """Metadata of a plan that is not in the manifest, read from its own text.

    Returns title_zh, region_zh, region_level, issuer_zh, issue_date (ISO), doc_number,
    parent_region_zh and province_zh; None for what the text does not show. The rules follow
    the layout of Chinese official documents (文号 and issuer at the top, 落款 issuer + date
    at the end or after the notice), not any one plan; see the helpers for each field.
    """
    norm = normalize(text).text
    lines = [line.strip() for line in norm.split("\n")]
    nonempty = [line for line in lines if line]
    head = nonempty[:_HEADER_LINES]

    doc_number = _doc_number(nonempty[:15])
    title = _title(head)

    # Signature blocks: an issuer line directly followed by a date line.
    issuer = issue_date = None
    for k, line in enumerate(nonempty):
        iso = _date_line(line)
        if iso and k and _issuer_line(nonempty[k - 1]):
            issuer, issue_date = _issuer_line(nonempty[k - 1]), iso
            break
    if issue_date is None:
        for line in head + nonempty[-_TAIL_LINES:]:
            iso = _date_line(line)
            if iso:
                issue_date = iso
                break
    if issuer is None:
        issuer = next((x for x in map(_issuer_line, nonempty[:10]) if x), None)
    if issuer is None and title:
        before = title.split("关于", 1)[0]
        if _ISSUER_SUFFIX_RE.search(before):
            issuer = before

    region = _region_from_issuer(issuer) if issuer else None
    if region is None and title:
        before = _ISSUER_SUFFIX_RE.sub("", title.split("关于", 1)[0]) if "关于" in title else ""
        if before and _units(before):
            region = before
        else:
            m = _REGION_CHAIN_RE.match(title)
            if (
                m
                and _units(m.group())
                and (
                    _PROVINCE_RE.match(m.group())
                    or re.match(r"人民政府|关于|“?十[三四五六]五|[0-9]{4}", title[m.end() :])
                )
            ):
                region = m.group()
    if region is None:
        region = _region_from_scope(norm)

    level = parent = None
    province = None
    units = _units(region) if region else None
    if units:
        level = _region_level(units)
        if level == "province":
            province = region if region in PROVINCES else None
            parent = COUNTRY_ZH
        elif _PROVINCE_RE.fullmatch(units[0]):
            province = units[0]
    if province is None and level != "province":
        province = _most_named_province(norm)
    if units and level != "province":
        if len(units) >= 2:
            parent = units[-2]
        elif level == "prefecture":
            parent = province
    return {
        "title_zh": title,
        "region_zh": region,
        "region_level": level,
        "issuer_zh": issuer,
        "issue_date": issue_date,
        "doc_number": doc_number,
        "parent_region_zh": parent,
        "province_zh": province,
    }
