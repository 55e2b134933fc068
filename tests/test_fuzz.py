"""Property-based fuzzing of the extractor: random and adversarial text never breaks it.

CI runs 2,000 examples per property (the `ci` profile); for a longer local run:
    GREENMETRICS_FUZZ=20000 .venv/bin/python -m pytest tests/test_fuzz.py
"""

from __future__ import annotations

import os
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from greenmetrics.extract import PlanContext, extract
from greenmetrics.text import normalize

pytestmark = pytest.mark.slow  # thousands of examples per property

EXAMPLES = int(os.environ.get("GREENMETRICS_FUZZ", "2000"))
CONTEXT = PlanContext(
    doc_id="fuzz", region_names=("某市",), issue_year=2022, default_target_year=2025
)

# Pieces of policy language, numbers and noise to recombine: the extractor must survive any mix.
WORDS = [
    "到2025年", "十四五末", "2024年底前", "力争", "争取", "全市", "其他县城区", "畜禽粪污综合利用率",
    "达到", "稳定在", "不低于", "不超过", "降至", "较2020年下降", "提高", "个百分点", "新建", "建成",
    "分别达到", "和", "、", "，", "。", "；", "\n", "以上", "以下", "左右", "约", "%", "％", "万亩",
    "个", "家", "公里", "百分之八十", "三成", "零填埋", "两网融合", "〔2021〕", "号", "（", "）", "“", "”",
    "85", "９０", "3-5", "0.6", "193.05", "1,000", "PM2.5", "第二", "全覆盖", "基本普及", "动态清零",
    " ", "\u3000", "\u200b", "\r\n", "\t", "的",
]  # fmt: skip

policy_text = st.lists(st.sampled_from(WORDS), max_size=80).map("".join)
chinese_text = st.text(
    alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF), max_size=300
)
any_text = st.text(max_size=400)  # includes control characters and surrogates-free unicode
long_line = st.integers(min_value=1, max_value=60).map(
    lambda n: "单位地区生产总值能耗较2020年下降13%，" * n
)
numbers_everywhere = st.lists(
    st.one_of(
        st.integers(0, 10**9).map(str), st.floats(0, 1e6, allow_nan=False).map(lambda x: f"{x:.3f}")
    ),
    max_size=60,
).map(lambda xs: "达到".join(xs) + "%")

# NOTE: CI replays the same examples every run (no flaky red builds); local runs explore anew.
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=os.environ.get("CI") == "true",
)


def check_records(text: str) -> None:
    targets, milestones = extract(text, CONTEXT)
    for record in [*targets, *milestones]:
        assert text[record.char_start : record.char_end] == record.quote
        assert 0 <= record.char_start <= record.char_end <= len(text)
    norm = normalize(text)
    for t in targets:
        # the quote as the extractor read it: normalized in its context (a line break between
        # digits may be a wrap the whole text shows, which the quote alone cannot show)
        quote = "".join(
            ch
            for ch, o in zip(norm.text, norm.offsets, strict=False)
            if t.char_start <= o < t.char_end
        )
        written = f"{t.value:g}"
        numbers = {float(x) for x in re.findall(r"\d+(?:\.\d+)?", quote.replace(",", ""))}
        assert (
            t.value in numbers
            or written in quote
            or ("百分之" in quote or "成" in quote or (t.value == 0 and "零" in quote))
        ), (t.value, t.quote)


@FUZZ
@given(policy_text)
def test_policy_language_soup(text):
    check_records(text)


@FUZZ
@given(st.one_of(chinese_text, any_text, long_line, numbers_everywhere))
def test_random_and_adversarial_text(text):
    check_records(text)
