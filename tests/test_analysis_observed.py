"""The one observation table (analysis.observed): extracted rows in the analysis' shape, the
conflicts between sources and the rule that chooses, chained yearly changes judging a
reduction target, paths starting at the plan's base year, and the share of targets observed.
Every expected value is worked out by hand in the comments."""

from __future__ import annotations

import pandas as pd
import pytest
from analysis_tables import CATALOG, by_id, frame, obs, target, targets

from greenmetrics import analysis as an
from greenmetrics import findings, notes
from greenmetrics.schemas import columns

# Documents of the hand-made corpus: the four plans of analysis_tables plus two bulletins and
# two plan reviews.
DOCUMENTS = pd.DataFrame(
    {
        "doc_id": ["county", "prov_a", "prov_b", "prov_c", "bul21", "bul22", "bul23", "rev21",
                   "rev22"],
        "file": ["county.txt", "prov_a.txt", "prov_b.txt", "prov_c.txt", "bul21.txt",
                 "bul22.txt", "bul23.pdf", "rev21.pdf", "rev22.pdf"],
        "title_zh": ["甲县人民政府关于加快绿色低碳发展的实施方案", "甲省方案", "乙省方案", "丙省方案",
                     "甲省2021年国民经济和社会发展统计公报", "甲省2022年国民经济和社会发展统计公报",
                     "甲省2023年国民经济和社会发展统计公报", "乙省“十四五”生态环境保护规划",
                     "乙省“十四五”林业发展规划"],
        "issuer_zh": ["甲县人民政府", "甲省人民政府", "乙省人民政府", "丙省人民政府",
                      "甲省统计局", "甲省统计局", "甲省统计局", "乙省人民政府", "乙省林业局"],
        "issue_date": ["2021-06-01", "2021-09-01", "2021-10-01", "2021-11-01", "2022-03-01",
                       "2023-03-01", "2024-03-01", "2021-12-01", "2022-02-01"],
        "region_zh": ["甲县", "甲省", "乙省", "丙省", "甲省", "甲省", "甲省", "乙省", "乙省"],
        "region_level": ["county", "province", "province", "province", "province", "province",
                         "province", "province", "province"],
        "parent_region_zh": ["甲市", "全国", "全国", "全国", "全国", "全国", "全国", "全国",
                             "全国"],
        "province_zh": ["甲省", "甲省", "乙省", "丙省", "甲省", "甲省", "甲省", "乙省", "乙省"],
        "doc_number": [None] * 9,
        "doc_kind": ["plan", "plan", "plan", "plan", "bulletin", "bulletin", "bulletin", "plan",
                     "plan"],
        "report_year": [2021, 2021, 2021, 2021, 2021, 2022, 2023, 2021, 2022],
    }
)  # fmt: skip


def ext(oid: str, doc_id: str, indicator_zh: str, indicator_id: str | None, year: int,
        value: float, **kw) -> dict:  # fmt: skip
    """One row of data/processed/observations.csv (defaults: a level in % of the document's
    region, eq, no scope)."""
    region = DOCUMENTS.set_index("doc_id").loc[doc_id, "region_zh"]
    row = {
        "observation_id": oid,
        "doc_id": doc_id,
        "region_zh": region,
        "division_code": None,
        "indicator_zh": indicator_zh,
        "indicator_id": indicator_id,
        "value": value,
        "unit": "%",
        "comparator": "eq",
        "year": year,
        "kind": "level",
        "baseline_year": None,
        "scope_zh": None,
        "quote": f"{indicator_zh}{value}",
        "char_start": 100,
        "char_end": 120,
    }
    row.update(kw)
    return row


def extracted(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=list(columns("observations")))


def joined(curated: pd.DataFrame | None, rows: pd.DataFrame | None) -> pd.DataFrame:
    return an.join_observations(curated, rows, DOCUMENTS, CATALOG)


def row_of(table: pd.DataFrame, observation_id: str) -> dict:
    return table.set_index("observation_id").loc[observation_id].to_dict()


