"""Reading a PDF's pages with PDFium and, for the pages its check distrusts, with pypdf
(greenmetrics.pdf_text): which pages go to pypdf and why, the reader named by
GREENMETRICS_PDF_READER, and PDFs that cannot be opened."""

from __future__ import annotations

from pathlib import Path

import pytest

from greenmetrics import pdf_text
from greenmetrics.errors import DocumentError
from greenmetrics.readers import read_document

PROSE = "到2025年，全省单位地区生产总值能耗比2020年下降13.5%。"
TABLE = [
    "序号 指标 2020年 2025年 属性",
    "1 森林覆盖率（%） 42 42.5 约束性",
    "2 湿地保护率（%） 40.3 40.8 预期性",
]


def _pdf(path: Path, pages: list[list[str]], invisible: bool = False, **canvas_options) -> Path:
    """A PDF of `pages` (lines of text in a CID font with a Chinese encoding), drawn
    invisibly (render mode 3, as an OCR layer over a scan) when `invisible`."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    drawing = canvas.Canvas(str(path), **canvas_options)
    for lines in pages:
        text = drawing.beginText(40, 800)
        text.setFont("STSong-Light", 11)
        if invisible:
            text.setTextRenderMode(3)
        for line in lines:
            text.textLine(line)
        drawing.drawText(text)
        drawing.showPage()
    drawing.save()
    return path


def _read(path: Path, reader: str = "pdfium") -> tuple[list[str], dict[int, str]]:
    with pdf_text.open_pdf(path.read_bytes(), reader) as pdf:
        return list(pdf.texts()), dict(pdf.pages_read_again)


def test_prose_pages_are_read_by_pdfium_alone(tmp_path):
    pages, again = _read(_pdf(tmp_path / "plan.pdf", [[PROSE], ["森林覆盖率达到35%。"]]))
    assert again == {}
    assert [page.strip() for page in pages] == [PROSE, "森林覆盖率达到35%。"]


def test_a_table_page_is_read_again_by_pypdf_and_says_so(tmp_path):
    path = _pdf(tmp_path / "plan.pdf", [[PROSE], TABLE])
    pages, again = _read(path)
    assert again == {1: "table"}
    pypdf_pages, _ = _read(path, "pypdf")
    assert pages[1] == pypdf_pages[1]
    assert "42.5" in pages[1] and "40.8" in pages[1]


def test_a_page_pypdf_cannot_read_keeps_pdfium_s_text(tmp_path, monkeypatch):
    path = _pdf(tmp_path / "plan.pdf", [[PROSE], TABLE])

    def broken(self, index):
        raise ValueError("an odd object")

    monkeypatch.setattr(pdf_text.PdfPages, "_pypdf_page", broken)
    pages, again = _read(path)
    assert again == {1: "table, kept: pypdf failed"}
    assert "42.5" in pages[1]


def test_an_invisible_text_layer_is_read_by_pypdf(tmp_path):
    path = _pdf(tmp_path / "scan.pdf", [[PROSE]], invisible=True)
    pages, again = _read(path)
    assert again == {0: "ocr"}
    assert "13.5%" in pages[0]


def test_a_lone_character_pdfium_cannot_map_sends_its_page_to_pypdf(tmp_path):
    # PDFium reads a string of one CJK character in a font that is not embedded as no text:
    # the wrapped header cell 2020 / 年 would lose its 年.
    path = _pdf(tmp_path / "plan.pdf", [[PROSE], ["序号", "指标", "2020", "年", "目标值"]])
    pages, again = _read(path)
    assert again == {1: "unmapped"}
    assert "2020\n年\n目标值" in pages[1]


@pytest.mark.parametrize(
    ("line", "is_header"),
    [
        ("序号 指标 2020 年", True),
        ("指标 单位 2015年 2020年 年均增 速 属性", True),
        ("项目名称 建设内容", True),
        ("到 2025 年，全省森林覆盖率达到 42.5%", False),
        ("序号 森林覆盖率", False),  # one heading word: a numbered line of prose
    ],
)
def test_table_headers_are_told_from_prose(line, is_header):
    assert pdf_text.is_table_header(line.split()) is is_header


def test_a_table_needs_two_rows_of_figures_alone():
    assert pdf_text.holds_table(
        "1 森林覆盖率（%） 42 42.5 约束性\n2 湿地保护率（%） ≤40.3 [40.8]\n"
    )
    # Figures inside sentences, or one row of them, are no table.
    assert not pdf_text.holds_table("到 2025 年，森林覆盖率 42.5%，湿地保护率 40.8%\n十四五 3 4\n")
    assert not pdf_text.holds_table("1 森林覆盖率（%） 42 42.5 约束性\n")


def test_a_page_ending_on_its_bare_number_ends_a_paragraph(tmp_path):
    path = _pdf(
        tmp_path / "plan.pdf",
        [["第一个利用外国政府贷款开展的改造项目，完", "13"], ["成了25个公共建筑的节能改造。"]],
    )
    pages, _ = _read(path)
    assert pages[0].endswith("13\n")
    assert "完\n13\n\n成了" in "\n".join(pages)


def test_the_reader_can_be_forced_to_pypdf(tmp_path, monkeypatch):
    path = _pdf(tmp_path / "plan.pdf", [[PROSE], TABLE])
    monkeypatch.setenv(pdf_text.READER_VARIABLE, "pypdf")
    assert pdf_text.chosen_reader() == "pypdf"
    pypdf_pages, _ = _read(path, "pypdf")
    assert read_document(path).text == "\n".join(pypdf_pages)
    assert pdf_text.reader_label().startswith("pypdf (pypdfium2 ")


def test_an_unknown_reader_is_each_pdf_s_one_line_error(tmp_path, monkeypatch):
    path = _pdf(tmp_path / "plan.pdf", [[PROSE]])
    monkeypatch.setenv(pdf_text.READER_VARIABLE, "mupdf")
    with pytest.raises(
        DocumentError, match="plan.pdf.*GREENMETRICS_PDF_READER='mupdf'.*pdfium, pypdf"
    ):
        read_document(path)


@pytest.mark.parametrize("reader", pdf_text.READERS)
def test_a_pdf_with_a_password_is_refused_by_either_reader(tmp_path, monkeypatch, reader):
    path = _pdf(tmp_path / "locked.pdf", [[PROSE]], encrypt="secret")
    monkeypatch.setenv(pdf_text.READER_VARIABLE, reader)
    with pytest.raises(DocumentError, match="locked.pdf: the PDF is encrypted with a password"):
        read_document(path)


def test_a_pdf_encrypted_without_a_user_password_is_read(tmp_path):
    from reportlab.lib.pdfencrypt import StandardEncryption

    encryption = StandardEncryption("", ownerPassword="owner", canPrint=1)
    path = _pdf(tmp_path / "owned.pdf", [[PROSE]], encrypt=encryption)
    assert "13.5%" in read_document(path).text


@pytest.mark.parametrize("reader", pdf_text.READERS)
def test_a_truncated_pdf_is_one_line_with_either_reader(tmp_path, monkeypatch, reader):
    raw = _pdf(tmp_path / "whole.pdf", [[PROSE]] * 3).read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(raw[: len(raw) // 3])
    monkeypatch.setenv(pdf_text.READER_VARIABLE, reader)
    with pytest.raises(DocumentError, match="cut.pdf: (cannot read the PDF|no extractable text)"):
        read_document(path)
