"""Reading plans: decoding, formats, errors, normalization with offsets, manifest, metadata.

Every file is written under tmp_path; data/raw is only read. Policy sentences other than the
two seed plans are written for these tests.
"""

from __future__ import annotations

import io
import random
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from greenmetrics import paths
from greenmetrics.documents import (
    MANIFEST_COLUMNS,
    SUPPORTED_SUFFIXES,
    Document,
    detect_metadata,
    iter_plan_files,
    load_manifest,
    normalize,
    read_document,
)
from greenmetrics.errors import DocumentError, InputError, ManifestError

XINFU = paths.RAW_DIR / "000_78ec545c62429658.txt"
LINXIA = paths.RAW_DIR / "003_d6b7a80b1f52e553.txt"


@pytest.fixture(scope="module")
def seed() -> str:
    return LINXIA.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Decoding
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "codec, reported",
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("gbk", "gb18030"),
        ("gb18030", "gb18030"),
        ("utf-16", "utf-16"),
        ("utf-16-le", "utf-16-le"),  # no BOM: told by where the zero bytes fall
    ],
)
def test_encodings_decode_to_the_same_text(tmp_path, seed, codec, reported):
    path = tmp_path / f"plan_{codec}.txt"
    path.write_bytes(seed.encode(codec))
    doc = read_document(path)
    assert doc.text == seed  # BOM stripped, nothing else changed
    assert doc.encoding == reported
    assert doc.format == "txt"
    assert doc.doc_id == f"plan_{codec}"