# -- the analysis' shape -------------------------------------------------------------------------


def test_an_extracted_row_takes_measure_sign_source_and_level_of_the_analysis():
    table = joined(
        None,
        extracted(
            ext("E1", "bul22", "绿色建筑占比", "green_share", 2022, 75.0),
            # 比上年下降2.7%: a yearly change, a fall
            ext("E2", "bul22", "单位地区生产总值能耗下降", "intensity", 2022, 2.7,
                kind="change", baseline_year=2021),
            # "十三五"累计降低13%: a change since 2015
            ext("E3", "rev21", "单位地区生产总值能耗降低", "intensity", 2020, 13.0,
                kind="change", baseline_year=2015),
            # a rise of 1.5% on the year before
            ext("E4", "bul22", "绿色建筑占比提高", "green_share", 2022, 1.5, kind="change",
                baseline_year=2021),
            ext("E5", "bul22", "全国绿色建筑占比", "green_share", 2022, 80.0, region_zh="全国",
                division_code="000000"),
        ),
    )  # fmt: skip
    assert table["origin"].tolist() == ["extracted"] * 5
    e1, e2, e3, e4, e5 = (row_of(table, i) for i in ("E1", "E2", "E3", "E4", "E5"))
    assert (e1["measure"], e1["value"], e1["is_used"]) == ("level", 75.0, True)
    assert (e2["measure"], e2["value"], e2["baseline_year"]) == ("yearly_change", -2.7, 2021)
    assert (e3["measure"], e3["value"], e3["baseline_year"]) == ("cumulative_change", -13.0, 2015)
    assert (e4["measure"], e4["value"]) == ("yearly_change", 1.5)
    # the document is the source: its title with its issuer, its file, the clause and offsets
    assert e2["source_title"] == "甲省2022年国民经济和社会发展统计公报（甲省统计局）"
    assert (e2["source"], e2["doc_id"], e2["doc_kind"]) == ("bul22.txt", "bul22", "bulletin")
    assert (e2["quote"], e2["char_start"], e2["char_end"]) == (
        "单位地区生产总值能耗下降2.7",
        100,
        120,
    )
    assert e3["source_title"] == "乙省“十四五”生态环境保护规划（乙省人民政府）"
    # an issuer the title already holds is not repeated
    own = joined(None, extracted(ext("E6", "county", "绿色建筑占比", "green_share", 2022, 66.0)))
    assert own["source_title"].tolist() == ["甲县人民政府关于加快绿色低碳发展的实施方案"]
    # the level of the region: the document's, 全国 the country; the catalog's words attached
    assert (e1["region_level"], e5["region_level"]) == ("province", "country")
    assert (e1["theme"], e1["direction"], e1["indicator_match"]) == (
        "buildings",
        "higher",
        "catalog",
    )


def test_rows_that_cannot_judge_stay_in_the_table_and_say_why():
    table = joined(
        None,
        extracted(
            ext("N1", "bul22", "科技型企业", None, 2022, 30.0),
            ext("N2", "bul22", "绿色建筑占比", "green_share", 2022, 90.0, scope_zh="地级及以上城市"),
            ext("N5", "bul22", "单位地区生产总值能耗", "intensity", 2022, 3.0, kind="change",
                baseline_year=2021),
            ext("N6", "bul22", "绿色建筑占比", "green_share", 2021, 130.0),
        ),
    )  # fmt: skip
    assert not table["is_used"].any()
    assert table.set_index("observation_id")["use_note"].to_dict() == {
        "N1": "indicator not in the catalog",
        "N2": "scope limited to 地级及以上城市",
        "N5": "the indicator does not say which way the change went (a fall or a rise)",
        "N6": "implausible for a value in %: 130",
    }
    # a change of no direction keeps its value as written
    assert row_of(table, "N5")["value"] == 3.0
    assert notes.row_text(row_of(table, "N2"), "use_note", "zh") == "范围限于地级及以上城市"
    # and the analysis never reads them: the target below has no observation
    tg = targets(target("T", "甲省", "green_share", 80))
    row = an.target_gaps(tg, DOCUMENTS, None, table, CATALOG).iloc[0]
    assert row["status"] == "no_data" and row["status_note"] == "no observation for 甲省"


