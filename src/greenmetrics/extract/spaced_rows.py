"""Table rows that a PDF's text layer gives as one line, cells apart by blanks.

Some text layers (pdfminer-like readers, most provincial 五年规划 PDFs) print a table row as
one line: `4.非化石能源消费比重（%） 7.6 13 左右 预期性`, a header as `指标 2020 年 2025 年
指标属性`. The blank is then the column gap, but it is also what a justified or letter-spaced
text layer puts inside a cell (`13 左右`, `2020 年`, `较 2020 年降低`, `二　级　指　标`). This
module cuts such a line into its cells, so that the one-cell-per-line table reader reads it
(`indicator_tables`): blanks are column gaps except where the pieces they part are one cell:
a number and the word that bounds it (左右, 以上), a year and its 年, a year inside a name
(较 2020 年降低), and name pieces of a letter-spaced cell. A cell of the 属性 column printed
before the indicator (约束性 森林覆盖率 ...) is moved to the row's end, where the header has it.
"""

from __future__ import annotations

import re

from .table_cells import (
    binding_code,
    cell_label,
    is_header_cell,
    is_unit,
    names_indicator_column,
    read_value,
    split_unit,
)
from .vocabulary import Vocabulary

_PIECE_RE = re.compile(r"[^ \t\u3000\u00a0]+")
# Words that bound the number before them (13 左右, 85 以上): part of the value's cell.
_BOUND_WORDS = ("左右", "以上", "以下", "以内", "及以上", "及以下")
_YEAR_RE = re.compile(r"^(?:19|20|１９|２０)[0-9０-９]{2}$")
_SERIAL_RE = re.compile(r"^(?:[0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})[、.．]?$")
_SECTION_RE = re.compile(r"^[（(][一二三四五六七八九十]+[)）]|^[一二三四五六七八九十]+、")
# A name that ends in its unit (森林覆盖率（%）) is whole: the number after it is a value.
_UNIT_BRACKET_ENDS = ("）", ")", "]", "】")
# A name that starts with its row number (16．低碳示范试点数量) starts a cell of its own.
_NUMBERED_NAME_RE = re.compile(r"^[0-9０-９]{1,3}[．.、][\u4e00-\u9fff]")
_CAPITALS_RE = re.compile(r"^[A-ZＡ-ＺⅠ-Ⅻ]{1,3}$")
_COMPARED_RE = re.compile(r"(?:较|比|相比|相对于?)$")
_CJK_OR_LATIN_RE = re.compile(r"[\u4e00-\u9fffA-Za-zＡ-Ｚａ-ｚ]")


def is_binding_cell(piece: str) -> bool:
    """约束性 / 预期性 (a cell of the 属性 column), not a name that contains the word."""
    return binding_code(piece) is not None and len(piece) <= 4


def _kind(piece: str, vocabulary: Vocabulary, first: bool) -> str:
    """binding, value, unit, header, serial, section or name: what one blank-free piece is
    (a serial number only at the head of its line)."""
    if is_binding_cell(piece):
        return "binding"
    if first and _SERIAL_RE.match(piece):
        return "serial"
    if not isinstance(read_value(piece, vocabulary), str):
        return "value"
    if _CAPITALS_RE.match(piece):
        return "name"  # 劣 V 类水体: a grade or an abbreviation inside a name
    label = cell_label(piece)
    if (
        is_unit(label, vocabulary)
        or is_unit(split_unit(label, vocabulary)[1], vocabulary)
        and (split_unit(label, vocabulary)[0] == "")
    ):
        return "unit"
    if is_header_cell(split_unit(label, vocabulary)[0]):
        return "header"
    if _SECTION_RE.match(piece):
        return "section"
    return "name" if _CJK_OR_LATIN_RE.search(piece) else "other"


def line_cells(text: str, start: int, end: int, vocabulary: Vocabulary) -> list[tuple[int, int]]:
    """The cells of the line text[start:end] as spans into `text`, in the header's order."""
    pieces = [(m.start(), m.end()) for m in _PIECE_RE.finditer(text, start, end)]
    cells: list[list[int]] = []  # [start, end, kind index]
    kinds: list[str] = []
    for index, (s, e) in enumerate(pieces):
        piece = text[s:e]
        kind = _kind(piece, vocabulary, not cells)
        prev = text[cells[-1][0] : cells[-1][1]] if cells else ""
        prev_kind = kinds[-1] if kinds else ""
        glue = False
        if prev_kind == "value" and piece in _BOUND_WORDS:
            glue = True  # 13 左右
        elif prev_kind == "value" and _YEAR_RE.match(prev) and piece.startswith("年"):
            # 2020 年（基准值） | 2025 年目标: the year and its role word head a value column,
            # unless the name before compares with the year (较 2020 年降低)
            before = text[cells[-2][0] : cells[-2][1]] if len(cells) > 1 else ""
            heads_column = not _COMPARED_RE.search(before) and is_header_cell(
                split_unit(cell_label(prev + piece), vocabulary)[0]
            )
            if piece != "年" and not heads_column and len(cells) > 1 and kinds[-2] == "name":
                # 较 | 2020 | 年降低: a year inside the name before it
                cells.pop()
                kinds.pop()
                cells[-1][1] = e
                continue
            glue = True  # 2020 年: a header's year column
            kind = "header" if piece == "年" or heads_column else "name"
        elif (
            prev_kind == "name"
            and kind == "value"
            and not prev.endswith(_UNIT_BRACKET_ENDS)
            and index + 1 < len(pieces)
            and _kind(text[slice(*pieces[index + 1])], vocabulary, False) == "name"
        ):
            glue = True  # 城区常住人口 300 万以上城市…: a number inside a name
            kind = "name"
        elif prev_kind == "name" and kind == "name" and not _NUMBERED_NAME_RE.match(piece):
            glue = True  # a letter-spaced name: 全省地表水劣 V 类水体比例
        if glue and cells:
            cells[-1][1] = e
            kinds[-1] = kind if kind in ("name", "header") else prev_kind
        else:
            cells.append([s, e])
            kinds.append(kind)
    spans = [(s, e) for s, e in cells]
    if len(spans) > 2 and kinds[0] == "binding" and "binding" not in kinds[1:]:
        spans = spans[1:] + spans[:1]  # 属性 printed first: the header has it last
    return spans


def looks_like_row_line(text: str, start: int, end: int, vocabulary: Vocabulary) -> bool:
    """True for a line of at least three cells, one of them a column word (指标, 属性, 2025年):
    a table header printed on one line."""
    # Cheap test first (this runs on every line naming an indicator column, most of them
    # prose): pieces are only ever glued into fewer cells, so under three pieces is no row.
    if len(_PIECE_RE.findall(text, start, end)) < 3:
        return False
    cells = line_cells(text, start, end, vocabulary)
    if len(cells) < 3:
        return False
    labels = [split_unit(cell_label(text[s:e]), vocabulary)[0] for s, e in cells]
    return (
        any(names_indicator_column(label) for label in labels[:3])
        and sum(1 for label in labels if is_header_cell(label)) >= 3
    )
