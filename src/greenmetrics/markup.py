"""Text of marked-up plans: an HTML page's article and a .docx body, one block per line.

`article_text` picks the article out of a parsed HTML page; `docx_lines` reads a .docx body in
order (its tables, the text boxes Word anchors in paragraphs); `package_problem` vets a .docx
package before it is opened, by what it expands to. A table row is one line, its cells joined
by `TABLE_CELL_SEP`, each merged cell read once.

Why a module of its own: the trees of HTML and WordprocessingML are where a hostile file does
its harm (nesting without end, text written twice, a zip that expands a thousandfold); keeping
their walks apart from decoding bytes (`readers`) lets each be bounded and tested alone.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator

# A table row is one line of the decoded text, its cells joined by a tab, so that the
# extractor reads a row as a row (greenmetrics.extract.indicator_tables) and its offsets stay
# exact. Whitespace inside a cell (its paragraphs, line breaks) becomes one space.
TABLE_CELL_SEP = "\t"
_CELL_SPACE_RE = re.compile(r"\s+")


def cell_text(text: str) -> str:
    """A table cell's text on one line: its runs of whitespace (paragraphs too) one space."""
    return _CELL_SPACE_RE.sub(" ", text).strip()


# ---------------------------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------------------------

_HTML_DROP_TAGS = (
    "script",
    "style",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "noscript",
    "iframe",
    "template",
    "svg",
    "button",
    "select",
    "head",
)
# Elements whose content is raw text, never shown (read where a page is flattened).
_HTML_RAW_TEXT = ("script", "style", "template", "noscript", "textarea", "title")
_HTML_CLUTTER_RE = re.compile(r"nav|menu|breadcrumb|footer|header|sidebar|share", re.I)
# NOTE: TRS_Editor and zoom are the body containers of the CMS most Chinese government sites
# run (TRS WCM); "content"/"article" cover the rest.
_HTML_MAIN_RE = re.compile(r"content|article|trs_editor|zoom", re.I)
_HTML_BLOCKS = (
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "table",
    "tr",
    "td",
    "th",
    "caption",
    "blockquote",
    "pre",
    "dl",
    "dt",
    "dd",
    "figure",
    "figcaption",
    "address",
    "hr",
    "center",
)
_HTML_SPACE_RE = re.compile(r"[ \t\r\n\f]+")
_EDGE_SPACE_RE = re.compile(r"^[^\S\t]+|[^\S\t]+$")
# NOTE: libxml2 refuses documents nested deeper than 256 elements unless told otherwise; no
# real page comes near it. Below this depth a page is read as plain text, one line per block:
# the walks that pick the article out cost time in proportion to the depth of each element, so
# an unbounded depth (a 50,000-deep hostile page) would make them quadratic.
HTML_MAX_DEPTH = 256


def _html_attr_text(tag) -> str:
    classes = tag.get("class") or []
    if isinstance(classes, str):
        classes = [classes]
    return " ".join([*classes, tag.get("id") or ""])


def _html_main_score(tag) -> int:
    text = len("".join(tag.get_text().split()))
    links = sum(len("".join(a.get_text().split())) for a in tag.find_all("a"))
    return text - links


def _deepest_elements(soup, limit: int) -> tuple[int, list]:
    """(the nesting depth of the page, its elements at depth `limit`), in one walk of an
    explicit stack, so that no depth can exhaust Python's recursion."""
    from bs4 import Tag

    deepest, at_limit = 0, []
    stack = [(soup, 0)]
    while stack:
        tag, depth = stack.pop()
        deepest = max(deepest, depth)
        if depth == limit:
            at_limit.append(tag)
        for child in tag.contents:
            if isinstance(child, Tag):
                stack.append((child, depth + 1))
    return deepest, at_limit


def _flatten(soup, tag) -> None:
    """Replace `tag` by its text, a line break where each block element began, in one pass
    over its descendants however deep they nest. The text is whitespace-collapsed here and
    held in a <pre>, so that the later passes leave it as it is."""
    from bs4 import CData, NavigableString, Tag

    pieces = []
    for node in tag.descendants:
        if isinstance(node, Tag):
            if node.name in _HTML_BLOCKS or node.name == "br":
                pieces.append("\n")
        elif type(node) in (NavigableString, CData) and node.parent.name not in _HTML_RAW_TEXT:
            pieces.append(_HTML_SPACE_RE.sub(" ", node))
    flat = soup.new_tag("pre")
    flat.string = "".join(pieces)
    tag.replace_with(flat)