def test_change_sign_reads_the_last_words_of_the_indicator():
    assert an.change_sign("单位地区生产总值能耗下降") == -1
    assert an.change_sign("二氧化碳排放减少了") == -1
    assert an.change_sign("非化石能源消费比重提高") == 1
    assert an.change_sign("新增光伏装机") is None
    assert an.change_sign("下降率") is None


# -- conflicts ------------------------------------------------------------------------------------


def test_a_curated_row_wins_over_an_extracted_one_and_the_conflict_is_listed():
    curated = frame(obs("甲省", "green_share", 2022, 74.0, line=2, indicator_zh="绿色建筑占比"))
    table = joined(
        curated, extracted(ext("E1", "bul22", "绿色建筑占比", "green_share", 2022, 75.0))
    )
    assert table["observation_id"].tolist() == ["curated:2", "E1"]
    e1 = row_of(table, "E1")
    assert not e1["is_used"] and e1["used_instead"] == "curated:2"
    assert e1["use_note"] == (
        "differs from the value used (74); a curated row wins over an extracted one "
        "(a curator checked it)"
    )
    assert notes.row_text(e1, "use_note", "zh") == (
        "与采用值74不一致；整理数据优先于文件提取（经人工核对）"
    )
    conflicts = an.observation_conflicts(table)
    assert len(conflicts) == 1
    c = conflicts.iloc[0]
    assert (c["region_zh"], c["indicator_id"], c["year"], c["measure"]) == (
        "甲省",
        "green_share",
        2022,
        "level",
    )
    assert (c["used_value"], c["used_origin"], c["other_value"], c["other_origin"]) == (
        74.0,
        "curated",
        75.0,
        "extracted",
    )
    assert c["used_source_title"] == "甲省2022年公报"  # the curated row's source (analysis_tables)
    assert c["other_source_title"] == "甲省2022年国民经济和社会发展统计公报（甲省统计局）"
    assert (c["used_quote"], c["other_quote"]) == ("2022年为74.0", "绿色建筑占比75.0")
    assert c["conflict_note"] == "a curated row wins over an extracted one (a curator checked it)"
    # the target is judged on the curated 74, not the extracted 75
    tg = targets(target("T", "甲省", "green_share", 75))
    card = an.scorecard(tg, DOCUMENTS, None, table, CATALOG, as_of_year=2026).iloc[0]
    assert card["observed_value"] == 74.0 and card["observation_origin"] == "curated"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ((88.0, "eq", "%"), (88.1, "eq", "%")),  # equal at the coarser precision: 87.5-88.5
        ((87.5, "eq", "%"), (88.0, "eq", "%")),  # on the edge of 88's rounding
        ((88.0, "ge", "%"), (88.6, "eq", "%")),  # 超过88% holds 88.6
        ((600.0, "approx", "万千瓦"), (575.0, "eq", "万千瓦")),  # 近600: 600 +- 30.5
        ((4.01, "eq", "亿吨"), (40100.0, "eq", "万吨")),  # converted: 40050-40150 万吨
    ],
)
def test_values_that_can_be_the_same_number_are_no_conflict(a, b):
    def row(value, comparator, unit):
        return {"value": value, "comparator": comparator, "unit": unit, "measure": "level"}

    assert an.values_agree(row(*a), row(*b)) is True
    assert an.values_agree(row(*b), row(*a)) is True


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ((88.0, "eq", "%"), (88.6, "eq", "%"), False),  # 88.6 is not 87.5-88.5
        ((88.0, "ge", "%"), (87.0, "eq", "%"), False),  # 超过88% is not 87
        ((600.0, "approx", "万千瓦"), (560.0, "eq", "万千瓦"), False),  # below 569.5
        ((4.01, "eq", "亿吨"), (41000.0, "eq", "万吨"), False),
        ((4.01, "eq", "亿吨"), (41.0, "eq", "%"), None),  # no common unit: another quantity
    ],
)
def test_values_that_cannot_be_the_same_number_conflict(a, b, agree):
    def row(value, comparator, unit):
        return {"value": value, "comparator": comparator, "unit": unit, "measure": "level"}

    assert an.values_agree(row(*a), row(*b)) is agree


