"""The gazetteer: the shipped GB/T 2260 list loads, is complete, and a broken copy is named."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from greenmetrics import paths
from greenmetrics.errors import InputError
from greenmetrics.gazetteer import GAZETTEER_PATH, load_gazetteer, shipped_gazetteer
from greenmetrics.regions import PROVINCES

TESTS = Path(__file__).resolve().parent


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


def _mentions_place_by_place(g, text: str, min_length: int) -> Counter:
    """The reading `mentions` must give: at each place the longest name, else the next place."""
    counts: Counter = Counter()
    lengths = sorted({len(n) for n in g.by_name if len(n) >= min_length}, reverse=True)
    i = 0
    while i < len(text):
        name = next((text[i : i + k] for k in lengths if text[i : i + k] in g.by_name
                     and len(text[i : i + k]) == k), None)  # fmt: skip
        if name is None:
            i += 1
            continue
        counts[name] += 1
        i += len(name)
    return counts


def _texts() -> list[str]:
    plans = sorted(paths.RAW_DIR.glob("*.txt")) + sorted((TESTS / "corpus").rglob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in plans]
    g = shipped_gazetteer()
    names = sorted(g.by_name)
    rng = random.Random(19)
    # names run together, cut, overlapping (大连市 / 大连 / 连市), with and without filler
    for _ in range(200):
        parts = [rng.choice(names)[: rng.randint(1, 6)] + rng.choice(["", "的", "和", "。"])
                 for _ in range(rng.randint(1, 30))]  # fmt: skip
        texts.append("".join(parts))
    return texts


@pytest.mark.parametrize("min_length", [2, 3, 4])
def test_mentions_reads_the_longest_name_at_each_place(min_length):
    g = shipped_gazetteer()
    texts = _texts()
    assert len(texts) > 200
    for text in texts:
        assert g.mentions(text, min_length) == _mentions_place_by_place(g, text, min_length)


def test_mentions_of_a_body():
    g = shipped_gazetteer()
    text = "大连市和大连的企业，临夏州、临夏回族自治州，交易市场，忻州市忻府区"
    assert g.mentions(text, 2) == Counter(
        {"大连市": 1, "大连": 1, "临夏州": 1, "临夏回族自治州": 1, "忻州市": 1, "忻府区": 1}
    )
    assert g.mentions(text) == Counter(
        {"大连市": 1, "临夏州": 1, "临夏回族自治州": 1, "忻州市": 1, "忻府区": 1}
    )
    with pytest.raises(ValueError):
        g.mentions(text, 1)
