"""Noisy text layers: a PDF that spaces out the characters of most words and numbers (电 力 装机
达 到 1 . 3 亿千瓦, 9 0 %, 2 97 克标准煤/千瓦时) reads as its numbers, with names free of the
spaces; the same plan with a normal text layer gives the same targets; and numbers that are two
(a table's column gap, 2020 2025, 30.2 31) stay two. Quotes are the decoded text at their
offsets, spaces included."""

from __future__ import annotations

import pytest

from greenmetrics.extract import Extractor, PlanContext
from greenmetrics.text import normalize

NORMAL = (
    "到2025年，全市电力装机达到1.3亿千瓦，非化石能源装机占比达到90%，"
    "煤电机组平均供电煤耗降至297克标准煤/千瓦时，森林覆盖率提高到42.1%。"
)
LETTER_SPACED = (
    "到 2 0 2 5 年 ，全 市 电 力 装机 达 到 1 . 3 亿千瓦 ，非 化 石 能 源 装 机 占 比 达 到 9 0 % ，"
    "煤 电 机 组 平 均 供 电 煤 耗 降 至 2 97 克标准煤/千瓦时 ，森 林 覆 盖 率 提 高 到 4 2 . 1 % 。"
)


def _targets(text: str):
    targets, _ = Extractor(text, PlanContext("plan", issue_year=2021)).run()
    return targets


def _fields(targets):
    return [(t.indicator_zh, t.value, t.unit, t.comparator, t.target_year) for t in targets]


def test_a_letter_spaced_plan_reads_as_the_normal_one():
    normal = _fields(_targets(NORMAL))
    assert [(name, value) for name, value, *_ in normal] == [
        ("电力装机", 1.3),
        ("非化石能源装机占比", 90.0),
        ("煤电机组平均供电煤耗", 297.0),
        ("森林覆盖率", 42.1),
    ]
    spaced = _targets(LETTER_SPACED)
    assert _fields(spaced) == normal
    for t in spaced:
        assert LETTER_SPACED[t.char_start : t.char_end] == t.quote
        assert " " not in t.indicator_zh


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        ("达 到 1 . 3 亿千瓦", "达到1.3亿千瓦"),
        ("占 比 达 到 9 0 %", "占比达到90%"),
        ("煤 耗 降 至 2 97 克", "煤耗降至297克"),
        # a point between digits with blanks on both sides is one number in any text
        ("提高 0 . 3 个百分点", "提高0.3个百分点"),
        # two numbers stay two: a table's column gap, on a normal line and a spaced one
        ("森林覆盖率 % 30.2 31 约束性", "森林覆盖率% 30.2 31约束性"),
        ("主 要 指 标 达 到 2020 2025", "主要指标达到2020 2025"),
        # a lone digit beside a number joins it only on a letter-spaced line
        ("表 1 森林覆盖率 3 45 亩", "表1森林覆盖率3 45亩"),
        # a sentence that ends in a number with a point, then a year: not one number
        ("增长3. 2025年目标", "增长3. 2025年目标"),
    ],
)
def test_blanks_inside_numbers(text, normalized):
    norm = normalize(text)
    assert norm.text == normalized
    # every normalized character maps back to the same character (offsets kept)
    for i, ch in enumerate(norm.text):
        assert text[norm.offsets[i]] in (ch, "．", "％") or ch in "。，"
