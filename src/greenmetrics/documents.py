"""Reading plans: files -> decoded text, normalized text with a map back, manifest, metadata.

Four jobs, each for the extractor and the CLI:

* `read_document` turns a plan file (.txt/.md/.html/.docx/.pdf) into a `Document` whose
  `text` is the decoded original: the extractor's offsets index into it, so nothing but the
  byte-order mark is removed from .txt/.md. Every failure is one `DocumentError` line naming
  the file and the problem, never a library traceback.
* `normalize` gives the text the extractor matches on (ASCII digits, no stray spaces, hard
  wrapped lines joined) together with, for every normalized character, the index of the
  original character it came from.
* `load_manifest` reads data/raw/documents.csv: fatal problems raise, per-row problems are
  returned so that one bad row does not stop the other plans.
* `detect_metadata` guesses the metadata of a plan that is not in the manifest from the
  conventions of Chinese official documents (文号, 落款, 标题).
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import logging
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from . import paths as project_paths
from .errors import DocumentError, InputError, ManifestError

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
_FORMATS = {
    ".txt": "txt",
    ".md": "md",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}
# Files that sit beside the plans but are not plans.
_NOT_PLANS = {project_paths.MANIFEST_NAME.lower(), project_paths.OVERRIDES_NAME.lower()}


@dataclass(frozen=True)
class Document:
    """One plan as read from disk."""

    doc_id: str  # file stem
    path: Path
    text: str  # decoded original characters (BOM stripped); extractor offsets index into it
    format: str  # "txt" | "md" | "html" | "docx" | "pdf"
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", "gb18030", ... ("docx"/"pdf" for those)
    sha256: str  # of the raw bytes


# ---------------------------------------------------------------------------------------------
# Finding plan files
# ---------------------------------------------------------------------------------------------


def _is_hidden(path: Path) -> bool:
    # NOTE: "~$plan.docx" is the lock file Word leaves beside an open document.
    return path.name.startswith((".", "~$"))


def iter_plan_files(paths: Iterable[Path]) -> list[Path]:
    """The plan files named by `paths` (files, or folders whose files are taken), sorted.

    A folder contributes its own files with a supported suffix (not its subfolders), leaving
    out the manifest, the overrides file and hidden files. A file named explicitly is kept
    even with an unsupported suffix, so that reading it reports the problem for that file
    instead of silently skipping what the user asked for. Each file appears once. Raises
    InputError for a path that does not exist, before any work is done.
    """
    found: dict[Path, Path] = {}
    for raw_path in paths:
        path = Path(raw_path)
        if not path.exists():
            raise InputError(path, "no such file or folder")
        if path.is_dir():
            candidates = [
                child
                for child in path.iterdir()
                if child.is_file() and child.suffix.lower() in SUPPORTED_SUFFIXES
            ]
        else:
            candidates = [path]
        for child in candidates:
            if _is_hidden(child) or child.name.lower() in _NOT_PLANS:
                continue
            found.setdefault(child.resolve(), child)
    return sorted(found.values())


# ---------------------------------------------------------------------------------------------
# Decoding bytes
# ---------------------------------------------------------------------------------------------

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Signatures of binary files that users rename by mistake.
_MAGIC = (
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a zip package (.docx/.xlsx?)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Office file (.doc/.xls)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
)
# C0 controls other than \t \n \v \f \r, and DEL: text never holds many of these.
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_BINARY_CONTROL_SHARE = 0.01
# Characters a decoded plan plausibly holds: ASCII, Latin, general punctuation, symbols, CJK
# (with punctuation, extensions, compatibility and full-width forms). Anything else in bulk
# means the bytes were decoded with the wrong codec.
_IMPLAUSIBLE_RE = re.compile(
    "[^\t\n\r\x0b\x0c\x20-\x7e\u00a0-\u024f\u0370-\u04ff\u2000-\u27ff\u2e80-\u9fff"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f]"
)
_CJK_RE = re.compile("[\u4e00-\u9fff]")
# NOTE: the ~500 most frequent Chinese characters. Real Chinese prose (policy text included)
# draws roughly half its characters from them; text mis-decoded as GB18030 (Big5 or
# Shift-JIS bytes read as GBK) draws far fewer, because it is a random walk over the table.
_COMMON_HANZI = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能"
    "下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量"
    "都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各"
    "重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代"
    "想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接"
    "知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北"
    "造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打"
    "白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今"
    "集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近"
    "矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写"
    "存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听"
    "该铁价严龙飞环境污染排放能源绿循碳态推健全施励鼓综障促"
)
_COMMON_RE = re.compile("[" + "".join(sorted(set(_COMMON_HANZI))) + "]")
_GBK_FAMILY = {"gb2312", "gbk", "gb18030", "cp936", "ms936", "euc-cn", "x-gbk", "hz-gb-2312"}


class _DecodeProblem(Exception):
    """Why a byte string is not decodable text (turned into DocumentError by the caller)."""


def _control_share(text: str) -> float:
    return len(_CONTROL_RE.findall(text)) / max(len(text), 1)


def _plausible(text: str) -> bool:
    """True when `text` looks like correctly decoded text (used to vet guessed codecs)."""
    if not text or "\x00" in text or _control_share(text) > _BINARY_CONTROL_SHARE:
        return False
    if len(_IMPLAUSIBLE_RE.findall(text)) > 0.02 * len(text):
        return False
    n_cjk = len(_CJK_RE.findall(text))
    return n_cjk < 20 or len(_COMMON_RE.findall(text)) >= 0.25 * n_cjk


def _magic(raw: bytes) -> str | None:
    for signature, kind in _MAGIC:
        if raw.startswith(signature):
            return kind
    return None


def _utf16_without_bom(raw: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM, told by where the zero bytes fall (ASCII chars give 00 halves)."""
    if len(raw) % 2:
        return None
    even, odd = raw[0::2].count(0), raw[1::2].count(0)
    if odd > 3 * even:
        codec = "utf-16-le"
    elif even > 3 * odd:
        codec = "utf-16-be"
    else:
        return None
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError:
        return None
    return (text, codec) if _plausible(text) else None


