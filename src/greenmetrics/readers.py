"""Reading plans: plan files on disk -> `Document`s holding the decoded original text.

`read_document` turns a plan file (.txt/.md/.html/.docx/.pdf) into a `Document` whose `text`
is the decoded original: the extractor's offsets index into it, so nothing but the byte-order
mark (and a few stray NUL bytes, reported in `Document.repairs`) is removed from .txt/.md.
Every failure is one `DocumentError` line naming the file and the problem, never a library
traceback; a file is refused when it expands beyond the limits (`MAX_EXPANDED_BYTES`,
`MAX_PDF_PAGES`). `decode_bytes` sniffs the encoding of text files (also used for the
manifest); the trees of HTML pages and .docx bodies are walked in `greenmetrics.markup`.

Why a module of its own: reading files is the only part of the project that touches file
formats and encodings; keeping it apart from text normalization, the manifest and metadata
detection lets each be changed and tested alone.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .errors import DocumentError
from .files import BINARY_CONTROL_SHARE, control_share, looks_binary, read_bytes
from .markup import article_text, docx_lines, package_problem
from .pdf_text import PasswordProtected, PdfPages, chosen_reader, open_pdf

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
_FORMATS = {
    ".txt": "txt",
    ".md": "md",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}
# NOTE: a plan is limited by what it expands to, not only by its size on disk (which the
# pipeline checks against the same GREENMETRICS_MAX_MB): a .docx is a zip and a PDF's streams
# are compressed, so a file of a few hundred KB can expand a thousandfold.
MAX_EXPANDED_BYTES = int(float(os.environ.get("GREENMETRICS_MAX_MB", "200")) * 1e6)
# The longest plan of the shipped corpora has 106 pages; a thousand-page plan is still read.
MAX_PDF_PAGES = int(os.environ.get("GREENMETRICS_MAX_PAGES", "3000"))


@dataclass(frozen=True)
class Document:
    """One plan as read from disk."""

    doc_id: str  # file stem
    path: Path
    text: str  # decoded original characters (BOM stripped); extractor offsets index into it
    format: str  # "txt" | "md" | "html" | "docx" | "pdf"
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", "gb18030", ... ("docx"/"pdf" for those)
    sha256: str  # of the raw bytes
    repairs: tuple[str, ...] = ()  # damage recovered while reading (stray NUL bytes dropped)


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


class UndecodableText(Exception):
    """Why a byte string is not decodable text (turned into DocumentError by the caller)."""


def _plausible(text: str) -> bool:
    """True when `text` looks like correctly decoded text (used to vet guessed codecs)."""
    if not text or looks_binary(text):
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
    Raises UndecodableText with a one-line reason when none of these gives plausible text.
    """
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec), codec
            except UnicodeDecodeError as exc:
                raise UndecodableText(
                    f"starts with a {codec} byte-order mark but is not valid {codec} "
                    f"(bad bytes at offset {exc.start})"
                ) from exc
    kind = _magic(raw)
    if kind:
        raise UndecodableText(f"binary content: this looks like {kind}, not text")
    if b"\x00" in raw:
        guess = _utf16_without_bom(raw) or _charset_normalizer(raw)
        if guess:
            return guess
        raise UndecodableText("binary content (NUL bytes), not a text file")
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
    if gb_text is not None and control_share(gb_text) <= BINARY_CONTROL_SHARE:
        return gb_text, "gb18030"
    if control_share(raw.decode("latin-1")) > BINARY_CONTROL_SHARE:
        raise UndecodableText("binary content (control bytes), not a text file")
    raise UndecodableText(
        "cannot decode the text: not UTF-8, UTF-16 or GB18030/GBK, and no other encoding "
        "fits; save it as UTF-8"
    )


def _check_text(path: Path, text: str) -> None:
    if looks_binary(text):
        raise DocumentError(path, "binary content (control characters), not a text file")


