"""Normalization with offsets: the text the extractor matches on, and its map back.

Policy sentences other than the seed plans are written for these tests; data/raw is only read.
"""

from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from greenmetrics import paths
from greenmetrics import text as text_module
from greenmetrics.readers import read_document
from greenmetrics.text import NormalizedText, normalize

LINXIA = paths.RAW_DIR / "003_d6b7a80b1f52e553.txt"


@pytest.fixture(scope="module")
def seed() -> str:
    return LINXIA.read_text(encoding="utf-8")


def _check_offsets(original: str, norm) -> None:
    assert len(norm.offsets) == len(norm.text) + 1
    assert norm.offsets[-1] == len(original)
    assert all(a < b for a, b in zip(norm.offsets, norm.offsets[1:], strict=False))
    for i, ch in enumerate(norm.text):
        source = original[norm.offsets[i]]
        assert (
            source == ch
            or normalize(source).text == ch
            or (ch == "." and source == "．")
            or (ch in "。，；：！？" and source == ".,;:!?"["。，；：！？".index(ch)])
            or (ch == "-" and source in "～〜~—–‒―")
            or (ch == " " and (source.isspace() or source == "\x85"))
            or (ch == "\n" and source in "\r\x0b\x0c\x85\u2028\u2029")
        ), (i, ch, source)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("比重达到９０％以上", "比重达到90%以上"),
        ("能耗下降１３．５％", "能耗下降13.5%"),
        ("单位ＧＤＰ能耗", "单位GDP能耗"),
        ("达到 90 %", "达到90%"),
        ("达到\u00a090\u3000%以上", "达到90%以上"),
        ("到 2025 年，比重达到 35%", "到2025年，比重达到35%"),
        ("单位 GDP 能耗", "单位GDP能耗"),
        ("PM2.5  平均浓度", "PM2.5平均浓度"),
        ("5～10个", "5-10个"),
        ("2020—2025年", "2020-2025年"),
        ("2020——2025年", "2020-2025年"),
        ("3 ~ 5 家", "3-5家"),
        ("第一章～第三章", "第一章～第三章"),  # not between digits: untouched
        ("能\u200b耗\ufeff下降", "能耗下降"),
        ("第一行\r\n第二行\r第三行", "第一行\n第二行\n第三行"),
        ("　　（一）指导思想。", "（一）指导思想。"),
        ("（ 一 ） 加强", "（一）加强"),
        ("two  words\tand  tabs", "two words and tabs"),
        ("2020 2025", "2020 2025"),  # two numbers side by side (a table row) stay apart
        ("（）、，。；：“”！？", "（）、，。；：“”！？"),  # CJK punctuation untouched
        ("１．加强", "1．加强"),  # a list marker, not a decimal point
    ],
)
def test_normalize_examples(text, expected):
    norm = normalize(text)
    assert norm.text == expected
    _check_offsets(text, norm)


def test_span_to_original_covers_the_source_characters():
    original = "到２０２５年，比重达到 ９０ ％以上。"
    norm = normalize(original)
    start = norm.text.index("90%")
    s, e = norm.span_to_original(start, start + 3)
    assert original[s:e] == "９０ ％"
    assert norm.span_to_original(2, 2) == (norm.offsets[2], norm.offsets[2])
    with pytest.raises(ValueError):
        norm.span_to_original(0, len(norm.text) + 1)


def test_numbers_split_by_a_line_break_are_joined():
    assert normalize("空气质量优良天数比率达到8\n0%以上").text == "空气质量优良天数比率达到80%以上"
    assert normalize("累计完成造林12\n万亩").text == "累计完成造林12万亩"
    # cells of a table, one per line, are not numbers split in two
    assert normalize("2020\n2025\n35").text == "2020\n2025\n35"
    assert normalize("达到35%\n1.加强监管").text == "达到35%\n1.加强监管"