def test_a_fall_of_at_least_three_percent_is_minus_three_or_less():
    fall = {"value": -3.0, "comparator": "ge", "unit": "%", "measure": "yearly_change"}
    assert an.values_agree(fall, {**fall, "value": -3.4, "comparator": "eq"}) is True
    assert an.values_agree(fall, {**fall, "value": -2.0, "comparator": "eq"}) is False


def test_between_extracted_rows_a_bulletin_wins_then_the_later_document():
    table = joined(
        None,
        extracted(
            # 乙省 2020: the 2021 plan's review says 23.2, the 2022 plan's 23.3, no bulletin
            ext("R21", "rev21", "森林覆盖率", "green_share", 2020, 23.2),
            ext("R22", "rev22", "森林覆盖率", "green_share", 2020, 23.3),
            # 甲省 2021: the 2022 bulletin 31.0; the 2021 plan (older, and a plan) 30.0
            ext("P", "prov_a", "绿色建筑占比", "green_share", 2021, 30.0),
            ext("B", "bul21", "绿色建筑占比", "green_share", 2021, 31.0),
            # an agreeing pair is no conflict: both judge
            ext("B22", "bul22", "绿色建筑占比", "green_share", 2022, 32.0),
            ext("B23", "bul23", "绿色建筑占比", "green_share", 2022, 32.04, comparator="approx"),
        ),
    )  # fmt: skip
    used = table.set_index("observation_id")["is_used"].to_dict()
    assert used == {"R21": False, "R22": True, "P": False, "B": True, "B22": True, "B23": True}
    conflicts = an.observation_conflicts(table).set_index("other_observation_id")
    assert conflicts["used_observation_id"].to_dict() == {"R21": "R22", "P": "B"}
    assert conflicts["conflict_note"].to_dict() == {
        "R21": "the later document wins",
        "P": "a bulletin or report wins over a plan's review",
    }
    assert notes.row_text(conflicts.loc["P"], "conflict_note", "zh") == (
        "统计公报或报告优先于规划中的回顾"
    )


def test_between_curated_rows_the_more_precise_then_the_earlier_line():
    curated = frame(
        obs("甲省", "green_share", 2021, 70.0, line=2),
        obs("甲省", "green_share", 2021, 72.25, line=3),
        obs("甲省", "green_share", 2022, 71.0, line=4),
        obs("甲省", "green_share", 2022, 73.0, line=5),
    )
    table = joined(curated, None)
    assert table.set_index("line")["is_used"].to_dict() == {2: False, 3: True, 4: True, 5: False}
    conflicts = an.observation_conflicts(table)
    assert conflicts[["used_value", "other_value"]].values.tolist() == [[72.25, 70.0], [71.0, 73.0]]
    assert set(conflicts["conflict_note"]) == {
        "between curated rows: the more precise figure, then the earlier line"
    }


def test_changes_since_different_baselines_are_different_cells():
    table = joined(
        None,
        extracted(
            ext("A", "rev21", "单位地区生产总值能耗下降", "intensity", 2020, 13.0, kind="change",
                baseline_year=2015),
            ext("B", "rev22", "单位地区生产总值能耗下降", "intensity", 2020, 3.0, kind="change",
                baseline_year=2019),
        ),
    )  # fmt: skip
    assert table["is_used"].all() and an.observation_conflicts(table).empty


