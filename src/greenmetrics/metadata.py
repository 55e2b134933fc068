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
from dataclasses import dataclass, field, replace

from .gazetteer import MIN_TEXT_NAME, Division, shipped_gazetteer
from .official_dates import date_line, printed_date
from .regions import (
    COUNTRY_EN,
    COUNTRY_ZH,
    PROVINCE_SHORT,
    PROVINCES,
    is_national_issuer,
    spaced_signers,
)
from .text import NormalizedText, normalize

_PROVINCE_RE = re.compile("|".join(PROVINCES))
_PROVINCE_SHORT_RE = re.compile("|".join(sorted(PROVINCE_SHORT, key=len, reverse=True)))

_HEADER_LINES = 30  # the 版头 and title block of an official document sit in the first lines
_TAIL_LINES = 12  # the 落款 (issuer and date) sits in the last lines
_MAX_SIGNERS = 6  # joint documents sign with one body a line above the date

_ISSUER_SUFFIX_RE = re.compile(
    r"(?:人民政府(?:办公厅|办公室)?|行政公署(?:办公室)?|办公厅|办公室|管理委员会|委员会|管委会)$"
)
_ISSUER_LINE_RE = re.compile(
    r"[\u4e00-\u9fff（）()]{2,40}?(?:人民政府(?:办公厅|办公室)?|行政公署|办公厅|办公室|委员会|管委会)"
)
_DOCNUM_CORE_RE = re.compile(
    r"[〔\[［【(（]\s*((?:19|20)[0-9]{2})\s*[〕\]］】)）]\s*(?:第\s*)?([0-9]{1,4})\s*号"
)
_NOT_AN_ORGAN_CODE_RE = re.compile("通知|的")
_DOCNUM_PREFIX_RE = re.compile(r"[\u4e00-\u9fff]{1,10}$")
# NOTE: a document number cited as the source of an earlier document follows these words or
# sits in （ ） after a 《title》; the plan's own number stands alone at the top.
_CITING_RE = re.compile(r"根据|按照|依据|印发|转发|贯彻|落实|执行|参照")
_TITLE_END = (
    r"(?:实施方案|工作方案|行动方案|方案|实施意见|指导意见|意见|发展规划|规划|纲要|通知|办法|"
    r"行动计划|计划|措施|决定|细则|要点|统计公报|状况公报|公报|政府工作报告|工作报告)"
)
_TITLE_CUT_RE = re.compile(rf"^(.*?关于.*{_TITLE_END})")
_TITLE_NO_GUANYU_RE = re.compile(rf"^[\u4e00-\u9fff“”\"「」、（）()0-9—-]{{4,60}}{_TITLE_END}$")
_NOTICE_RE = re.compile(r"^.*?(?:关于)?(?:印发|转发)《?(?P<inner>.+?)》?(?:的通知)?$")
# Labels of the metadata table government websites print above a plan (标题： 发文字号： ...).
_FIELD_LABEL_RE = re.compile(
    r"(?:标题|发文字号|发布日期|成文日期|索引号|主题分类|发文机关|分类)[:：]"
)
# "现将《X》印发给你们": the notice names the plan it sends.
_SENT_PLAN_RE = re.compile(r"现将《(?P<inner>[^》]+)》")
_SENTENCE_PUNCT = "，。；！？,;"
_ALL_REGION_RE = re.compile(r"(?:全|我|本)(自治区|省|州|市|区|县|旗|盟)")


def _issuer_line(line: str) -> str | None:
    """The issuer when the whole line names issuing bodies (落款/版头), else None."""
    compact = line.replace(" ", "")
    if not _ISSUER_LINE_RE.fullmatch(compact) or "关于" in compact:
        return None
    return " ".join(line.split())


# NOTE: a department of a named region signs with a name ending in 厅/局/委 (广东省生态环境厅,
# 上海市生态环境局, 天津市发展改革委); taken only as a signature, on the lines above a date.
_REGION_DEPARTMENT_RE = re.compile(
    r"(?:中共)?[\u4e00-\u9fff]{1,10}?(?:省|自治区|市|自治州|州|地区|盟|县|自治县|旗|区)"
    r"[\u4e00-\u9fff]{2,14}(?:厅|局|委)(?:办公室)?"
)


