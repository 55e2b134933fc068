#!/usr/bin/env python3
"""Speed and memory of greenmetrics at corpus scale, measured in one run.

    .venv/bin/python bench/run_bench.py [--sizes 10 100 1000] [--skip-report] [--profile 100]

1. Builds synthetic corpora of N plans under bench/corpus/N/ (git-ignored) by recombining
   real sentences of the shipped plans in data/raw, with other regions, years and numbers,
   plus a documents.csv manifest. Deterministic: plan i is the same in every corpus (seeded
   per plan), so corpus 10 is a prefix of corpus 100, which is a prefix of corpus 1000.
2. Measures extraction throughput (one process, and a Pool over all cores), the full
   `extract_corpus` + `write_extraction` wall time and peak RSS in a fresh subprocess, the
   time of one ~20 KB plan, and `greenmetrics report` cold and warm when that command exists.
3. Prints a table and writes bench/results.md with PASS/FAIL against the issue's targets.

Standard library only at import time; greenmetrics is imported inside the functions so the
fresh subprocesses measure their own imports. See bench/README.md for what each figure means.
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import datetime as dt
import functools
import hashlib
import io
import json
import multiprocessing
import os
import platform
import pstats
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from greenmetrics.manifest import MANIFEST_COLUMNS

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
RAW_DIR = ROOT / "data" / "raw"
CORPUS_DIR = BENCH_DIR / "corpus"
RESULTS = BENCH_DIR / "results.md"

GENERATOR_VERSION = 1  # bump when the corpus recipe changes, so old corpora are rebuilt
SEED = 20240601

# Targets from the issue "Speed at corpus scale, measured".
TARGET_MB_S_PER_CORE = 2.0
TARGET_20KB_MS = 10.0
TARGET_1000_S = 15.0
TARGET_PEAK_MB = 500.0
TARGET_REPORT_S = 30.0  # cold, on 2 cores (goal: 20 s)
GOAL_REPORT_S = 20.0

# ---------------------------------------------------------------------------------------------
# Regions: real prefectures and counties (zh, en, level, parent, province, issuer prefix).
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Region:
    zh: str  # as in the manifest: a county carries its prefecture (忻州市定襄县)
    en: str
    level: str  # "prefecture" | "county"
    parent: str
    province: str
    short: str  # what the plan calls itself (定襄县, 甘南州)
    doc_prefix: str  # 文号 prefix (忻政发)


def _r(zh, en, level, parent, province, short, doc_prefix) -> Region:
    return Region(zh, en, level, parent, province, short, doc_prefix)


REGIONS: tuple[Region, ...] = (
    # Prefecture-level (parent = province).
    _r("忻州市", "Xinzhou", "prefecture", "山西省", "山西省", "忻州市", "忻政发"),
    _r("大同市", "Datong", "prefecture", "山西省", "山西省", "大同市", "同政发"),
    _r("长治市", "Changzhi", "prefecture", "山西省", "山西省", "长治市", "长政发"),
    _r("晋城市", "Jincheng", "prefecture", "山西省", "山西省", "晋城市", "晋市政发"),
    _r("临汾市", "Linfen", "prefecture", "山西省", "山西省", "临汾市", "临政发"),
    _r("运城市", "Yuncheng", "prefecture", "山西省", "山西省", "运城市", "运政发"),
    _r("吕梁市", "Lüliang", "prefecture", "山西省", "山西省", "吕梁市", "吕政发"),
    _r("天水市", "Tianshui", "prefecture", "甘肃省", "甘肃省", "天水市", "天政发"),
    _r("张掖市", "Zhangye", "prefecture", "甘肃省", "甘肃省", "张掖市", "张政发"),
    _r("酒泉市", "Jiuquan", "prefecture", "甘肃省", "甘肃省", "酒泉市", "酒政发"),
    _r("庆阳市", "Qingyang", "prefecture", "甘肃省", "甘肃省", "庆阳市", "庆政发"),
    _r("定西市", "Dingxi", "prefecture", "甘肃省", "甘肃省", "定西市", "定政发"),
    _r(
        "甘南藏族自治州",
        "Gannan Tibetan Autonomous Prefecture",
        "prefecture",
        "甘肃省",
        "甘肃省",
        "甘南州",
        "州政发",
    ),
    _r("银川市", "Yinchuan", "prefecture", "宁夏回族自治区", "宁夏回族自治区", "银川市", "银政发"),
    _r(
        "石嘴山市",
        "Shizuishan",
        "prefecture",
        "宁夏回族自治区",
        "宁夏回族自治区",
        "石嘴山市",
        "石政发",
    ),
    _r("吴忠市", "Wuzhong", "prefecture", "宁夏回族自治区", "宁夏回族自治区", "吴忠市", "吴政发"),
    _r("固原市", "Guyuan", "prefecture", "宁夏回族自治区", "宁夏回族自治区", "固原市", "固政发"),
    _r("中卫市", "Zhongwei", "prefecture", "宁夏回族自治区", "宁夏回族自治区", "中卫市", "卫政发"),
    _r("洛阳市", "Luoyang", "prefecture", "河南省", "河南省", "洛阳市", "洛政"),
    _r("开封市", "Kaifeng", "prefecture", "河南省", "河南省", "开封市", "汴政"),
    _r("南阳市", "Nanyang", "prefecture", "河南省", "河南省", "南阳市", "宛政"),
    _r("信阳市", "Xinyang", "prefecture", "河南省", "河南省", "信阳市", "信政"),
    _r("周口市", "Zhoukou", "prefecture", "河南省", "河南省", "周口市", "周政"),
    _r("潍坊市", "Weifang", "prefecture", "山东省", "山东省", "潍坊市", "潍政发"),
    _r("烟台市", "Yantai", "prefecture", "山东省", "山东省", "烟台市", "烟政发"),
    _r("临沂市", "Linyi", "prefecture", "山东省", "山东省", "临沂市", "临政发"),
    _r("济宁市", "Jining", "prefecture", "山东省", "山东省", "济宁市", "济政发"),
    _r("德州市", "Dezhou", "prefecture", "山东省", "山东省", "德州市", "德政发"),
    _r("聊城市", "Liaocheng", "prefecture", "山东省", "山东省", "聊城市", "聊政发"),
    _r("赣州市", "Ganzhou", "prefecture", "江西省", "江西省", "赣州市", "赣市府发"),
    _r("遵义市", "Zunyi", "prefecture", "贵州省", "贵州省", "遵义市", "遵府发"),
    _r(
        "黔东南苗族侗族自治州",
        "Qiandongnan Miao and Dong Autonomous Prefecture",
        "prefecture",
        "贵州省",
        "贵州省",
        "黔东南州",
        "黔东南府发",
    ),
    _r(
        "大理白族自治州",
        "Dali Bai Autonomous Prefecture",
        "prefecture",
        "云南省",
        "云南省",
        "大理州",
        "大政发",
    ),
    _r(
        "延边朝鲜族自治州",
        "Yanbian Korean Autonomous Prefecture",
        "prefecture",
        "吉林省",
        "吉林省",
        "延边州",
        "延州政发",
    ),
    _r("榆林市", "Yulin", "prefecture", "陕西省", "陕西省", "榆林市", "榆政发"),
    _r("宝鸡市", "Baoji", "prefecture", "陕西省", "陕西省", "宝鸡市", "宝政发"),
    # County-level (parent = prefecture).
    _r(
        "忻州市定襄县",
        "Dingxiang County, Xinzhou",
        "county",
        "忻州市",
        "山西省",
        "定襄县",
        "定政发",
    ),
    _r(
        "晋中市平遥县", "Pingyao County, Jinzhong", "county", "晋中市", "山西省", "平遥县", "平政发"
    ),
    _r(
        "临夏回族自治州永靖县",
        "Yongjing County, Linxia",
        "county",
        "临夏回族自治州",
        "甘肃省",
        "永靖县",
        "永政发",
    ),
    _r(
        "张掖市甘州区",
        "Ganzhou District, Zhangye",
        "county",
        "张掖市",
        "甘肃省",
        "甘州区",
        "甘政发",
    ),
    _r(
        "吴忠市青铜峡市",
        "Qingtongxia, Wuzhong",
        "county",
        "吴忠市",
        "宁夏回族自治区",
        "青铜峡市",
        "青政发",
    ),
    _r("洛阳市栾川县", "Luanchuan County, Luoyang", "county", "洛阳市", "河南省", "栾川县", "栾政"),
    _r("南阳市西峡县", "Xixia County, Nanyang", "county", "南阳市", "河南省", "西峡县", "西政"),
    _r("潍坊市寿光市", "Shouguang, Weifang", "county", "潍坊市", "山东省", "寿光市", "寿政发"),
    _r(
        "烟台市蓬莱区", "Penglai District, Yantai", "county", "烟台市", "山东省", "蓬莱区", "蓬政发"
    ),
    _r("临沂市沂水县", "Yishui County, Linyi", "county", "临沂市", "山东省", "沂水县", "沂政发"),
    _r("赣州市瑞金市", "Ruijin, Ganzhou", "county", "赣州市", "江西省", "瑞金市", "瑞府发"),
    _r("遵义市仁怀市", "Renhuai, Zunyi", "county", "遵义市", "贵州省", "仁怀市", "仁府发"),
    _r(
        "大理白族自治州宾川县",
        "Binchuan County, Dali",
        "county",
        "大理白族自治州",
        "云南省",
        "宾川县",
        "宾政发",
    ),
    _r("湖州市安吉县", "Anji County, Huzhou", "county", "湖州市", "浙江省", "安吉县", "安政发"),
    _r("丽水市松阳县", "Songyang County, Lishui", "county", "丽水市", "浙江省", "松阳县", "松政发"),
)

# How the shipped plans name their own region; swapped for the synthetic plan's region.
_SOURCE_SELF_NAMES = (
    "宁夏回族自治区",
    "临夏回族自治州",
    "山西省忻州市忻府区",
    "忻州市忻府区",
    "甘肃省",
    "山东省",
    "河南省",
    "山西省",
    "忻府区",
    "临夏州",
)
_SELF_NAME_RE = re.compile("|".join(sorted(_SOURCE_SELF_NAMES, key=len, reverse=True)))
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
    topics: list[str] = field(default_factory=list)  # subsection lead phrases (指导思想。)
    fingerprint: str = ""


def load_pool() -> SentencePool:
    """Sentences and headings of every shipped plan (read with greenmetrics' own reader)."""
    from greenmetrics.inputs import iter_plan_files
    from greenmetrics.readers import read_document

    pool = SentencePool()
    digest = hashlib.sha256()
    for path in iter_plan_files([RAW_DIR]):
        doc = read_document(path)
        digest.update(doc.sha256.encode())
        for line in doc.text.split("\n"):
            line = line.strip()
            if not line:
                continue
            heading = _HEADING_RE.match(line)
            if heading:
                rest = line[heading.end() :].strip()
                title, dot, body = rest.partition("。")
                if dot and body and len(title) <= 20:
                    pool.topics.append(title)  # （一）指导思想。坚持...
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
    pool.fingerprint = digest.hexdigest()[:16]
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


def _vary(sentence: str, rng: random.Random, region: Region, main_year: int) -> str:
    sentence = _SELF_NAME_RE.sub(region.short, sentence)
    sentence = _SCOPE_WORD_RE.sub(region.short[-1], sentence)
    sentence = _TARGET_YEAR_RE.sub(
        lambda m: str(main_year if rng.random() < 0.7 else rng.randint(2022, 2030)), sentence
    )
    return _QUANTITY_RE.sub(
        lambda m: _perturb_number(rng, m.group(1), sentence[m.end() : m.end() + 1]), sentence
    )


def make_plan(index: int, pool: SentencePool, seed: int) -> tuple[str, dict]:
    """Plan number `index`: its text and its manifest row (the same for every corpus size)."""
    rng = random.Random(f"{seed}:{index}")
    region = rng.choice(REGIONS)
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
            _vary(rng.choice(pool.sentences), rng, region, main_year)
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
        "source": f"bench/run_bench.py synthetic plan {index} (seed {seed})",
    }
    return text, row


