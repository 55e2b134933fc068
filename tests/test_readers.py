"""Reading plans: decoding, formats (txt/md/html/docx/pdf), one-line errors, finding plan files.

Every file is written under tmp_path; data/raw is only read. Policy sentences other than the
two seed plans are written for these tests.
"""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest

from greenmetrics import paths
from greenmetrics.errors import DocumentError, InputError
from greenmetrics.inputs import iter_plan_files
from greenmetrics.readers import SUPPORTED_SUFFIXES, Document, read_document
from greenmetrics.text import normalize

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


def test_docx_table_rows_in_body_order(tmp_path):
    path = tmp_path / "table.docx"
    table = [["指标", "2025年目标"], ["森林覆盖率", "35%"]]
    path.write_bytes(_docx_bytes(["主要指标如下："], table))
    lines = read_document(path).text.split("\n")
    assert lines == ["主要指标如下：", "指标\t2025年目标", "森林覆盖率\t35%", "表后段落。"]


def test_docx_merged_cells_once_and_multi_paragraph_cells_on_one_line(tmp_path):
    import docx

    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "表1 主要指标"
    for c, value in enumerate(["指标", "2025年", "属性"]):
        table.cell(1, c).text = value
    table.cell(2, 0).text = "森林覆盖率"
    table.cell(2, 0).add_paragraph("（%）")
    table.cell(2, 1).text = "35"
    buffer = io.BytesIO()
    document.save(buffer)
    path = tmp_path / "merged.docx"
    path.write_bytes(buffer.getvalue())
    lines = read_document(path).text.split("\n")
    assert lines == ["表1 主要指标", "指标\t2025年\t属性", "森林覆盖率 （%）\t35\t"]


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
        "指标\t目标值",
    ]
    for clutter in ("门户网站", "首页", "当前位置", "通知公告", "分享到", "相关文章", "版权所有"):
        assert clutter not in doc.text
    # the layout space left by the source line break goes away in the normalized text
    assert "能耗较2020年下降13.5%" in normalize(doc.text).text


def test_html_table_rows_are_lines_with_tab_separated_cells(tmp_path):
    page = """<html><body><div class="content"><p>主要指标：</p>
    <table><thead><tr><th>指标</th><th colspan="2">目标</th></tr></thead>
    <tbody><tr><td></td><td>森林覆盖率<br>（%）</td><td> 35 </td></tr></tbody></table>
    <p>表后段落。</p></div></body></html>"""
    path = tmp_path / "table.html"
    path.write_text(page, encoding="utf-8")
    assert read_document(path).text.split("\n") == [
        "主要指标：",
        "指标\t目标",
        "\t森林覆盖率 （%）\t35",
        "表后段落。",
    ]


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
