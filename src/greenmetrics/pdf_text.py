"""A PDF's text layer, page by page: PDFium reads every page, pypdf reads again only the pages
whose PDFium text cannot be trusted.

PDFium (pypdfium2) reads the text layers of the shipped plans about thirteen times faster than
pypdf, and lays a page out as it is printed (pypdf adds spaces inside letter-spaced lines and
reads some page numbers backwards). But it loses text in three kinds of page, which
`distrusted_page` finds from PDFium's own view of the page, before any text is used:

* an OCR layer over a scan (text drawn invisibly, render mode 3, or in a font made for OCR):
  PDFium drops brackets, digits and commas of such layers, pypdf keeps them;
* characters PDFium could not map to Unicode (replacement marks, or a text object of no text
  in a font the PDF does not embed: PDFium drops a lone CJK character in such a font);
* a table of figures: PDFium orders a table by the lines it sees, so a header cell that wraps
  is set on lines of its own apart from its row, and two cells that nearly touch are joined
  into one number (`1966.03 2075` becomes `1966.032075`); pypdf writes each cell as it was
  drawn, which is what the extractor's table rules read.

`GREENMETRICS_PDF_READER=pypdf` reads every page with pypdf (the reader before PDFium, for a
comparison or a PDF that PDFium reads wrong); the default is `pdfium`.

The check and its measurements (pages read again, rows that differ from pypdf's and why):
docs/decisions.md.

Why a module of its own: the choice of reader and the check of each page are about PDF text
layers alone; `readers` keeps the limits and the errors of every format.
"""

from __future__ import annotations

import ctypes
import io
import logging
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

READER_VARIABLE = "GREENMETRICS_PDF_READER"
READERS = ("pdfium", "pypdf")


class PasswordProtected(Exception):
    """The PDF cannot be opened without a password."""


def chosen_reader() -> str:
    """The reader `GREENMETRICS_PDF_READER` names (default `pdfium`); an unknown name is an error
    that says which names there are."""
    name = os.environ.get(READER_VARIABLE, "pdfium").strip().lower() or "pdfium"
    if name not in READERS:
        raise ValueError(
            f"{READER_VARIABLE}={name!r}: the PDF reader is one of {', '.join(READERS)}"
        )
    return name


def reader_label() -> str:
    """What reads PDFs in this environment, for the per-document cache key: the reader asked
    for (as set, even a wrong name: reading then says why) and the versions of both libraries,
    since a page may fall back to pypdf."""
    from importlib import metadata

    versions = []
    for name in ("pypdfium2", "pypdf"):
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} missing")
    asked = os.environ.get(READER_VARIABLE, "pdfium").strip().lower() or "pdfium"
    return f"{asked} ({', '.join(versions)})"


# NOTE: PDFium writes U+FFFD where a glyph has no Unicode value, and marks a hyphen it took for
# a word break at a line end with U+FFFE or U+0002: either way the characters are not the ones
# printed, and pypdf's decoding of the font's own map is the better reading.
_UNMAPPED_RE = re.compile("[\ufffd\ufffe\x02]")
# Fonts that OCR programs write their invisible text layer in.
_OCR_FONT_RE = re.compile(r"GlyphLess|OCR", re.IGNORECASE)
# The last line of a page that is a bare number: its page number (13), which unlike —１３— the
# extractor cannot tell from a figure of the sentence that runs on to the next page.
_FOOTER_RE = re.compile(r"\n[ \t]*[0-9０-９]{1,4}[ \t]*\Z")
# One cell of figures: a number with its comparator, unit sign or brackets ([８], ≤１.５, 42.5%,
# 5.72%), full-width or not, with the private-use decimal point of 方正 fonts.
_FIGURE_CELL_RE = re.compile(
    r"[\[［(（]?[-+≤≥<>＜＞~～]?[0-9０-９][0-9０-９.．,，%％‰\U000f0000-\U0010fffd]*[\]］)）%％‰]?"
)
# NOTE: the words that head the columns of a table in Chinese plans (序号 指标 单位 2020年 属性,
# 项目名称 建设内容); a line of short cells, two of them such words or years, is a table's
# header, which PDFium sets on lines of its own when a cell wraps (a header at a page's foot
# leaves the rows on the next page without their columns).
_HEADER_CELL_RE = re.compile(
    r"(?:.{0,6}(?:序号|指标|名称|单位|属性|内容|类别|备注|目标值?)|(?:19|20)\d\d年?)"
)
HEADER_CELL_CHARS = 8
# Marks that end a clause: a line with one is a sentence, not a row of figures.
_CLAUSE_MARK_RE = re.compile(r"[，。；：;]|,(?![0-9])")
# A table row holds this many cells of figures, and a table this many rows: a sentence states
# its numbers with words between them, a contents line holds one page number.
TABLE_ROW_FIGURES = 2
TABLE_ROWS = 2


@dataclass
class PdfPages:
    """An open PDF: its page count and, one page at a time, its text. Close it (`open_pdf`)."""

    reader: str
    document: object  # a pypdfium2 PdfDocument, or a pypdf PdfReader for reader "pypdf"
    raw: bytes
    fallback: object = None  # the pypdf reader, opened at the first page that needs it
    pages_read_again: dict[int, str] = field(default_factory=dict)  # page index -> why

    @property
    def page_count(self) -> int:
        if self.reader == "pypdf":
            return len(self.document.pages)
        return len(self.document)

    def texts(self) -> Iterator[str]:
        """Each page's text in order, lines ended by \\n."""
        for index in range(self.page_count):
            yield self.page_text(index)

    def page_text(self, index: int) -> str:
        if self.reader == "pypdf":
            return self.document.pages[index].extract_text() or ""
        page = self.document[index]
        try:
            text, why = pdfium_page_text(page)
        finally:
            page.close()
        if why is None:
            return text
        self.pages_read_again[index] = why
        try:
            return self._pypdf_page(index)
        except Exception:  # noqa: BLE001 - pypdf raises many kinds on odd objects
            # PDFium's doubtful text is still better than losing a plan it could read.
            self.pages_read_again[index] = f"{why}, kept: pypdf failed"
            return text

    def _pypdf_page(self, index: int) -> str:
        if self.fallback is None:
            from pypdf import PdfReader

            self.fallback = PdfReader(io.BytesIO(self.raw))
            if self.fallback.is_encrypted:
                self.fallback.decrypt("")
        return self.fallback.pages[index].extract_text() or ""