WRAPPED = (
    "为贯彻落实省委省政府关于加快建立健全绿色低碳循环发展经济体系的部署要求，结合\n"
    "我市实际，制定本方案。到2025年，全市单位地区生产总值能耗较2020年下降13\n"
    "%，可再生能源装机容量达到500万千瓦以上，城市生活垃圾资源化利用率达到60%以\n"
    "上，绿色产业比重显著提升，基础设施绿色化水平不断提高，生产生活方式绿色转型\n"
    "成效显著。\n"
    "一、总体要求\n"
    "（一）指导思想。坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二\n"
    "十大精神，全面贯彻习近平生态文明思想，认真落实党中央国务院决策部署，以实现\n"
    "碳达峰碳中和目标为引领，推动绿色发展迈上新台阶。\n"
    "（二）主要目标。到2030年，绿色低碳循环发展的生产体系、流通体系、消费体系基\n"
    "本形成。\n"
)


def test_hard_wrapped_text_is_joined():
    norm = normalize(WRAPPED)
    lines = norm.text.split("\n")
    assert lines[0].endswith("生产生活方式绿色转型成效显著。")
    assert "能耗较2020年下降13%，可再生能源" in lines[0]
    assert "利用率达到60%以上" in lines[0]
    assert lines[1] == "一、总体要求"  # a heading is never glued to the previous line
    assert lines[2].startswith("（一）指导思想。") and lines[2].endswith("迈上新台阶。")
    assert (
        lines[3]
        == "（二）主要目标。到2030年，绿色低碳循环发展的生产体系、流通体系、消费体系基本形成。"
    )
    _check_offsets(WRAPPED, norm)


def test_one_sentence_per_line_text_is_kept():
    # NOTE: some sources store one sentence per line with the 。 stripped: each line break
    # is then the only sentence boundary and must stay.
    text = (
        "到2025年，绿色生态产业增加值占地区生产总值比重达到34%\n"
        "单位地区生产总值能耗较2020年下降13%\n"
        "加强绿色食品、有机农产品认证和管理，增强绿色优质农产品供给能力\n"
        "全面推行清洁生产\n"
        "推进工业资源综合利用基地建设，持续推进散乱污企业整治\n"
        "到2035年，绿色产业规模迈上新台阶，重点行业、重点产品能源资源利用效率达到国际先进水平\n"
        "鼓励企业谋划实施绿色化改造项目，加大财政专项资金支持力度\n"
    )
    assert normalize(text).text == text


@pytest.mark.parametrize("path", sorted(paths.RAW_DIR.glob("*.txt")), ids=lambda p: p.name)
def test_shipped_plans_keep_their_lines(path):
    text = read_document(path).text
    norm = normalize(text)
    assert norm.text.count("\n") == text.count("\n")  # none is taken as hard-wrapped
    _check_offsets(text, norm)


def _python_lines_run(text: str) -> tuple[int, NormalizedText]:
    """(lines of greenmetrics.text executed while normalizing `text`, the result).

    A count of interpreted lines, not a time: the same on a loaded machine as on an idle one.
    """
    executed = 0
    module_file = text_module.__file__

    def local(frame, event, arg):
        nonlocal executed
        if event == "line":
            executed += 1
        return local

    def calls(frame, event, arg):
        return local if frame.f_code.co_filename == module_file else None

    previous = sys.gettrace()
    sys.settrace(calls)
    try:
        norm = normalize(text)
    finally:
        sys.settrace(previous)
    return executed, norm


def test_normalize_runs_python_per_line_not_per_character(seed):
    # normalize promises a few regex passes, with Python code per changed character, per space
    # run and per line, never per character of the text: the work it interprets must stay
    # well below one line of Python per character and grow linearly with the text.
    small = (seed * 3)[:20000]
    large = (seed * 12)[:80000]
    small_lines, small_norm = _python_lines_run(small)
    large_lines, large_norm = _python_lines_run(large)
    assert small_lines > 0  # the tracer did see the module
    assert small_lines < len(small) // 2, f"{small_lines} Python lines for {len(small)} chars"
    # 4x the text: linear work gives about 4x the lines, quadratic work 16x.
    assert large_lines <= 5 * small_lines, (small_lines, large_lines)
    # and the large result is still right: one sentence per line, so every line is kept
    for original, norm in ((small, small_norm), (large, large_norm)):
        assert norm.text.count("\n") == original.count("\n")
        assert len(norm.offsets) == len(norm.text) + 1 and norm.offsets[-1] == len(original)


