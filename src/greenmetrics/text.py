"""Normalization that keeps offsets: the text the extractor matches on, mapped back.

`normalize` gives the text the extractor matches on (ASCII digits, no stray spaces, hard
wrapped lines joined) together with, for every normalized character, the index of the
original character it came from, so that every extracted quote and span traces back to the
decoded document (`NormalizedText.span_to_original`).

Why a module of its own: both the extractor and metadata detection match on normalized text,
and the offset bookkeeping is delicate enough to deserve its own tests. Its one dependency is
OpenCC, for plans written in traditional characters (達到, 萬畝, 佔比): they are matched in
simplified characters while quotes stay as written.
"""

from __future__ import annotations

import bisect
import operator
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache


def _build_char_map() -> dict[int, str]:
    table: dict[int, str] = {}
    for i in range(10):
        table[0xFF10 + i] = str(i)
    for i in range(26):
        table[0xFF21 + i] = chr(0x41 + i)
        table[0xFF41 + i] = chr(0x61 + i)
    # NOTE: only the full-width forms that carry quantities or formulas become ASCII (as
    # NFKC would). （）、，。；：“”！？ stay: the extractor splits clauses on them.
    for fw, ascii_ in zip("％﹪＋－／＝＜＞＆＠＃＊＄＾＿", "%%+-/=<>&@#*$^_", strict=True):
        table[ord(fw)] = ascii_
    for space in "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000":
        table[ord(space)] = " "
    for line_break in "\r\x0b\x0c\x85\u2028\u2029":
        table[ord(line_break)] = "\n"
    return table


_CHAR_MAP = _build_char_map()
# NOTE: str.translate looks up every character of a CJK text in the dict (slow); a regex
# finds the few characters that change and replaces them one for one (same length).
_CHAR_MAP_RE = re.compile("[" + "".join(re.escape(chr(k)) for k in sorted(_CHAR_MAP)) + "]")


def _map_chars(s: str) -> str:
    return _CHAR_MAP_RE.sub(lambda m: _CHAR_MAP[ord(m.group())], s)


# A text counts as traditional when this share of its CJK characters changes under OpenCC's
# t2s; simplified text changes almost nowhere (著 -> 着 at most), traditional text in 1 of 5.
_TRADITIONAL_SHARE = 0.02


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def simplified(s: str) -> str:
    """`s` in simplified characters when it is written in traditional ones, else `s` itself.
    Always one character for one, so every offset still points at the same character. Whether
    a text is traditional is judged on its first 20,000 characters."""
    sample = s[:20_000]
    converter = _t2s()
    converted = converter.convert(sample)
    if converted == sample:
        return s  # the common case, settled without counting characters one by one
    cjk = len(_CJK_RE.findall(sample))
    if not cjk:
        return s
    changed = sum(map(operator.ne, sample, converted))
    if changed <= _TRADITIONAL_SHARE * cjk:
        return s
    out = converter.convert(s)
    if len(out) != len(s):  # a phrase rule changed the length: convert one by one instead
        out = "".join(
            c if len(c) == 1 else ch for ch, c in zip(s, map(converter.convert, s), strict=True)
        )
    return out


_CJK_RE = re.compile("[\u4e00-\u9fff]")