# -- chained yearly changes --------------------------------------------------------------------


def chained_fixture(*more: dict) -> tuple[pd.DataFrame, pd.DataFrame]:
    """甲省: 单位地区生产总值能耗较2020年下降13.5% by 2025; its bulletins: 比上年下降2.7% (2021),
    3.1% (2022), 4.0% (2023)."""
    tg = targets(
        target("E", "甲省", "intensity", 13.5, comparator="eq", kind="reduction",
               baseline_year=2020)
    )  # fmt: skip
    rows = extracted(
        *(
            ext(f"Y{year}", f"bul{year - 2000}", "单位地区生产总值能耗下降", "intensity", year,
                fall, kind="change", baseline_year=year - 1, quote=f"比上年下降{fall}%")
            for year, fall in ((2021, 2.7), (2022, 3.1), (2023, 4.0))
        ),
        *more,
    )  # fmt: skip
    return tg, joined(None, rows)


def test_the_scorecard_chart_says_how_a_chained_fall_was_built_from_the_notes_code():
    from greenmetrics.charts.scorecard import chained_notes

    tg, table = chained_fixture()
    card = an.scorecard(tg, DOCUMENTS, None, table, CATALOG, as_of_year=2026)
    assert card["observation_note_code"].tolist() == ["fall_chained"]
    assert card["observation_note_args"].tolist() == ['[{"year":2020,"years":[2021,2023]}]']
    rows = card.assign(_ind_name="能耗")
    assert chained_notes(rows, {"甲省": "甲省"}, "zh") == [
        "甲省 · 能耗：自2020年累计下降（由2021—2023年逐年变化连乘）"
    ]
    english = chained_notes(rows, {"甲省": "Jia"}, "en")
    assert english == [
        "Jia · 能耗: cumulative fall since 2020 chained from the yearly changes of 2021-2023"
    ]


def test_yearly_changes_chain_into_the_fall_since_the_baseline():
    tg, table = chained_fixture()
    row = an.scorecard(tg, DOCUMENTS, None, table, CATALOG, as_of_year=2026).iloc[0]
    # index 2020 = 100: 100 * 0.973 * 0.969 * 0.960 = 90.512352 -> a fall of 9.487648%
    assert row["observed_value"] == pytest.approx(9.487648)
    assert row["observation_year"] == 2023 and row["observation_count"] == 3
    assert row["observation_note"] == (
        "cumulative fall since 2020 chained from the yearly changes of 2021-2023"
    )
    assert notes.row_text(row, "observation_note", "zh") == (
        "自2020年累计下降（由2021—2023年逐年变化连乘）"
    )
    # the source line names the three bulletins and quotes each
    assert row["observation_source_title"] == "；".join(
        f"甲省{y}年国民经济和社会发展统计公报（甲省统计局）" for y in (2021, 2022, 2023)
    )
    assert row["observation_source"] == "bul21.txt；bul22.txt；bul23.pdf"
    assert row["observation_source_quote"] == "比上年下降2.7%；比上年下降3.1%；比上年下降4.0%"
    assert row["observation_origin"] == "extracted"
    # 2025 has passed but 2023 is the latest figure: judged on the trend. Falls 0 (2020),
    # 2.7 (2021), 5.7163 (2022), 9.487648 (2023): slope = (-0.5 * 2.7 + 0.5 * 5.7163 + 1.5 *
    # 9.487648) / 5 = 3.1479244 a year; needed (13.5 - 9.487648) / 2 = 2.006176: on track
    assert row["verdict"] == "on_track"
    gaps = an.target_gaps(tg, DOCUMENTS, None, table, CATALOG).iloc[0]
    assert gaps["seen_yearly_progress"] == pytest.approx(3.1479244)
    assert gaps["needed_yearly_progress"] == pytest.approx(2.006176)
    assert gaps["observation_note"] == row["observation_note"]