def _signature_issuer(lines: list[str], k: int) -> str | None:
    """The issuer signing above the date on line `k`: the issuer lines directly before it, one
    body a line when several sign (工业和信息化部办公厅 / 市场监督管理总局办公厅)."""
    signers: list[str] = []
    for line in reversed(lines[max(0, k - _MAX_SIGNERS) : k]):
        signer = _issuer_line(line)
        compact = line.replace(" ", "")
        if signer is None and (
            is_national_issuer(compact)
            or _PROVINCE_DEPARTMENT_RE.fullmatch(compact)
            or _REGION_DEPARTMENT_RE.fullmatch(compact)
        ):
            signer = spaced_signers(compact)
        if signer is None:
            break
        signers.insert(0, signer)
    return " ".join(signers) or None


# NOTE: a national document names its issuer before 关于 at the head (国家能源局关于印发…,
# 中共中央、国务院关于…, 国家发展改革委等部门关于…), or in the label of the website's table.
_HEAD_ISSUER_RE = re.compile(r"^(?P<issuer>[\u4e00-\u9fff、]{2,60}?)(?:关于|印发|转发)")
_ISSUER_LABEL_RE = re.compile(
    r"(?:发布部门|发文机关|发布机关)[:：](?P<issuer>[\u4e00-\u9fff、\s]{2,60})"
)


def _national_head_issuer(lines: list[str]) -> str | None:
    """The central bodies a head line or an issuer label names, when they are national."""
    for line in lines:
        compact = line.replace(" ", "")
        label = _ISSUER_LABEL_RE.search(compact)
        if label and is_national_issuer(label.group("issuer")):
            return spaced_signers(label.group("issuer"))
        m = _HEAD_ISSUER_RE.match(compact)
        if m and is_national_issuer(m.group("issuer")):
            return spaced_signers(m.group("issuer"))
    return None


def _doc_number(lines: list[str]) -> str | None:
    """The plan's own 文号 in the header lines: standalone lines first, then uncited ones."""
    found: list[tuple[bool, str]] = []
    for line in lines:
        for m in _DOCNUM_CORE_RE.finditer(line):
            pm = _DOCNUM_PREFIX_RE.search(line, 0, m.start())
            if not pm:
                continue
            # NOTE: an issuing organ's code (机关代字: 国办函, 农科教发) holds no 的/通知; text
            # before it is a title run into the number when the text layer joined the lines.
            cut = max((m.end() for m in _NOT_AN_ORGAN_CODE_RE.finditer(pm.group())), default=0)
            prefix, start = pm.group()[cut:], pm.start() + cut
            if len(prefix) < 2:
                continue
            before = line[:start]
            own_line = re.fullmatch(r"[（(]?[^（(）)]*[）)]?", line.replace(" ", "")) is not None
            cited = (
                (before.rstrip()[-1:] in ("（", "(", "《") and not own_line)
                or before.count("《") > before.count("》")
                or _CITING_RE.search(pm.group())
            )
            if cited:
                continue
            number = re.sub(r"\s+", "", prefix + line[m.start() : m.end()])
            # NOTE: many plans print their own number in brackets under the title: （定政发〔2021〕48号）
            standalone = line.replace(" ", "").strip("（()）") == number
            found.append((standalone, number))
    for standalone, number in found:
        if standalone:
            return number
    return found[0][1] if found else None


def _title(lines: list[str]) -> str | None:
    """The plan's title in the header lines (wrapped title lines joined)."""
    notice_inner: str | None = None
    lines = [line.replace("«", "《").replace("»", "》") for line in lines]
    for k, line in enumerate(lines):
        compact = line.replace(" ", "").replace("标题:", "标题：")
        if "标题：" not in compact:
            continue
        labelled = compact.partition("标题：")[2]
        if not labelled and k + 1 < len(lines):  # the label alone, the title on the next line
            labelled = lines[k + 1].replace(" ", "")
        title = _FIELD_LABEL_RE.split(labelled, maxsplit=1)[0]
        if title:
            return title
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        sent = _SENT_PLAN_RE.search(line.replace(" ", ""))
        if sent:
            notice_inner = notice_inner or sent.group("inner")
            continue
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
        return _balanced(title)
    return notice_inner and _balanced(notice_inner)


def _balanced(title: str) -> str:
    """`title` without a 《 or 》 at its ends that has no partner inside it."""
    if title.startswith("《") and title.count("《") > title.count("》"):
        title = title[1:]
    if title.endswith("》") and title.count("》") > title.count("《"):
        title = title[:-1]
    return title


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


# -- the region, read against the gazetteer ----------------------------------------------------