def _charset_normalizer(raw: bytes) -> tuple[str, str] | None:
    """charset-normalizer's best guess, or None when it has none we believe."""
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        return None
    codec = best.encoding.replace("_", "-").lower()
    if codec in _GBK_FAMILY:
        # NOTE: GB2312 and GBK are subsets of GB18030; decode with the superset so that
        # characters outside GB2312 (names of places, 〇) never fail.
        codec = "gb18030"
    try:
        text = raw.decode(codec)
    except (UnicodeDecodeError, LookupError):
        text = str(best)
    if text.startswith("\ufeff"):
        text = text[1:]
    return (text, codec) if _plausible(text) else None


def decode_bytes(raw: bytes) -> tuple[str, str]:
    """Decode a text file's bytes by detection; return (text without BOM, encoding name).

    Order: byte-order mark; binary signatures and NUL bytes (UTF-16 without BOM is tried
    before calling them binary); strict UTF-8; strict GB18030 when the result reads as
    Chinese; charset-normalizer's guess; finally GB18030 even without looking Chinese.
    Raises _DecodeProblem with a one-line reason when none of these gives plausible text.
    """
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec), codec
            except UnicodeDecodeError as exc:
                raise _DecodeProblem(
                    f"starts with a {codec} byte-order mark but is not valid {codec} "
                    f"(bad bytes at offset {exc.start})"
                ) from exc
    kind = _magic(raw)
    if kind:
        raise _DecodeProblem(f"binary content: this looks like {kind}, not text")
    if b"\x00" in raw:
        guess = _utf16_without_bom(raw) or _charset_normalizer(raw)
        if guess:
            return guess
        raise _DecodeProblem("binary content (NUL bytes), not a text file")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        gb_text: str | None = raw.decode("gb18030")
    except UnicodeDecodeError:
        gb_text = None
    if gb_text is not None and _plausible(gb_text):
        return gb_text, "gb18030"
    guess = _charset_normalizer(raw)
    if guess:
        return guess
    if gb_text is not None and _control_share(gb_text) <= _BINARY_CONTROL_SHARE:
        return gb_text, "gb18030"
    if _control_share(raw.decode("latin-1")) > _BINARY_CONTROL_SHARE:
        raise _DecodeProblem("binary content (control bytes), not a text file")
    raise _DecodeProblem(
        "cannot decode the text: not UTF-8, UTF-16 or GB18030/GBK, and no other encoding "
        "fits; save it as UTF-8"
    )


def _check_text(path: Path, text: str) -> None:
    if "\x00" in text or _control_share(text) > _BINARY_CONTROL_SHARE:
        raise DocumentError(path, "binary content (control characters), not a text file")


# ---------------------------------------------------------------------------------------------
# Reading each format
# ---------------------------------------------------------------------------------------------


def _brief(exc: BaseException) -> str:
    message = " ".join(str(exc).split())
    if len(message) > 120:
        message = message[:117] + "..."
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def _read_plain(path: Path, raw: bytes) -> tuple[str, str]:
    try:
        text, encoding = decode_bytes(raw)
    except _DecodeProblem as exc:
        raise DocumentError(path, str(exc)) from None
    _check_text(path, text)
    return text, encoding


_META_CHARSET_RE = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I
)
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


def _decode_html(path: Path, raw: bytes) -> tuple[str, str]:
    """Decode HTML: BOM, then valid UTF-8, then the declared meta charset, then detection."""
    if any(raw.startswith(bom) for bom, _ in _BOMS):
        return _read_plain(path, raw)
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # NOTE: a page that is valid UTF-8 is UTF-8 whatever its meta says (CMS templates often
    # keep a stale charset=gb2312); only non-UTF-8 bytes are decoded as declared.
    declared = _META_CHARSET_RE.search(raw[:8192])
    if declared:
        name = declared.group(1).decode("ascii", "replace").lower()
        codec = "gb18030" if name in _GBK_FAMILY else name
        try:
            codec = codecs.lookup(codec).name
            return raw.decode(codec), codec
        except (LookupError, UnicodeDecodeError):
            pass  # wrong or unknown declaration: fall back to detection
    return _read_plain(path, raw)