# ---------------------------------------------------------------------------------------------
# Reading each format
# ---------------------------------------------------------------------------------------------


def _brief(exc: BaseException) -> str:
    message = " ".join(str(exc).split())
    if len(message) > 120:
        message = message[:117] + "..."
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


# A text file may carry a few stray NUL bytes (a broken copy, a bad editor): up to one in this
# many bytes they are dropped and reported; more means the file is binary.
_STRAY_NUL_RATIO = 1000


def _stray_nuls(raw: bytes) -> int:
    """The number of NUL bytes to drop from `raw`, or 0 when there are none or too many (or the
    bytes are UTF-16, where NULs belong to the characters)."""
    count = raw.count(b"\x00")
    if not count or count > max(1, len(raw) // _STRAY_NUL_RATIO) or _utf16_without_bom(raw):
        return 0
    return count


def _read_plain(path: Path, raw: bytes, repairs: list[str] | None = None) -> tuple[str, str]:
    nuls = _stray_nuls(raw)
    if nuls and repairs is not None:
        raw = raw.replace(b"\x00", b"")
        repairs.append(f"{nuls} stray NUL byte(s) dropped; offsets refer to the text without them")
    try:
        text, encoding = decode_bytes(raw)
    except UndecodableText as exc:
        raise DocumentError(path, str(exc)) from None
    _check_text(path, text)
    return text, encoding


_META_CHARSET_RE = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I
)


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


def _read_html(path: Path, raw: bytes, repairs: list[str]) -> tuple[str, str]:
    text, encoding = _decode_html(path, raw)
    _check_text(path, text)
    try:
        text, notes = article_text(text)
    except Exception as exc:  # lxml/bs4 internals: report, never a traceback
        raise DocumentError(path, f"cannot parse the HTML: {_brief(exc)}") from exc
    repairs.extend(notes)
    return text, encoding


def _read_docx(path: Path, raw: bytes) -> tuple[str, str]:
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise DocumentError(
            path,
            "an old Word 97-2003 .doc file with a .docx name; open it in Word and save as .docx",
        )
    if not raw.startswith(b"PK"):
        raise DocumentError(path, "not a .docx file (it is not a zip package)")
    try:
        problem = package_problem(raw, MAX_EXPANDED_BYTES)
    except Exception as exc:  # a damaged zip directory
        raise DocumentError(
            path, f"cannot read the .docx (truncated or corrupt?): {_brief(exc)}"
        ) from exc
    if problem:
        raise DocumentError(path, problem)
    try:
        import docx

        document = docx.Document(io.BytesIO(raw))
        lines = list(docx_lines(document))
    except Exception as exc:  # zipfile, KeyError, lxml and python-docx errors alike
        raise DocumentError(
            path, f"cannot read the .docx (truncated or corrupt?): {_brief(exc)}"
        ) from exc
    return "\n".join(lines), "docx"


def _pdf_page_texts(path: Path, pdf: PdfPages) -> list[str]:
    """The text of each page, refused once the pages or their text pass the limits: a PDF's
    streams are compressed, so its size on disk says little of what it expands to."""
    count = pdf.page_count
    if count > MAX_PDF_PAGES:
        raise DocumentError(
            path,
            f"{count:,} pages, over the limit of {MAX_PDF_PAGES:,} per plan "
            "(GREENMETRICS_MAX_PAGES); split it",
        )
    pages, size = [], 0
    for number, text in enumerate(pdf.texts(), start=1):
        pages.append(text)
        size += len(text.encode("utf-8", "replace"))
        if size > MAX_EXPANDED_BYTES:
            raise DocumentError(
                path,
                f"the text of pages 1-{number} alone is {size / 1e6:,.0f} MB, over the limit of "
                f"{MAX_EXPANDED_BYTES / 1e6:,.0f} MB per plan (GREENMETRICS_MAX_MB): a PDF whose "
                "compressed streams expand beyond any plan",
            )
    return pages


