#!/usr/bin/env python3
"""Digest every output of the main job, to show that a change keeps them byte for byte.

    python3 scripts/output_digest.py write before.sha256   # after `python3 tasks.py report`
    python3 scripts/output_digest.py check before.sha256   # after the change and a new report

Covers data/processed and reports/ (tables, review, executed notebooks and their HTML copies,
figures in every format, the workbook); hidden files and folders (the fingerprint, the
per-document cache) are not outputs. `check` lists every file that is new, gone or changed
and exits 1 if there is any. Standard library only.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("data/processed", "reports")
SKIPPED = {".gitkeep", "kernel.log"}  # kernel.log holds start-up warnings, not results


def digests() -> dict[str, str]:
    found = {}
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).rglob("*")):
            hidden = any(part.startswith(".") for part in path.relative_to(ROOT).parts)
            if path.is_file() and path.name not in SKIPPED and not hidden:
                found[path.relative_to(ROOT).as_posix()] = hashlib.sha256(
                    path.read_bytes()
                ).hexdigest()
    return found


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("write", "check"):
        print(__doc__, file=sys.stderr)
        return 2
    command, target = argv[0], Path(argv[1])
    now = digests()
    if command == "write":
        target.write_text("".join(f"{h}  {p}\n" for p, h in now.items()), encoding="utf-8")
        print(f"{len(now)} files digested into {target}")
        return 0
    before = dict(
        reversed(line.split("  ", 1)) for line in target.read_text(encoding="utf-8").splitlines()
    )
    gone = sorted(set(before) - set(now))
    new = sorted(set(now) - set(before))
    changed = sorted(p for p in set(before) & set(now) if before[p] != now[p])
    for label, names in (("gone", gone), ("new", new), ("changed", changed)):
        for name in names:
            print(f"{label:8} {name}")
    same = len(set(before) & set(now)) - len(changed)
    print(f"{same} identical, {len(changed)} changed, {len(new)} new, {len(gone)} gone")
    return 1 if gone or new or changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