# A name at the start of a title is the plan's region when the title goes on like a title does.
_TITLE_AFTER_REGION_RE = re.compile(
    r"人民政府|关于|加快|贯彻|推进|推动|建立|“?十[三四五六]五|[0-9]{4}"
)
# NOTE: a zone at the head of a title must end the issuing body, so 工业园区 in 加快推进工业园区...
# is not read as one.
_ZONE_END_RE = re.compile(r"(?:管理委员会|管委会|人民政府|工作委员会)?(?:关于|印发|$)")
_NOTICE_ISSUER_RE = re.compile(
    r"^(?P<issuer>[\u4e00-\u9fff]{2,30}?(?:人民政府(?:办公厅|办公室)?|行政公署|管理委员会|管委会))(?:关于)?印发"
)
# 全省/全市/我州 ...: the level of division a plan calls itself by, in its body.
_SCOPE_LEVELS = {
    "省": ("province",), "自治区": ("province",), "州": ("prefecture",), "盟": ("prefecture",),
    "市": ("prefecture", "county"), "县": ("county",), "区": ("county",), "旗": ("county",),
}  # fmt: skip
_MIN_BODY_MENTIONS = 2  # a name named once in a body is not the plan's own region


@dataclass
class Region:
    """The region of a plan as detected: its name, level, GB/T 2260 code, parent region and
    province, and the review rows that say what was not sure."""

    name: str | None = None
    level: str | None = None
    code: str | None = None
    name_en: str | None = None
    parent: str | None = None
    province: str | None = None
    review: list[dict] = field(default_factory=list)


@dataclass(frozen=True)
class _Reading:
    """What one place of the plan (issuer, title, body) says the region is."""

    source: str
    written: str
    candidates: tuple[Division, ...]
    zone: str | None = None  # a functional zone inside the (one) candidate


def _notice_issuer(lines: list[str]) -> str | None:
    """The issuer at the head of a notice line (上饶市人民政府印发关于...的通知)."""
    for line in lines:
        m = _NOTICE_ISSUER_RE.match(line.replace(" ", ""))
        if m:
            return m.group("issuer")
    return None


def _read_chain(text: str, source: str, zone_end: re.Pattern | None) -> _Reading | None:
    """The region named at the start of `text`; a functional zone counts when `zone_end`
    matches what follows it."""
    g = shipped_gazetteer()
    chain = g.parse_chain(text)
    if chain is None:
        return None
    if chain.zone and not (zone_end and zone_end.match(g.rest_after(text, chain))):
        chain = replace(chain, zone=None)
    written = "".join(name for name, _ in chain.parts) + (chain.zone or "")
    return _Reading(source, written, tuple(g.resolve(chain)), chain.zone)


def _issuer_reading(issuer: str) -> _Reading | None:
    """The region an issuing body is named after: 忻州市忻府区人民政府, 大连市发展和改革委员会
    (a department of the city), 南京江北新区管理委员会 (a zone of the city)."""
    tokens = issuer.split()
    token = next((t for t in reversed(tokens) if "人民政府" in t), tokens[-1] if tokens else "")
    stem = _ISSUER_SUFFIX_RE.sub("", re.sub(r"^中共", "", token))
    return _read_chain(stem, "issuer", re.compile("$"))


def _title_reading(title: str) -> _Reading | None:
    text = title.lstrip('《“"〈')
    reading = _read_chain(text, "title", _ZONE_END_RE)
    if reading is None or not reading.candidates:
        return reading
    g = shipped_gazetteer()
    rest = text[len(reading.written) :]
    # NOTE: a bare short name (大连, 临夏) opens many words; only a full name, or one followed by
    # the words a title goes on with, is the region.
    first_name = g.parse_chain(text).parts[0][0]
    full = any(
        first_name == d.name or first_name[-1] in "省市州县区旗盟" for d in g.lookup(first_name)
    )
    if reading.zone or full or _TITLE_AFTER_REGION_RE.match(rest):
        return reading
    return None


def _body_reading(text: str) -> _Reading | None:
    """The region a body calls itself by: 全省/全市/我州 gives the level, and the name of that
    level it names most (at least twice, and more than any other) is the region."""
    scopes = Counter(_ALL_REGION_RE.findall(text))
    if not scopes:
        return None
    levels = _SCOPE_LEVELS[scopes.most_common(1)[0][0]]
    g = shipped_gazetteer()
    counts: Counter = Counter()
    # NOTE: provinces go by two-character names in running text (甘肃, 宁夏); other two-character
    # names read inside words, so they count only with their suffix.
    min_length = 2 if levels == ("province",) else MIN_TEXT_NAME
    for name, count in g.mentions(text, min_length).items():
        if any(d.level in levels for d in g.lookup(name)):
            counts[name] += count
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < _MIN_BODY_MENTIONS:
        return None
    name = ranked[0][0]
    if len(ranked) == 2 and ranked[1][1] == ranked[0][1]:
        both = (*g.lookup(name), *g.lookup(ranked[1][0]))
        return _Reading("body", f"{name} / {ranked[1][0]}", both)
    candidates = tuple(d for d in g.lookup(name) if d.level in levels)
    return _Reading("body", name, candidates)