def _html_attr_text(tag) -> str:
    classes = tag.get("class") or []
    if isinstance(classes, str):
        classes = [classes]
    return " ".join([*classes, tag.get("id") or ""])


def _html_main_score(tag) -> int:
    text = len("".join(tag.get_text().split()))
    links = sum(len("".join(a.get_text().split())) for a in tag.find_all("a"))
    return text - links


def _html_text(raw_text: str) -> str:
    """The article text of an HTML page, one block element per line."""
    from bs4 import BeautifulSoup, Comment

    soup = BeautifulSoup(raw_text, "lxml")
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(_HTML_DROP_TAGS):
        if not tag.decomposed:
            tag.decompose()
    for tag in soup.find_all(True):
        if tag.decomposed or tag.name in ("html", "body"):
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
    for string in container.find_all(string=True):
        if string.find_parent("pre") is None:
            collapsed = _HTML_SPACE_RE.sub(" ", string)
            if collapsed != string:
                string.replace_with(collapsed)
    for br in container.find_all("br"):
        br.replace_with("\n")
    for block in container.find_all(_HTML_BLOCKS):
        block.insert_before("\n")
        block.insert_after("\n")
    lines = (line.strip() for line in container.get_text().split("\n"))
    return "\n".join(line for line in lines if line)


def _read_html(path: Path, raw: bytes) -> tuple[str, str]:
    text, encoding = _decode_html(path, raw)
    _check_text(path, text)
    try:
        return _html_text(text), encoding
    except Exception as exc:  # lxml/bs4 internals: report, never a traceback
        raise DocumentError(path, f"cannot parse the HTML: {_brief(exc)}") from exc


def _docx_lines(container) -> Iterable[str]:
    """Paragraph texts of a document or table cell in body order, tables cell by cell."""
    from docx.table import Table

    for item in container.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                seen: set[int] = set()
                for cell in row.cells:
                    # NOTE: a merged cell is returned once per grid column it spans.
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    yield from _docx_lines(cell)
        else:
            yield item.text


def _read_docx(path: Path, raw: bytes) -> tuple[str, str]:
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise DocumentError(
            path,
            "an old Word 97-2003 .doc file with a .docx name; open it in Word and save as .docx",
        )
    if not raw.startswith(b"PK"):
        raise DocumentError(path, "not a .docx file (it is not a zip package)")
    try:
        import docx

        document = docx.Document(io.BytesIO(raw))
        lines = list(_docx_lines(document))
    except Exception as exc:  # zipfile, KeyError, lxml and python-docx errors alike
        raise DocumentError(
            path, f"cannot read the .docx (truncated or corrupt?): {_brief(exc)}"
        ) from exc
    return "\n".join(lines), "docx"


def _read_pdf(path: Path, raw: bytes) -> tuple[str, str]:
    if b"%PDF-" not in raw[:1024]:
        raise DocumentError(path, "not a PDF file (no %PDF- header)")
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)  # pypdf warns on every odd object; our error is enough
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(path, "the PDF is encrypted with a password")
        pages = [page.extract_text() or "" for page in reader.pages]
    except DocumentError:
        raise
    except Exception as exc:  # pypdf raises many kinds on truncated or corrupt files
        raise DocumentError(
            path, f"cannot read the PDF (truncated or corrupt?): {_brief(exc)}"
        ) from exc
    finally:
        logger.setLevel(level)
    text = "\n".join(pages)
    if not text.strip():
        raise DocumentError(
            path,
            f"no extractable text in the PDF ({len(pages)} page(s)): a scanned plan needs OCR first",
        )
    return text, "pdf"