def test_document_records_hash_and_path(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("# 标题\n到2025年，森林覆盖率达到35%。\n", encoding="utf-8")
    doc = read_document(path)
    assert isinstance(doc, Document)
    assert doc.format == "md" and doc.path == path
    assert len(doc.sha256) == 64


def test_short_gbk_text(tmp_path):
    path = tmp_path / "short.txt"
    path.write_bytes("到2025年，单位地区生产总值能耗下降13.5%。".encode("gbk"))
    assert read_document(path).text == "到2025年，单位地区生产总值能耗下降13.5%。"


def test_big5_is_not_mistaken_for_gbk(tmp_path):
    # Big5 bytes often decode as GB18030 without error, into nonsense characters; the
    # plausibility check sends them to charset-normalizer instead.
    text = "到2025年，全州單位地區生產總值能耗較2020年下降13%，森林覆蓋率達到35%。發展綠色經濟。"
    path = tmp_path / "traditional.txt"
    path.write_bytes(text.encode("big5"))
    doc = read_document(path)
    assert doc.text == text
    assert doc.encoding != "gb18030"


def test_seed_plans_read_as_utf8():
    for path in (XINFU, LINXIA):
        doc = read_document(path)
        assert doc.encoding == "utf-8"
        assert doc.text == path.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Other formats
# ---------------------------------------------------------------------------------------------


def _docx_bytes(lines: list[str], table: list[list[str]] | None = None) -> bytes:
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
        document.add_paragraph("表后段落。")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_lines_equal_seed_lines(tmp_path, seed):
    path = tmp_path / "plan.docx"
    path.write_bytes(_docx_bytes(seed.split("\n")))
    doc = read_document(path)
    assert doc.format == "docx" and doc.encoding == "docx"
    assert doc.text.split("\n") == seed.split("\n")


def test_docx_table_cells_in_body_order(tmp_path):
    path = tmp_path / "table.docx"
    table = [["指标", "2025年目标"], ["森林覆盖率", "35%"]]
    path.write_bytes(_docx_bytes(["主要指标如下："], table))
    lines = read_document(path).text.split("\n")
    assert lines == ["主要指标如下：", "指标", "2025年目标", "森林覆盖率", "35%", "表后段落。"]


HTML_PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>江北市人民政府</title><style>.x{color:red}</style>
<script>var menu = "首页";</script></head>
<body>
<div class="header">江北市人民政府门户网站</div>
<nav><a href="/">首页</a><a href="/zw">政务公开</a></nav>
<div class="breadcrumb">当前位置：首页 &gt; 政策文件</div>
<div class="main-wrap">
  <div class="left-menu"><ul><li>通知公告</li><li>政策解读</li></ul></div>
  <div class="article">
    <h1>江北市关于加快建立健全绿色低碳循环发展经济体系的实施方案</h1>
    <div class="share-bar">分享到：微信 微博</div>
    <div id="zoom" class="TRS_Editor">
      <p>　　到2025年，全市单位地区生产总值能耗
         较2020年下降13.5%。</p>
      <p>森林覆盖率达到<b>35%</b>。<br>城市污水处理率达到97%。</p>
      <table><tr><td>指标</td><td>目标值</td></tr></table>
    </div>
  </div>
  <aside>相关文章</aside>
</div>
<div id="footer">版权所有：江北市人民政府办公室 主办</div>
</body></html>
"""


def test_html_keeps_the_article_only(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(HTML_PAGE.encode("gbk"))
    doc = read_document(path)
    assert doc.format == "html"
    assert doc.encoding == "gb18030"  # the declared gb2312, read with its superset
    assert doc.text.split("\n") == [
        "江北市关于加快建立健全绿色低碳循环发展经济体系的实施方案",
        "到2025年，全市单位地区生产总值能耗 较2020年下降13.5%。",
        "森林覆盖率达到35%。",
        "城市污水处理率达到97%。",
        "指标",
        "目标值",
    ]
    for clutter in ("门户网站", "首页", "当前位置", "通知公告", "分享到", "相关文章", "版权所有"):
        assert clutter not in doc.text
    # the layout space left by the source line break goes away in the normalized text
    assert "能耗较2020年下降13.5%" in normalize(doc.text).text


def test_html_valid_utf8_wins_over_a_stale_meta_charset(tmp_path):
    path = tmp_path / "page.htm"
    path.write_bytes(HTML_PAGE.encode("utf-8"))
    doc = read_document(path)
    assert doc.encoding == "utf-8"
    assert "森林覆盖率达到35%。" in doc.text


def _pdf_bytes(tmp_path: Path, lines: list[str]) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import mplfonts
    from matplotlib.font_manager import FontProperties

    font = FontProperties(fname=str(Path(mplfonts.__file__).parent / "fonts" / "SimHei.ttf"))
    with matplotlib.rc_context({"pdf.fonttype": 42}):
        fig = plt.figure(figsize=(7, 2))
        for k, line in enumerate(lines):
            fig.text(0.05, 0.7 - 0.3 * k, line, fontproperties=font, fontsize=12)
        out = tmp_path / "made.pdf"
        fig.savefig(out)
        plt.close(fig)
    return out.read_bytes()


def test_pdf_text_is_extracted(tmp_path):
    lines = ["到2025年，单位地区生产总值能耗下降13.5%。", "森林覆盖率达到35%。"]
    path = tmp_path / "plan.pdf"
    path.write_bytes(_pdf_bytes(tmp_path, lines))
    doc = read_document(path)
    assert doc.format == "pdf" and doc.encoding == "pdf"
    # pypdf recovers the CJK glyphs of a TrueType (fonttype 42) font embedded by matplotlib,
    # thanks to its ToUnicode map; the digits are the part the extractor cannot do without.
    assert "2025" in doc.text and "13.5%" in doc.text and "35%" in doc.text
    assert doc.text.split("\n") == lines


# ---------------------------------------------------------------------------------------------
# Errors: one line naming the file and the problem
# ---------------------------------------------------------------------------------------------


def _error_for(path: Path) -> DocumentError:
    with pytest.raises(DocumentError) as info:
        read_document(path)
    message = str(info.value)
    assert path.name in message and "\n" not in message
    assert info.value.path == path
    return info.value


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert "empty" in _error_for(path).problem


def test_whitespace_only_file(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text(" \n\u3000\n\t\n", encoding="utf-8")
    assert "no text" in _error_for(path).problem


def test_random_bytes_named_txt(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(random.Random(0).randbytes(4096))
    assert "binary" in _error_for(path).problem


def test_png_named_txt(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + random.Random(1).randbytes(500))
    assert "PNG" in _error_for(path).problem


def test_control_bytes_without_nul(tmp_path):
    path = tmp_path / "controls.txt"
    path.write_bytes(bytes(range(1, 32)) * 20)
    assert "binary" in _error_for(path).problem


def test_truncated_docx(tmp_path):
    path = tmp_path / "cut.docx"
    path.write_bytes(_docx_bytes(["到2025年，森林覆盖率达到35%。"])[:200])
    assert "docx" in _error_for(path).problem


def test_doc_renamed_docx(tmp_path):
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500))
    assert ".doc" in _error_for(path).problem


def test_truncated_pdf(tmp_path):
    raw = _pdf_bytes(tmp_path, ["到2025年，森林覆盖率达到35%。"])
    path = tmp_path / "cut.pdf"
    path.write_bytes(raw[: len(raw) // 2])
    assert "PDF" in _error_for(path).problem


def test_pdf_without_text(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig = plt.figure(figsize=(2, 2))
    fig.add_artist(plt.Circle((0.5, 0.5), 0.2))
    path = tmp_path / "scan.pdf"
    fig.savefig(path)
    plt.close(fig)
    assert "no extractable text" in _error_for(path).problem


def test_text_named_pdf(tmp_path):
    path = tmp_path / "fake.pdf"
    path.write_text("到2025年", encoding="utf-8")
    assert "not a PDF" in _error_for(path).problem


def test_unsupported_suffix(tmp_path):
    path = tmp_path / "plan.rtf"
    path.write_text("x", encoding="utf-8")
    assert ".rtf" in _error_for(path).problem


def test_missing_file(tmp_path):
    assert "no such file" in _error_for(tmp_path / "gone.txt").problem


# ---------------------------------------------------------------------------------------------
# Finding plan files
# ---------------------------------------------------------------------------------------------


def test_iter_plan_files(tmp_path):
    for name in ("b.txt", "a.docx", "c.pdf", "d.html", "e.md", "documents.csv", "overrides.csv"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    (tmp_path / "~$a.docx").write_text("x", encoding="utf-8")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "f.txt").write_text("x", encoding="utf-8")
    found = iter_plan_files([tmp_path, tmp_path / "b.txt", tmp_path / "documents.csv"])
    assert [p.name for p in found] == ["a.docx", "b.txt", "c.pdf", "d.html", "e.md"]
    assert all(p.suffix in SUPPORTED_SUFFIXES for p in found)
    # a file named explicitly is kept, so that reading it reports its own problem
    assert iter_plan_files([tmp_path / "notes.json"]) == [tmp_path / "notes.json"]
    with pytest.raises(InputError, match="no such file or folder"):
        iter_plan_files([tmp_path / "nowhere"])


def test_iter_plan_files_on_data_raw():
    names = [p.name for p in iter_plan_files([paths.RAW_DIR])]
    assert XINFU.name in names and LINXIA.name in names
    assert "documents.csv" not in names


# ---------------------------------------------------------------------------------------------
# Normalization
# ---------------------------------------------------------------------------------------------


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


def test_normalize_is_fast(seed):
    text = (seed * 3)[:20000]
    normalize(text)
    best = min(_timed(normalize, text) for _ in range(5))
    assert best < 0.005, f"normalizing 20,000 characters took {best * 1000:.1f} ms"


def _timed(func, arg) -> float:
    start = time.perf_counter()
    func(arg)
    return time.perf_counter() - start


TRICKY = "到年达比重能耗，。；：（）、 \u3000\u00a0\t\n\r\u200b\ufeff０１２５９％．～—0123456789%.-~abcＡＢ"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=TRICKY, max_size=80))
def test_offsets_map_back_property(text):
    norm = normalize(text)
    _check_offsets(text, norm)
    assert "\u200b" not in norm.text and "\ufeff" not in norm.text and "\r" not in norm.text


# ---------------------------------------------------------------------------------------------
# Manifest
# ---------------------------------------------------------------------------------------------

HEADER = ",".join(MANIFEST_COLUMNS)


def _row(file="a.txt", region="江北市", level="prefecture", date="2022-03-01", **extra) -> str:
    values = dict.fromkeys(MANIFEST_COLUMNS, "")
    values.update(file=file, region_zh=region, region_level=level, issue_date=date, **extra)
    return ",".join(values[c] for c in MANIFEST_COLUMNS)


def _manifest(tmp_path: Path, lines: list[str], plans=("a.txt", "b.txt", "c.txt")) -> Path:
    for name in plans:
        (tmp_path / name).write_text("到2025年，森林覆盖率达到35%。", encoding="utf-8")
    (tmp_path / "documents.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def test_manifest_rows(tmp_path):
    raw = _manifest(tmp_path, [HEADER, _row(title_zh="江北市实施方案"), _row("b.txt", date="")])
    rows, problems = load_manifest(raw)
    assert problems == []
    assert set(rows) == {"a.txt", "b.txt"}
    assert rows["a.txt"]["title_zh"] == "江北市实施方案"
    assert rows["a.txt"]["doc_number"] is None  # empty -> None
    assert rows["b.txt"]["issue_date"] is None


def test_no_manifest(tmp_path):
    assert load_manifest(tmp_path) == ({}, [])


def test_shipped_manifest_is_clean():
    rows, problems = load_manifest(paths.RAW_DIR)
    assert problems == []
    assert rows[LINXIA.name]["doc_number"] == "临州府发〔2021〕53号"


def test_manifest_row_problems_name_their_lines(tmp_path):
    raw = _manifest(
        tmp_path,
        [
            HEADER,  # line 1
            _row("a.txt"),  # line 2: fine
            _row("missing.txt"),  # line 3: no such file
            _row("b.txt", date="2022/03/01"),  # line 4: malformed date, row kept
            _row("c.txt", level="city"),  # line 5: bad level
            _row("a.txt"),  # line 6: duplicate
            _row("b.txt", date="2022-02-30"),  # line 7: duplicate (b kept from line 4)
        ],
    )
    rows, problems = load_manifest(raw)
    assert set(rows) == {"a.txt", "b.txt"}
    assert rows["b.txt"]["issue_date"] is None
    by_line = {p.line: p for p in problems}
    assert sorted(by_line) == [3, 4, 5, 6, 7]
    assert all(isinstance(p, ManifestError) for p in problems)
    assert "missing.txt" in by_line[3].problem and "no such file" in by_line[3].problem
    assert "2022/03/01" in by_line[4].problem and "YYYY-MM-DD" in by_line[4].problem
    assert "city" in by_line[5].problem and "region_level" in by_line[5].problem
    assert "listed twice" in by_line[6].problem and "line 2" in by_line[6].problem
    assert str(by_line[3]).startswith(f"{raw / 'documents.csv'}:3: ")


def test_manifest_impossible_date(tmp_path):
    raw = _manifest(tmp_path, [HEADER, _row("a.txt", date="2022-02-30")])
    rows, problems = load_manifest(raw)
    assert rows["a.txt"]["issue_date"] is None
    assert [p.line for p in problems] == [2]


def test_manifest_line_numbers_count_multiline_cells(tmp_path):
    raw = _manifest(
        tmp_path,
        [HEADER, _row("a.txt", source='"first line\nsecond line"'), _row("b.txt", level="x")],
    )
    _, problems = load_manifest(raw)
    assert [p.line for p in problems] == [4]


def test_manifest_missing_required_columns(tmp_path):
    raw = _manifest(tmp_path, ["file,title_zh,region_en", "a.txt,标题,Jiangbei"])
    with pytest.raises(ManifestError) as info:
        load_manifest(raw)
    assert info.value.line == 1
    assert "region_zh" in info.value.problem and "region_level" in info.value.problem
    assert "documents.csv:1:" in str(info.value)


def test_manifest_binary(tmp_path):
    (tmp_path / "documents.csv").write_bytes(random.Random(2).randbytes(2000))
    with pytest.raises(ManifestError, match="binary"):
        load_manifest(tmp_path)


def test_manifest_saved_as_gbk_by_excel(tmp_path):
    _manifest(tmp_path, [])
    text = (
        HEADER
        + "\n"
        + _row("a.txt", title_zh="江北市关于加快建立健全绿色低碳循环发展经济体系的实施方案")
        + "\n"
    )
    (tmp_path / "documents.csv").write_bytes(text.encode("gbk"))
    rows, problems = load_manifest(tmp_path)
    assert problems == [] and rows["a.txt"]["region_zh"] == "江北市"


# ---------------------------------------------------------------------------------------------
# Metadata detected from the text
# ---------------------------------------------------------------------------------------------


def test_detect_linxia_seed():
    meta = detect_metadata(LINXIA.read_text(encoding="utf-8"))
    assert meta["doc_number"] == "临州府发〔2021〕53号"  # not the cited 甘政发〔2021〕62号
    assert meta["issue_date"] == "2021-11-09"
    assert meta["issuer_zh"] == "临夏回族自治州人民政府"
    assert meta["region_zh"] == "临夏回族自治州"
    assert meta["region_level"] == "prefecture"
    assert meta["province_zh"] == "甘肃省"
    assert meta["parent_region_zh"] == "甘肃省"
    # the plan's own title, not the notice that wraps it over two lines
    assert meta["title_zh"] == "关于加快建立健全绿色低碳循环发展经济体系的工作方案"


def test_detect_xinfu_seed():
    meta = detect_metadata(XINFU.read_text(encoding="utf-8"))
    assert meta["issue_date"] == "2023-04-10"
    assert meta["issuer_zh"] == "忻州市忻府区人民政府"
    assert meta["region_zh"] == "忻州市忻府区"
    assert meta["region_level"] == "county"
    assert meta["parent_region_zh"] == "忻州市"
    assert meta["province_zh"] == "山西省"
    assert meta["doc_number"] is None
    # the title is only quoted inside a news lead (近日，...实施方案指出); it is cut out of it
    assert meta["title_zh"].endswith("关于加快建立健全我区绿色低碳循环发展经济体系的实施方案")


HEADER_TEXT = """江政发〔2022〕7号

江北市人民政府
关于加快建立健全绿色低碳循环发展
经济体系的实施意见

各县（市、区）人民政府，市政府各部门：
为贯彻落实《国务院关于加快建立健全绿色低碳循环发展经济体系的指导意见》（国发〔2021〕4号），结合全市实际，提出如下意见。
到2025年，全市森林覆盖率达到35%。

江北市人民政府
二〇二二年三月十一日
"""


def test_detect_metadata_on_a_written_header():
    meta = detect_metadata(HEADER_TEXT)
    assert meta["doc_number"] == "江政发〔2022〕7号"
    assert meta["issue_date"] == "2022-03-11"  # Chinese-numeral signature date
    assert meta["issuer_zh"] == "江北市人民政府"
    assert meta["region_zh"] == "江北市" and meta["region_level"] == "prefecture"
    assert meta["title_zh"] == "关于加快建立健全绿色低碳循环发展经济体系的实施意见"
    assert meta["province_zh"] is None  # the text names no province


def test_cited_document_numbers_are_not_the_plans_own():
    text = (
        "关于加快建立健全绿色低碳循环发展经济体系的实施方案\n"
        "根据《国务院关于加快建立健全绿色低碳循环发展经济体系的指导意见》（国发〔2021〕4号）"
        "和省政府印发甘政发〔2021〕62号文件精神，制定本方案。\n"
    )
    assert detect_metadata(text)["doc_number"] is None
    text = "南山县人民政府办公室\n南政办发[2021]12号\n关于印发南山县绿色低碳发展行动方案的通知\n"
    meta = detect_metadata(text)
    assert meta["doc_number"] == "南政办发[2021]12号"
    assert meta["issuer_zh"] == "南山县人民政府办公室"
    assert meta["title_zh"] == "南山县绿色低碳发展行动方案"  # the plan inside the notice
    assert meta["region_zh"] == "南山县" and meta["region_level"] == "county"


@pytest.mark.parametrize(
    "issuer, region, level, parent",
    [
        ("甘肃省人民政府", "甘肃省", "province", "全国"),
        ("宁夏回族自治区人民政府", "宁夏回族自治区", "province", "全国"),
        ("重庆市人民政府", "重庆市", "province", "全国"),
        ("上海市浦东新区人民政府", "上海市浦东新区", "county", "上海市"),
        ("临夏回族自治州人民政府", "临夏回族自治州", "prefecture", None),
        ("兰州市人民政府办公室", "兰州市", "prefecture", None),
        ("阿拉善盟行政公署办公室", "阿拉善盟", "prefecture", None),
        ("阿拉善盟行政公署", "阿拉善盟", "prefecture", None),
        ("酒泉市玉门市人民政府", "酒泉市玉门市", "county", "酒泉市"),
        ("忻州市忻府区人民政府", "忻州市忻府区", "county", "忻州市"),
        ("东乡族自治县人民政府", "东乡族自治县", "county", None),
        ("鄂托克旗人民政府", "鄂托克旗", "county", None),
    ],
)
def test_region_level_from_the_issuer(issuer, region, level, parent):
    meta = detect_metadata(f"{issuer}\n2022年1月5日\n")
    assert meta["issuer_zh"] == issuer
    assert meta["issue_date"] == "2022-01-05"
    assert meta["region_zh"] == region
    assert meta["region_level"] == level
    assert meta["parent_region_zh"] == parent


def test_region_from_the_title_and_from_scope_words():
    meta = detect_metadata(
        "河东区关于加快推进绿色低碳发展的实施方案\n到2025年，全区森林覆盖率达到35%。\n"
    )
    assert meta["region_zh"] == "河东区" and meta["region_level"] == "county"
    assert meta["issuer_zh"] is None
    text = (
        "关于加快建立健全绿色低碳循环发展经济体系的工作方案\n"
        "结合临夏州实际，制定本方案。到2025年，全州森林覆盖率达到35%。\n"
        "临夏州各县市要加强组织领导，甘肃省有关部门给予支持。\n"
    )
    meta = detect_metadata(text)
    assert meta["region_zh"] == "临夏州" and meta["region_level"] == "prefecture"
    assert meta["province_zh"] == "甘肃省" and meta["parent_region_zh"] == "甘肃省"


def test_detect_metadata_on_text_without_any():
    meta = detect_metadata("到2025年，森林覆盖率达到35%。")
    assert set(meta) == {
        "title_zh",
        "region_zh",
        "region_level",
        "issuer_zh",
        "issue_date",
        "doc_number",
        "parent_region_zh",
        "province_zh",
    }
    assert all(value is None for value in meta.values())