def _bounded_depth(soup) -> str | None:
    """Flatten what lies deeper than HTML_MAX_DEPTH; a note saying so, or None."""
    depth, too_deep = _deepest_elements(soup, HTML_MAX_DEPTH)
    if depth <= HTML_MAX_DEPTH:
        return None
    for tag in too_deep:
        _flatten(soup, tag)
    return (
        f"HTML elements nested {depth:,} deep, over the limit of {HTML_MAX_DEPTH}: what lies "
        "deeper was read as plain text, one line per block (check the page)"
    )


_ENTER, _EXIT, _ENTER_CELL, _EXIT_CELL, _EXIT_ROW = range(5)


def _container_text(container) -> str:
    """The text of the article's container: whitespace collapsed outside <pre>, a line break
    for <br> and around each block element, a table row per line (its cells' text joined by
    TABLE_CELL_SEP; a table nested in a cell is text of that cell).

    One walk with an explicit stack and without changing the tree: bs4 finds an element's
    place among its siblings by a scan, so editing the tree element by element costs time in
    the square of a wide page's length (20,000 paragraphs in one div: minutes)."""
    from bs4 import CData, NavigableString, Tag

    # Pieces of the text; a cell collects its own, joined when it closes (as get_text(" ")).
    buffers: list[list[str]] = [[]]
    rows: list[list[str]] = []
    in_pre = int(container.name == "pre" or container.find_parent("pre") is not None)
    open_tables = 0
    stack: list = [(_ENTER, child) for child in reversed(container.contents)]
    while stack:
        event, node = stack.pop()
        if event == _EXIT:
            in_pre -= node.name == "pre"
            open_tables -= node.name == "table"
            if node.name in _HTML_BLOCKS:
                buffers[-1].append("\n")
            continue
        if event == _EXIT_CELL:
            rows[-1].append(cell_text(" ".join(buffers.pop())))
            continue
        if event == _EXIT_ROW:
            buffers[-1].append("\n" + TABLE_CELL_SEP.join(rows.pop()) + "\n")
            continue
        if not isinstance(node, Tag):
            if type(node) in (NavigableString, CData):
                buffers[-1].append(node if in_pre else _HTML_SPACE_RE.sub(" ", node))
            continue
        if event == _ENTER_CELL:
            buffers.append([])
            stack.append((_EXIT_CELL, node))
        elif node.name == "br":
            buffers[-1].append("\n")
            continue
        elif node.name == "tr" and open_tables:
            # A row is its cells only: what stands between them is no text of the table.
            rows.append([])
            stack.append((_EXIT_ROW, node))
            cells = [c for c in node.contents if isinstance(c, Tag) and c.name in ("td", "th")]
            stack.extend((_ENTER_CELL, cell) for cell in reversed(cells))
            continue
        else:
            in_pre += node.name == "pre"
            open_tables += node.name == "table"
            if node.name in _HTML_BLOCKS:
                buffers[-1].append("\n")
            stack.append((_EXIT, node))
        stack.extend((_ENTER, child) for child in reversed(node.contents))
    return "".join(buffers[0])


def article_text(markup: str) -> tuple[str, list[str]]:
    """The article text of an HTML page, one block element per line, and notes on damage
    met (a page nested too deep)."""
    from bs4 import BeautifulSoup, Comment

    soup = BeautifulSoup(markup, "lxml")
    notes = [note] if (note := _bounded_depth(soup)) else []
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(_HTML_DROP_TAGS):
        # NOTE: Tag.decomposed searches the whole subtree of a live tag for an element named
        # "_decomposed" (bs4 4.13+); a decomposed tag is told by the empty name bs4 gives it.
        if tag.name:
            tag.decompose()
    for tag in soup.find_all(True):
        if not tag.name or tag.name in ("html", "body"):
            continue
        if _HTML_CLUTTER_RE.search(_html_attr_text(tag)) and not tag.find(
            lambda t: t.name in ("article", "main") or _HTML_MAIN_RE.search(_html_attr_text(t))
        ):
            tag.decompose()
    candidates = [
        tag
        for tag in soup.find_all(True)
        if tag.name in ("article", "main") or _HTML_MAIN_RE.search(_html_attr_text(tag))
    ]
    scored = [(score, tag) for tag in candidates if (score := _html_main_score(tag)) > 0]
    # max() keeps the first of equal scores: the outermost container, title included.
    container = max(scored, key=lambda st: st[0])[1] if scored else (soup.body or soup)
    # NOTE: tabs are collapsed with the other whitespace, so the only ones left separate table
    # cells; they stay even at the ends of a row (an empty first cell keeps the columns).
    lines = (_EDGE_SPACE_RE.sub("", line) for line in _container_text(container).split("\n"))
    return "\n".join(line for line in lines if line.strip()), notes


