"""Hostile files, built here: a .docx whose text sits in text boxes or merged cells, an HTML page
nested 50,000 deep, a zip bomb named .docx and PDFs that expand past the limits.

Each must be read (each text once) or refused with one line naming the file, in time and memory
in proportion to its size, and never cost the plan beside it its targets.
"""

from __future__ import annotations

import io
import re
import time
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from greenmetrics import paths, readers
from greenmetrics.errors import DocumentError
from greenmetrics.markup import HTML_MAX_DEPTH, article_text
from greenmetrics.pipeline import extract_corpus
from greenmetrics.readers import read_document

SEED = paths.RAW_DIR / "003_d6b7a80b1f52e553.txt"
NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def _box(lines: list[str]) -> str:
    paragraphs = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in lines)
    return f"<w:txbxContent>{paragraphs}</w:txbxContent>"


def _drawing(lines: list[str]) -> str:
    """A DrawingML text box, as Word 2010+ writes it in mc:Choice."""
    return (
        '<w:drawing><wp:anchor><a:graphic><a:graphicData uri="http://schemas.microsoft.com/'
        f'office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>{_box(lines)}</wps:txbx>'
        "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
    )


def _vml(lines: list[str]) -> str:
    """The same box in VML, as Word writes it in mc:Fallback (and older Words alone)."""
    return f"<w:pict><v:shape><v:textbox>{_box(lines)}</v:textbox></v:shape></w:pict>"


def _run(inner: str):
    return parse_xml(f"<w:r {NAMESPACES}>{inner}</w:r>")


def _save(document, path: Path) -> Path:
    document.save(path)
    return path


def _text_box_docx(path: Path) -> Path:
    """A plan whose goals sit in text boxes: one written twice (Choice and Fallback), one in VML
    only, one holding a box of its own."""
    document = docx.Document()
    document.add_paragraph("临夏州绿色低碳发展实施方案")
    anchor = document.add_paragraph("主要目标如下：")
    twice = ["到2025年，全州森林覆盖率达到35%。", "城市污水处理率达到97%。"]
    anchor._p.append(
        _run(
            '<mc:AlternateContent><mc:Choice Requires="wps">'
            f"{_drawing(twice)}</mc:Choice><mc:Fallback>{_vml(twice)}</mc:Fallback>"
            "</mc:AlternateContent>"
        )
    )
    vml_only = document.add_paragraph("")
    vml_only._p.append(_run(_vml(["到2025年，农村卫生厕所普及率达到85%。"])))
    nested = document.add_paragraph("")
    inner = _box(["到2025年，生活垃圾回收利用率达到40%。"])
    outer = (
        "<w:txbxContent><w:p><w:r><w:t>外框。</w:t></w:r><w:r><w:pict><v:shape><v:textbox>"
        f"{inner}</v:textbox></v:shape></w:pict></w:r></w:p></w:txbxContent>"
    )
    nested._p.append(_run(f"<w:pict><v:shape><v:textbox>{outer}</v:textbox></v:shape></w:pict>"))
    document.add_paragraph("保障措施。")
    return _save(document, path)


def test_docx_text_boxes_are_read_once_each_after_their_paragraph(tmp_path):
    lines = read_document(_text_box_docx(tmp_path / "boxes.docx")).text.split("\n")
    assert lines == [
        "临夏州绿色低碳发展实施方案",
        "主要目标如下：",
        "到2025年，全州森林覆盖率达到35%。",
        "城市污水处理率达到97%。",
        "",
        "到2025年，农村卫生厕所普及率达到85%。",
        "",
        "外框。",
        "到2025年，生活垃圾回收利用率达到40%。",
        "保障措施。",
    ]