def test_a_missing_year_stops_the_chain():
    tg, table = chained_fixture()
    table = table[table["observation_id"] != "Y2022"]
    row = an.scorecard(tg, DOCUMENTS, None, table, CATALOG, as_of_year=2026).iloc[0]
    # 2021 alone chains (2.7); 2023 cannot: the fall of 2022 is unknown
    assert row["observed_value"] == pytest.approx(2.7) and row["observation_year"] == 2021
    assert row["observation_note"] == (
        "cumulative fall since 2020 chained from the yearly changes of 2021"
    )


def test_a_chain_goes_on_from_a_reported_fall():
    cumulative = ext("C2022", "bul22", "单位地区生产总值能耗累计下降", "intensity", 2022, 5.0,
                     kind="change", baseline_year=2020, quote="较2020年累计下降5.0%")  # fmt: skip
    tg, table = chained_fixture(cumulative)
    row = an.scorecard(tg, DOCUMENTS, None, table, CATALOG, as_of_year=2026).iloc[0]
    # 2022: 5.0 as reported; 2023: 100 - 95 * 0.96 = 8.8
    assert row["observed_value"] == pytest.approx(8.8)
    assert row["observation_note"] == (
        "cumulative fall since 2020: reported for 2022, then chained with the yearly changes "
        "of 2023"
    )
    assert row["observation_source_quote"] == "较2020年累计下降5.0%；比上年下降4.0%"
    assert notes.row_text(row, "observation_note", "zh") == (
        "自2020年累计下降（2022年为公布值，再连乘2023年逐年变化）"
    )


def test_the_trajectory_of_a_chained_fall_is_an_index_that_says_how_it_was_built():
    tg, table = chained_fixture()
    paths = an.trajectories(tg, DOCUMENTS, table, CATALOG)
    observed = paths[paths.series == "observed"]
    # 100 * 0.973 = 97.3; * 0.969 = 94.2837; * 0.96 = 90.512352
    assert observed["value"].tolist() == pytest.approx([97.3, 94.2837, 90.512352])
    assert observed["unit"].unique().tolist() == ["2020=100"]
    assert observed["observation_note"].tolist()[-1] == (
        "cumulative fall since 2020 chained from the yearly changes of 2021-2023"
    )
    assert (
        observed["source_title"].tolist()[0] == "甲省2021年国民经济和社会发展统计公报（甲省统计局）"
    )


# -- paths and the report -------------------------------------------------------------------------


def test_a_path_without_a_stated_baseline_starts_at_the_year_before_the_plan():
    # 乙省's plan of 2021 sets 绿色建筑占比 60% by 2025 with no baseline; observed: 50 in 2019
    # (curated), 52 in 2020 (its 2021 review), 56 in 2022
    tg = targets(target("G", "乙省", "green_share", 60))
    curated = frame(obs("乙省", "green_share", 2019, 50.0), obs("乙省", "green_share", 2022, 56.0,
                                                               line=3))  # fmt: skip
    table = joined(curated, extracted(ext("R", "rev21", "绿色建筑占比", "green_share", 2020, 52.0)))
    paths = an.trajectories(tg, DOCUMENTS, table, CATALOG)
    path = paths[paths.series == "target"]
    # from 52 in 2020 to 60 in 2025: 1.6 a year
    assert path["year"].tolist() == [2020, 2021, 2022, 2023, 2024, 2025]
    assert path["value"].tolist() == pytest.approx([52.0, 53.6, 55.2, 56.8, 58.4, 60.0])
    assert path["source_title"].iloc[0] == "乙省“十四五”生态环境保护规划（乙省人民政府）"
    # the earlier point stays an observation before the path
    assert paths[paths.series == "observed"]["year"].tolist() == [2019, 2020, 2022]
    # without the plan's year the path starts at the first observation, as before
    undated = DOCUMENTS.drop(columns="report_year")
    first = an.trajectories(tg, undated, table, CATALOG)
    assert first[first.series == "target"]["year"].iloc[0] == 2019


