"""The gazetteer: the shipped GB/T 2260 list loads, is complete, and a broken copy is named."""

from __future__ import annotations

import pytest

from greenmetrics.errors import InputError
from greenmetrics.gazetteer import GAZETTEER_PATH, load_gazetteer, shipped_gazetteer
from greenmetrics.regions import PROVINCES


def test_the_shipped_gazetteer_lists_every_division():
    g = shipped_gazetteer()
    levels = [d.level for d in g.divisions.values()]
    assert levels.count("province") == len(PROVINCES) == 34
    assert 300 < levels.count("prefecture") < 360 and 2800 < levels.count("county") < 2900
    assert {d.name for d in g.divisions.values() if d.level == "province"} == set(PROVINCES)
    assert g.lookup("临夏州")[0].code == "622900"
    assert {d.code for d in g.lookup("朝阳区")} == {"110105", "220104"}
    assert g.lookup("交易市") == ()


def test_english_names_are_pinyin_with_the_kind_of_division():
    g = shipped_gazetteer()
    linxia, xinfu = g.divisions["622900"], g.divisions["140902"]
    assert linxia.name_en == "Linxia Autonomous Prefecture"
    assert g.display_name_en(xinfu) == "Xinfu District, Xinzhou"
    assert g.divisions["610100"].name_en == "Xi'an"  # the syllable break is marked
    assert g.divisions["610000"].name_en == "Shaanxi"  # not Shanxi, as pinyin alone would say
    assert g.divisions["110105"].name_en == "Chaoyang District"  # a place-name reading of 朝
    assert all(d.name_en for d in g.divisions.values())


def test_a_broken_gazetteer_is_named_by_file_and_line(tmp_path):
    rows = GAZETTEER_PATH.read_text(encoding="utf-8").splitlines()
    broken = tmp_path / "gazetteer.csv"
    broken.write_text(
        "\n".join([*rows[:3], "1101X5,朝阳区,county,110000,,Chaoyang District"]) + "\n", "utf-8"
    )
    with pytest.raises(InputError, match=r"gazetteer.csv:4: division_code '1101X5'"):
        load_gazetteer(broken)
    broken.write_text("\n".join([*rows[:3], "110199,某区,county,990000,,"]) + "\n", "utf-8")
    with pytest.raises(InputError, match=r"gazetteer.csv:4: .*parent_code 990000"):
        load_gazetteer(broken)
    broken.write_text("\n".join([*rows[:3], "110101,东城区,district,110000,,"]) + "\n", "utf-8")
    with pytest.raises(InputError, match=r"gazetteer.csv:4: region_level 'district'"):
        load_gazetteer(broken)