def read_document(path: Path) -> Document:
    """Read one plan file into a Document (text decoded, format and encoding recorded).

    Raises DocumentError naming the file and the problem: unsupported suffix, unreadable,
    empty or whitespace-only, binary content under a text suffix, undecodable, truncated or
    corrupt .docx/.pdf, PDF without extractable text.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    fmt = _FORMATS.get(suffix)
    if fmt is None:
        raise DocumentError(
            path,
            f"unsupported file type {suffix or '(no suffix)'}; plans must be one of "
            + ", ".join(SUPPORTED_SUFFIXES),
        )
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DocumentError(path, "no such file") from None
    except IsADirectoryError:
        raise DocumentError(path, "is a folder, not a file") from None
    except OSError as exc:
        raise DocumentError(path, f"cannot read the file: {exc.strerror or _brief(exc)}") from None
    if not raw:
        raise DocumentError(path, "empty file (0 bytes)")
    if fmt in ("txt", "md"):
        text, encoding = _read_plain(path, raw)
    elif fmt == "html":
        text, encoding = _read_html(path, raw)
    elif fmt == "docx":
        text, encoding = _read_docx(path, raw)
    else:
        text, encoding = _read_pdf(path, raw)
    if not text.strip():
        raise DocumentError(path, "empty: the file holds no text, only whitespace")
    return Document(
        doc_id=path.stem,
        path=path,
        text=text,
        format=fmt,
        encoding=encoding,
        sha256=hashlib.sha256(raw).hexdigest(),
    )


# ---------------------------------------------------------------------------------------------
# Normalization with a map back to the original
# ---------------------------------------------------------------------------------------------


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


# Dropped outright: zero-width characters, soft hyphen, and the \r of \r\n.
_DROP_RE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]|\r(?=\n)")
_SPACE_RUN_RE = re.compile(" +")
_FW_DOT_RE = re.compile("(?<=[0-9])．(?=[0-9])")
# NOTE: plans write ranges as 5～10、5〜10、2020—2025、2020——2025; all become "5-10".
_RANGE_RE = re.compile("(?<=[0-9])( *)(——|[～〜~—–‒―-])( *)(?=[0-9])")
_TERMINAL = "。！？；：!?;:"
_CLOSERS = "”’」』）)》】〕]\"' "
# NOTE: the heading markers of Chinese plans: 一、 （一） (1) 1. 1、 第一章 第二节 ① 附件 专栏.
_HEADING_RE = re.compile(
    r"(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百0-9]+[）)]"
    r"|[0-9]+(?:[.．、](?![0-9])|\s)|第[一二三四五六七八九十百0-9]+[章节条部分篇款]"
    r"|[①-⑳]|附件|附表|专栏)"
)
# What may follow a line that ends in a digit when the break splits a number from itself or
# from its unit ("8\n0%", "12\n万亩", "2025\n年").
_NUMBER_CONT_RE = re.compile("[0-9.%‰万亿千百个年月日吨亩公平立兆辆家座项处户人元倍米克度台套条所]")
_WRAP_MIN_LINE = 12  # lines shorter than this are headings, signatures, cells: not wrap evidence
_WRAP_MIN_LINES = 6


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
    # NOTE: Chinese has no word spaces; spaces around CJK are layout (justified PDFs, 达到 90 %).
    # Between two digits a space may separate two numbers (table rows), so it is kept.
    return (a == "c" and b in "cdlp") or (b == "c" and a in "cdlp") or (a == "d" and b == "p")


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
    best: tuple[int, int, int] | None = None  # (lines in band, width, tolerance)
    for width in counts:
        tol = max(2, width // 20)
        band = sum(c for n, c in counts.items() if width - tol <= n <= width + tol)
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


def _line_joins(s: str, mask: bytearray, replacements: dict[int, str]) -> None:
    """Mark the line breaks of `s` that do not end a sentence (see _wrap_width)."""
    lines = s.split("\n")
    if len(lines) < 2:
        return
    band = _wrap_width(lines)
    pos = 0
    for i in range(len(lines) - 1):
        line = lines[i]
        newline_at = pos + len(line)
        pos = newline_at + 1
        head = line.rstrip(" ")
        tail = lines[i + 1].lstrip(" ")
        if not head or not tail or _HEADING_RE.match(tail):
            continue
        last = head[-1]
        join = False
        if (last.isdigit() or last == ".") and _NUMBER_CONT_RE.match(tail):
            # NOTE: a break inside a number is never a sentence end; but a bare number on its
            # own line is a table cell (docx/html tables give one cell per line), so the line
            # must hold text too.
            body = head.strip(" ")
            join = len(body) >= 3 and any(_char_class(ch) in "cl" for ch in body)
        elif band is not None:
            body = head.strip(" ")
            join = _display_width(body) >= band and body.rstrip(_CLOSERS)[-1:] not in _TERMINAL
        if not join:
            continue
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


def normalize(text: str) -> NormalizedText:
    """The text the extractor matches on, with a map back to `text` (see module rules).

    Full-width digits, letters and ％＋－／ become ASCII; ．between digits becomes "."; range
    dashes between digits become "-"; zero-width characters and soft hyphens go; odd spaces
    and tabs become spaces, spaces around CJK (达到 90 % -> 达到90%) and at line ends go,
    other runs collapse to one; \\r\\n and \\r become \\n; line breaks stay sentence
    boundaries except inside a number and in hard-wrapped text (see `_wrap_width`).
    CJK punctuation is never touched. A few regex passes; Python code runs per changed
    character, per space run and per line, never per character of the text.
    """
    dropped = [m.span() for m in _DROP_RE.finditer(text)]
    if dropped:
        mask0 = bytearray(len(text))
        for a, b in dropped:
            mask0[a:b] = b"\x01" * (b - a)
        s, first_index = _delete(text, mask0)
    else:
        s, first_index = text, None
    s = _map_chars(s)

    mask = bytearray(len(s))
    replacements: dict[int, str] = {}
    for m in _FW_DOT_RE.finditer(s):
        replacements[m.start()] = "."
    for m in _SPACE_RUN_RE.finditer(s):
        a, b = m.span()
        prev = s[a - 1] if a else "\n"
        nxt = s[b] if b < len(s) else "\n"
        if prev == "\n" or nxt == "\n" or _space_removable(prev, nxt):
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


# ---------------------------------------------------------------------------------------------
# Manifest
# ---------------------------------------------------------------------------------------------

MANIFEST_COLUMNS = (
    "file",
    "title_zh",
    "region_zh",
    "region_en",
    "region_level",
    "parent_region_zh",
    "province_zh",
    "issuer_zh",
    "issue_date",
    "doc_number",
    "completeness",
    "source",
)
REQUIRED_COLUMNS = ("file", "region_zh", "region_level")
REGION_LEVELS = ("country", "province", "prefecture", "county")
_ISO_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def load_manifest(raw_dir: Path) -> tuple[dict[str, dict], list[ManifestError]]:
    """Read `raw_dir`/documents.csv; return (file name -> row, per-row problems).

    Empty cells become None. No manifest gives ({}, []). Raises ManifestError for problems
    that make the whole file unusable (unreadable, binary, undecodable, no header, a missing
    required column). Row problems are returned, one ManifestError each with its line, and
    do not stop the other rows: a row naming a missing file, with an unknown region_level,
    without a file/region, or repeating an earlier file is skipped (the plan then falls back
    to detected metadata); a malformed issue_date is reported and set to None.
    """
    path = Path(raw_dir) / project_paths.MANIFEST_NAME
    if not path.is_file():
        return {}, []
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ManifestError(
            path, f"cannot read the manifest: {exc.strerror or _brief(exc)}"
        ) from None
    if not raw.strip():
        raise ManifestError(path, "empty manifest: no header row", line=1)
    try:
        text, _ = decode_bytes(raw)
    except _DecodeProblem as exc:
        raise ManifestError(path, str(exc)) from None
    if _control_share(text) > _BINARY_CONTROL_SHARE:
        raise ManifestError(path, "binary content (control characters), not a CSV file")

    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [name.strip().lower() for name in next(reader)]
    except (StopIteration, csv.Error) as exc:
        raise ManifestError(path, f"cannot read the header row: {_brief(exc)}", line=1) from None
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise ManifestError(
            path,
            f"missing required column(s) {', '.join(missing)}; the header has: {', '.join(header)}",
            line=1,
        )

    rows: dict[str, dict] = {}
    first_line: dict[str, int] = {}
    problems: list[ManifestError] = []
    last_line = reader.line_num
    while True:
        line = last_line + 1
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise ManifestError(path, f"malformed CSV: {_brief(exc)}", line=line) from None
        last_line = reader.line_num
        if not any(v.strip() for v in values):
            continue

        def problem(message: str, line: int = line) -> None:
            problems.append(ManifestError(path, message, line=line))

        if len(values) > len(header):
            problem(f"row has {len(values)} fields but the header has {len(header)}; row skipped")
            continue
        row: dict = {c: None for c in MANIFEST_COLUMNS}
        for name, value in zip(header, values, strict=False):
            value = value.strip()
            row[name] = value or None
        name = row["file"]
        if not name:
            problem("row has no file name; row skipped")
            continue
        if name in first_line:
            problem(f"{name} is listed twice (first on line {first_line[name]}); row skipped")
            continue
        first_line[name] = line
        if not (Path(raw_dir) / name).is_file():
            problem(f"{name} is listed but no such file is in {Path(raw_dir)}; row skipped")
            continue
        if not row["region_zh"]:
            problem(f"{name}: region_zh is empty; row skipped")
            continue
        level = (row["region_level"] or "").lower()
        if level not in REGION_LEVELS:
            problem(
                f"{name}: region_level {row['region_level']!r} is not one of "
                f"{', '.join(REGION_LEVELS)}; row skipped"
            )
            continue
        row["region_level"] = level
        if row["issue_date"] is not None:
            issue_date = row["issue_date"]
            valid = bool(_ISO_DATE_RE.fullmatch(issue_date))
            if valid:
                try:
                    date.fromisoformat(issue_date)
                except ValueError:
                    valid = False
            if not valid:
                problem(
                    f"{name}: issue_date {issue_date!r} is not a date written YYYY-MM-DD; "
                    "kept the row without a date"
                )
                row["issue_date"] = None
        rows[name] = row
    return rows, problems


# ---------------------------------------------------------------------------------------------
# Metadata detected from the text
# ---------------------------------------------------------------------------------------------

PROVINCES = (
    "北京市",
    "天津市",
    "上海市",
    "重庆市",
    "河北省",
    "山西省",
    "辽宁省",
    "吉林省",
    "黑龙江省",
    "江苏省",
    "浙江省",
    "安徽省",
    "福建省",
    "江西省",
    "山东省",
    "河南省",
    "湖北省",
    "湖南省",
    "广东省",
    "海南省",
    "四川省",
    "贵州省",
    "云南省",
    "陕西省",
    "甘肃省",
    "青海省",
    "台湾省",
    "内蒙古自治区",
    "广西壮族自治区",
    "西藏自治区",
    "宁夏回族自治区",
    "新疆维吾尔自治区",
    "香港特别行政区",
    "澳门特别行政区",
)
MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
_PROVINCE_RE = re.compile("|".join(PROVINCES))
_PROVINCE_SHORT = {
    re.sub("(?:壮族|回族|维吾尔)?(?:自治区|特别行政区|省|市)$", "", p): p for p in PROVINCES
}
_PROVINCE_SHORT_RE = re.compile("|".join(sorted(_PROVINCE_SHORT, key=len, reverse=True)))

_HEADER_LINES = 30  # the 版头 and title block of an official document sit in the first lines
_TAIL_LINES = 12  # the 落款 (issuer and date) sits in the last lines

# NOTE: a unit ends with an administrative suffix not followed by another suffix character,
# so 忻州市 is one unit (not 忻州 + 市...).
_UNIT = r"[\u4e00-\u9fff]{1,10}?(?:特别行政区|自治区|自治州|自治县|自治旗|地区|省|市|州|盟|县|旗|区)(?![市县区州旗盟省])"
_REGION_CHAIN_RE = re.compile(rf"(?:{_UNIT}){{1,3}}")
_UNIT_RE = re.compile(_UNIT)
_NOT_REGION_UNITS = {
    "城市",
    "城区",
    "园区",
    "地区",
    "社区",
    "景区",
    "新区",
    "山区",
    "牧区",
    "市区",
    "县区",
    "辖区",
}

_ISSUER_SUFFIX_RE = re.compile(
    r"(?:人民政府(?:办公厅|办公室)?|行政公署(?:办公室)?|办公厅|办公室|管理委员会|委员会|管委会)$"
)
_ISSUER_LINE_RE = re.compile(
    r"[\u4e00-\u9fff（）()]{2,40}?(?:人民政府(?:办公厅|办公室)?|行政公署|办公厅|办公室|委员会|管委会)"
)
_DATE_RE = re.compile(r"((?:19|20)[0-9]{2})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日")
# NOTE: signature dates are often in Chinese numerals, with 〇 (or ○/O/零) for zero.
_CN_DATE_RE = re.compile(
    r"([〇○O零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*"
    r"([一二三四五六七八九十]{1,3})\s*日"
)
_DATE_LINE_RE = re.compile(r"[（(]?\s*(?P<date>.+?日)\s*[）)]?\s*(?:印发|发布|签发|起施行)?")
_DOCNUM_CORE_RE = re.compile(
    r"[〔\[［【(（]\s*((?:19|20)[0-9]{2})\s*[〕\]］】)）]\s*(?:第\s*)?([0-9]{1,4})\s*号"
)
_DOCNUM_PREFIX_RE = re.compile(r"[\u4e00-\u9fff]{1,10}$")
# NOTE: a document number cited as the source of an earlier document follows these words or
# sits in （ ） after a 《title》; the plan's own number stands alone at the top.
_CITING_RE = re.compile(r"根据|按照|依据|印发|转发|贯彻|落实|执行|参照")
_TITLE_END = (
    r"(?:实施方案|工作方案|行动方案|方案|实施意见|指导意见|意见|发展规划|规划|纲要|通知|办法|"
    r"行动计划|计划|措施|决定|细则|要点)"
)
_TITLE_CUT_RE = re.compile(rf"^(.*?关于.*{_TITLE_END})")
_TITLE_NO_GUANYU_RE = re.compile(rf"^[\u4e00-\u9fff“”\"「」、（）()0-9—-]{{4,60}}{_TITLE_END}$")
_NOTICE_RE = re.compile(r"^.*?(?:关于)?(?:印发|转发)《?(?P<inner>.+?)》?的通知$")
_SENTENCE_PUNCT = "，。；！？,;"
_ALL_REGION_RE = re.compile(r"(?:全|我|本)(自治区|省|州|市|区|县|旗|盟)")
_REGION_WORD_STOP = set("全我各本该外此每其省市县区州旗")
# Two-character endings of common words that look like 2-character place names + suffix
# (自治州, 先行区, 示范区, 主城区 ...).
_GENERIC_TAILS = set(
    [
        "治州",
        "治区",
        "治县",
        "城区",
        "园区",
        "新区",
        "地区",
        "社区",
        "景区",
        "山区",
        "牧区",
        "市区",
        "县区",
        "辖区",
        "行区",
        "范区",
        "发区",
        "验区",
        "护区",
        "能区",
        "业区",
        "济区",
        "聚区",
        "心区",
        "管区",
        "矿区",
        "镇区",
        "片区",
        "街区",
        "校区",
        "库区",
        "灾区",
        "边区",
        "游区",
        "城市",
        "大市",
        "个市",
        "等市",
        "个县",
        "等县",
        "个州",
        "级市",
        "级县",
        "级区",
    ]
)


def _cn_small_number(s: str) -> int | None:
    digits = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
    if "十" not in s:
        return digits.get(s) if len(s) == 1 else None
    tens, _, ones = s.partition("十")
    t = digits.get(tens) if tens else 1
    o = digits.get(ones) if ones else 0
    return None if t is None or o is None else 10 * t + o


def _parse_date(s: str) -> str | None:
    """ISO date of the first 2021年11月9日 / 二〇二一年十一月九日 in `s`, or None."""
    m = _DATE_RE.search(s)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = _CN_DATE_RE.search(s)
        if not m:
            return None
        zero = {"〇": "0", "○": "0", "O": "0", "零": "0"}
        table = {**zero, **{c: str(i) for i, c in enumerate("一二三四五六七八九", 1)}}
        y = int("".join(table[c] for c in m.group(1)))
        mo_, d_ = _cn_small_number(m.group(2)), _cn_small_number(m.group(3))
        if mo_ is None or d_ is None:
            return None
        mo, d = mo_, d_
    try:
        return date(y, mo, d).isoformat()
    except ValueError:
        return None


def _date_line(line: str) -> str | None:
    """The ISO date when the whole line is a date (a signature or 成文日期 line)."""
    compact = line.replace(" ", "")
    m = _DATE_LINE_RE.fullmatch(compact)
    if not m:
        return None
    inner = m.group("date")
    if not (_DATE_RE.fullmatch(inner) or _CN_DATE_RE.fullmatch(inner)):
        return None
    return _parse_date(inner)


def _issuer_line(line: str) -> str | None:
    """The issuer when the whole line names issuing bodies (落款/版头), else None."""
    compact = line.replace(" ", "")
    if not _ISSUER_LINE_RE.fullmatch(compact) or "关于" in compact:
        return None
    return " ".join(line.split())


def _doc_number(lines: list[str]) -> str | None:
    """The plan's own 文号 in the header lines: standalone lines first, then uncited ones."""
    found: list[tuple[bool, str]] = []
    for line in lines:
        for m in _DOCNUM_CORE_RE.finditer(line):
            pm = _DOCNUM_PREFIX_RE.search(line, 0, m.start())
            if not pm:
                continue
            prefix, start = pm.group(), pm.start()
            before = line[:start]
            cited = (
                before.rstrip()[-1:] in ("（", "(", "《")
                or before.count("《") > before.count("》")
                or _CITING_RE.search(prefix)
            )
            if cited:
                continue
            number = re.sub(r"\s+", "", prefix + line[m.start() : m.end()])
            standalone = line.replace(" ", "") == number
            found.append((standalone, number))
    for standalone, number in found:
        if standalone:
            return number
    return found[0][1] if found else None


