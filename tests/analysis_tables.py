"""Small hand-made tables for the analysis tests (tests/test_analysis_*.py): a catalog of a
few indicators, four plans (a county and three provinces), and builders of target, benchmark
and observation rows whose defaults a test overrides by keyword. Each test works out its
expected values by hand, in its comments."""

from __future__ import annotations

import pandas as pd

from greenmetrics.catalog import Catalog, Indicator
from greenmetrics.schemas import columns


def _catalog() -> Catalog:
    def ind(indicator_id: str, name_zh: str, unit: str, direction: str, theme: str) -> Indicator:
        return Indicator(indicator_id, name_zh, (name_zh,), name_zh, unit, direction, theme, "")

    return Catalog(
        {
            "green_share": ind("green_share", "绿色建筑占比", "%", "higher", "buildings"),
            "intensity": ind("intensity", "单位地区生产总值能耗", "%", "lower", "energy"),
            "pm25": ind("pm25", "PM2.5浓度", "微克/立方米", "lower", "air"),
            "farmland": ind("farmland", "高标准农田", "万亩", "higher", "agriculture"),
            # a share where lower is better, and a quantity reduced by an absolute amount
            "polluted_days": ind("polluted_days", "重污染天数比率", "%", "lower", "air"),
            "coal": ind("coal", "煤炭消费量", "万吨", "lower", "energy"),
        }
    )


CATALOG = _catalog()

DOCUMENTS = pd.DataFrame(
    {
        "doc_id": ["county", "prov_a", "prov_b", "prov_c"],
        "region_zh": ["甲县", "甲省", "乙省", "丙省"],
        "region_level": ["county", "province", "province", "province"],
        "parent_region_zh": ["甲市", "全国", "全国", "全国"],
        "province_zh": ["甲省", "甲省", "乙省", "丙省"],
    }
)
REGION_DOC = {"甲县": "county", "甲省": "prov_a", "乙省": "prov_b", "丙省": "prov_c"}
LEVEL = {"甲县": "county", "甲省": "province", "乙省": "province", "丙省": "province"}


def target(tid: str, region: str, indicator_id: str | None, value: float, **kw) -> dict:
    row = {
        "target_id": tid,
        "doc_id": REGION_DOC[region],
        "region_zh": region,
        "region_level": LEVEL[region],
        "indicator_id": indicator_id,
        "indicator_zh": CATALOG.indicators[indicator_id].name_zh if indicator_id else "未归类指标",
        "indicator_en": None,
        "theme": None,
        "value": value,
        "unit": "%",
        "comparator": "ge",
        "kind": "level",
        "target_year": 2025,
        "baseline_year": None,
        "scope_zh": None,
        "aspirational": 0,
        "year_inferred": 0,
        "quote": f"{tid}的原文",
        "char_start": 10,
        "char_end": 20,
    }
    row.update(kw)
    return row


def targets(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=list(columns("targets")))


def bench(level: str, region: str, indicator_id: str, value: float, **kw) -> dict:
    row = {
        "line": kw.pop("line", 2),
        "level": level,
        "region_zh": region,
        "indicator_zh": CATALOG.indicators[indicator_id].name_zh,
        "indicator_id": indicator_id,
        "value": value,
        "unit": "%",
        "comparator": "ge",
        "kind": "level",
        "target_year": 2025,
        "baseline_year": None,
        "is_value_quoted": True,
        "source_title": f"{region}的规划",
        "doc_number": None,
        "source": "http://example.org",
        "quote": f"{region}达到{value}",
    }
    row.update(kw)
    return row


def obs(region: str, indicator_id: str, year: int, value: float, **kw) -> dict:
    row = {
        "line": kw.pop("line", 2),
        "region_zh": region,
        "indicator_id": indicator_id,
        "year": year,
        "value": value,
        "unit": "%",
        "measure": "level",
        "baseline_year": None,
        "is_proxy": False,
        "note": None,
        "source_title": f"{region}{year}年公报",
        "doc_number": None,
        "source": "http://example.org/obs",
        "quote": f"{year}年为{value}",
    }
    row.update(kw)
    return row


