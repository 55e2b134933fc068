"""The gazetteer: China's administrative divisions (GB/T 2260) as curated data, and the one way
the project finds them in a name or a text.

`data/gazetteer.csv` lists every province, prefecture and county with its 6-digit code, level,
parent code and the short names plans use (临夏州 for 临夏回族自治州, 大连 for 大连市); where it
comes from and how to regenerate it is in `data/README.md`. It is checked on load, every problem
an `InputError` naming the file and line.

Two readings, both strict (a name is a region only if the gazetteer lists it, so 交易市 or 业上市
never are):
- `parse_chain` reads a region name as written by an issuer or a title (忻州市忻府区, 南京江北新区,
  临夏州): the divisions it names, outer to inner, and a functional zone (新区, 开发区, 高新区,
  直管区 ...) at its end, which GB/T 2260 does not list;
- `mentions` finds the divisions a running text names, longest names first, to weigh the body
  of a plan or to tell apart two divisions of one name (朝阳区 of 北京 and of 长春).

Why a module of its own: it is curated data with its loader and lookups, like the indicator
catalog; metadata detection (`greenmetrics.metadata`) decides what to make of the matches.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from . import paths
from .errors import InputError
from .files import allowed_value, read_curated_csv

GAZETTEER_PATH = paths.PACKAGE_DATA / "gazetteer.csv"
_CODE_RE = re.compile(r"[1-9][0-9]{5}")
NAME_SEPARATOR = "|"
# Functional zones: areas a government runs through a 管委会 that GB/T 2260 does not list.
FUNCTIONAL_ZONE_RE = re.compile(
    r"[\u4e00-\u9fff]{0,12}?(?:新区|高新技术产业开发区|经济技术开发区|开发区|高新区|经开区|"
    r"直管区|综合实验区|实验区|试验区|示范区|工业园区|产业园区|园区)"
)
# A name in running text of fewer characters reads inside ordinary words (新县城, 城区, 和县).
MIN_TEXT_NAME = 3


class _NameScanner:
    """The longest name at each place of a text, in one pass over it.

    Why: a body of 60,000 characters was read by slicing every length of name at every
    character. Here one compiled pattern jumps to the places where a name can start (its
    first two characters can open one) and only those are looked up, by their first two
    characters, longest name first: the same names, found about forty times faster."""

    def __init__(self, names: Iterable[str]):
        self.names = frozenset(names)
        lengths: dict[str, set[int]] = defaultdict(set)
        for name in self.names:
            lengths[name[:2]].add(len(name))
        self.lengths_by_opening = {k: sorted(v, reverse=True) for k, v in lengths.items()}
        first = "".join(sorted({n[0] for n in self.names}))
        second = "".join(sorted({n[1] for n in self.names}))
        # one character consumed, the second looked ahead at: every possible start is visited
        self.starts = re.compile(f"[{re.escape(first)}](?=[{re.escape(second)}])")

    def longest_at(self, text: str, start: int) -> str | None:
        for length in self.lengths_by_opening.get(text[start : start + 2], ()):
            name = text[start : start + length]
            if name in self.names:
                return name
        return None

    def count(self, text: str) -> Counter:
        counts: Counter = Counter()
        resume = 0  # a name found covers the places inside it
        for m in self.starts.finditer(text):
            start = m.start()
            if start < resume:
                continue
            name = self.longest_at(text, start)
            if name is not None:
                counts[name] += 1
                resume = start + len(name)
        return counts


@dataclass(frozen=True)
class Division:
    """One row of the gazetteer."""

    code: str
    name: str
    level: str
    parent_code: str | None
    short_names: tuple[str, ...]
    name_en: str | None = None


@dataclass(frozen=True)
class Chain:
    """A region name read against the gazetteer: each named part with the divisions it may be
    (outer to inner), and the functional zone that ends it, if any (江北新区)."""

    parts: tuple[tuple[str, tuple[Division, ...]], ...]
    zone: str | None = None


class Gazetteer:
    """The divisions by code and by every name they go by."""

    def __init__(self, divisions: list[Division], path: Path | None = None):
        self.path = path
        self.divisions = {d.code: d for d in divisions}
        by_name: dict[str, list[Division]] = defaultdict(list)
        for d in divisions:
            for name in (d.name, *d.short_names):
                if d not in by_name[name]:
                    by_name[name].append(d)
        self.by_name = {name: tuple(found) for name, found in by_name.items()}
        self._scanners: dict[int, _NameScanner] = {}

    def __len__(self) -> int:
        return len(self.divisions)

    def lookup(self, name: str) -> tuple[Division, ...]:
        """The divisions called `name` (full or short name); () for none."""
        return self.by_name.get(name, ())

    def parent(self, division: Division) -> Division | None:
        return self.divisions.get(division.parent_code or "")

    def ancestors(self, division: Division) -> list[Division]:
        """The divisions above `division`, nearest first."""
        out = []
        current = self.parent(division)
        while current is not None:
            out.append(current)
            current = self.parent(current)
        return out

    def province(self, division: Division) -> Division:
        chain = [division, *self.ancestors(division)]
        return chain[-1]

    def is_within(self, division: Division, outer: Division) -> bool:
        return outer in self.ancestors(division)

    def _scanner(self, min_length: int) -> _NameScanner:
        if min_length < 2:
            raise ValueError("names of one character are never read as regions")
        if min_length not in self._scanners:
            self._scanners[min_length] = _NameScanner(
                n for n in self.by_name if len(n) >= min_length
            )
        return self._scanners[min_length]

    def _longest_name_at(self, text: str, start: int, min_length: int = 2) -> str | None:
        return self._scanner(min_length).longest_at(text, start)

    def parse_chain(self, text: str) -> Chain | None:
        """`text` read as a region name from its start (see the module docstring), or None
        when it does not start with a division's name. What follows the names is ignored
        unless it is a functional zone: the caller decides whether it may follow (a department
        such as 发展和改革委员会 after an issuer's region)."""
        parts = []
        i = 0
        while i < len(text):
            name = self._longest_name_at(text, i)
            if name is None:
                break
            parts.append((name, self.lookup(name)))
            i += len(name)
        zone = FUNCTIONAL_ZONE_RE.match(text, i)
        if not parts:
            return None
        return Chain(tuple(parts), zone.group() if zone else None)

    def rest_after(self, text: str, chain: Chain) -> str:
        """What follows the names and the zone of `chain` in `text`."""
        length = sum(len(name) for name, _ in chain.parts) + len(chain.zone or "")
        return text[length:]

    def resolve(self, chain: Chain) -> list[Division]:
        """The divisions the innermost name of `chain` may be, given the names before it (each
        must lie within the one before)."""
        candidates: list[Division] = []
        for k, (_, divisions) in enumerate(chain.parts):
            if k == 0:
                candidates = list(divisions)
                continue
            inner = [d for d in divisions if any(self.is_within(d, c) for c in candidates)]
            if not inner:
                return []  # the names do not nest: not one region
            candidates = inner
        return candidates

    def mentions(self, text: str, min_length: int = MIN_TEXT_NAME) -> Counter:
        """How often each name of at least `min_length` characters occurs in `text`, reading
        left to right with the longest name at each place (大连市 before 大连)."""
        return self._scanner(min_length).count(text)

    def display_name(self, division: Division) -> str:
        """The name the project gives a region: a county with its city in front (忻州市忻府区,
        上海市浦东新区), since county names recur (朝阳区); other divisions by their own name."""
        parent = self.parent(division)
        if division.level == "county" and parent is not None and parent.name.endswith("市"):
            return parent.name + division.name
        return division.name

    def display_name_en(self, division: Division) -> str | None:
        """The English label of a region: a county with its city after it (Xinfu District,
        Xinzhou), as display_name puts the city first."""
        parent = self.parent(division)
        if (
            division.level == "county"
            and parent is not None
            and parent.name.endswith("市")
            and division.name_en
            and parent.name_en
        ):
            return f"{division.name_en}, {parent.name_en}"
        return division.name_en

    def short_name(self, division: Division, lang: str) -> str | None:
        """The name of a region on a crowded line (a source line, a sheet title): the
        division's own name without its parent city, and for a province or an autonomous
        division the short name the gazetteer lists (甘肃, 临夏州, 青龙县; Gansu, Linxia
        Prefecture). None in English for a division without an English name.

        NOTE: a short name that drops the kind of division (大连 for 大连市, 临夏 for 临夏州)
        is how plans name their own region in running text, not a label: a label keeps the kind,
        as the English keeps Prefecture and drops only the autonomy that the Chinese short name
        drops with the peoples' names."""
        if lang == "en":
            return division.name_en.replace(" Autonomous ", " ") if division.name_en else None
        if division.level == "province":
            return min(division.short_names, key=len, default=division.name)
        keeps_kind = [n for n in division.short_names if n[-1] == division.name[-1]]
        return min(keeps_kind, key=len, default=division.name)

    def short_name_of(self, name: str, lang: str) -> str | None:
        """`short_name` of the one division `name` stands for; for a functional zone of one
        division (南京市江北新区), the zone as written (江北新区), in Chinese only: GB/T 2260
        gives it no English name. None when `name` is no division or zone of one."""
        found = self.find_region(name)
        if found is not None:
            return self.short_name(found, lang)
        chain = self.parse_chain(name)
        if chain is None or not chain.zone or self.rest_after(name, chain) or lang != "zh":
            return None
        return chain.zone if len(self.resolve(chain)) == 1 else None

    def find_region(self, name: str) -> Division | None:
        """The one division a region name as the project writes it stands for (甘肃省,
        忻州市忻府区, 临夏州), or None when it is none or several."""
        chain = self.parse_chain(name)
        if chain is None or chain.zone or self.rest_after(name, chain):
            return None
        found = self.resolve(chain)
        return found[0] if len(found) == 1 else None


def _division(path: Path, line: int, row: dict[str, str], table: str) -> Division:
    code = row["division_code"]
    if not _CODE_RE.fullmatch(code):
        raise InputError(path, f"division_code {code!r} is not a 6-digit GB/T 2260 code", line)
    if not row["region_zh"]:
        raise InputError(path, f"{code}: region_zh is empty", line)
    level = allowed_value(path, row, line, "region_level", table)
    parent = row["parent_code"] or None
    if (parent is None) != (level == "province"):
        raise InputError(path, f"{code}: a {level} must {'not ' * (level == 'province')}"
                         "have a parent_code", line)  # fmt: skip
    short = tuple(n for n in row["short_names_zh"].split(NAME_SEPARATOR) if n.strip())
    short = tuple(n.strip() for n in short)
    return Division(code, row["region_zh"], level, parent, short, row.get("region_en") or None)


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """The gazetteer from `path` (default: the shipped data/gazetteer.csv), checked: codes of 6
    digits, unique, a known level, and a parent that exists one level up (a county may sit
    directly under its province: 济源市, 仙桃市)."""
    path = Path(path or GAZETTEER_PATH)
    divisions: list[Division] = []
    lines: dict[str, int] = {}
    for record in read_curated_csv(path, "gazetteer"):
        division = _division(path, record.line, record.values, "gazetteer")
        if division.code in lines:
            raise InputError(
                path, f"{division.code} is listed twice (first on line {lines[division.code]})",
                record.line,
            )  # fmt: skip
        lines[division.code] = record.line
        divisions.append(division)
    by_code = {d.code: d for d in divisions}
    allowed_parents = {"prefecture": ("province",), "county": ("prefecture", "province")}
    for d in divisions:
        if d.parent_code is None:
            continue
        parent = by_code.get(d.parent_code)
        if parent is None or parent.level not in allowed_parents[d.level]:
            raise InputError(
                path, f"{d.code} {d.name}: parent_code {d.parent_code} is not a division above "
                "it", lines[d.code],
            )  # fmt: skip
    return Gazetteer(divisions, path)


@cache
def shipped_gazetteer() -> Gazetteer:
    """The shipped gazetteer, read once per process."""
    return load_gazetteer()
