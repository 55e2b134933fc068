"""The report's files: the tables a report reuses linked into its staging folder, the staged
outputs moved into place at once, and the line that names what a run removed."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

from . import paths
from .errors import GreenmetricsError


def removed_files_line(removed: list[Path]) -> str:
    """One line naming the files a run removed, counted by kind: "removed 12 SVG files from
    an earlier run: reports/figures/a_zh.svg, ..." (paths relative to the project; the
    fingerprint stamps beside the figures are not named)."""
    shown = sorted(p for p in removed if not p.name.startswith("."))
    counts: dict[str, int] = {}
    for path in shown:
        kind = path.suffix.lstrip(".").upper() or "other"
        counts[kind] = counts.get(kind, 0) + 1
    kinds = " and ".join(f"{n} {kind}" for kind, n in sorted(counts.items()))
    names = ", ".join(paths.project_relative(str(p)) for p in shown)
    return f"removed {kinds} file{'s' if len(shown) > 1 else ''} from an earlier run: {names}"


def link_tables(processed: Path, staged: Path) -> None:
    """The current tables of `processed` (and their fingerprint) in `staged` for the kernels,
    as hard links where the file system allows, else copies: `processed` is not written, and
    a kernel that finds them stale (a plan edited meanwhile) extracts into `staged` instead
    of waiting for the lock this run holds on `processed`."""
    from .fingerprint import FINGERPRINT_NAME
    from .schemas import PROCESSED_TABLES

    staged.mkdir(parents=True, exist_ok=True)
    for name in [f"{table}.csv" for table in PROCESSED_TABLES] + [FINGERPRINT_NAME]:
        try:
            os.link(processed / name, staged / name)
        except OSError:
            shutil.copy2(processed / name, staged / name)


def swap_in(
    staged: Path, target: Path, stale: Callable[[Path], bool] = lambda p: False
) -> list[Path]:
    """Move every file `staged` holds into the same place under `target` (each rename replaces
    its namesake at once), then remove the files of `target` that `stale` says this run should
    have made but did not (a figure of this language in a format no longer asked for, the
    other language's figures of other inputs). Other files of `target` stay (kernel.log).
    Returns the files removed."""
    removed = []
    try:
        made = set()
        for entry in sorted(p for p in staged.rglob("*") if p.is_file()):
            dest = target / entry.relative_to(staged)
            dest.parent.mkdir(parents=True, exist_ok=True)
            os.replace(entry, dest)
            made.add(dest)
        for old in sorted(p for p in target.rglob("*") if p.is_file()):
            if old not in made and stale(old):
                old.unlink()
                removed.append(old)
    except OSError as exc:
        raise GreenmetricsError(
            f"{target}: cannot move the new report into place: {exc.strerror or exc}"
        ) from None
    return removed