def frame(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows))


def by_id(df: pd.DataFrame) -> dict[str, dict]:
    return {r["target_id"]: r for r in df.to_dict("records")}


# --------------------------------------------------------------------------------------------
# fixtures shared by several test modules


def gaps_fixture():
    tg = targets(
        # county target 80% (ge) by 2025
        target("T1", "甲县", "green_share", 80),
        # province reduction 较2020年下降13% by 2025
        target(
            "T2", "甲省", "intensity", 13, comparator="eq", kind="reduction", baseline_year=2020
        ),
        # county increment 新建高标准农田10万亩
        target("T3", "甲县", "farmland", 10, unit="万亩", comparator="eq", kind="increment"),
        # percent-point increment 提高5个百分点
        target("T4", "甲县", "green_share", 5, unit="个百分点", comparator="eq", kind="increment"),
        # no observation at all
        target("T5", "乙省", "green_share", 75),
    )
    bm = frame(
        bench("province", "甲省", "green_share", 75, line=2),  # ambition vs province 80-75 = +5
        bench("country", "全国", "green_share", 85, line=3),  # ambition vs country 80-85 = -5
        bench("country", "全国", "green_share", 70, target_year=2022, line=4),  # 2022: unlike
        bench("country", "全国", "intensity", 13.5, kind="reduction", baseline_year=2020, line=5),
        bench("province", "甲省", "farmland", 500, unit="万亩", line=6),  # level vs increment
    )
    ob = frame(
        # 甲县 green share: 70 in 2021, 74 in 2023
        obs("甲县", "green_share", 2021, 70, line=2),
        obs("甲县", "green_share", 2023, 74, line=3),
        # 甲省 intensity, yearly changes (negative = fall)
        obs("甲省", "intensity", 2020, -1.0, measure="yearly_change", line=4),  # before baseline
        obs("甲省", "intensity", 2021, -3.0, measure="yearly_change", line=5),
        obs("甲省", "intensity", 2022, -2.0, measure="yearly_change", line=6),
        obs("甲省", "intensity", 2023, -4.0, measure="yearly_change", line=7),
    )
    return tg, bm, ob


def comparison_fixture():
    tg = targets(
        target("A1", "甲县", "green_share", 80),
        target("B1", "甲省", "green_share", 70, target_year=2022),  # 2022 vs 2025
        target("C1", "乙省", "green_share", 75),
        target("A2", "甲县", "farmland", 45, unit="万亩", comparator="eq"),
        target("B2", "甲省", "farmland", 10, unit="万亩", comparator="eq", kind="increment"),
        target("C2", "乙省", "farmland", 100, unit="万亩", comparator="eq"),
        target("C3", "乙省", "green_share", 60, scope_zh="乙市城区"),
        target("A3", "甲县", "pm25", 35, unit="微克/立方米", comparator="le"),  # one region only
    )
    bm = frame(
        bench("province", "甲省", "green_share", 75, line=2),
        bench("country", "全国", "green_share", 70, target_year=2022, line=3),
        bench("province", "丙省", "green_share", 99, line=4),  # not a selected region's province
    )
    return tg, bm


def coal_reduction_fixture():
    """煤炭消费量较2020年减少100万吨 by 2025 (甲省), with levels 1000 (2020), 960 (2022) and
    930 (2023) 万吨: an absolute reduction measured from observed levels."""
    tg = targets(
        target(
            "C", "甲省", "coal", 100, unit="万吨", comparator="eq", kind="reduction",
            baseline_year=2020,
        )
    )  # fmt: skip
    ob = frame(
        obs("甲省", "coal", 2020, 1000, unit="万吨", line=2),
        obs("甲省", "coal", 2022, 960, unit="万吨", line=3),
        obs("甲省", "coal", 2023, 930, unit="万吨", line=4),
    )
    return tg, ob
