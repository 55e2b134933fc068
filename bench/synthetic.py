"""The synthetic corpus of the benchmark: N plans under bench/corpus/N/ (git-ignored).

Each plan recombines real sentences of the shipped plans in data/raw for a region drawn from
the gazetteer (src/greenmetrics/data/gazetteer.csv: any prefecture or county of China), with
other years and numbers. The shipped plans' own region names (read from data/raw's manifest
and the gazetteer, not typed here) become the new region's. Every other plan has a row in a
documents.csv manifest; the others are read as a plan dropped into data/raw without one, so
their issuer, date and region are detected from the text (the region scan of the gazetteer).

Deterministic: plan i is seeded with `seed:i`, so corpus 10 is a prefix of corpus 100, which
is a prefix of corpus 1000; a `.stamp` records the recipe and the corpus is reused until the
recipe, the seed, the gazetteer or the shipped plans change.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import random
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from greenmetrics.gazetteer import GAZETTEER_PATH, shipped_gazetteer
from greenmetrics.inputs import iter_plan_files
from greenmetrics.manifest import MANIFEST_COLUMNS
from greenmetrics.readers import read_document
from greenmetrics.regions import region_short_names

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
RAW_DIR = ROOT / "data" / "raw"
CORPUS_DIR = BENCH_DIR / "corpus"
GENERATOR_VERSION = 2  # bump when the recipe changes, so old corpora are rebuilt
SEED = 20240601
LISTED_SHARE = 2  # every LISTED_SHARE-th plan has a manifest row; the others are detected


@dataclass(frozen=True)
class Region:
    zh: str  # as the project names it (a county with its city: 忻州市定襄县)
    en: str
    level: str  # "prefecture" | "county"
    parent: str
    province: str
    short: str  # what the plan calls itself (定襄县, 甘南州)
    doc_prefix: str  # 文号 prefix (定政发)


def gazetteer_regions() -> list[Region]:
    """Every prefecture and county of the gazetteer, as a plan's region."""
    g = shipped_gazetteer()
    regions = []
    for division in sorted(g.divisions.values(), key=lambda d: d.code):
        if division.level not in ("prefecture", "county"):
            continue
        parent = g.parent(division)
        short = min(division.short_names, key=len, default=division.name)
        if len(short) < 3:
            short = division.name  # a two-character name reads inside words (see gazetteer)
        regions.append(
            Region(
                zh=g.display_name(division),
                en=g.display_name_en(division) or division.code,
                level=division.level,
                parent=g.display_name(parent) if parent else "全国",
                province=g.province(division).name,
                short=short,
                doc_prefix=short[0] + "政发",
            )
        )
    return regions


_SCOPE_WORD_RE = re.compile("(?<=[我全])(?:省|区|州|市|县)")
_TARGET_YEAR_RE = re.compile("(?<=[到至])(20[0-9]{2})(?=年)")
# An ASCII number with a unit after it (a quantity, not a year, a date or a document number).
_QUANTITY_RE = re.compile(
    r"(?<![0-9.〔\[第])([0-9]+(?:\.[0-9]+)?)(?![0-9.])"
    r"(?=\s*(?:%|‰|个百分点|百分点|万|亿|千|百|个|家|座|项|处|户|人|元|倍|吨|亩|辆|台|套|条|所|"
    r"公里|公顷|平方|立方|千瓦|兆瓦|米|克|度|张|批|株))"
)
_SENTENCE_RE = re.compile(r"[^。！？\n]+[。！？]?")
_HEADING_RE = re.compile(
    r"^(?:第[一二三四五六七八九十]+[章节部分]\s*|[一二三四五六七八九十]+、|"
    r"[（(][一二三四五六七八九十]+[）)]|[0-9]+[.、．])"
)
_CN_NUMERALS = "一二三四五六七八九十"


