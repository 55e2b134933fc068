"""Reference data (benchmarks, observations): the shipped files load and every row is sourced and
mapped or listed; malformed files written in tmp_path fail with the file, the line and the
problem."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from greenmetrics import paths
from greenmetrics.catalog import Catalog, Indicator
from greenmetrics.errors import InputError
from greenmetrics.reference import list_unmapped, load_benchmarks, load_observations
from greenmetrics.schemas import columns


def _indicator(indicator_id: str, name_zh: str, name_en: str, direction: str, theme: str):
    return Indicator(indicator_id, name_zh, (name_zh,), name_en, "%", direction, theme, "")


def FakeCatalog() -> Catalog:
    """Two indicators, matched by their names: enough to test the mapping rules."""
    return Catalog(
        {
            "air_days": _indicator(
                "air_days", "空气质量优良天数比例", "good air days", "higher", "air"
            ),
            "energy_intensity": _indicator(
                "energy_intensity", "单位地区生产总值能耗", "energy intensity", "lower", "energy"
            ),
        }
    )


BENCH_HEADER = list(columns("reference_benchmarks"))
OBS_HEADER = list(columns("reference_observations"))


def bench_row(**changes: str) -> dict[str, str]:
    row = {
        "level": "province",
        "region_zh": "甘肃省",
        "indicator_zh": "空气质量优良天数比例",
        "value": "93.8",
        "unit": "%",
        "comparator": "eq",
        "kind": "level",
        "target_year": "2025",
        "source_title": "甘肃省“十四五”生态环境保护规划",
        "quote": "地级及以上城市空气质量优良天数比例达到93.8%",
        "indicator_id": "",
        "baseline_year": "",
        "doc_number": "",
        "source": "http://example.org/gansu",
        "note": "",
    }
    row.update(changes)
    return row


def obs_row(**changes: str) -> dict[str, str]:
    row = {
        "region_zh": "甘肃省",
        "region_level": "province",
        "indicator_zh": "空气质量优良天数比例",
        "year": "2022",
        "value": "90.2",
        "unit": "%",
        "source_title": "2022年甘肃省生态环境状况公报",
        "quote": "空气优良天数比率为90.2%",
        "indicator_id": "",
        "measure": "",
        "baseline_year": "",
        "is_proxy": "",
        "note": "",
        "doc_number": "",
        "source": "http://example.org/bulletin",
    }
    row.update(changes)
    return row


def write_csv(path: Path, header: list[str], rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, header, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def benchmarks_file(tmp_path: Path, *rows: dict[str, str]) -> Path:
    return write_csv(tmp_path / "benchmarks.csv", BENCH_HEADER, list(rows))


def observations_file(tmp_path: Path, *rows: dict[str, str]) -> Path:
    return write_csv(tmp_path / "observations.csv", OBS_HEADER, list(rows))


# --------------------------------------------------------------------------------------------
# the shipped files


@pytest.fixture(scope="module")
def catalog():
    from greenmetrics.catalog import load_catalog

    return load_catalog()


@pytest.mark.parametrize(
    ("loader", "name", "table"),
    [
        (load_benchmarks, "benchmarks.csv", "benchmarks"),
        (load_observations, "observations.csv", "curated_observations"),
    ],
)
def test_shipped_reference_loads_sourced_and_mapped(loader, name, table, catalog):
    path = paths.REFERENCE_DIR / name
    df = loader(path, catalog=catalog)
    with path.open(encoding="utf-8", newline="") as fh:
        n_rows = sum(1 for _ in csv.DictReader(fh))
    assert len(df) == n_rows  # every row kept, mapped or not
    assert list(df.columns) == list(columns(table))
    assert df["source_title"].str.len().gt(0).all()
    assert df["quote"].str.len().gt(0).all()
    assert (df["doc_number"].notna() | df["source"].notna()).all()
    # every row maps to a catalog id or is listed as unmapped (then never compared)
    unmapped = list_unmapped(df)
    assert set(unmapped["line"]) == set(df.loc[df["indicator_id"].isna(), "line"])
    assert (df["indicator_id"].notna() | df["line"].isin(unmapped["line"])).all()
    assert set(df.loc[df["indicator_id"].notna(), "indicator_match"]) <= {"given", "catalog"}


def test_shipped_benchmarks_keep_disagreeing_and_coded_rows(catalog):
    df = load_benchmarks(catalog=catalog)
    gansu = df[(df["region_zh"] == "甘肃省") & (df["kind"] == "reduction")]
    assert {12.5, 13.0} <= set(gansu["value"])  # two sources disagree: both rows stay
    coded = df[~df["is_value_quoted"].astype(bool)]
    assert set(coded["value"]) == {100.0}  # 全面建成 / 全收集、全处理 coded as 100%
    assert df.loc[df["is_cumulative"].astype(bool), "kind"].eq("level").all()


def test_shipped_observations_mark_changes_and_proxies(catalog):
    df = load_observations(catalog=catalog)
    changes = df[df["measure"] == "yearly_change"]
    assert (changes["value"] < 0).all()  # -2.7 = fell 2.7%
    cumulative = df[df["measure"] == "cumulative_change"]
    assert cumulative["baseline_year"].eq(2020).all() and len(cumulative) == 4
    assert (cumulative["value"] < 0).all()  # 较2020年累计下降21.7% is -21.7
    assert df.loc[df["is_proxy"].astype(bool), "indicator_zh"].str.contains("十大").all()


# --------------------------------------------------------------------------------------------
# mapping


def test_indicator_id_column_wins_over_catalog_match(tmp_path):
    path = benchmarks_file(
        tmp_path,
        bench_row(),
        bench_row(indicator_zh="单位地区生产总值能耗", indicator_id="air_days"),
        bench_row(indicator_zh="一个目录里没有的指标"),
    )
    df = load_benchmarks(path, catalog=FakeCatalog())
    assert df["indicator_id"].tolist()[:2] == ["air_days", "air_days"]
    assert df["indicator_match"].tolist() == ["catalog", "given", "unmapped"]
    assert df["direction"].tolist()[:2] == ["higher", "higher"]
    # unmapped rows are kept with an empty id and listed with their line
    assert pd.isna(df["indicator_id"].iloc[2])
    assert list_unmapped(df).to_dict("records") == [
        {"line": 4, "region_zh": "甘肃省", "indicator_zh": "一个目录里没有的指标"}
    ]


def test_cumulative_kind_reads_as_level_and_coded_value_is_marked(tmp_path):
    path = benchmarks_file(
        tmp_path,
        bench_row(kind="cumulative", quote="累计建成93.8"),
        bench_row(value="100", quote="全面建成", target_year="2022"),
    )
    df = load_benchmarks(path, catalog=FakeCatalog())
    assert df["kind"].tolist() == ["level", "level"]
    assert df["is_cumulative"].tolist() == [True, False]
    assert df["is_value_quoted"].tolist() == [True, False]


def test_utf8_bom_and_blank_lines_are_accepted(tmp_path):
    path = benchmarks_file(tmp_path, bench_row())
    text = path.read_text(encoding="utf-8")
    path.write_text("\ufeff" + text + "\n,,,,,,,,,,,,,,\n", encoding="utf-8")
    assert len(load_benchmarks(path, catalog=FakeCatalog())) == 1


# --------------------------------------------------------------------------------------------
# errors name the file, the line and the problem


def load_error(loader, path) -> InputError:
    with pytest.raises(InputError) as info:
        loader(path, catalog=FakeCatalog())
    return info.value


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"quote": ""}, "quote is empty"),
        ({"value": "九十"}, "value '九十' is not a number"),
        ({"value": "93.8%"}, "is not a number"),
        ({"target_year": "2025年"}, "target_year '2025年' is not a year"),
        ({"target_year": "1899"}, "not a year in 2000-2100"),
        ({"comparator": "gt"}, "comparator 'gt' is not one of eq, ge, le, approx"),
        ({"kind": "stock"}, "kind 'stock' is not one of"),
        ({"level": "city"}, "level 'city' is not one of country, province"),
        ({"level": "country"}, "does not fit region_zh '甘肃省'"),
        ({"source_title": ""}, "source_title is empty"),
        ({"source": "", "doc_number": ""}, "no source"),
        ({"kind": "reduction"}, "a reduction needs baseline_year"),
        ({"kind": "reduction", "baseline_year": "2025"}, "is not before target_year"),
        ({"value": "-13"}, "value is negative"),
        ({"value": "130"}, "outside 0-100"),
        (
            {"indicator_id": "no_such_id"},
            "indicator_id 'no_such_id' is not in the indicator catalog",
        ),
    ],
)
def test_malformed_benchmark_row_names_its_line(tmp_path, changes, problem):
    # line 1 header, line 2 a good row, line 3 the bad one
    path = benchmarks_file(tmp_path, bench_row(), bench_row(**changes))
    error = load_error(load_benchmarks, path)
    assert error.line == 3
    assert error.path == path
    assert problem in error.problem
    assert str(error).startswith(f"{path}:3: ")


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"quote": ""}, "quote is empty"),
        ({"value": "n/a"}, "value 'n/a' is not a number"),
        ({"year": "20221"}, "not a year in 2000-2100"),
        ({"year": ""}, "year is empty"),
        ({"region_level": "city"}, "region_level 'city' is not one of"),
        ({"value": "-2.7"}, "negative % with measure 'level'"),
        (
            {"value": "-2.7", "measure": "cumulative_change"},
            "a cumulative_change needs baseline_year",
        ),
        ({"value": "-2.7", "measure": "monthly"}, "measure 'monthly' is not one of"),
        ({"is_proxy": "maybe"}, "is_proxy 'maybe' is not 0/1"),
        ({"source": "", "doc_number": ""}, "no source"),
    ],
)
def test_malformed_observation_row_names_its_line(tmp_path, changes, problem):
    path = observations_file(tmp_path, obs_row(), obs_row(**changes))
    error = load_error(load_observations, path)
    assert (error.line, error.path) == (3, path)
    assert problem in error.problem


def test_line_numbers_count_quoted_line_breaks(tmp_path):
    # the first row's quote spans two physical lines, so the bad row starts on line 4
    path = benchmarks_file(tmp_path, bench_row(quote="第一行\n第二行 93.8"), bench_row(value="abc"))
    assert load_error(load_benchmarks, path).line == 4


def test_missing_and_unknown_columns_are_header_errors(tmp_path):
    header = [c for c in BENCH_HEADER if c != "quote"]
    path = write_csv(tmp_path / "b.csv", header, [bench_row()])
    error = load_error(load_benchmarks, path)
    assert error.line == 1 and "missing required column(s): quote" in error.problem
    path = write_csv(tmp_path / "c.csv", [*BENCH_HEADER, "comment"], [bench_row()])
    error = load_error(load_benchmarks, path)
    assert error.line == 1 and "unknown column(s) comment" in error.problem


def test_repeated_row_and_missing_file_are_errors(tmp_path):
    path = benchmarks_file(tmp_path, bench_row(), bench_row())
    error = load_error(load_benchmarks, path)
    assert (error.line, error.problem) == (3, "same row as line 2 (remove one)")
    error = load_error(load_benchmarks, tmp_path / "absent.csv")
    assert error.problem.startswith("not found")


def test_observation_changes_and_defaults(tmp_path):
    path = observations_file(
        tmp_path,
        obs_row(),
        obs_row(indicator_zh="单位地区生产总值能耗", value="-2.7", measure="yearly_change"),
        obs_row(
            indicator_zh="单位地区生产总值能耗",
            value="-7.3",
            measure="cumulative_change",
            baseline_year="2020",
            year="2023",
            is_proxy="1",
        ),
    )
    df = load_observations(path, catalog=FakeCatalog())
    assert df["measure"].tolist() == ["level", "yearly_change", "cumulative_change"]
    assert df["is_proxy"].tolist() == [False, False, True]
    assert df["indicator_id"].tolist() == ["air_days", "energy_intensity", "energy_intensity"]
    assert df["line"].tolist() == [2, 3, 4]