_PROVINCE_DEPARTMENT_RE = re.compile(
    r"^(?:中共)?省(?:委)?[\u4e00-\u9fff]{1,12}(?:厅|局|委员会|委|办公室|办)"
)
_MIN_COUNTRY_SCOPE = 3


def _national_body(text: str) -> bool:
    """True when a body without a named issuer or region speaks of the country as its own
    (我国 more often than 我省/全省/全市 … together)."""
    country = text.count("我国")
    own = len(_ALL_REGION_RE.findall(text))
    return country >= _MIN_COUNTRY_SCOPE and country > own


def _named_in(counts: Counter, division: Division) -> int:
    """How often a text whose names are `counts` names a division above `division` (its city
    or province)."""
    g = shipped_gazetteer()
    names = {n for d in g.ancestors(division) for n in (d.name, *d.short_names)}
    return sum(counts[n] for n in names)


def _one_division(reading: _Reading, text: str) -> Division | None:
    """The one division a reading stands for; several are told apart by the city or province
    the text names, and stay unresolved when the text names none or more than one of them."""
    if len(reading.candidates) == 1:
        return reading.candidates[0]
    counts = shipped_gazetteer().mentions(text, min_length=2)  # read once for every candidate
    named = [d for d in reading.candidates if _named_in(counts, d)]
    return named[0] if len(named) == 1 else None


def _review(text: str, note: str, category: str = "region_uncertain") -> dict:
    return {"category": category, "text": text, "note": note}


def _region_of(division: Division, zone: str | None, written: str) -> Region:
    g = shipped_gazetteer()
    province = g.province(division).name
    if zone:
        # NOTE: functional zones are not GB/T 2260 divisions: the zone is read at county level
        # (the lowest of REGION_LEVELS), under the division it lies in, with that division's code.
        note = (
            f"{written} is a functional zone, not a GB/T 2260 division: level county, parent "
            f"{g.display_name(division)}, division_code {division.code} is the parent's"
        )
        return Region(written, "county", division.code, None, g.display_name(division), province,
                      [_review(written, note, "functional_zone")])  # fmt: skip
    parent = g.parent(division)
    parent_name = COUNTRY_ZH if parent is None else parent.name
    return Region(g.display_name(division), division.level, division.code, g.display_name_en(division),
                  parent_name, province)  # fmt: skip


def _detect_region(issuer: str | None, title: str | None, text: str) -> Region:
    """The region from the issuer (preferred), then the title, then the body (weakest); a
    review row, and no guess, when no reading matches the gazetteer, a name stands for several
    divisions the text does not tell apart, or the issuer and the title disagree."""
    if issuer and any(is_national_issuer(t) for t in (issuer, issuer.replace(" ", ""))):
        return Region(COUNTRY_ZH, "country", None, COUNTRY_EN)
    readings = [
        r
        for r in (
            _issuer_reading(issuer) if issuer else None,
            _title_reading(title) if title else None,
        )
        if r is not None
    ]
    if not any(r.candidates for r in readings) and issuer and _PROVINCE_DEPARTMENT_RE.match(issuer):
        # NOTE: a provincial department signs without its province (省科技厅, 省发展改革委):
        # the province is the one the text names most.
        province = _most_named_province(text)
        division = shipped_gazetteer().find_region(province) if province else None
        if division is not None:
            return _region_of(division, None, province)
    if not any(r.candidates for r in readings):
        if _national_body(text):
            return Region(COUNTRY_ZH, "country", None, COUNTRY_EN)
        body = _body_reading(text)
        if body is not None:
            readings.append(body)
    review: list[dict] = []
    resolved = [(r, _one_division(r, text)) for r in readings if r.candidates]
    for r in readings:
        if not r.candidates:
            review.append(_review(r.written, f"the {r.source} names {r.written}, whose parts do "
                                  "not nest in the gazetteer"))  # fmt: skip
    chosen = next(((r, d) for r, d in resolved if d is not None), None)
    if chosen is None:
        if resolved:
            r = resolved[0][0]
            codes = ", ".join(
                f"{d.code} {shipped_gazetteer().display_name(d)}" for d in r.candidates
            )
            review.append(_review(r.written, f"the {r.source} names {r.written}: several divisions "
                                  f"({codes}) and the text does not tell which; set it in the manifest"))  # fmt: skip
            levels = {d.level for d in r.candidates}
            # the name as written, and its level when every candidate has the same
            region = Region(r.written, levels.pop() if len(levels) == 1 else None)
        else:
            review.append(_review("", "no region found: neither the issuer, the title nor the "
                                  "body names a division of the gazetteer; set it in the manifest"))  # fmt: skip
            region = Region()
        region.review = review
        return region
    reading, division = chosen
    region = _region_of(division, reading.zone, reading.written)
    g = shipped_gazetteer()
    for other, other_division in resolved:
        if other is reading or other_division is None or other_division == division:
            continue
        if g.is_within(division, other_division) or g.is_within(other_division, division):
            continue  # the title names the province or city of the issuer's region, or inside it
        review.append(_review(other.written, f"the {reading.source} names {reading.written} "
                              f"({division.code}), the {other.source} {other.written} "
                              f"({other_division.code}): kept the {reading.source}'s"))  # fmt: skip
    region.review = region.review + review
    return region