def test_docx_text_box_goals_are_extracted_as_targets(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    _text_box_docx(folder / "boxes.docx")
    targets = extract_corpus([folder], workers=1).targets
    assert sorted(targets["value"]) == [35, 40, 85, 97]
    assert all(targets["target_year"] == 2025)


def test_docx_cells_merged_across_and_down_are_read_once(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=4, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "表1 主要指标"
    for column, header in enumerate(["类别", "指标", "2025年"]):
        table.cell(1, column).text = header
    table.cell(2, 0).merge(table.cell(3, 0)).text = "绿色生态"
    table.cell(2, 1).text = "森林覆盖率（%）"
    table.cell(3, 1).text = "草原综合植被盖度（%）"
    table.cell(2, 2).merge(table.cell(3, 2)).text = "≥35"
    lines = read_document(_save(document, tmp_path / "merged.docx")).text.split("\n")
    assert lines == [
        "表1 主要指标",
        "类别\t指标\t2025年",
        "绿色生态\t森林覆盖率（%）\t≥35",
        "\t草原综合植被盖度（%）\t",
    ]


def _deep_page(depth: int) -> str:
    return (
        "<html><body><div class='content'><p>到2025年，全市城市污水处理率达到97%。</p>"
        + "<div>层" * depth
        + "到2025年，森林覆盖率达到35%。"
        + "</div>" * depth
        + "<p>保障措施。</p></div></body></html>"
    )


def test_html_nested_beyond_the_limit_is_read_as_plain_text_with_a_note(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text(_deep_page(50_000), encoding="utf-8")
    doc = read_document(path)
    lines = doc.text.split("\n")
    assert lines[0] == "到2025年，全市城市污水处理率达到97%。"
    assert lines[-2:] == ["层到2025年，森林覆盖率达到35%。", "保障措施。"]
    assert len(lines) == 50_000 + 2  # a line per block, deep or not
    assert (
        len(doc.repairs) == 1 and "nested 50,003 deep" in doc.repairs[0]
    )  # html, body, the article and 50,000


@pytest.mark.slow  # extracts a 50,000-deep page beside a plan
def test_a_deep_page_costs_its_neighbour_nothing_and_is_named_in_the_review(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "deep.html").write_text(_deep_page(50_000), encoding="utf-8")
    (folder / "plan.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    result = extract_corpus([folder], workers=1)
    assert result.problems == []
    assert len(result.targets[result.targets.doc_id == "plan"]) >= 15
    assert sorted(result.targets[result.targets.doc_id == "deep"]["value"]) == [35, 97]
    reviews = result.document_reviews["deep"]
    [note] = [row["note"] for row in reviews if row["category"] == "document_problem"]
    assert "nested 50,003 deep, over the limit of 256" in note


def _seconds(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


@pytest.mark.slow  # parses pages of 20,000 elements
@pytest.mark.parametrize(
    "shape",
    [
        pytest.param(_deep_page, id="deep"),
        pytest.param(lambda n: "<div class='content'>" + "<p>到2025年。</p>" * n, id="wide"),
    ],
)
def test_html_costs_time_in_proportion_to_its_size(shape):
    """Reading the article costs a few times what parsing the page costs, not a multiple that
    grows with the page (a walk per element up or along the tree made a 20,000-deep page cost
    a minute, and 20,000 paragraphs in one div four)."""
    from bs4 import BeautifulSoup

    page = shape(20_000)
    parse = min(_seconds(lambda: BeautifulSoup(page, "lxml")) for _ in range(2))
    read = _seconds(lambda: article_text(page))
    assert read < 8 * parse, (read, parse)


def test_a_page_at_the_depth_limit_is_read_as_it_was(tmp_path):
    text, notes = article_text(_deep_page(HTML_MAX_DEPTH - 10))
    assert notes == []
    assert text.split("\n")[-2:] == ["层到2025年，森林覆盖率达到35%。", "保障措施。"]


def _zip_bomb(path: Path, expanded: int) -> Path:
    """A valid .docx whose document.xml expands to `expanded` bytes of spaces (about a
    thousandth of that on disk), written in chunks so that the test never holds it."""
    source = io.BytesIO()
    docx.Document().save(source)
    with (
        zipfile.ZipFile(source) as template,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bomb,
    ):
        for part in template.infolist():
            if part.filename != "word/document.xml":
                bomb.writestr(part, template.read(part), zipfile.ZIP_DEFLATED)
        with bomb.open("word/document.xml", "w", force_zip64=True) as xml:
            xml.write(f"<w:document {NAMESPACES}><w:body><w:p><w:r><w:t>".encode())
            chunk = b" " * 1_000_000
            for _ in range(expanded // len(chunk)):
                xml.write(chunk)
            xml.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return path


@pytest.mark.slow  # compresses 210 MB of spaces
def test_zip_bomb_is_refused_by_what_it_expands_to_and_the_neighbour_is_read(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    bomb = _zip_bomb(folder / "bomb.docx", readers.MAX_EXPANDED_BYTES + 10_000_000)
    assert bomb.stat().st_size < readers.MAX_EXPANDED_BYTES / 100
    (folder / "plan.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    result = extract_corpus([folder], workers=1)
    [problem] = result.problems
    assert "bomb.docx" in problem and re.search(r"expands to 21\d MB, over the limit", problem)
    assert "GREENMETRICS_MAX_MB" in problem
    assert len(result.targets[result.targets.doc_id == "plan"]) >= 15


def test_a_docx_expanding_past_a_lowered_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_EXPANDED_BYTES", 2_000_000)
    path = _zip_bomb(tmp_path / "bomb.docx", 3_000_000)
    with pytest.raises(
        DocumentError, match=r"bomb.docx: the .docx expands to \d MB, over the limit of 2 MB"
    ):
        read_document(path)


def test_a_docx_compressed_as_word_never_does_is_refused(tmp_path):
    source = tmp_path / "plan.docx"
    docx.Document().save(source)
    odd = tmp_path / "odd.docx"
    with zipfile.ZipFile(source) as template, zipfile.ZipFile(odd, "w") as package:
        for part in template.infolist():
            package.writestr(part.filename, template.read(part), zipfile.ZIP_BZIP2)
    with pytest.raises(DocumentError, match="odd.docx.*compressed in a way Word never writes"):
        read_document(odd)


def _pdf(path: Path, pages: list[str]) -> Path:
    from reportlab.pdfgen import canvas

    drawing = canvas.Canvas(str(path))
    for text in pages:
        for row in range(0, len(text), 80):
            drawing.drawString(40, 800 - row // 80 * 12, text[row : row + 80])
        drawing.showPage()
    drawing.save()
    return path


def test_a_pdf_past_the_page_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_PDF_PAGES", 2)
    path = _pdf(tmp_path / "long.pdf", ["Target 35%."] * 3)
    with pytest.raises(DocumentError, match="long.pdf.*3 pages.*GREENMETRICS_MAX_PAGES"):
        read_document(path)


def test_a_pdf_whose_text_expands_past_the_limit_is_refused(tmp_path, monkeypatch):
    path = _pdf(tmp_path / "dense.pdf", ["forest cover 35% " * 200] * 3)
    assert len(read_document(path).text) > 6_000
    monkeypatch.setattr(readers, "MAX_EXPANDED_BYTES", 4_000)
    with pytest.raises(DocumentError, match="dense.pdf: the text of pages 1-2 alone"):
        read_document(path)