# ---------------------------------------------------------------------------------------------
# .docx
# ---------------------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# NOTE: Word writes every part of its packages stored or deflated; zipfile caps what these
# expand to at the size each part declares, but not the other methods (one bzip2 read may
# expand a thousandfold), so a package using them is no Word file and is refused.
_DOCX_COMPRESSIONS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)


def package_problem(raw: bytes, max_bytes: int) -> str | None:
    """Why a .docx package must not be opened (its parts expand to more than `max_bytes`, or
    use a compression Word never writes), or None. Reads the zip's directory only."""
    with zipfile.ZipFile(io.BytesIO(raw)) as package:
        parts = package.infolist()
    expanded = sum(part.file_size for part in parts)
    if expanded > max_bytes:
        return (
            f"the .docx expands to {expanded / 1e6:,.0f} MB, over the limit of "
            f"{max_bytes / 1e6:,.0f} MB per plan (GREENMETRICS_MAX_MB): a zip bomb or a "
            f"document of pictures; {len(raw) / 1e6:,.1f} MB on disk"
        )
    odd = sorted({part.filename for part in parts if part.compress_type not in _DOCX_COMPRESSIONS})
    if odd:
        return f"not a Word package: {odd[0]} is compressed in a way Word never writes"
    return None


def _blocks(element, parent) -> Iterator:
    """The paragraphs and tables of a body, cell or text box in order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in element:
        if child.tag == _W + "p":
            yield Paragraph(child, parent)
        elif child.tag == _W + "tbl":
            yield Table(child, parent)


def _read_once(box, paragraph) -> bool:
    """False for a text box that another copy of the same box stands for: Word writes a box
    twice in mc:AlternateContent (mc:Choice as DrawingML, mc:Fallback as VML), and a box inside
    another box is read with the outer one."""
    for ancestor in box.iterancestors():
        if ancestor is paragraph:
            return True
        if ancestor.tag == _W + "txbxContent":
            return False
        if ancestor.tag == _MC + "Fallback":
            alternate = ancestor.getparent()
            choices = alternate.iterchildren(_MC + "Choice") if alternate is not None else ()
            if any(next(c.iter(_W + "txbxContent"), None) is not None for c in choices):
                return False
    return True


def _row_cells(row) -> list[str]:
    """The cells of a table row, each merged cell once: a horizontal merge (gridSpan) is read
    in its first grid column and a vertical one (vMerge) in the row where it starts; empty
    cells where the merge goes on (but at the end of a row) keep the rows' columns in place."""
    cells = []
    last = len(row._tr.tc_lst) - 1
    for i, tc in enumerate(row._tr.tc_lst):
        # NOTE: python-docx's row.cells gives a merged cell once per grid column it spans
        # and once per row, so the w:tc elements are read instead.
        merged_above = tc.vMerge == "continue"
        lines = () if merged_above else _block_lines(tc, row)
        cells.append(cell_text(" ".join(lines)))
        if i < last:  # a title merged across the whole row stays one cell
            cells.extend([""] * ((tc.grid_span or 1) - 1))
    return cells


def _block_lines(element, parent) -> Iterator[str]:
    from docx.table import Table

    for item in _blocks(element, parent):
        if isinstance(item, Table):
            for row in item.rows:
                cells = _row_cells(row)
                if any(cells):
                    yield TABLE_CELL_SEP.join(cells)
        else:
            yield item.text
            for box in item._p.iter(_W + "txbxContent"):
                if _read_once(box, item._p):
                    yield from _block_lines(box, item)


def docx_lines(document) -> Iterator[str]:
    """Paragraph texts of a python-docx Document in body order, a table row per line (its
    cells joined by TABLE_CELL_SEP; a table nested in a cell is text of that cell); the text
    boxes anchored in a paragraph follow it, a line per paragraph of theirs."""
    return _block_lines(document.element.body, document)
