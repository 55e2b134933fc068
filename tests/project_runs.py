"""`greenmetrics report` run as a user runs it, in a project folder of a test's own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_report(root: Path, *arguments: str) -> None:
    """`greenmetrics report ARGUMENTS` with `root` as the project (GREENMETRICS_ROOT, and no
    output folder of the calling environment); fails with the end of its log unless it exits 0."""
    env = {**os.environ, "GREENMETRICS_ROOT": str(root), "MPLBACKEND": "Agg"}
    env.pop("GREENMETRICS_PROCESSED", None)
    env.pop("GREENMETRICS_REPORTS", None)
    # NOTE: to a file, not a pipe: a pipe's reader waits for every process holding it (kernels).
    log = root / "report.log"
    with log.open("w") as out:
        done = subprocess.run(
            [sys.executable, "-m", "greenmetrics", "report", *arguments],
            env=env, stdout=out, stderr=subprocess.STDOUT, timeout=900,
        )  # fmt: skip
    assert done.returncode == 0, log.read_text()[-3000:]
