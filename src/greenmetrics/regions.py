"""China's administrative divisions as the project knows them: the province list (GB/T 2260
order), the name of the country, administrative levels, the short names a plan uses for its
own region, and the canonical order of regions in every table and chart.

One home for region knowledge: metadata detection, extraction, analysis and charts all read it
from here, so a region sorts, abbreviates and colours the same way everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

REGION_LEVELS = ("country", "province", "prefecture", "county")
COUNTRY_ZH = "全国"
# Words that stand for the whole country in plans and reference sources.
COUNTRY_NAMES = (COUNTRY_ZH, "中国", "全国范围")
COUNTRY_EN = "China"

# NOTE: the central bodies that sign national documents, by the names they sign with: the Party
# centre, the State Council, the NPC, and the ministries, commissions, banks, administrations and
# bureaus under the State Council (国家发展改革委, 国家能源局, 工业和信息化部, 国管局 ...), each
# alone or with its 办公厅/办公室. A provincial body always carries its province's name (广东省
# 发展改革委, 省科技厅), so a name that is one of these from its first character is national.
_MINISTRIES = (
    "外交|国防|教育|科学技术|科技|工业和信息化|工信|公安|国家安全|民政|司法|财政|"
    "人力资源和社会保障|人力资源社会保障|自然资源|生态环境|住房和城乡建设|住房城乡建设|交通运输|"
    "水利|农业农村|商务|文化和旅游|应急管理|退役军人事务"
)
NATIONAL_BODY = (
    r"(?:中共中央|党中央|中国共产党中央委员会|国务院(?:[\u4e00-\u9fff]{2,10}?(?:委员会|领导小组))?|"
    r"全国人民代表大会(?:常务委员会)?|全国人大(?:常委会)?|全国政协|"
    r"中央(?:军事委员会|[\u4e00-\u9fff]{2,10}?(?:委员会|领导小组|部))|"
    r"(?:中华人民共和国)?(?:" + _MINISTRIES + r")部|"
    r"(?:中国)?人民银行|(?:国家)?发展(?:和)?改革委(?:员会)?|(?:国家)?发改委|国资委|证监会|"
    r"银保监会|银监会|保监会|(?:国家)?金融监管总局|(?:国家)?市场监(?:督)?管(?:理)?总局|海关总署|"
    r"(?:国家)?税务总局|国管局|国家机关事务管理局|审计署|"
    r"国家[\u4e00-\u9fff]{1,12}?(?:委员会|委|总局|局|署|部|院)|"
    r"中国(?:气象|地震)局|中国科学院|中国工程院)"
    r"(?:办公厅|办公室)?"
)
# One or several central bodies signing together (、 or spaces between), also as 等部门 / 两部门.
NATIONAL_ISSUER_RE = re.compile(
    rf"(?:{NATIONAL_BODY}[、，,\s]*)+(?:等(?:[0-9一二三四五六七八九十]+个?)?部(?:门|委))?"
    r"|[两二三四五六七八九十]{1,3}部(?:门|委)"
)


_NATIONAL_BODY_RE = re.compile(NATIONAL_BODY)


# NOTE: the bodies of one region that sign together each carry the region's name (徐州市科学技术局
# 徐州市财政局): where that name starts again, another signer starts.
_REGION_PREFIX_RE = re.compile(r"^[\u4e00-\u9fff]{2,8}?(?:自治区|自治州|省|市|州|盟|县|旗|区)")


def spaced_signers(issuer: str) -> str:
    """Bodies that sign together, their names run into one another by the layout (农业农村部国家
    发展改革委, 徐州市科学技术局徐州市财政局), with one space between them as joint signers are
    written (农业农村部 国家发展改革委); `issuer` as it is unless central bodies make up the whole
    of it, or its region's name starts it and starts again."""
    bodies = [m.group(0) for m in _NATIONAL_BODY_RE.finditer(issuer)]
    if bodies and "".join(bodies) == issuer:
        return " ".join(bodies)
    region = _REGION_PREFIX_RE.match(issuer)
    if region and issuer.find(region.group(0), region.end()) > 0:
        return re.sub(rf"(?<=.)(?={re.escape(region.group(0))})", " ", issuer)
    return issuer