def _title(lines: list[str]) -> str | None:
    """The plan's title in the header lines (wrapped title lines joined)."""
    notice_inner: str | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        outside = re.sub(r"《[^》]*》", "", line)
        if "关于" not in outside:
            if i <= 3 and len(line) <= 60 and _TITLE_NO_GUANYU_RE.fullmatch(line.replace(" ", "")):
                return line.replace(" ", "")
            continue
        block = line.replace(" ", "")
        j = i
        # NOTE: long titles wrap over two or three short centred lines without punctuation.
        while (
            not re.search(rf"{_TITLE_END}$", block)
            and j < len(lines)
            and j < i + 3
            and len(lines[j]) <= 30
            and not any(p in lines[j] for p in _SENTENCE_PUNCT + "：:")
        ):
            block += lines[j].replace(" ", "")
            j += 1
        if any(p in block for p in _SENTENCE_PUNCT):
            clauses = [
                c
                for c in re.split(r"[，。；！？,;]", block)
                if "关于" in re.sub(r"《[^》]*》", "", c)
            ]
            block = clauses[0] if clauses else ""
        m = _TITLE_CUT_RE.match(block)
        if not m:
            continue
        title = m.group(1)
        i = j
        notice = _NOTICE_RE.match(title)
        if notice:
            notice_inner = notice_inner or notice.group("inner").strip("《》")
            continue
        return title
    return notice_inner