def _cn_ordinal(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 25 -> 二十五 (enough for section numbers)."""
    if n <= 10:
        return _CN_NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else _CN_NUMERALS[tens - 1]
    return head + "十" + (_CN_NUMERALS[ones - 1] if ones else "")


@dataclass
class SentencePool:
    sentences: list[str] = field(default_factory=list)  # body sentences, ending in 。！？
    headings: list[str] = field(default_factory=list)  # section titles without their markers
    topics: list[str] = field(default_factory=list)  # subsection lead phrases (指导思想)
    self_names: re.Pattern | None = None  # the shipped plans' names of their own regions


def _shipped_self_names() -> re.Pattern:
    """The names the shipped plans give their own regions: each manifest region with its short
    forms and its province (甘肃省, 临夏州, 忻府区, 宁夏 ...), longest first."""
    names: set[str] = set()
    g = shipped_gazetteer()
    with (RAW_DIR / "documents.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            region = row.get("region_zh") or ""
            division = g.find_region(region)
            if not region or region == "全国" or division is None:
                continue
            names.update(region_short_names(region))
            names.update((division.name, *division.short_names))
    names = {n for n in names if len(n) >= 2}
    return re.compile("|".join(sorted(names, key=len, reverse=True)))


def source_fingerprint() -> str:
    """A digest of what the corpus is made from: the gazetteer and the shipped plans' bytes."""
    digest = hashlib.sha256(GAZETTEER_PATH.read_bytes())
    for path in iter_plan_files([RAW_DIR]):
        digest.update(hashlib.sha256(path.read_bytes()).hexdigest().encode())
    return digest.hexdigest()[:16]


def load_pool() -> SentencePool:
    """Sentences and headings of every shipped plan (read with greenmetrics' own reader)."""
    pool = SentencePool()
    for path in iter_plan_files([RAW_DIR]):
        doc = read_document(path)
        for line in doc.text.split("\n"):
            line = line.strip()
            if not line:
                continue
            heading = _HEADING_RE.match(line)
            if heading:
                rest = line[heading.end() :].strip()
                title, dot, body = rest.partition("。")
                if dot and body and len(title) <= 20:
                    pool.topics.append(title)
                    line = body
                elif len(rest) <= 30:
                    if len(rest) >= 2:
                        pool.headings.append(rest.rstrip("。"))
                    continue
                else:
                    line = rest
            for m in _SENTENCE_RE.finditer(line):
                sentence = m.group().strip()
                if len(sentence) < 8:
                    continue
                if sentence[-1] not in "。！？":
                    sentence += "。"  # the excerpts lost their sentence-final 。
                pool.sentences.append(sentence)
    pool.sentences = sorted(set(pool.sentences))
    pool.headings = sorted(set(pool.headings))
    pool.topics = sorted(set(pool.topics))
    pool.self_names = _shipped_self_names()
    if not pool.sentences or not pool.headings:
        raise SystemExit(f"no sentences or headings found in {RAW_DIR}")
    return pool


def _perturb_number(rng: random.Random, text: str, unit_follows: str) -> str:
    """Another value in the same format: same decimals, percentages stay <= 100."""
    decimals = len(text.split(".")[1]) if "." in text else 0
    value = float(text)
    new = value * rng.uniform(0.6, 1.4)
    if unit_follows.startswith("%") and value <= 100:
        new = min(new, 100.0 if value == 100 else 99.0)
    if decimals:
        return f"{new:.{decimals}f}"
    return str(max(1, round(new)))


def _vary(sentence: str, pool: SentencePool, rng: random.Random, region: Region, year: int) -> str:
    sentence = pool.self_names.sub(region.short, sentence)
    sentence = _SCOPE_WORD_RE.sub(region.short[-1], sentence)
    sentence = _TARGET_YEAR_RE.sub(
        lambda m: str(year if rng.random() < 0.7 else rng.randint(2022, 2030)), sentence
    )
    return _QUANTITY_RE.sub(
        lambda m: _perturb_number(rng, m.group(1), sentence[m.end() : m.end() + 1]), sentence
    )


def make_plan(index: int, pool: SentencePool, regions: list[Region], seed: int) -> tuple[str, dict]:
    """Plan number `index`: its text and its manifest row (the same for every corpus size)."""
    rng = random.Random(f"{seed}:{index}")
    region = rng.choice(regions)
    main_year = rng.choice((2025, 2025, 2025, 2030, 2030, 2027, 2028))
    issue = dt.date(rng.randint(2021, 2023), rng.randint(1, 12), rng.randint(1, 28))
    target_bytes = rng.randint(10_000, 30_000)
    title_kind = rng.choice(("实施方案", "实施意见", "工作方案", "行动方案"))
    title = f"{region.short}关于加快建立健全绿色低碳循环发展经济体系的{title_kind}"
    doc_number = f"{region.doc_prefix}〔{issue.year}〕{rng.randint(1, 120)}号"
    issuer = f"{region.zh}人民政府"
    lines = [title, doc_number, "", f"各有关单位：{rng.choice(pool.sentences)}", ""]
    size = sum(len(line.encode("utf-8")) + 1 for line in lines)
    closing = f"\n{issuer}\n{issue.year}年{issue.month}月{issue.day}日\n"
    size += len(closing.encode("utf-8"))
    section = subsection = 0
    while size < target_bytes:
        if section == 0 or rng.random() < 0.25:
            section += 1
            line = f"{_cn_ordinal(section)}、{rng.choice(pool.headings)}"
            lines += [line, ""]
            size += len(line.encode("utf-8")) + 2
        subsection += 1
        topic = rng.choice(pool.topics) if pool.topics else rng.choice(pool.headings)
        body = "".join(
            _vary(rng.choice(pool.sentences), pool, rng, region, main_year)
            for _ in range(rng.randint(2, 8))
        )
        line = f"（{_cn_ordinal(subsection)}）{topic}。{body}"
        lines += [line, ""]
        size += len(line.encode("utf-8")) + 2
    text = "\n".join(lines) + closing
    row = {
        "file": f"plan_{index:05d}.txt",
        "title_zh": title,
        "region_zh": region.zh,
        "region_en": region.en,
        "region_level": region.level,
        "parent_region_zh": region.parent,
        "province_zh": region.province,
        "issuer_zh": issuer,
        "issue_date": issue.isoformat(),
        "doc_number": doc_number,
        "completeness": "synthetic",
        "source": f"bench/synthetic.py plan {index} (seed {seed})",
    }
    return text, row


def build_corpus(n: int, seed: int = SEED, force: bool = False) -> Path:
    """bench/corpus/N/: N plans and documents.csv; reused when the recipe is unchanged."""
    folder = CORPUS_DIR / str(n)
    stamp_path = folder / ".stamp"
    stamp = f"v{GENERATOR_VERSION} seed={seed} n={n} source={source_fingerprint()}"
    if not force and stamp_path.is_file() and stamp_path.read_text() == stamp:
        return folder
    pool = load_pool()  # read only when the corpus is written: the PDFs take a while
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    regions = gazetteer_regions()
    rows = []
    for i in range(n):
        text, row = make_plan(i, pool, regions, seed)
        (folder / row["file"]).write_text(text, encoding="utf-8", newline="\n")
        if i % LISTED_SHARE == 0:
            rows.append(row)
    buf = io.StringIO(newline="")
    writer = csv.DictWriter(buf, fieldnames=MANIFEST_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    (folder / "documents.csv").write_text(buf.getvalue(), encoding="utf-8", newline="")
    stamp_path.write_text(stamp)
    return folder
