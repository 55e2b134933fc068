"""The indicator catalog: curated data (`data/indicators.csv`) and one general rule that maps an
indicator phrase, as a plan words it, to a canonical indicator id.

The catalog is a CSV a researcher edits in a spreadsheet, so it is validated on load and every
problem is an `InputError` naming the file and line. Matching never guesses: a phrase that fits
no alias by the rule below gets `None` and is listed for review by the pipeline.

Matching rule (`Catalog.match`), applied to normalized text (NFKC, so full-width brackets and
digits equal half-width ones; whitespace and quotation marks removed):

1. variants of the phrase, in order: as written; without a leading whole-region word
   (全国/全省/全区/全州/全市/全县/全旗/全盟, 我国/我省/我区/...); without parenthesised notes
   (高标准农田（累计建成） -> 高标准农田); without a trailing 数量 (绿色工厂数量 -> 绿色工厂);
   without a table row's item number or a unit cut off by the end of the phrase
   (13.森林蓄积量（亿立方米 -> 森林蓄积量); without a trailing word that says how the value
   moves or introduces it (单位地区生产总值能耗下降, 非化石能源占比由, 煤电装机在,
   化学需氧量排放量较2015年下降比例): a change is a change of the quantity the target is on;
2. exact: a variant equals an alias;
3. suffix: the longest alias that ends a variant (临夏市城市生活污水集中收集率 ->
   城市生活污水集中收集率);
4. contained: the longest alias of at least 4 characters inside a variant and covering at least
   half of it (单位地区生产总值能源消耗降低 -> 单位地区生产总值能源消耗).

In steps 3 and 4 the matched alias must not cut another indicator's alias in two
(人工营造林面积 holds 营造林: its tail 造林面积 is no afforestation area), and the words left over
must not change what is measured, so such a phrase matches only an alias that itself says so:
- no rural qualifier 农村/乡村/村庄/农网 (农村生活污水处理率 is not 生活污水处理率);
- the words before the alias must not end in 中 ("among X, the share of Y": X is a new
  denominator, so 更换的公交车中新能源公交车比例 is not the fleet share 新能源公交车比例);
- no 占 ("X占Y", the share of X in Y) in the words before the alias or at the start of the
  words after it: 湿地保有量占全国湿地总面积 is no wetland area, and
  可再生能源发电装机容量占全省发电装机 no capacity;
- in step 4, the words after the alias must not end in a rate or share (率, 度, 比例, 占比 ...)
  unless the alias is one: 污水管网覆盖率 is not the length of 污水管网.

A bare thing with the unit of what is measured of it names that measure: a power source in
watts its installed capacity (风电 84.5万千瓦, 气电（万千瓦）: the rows of an indicator table's
电力结构; 建设1400万千瓦光伏项目), a kind of building or land in square metres, mu or hectares
its area (推广绿色建筑3000万平方米). When no alias fits, the phrase (without a trailing 项目)
with 装机容量 or 面积 added is looked up, exactly (风电 -> 风电装机容量, 绿色建筑 -> 绿色建筑面积).
A name with an energy or another unit (风电 100亿千瓦时) keeps no match.

A phrase with a unit that counts things (项, 个, 座 ...) never matches an indicator measured in
an area, a capacity, a length, a volume or a mass, nor the other way round: 新增节能建筑 9487项
counts projects, while the indicator 新增节能建筑 is their floor area in 万平方米.

A phrase holding an indicator table's 属性 cell (约束性, 预期性) is several cells read as one
name and matches nothing. An intensity alias that names no base (碳排放强度, 能耗强度: per unit of GDP by default)
matches only in step 2: words before it name a sector or another base, so
营运车辆换算周转量碳排放强度 and 钢铁行业碳排放强度 are not the GDP intensity. So does an alias
that starts with 总 or holds 总装机 (总装机容量, 发电总装机容量): words before it name the part
whose total it is (风电总装机容量, 太阳能发电总装机容量).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from . import paths
from .errors import InputError
from .files import allowed_value, read_curated_csv
from .schemas import columns
from .text import simplified

COLUMNS = columns("catalog")
ALIAS_SEPARATOR = "|"
MIN_CONTAINED_ALIAS = 4

_ID_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
# NOTE: only 全/我 followed by a region level is a whole-region word. A bare leading 全 is kept:
# it starts real indicator names (全员劳动生产率, 全社会研发经费投入强度).
_REGION_PREFIX = re.compile(r"^[全我][国省区州市县旗盟]")
_PARENTHESISED = re.compile(r"\([^()]*\)")
_REMOVED_CHARS = dict.fromkeys(map(ord, "\"'“”‘’「」『』"), None)
# NOTE: 数量 ("number of") after a counted thing adds nothing (绿色工厂数量 = 绿色工厂); 总量 is
# NOT stripped because it names a different indicator (农药使用总量 vs 农药利用率).
_COUNT_SUFFIX = "数量"
# 农网 is the rural grid: 农网综合电压合格率 is not the whole grid's voltage compliance.
_RURAL_QUALIFIERS = ("农村", "乡村", "村庄", "农网")
_DENOMINATOR_MARK = "中"
_SHARE_MARK = "占"
# NOTE: a numbered row of an indicator table starts with its item number (13.森林蓄积量); a
# unit in brackets that the row cut off ends it (森林蓄积量(亿立方米).
_ITEM_NUMBER = re.compile(r"^\d{1,2}[.、](?=\D)")
_OPEN_BRACKET_TAIL = re.compile(r"\([^()]*$")
# NOTE: how a value moves (下降, 提高, 较2015年下降比例) or the words that introduce it (由, 从,
# 也由2015年度, 在, 稳定在) are not what is measured: 单位地区生产总值能耗下降 is a change of the quantity a
# 单位地区生产总值能耗 target is on. 增加值 and 增长率 names keep their words (only whole tails
# are removed, and an alias that holds one matches literally first).
_DIRECTION_TAIL = re.compile(
    r"(?:(?:较|比)(?:\d{4}年?|上年)?)?(?:年均|累计)?"
    r"(?:下降|降低|减少|提高|提升|增长|增加|上升)(?:率|比例|幅度)?$"
    r"|(?:也|均|分别)?(?:由|从)(?:\d{4}年度?的?)?$"
    r"|(?:稳定在|保持在|控制在|在)$"
)
# NOTE: a rate or share ends its phrase; words after a contained alias that end in one make a
# new measure of the alias's thing (污水管网覆盖率 is no length of 污水管网, 充电桩覆盖率 no count).
_MEASURE_TAIL = re.compile(r"(?:率|度|比例|比重|占比|系数|强度|浓度|指数)$")
# NOTE: an indicator table's 属性 cell inside a phrase means several cells of the table were
# read as one name (…约束性15.气象灾害损失…): it names no one indicator.
_GLUED_CELLS = re.compile(r"约束性|预期性")
# NOTE: 碳排放强度 alone is per unit of GDP; the same words after a sector or a base
# (营运车辆换算周转量碳排放强度, 工业碳排放强度) are that sector's own intensity.
_INTENSITY = "强度"
_INTENSITY_BASES = ("单位", "万元", "生产总值", "GDP", "增加值", "周转量", "工业")
# NOTE: 总装机容量 alone is the region's whole; after a name (风电总装机容量, 太阳能发电总装机容量)
# it is that part's total, so an alias that starts with 总 or holds 总装机 matches only as written.
_TOTAL = "总"
_TOTAL_CAPACITY = "总装机"
# NOTE: a quantity in watts is a capacity: 风电 84.5万千瓦 (an indicator table's 电力结构 row) is
# the wind capacity; 千瓦时 (energy) is not a watt unit here.
CAPACITY_UNITS = frozenset({"千瓦", "万千瓦", "亿千瓦", "兆瓦", "MW", "GW", "吉瓦"})
_AREA_UNIT = re.compile(r"^[万亿]?(?:平方米|平方公里|亩|公顷)$")
_PROJECTS = "项目"
# NOTE: what a unit measures, as far as matching needs it: a count of things or a physical
# quantity. A count never measures an area, capacity, length, volume or mass.
COUNT_UNITS = frozenset((
    "个", "万个", "家", "项", "座", "处", "条", "艘", "辆", "万辆", "户", "万户", "台", "万台", "所",
    "人", "名", "万人", "件", "场", "株", "万株", "亿株", "批", "块", "支", "起",
))  # fmt: skip
_QUANTITY_UNIT_WORDS = (
    "平方米",
    "亩",
    "公顷",
    "平方公里",
    "千瓦",
    "吨",
    "立方米",
    "公里",
    "千伏安",
)


@dataclass(frozen=True)
class Indicator:
    """One canonical indicator: a row of the catalog."""

    indicator_id: str
    name_zh: str
    aliases: tuple[str, ...]
    name_en: str
    unit: str
    direction: str
    theme: str
    description_en: str


def normalize_phrase(text: str) -> str:
    """Return `text` in the form aliases are compared in: NFKC (full-width brackets, digits and
    Latin letters become half-width, Ⅲ becomes III), simplified characters (綜合利用率 is
    综合利用率), no whitespace, no quotation marks. Both the aliases and the phrases go through
    it, so spelling variants of the same characters agree."""
    text = simplified(unicodedata.normalize("NFKC", text))
    text = "".join(text.split())
    return text.translate(_REMOVED_CHARS)


def _phrase_variants(phrase: str) -> list[str]:
    """Return the normalized phrase and its reduced forms, most literal first, without repeats.

    The literal form comes first so that an alias that starts with a region word or holds a
    bracket (全国乡村旅游重点村（镇）) still matches exactly."""
    variants = [normalize_phrase(phrase)]
    stripped = _REGION_PREFIX.sub("", variants[0], count=1)
    variants.append(stripped)
    bare = stripped
    while True:
        reduced = _PARENTHESISED.sub("", bare)
        if reduced == bare:
            break
        bare = reduced
    variants.append(bare)
    if bare.endswith(_COUNT_SUFFIX) and len(bare) > len(_COUNT_SUFFIX) + 1:
        variants.append(bare[: -len(_COUNT_SUFFIX)])
    row = _OPEN_BRACKET_TAIL.sub("", _ITEM_NUMBER.sub("", bare, count=1))
    variants.append(row)
    moved = _DIRECTION_TAIL.sub("", row)
    if len(moved) >= 2:
        variants.append(moved)
    out: list[str] = []
    for v in variants:
        if v and v not in out:
            out.append(v)
    return out


def _changes_meaning(before: str, after: str) -> bool:
    """True when the words around a matched alias make it another indicator: a rural
    qualifier anywhere, a 中 that introduces a different denominator just before it, or a 占
    that makes a share of it or of something in it."""
    # NOTE: "X中Y占比" reads "among X, the share of Y"; X replaces the alias's own base.
    # "X占Y" is the share of X in Y: neither X nor Y is measured by it.
    return (
        before.endswith(_DENOMINATOR_MARK)
        or _SHARE_MARK in before
        or after.startswith(_SHARE_MARK)
        or any(q in before or q in after for q in _RURAL_QUALIFIERS)
    )


def _unit_measure(unit: str) -> str:
    """'count', 'quantity' (area, capacity, length, volume, mass) or '' for other units."""
    if unit in COUNT_UNITS:
        return "count"
    return "quantity" if any(word in unit for word in _QUANTITY_UNIT_WORDS) else ""


def _measures_differ(unit: str, indicator_unit: str) -> bool:
    """True when one unit counts things and the other measures a physical quantity."""
    measures = {_unit_measure(unit), _unit_measure(indicator_unit)}
    return measures == {"count", "quantity"}


class Catalog:
    """The indicator catalog with its alias lookup, built once.

    `indicators` maps id -> `Indicator`; the lookup maps each normalized alias to its id, so an
    exact match is one dict access and suffix/contained matches are a few dozen."""

    def __init__(self, indicators: Mapping[str, Indicator], path: Path | None = None):
        self.indicators: dict[str, Indicator] = dict(indicators)
        self.path = path
        self._lookup: dict[str, str] = {}
        for indicator in self.indicators.values():
            for alias in indicator.aliases:
                self._lookup[normalize_phrase(alias)] = indicator.indicator_id
        # Longest first: the record of every phrase the catalog knows, for display and review.
        self.aliases: tuple[str, ...] = tuple(sorted(self._lookup, key=lambda a: (-len(a), a)))
        self._max_alias = max((len(a) for a in self._lookup), default=0)
        # Intensities that name no base, and totals that name no whole, match only as written
        # (see the module's rule).
        self._exact_only = frozenset(
            a
            for a in self._lookup
            if (a.endswith(_INTENSITY) and not any(b in a for b in _INTENSITY_BASES))
            or a.startswith(_TOTAL)
            or _TOTAL_CAPACITY in a
        )

    def __len__(self) -> int:
        return len(self.indicators)

    def __contains__(self, indicator_id: object) -> bool:
        return indicator_id in self.indicators

    def get(self, indicator_id: str) -> Indicator:
        """Return the indicator with this id; a `KeyError` naming the id if there is none."""
        try:
            return self.indicators[indicator_id]
        except KeyError:
            raise KeyError(f"unknown indicator_id {indicator_id!r}") from None

    def match(self, phrase: str, unit: str | None = None) -> str | None:
        """Return the indicator id for an indicator phrase as a plan words it, or None.

        None means no alias fits by the module's rule (exact, then longest suffix, then longest
        contained alias of >= 4 characters covering half the phrase); the caller lists such
        phrases for review instead of guessing. With a capacity or area `unit` (万千瓦, 万平方米
        ...), a bare thing that fits no alias is read as its capacity or area (exact alias only)."""
        if not isinstance(phrase, str) or _GLUED_CELLS.search(phrase):
            return None
        unit = unit.strip() if isinstance(unit, str) else ""
        found = self._match_phrase(phrase)
        measured = (
            "装机容量" if unit in CAPACITY_UNITS else "面积" if _AREA_UNIT.match(unit) else ""
        )
        if found is None and measured:
            for v in _phrase_variants(phrase):
                thing = v.removesuffix(_PROJECTS)
                found = self._lookup.get(thing + measured)
                if found is not None:
                    break
        if found is not None and _measures_differ(unit, self.indicators[found].unit):
            return None
        return found

    def _match_phrase(self, phrase: str) -> str | None:
        variants = _phrase_variants(phrase)
        for v in variants:
            if v in self._lookup:
                return self._lookup[v]
        for v in variants:
            found = self._suffix_match(v)
            if found is not None:
                return found
        for v in variants:
            found = self._contained_match(v)
            if found is not None:
                return found
        return None

    def _suffix_match(self, text: str) -> str | None:
        """Return the id of the longest alias that ends `text` (shorter than `text`)."""
        for start in range(max(1, len(text) - self._max_alias), len(text)):
            alias_id = self._lookup.get(text[start:])
            if (
                alias_id is not None
                and text[start:] not in self._exact_only
                and not _changes_meaning(text[:start], "")
                and not self._cuts_another_alias(text, start, alias_id)
            ):
                return alias_id
        return None

    def _cuts_another_alias(self, text: str, boundary: int, alias_id: str) -> bool:
        """True when an alias of another indicator runs across `boundary` of `text`: a match
        that starts or ends there would cut a word in two (人工营造林面积 holds 营造林, so its
        tail 造林面积 is no afforestation area)."""
        for start in range(max(0, boundary - self._max_alias + 1), boundary):
            for end in range(boundary + 1, min(len(text), start + self._max_alias) + 1):
                other = self._lookup.get(text[start:end])
                if other is not None and other != alias_id:
                    return True
        return False

    def _contained_match(self, text: str) -> str | None:
        """Return the id of the longest alias inside `text` that is at least
        MIN_CONTAINED_ALIAS characters and half of `text` long; among equally long ones the
        rightmost wins, since a Chinese indicator name ends with its head noun."""
        n = len(text)
        shortest = max(MIN_CONTAINED_ALIAS, (n + 1) // 2)
        for size in range(min(n - 1, self._max_alias), shortest - 1, -1):
            for start in range(n - size, -1, -1):
                alias = text[start : start + size]
                alias_id = self._lookup.get(alias)
                if alias_id is None or alias in self._exact_only:
                    continue
                if _changes_meaning(text[:start], text[start + size :]):
                    continue
                if self._cuts_another_alias(text, start, alias_id) or self._cuts_another_alias(
                    text, start + size, alias_id
                ):
                    continue
                # 可再生能源装机比重从 ends in a share once its introducing word is gone
                after = _DIRECTION_TAIL.sub("", text[start + size :])
                if _MEASURE_TAIL.search(after) and not _MEASURE_TAIL.search(alias):
                    continue
                return alias_id
        return None

    def to_frame(self) -> pd.DataFrame:
        """Return the catalog as a table with the CSV's columns (aliases joined by |), one row
        per indicator in catalog order: for notebooks, joins and writing an edited copy."""
        rows = [
            {
                "indicator_id": i.indicator_id,
                "name_zh": i.name_zh,
                "aliases_zh": ALIAS_SEPARATOR.join(i.aliases),
                "name_en": i.name_en,
                "unit": i.unit,
                "direction": i.direction,
                "theme": i.theme,
                "description_en": i.description_en,
            }
            for i in self.indicators.values()
        ]
        return pd.DataFrame(rows, columns=list(COLUMNS))


def _parse_rows(path: Path) -> dict[str, Indicator]:
    """Return the validated indicators of the catalog file, in file order."""
    indicators: dict[str, Indicator] = {}
    id_lines: dict[str, int] = {}
    alias_owner: dict[str, tuple[str, int]] = {}
    for record in read_curated_csv(path, "catalog"):
        row_line, row = record.line, record.values
        indicator_id = row["indicator_id"]
        if not indicator_id:
            raise InputError(path, "empty indicator_id", line=row_line)
        if not _ID_PATTERN.match(indicator_id):
            raise InputError(
                path,
                f"indicator_id {indicator_id!r} is not snake_case (a-z, 0-9, _)",
                line=row_line,
            )
        if indicator_id in id_lines:
            raise InputError(
                path,
                f"duplicate indicator_id {indicator_id!r} (first on line {id_lines[indicator_id]})",
                line=row_line,
            )
        if not row["name_zh"]:
            raise InputError(path, f"empty name_zh for {indicator_id!r}", line=row_line)
        for column in ("direction", "theme"):
            allowed_value(path, record.values, record.line, column, "catalog")
        # The Chinese name is always an alias, listed first.
        aliases: list[str] = []
        seen: set[str] = set()
        for alias in [row["name_zh"], *row["aliases_zh"].split(ALIAS_SEPARATOR)]:
            alias = alias.strip()
            key = normalize_phrase(alias)
            if not key or key in seen:
                continue
            owner = alias_owner.get(key)
            if owner is not None:
                raise InputError(
                    path,
                    f"alias {alias!r} is listed under both {owner[0]!r} (line {owner[1]}) "
                    f"and {indicator_id!r}; each alias must name one indicator",
                    line=row_line,
                )
            alias_owner[key] = (indicator_id, row_line)
            seen.add(key)
            aliases.append(alias)
        id_lines[indicator_id] = row_line
        indicators[indicator_id] = Indicator(
            indicator_id=indicator_id,
            name_zh=row["name_zh"],
            aliases=tuple(aliases),
            name_en=row["name_en"],
            unit=row["unit"],
            direction=row["direction"],
            theme=row["theme"],
            description_en=row["description_en"],
        )
    return indicators


def _apply_extra_aliases(
    indicators: dict[str, Indicator], extra_aliases: Mapping[str, str], catalog_path: Path
) -> dict[str, Indicator]:
    """Return the indicators with the user's phrase -> id mappings added; a phrase that was an
    alias of another indicator moves to the one the user names (the user's mapping wins)."""
    indicators = dict(indicators)
    for phrase, indicator_id in extra_aliases.items():
        key = normalize_phrase(phrase) if isinstance(phrase, str) else ""
        if not key:
            raise InputError("extra_aliases", f"empty phrase mapped to {indicator_id!r}")
        if indicator_id not in indicators:
            raise InputError(
                "extra_aliases",
                f"phrase {phrase!r} maps to unknown indicator_id {indicator_id!r}; "
                f"known ids are listed in {catalog_path}",
            )
        for other_id, other in indicators.items():
            kept = tuple(a for a in other.aliases if normalize_phrase(a) != key)
            if len(kept) != len(other.aliases):
                indicators[other_id] = replace(other, aliases=kept)
        target = indicators[indicator_id]
        indicators[indicator_id] = replace(target, aliases=(*target.aliases, phrase.strip()))
    return indicators


def load_catalog(
    path: Path | None = None, extra_aliases: Mapping[str, str] | None = None
) -> Catalog:
    """Return the validated indicator catalog, ready to match phrases.

    `path` defaults to the catalog shipped with the package (`paths.INDICATOR_CATALOG`).
    `extra_aliases` maps phrases a user adds to existing ids (overriding the file); an unknown
    id is an `InputError`. Every problem in the file is an `InputError` naming its line:
    missing or extra columns, empty or duplicate id, an alias under two ids, a direction other
    than higher/lower, a theme outside `THEMES`, a file that is not UTF-8."""
    path = Path(path) if path is not None else paths.INDICATOR_CATALOG
    indicators = _parse_rows(path)
    if not indicators:
        raise InputError(path, "no indicator rows")
    if extra_aliases:
        indicators = _apply_extra_aliases(indicators, extra_aliases, path)
    return Catalog(indicators, path=path)


# What a table takes from the catalog for its indicator_id: column -> attribute of Indicator.
CATALOG_COLUMNS = {"indicator_en": "name_en", "theme": "theme", "direction": "direction"}


def attach_indicators(
    df: pd.DataFrame,
    catalog: Catalog,
    *,
    match_phrases: bool = True,
    keep_given: bool = True,
    columns: tuple[str, ...] = ("indicator_en", "theme"),
) -> pd.DataFrame:
    """The one join of a table with the catalog: a copy of `df` with `indicator_id` set and the
    catalog's `columns` (indicator_en, theme, direction) filled from it.

    An id already in the row is kept when `keep_given` (an override or a curator set it);
    otherwise, with `match_phrases`, the row's `indicator_zh` is matched, with its `unit` when
    the table has one (None when no alias fits: listed for review, never guessed). Columns of an id the catalog does not know are
    empty.
    """
    n = len(df)
    given = df["indicator_id"] if keep_given and "indicator_id" in df else [None] * n
    phrases = df["indicator_zh"] if match_phrases else [None] * n
    units = df["unit"] if "unit" in df else [None] * n
    ids = []
    for phrase, unit, set_id in zip(phrases, units, given, strict=True):
        if isinstance(set_id, str) and set_id:
            ids.append(set_id)
        else:
            ids.append(catalog.match(phrase, unit) if match_phrases else None)
    df = df.copy()
    df["indicator_id"] = ids
    known = catalog.indicators
    for column in columns:
        attribute = CATALOG_COLUMNS[column]
        df[column] = [getattr(known[i], attribute) if i in known else None for i in ids]
    return df