def _units(name: str) -> list[str] | None:
    """The administrative units of a region name (山西省忻州市忻府区 -> 3 units), or None."""
    if not _REGION_CHAIN_RE.fullmatch(name):
        return None
    units = _UNIT_RE.findall(name)
    if "".join(units) != name or any(u in _NOT_REGION_UNITS for u in units):
        return None
    return units


def _region_from_issuer(issuer: str) -> str | None:
    tokens = issuer.split()
    token = next((t for t in reversed(tokens) if "人民政府" in t), tokens[-1] if tokens else "")
    token = re.sub(r"^中共", "", token)
    stem = _ISSUER_SUFFIX_RE.sub("", token)
    if _units(stem):
        return stem
    m = _REGION_CHAIN_RE.match(stem)
    return m.group() if m and _units(m.group()) else None


def _region_level(units: list[str]) -> str:
    """Administrative level from the suffix of the last unit (see module rules)."""
    name, last = "".join(units), units[-1]
    if name in MUNICIPALITIES or last.endswith(("省", "自治区", "特别行政区")):
        return "province"
    if last.endswith(("自治州", "州", "地区", "盟")):
        return "prefecture"
    if last.endswith(("县", "旗", "区")):
        return "county"
    # X市: a prefecture-level city, unless it sits under a prefecture (a county-level city).
    if (
        len(units) >= 2
        and units[-2].endswith(("市", "州", "地区", "盟"))
        and (units[-2] not in MUNICIPALITIES)
    ):
        return "county"
    return "prefecture"