TRICKY = "到年达比重能耗，。；：（）、 \u3000\u00a0\t\n\r\u200b\ufeff０１２５９％．～—0123456789%.-~abcＡＢ"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=TRICKY, max_size=80))
def test_offsets_map_back_property(text):
    norm = normalize(text)
    _check_offsets(text, norm)
    assert "\u200b" not in norm.text and "\ufeff" not in norm.text and "\r" not in norm.text


def test_traditional_characters_are_matched_simplified_and_map_back_one_for_one():
    text = "到2025年，綠色建築佔新建建築比重達到70%。"
    norm = normalize(text)
    assert norm.text == "到2025年，绿色建筑占新建建筑比重达到70%。"
    start = norm.text.index("绿色建筑")
    assert text[slice(*norm.span_to_original(start, start + 4))] == "綠色建築"


def test_simplified_text_is_left_as_it_is():
    text = "显著提升，到2025年森林覆盖率达到35%"
    assert normalize(text).text == text


@pytest.mark.parametrize("page_number", ["- 3 -", "— 5 —", "—\n１\n—", "－１２－", "第3页 共12页"])
def test_a_sentence_runs_on_across_a_page_number(page_number):
    text = f"到2025年，城市生活污水处理率达到\n{page_number}\n95%以上，县城达到90%。"
    norm = normalize(text)
    assert norm.text == "到2025年，城市生活污水处理率达到95%以上，县城达到90%。"
    start = norm.text.index("达到95%")
    s, e = norm.span_to_original(start, start + 5)
    assert text[s:e] == f"达到\n{page_number}\n95%"  # the quote keeps what lies between


def test_a_running_header_next_to_page_numbers_is_dropped_but_a_repeated_line_elsewhere_stays():
    header = "江北市人民政府文件"
    text = (
        f"{header}\n到2025年，全市森林覆盖率稳定在\n- 3 -\n{header}\n"
        f"78%以上，湿地保护率达到\n- 4 -\n{header}\n60%。"
    )
    assert normalize(text).text == "到2025年，全市森林覆盖率稳定在78%以上，湿地保护率达到60%。"
    repeated = "约束性\n约束性\n约束性\n- 3 -\n预期性"
    assert normalize(repeated).text == "约束性\n约束性\n约束性\n预期性"


def test_a_fragment_a_sentence_ran_into_keeps_running_on():
    # Some PDFs set a word alone on a line; the text around it is wrapped at one width.
    wrapped = [
        "加快城镇生活垃圾处理设施建设，推进生活垃圾焚烧发电，力争实现城市原生生活垃圾零填埋，无害化",
        "处置",
        "率达到100%。推进漳州、三明、南平、龙岩等市医废处置的扩容升级工程建设，提升医疗废物应急处置能",
        "力。加快推进工业固体废物综合利用，推动大宗工业固体废物综合利用示范基地建设，提高综合利用水平",
        "，推进建筑垃圾资源化利用，完善再生资源回收体系建设，推动再生资源规范化、规模化、清洁化利用发",
        "展。推进城镇污水管网全覆盖，加快补齐城镇污水收集和处理设施短板，提升污水资源化利用水平和污泥",
        "无害化处置能力，推动城镇生活污水处理设施提质增效，加强农村生活污水治理，推进农村黑臭水体治理",
        "二、健全绿色低碳循环发展的生产体系",
    ]
    text = normalize("\n".join(wrapped)).text
    assert "无害化处置率达到100%" in text
    assert "\n二、健全" in text  # a heading still starts its own line