# Dropped outright: zero-width characters, soft hyphen, and the \r of \r\n.
_DROP_RE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]|\r(?=\n)")
_SPACE_RUN_RE = re.compile(" +")
# Some text layers set Chinese text with ASCII punctuation (执行.推进, 结合实际,制定): after a
# Chinese character these are the Chinese marks the sentence splitter reads.
_CJK_PUNCT = {".": "。", ",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}
_ASCII_PUNCT_IN_CJK_RE = re.compile(
    r"(?<=[\u4e00-\u9fff）》”])[.,;:!?](?=[\u4e00-\u9fff“《（ \n]|$)"
)
# NOTE: PDFs set in 方正 fonts map the full-width point to a private-use code point (U+1001B0
# in many provincial plans: ６􀆰７１万亩); between digits, any private-use character of planes
# 15-16 is that lost decimal point.
_FW_DOT_RE = re.compile("(?<=[0-9])[．\U000f0000-\U0010fffd](?=[0-9])")
# NOTE: plans write ranges as 5～10、5〜10、2020—2025、2020——2025; all become "5-10".
_RANGE_RE = re.compile("(?<=[0-9])( *)(——|[～〜~—–‒―-])( *)(?=[0-9])")
_TERMINAL = "。！？；：!?;:"
_CLOSERS = "”’」』）)》】〕]\"' "
# NOTE: the heading markers of Chinese plans: 一、 （一） (1) 1. 1、 第一章 第二节 ① 附件 专栏.
_HEADING_RE = re.compile(
    r"(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百0-9]+[）)]"
    # NOTE: "1 总则" is a heading; "2025 年", "360 公里" and "4 兆瓦" (a PDF's spaced digits
    # after a page break) are not.
    r"|[0-9]+(?:[.．、](?![0-9])|\s+(?![0-9年月日号%‰万亿千百兆个吨亩家座项处公米元倍度台辆套户]))"
    r"|第[一二三四五六七八九十百0-9]+[章节条部分篇款]"
    r"|[①-⑳]|附件|附表|专栏)"
)
# What may follow a line that ends in a digit when the break splits a number from itself or
# from its unit ("8\n0%", "12\n万亩", "2025\n年").
_NUMBER_CONT_RE = re.compile("[0-9.%‰万亿千百个年月日吨亩公平立兆辆家座项处户人元倍米克度台套条所]")
# A line that ends in one of these stops mid-phrase: a preposition or conjunction waiting for
# its object (力争到\n2025年, 98%和\n95%以上) or a comma. No sentence ends there.
_OPEN_LINE_ENDS = "到至于在和及与、，,"
_DATE_START_RE = re.compile(r"(?:[0-9]{4}|[〇○零一二三四五六七八九]{4}) *年")
# A line that is one bracketed note: （定政发〔2021〕48号）, （此件公开发布）.
_BRACKETED_LINE_RE = re.compile(r"[（(][^（()）]*[）)]")
_WRAP_MIN_LINE = 12  # lines shorter than this are headings, signatures, cells: not wrap evidence
_WRAP_MIN_LINES = 6
_PARAGRAPH_INDENT = 4  # two full-width characters, in half-width units


def _char_class(ch: str) -> str:
    """'d' digit, 'p' percent, 'l' ASCII letter, 'c' CJK (with CJK punctuation), 'o' other."""
    if "0" <= ch <= "9":
        return "d"
    if ch in "%‰":
        return "p"
    if ch.isascii():
        return "l" if ch.isalpha() else "o"
    o = ord(ch)
    if (
        0x2E80 <= o <= 0x9FFF
        or 0xF900 <= o <= 0xFAFF
        or 0xFE30 <= o <= 0xFE4F
        or 0xFF00 <= o <= 0xFFEF
        or 0x20000 <= o <= 0x3FFFF
        or ch in "“”‘’—…·"
    ):
        return "c"
    return "o"


def _space_removable(prev: str, nxt: str) -> bool:
    """True when spaces between `prev` and `nxt` carry no meaning in Chinese text."""
    a, b = _char_class(prev), _char_class(nxt)
    # NOTE: Chinese has no word spaces; spaces around CJK are layout (justified PDFs, 达到 90 %,
    # 吨 ／ 天). Between two digits a space may separate two numbers (table rows): kept.
    return (
        (a == "c" and b in "cdlp")
        or (b == "c" and a in "cdlp")
        or (a == "d" and b == "p")
        or ("/" in (prev, nxt) and "c" in (a, b))
        # NOTE: 县 (市、区): a bracket beside Chinese is set without a space
        or (a == "c" and nxt in "()")
        or (b == "c" and prev in "()")
    )


# NOTE: some PDF text layers space out every character, digits too: 电 力 装机 达 到 1 . 3
# 亿千瓦, 9 0 %, 2 97 克标准煤/千瓦时. A blank beside a decimal point between digits is such a
# space in any text; a blank between digit groups is one only on a letter-spaced line (most of
# its Chinese characters a blank apart) and beside a lone digit: two numbers of a table's row
# (30.2 31, 2020 2025) stay apart.
_SPACED_LINE_SHARE = 0.3
_SPACED_CJK_RE = re.compile("[\u4e00-\u9fff](?= [\u4e00-\u9fff])")


def _letter_spaced_line(s: str, pos: int, cache: dict[int, bool]) -> bool:
    start = s.rfind("\n", 0, pos) + 1
    if start not in cache:
        end = s.find("\n", pos)
        line = s[start : len(s) if end < 0 else end]
        cjk = len(_CJK_RE.findall(line))
        cache[start] = cjk >= 4 and len(_SPACED_CJK_RE.findall(line)) >= _SPACED_LINE_SHARE * cjk
    return cache[start]


def _inside_spaced_number(s: str, a: int, b: int, cache: dict[int, bool]) -> bool:
    """True when the blanks s[a:b] (not at a line's ends) lie inside one number (see the note
    above)."""
    prev, nxt = s[a - 1], s[b]
    if prev == "." or nxt == ".":
        # 1 . 3 on any line; 1. 3 or 1 .3 only on a letter-spaced line (3. 2025年 is a sentence)
        dot = a - 1 if prev == "." else b
        left = _skip_blanks(s, dot - 1, -1)
        right = _skip_blanks(s, dot + 1, 1)
        if not (left >= 0 and right < len(s) and s[left].isdigit() and s[right].isdigit()):
            return False
        both = left < dot - 1 and right > dot + 1
        return both or _letter_spaced_line(s, a, cache)
    if not (prev.isdigit() and nxt.isdigit() and b - a == 1):
        return False
    lone = not s[a - 2 : a - 1].isdigit() or not s[b + 1 : b + 2].isdigit()
    return lone and _letter_spaced_line(s, a, cache)


def _skip_blanks(s: str, i: int, step: int) -> int:
    """The index of the first character from i on (going by step) that is no blank; at most
    two blanks are skipped."""
    for _ in range(2):
        if 0 <= i < len(s) and s[i] == " ":
            i += step
    return i


def _display_width(line: str) -> int:
    """Width of a line in half-width units: CJK and full-width characters 2, ASCII 1."""
    return 2 * len(line) - len(line.encode("ascii", "ignore"))


def _wrap_width(lines: list[str]) -> int | None:
    """Detect hard-wrapped text; return the least display width of a full line, or None.

    Heuristic: text wrapped at a fixed width (PDF extraction, e-mail) has most of its lines
    at nearly one display width (measured with ASCII as half-width, as typeset; a tolerance
    of 1/20 absorbs punctuation squeezed by typesetting), and most of those lines end
    mid-sentence without 。！？；：. Text with one sentence or paragraph per line has widths
    spread over a wide range (no shipped plan has more than 15% of its lines in any band).
    The text counts as wrapped when at least 6 lines of 12+ characters exist, at least half
    of them fall in one band and at least 60% of those end open.
    """
    widths = [
        _display_width(s) for s in (line.strip(" ") for line in lines) if len(s) >= _WRAP_MIN_LINE
    ]
    if len(widths) < _WRAP_MIN_LINES:
        return None
    counts = Counter(widths)
    # the lines in a band are counted by bisecting the sorted widths, not by going over every
    # width for every width (a long text has hundreds of them)
    ordered = sorted(widths)
    best: tuple[int, int, int] | None = None  # (lines in band, width, tolerance)
    for width in counts:
        tol = max(2, width // 20)
        band = bisect_right(ordered, width + tol) - bisect_left(ordered, width - tol)
        if best is None or (band, width) > best[:2]:
            best = (band, width, tol)
    assert best is not None
    band, width, tol = best
    if band < 0.5 * len(widths):
        return None
    in_band = [
        s
        for s in (line.strip(" ") for line in lines)
        if len(s) >= _WRAP_MIN_LINE and width - tol <= _display_width(s) <= width + tol
    ]
    open_ended = sum(1 for s in in_band if s.rstrip(_CLOSERS)[-1:] not in _TERMINAL)
    if open_ended < 0.6 * len(in_band):
        return None
    # NOTE: a line a little short of the width is still full when typesetting pushed a
    # character to the next line (避头尾: no line may start with ，。、).
    return width - 2 * tol


_FULL_LINE_RE = re.compile(rf"^ *[^\n ][^\n]{{{_WRAP_MIN_LINE - 1},}}$", re.M)
_OPEN_LINE_RE = re.compile(rf"^ *[^\n ][^\n]{{{_WRAP_MIN_LINE - 2},}}[^\n {_TERMINAL}] *$", re.M)


def _wrap_bands(lines: list[str], skip: set[int]) -> list[tuple[int, int]] | None:
    """For a document that joins texts hard-wrapped at different widths (a notice at one width,
    its attachments at another): (line index, least width of a full line) for each line whose
    width is in a band, in order (see _band_at); else None. Lines in `skip` are not text.

    NOTE: _wrap_width asks one band to hold half the lines; a notice and its attachments each
    hold a band of their own and neither holds half. Here two or three bands, each holding a
    fifth of the lines and mostly open-ended, together half."""
    # bands mostly open-ended that hold half the lines: at least 3 lines in 10 end open (counted
    # by regex: the common text, one paragraph a line, leaves here without a loop in Python)
    text = "\n".join(lines)
    if len(_OPEN_LINE_RE.findall(text)) < 0.3 * len(_FULL_LINE_RE.findall(text)):
        return None
    full = [
        (i, _display_width(s))
        for i, s in enumerate(line.strip(" ") for line in lines)
        if len(s) >= _WRAP_MIN_LINE and i not in skip
    ]
    if len(full) < 2 * _WRAP_MIN_LINES:
        return None
    counts = Counter(w for _, w in full)
    owner: dict[int, int] = {}
    taken: set[int] = set()
    for _ in range(3):
        best = max(
            (
                (sum(c for n, c in counts.items() if n not in taken and abs(n - w) <= tol), w, tol)
                for w in counts
                if w not in taken
                for tol in (max(2, w // 20),)
            ),
            default=None,
        )
        if best is None or best[0] < 0.2 * len(full):
            break
        _, width, tol = best
        members = [i for i, w in full if w not in taken and abs(w - width) <= tol]
        taken.update(n for n in counts if abs(n - width) <= tol)
        ends = [lines[i].strip(" ").rstrip(_CLOSERS)[-1:] for i in members]
        if sum(1 for e in ends if e not in _TERMINAL) >= 0.6 * len(members):
            owner.update((i, width - 2 * tol) for i in members)
    if len(set(owner.values())) < 2 or len(owner) < 0.5 * len(full):
        return None
    return sorted(owner.items())


def _band_at(bands: list[tuple[int, int]], i: int) -> int:
    """The band of line i: that of the nearest line in a band (the part of the document it
    sits in)."""
    k = bisect.bisect_left(bands, (i, -1))
    near = [bands[j] for j in (k - 1, k) if 0 <= j < len(bands)]
    return min(near, key=lambda point: abs(point[0] - i))[1]


# Page furniture of a PDF's text layer: page numbers on a line of their own (- 3 -, — 5 —,
# －１２－, 第3页, 第3页 共12页, 3/12) and the three-line form of some typesetters (—\n１\n—).
_PAGE_NUMBER_RE = re.compile(
    r" *(?:[-—–―‒]+ *[0-9]{1,4} *[-—–―‒]+|第 *[0-9]{1,4} *页(?: *[,，]? *共 *[0-9]{1,4} *页)?"
    r"|[0-9]{1,4} */ *[0-9]{1,4}) *"
)
_DASHES_RE = re.compile(r" *[-—–―‒]+ *")
_PAGE_DIGITS_RE = re.compile(r" *[0-9]{1,4} *")


def _layout_lines(lines: list[str]) -> set[int]:
    """Indices of the lines that are page furniture, not text: page numbers, and running headers
    or footers (a short line that recurs next to page numbers: 龙岩市人民政府文件)."""
    layout: set[int] = set()
    for i, line in enumerate(lines):
        if _PAGE_NUMBER_RE.fullmatch(line):
            layout.add(i)
        elif (
            _DASHES_RE.fullmatch(line)
            and i + 2 < len(lines)
            and _PAGE_DIGITS_RE.fullmatch(lines[i + 1])
            and _DASHES_RE.fullmatch(lines[i + 2])
        ):
            layout.update((i, i + 1, i + 2))
    if not layout:
        return layout
    near = {j for i in layout for j in (i - 2, i - 1, i + 1, i + 2) if 0 <= j < len(lines)}
    near_page_number = Counter(lines[j].strip() for j in near - layout)
    everywhere = Counter(line.strip() for line in lines)
    for i, line in enumerate(lines):
        key = line.strip()
        if (
            i not in layout
            and 4 <= len(key) <= 40
            and near_page_number[key] >= 2
            and everywhere[key] == near_page_number[key]
            and key[-1] not in _TERMINAL + "，、,"
        ):
            layout.add(i)
    return layout


def _line_joins(s: str, mask: bytearray, replacements: dict[int, str]) -> None:
    """Drop page furniture and mark the line breaks of `s` that do not end a sentence (see
    _wrap_width and _layout_lines); a sentence runs on across a page break."""
    lines = s.split("\n")
    if len(lines) < 2:
        return
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    layout = _layout_lines(lines)
    for i in layout:
        # The line and the break after it go (the break before it for the last line).
        a, b = starts[i], starts[i] + len(lines[i]) + 1
        if i == len(lines) - 1:
            a, b = max(0, a - 1), b - 1
        mask[a:b] = b"\x01" * (b - a)
    kept = [i for i in range(len(lines)) if i not in layout]
    band = _wrap_width([lines[i] for i in kept])
    bands = _wrap_bands(lines, layout) if band is None else None
    continued = False  # the line before the current one ran on into it
    for a, b in zip(kept, kept[1:], strict=False):
        line = lines[a]
        newline_at = starts[a] + len(line)
        head = line.rstrip(" ")
        tail = lines[b].lstrip(" ")
        was_continued, continued = continued, False
        if not head or not tail or _HEADING_RE.match(tail):
            continue
        last = head[-1]
        join = False
        band = _band_at(bands, a) if bands else band
        if (last.isdigit() or last == ".") and _NUMBER_CONT_RE.match(tail):
            # NOTE: a break inside a number is never a sentence end; but a bare number on its
            # own line is a table cell (docx/html tables give one cell per line), so the line
            # must hold text too. In text known to be wrapped, a short line ends where its
            # writer broke it: digits on both sides are then two numbers, not one.
            body = head.strip(" ")
            join = len(body) >= 3 and any(_char_class(ch) in "cl" for ch in body)
            if join and tail[0] in "0123456789" and band is not None:
                join = _display_width(body) >= band
        elif last in _OPEN_LINE_ENDS and _char_class(tail[0]) in "cdl":
            join = True
        elif band is not None:
            body = head.strip(" ")
            end = body.rstrip(_CLOSERS)
            # NOTE: some text layers end Chinese sentences with an ASCII full stop (执行.)
            open_end = end[-1:] not in _TERMINAL and not (
                end[-1:] == "." and _char_class(end[-2:-1]) == "c"
            )
            # NOTE: a short fragment that a sentence ran into and that ends open is still that
            # sentence (无害化\n处置\n率达到100%: some PDFs set a word or two on a line alone);
            # a date line or a bracketed note after it stands on its own.
            # NOTE: a paragraph's first line is set two characters in; a text layer that
            # dropped the indent leaves it that much short of the width (到 2025 年，…、水\n泥).
            indent = 0 if was_continued else _PARAGRAPH_INDENT
            join = open_end and (
                _display_width(body) >= band - indent
                or (
                    was_continued
                    and not _DATE_START_RE.match(tail)
                    and not _BRACKETED_LINE_RE.fullmatch(tail.rstrip(" "))
                )
            )
        if not join:
            continue
        continued = True
        if (
            _char_class(last) in "ld"
            and _char_class(tail[0]) in "ld"
            and not (last.isdigit() and tail[0] in "0123456789.%‰")
        ):
            replacements[newline_at] = " "  # two Latin words: the break was a word space
        else:
            mask[newline_at] = 1


def _delete(s: str, mask: bytearray) -> tuple[str, list[int]]:
    """`s` without the masked characters, and the index in `s` of each character kept."""
    pieces: list[str] = []
    index: list[int] = []
    prev = 0
    for m in re.finditer(b"\x01+", mask):
        a, b = m.span()
        pieces.append(s[prev:a])
        index.extend(range(prev, a))
        prev = b
    pieces.append(s[prev:])
    index.extend(range(prev, len(s)))
    return "".join(pieces), index


@dataclass(frozen=True)
class NormalizedText:
    """Text for pattern matching plus, per character, the original index it came from."""

    text: str
    offsets: list[int]  # len(text)+1 ints; offsets[-1] == len(original)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original [s, e) covering exactly the normalized characters [start, end).

        s is the source of the first character and e one past the source of the last, so
        the original slice also holds whatever normalization dropped in between (spaces,
        a joined line break). An empty span maps to an empty span at its position.
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span [{start}, {end}) outside normalized text of {len(self.text)}")
        if start == end:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


# What the passes of `normalize` may drop or change, before the conversion to simplified
# characters and after it: a text with none of them (most cells, quotes and names) is its own
# normalized text, settled by two searches instead of every pass.
_CHANGED_BEFORE_SIMPLIFIED_RE = re.compile(f"{_DROP_RE.pattern}|{_CHAR_MAP_RE.pattern}")
_CHANGED_AFTER_SIMPLIFIED_RE = re.compile(
    "[" + re.escape("\n ．.,;:!?～〜~—–‒―-") + "\U000f0000-\U0010fffd]"
)


def normalize(text: str) -> NormalizedText:
    """The text the extractor matches on, with a map back to `text` (see module rules).

    Full-width digits, letters and ％＋－／ become ASCII; ．between digits becomes "."; range
    dashes between digits become "-"; zero-width characters and soft hyphens go; odd spaces
    and tabs become spaces; traditional characters become simplified ones (`simplified`); ASCII
    punctuation after a Chinese character becomes the Chinese mark (执行.推进 -> 执行。推进);
    spaces around CJK (达到 90 % -> 达到90%) and at line ends go, other runs collapse to one; \\r\\n and \\r become \\n; line breaks stay sentence
    boundaries except inside a number and in hard-wrapped text (see `_wrap_width`).
    CJK punctuation is never touched. A few regex passes; Python code runs per changed
    character, per space run and per line, never per character of the text.
    """
    if not _CHANGED_BEFORE_SIMPLIFIED_RE.search(text):
        s, first_index = simplified(text), None
        if not _CHANGED_AFTER_SIMPLIFIED_RE.search(s):
            return NormalizedText(s, list(range(len(text) + 1)))  # nothing else to change
    else:
        dropped = [m.span() for m in _DROP_RE.finditer(text)]
        if dropped:
            mask0 = bytearray(len(text))
            for a, b in dropped:
                mask0[a:b] = b"\x01" * (b - a)
            s, first_index = _delete(text, mask0)
        else:
            s, first_index = text, None
        s = simplified(_map_chars(s))

    mask = bytearray(len(s))
    replacements: dict[int, str] = {}
    for m in _FW_DOT_RE.finditer(s):
        replacements[m.start()] = "."
    for m in _ASCII_PUNCT_IN_CJK_RE.finditer(s):
        replacements[m.start()] = _CJK_PUNCT[m.group()]
    spaced_lines: dict[int, bool] = {}
    for m in _SPACE_RUN_RE.finditer(s):
        a, b = m.span()
        prev = s[a - 1] if a else "\n"
        nxt = s[b] if b < len(s) else "\n"
        if (
            prev == "\n"
            or nxt == "\n"
            or _space_removable(prev, nxt)
            or _inside_spaced_number(s, a, b, spaced_lines)
        ):
            mask[a:b] = b"\x01" * (b - a)
        elif b - a > 1:
            mask[a + 1 : b] = b"\x01" * (b - a - 1)
    for m in _RANGE_RE.finditer(s):
        a, b = m.span(1)
        mask[a:b] = b"\x01" * (b - a)
        a, b = m.span(2)
        replacements[a] = "-"
        mask[a + 1 : b] = b"\x01" * (b - a - 1)
        a, b = m.span(3)
        mask[a:b] = b"\x01" * (b - a)
    if "\n" in s:
        _line_joins(s, mask, replacements)

    if replacements:
        parts: list[str] = []
        prev_pos = 0
        for pos in sorted(replacements):
            parts.append(s[prev_pos:pos])
            parts.append(replacements[pos])
            prev_pos = pos + 1
        parts.append(s[prev_pos:])
        s = "".join(parts)
    out, index = _delete(s, mask) if mask.find(1) >= 0 else (s, list(range(len(s))))
    offsets = index if first_index is None else [first_index[i] for i in index]
    offsets.append(len(text))
    return NormalizedText(out, offsets)
