"""Researchers' corrections, kept in data/raw/overrides.csv and applied after every extraction.

One row per correction; `action` says what it does:

- `reject`  target_id                     -> the target is dropped
- `correct` target_id + the fields to set -> those fields replace the extracted ones
- `add`     doc_id + quote + fields       -> a target the extractor missed; the quote must be in
                                             the document (char_start picks one occurrence)
- `map`     indicator_zh + indicator_id   -> the phrase lands on that catalog indicator

Every problem is collected and raised together, each naming the line of the file, so a stale
or conflicting override stops the run before anything is written.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .catalog import Catalog, attach_indicators
from .errors import InputError
from .files import read_curated_csv
from .schemas import FIELDS, columns, table
from .text import normalize

OVERRIDE_COLUMNS = columns("overrides")
ACTIONS = table("overrides").field("action").allowed
EDITABLE = (
    "indicator_zh", "indicator_id", "value", "unit", "comparator", "kind", "target_year",
    "baseline_year", "scope_zh", "aspirational",
)  # fmt: skip
REQUIRED_TO_ADD = ("doc_id", "quote", "indicator_zh", "value", "comparator", "kind", "target_year")


class OverrideError(InputError):
    """One or more lines of overrides.csv cannot be applied."""


@dataclass(frozen=True)
class Override:
    line: int
    action: str
    fields: dict[str, str]


def template() -> str:
    """The header of an empty overrides file, with one commented example per action."""
    return ",".join(OVERRIDE_COLUMNS) + "\n"


def load_overrides(path: Path) -> list[Override]:
    """Rows of an overrides file (missing file: none). Structural problems raise OverrideError."""
    if not path.exists():
        return []
    rows = []
    for record in read_curated_csv(path, "overrides", error=OverrideError):
        line = record.line
        fields = dict(record.values)
        action = fields.pop("action")
        if not action or action.startswith("#"):
            continue
        rows.append(Override(line, action, {k: v for k, v in fields.items() if v}))
    return rows


def _check_value(path: Path, line: int, field: str, value: str) -> object:
    """The typed value of one edited field, or OverrideError saying what is wrong; the types,
    ranges and allowed values are those the targets table declares."""
    spec = FIELDS[field]
    try:
        if spec.dtype == "float64":
            return float(value)
        if spec.dtype == "Int64":
            number = int(value)
            low, high = spec.min_value, spec.max_value
            if (low is not None and number < low) or (high is not None and number > high):
                raise ValueError
            if spec.allowed is not None and number not in spec.allowed:
                raise ValueError
            return number
    except ValueError:
        raise OverrideError(path, f"{field}={value!r} is not a valid {field}", line=line) from None
    if spec.allowed is not None and value not in spec.allowed:
        raise OverrideError(
            path, f"{field}={value!r}; allowed: {', '.join(spec.allowed)}", line=line
        )
    return value


def apply_overrides(
    targets: pd.DataFrame,
    overrides: list[Override],
    texts: dict[str, str],
    catalog: Catalog,
    path: Path,
) -> pd.DataFrame:
    """The targets table with every override applied (before schema validation and writing).

    `texts` maps doc_id to the decoded document text (to check and locate added quotes)."""
    problems: list[str] = []
    targets = targets.copy()
    known = set(targets["target_id"])
    touched: dict[str, int] = {}
    edits: dict[tuple[str, str], tuple[object, int]] = {}
    added = []

    def fail(override: Override, problem: str) -> None:
        problems.append(str(OverrideError(path, problem, line=override.line)))

    for o in overrides:
        try:
            if o.action not in ACTIONS:
                fail(o, f"unknown action {o.action!r}; use one of {', '.join(ACTIONS)}")
            elif o.action in ("reject", "correct"):
                tid = o.fields.get("target_id")
                if not tid:
                    fail(o, f"{o.action} needs a target_id")
                elif tid not in known:
                    fail(o, _unknown_target(tid, o, targets))
                elif o.action == "reject":
                    if tid in touched:
                        fail(
                            o,
                            f"conflicts with line {touched[tid]}: target {tid} is both rejected and edited",
                        )
                    touched[tid] = o.line
                    edits[(tid, "__reject__")] = (True, o.line)
                else:
                    if (tid, "__reject__") in edits:
                        fail(
                            o, f"conflicts with line {touched[tid]}: target {tid} is rejected there"
                        )
                    fields = {k: v for k, v in o.fields.items() if k in EDITABLE}
                    if not fields:
                        fail(o, f"correct names no field to set (one of {', '.join(EDITABLE)})")
                    for field, raw in fields.items():
                        value = _check_value(path, o.line, field, raw)
                        if (tid, field) in edits and edits[(tid, field)][0] != value:
                            fail(
                                o,
                                f"conflicts with line {edits[(tid, field)][1]}: {field} of {tid} set twice",
                            )
                        edits[(tid, field)] = (value, o.line)
                    touched.setdefault(tid, o.line)
            elif o.action == "add":
                lacking = [c for c in REQUIRED_TO_ADD if c not in o.fields]
                if lacking:
                    fail(o, f"add needs {', '.join(lacking)}")
                    continue
                added.append(_added_target(o, texts, path))
            else:  # map
                phrase, indicator_id = o.fields.get("indicator_zh"), o.fields.get("indicator_id")
                if not phrase or not indicator_id:
                    fail(o, "map needs indicator_zh and indicator_id")
                elif indicator_id not in catalog.indicators:
                    fail(o, f"indicator_id {indicator_id!r} is not in the indicator catalog")
                else:
                    hit = targets["indicator_zh"] == phrase
                    targets.loc[hit, "indicator_id"] = indicator_id
        except OverrideError as exc:
            problems.append(str(exc))
    if problems:
        raise OverrideError(
            path, f"{len(problems)} override(s) cannot be applied:\n" + "\n".join(problems)
        )
    rejected = {tid for (tid, field) in edits if field == "__reject__"}
    for (tid, field), (value, _) in sorted(edits.items()):
        if field != "__reject__":
            targets.loc[targets["target_id"] == tid, field] = value
    targets = targets[~targets["target_id"].isin(rejected)]
    if added:
        targets = pd.concat([targets, pd.DataFrame(added)], ignore_index=True)
    # indicator_en and theme follow indicator_id after edits and mappings
    return attach_indicators(targets, catalog, match_phrases=False)


NEAREST_IDS = 3


def _unknown_target(tid: str, o: Override, targets: pd.DataFrame) -> str:
    """Why `tid` is not found, with the nearest target ids (difflib) of the override's
    document (its doc_id, else every document), each with what it is, so a typo or a target
    whose id changed can be put right from the message alone."""
    pool = targets
    doc_id = o.fields.get("doc_id")
    if doc_id and doc_id in set(targets["doc_id"]):
        pool = targets[targets["doc_id"] == doc_id]
    ids = sorted(pool["target_id"])
    nearest = difflib.get_close_matches(tid, ids, n=NEAREST_IDS, cutoff=0.6)
    phrase = o.fields.get("indicator_zh")
    if not nearest and phrase and doc_id:
        # no id looks alike (the id changed with its clause): the same indicator named alike
        names = dict(zip(pool["indicator_zh"], pool["target_id"], strict=False))
        alike = difflib.get_close_matches(phrase, list(names), n=NEAREST_IDS, cutoff=0.5)
        nearest = [names[name] for name in alike]
    where = f"in {doc_id}" if pool is not targets else "in any document"
    message = (
        f"target {tid} not found {where}: a mistyped id, or a stale override (the plan or "
        "the extractor changed)"
    )
    if not nearest:
        return message + "; see data/processed/targets.csv for the ids"
    rows = pool.set_index("target_id")
    described = []
    for near in nearest:
        row = rows.loc[near]
        what = [row["indicator_zh"]]
        if pd.notna(row["value"]):
            what.append(f"{row['value']:g}{row['unit'] if isinstance(row['unit'], str) else ''}")
        if pd.notna(row["target_year"]):
            what.append(str(row["target_year"]))
        described.append(f"{near} ({row['doc_id']}: {' '.join(what)})")
    return message + "; nearest: " + ", ".join(described)


def _loose_pattern(quote: str) -> re.Pattern:
    """`quote` with any run of whitespace (none, spaces, line breaks) allowed between its
    characters and none required where it has some."""
    return re.compile(r"\s*".join(re.escape(ch) for ch in quote if not ch.isspace()))


def _quote_spans(text: str, quote: str) -> list[tuple[int, int]]:
    """Where `quote` stands in `text`: exactly; else with its whitespace read loosely, so a
    quote that spans lines matches whether the editor saved its breaks as \n or \r\n, or
    the user copied it from a PDF viewer without the breaks or with a space for one
    (重达到 18.3% for 重达到\n18.3%); else as the extractor reads both (`text.normalize`:
    full-width digits as ASCII, a page number or zero-width character between its words
    dropped), mapped back to offsets of `text`."""
    spans = []
    pos = text.find(quote)
    while pos >= 0:
        spans.append((pos, pos + len(quote)))
        pos = text.find(quote, pos + 1)
    if spans or not quote.strip():
        return spans
    spans = [m.span() for m in _loose_pattern(quote).finditer(text)]
    if spans:
        return spans
    read = normalize(text)
    wanted = normalize(quote).text
    if not wanted.strip():
        return []
    return [read.span_to_original(*m.span()) for m in _loose_pattern(wanted).finditer(read.text)]


def _added_target(o: Override, texts: dict[str, str], path: Path) -> dict:
    doc_id, quote = o.fields["doc_id"], o.fields["quote"]
    if doc_id not in texts:
        raise OverrideError(path, f"document {doc_id!r} is not in the corpus", line=o.line)
    text = texts[doc_id]
    spans = _quote_spans(text, quote)
    starts = [s for s, _ in spans]
    if not starts:
        raise OverrideError(path, f"quote not found in {doc_id}: {quote!r}", line=o.line)
    if "char_start" in o.fields:
        start = int(o.fields["char_start"]) if o.fields["char_start"].isdigit() else -1
        if start not in starts:
            raise OverrideError(
                path, f"quote is not at char_start {o.fields['char_start']}", line=o.line
            )
    elif len(starts) > 1:
        raise OverrideError(
            path, f"quote occurs {len(starts)} times in {doc_id}; give char_start", line=o.line
        )
    else:
        start = starts[0]
    end = dict(spans)[start]
    quote = text[start:end]  # as the document has it (its own line breaks and spaces)
    row = {
        field: _check_value(path, o.line, field, o.fields[field])
        for field in EDITABLE
        if field in o.fields
    }
    digest = hashlib.sha1(
        f"{doc_id}|{quote}|{row['indicator_zh']}|{row['value']:g}".encode()
    ).hexdigest()
    row.update(
        target_id=f"U{digest[:12]}",
        doc_id=doc_id,
        quote=quote,
        char_start=start,
        char_end=end,
        year_inferred=0,
    )
    row.setdefault("aspirational", 0)
    row.setdefault("unit", "")
    return row