_READ_HEAD, _READ_TAIL = 50_000, 10_000


def detect_metadata(text: str, normalized: NormalizedText | None = None) -> dict:
    """Metadata of a plan that is not in the manifest, read from its own text.

    Returns title_zh, region_zh, region_level, issuer_zh, issue_date (ISO), doc_number,
    parent_region_zh and province_zh; None for what the text does not show. region_review
    lists what was not sure about the region, metadata_review an issuer or date not found. The rules follow
    the layout of Chinese official documents (文号 and issuer at the top, 落款 issuer + date
    at the end or after the notice), not any one plan; see the helpers for each field.
    `normalized`: normalize(text), when the caller has it already.
    """
    if len(text) > _READ_HEAD + _READ_TAIL:
        # Title, 文号, issuer and date sit at the top, the signature at the end; the body's
        # region names are as clear in its first pages as in all of it. Reading a bounded
        # part keeps detection cheap on a 50 MB file.
        text = text[:_READ_HEAD] + "\n" + text[-_READ_TAIL:]
        normalized = None  # the part read is not the text normalized
    norm = (normalized if normalized is not None else normalize(text)).text
    lines = [line.strip() for line in norm.split("\n")]
    nonempty = [line for line in lines if line]
    head = nonempty[:_HEADER_LINES]

    doc_number = _doc_number(nonempty[:15])
    title = _title(head)

    # Signature blocks: an issuer line directly followed by a date line.
    issuer = issue_date = None
    for k, line in enumerate(nonempty):
        iso = date_line(line)
        signer = _signature_issuer(nonempty, k) if iso and k else None
        if signer:
            issuer, issue_date = signer, iso
            break
    if issue_date is None:
        for line in head + nonempty[-_TAIL_LINES:]:
            iso = date_line(line)
            if iso:
                issue_date = iso
                break
    if issue_date is None:
        printed = (printed_date(line) for line in nonempty[-_TAIL_LINES:])
        issue_date = next((iso for iso in printed if iso), None)
    if issuer is None:
        issuer = next((x for x in map(_issuer_line, nonempty[:10]) if x), None)
    if issuer is None and title:
        before = title.split("关于", 1)[0]
        if _ISSUER_SUFFIX_RE.search(before) or _REGION_DEPARTMENT_RE.fullmatch(before):
            issuer = spaced_signers(before)

    if issuer is None:
        issuer = _notice_issuer(head[:3])
    if issuer is None:
        issuer = _national_head_issuer(head[:10])

    missing = [
        name for name, value in (("issuer", issuer), ("issue date", issue_date)) if not value
    ]

    region = _detect_region(issuer, title, norm)
    province = region.province
    if province is None and region.level not in ("province", "country"):
        province = _most_named_province(norm)
    return {
        "title_zh": title,
        "region_zh": region.name,
        "region_level": region.level,
        "region_en": region.name_en,
        "division_code": region.code,
        "issuer_zh": issuer,
        "issue_date": issue_date,
        "doc_number": doc_number,
        "parent_region_zh": region.parent,
        "province_zh": province,
        "region_review": region.review,
        "metadata_review": [_missing_review(missing)] if missing else [],
    }


def _missing_review(missing: list[str]) -> dict:
    what = " and ".join(missing)
    return _review("", f"no {what} found in the text (no signature, 落款 or header names it); "
                   "set it in the manifest", "metadata_missing")  # fmt: skip