def test_the_share_of_targets_with_an_observation_of_their_own_region():
    # four targets: 甲省 judged by a curated level, 甲县 by an extracted one, 乙省 by a chain of
    # a curated and an extracted change, 丙省 by nothing
    tg = targets(
        target("A", "甲省", "green_share", 80),
        target("B", "甲县", "green_share", 80),
        target("C", "乙省", "intensity", 10, comparator="eq", kind="reduction", baseline_year=2020),
        target("D", "丙省", "green_share", 80),
    )
    curated = frame(
        obs("甲省", "green_share", 2023, 78.0),
        obs("乙省", "intensity", 2021, -3.0, measure="yearly_change", line=3),
        # disagrees with the 甲省 bulletin's 77.0 below: one conflict
        obs("甲省", "green_share", 2022, 76.0, line=4),
    )
    table = joined(
        curated,
        extracted(
            ext("X", "county", "绿色建筑占比", "green_share", 2022, 66.0),
            ext("Y", "rev22", "单位地区生产总值能耗下降", "intensity", 2022, 2.0, kind="change",
                baseline_year=2021),
            ext("Z", "bul22", "绿色建筑占比", "green_share", 2022, 77.0),
        ),
    )  # fmt: skip
    card = an.scorecard(tg, DOCUMENTS, None, table, CATALOG, as_of_year=2026)
    assert by_id(card)["C"]["observed_value"] == pytest.approx(4.94)  # 100 - 97 * 98 / 100
    conflicts = an.observation_conflicts(table)
    origins = {t: r["observation_origin"] for t, r in by_id(card).items()}
    assert pd.isna(origins.pop("D"))
    assert origins == {"A": "curated", "B": "extracted", "C": "mixed"}
    assert findings.finding_observed_share(card, conflicts, "en") == (
        "3 of 4 targets (75%) have an observation of their own region to judge them: 1 from "
        "curated data, 1 read from documents, 1 from both. Conflicting sources: 1, listed in "
        "the workbook's conflicts sheet with the value used."
    )
    assert findings.finding_observed_share(card, conflicts, "zh") == (
        "4项目标中有3项（75%）有本地区的观测数据可供判定：1项来自整理数据、1项来自文件提取、"
        "1项两者兼有。来源数值不一致1处，已列入工作簿“来源冲突”表并注明采用值。"
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("zh", "自2020年累计下降（由2021—2023年逐年变化连乘）"),
        ("en", "cumulative fall since 2020 chained from the yearly changes of 2021-2023"),
    ],
)
def test_the_trajectory_chart_says_which_years_were_chained(lang, expected):
    import matplotlib.pyplot as plt

    from greenmetrics import charts

    tg, table = chained_fixture()
    paths = an.trajectories(tg, DOCUMENTS, table, CATALOG)
    fig = charts.plot_trajectory(paths, lang, documents=DOCUMENTS)
    note = next(t for t in fig.texts if t.get_gid() == "greenmetrics-note").get_text()
    plt.close(fig)
    assert expected in note.replace("\n", "")


def test_the_scorecard_chart_shows_a_chained_fall_and_says_how_it_was_built():
    import matplotlib.pyplot as plt

    from greenmetrics import charts

    tg, table = chained_fixture()
    card = an.scorecard(tg, DOCUMENTS, None, table, CATALOG, as_of_year=2026)
    fig = charts.plot_scorecard(card, "zh", documents=DOCUMENTS)
    texts = [t.get_text() for t in fig.findobj(plt.Text)]
    note = next(t for t in fig.texts if t.get_gid() == "greenmetrics-note").get_text()
    plt.close(fig)
    # the target states its baseline (较2020年下降13.5%); the observation beside it the fall
    assert "较2020年下降13.5%" in texts and "下降9.49%（2023）" in texts
    assert (
        "甲省 · 单位地区生产总值能耗：自2020年累计下降（由2021—2023年逐年变化连乘）"
        in note.replace("\n", "")
    )