def _most_named_province(text: str) -> str | None:
    counts = Counter(_PROVINCE_RE.findall(text))
    if not counts:
        counts = Counter(_PROVINCE_SHORT[s] for s in _PROVINCE_SHORT_RE.findall(text))
    if not counts:
        return None
    top = max(counts.values())
    # ties go to the first named
    for m in _PROVINCE_RE.finditer(text):
        if counts.get(m.group()) == top:
            return m.group()
    return counts.most_common(1)[0][0]


def _region_from_scope(text: str) -> str | None:
    """Region from 全省/全州/全区... plus the most named proper name with that suffix."""
    scopes = Counter(_ALL_REGION_RE.findall(text))
    if not scopes:
        return None
    suffix = scopes.most_common(1)[0][0]
    if suffix in ("省", "自治区"):
        return _most_named_province(text)
    if suffix == "区":
        # NOTE: 全区/我区 is also how an autonomous region (宁夏回族自治区) names itself.
        province = _most_named_province(text)
        if province and province.endswith("自治区") and text.count(province) >= 2:
            return province
    # NOTE: plans call their own region by a two-character name plus suffix (临夏州, 忻府区);
    # the most frequent such name with the suffix of 全X is taken.
    names = Counter(m.group(1) for m in re.finditer(rf"(?=([\u4e00-\u9fff]{{2}}{suffix}))", text))
    for name, count in names.most_common():
        if count < 2:
            break
        if (
            name[0] in _REGION_WORD_STOP
            or name[1] in _REGION_WORD_STOP
            or name[1:] in _GENERIC_TAILS
        ):
            continue
        return name
    return None