def build_corpus(n: int, pool: SentencePool, seed: int, force: bool = False) -> Path:
    """bench/corpus/N/: N plans and documents.csv; reused when the recipe is unchanged."""
    folder = CORPUS_DIR / str(n)
    stamp_path = folder / ".stamp"
    stamp = f"v{GENERATOR_VERSION} seed={seed} n={n} source={pool.fingerprint}"
    if not force and stamp_path.is_file() and stamp_path.read_text() == stamp:
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    rows = []
    for i in range(n):
        text, row = make_plan(i, pool, seed)
        (folder / row["file"]).write_text(text, encoding="utf-8", newline="\n")
        rows.append(row)
    buf = io.StringIO(newline="")
    writer = csv.DictWriter(buf, fieldnames=MANIFEST_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    (folder / "documents.csv").write_text(buf.getvalue(), encoding="utf-8", newline="")
    stamp_path.write_text(stamp)
    return folder


# ---------------------------------------------------------------------------------------------
# Measurements
# ---------------------------------------------------------------------------------------------


def _plan_jobs(folder: Path) -> list[tuple[str, tuple[str, ...], int | None]]:
    """(path, region short names, issue year) for every plan in a corpus, from its manifest."""
    jobs = []
    with (folder / "documents.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            names = _region_names(row["region_zh"])
            year = int(row["issue_date"][:4]) if row.get("issue_date") else None
            jobs.append((str(folder / row["file"]), names, year))
    return jobs


def _simple_short_names(region_zh: str) -> tuple[str, ...]:
    """Stand-in for pipeline.region_short_names while the pipeline cannot be imported."""
    names = {region_zh}
    if "市" in region_zh[:-1]:
        names.add(region_zh.rsplit("市", 1)[1])
    return tuple(sorted((n for n in names if len(n) >= 2), key=len, reverse=True))


@functools.cache
def _short_names_function():
    try:
        from greenmetrics.regions import region_short_names
    except ImportError:
        return _simple_short_names
    return region_short_names


def _region_names(region_zh: str) -> tuple[str, ...]:
    return _short_names_function()(region_zh)


def extract_one(job: tuple[str, tuple[str, ...], int | None]) -> tuple[int, int, int]:
    """read_document + extract for one plan, as the pipeline calls them: (bytes, targets, ms)."""
    from greenmetrics.extract import PlanContext, default_target_year, extract
    from greenmetrics.readers import read_document

    path, names, issue_year = job
    doc = read_document(Path(path))
    context = PlanContext(
        doc_id=doc.doc_id,
        region_names=names,
        issue_year=issue_year,
        default_target_year=default_target_year(doc.text, issue_year),
    )
    targets, milestones = extract(doc.text, context)
    return os.path.getsize(path), len(targets), len(milestones)


def _warm_up() -> None:
    """Import and compile the regexes once so that the first timed plan is not penalised."""
    first = sorted(RAW_DIR.glob("*.txt"))[0]
    extract_one((str(first), (), None))


@dataclass
class Throughput:
    seconds: float
    mb: float
    plans: int
    targets: int
    milestones: int

    @property
    def mb_s(self) -> float:
        return self.mb / self.seconds

    @property
    def plans_s(self) -> float:
        return self.plans / self.seconds


def throughput_serial(jobs) -> Throughput:
    _warm_up()
    t0 = time.perf_counter()
    results = [extract_one(job) for job in jobs]
    seconds = time.perf_counter() - t0
    return _throughput(seconds, results)


def throughput_pool(jobs, processes: int) -> Throughput:
    """Pool start-up included: that is what a parallel run pays."""
    t0 = time.perf_counter()
    with multiprocessing.Pool(processes, initializer=_warm_up) as pool:
        chunk = max(1, len(jobs) // (processes * 8))
        results = list(pool.imap_unordered(extract_one, jobs, chunksize=chunk))
    seconds = time.perf_counter() - t0
    return _throughput(seconds, results)


def _throughput(seconds: float, results) -> Throughput:
    return Throughput(
        seconds=seconds,
        mb=sum(r[0] for r in results) / 1e6,
        plans=len(results),
        targets=sum(r[1] for r in results),
        milestones=sum(r[2] for r in results),
    )


_CHILD_PIPELINE = """
import json, sys, tempfile, time
from pathlib import Path
t0 = time.perf_counter()
from greenmetrics.pipeline import extract_corpus, write_extraction
t1 = time.perf_counter()
result = extract_corpus([Path(sys.argv[1])])
t2 = time.perf_counter()
with tempfile.TemporaryDirectory() as out:
    write_extraction(result, Path(out))
t3 = time.perf_counter()
print(json.dumps({
    "import_s": t1 - t0, "extract_s": t2 - t1, "write_s": t3 - t2,
    "documents": len(result.documents), "targets": len(result.targets),
    "milestones": len(result.milestones), "problems": len(result.problems),
}))
"""
_CHILD_IMPORT = "import greenmetrics.pipeline"


def _rss_mb(ru_maxrss: int) -> float:
    # NOTE: ru_maxrss is in KiB on Linux, in bytes on macOS.
    return ru_maxrss / (1024 * 1024) if sys.platform == "darwin" else ru_maxrss / 1024


def run_child(code: str, *args: str, timeout: float = 1800) -> tuple[float, float, str]:
    """Run `python -c code args` in a fresh process: (wall s, peak RSS MB, stdout).

    The peak RSS is that child's own, read from os.wait4 (the rusage of exactly this child,
    same figure as getrusage(RUSAGE_CHILDREN).ru_maxrss would give in a parent with no other
    children)."""
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            [sys.executable, "-c", code, *args], stdout=out, stderr=err, cwd=ROOT, env=_env()
        )
        deadline = time.monotonic() + timeout
        while True:
            pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                pid, status, rusage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.01)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if proc.returncode:
        tail = " | ".join(stderr.strip().splitlines()[-3:])
        raise RuntimeError(f"child exited {proc.returncode}: {tail}")
    return wall, _rss_mb(rusage.ru_maxrss), stdout


def _env() -> dict[str, str]:
    env = dict(os.environ)
    bin_dir = str(Path(sys.executable).parent)
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    env.setdefault("MPLBACKEND", "Agg")
    env.setdefault("PYTHONHASHSEED", "0")
    return env


@dataclass
class PipelineRun:
    wall_s: float  # fresh process, interpreter start to exit
    import_s: float
    extract_s: float
    write_s: float
    peak_mb: float
    documents: int
    targets: int
    milestones: int
    problems: int


def pipeline_run(folder: Path) -> PipelineRun:
    wall, peak, stdout = run_child(_CHILD_PIPELINE, str(folder))
    data = json.loads(stdout.strip().splitlines()[-1])
    return PipelineRun(wall_s=wall, peak_mb=peak, **data)


def plan_timing(job, repeats: int) -> tuple[float, float, float, float]:
    """One plan, `repeats` times in a warm process, with its manifest metadata.

    Returns (median ms of read_document + extract, median ms of extract alone, fastest ms of
    read_document + extract, size KB)."""
    from greenmetrics.extract import PlanContext, default_target_year, extract
    from greenmetrics.readers import read_document

    path, names, issue_year = job
    _warm_up()
    full, only = [], []
    for _ in range(repeats):
        t0 = time.perf_counter()
        doc = read_document(Path(path))
        year = default_target_year(doc.text, issue_year)
        t1 = time.perf_counter()
        extract(doc.text, PlanContext(doc.doc_id, names, issue_year, year))
        t2 = time.perf_counter()
        full.append((t2 - t0) * 1000)
        only.append((t2 - t1) * 1000)
    kb = os.path.getsize(path) / 1000
    return statistics.median(full), statistics.median(only), min(full), kb


def _closest_to(jobs, size: int):
    return min(jobs, key=lambda job: abs(os.path.getsize(job[0]) - size))


def profile_extraction(jobs, top: int = 15) -> str:
    """cProfile of read_document + extract over `jobs`; the top functions by cumulative time."""
    _warm_up()
    profiler = cProfile.Profile()
    profiler.enable()
    for job in jobs:
        extract_one(job)
    profiler.disable()
    return _profile_text(profiler, top)


def profile_pipeline(folder: Path, top: int = 25) -> str:
    """cProfile of extract_corpus + write_extraction (to a temporary folder) on one corpus."""
    from greenmetrics.pipeline import extract_corpus, write_extraction

    _warm_up()
    profiler = cProfile.Profile()
    with tempfile.TemporaryDirectory() as out:
        write_extraction(extract_corpus([RAW_DIR]), Path(out))  # lazy imports out of the way
        profiler.enable()
        result = extract_corpus([folder])
        write_extraction(result, Path(out))
        profiler.disable()
    return _profile_text(profiler, top)


def _profile_text(profiler: cProfile.Profile, top: int) -> str:
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.strip_dirs().sort_stats("cumulative").print_stats(top)
    out.write("\n--- by own (total) time ---\n")
    stats.sort_stats("tottime").print_stats(top)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# greenmetrics report (the main job)
# ---------------------------------------------------------------------------------------------


def report_command() -> list[str] | None:
    """The `greenmetrics` executable when it has a `report` subcommand, else None."""
    venv_bin = str(Path(sys.executable).parent)
    exe = shutil.which("greenmetrics", path=f"{venv_bin}{os.pathsep}{os.environ.get('PATH', '')}")
    if exe is None:
        return None
    probe = subprocess.run(
        [exe, "report", "--help"], capture_output=True, text=True, env=_env(), timeout=120
    )
    return [exe, "report"] if probe.returncode == 0 else None


_COPY_IGNORE = shutil.ignore_patterns(
    ".git", ".venv", "corpus", "__pycache__", ".pytest_cache", ".ruff_cache", ".hypothesis"
)


def _clear_outputs(root: Path) -> None:
    """Delete the job's outputs (data/processed/*, reports/*) but keep the .gitkeep files."""
    for folder in (root / "data" / "processed", root / "reports"):
        if not folder.is_dir():
            continue
        for child in folder.iterdir():
            if child.name == ".gitkeep":
                continue
            if child.is_dir():
                shutil.rmtree(child)
            else:
                child.unlink()


@dataclass
class ReportRun:
    cold_s: float
    warm_s: float
    notebooks: int  # notebooks the job found (notebooks/NN_*.ipynb)
    summary: str  # the job's last output lines


def time_report(
    command: list[str], in_place: bool, timeout: float = 900, extra: Sequence[str] = ()
) -> ReportRun:
    """Cold and warm wall time of the main job on the shipped corpus.

    By default it runs in a temporary copy of the repository (GREENMETRICS_ROOT pointing at
    it) so the outputs of people working in the repository are not touched. Cold: a fresh
    copy without outputs, new processes; warm: the same command again right after."""
    if in_place:
        root, tmp = ROOT, None
    else:
        tmp = Path(tempfile.mkdtemp(prefix="greenmetrics-bench-"))
        root = tmp / "repo"
        shutil.copytree(ROOT, root, ignore=_COPY_IGNORE, symlinks=True)
        _clear_outputs(root)
    env = _env()
    env["GREENMETRICS_ROOT"] = str(root)
    n_notebooks = len(list((root / "notebooks").glob("[0-9][0-9]_*.ipynb")))
    times = []
    output = ""
    try:
        for _ in range(2):
            t0 = time.perf_counter()
            done = subprocess.run(
                [*command, *extra],
                cwd=root,
                env=env,
                capture_output=True,
                text=True,
                timeout=timeout,
            )
            times.append(time.perf_counter() - t0)
            output = (done.stdout + "\n" + done.stderr).strip()
            if done.returncode:
                tail = " | ".join(output.splitlines()[-3:])
                raise RuntimeError(f"`greenmetrics report` exited {done.returncode}: {tail}")
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    summary = " / ".join(line.strip() for line in output.splitlines()[-3:] if line.strip())
    summary = summary.replace(str(root), "<repo>")
    return ReportRun(times[0], times[1], n_notebooks, summary)


SCALE_NOTEBOOKS = ("02_target_gaps.ipynb", "03_cross_region.ipynb")
TARGET_NOTEBOOK_S = 60.0

_NOTEBOOK_TIMER = """
import sys, time
from pathlib import Path
from greenmetrics.report import execute_notebook
from greenmetrics import paths
t0 = time.perf_counter()
execute_notebook(paths.NOTEBOOKS_DIR / sys.argv[1], paths.REPORTS_DIR / "notebooks")
print(time.perf_counter() - t0)
"""


def time_notebooks_at_scale(corpus: Path, timeout: float = 900) -> dict[str, float]:
    """Seconds to execute the gaps and cross-region notebooks on a synthetic corpus.

    A temporary copy of the repository gets the corpus as its data/raw; the extraction runs
    first (not timed here: it is measured above), then each notebook in a fresh kernel."""
    tmp = Path(tempfile.mkdtemp(prefix="greenmetrics-scale-"))
    root = tmp / "repo"
    try:
        shutil.copytree(ROOT, root, ignore=_COPY_IGNORE, symlinks=True)
        _clear_outputs(root)
        raw = root / "data" / "raw"
        shutil.rmtree(raw)
        shutil.copytree(corpus, raw)
        env = _env()
        env["GREENMETRICS_ROOT"] = str(root)
        python = sys.executable
        code = "from greenmetrics.pipeline import extract_corpus, write_extraction; write_extraction(extract_corpus())"
        subprocess.run([python, "-c", code], cwd=root, env=env, check=True, timeout=timeout)
        seconds = {}
        for name in SCALE_NOTEBOOKS:
            done = subprocess.run(
                [python, "-c", _NOTEBOOK_TIMER, name],
                cwd=root,
                env=env,
                capture_output=True,
                text=True,
                timeout=timeout,
            )
            if done.returncode:
                raise RuntimeError(f"{name} failed: {done.stderr.strip().splitlines()[-1:]}")
            seconds[name] = float(done.stdout.strip().splitlines()[-1])
        return seconds
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------


def _load() -> str:
    """1-minute load average: other work on the machine makes every figure slower."""
    return f"{os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else "n/a"


def machine_info() -> list[str]:
    mem = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        m = re.search(r"MemTotal:\s+(\d+) kB", meminfo.read_text())
        if m:
            mem = f"{int(m.group(1)) / 1024 / 1024:.1f} GiB RAM"
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    cpu = f"os.cpu_count() = {os.cpu_count()}"
    if affinity is not None and affinity != os.cpu_count():
        cpu += f" (usable: {affinity})"
    return [
        f"- Machine: {platform.platform()}, {platform.machine()}"
        + (f", {platform.processor()}" if platform.processor() else ""),
        f"- CPUs: {cpu}" + (f"; {mem}" if mem else ""),
        f"- Python {platform.python_version()} ({sys.executable})",
        f"- Date: {dt.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}",
    ]


PLAN_HEADER = [
    "plan",
    "KB",
    "median read+extract ms",
    "median extract ms",
    "fastest read+extract ms",
]


def _verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "FAIL")


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _plain(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows, strict=True)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    return "\n".join([fmt.format(*header), *(fmt.format(*r) for r in rows)])


