"""Numbers that belong to the layout of a document, not to what it says: the page number of a
contents line (第一节 实施二氧化碳排放达峰行动……22, 提升建筑节能能力 ........ 29, （二）打造…
桑干河   37), a page footer alone on its line (17, —16—) and a reference to a table, figure or
annex (见表1, 附表2, 见附件3). The extractor reads no target from them; the review says why
they were not reported."""

from __future__ import annotations

import re

_BLANK = " \t\u3000"
_LEADER_END_RE = re.compile(rf"(?:…|\.{{2,}}|·{{2,}}|．{{2,}}|-{{3,}}|_{{3,}}|—{{2,}})[{_BLANK}]*$")
# NOTE: a contents line without leader dots is a heading (no sentence punctuation, no other
# number) followed by blanks and its page number at the end of the line.
_HEADING_BEFORE_PAGE_RE = re.compile(rf"[^，。；：:,;！？!?0-9０-９%％]{{2,60}}?[{_BLANK}]+")
_VERB_END_RE = re.compile(rf"(?:到|至|为|于|达|是|超过|突破|约)[{_BLANK}]*$")
_FOOTER_MARK = "-—－–"
_REFERENCE_BEFORE_RE = re.compile(
    rf"(?:(?:见|详见|参见|如)[{_BLANK}]*附?|附)[{_BLANK}]*(?:表|图|件|录)[{_BLANK}]*$"
)
# NOTE: plans number the items of a paragraph (（1）…（2）…) inside its sentences: a number in
# brackets of its own is the item's, not a quantity.
_ENUMERATOR_RE = re.compile(r"[（(][0-9０-９]{1,2}[）)]")
_PAGE_RE = re.compile(r"[0-9０-９]{1,3}")
_NUMBER_RE = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")


def is_layout_mention(text: str, start: int, unit: str | None) -> bool:
    """True for a value read at text[start:] that is a page number (a bare number: no unit), a
    table reference (see `layout_number`) or the number of a list item (（3）创建80个)."""
    m = _NUMBER_RE.match(text, start)
    if m is None:
        return False
    if not unit and _ENUMERATOR_RE.match(text, max(0, start - 1)):
        return True
    kind = layout_number(text, m.start(), m.end())
    if kind == "contents" and in_contents_line(text, start):
        return True  # 建设10个示范园区········15: every number of a contents line
    return kind == "reference" or (kind is not None and not unit)


def layout_number(text: str, start: int, end: int) -> str | None:
    """What the number text[start:end] is when it belongs to the layout: "contents" (the page
    number of a contents line), "footer" (a page number alone on its line) or "reference" (见表1,
    附表2); None for a number the text states."""
    if _REFERENCE_BEFORE_RE.search(text, max(0, start - 8), start):
        return "reference"
    if in_contents_line(text, start):
        return "contents"
    if not _PAGE_RE.fullmatch(text, start, end):
        return None
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before, after = text[line_start:start], text[end:line_end]
    if after.strip(_BLANK + _FOOTER_MARK):
        return None  # the line goes on: not a page number
    if not before.strip(_BLANK + _FOOTER_MARK):
        return "footer"
    if _LEADER_END_RE.search(before):
        return "contents"
    if _HEADING_BEFORE_PAGE_RE.fullmatch(before) and not _VERB_END_RE.search(before):
        return "contents"
    return None


# NOTE: a contents line in any layout: its leaders (……, ........, ·······, . . . ., ————) run to
# the line's end or to its page number (22, 1 2, －3－); a heading in it may state a number
# (（一）到2025年森林覆盖率达到30%………12), which is the section's title, not a target.
_MARKS = re.escape(_BLANK + _FOOTER_MARK)
_CONTENTS_LINE_END_RE = re.compile(
    rf"(?:…{{2,}}|\.{{3,}}|·{{3,}}|．{{3,}}|(?:\.[{_BLANK}]){{3,}}|—{{3,}}|_{{4,}}|-{{4,}})"
    rf"[{_MARKS}]*(?:[0-9０-９](?:[{_BLANK}]?[0-9０-９]){{0,2}})?[{_MARKS}]*$"
)


def in_contents_line(text: str, pos: int) -> bool:
    """True when text[pos] lies on a contents line (see the note above)."""
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    line_start = text.rfind("\n", 0, pos) + 1
    return line_end - line_start <= 160 and bool(
        _CONTENTS_LINE_END_RE.search(text, line_start, line_end)
    )