def detect_metadata(text: str) -> dict:
    """Metadata of a plan that is not in the manifest, read from its own text.

    Returns title_zh, region_zh, region_level, issuer_zh, issue_date (ISO), doc_number,
    parent_region_zh and province_zh; None for what the text does not show. The rules follow
    the layout of Chinese official documents (文号 and issuer at the top, 落款 issuer + date
    at the end or after the notice), not any one plan; see the helpers for each field.
    """
    norm = normalize(text).text
    lines = [line.strip() for line in norm.split("\n")]
    nonempty = [line for line in lines if line]
    head = nonempty[:_HEADER_LINES]

    doc_number = _doc_number(nonempty[:15])
    title = _title(head)

    # Signature blocks: an issuer line directly followed by a date line.
    issuer = issue_date = None
    for k, line in enumerate(nonempty):
        iso = _date_line(line)
        if iso and k and _issuer_line(nonempty[k - 1]):
            issuer, issue_date = _issuer_line(nonempty[k - 1]), iso
            break
    if issue_date is None:
        for line in head + nonempty[-_TAIL_LINES:]:
            iso = _date_line(line)
            if iso:
                issue_date = iso
                break
    if issuer is None:
        issuer = next((x for x in map(_issuer_line, nonempty[:10]) if x), None)
    if issuer is None and title:
        before = title.split("关于", 1)[0]
        if _ISSUER_SUFFIX_RE.search(before):
            issuer = before

    region = _region_from_issuer(issuer) if issuer else None
    if region is None and title:
        before = _ISSUER_SUFFIX_RE.sub("", title.split("关于", 1)[0]) if "关于" in title else ""
        if before and _units(before):
            region = before
        else:
            m = _REGION_CHAIN_RE.match(title)
            if (
                m
                and _units(m.group())
                and (
                    _PROVINCE_RE.match(m.group())
                    or re.match(r"人民政府|关于|“?十[三四五六]五|[0-9]{4}", title[m.end() :])
                )
            ):
                region = m.group()
    if region is None:
        region = _region_from_scope(norm)

    level = parent = None
    province = None
    units = _units(region) if region else None
    if units:
        level = _region_level(units)
        if level == "province":
            province = region if region in PROVINCES else None
            parent = "全国"
        elif _PROVINCE_RE.fullmatch(units[0]):
            province = units[0]
    if province is None and level != "province":
        province = _most_named_province(norm)
    if units and level != "province":
        if len(units) >= 2:
            parent = units[-2]
        elif level == "prefecture":
            parent = province
    return {
        "title_zh": title,
        "region_zh": region,
        "region_level": level,
        "issuer_zh": issuer,
        "issue_date": issue_date,
        "doc_number": doc_number,
        "parent_region_zh": parent,
        "province_zh": province,
    }