def test_a_source_line_counts_a_prefectures_document_under_its_province():
    from greenmetrics.charts.citations import short_source_text

    titles = [
        "关于加快建立健全绿色低碳循环发展经济体系的工作方案（临夏回族自治州人民政府）",
        "忻州市“十四五”时期经济社会发展成就新闻发布会（网易号转载）",
        "国家统计局：2021年国民经济和社会发展统计公报",
    ]
    line = short_source_text({"references": titles}, pd.DataFrame(), "zh")
    assert line == ("来源：国家部委文件1份；山西、甘肃省级文件2份；完整来源见工作簿“来源”表")


@pytest.mark.parametrize(
    ("lang", "sheet", "header", "cells"),
    [
        ("zh", "来源冲突", ["地区", "采用值", "采用值来源类型", "未采用值", "未采用值来源类型",
                         "取舍规则"],
         ["甲省", 74, "整理数据", 75, "文件提取", "整理数据优先于文件提取（经人工核对）"]),
        ("en", "conflicts", ["region", "value used", "used: origin", "other value",
                             "other: origin", "rule applied"],
         ["甲省", 74, "curated", 75, "extracted",
          "a curated row wins over an extracted one (a curator checked it)"]),
    ],
)  # fmt: skip
def test_the_workbook_lists_the_conflicts_in_the_report_language(lang, sheet, header, cells):
    import io

    import openpyxl

    from greenmetrics import export
    from greenmetrics.workbook import reader_tables

    curated = frame(obs("甲省", "green_share", 2022, 74.0, line=2, indicator_zh="绿色建筑占比"))
    table = joined(
        curated, extracted(ext("E1", "bul22", "绿色建筑占比", "green_share", 2022, 75.0))
    )
    sheets = {"observations": table, "conflicts": an.observation_conflicts(table)}
    wb = openpyxl.load_workbook(io.BytesIO(export.workbook_bytes(sheets, lang=lang)))
    rows = list(wb[sheet].iter_rows(values_only=True))
    assert len(rows) == 2  # the header and the one conflict
    shown = dict(zip(rows[0], rows[1], strict=True))
    assert [shown[h] for h in header] == cells
    # the observations sheet: both rows, the extracted one not used and why
    observed = list(
        wb[reader_tables.word("sheet", "observations", lang)].iter_rows(values_only=True)
    )
    names = observed[0]
    used = [dict(zip(names, r, strict=True))[reader_tables.word("column", "is_used", lang)]
            for r in observed[1:]]  # fmt: skip
    yes, no = reader_tables.word("text", "yes", lang), reader_tables.word("text", "no", lang)
    assert used == [yes, no]
    why = dict(zip(names, observed[2], strict=True))[reader_tables.word("column", "use_note", lang)]
    assert why == notes.row_text(row_of(table, "E1"), "use_note", lang)
    assert why.startswith(
        "与采用值74不一致" if lang == "zh" else "differs from the value used (74)"
    )


def test_changes_in_a_quantity_are_used_for_increments():
    """新增光伏装机200万千瓦 and 提高1.2个百分点 are amounts added: used (they judge increment
    targets of their unit, analysis.progress), 新增 read as a positive amount, never a fall."""
    table = joined(
        None,
        extracted(
            ext("N3", "bul22", "绿色建筑占比提高", "green_share", 2022, 1.2, unit="个百分点",
                kind="change", baseline_year=2021),
            ext("N4", "bul22", "新增光伏装机", "farmland", 2022, 200.0, unit="万千瓦",
                kind="change", baseline_year=2021),
            ext("N7", "bul22", "淘汰落后产能", "farmland", 2021, 30.0, unit="万吨",
                kind="change", baseline_year=2020),
        ),
    )  # fmt: skip
    assert table["is_used"].all(), table["use_note"].tolist()
    n4 = row_of(table, "N4")
    assert n4["value"] == 200.0 and n4["measure"] == "yearly_change"
    assert row_of(table, "N7")["value"] == 30.0