def is_national_issuer(issuer: str) -> bool:
    """True when `issuer` is one or several central bodies (国务院办公厅, 国家发展改革委等部门,
    工业和信息化部办公厅 市场监督管理总局办公厅): a document it issues governs the whole country."""
    return bool(issuer) and NATIONAL_ISSUER_RE.fullmatch(issuer.strip()) is not None


# Provinces in GB/T 2260 code order: the canonical order of regions in every chart.
PROVINCES = (
    "北京市",
    "天津市",
    "河北省",
    "山西省",
    "内蒙古自治区",
    "辽宁省",
    "吉林省",
    "黑龙江省",
    "上海市",
    "江苏省",
    "浙江省",
    "安徽省",
    "福建省",
    "江西省",
    "山东省",
    "河南省",
    "湖北省",
    "湖南省",
    "广东省",
    "广西壮族自治区",
    "海南省",
    "重庆市",
    "四川省",
    "贵州省",
    "云南省",
    "西藏自治区",
    "陕西省",
    "甘肃省",
    "青海省",
    "宁夏回族自治区",
    "新疆维吾尔自治区",
    "台湾省",
    "香港特别行政区",
    "澳门特别行政区",
)
MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")

_PROVINCE_SUFFIX_RE = re.compile(r"(?:壮族|回族|维吾尔)?(?:自治区|特别行政区|省|市)$")
# 甘肃省 -> 甘肃, 宁夏回族自治区 -> 宁夏: how provinces are named in running text.
PROVINCE_SHORT = {_PROVINCE_SUFFIX_RE.sub("", p): p for p in PROVINCES}
_SHORT_NAMES = tuple(PROVINCE_SHORT)

# NOTE: plans name their own region in short forms (临夏州, 我州, 忻府区, 宁夏); these suffixes
# are dropped to get them.
_AUTONOMY_SUFFIX = re.compile(
    r"(?:(?:回族|藏族|彝族|苗族|壮族|蒙古族|土家族|哈萨克|朝鲜族|布依族|侗族|白族|傣族|黎族|羌族|"
    r"维吾尔|哈尼族)+自治(?:州|区|县|旗)|自治(?:州|区|县|旗))$"
)
_PROVINCE_TAIL_RE = re.compile(r"(?:省|市|特别行政区|(?:壮族|回族|维吾尔)?自治区)?")


def region_short_names(region_zh: str) -> tuple[str, ...]:
    """The names a plan may use for its own region (full, without parent, without 自治 suffix)."""
    names = {region_zh}
    if "市" in region_zh[:-1]:
        tail = region_zh.rsplit("市", 1)[1]
        if len(tail) >= 2:
            names.add(tail)
    for name in list(names):
        m = _AUTONOMY_SUFFIX.search(name)
        if m:
            stem = name[: m.start()]
            names.add(stem)
            names.add(stem + m.group(0)[-1])
        elif len(name) > 2 and name[-1] in "省市县区州旗":
            names.add(name[:-1])
    return tuple(sorted((n for n in names if len(n) >= 2), key=len, reverse=True))


def is_country(name: str) -> bool:
    """True for the names that stand for the whole country (全国, 中国)."""
    return name in COUNTRY_NAMES


def province_index(name: str) -> int | None:
    """Position in GB/T 2260 order of the province `name` starts with (甘肃省临夏州 -> 甘肃)."""
    for i, short in enumerate(_SHORT_NAMES):
        if name.startswith(short):
            return i
    return None


def region_order(names: Iterable[str]) -> list[str]:
    """Unique region names in canonical order: the country, provinces (GB/T 2260), then others.

    Why: rows, panels and colours follow one order in every chart, so readers find a region
    at the same place and in the same colour throughout a report.
    """

    def key(name: str) -> tuple:
        if is_country(name):
            return (0, 0, 0, name)
        index = province_index(name)
        if index is None:
            return (1, len(_SHORT_NAMES), 1, name)
        is_province = bool(_PROVINCE_TAIL_RE.fullmatch(name[len(_SHORT_NAMES[index]) :]))
        return (1, index, 0 if is_province else 1, name)

    return sorted({str(n) for n in names if isinstance(n, str) and n}, key=key)