def _read_pdf(path: Path, raw: bytes) -> tuple[str, str]:
    if b"%PDF-" not in raw[:1024]:
        raise DocumentError(path, "not a PDF file (no %PDF- header)")
    try:
        reader = chosen_reader()
    except ValueError as exc:
        raise DocumentError(path, str(exc)) from None
    try:
        with open_pdf(raw, reader) as pdf:
            pages = _pdf_page_texts(path, pdf)
    except DocumentError:
        raise
    except PasswordProtected:
        raise DocumentError(path, "the PDF is encrypted with a password") from None
    except Exception as exc:  # PDFium and pypdf raise many kinds on truncated or corrupt files
        raise DocumentError(
            path, f"cannot read the PDF (truncated or corrupt?): {_brief(exc)}"
        ) from exc
    text = "\n".join(pages)
    if not text.strip():
        raise DocumentError(
            path,
            f"no extractable text in the PDF ({len(pages)} page(s)): a scanned plan needs OCR first",
        )
    return text, "pdf"


# Code points no plan text holds: lone surrogates (from a broken PDF text layer or a bad
# decoder; they cannot even be written as UTF-8), private-use and unassigned ones.
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_ODD_RE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff]")


def valid_text(text: str) -> tuple[str, list[str]]:
    """`text` with every lone surrogate replaced by U+FFFD (one character for one, so offsets
    hold), and a note for each kind of odd code point met, with the first offsets."""
    notes = []
    surrogates = [m.start() for m in _SURROGATE_RE.finditer(text)]
    if surrogates:
        text = _SURROGATE_RE.sub("\ufffd", text)
        notes.append(
            f"{len(surrogates)} invalid code point(s) (lone surrogates) replaced by U+FFFD at "
            f"offset(s) {_offsets(surrogates)}"
        )
    odd = [m.start() for m in _ODD_RE.finditer(text)]
    unassigned = _unassigned(text) if not text.isascii() and _maybe_unassigned(text) else []
    if odd or unassigned:
        where = sorted(odd + unassigned)
        notes.append(
            f"{len(where)} private-use or unassigned code point(s) kept at offset(s) "
            f"{_offsets(where)}: check the characters there"
        )
    return text, notes


def _maybe_unassigned(text: str) -> bool:
    # NOTE: checking every character's category in Python is slow on a large plan; the common
    # blocks (ASCII, CJK, punctuation, full-width forms) hold no unassigned code point.
    return bool(re.search("[^\x00-\u04ff\u2000-\u2bff\u3000-\u9fff\uff00-\uffef]", text))


def _unassigned(text: str) -> list[int]:
    """Offsets of the unassigned code points of `text` (each distinct character is looked up
    once, not each place it stands)."""
    odd = {ch for ch in set(text) if ord(ch) > 0x7F and unicodedata.category(ch) == "Cn"}
    return [i for i, ch in enumerate(text) if ch in odd] if odd else []


def _offsets(positions: list[int]) -> str:
    shown = ", ".join(str(p) for p in positions[:5])
    return shown + (f" and {len(positions) - 5} more" if len(positions) > 5 else "")


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
    raw = read_bytes(path, DocumentError)
    if not raw:
        raise DocumentError(path, "empty file (0 bytes)")
    repairs: list[str] = []
    if fmt in ("txt", "md"):
        text, encoding = _read_plain(path, raw, repairs)
    elif fmt == "html":
        text, encoding = _read_html(path, raw, repairs)
    elif fmt == "docx":
        text, encoding = _read_docx(path, raw)
    else:
        text, encoding = _read_pdf(path, raw)
    if not text.strip():
        raise DocumentError(path, "empty: the file holds no text, only whitespace")
    text, notes = valid_text(text)
    repairs.extend(notes)
    return Document(
        doc_id=path.stem,
        path=path,
        text=text,
        format=fmt,
        encoding=encoding,
        sha256=hashlib.sha256(raw).hexdigest(),
        repairs=tuple(repairs),
    )
