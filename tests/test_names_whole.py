"""An indicator name is whole: never a list item's number or a closing bracket, never the 由 or 在
that leads to the value, never a lone measure word (装机, 规模, 占比) or verb (完善, 增设) that
says nothing of what is measured; such a value goes to review.csv with the reason instead.

The sentences are written in the shapes of the later plans shipped in data/raw (专栏 items
numbered （1）（2）, 由X提升至Y, 煤电装机在X左右, “光伏+”X：新增装机…, X达到10个（占比47.6%）)."""

from __future__ import annotations

import pytest

from greenmetrics.extract import Extractor, PlanContext


def _read(text: str):
    extractor = Extractor(text, PlanContext("plan", issue_year=2021, default_target_year=2025))
    targets, _ = extractor.run()
    return targets, extractor.tables.review


def _names(text: str) -> list[tuple[str, float]]:
    return [(t.indicator_zh, t.value) for t in _read(text)[0]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # numbered items inside a paragraph: the number is the item's, not a quantity
        (
            "专栏3 重点工程：（1）实施 100 个改造项目。（3）创建 80 个左右国家级绿色工厂。"
            "（4）完成 800 万户散煤替代任务。",
            [("改造项目", 100.0), ("国家级绿色工厂", 80.0), ("散煤替代任务", 800.0)],
        ),
        # where the action happens frames it: what is counted follows the value
        (
            "到2025年，（4）在淄博、枣庄、烟台等市实施 20 个区域再生水循环利用项目。",
            [("区域再生水循环利用项目", 20.0)],
        ),
        # 由X提升至Y: X is where the indicator starts, Y the target, named by the subject
        (
            "到2025年，城镇新建居住建筑能效由 65%提升至 75%。",
            [("城镇新建居住建筑能效", 75.0)],
        ),
        # 在 links the indicator to its value
        ("到 2025 年，煤电装机在 1.33 亿千瓦左右。", [("煤电装机", 1.33)]),
        # a share in brackets after a count is the share of what was counted
        (
            "到2025年，汾河流域达到或优于Ⅲ类水质断面达到 10 个（占比 47.6%）。",
            [("汾河流域达到或优于Ⅲ类水质断面", 10.0), ("汾河流域达到或优于Ⅲ类水质断面占比", 47.6)],
        ),
        # the label a list item opens with names what its measure word measures
        ("“光伏+”园区：新增装机超过 80 万千瓦。", [("光伏+园区装机", 80.0)]),
        # 建成区 (the built-up area) is a noun, not the verb 建成: the name keeps it whole
        (
            "到2025年，建成区绿地率达到 38.9%，建成区绿化覆盖率达到 42%，建成 5 个示范区。",
            [("建成区绿地率", 38.9), ("建成区绿化覆盖率", 42.0), ("示范区", 5.0)],
        ),
    ],
)
def test_names_are_whole(text, expected):
    names = _names(text)
    assert names == expected
    for name, _ in names:
        assert name[:1] not in "）)、，（("
        assert not name.endswith(("由", "在"))


@pytest.mark.parametrize(
    ("text", "generic"),
    [
        ("推进生物质发电项目建设，新增规模约 40 万千瓦。", "规模"),
        ("到2025年，建立完善 24 个。", "完善"),
    ],
)
def test_a_value_said_of_nothing_named_goes_to_review(text, generic):
    targets, review = _read(text)
    assert targets == []
    assert [(r["category"], r["text"]) for r in review] == [("unreported_number", generic)]
    row = review[0]
    assert text[row["char_start"] : row["char_end"]] == row["quote"]
    assert generic in row["note"]