MAIN_JOB_BEGIN = "<!-- main job runs: bench/run_bench.py --report-only -->"
MAIN_JOB_END = "<!-- end of main job runs -->"


def _main_job_section(text: str) -> str:
    """The section --report-only keeps in results.md (between its markers), or ""."""
    if MAIN_JOB_BEGIN in text and MAIN_JOB_END in text:
        start = text.index(MAIN_JOB_BEGIN)
        return text[start : text.index(MAIN_JOB_END) + len(MAIN_JOB_END)]
    return ""


def report_only(args, argv) -> int:
    """Time the main job alone: `--report-runs` cold + warm pairs for each argument set of
    `--report-args` (e.g. "" and "--formats png,svg,pdf"), with the load average around each
    run; the table replaces the main-job section of results.md."""
    command = report_command()
    if command is None:
        print("greenmetrics report: not available")
        return 1
    rows = []
    for extra in args.report_args or [""]:
        for run in range(args.report_runs):
            before = _load()
            result = time_report(command, args.report_in_place, extra=extra.split())
            rows.append(
                [
                    f"`greenmetrics report {extra}`".replace(" `", "`"),
                    str(run + 1),
                    f"{result.cold_s:.1f}",
                    f"{result.warm_s:.1f}",
                    f"{before} / {_load()}",
                    _verdict(result.cold_s < TARGET_REPORT_S),
                ]
            )
            print("  " + " | ".join(rows[-1]), flush=True)
    header = ["command", "run", "cold s", "warm s", "load 1 min before / after", "< 30 s cold"]
    label = args.report_label or "this checkout"
    section = [
        MAIN_JOB_BEGIN,
        f"## Main job runs: {label}",
        "",
        *machine_info(),
        f"- Command: `{Path(sys.executable).name} bench/run_bench.py "
        + " ".join(argv if argv is not None else sys.argv[1:])
        + "`",
        "- Cold: a fresh copy of the repository without data/processed or reports, new "
        "processes; warm: the same command right after.",
        "",
        *_table(header, rows),
        "",
        MAIN_JOB_END,
    ]
    old = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
    kept = _main_job_section(old)
    text = "\n".join(section)
    new = old.replace(kept, text) if kept and args.replace_runs else (old.rstrip() + "\n\n" + text)
    args.out.write_text(new.strip() + "\n", encoding="utf-8")
    print(f"written {args.out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--report-only",
        action="store_true",
        help="time only the main job (see --report-runs, --report-args); added to results.md",
    )
    parser.add_argument("--report-runs", type=int, default=3, help="cold + warm pairs")
    parser.add_argument(
        "--report-args",
        nargs="*",
        default=None,
        help='argument sets of `greenmetrics report`, e.g. "" "--formats png,svg,pdf"',
    )
    parser.add_argument("--report-label", default="", help="title of the --report-only section")
    parser.add_argument(
        "--replace-runs",
        action="store_true",
        help="--report-only replaces the last main-job section instead of adding one",
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--skip-report", action="store_true", help="do not run the main job")
    parser.add_argument(
        "--report-in-place",
        action="store_true",
        help="run `greenmetrics report` in the repository itself (default: a temporary copy)",
    )
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--repeats", type=int, default=50, help="runs of the 20 KB plan")
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    parser.add_argument(
        "--profile",
        type=int,
        default=100,
        metavar="N",
        help="cProfile extraction on corpus N (0: no profile); printed and added to the results",
    )
    parser.add_argument(
        "--profile-pipeline",
        type=int,
        default=1000,
        metavar="N",
        help="cProfile extract_corpus + write_extraction on corpus N (0: no profile)",
    )
    parser.add_argument("--rebuild", action="store_true", help="regenerate the corpora")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    if args.report_only:
        return report_only(args, argv)
    sizes = sorted(set(args.sizes))
    processes = max(1, args.processes)
    load_start = _load()

    print(f"building corpora {sizes} under {CORPUS_DIR.relative_to(ROOT)}/ ...", flush=True)
    t0 = time.perf_counter()
    pool = load_pool()
    folders = {n: build_corpus(n, pool, args.seed, force=args.rebuild) for n in sizes}
    for extra in (args.profile, args.profile_pipeline):
        if extra and extra not in folders:
            folders[extra] = build_corpus(extra, pool, args.seed, force=args.rebuild)
    print(
        f"  {len(pool.sentences)} source sentences, {len(pool.headings)} headings; "
        f"{time.perf_counter() - t0:.1f} s",
        flush=True,
    )

    rows: list[list[str]] = []
    serial: dict[int, Throughput] = {}
    parallel: dict[int, Throughput] = {}
    pipeline: dict[int, PipelineRun | str] = {}
    for n in sizes:
        jobs = _plan_jobs(folders[n])
        print(f"N={n}: serial ...", flush=True)
        serial[n] = throughput_serial(jobs)
        print(f"N={n}: pool of {processes} ...", flush=True)
        parallel[n] = throughput_pool(jobs, processes)
        print(f"N={n}: extract_corpus + write_extraction in a fresh process ...", flush=True)
        try:
            pipeline[n] = pipeline_run(folders[n])
        except (RuntimeError, ValueError) as exc:
            pipeline[n] = f"not available ({exc})"
        s, p, pr = serial[n], parallel[n], pipeline[n]
        row = [
            str(n),
            f"{s.mb:.2f}",
            f"{s.mb_s:.2f}",
            f"{s.plans_s:.0f}",
            f"{p.mb_s:.2f}",
            f"{p.plans_s:.0f}",
            f"{p.mb_s / processes:.2f}",
        ]
        if isinstance(pr, PipelineRun):
            row += [
                f"{pr.wall_s:.2f}",
                f"{pr.extract_s:.2f} + {pr.write_s:.2f}",
                f"{pr.peak_mb:.0f}",
                f"{pr.targets} / {pr.milestones}",
            ]
        else:
            row += ["n/a", "n/a", "n/a", f"{s.targets} / {s.milestones}"]
        rows.append(row)
        print("  " + " | ".join(row), flush=True)

    header = [
        "N plans",
        "MB",
        "1 proc MB/s",
        "1 proc plans/s",
        f"{processes} procs MB/s",
        f"{processes} procs plans/s",
        "MB/s per core (pool)",
        "extract_corpus+write wall s (fresh proc)",
        "in-process extract + write s",
        "peak RSS MB",
        "targets / milestones",
    ]

    baseline_mb: float | None
    try:
        _, baseline_mb, _ = run_child(_CHILD_IMPORT)
    except RuntimeError:
        baseline_mb = None

    print(f"20 KB plans, median of {args.repeats} runs ...", flush=True)
    plan_rows = []
    plan_ms: list[float] = []
    candidates = [
        ("shipped", _closest_to(_plan_jobs(RAW_DIR), 20_000)),
        ("synthetic", _closest_to(_plan_jobs(folders[min(sizes)]), 20_000)),
    ]
    for kind, job in candidates:
        median_full, median_only, fastest, kb = plan_timing(job, args.repeats)
        plan_ms.append(median_full)
        plan_rows.append(
            [
                f"{kind} {Path(job[0]).resolve().relative_to(ROOT)}",
                f"{kb:.1f}",
                f"{median_full:.2f}",
                f"{median_only:.2f}",
                f"{fastest:.2f}",
            ]
        )
    print(_plain(PLAN_HEADER, plan_rows), flush=True)

    report_run: ReportRun | None = None
    report_note = ""
    if args.skip_report:
        report_note = "skipped (--skip-report)"
    else:
        command = report_command()
        if command is None:
            report_note = "not available yet (no `greenmetrics report` subcommand)"
        else:
            print("greenmetrics report: cold then warm ...", flush=True)
            try:
                report_run = time_report(command, args.report_in_place)
            except (RuntimeError, subprocess.TimeoutExpired) as exc:
                report_note = f"failed: {exc}"
    if report_run:
        where = "in the repository" if args.report_in_place else "in a temporary copy"
        report_note = (
            f"cold {report_run.cold_s:.1f} s, warm {report_run.warm_s:.1f} s ({where}); "
            f"{report_run.notebooks} notebook(s) in notebooks/; last output: "
            f"{report_run.summary}"
        )
    print(f"greenmetrics report: {report_note}", flush=True)

    scale_seconds: dict[str, float] = {}
    scale_note = "skipped (--skip-report)"
    if not args.skip_report:
        print(f"notebooks on corpus {max(sizes)} ...", flush=True)
        try:
            scale_seconds = time_notebooks_at_scale(folders[max(sizes)])
            scale_note = ", ".join(f"{k}: {v:.1f} s" for k, v in scale_seconds.items())
        except (RuntimeError, subprocess.SubprocessError) as exc:
            scale_note = f"failed: {exc}"
    print(f"notebooks at scale: {scale_note}", flush=True)

    profile_text = ""
    if args.profile:
        print(f"profiling extraction on corpus {args.profile} ...", flush=True)
        profile_text = profile_extraction(_plan_jobs(folders[args.profile]))
    pipeline_profile = ""
    if args.profile_pipeline:
        n = args.profile_pipeline
        print(f"profiling extract_corpus + write_extraction on corpus {n} ...", flush=True)
        try:
            pipeline_profile = profile_pipeline(folders[n])
        except ImportError as exc:
            pipeline_profile = f"not available ({exc})"

    # -- targets ---------------------------------------------------------------------------------
    big = max(sizes)
    per_core = serial[big].mb_s
    big_run = pipeline[big]
    targets_rows = [
        [
            "extraction >= 2 MB/s per core",
            f"{per_core:.2f} MB/s (1 process, read_document + extract, N={big})",
            _verdict(per_core >= TARGET_MB_S_PER_CORE),
        ],
        [
            "a 20 KB plan < 10 ms",
            f"{max(plan_ms):.2f} ms (median read+extract; worst of shipped/synthetic)",
            _verdict(max(plan_ms) < TARGET_20KB_MS),
        ],
    ]
    if 1000 in pipeline and isinstance(pipeline[1000], PipelineRun):
        run = pipeline[1000]
        targets_rows.append(
            [
                "1,000-plan corpus < 15 s",
                f"{run.wall_s:.1f} s (extract_corpus + write_extraction, fresh process)",
                _verdict(run.wall_s < TARGET_1000_S),
            ]
        )
    elif 1000 in serial:
        targets_rows.append(
            [
                "1,000-plan corpus < 15 s",
                "extract_corpus not measured; read_document + extract alone: "
                f"{serial[1000].seconds:.1f} s (1 process)",
                _verdict(None),
            ]
        )
    else:
        targets_rows.append(["1,000-plan corpus < 15 s", "not measured", _verdict(None)])
    if isinstance(big_run, PipelineRun):
        targets_rows.append(
            [
                "peak memory < 500 MB",
                f"{big_run.peak_mb:.0f} MB (peak RSS, N={big}, fresh process)",
                _verdict(big_run.peak_mb < TARGET_PEAK_MB),
            ]
        )
    else:
        targets_rows.append(["peak memory < 500 MB", "not measured", _verdict(None)])
    targets_rows.append(
        [
            f"gaps and cross-region notebooks on {max(sizes)} plans < 60 s each",
            scale_note,
            _verdict(max(scale_seconds.values()) < TARGET_NOTEBOOK_S if scale_seconds else None),
        ]
    )
    if report_run and report_run.notebooks:
        targets_rows.append(
            [
                "full main job < 30 s cold",
                f"{report_run.cold_s:.1f} s cold ({report_run.notebooks} notebooks)",
                _verdict(report_run.cold_s < TARGET_REPORT_S),
            ]
        )
    elif report_run:
        targets_rows.append(
            [
                "full main job < 30 s cold",
                f"{report_run.cold_s:.1f} s cold, but notebooks/ holds no notebook yet: "
                "extraction only, not the full job",
                _verdict(None),
            ]
        )
    else:
        targets_rows.append(["full main job < 30 s cold", report_note, _verdict(None)])

    print()
    print(_plain(header, rows))
    print()
    print(_plain(["target", "measured", "verdict"], targets_rows))

    notes = []
    for n in sizes:
        if isinstance(pipeline[n], str):
            notes.append(f"- N={n}: extract_corpus {pipeline[n]}")
    md = [
        "# greenmetrics benchmark",
        "",
        "Produced by `bench/run_bench.py` (see bench/README.md for what each figure means).",
        "",
        *machine_info(),
        f"- 1-minute load average: {load_start} at the start, {_load()} at the end "
        "(anything above ~0 means other work shared the CPUs during the run)",
        f"- Command: `{Path(sys.executable).name} bench/run_bench.py "
        + " ".join(argv if argv is not None else sys.argv[1:])
        + "`",
        f"- Corpus: synthetic plans from {len(pool.sentences)} sentences of the shipped "
        f"plans, seed {args.seed}, 10-30 KB each (bench/corpus/N/)",
        "",
        "## Targets",
        "",
        *_table(["target", "measured", "verdict"], targets_rows),
        "",
        "## Corpus scale",
        "",
        *_table(header, rows),
        "",
        "Peak RSS: `ru_maxrss` of the fresh child process (from `os.wait4`, i.e. the child's "
        "own getrusage), interpreter and imports included"
        + (
            f"; importing greenmetrics.pipeline alone peaks at {baseline_mb:.0f} MB."
            if baseline_mb
            else "."
        ),
        *notes,
        "",
        f"## One plan (median of {args.repeats} runs, warm process)",
        "",
        *_table(PLAN_HEADER, plan_rows),
        "",
        "## Main job (`greenmetrics report` on the shipped corpus)",
        "",
        report_note,
        "",
    ]
    if profile_text:
        md += [
            f"## Profile: read_document + extract over corpus {args.profile} (cProfile)",
            "",
            "```",
            profile_text.strip(),
            "```",
            "",
        ]
    if pipeline_profile:
        md += [
            f"## Profile: extract_corpus + write_extraction over corpus "
            f"{args.profile_pipeline} (cProfile)",
            "",
            "```",
            pipeline_profile.strip(),
            "```",
            "",
        ]
    old = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
    # NOTE: everything from the first --report-only section on is kept: those runs and the
    # sections other scripts and people add after them (PDF reading, the test command).
    runs = old[old.index(MAIN_JOB_BEGIN) :].rstrip() if MAIN_JOB_BEGIN in old else ""
    if runs:
        md += [runs, ""]
    args.out.write_text("\n".join(md), encoding="utf-8")
    if profile_text:
        print(f"\nprofile of corpus {args.profile} (also in {args.out.name}):\n{profile_text}")
    if pipeline_profile:
        print(
            f"\nprofile of extract_corpus + write_extraction, corpus {args.profile_pipeline} "
            f"(also in {args.out.name}):\n{pipeline_profile}"
        )
    print(f"written {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