def pdfium_page_text(page) -> tuple[str, str | None]:
    """PDFium's text of `page` (a pypdfium2 page) and, when it cannot be trusted, why not
    (`distrusted_page`); the text page is closed before returning."""
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        why = distrusted_page(page, textpage, text)
    finally:
        textpage.close()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _FOOTER_RE.search(text):
        # NOTE: a page that ends on its bare page number ends a paragraph: joined to the next
        # page's first line, the number would be read into the sentence that runs on (完13成了).
        text += "\n"
    return text, why


def holds_table(text: str) -> bool:
    """True when `text` (a page) holds a table: a header line (`is_table_header`), or
    TABLE_ROWS lines or more without a clause mark, each with TABLE_ROW_FIGURES cells or more
    that are figures alone, set apart by blanks."""
    rows = 0
    for line in text.splitlines():
        cells = line.split()
        if is_table_header(cells):
            return True
        if _CLAUSE_MARK_RE.search(line):
            continue  # a sentence, whose figures stand between words
        figures = sum(1 for cell in cells if _FIGURE_CELL_RE.fullmatch(cell))
        if figures >= TABLE_ROW_FIGURES:
            rows += 1
            if rows >= TABLE_ROWS:
                return True
    return False


def is_table_header(cells: list[str]) -> bool:
    """True when the cells of a line (split at blanks) are a table's column headings: all
    short, two or more of them heading words or years (序号 指标 2020 年, 项目名称 建设内容)."""
    if len(cells) < 2 or any(len(cell) > HEADER_CELL_CHARS for cell in cells):
        return False
    return sum(1 for cell in cells if _HEADER_CELL_RE.fullmatch(cell)) >= 2


def distrusted_page(page, textpage, text: str) -> str | None:
    """Why PDFium's `text` of `page` cannot be trusted, or None when it can: `unmapped` (glyphs
    without a Unicode value: replacement marks, or a text object PDFium reads as no text at
    all), `table` (a table of figures, whose cells PDFium reorders and joins) or `ocr` (an OCR
    layer: invisible text or an OCR font, whose brackets and digits PDFium drops)."""
    import pypdfium2.raw as pdfium_c

    if _UNMAPPED_RE.search(text) or "\x00" in text:
        return "unmapped"
    if holds_table(text):
        return "table"
    fonts: dict[int, tuple[bool, bool]] = {}  # font handle -> (named for OCR, embedded)
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT], max_depth=3):
        if (
            pdfium_c.FPDFTextObj_GetTextRenderMode(obj.raw)
            == pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE
        ):
            return "ocr"
        font = pdfium_c.FPDFTextObj_GetFont(obj.raw)
        key = ctypes.cast(font, ctypes.c_void_p).value or 0
        if key not in fonts:
            fonts[key] = (
                bool(_OCR_FONT_RE.search(_font_name(font))),
                bool(font) and bool(pdfium_c.FPDFFont_GetIsEmbedded(font)),
            )
        is_ocr_font, embedded = fonts[key]
        if is_ocr_font:
            return "ocr"
        # NOTE: PDFium reads a string of one CJK character in a font the PDF does not embed
        # (STSong-Light through a UCS-2 CMap: a cell 年, a unit 万) as no text at all, and
        # leaves it out of the page. The size asked for holds the text and its terminating
        # NUL (2 bytes in UTF-16), so 2 is an object of no text.
        if not embedded and pdfium_c.FPDFTextObj_GetText(obj.raw, textpage, None, 0) <= 2:
            return "unmapped"
    return None


def _font_name(font) -> str:
    import pypdfium2.raw as pdfium_c

    if not font:
        return ""
    size = pdfium_c.FPDFFont_GetBaseFontName(font, None, 0)
    if size <= 1:
        return ""
    buffer = ctypes.create_string_buffer(size)
    pdfium_c.FPDFFont_GetBaseFontName(font, buffer, size)
    return buffer.value.decode("utf-8", "replace")


@contextmanager
def open_pdf(raw: bytes, reader: str | None = None) -> Iterator[PdfPages]:
    """The PDF `raw`, open for reading with `reader` (default: `chosen_reader()`), closed on
    leaving. Raises PasswordProtected for a PDF that needs a password, and the reader's own
    exception for a damaged file (the caller turns both into one line)."""
    reader = reader or chosen_reader()
    if reader == "pypdf":
        logger = logging.getLogger("pypdf")
        level = logger.level
        logger.setLevel(logging.ERROR)  # pypdf warns on every odd object; our error is enough
        try:
            from pypdf import PdfReader

            document = PdfReader(io.BytesIO(raw))
            if document.is_encrypted and not document.decrypt(""):
                raise PasswordProtected()
            yield PdfPages(reader, document, raw)
        finally:
            logger.setLevel(level)
        return
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        document = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise PasswordProtected() from exc
        raise
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield PdfPages(reader, document, raw)
    finally:
        logger.setLevel(level)
        document.close()
