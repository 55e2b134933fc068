"""Every path the project uses, built from the location of this file (one place, no strings
scattered through notebooks). A user can point the whole project elsewhere with
GREENMETRICS_ROOT."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DATA = Path(__file__).resolve().parent / "data"
ROOT = Path(os.environ.get("GREENMETRICS_ROOT", Path(__file__).resolve().parents[2]))

RAW_DIR = ROOT / "data" / "raw"
# The report stages its outputs elsewhere and swaps them in when every step has succeeded;
# its kernels find the staging folders through these two variables.
PROCESSED_DIR = Path(os.environ.get("GREENMETRICS_PROCESSED", ROOT / "data" / "processed"))
REFERENCE_DIR = ROOT / "data" / "reference"
NOTEBOOKS_DIR = ROOT / "notebooks"
REPORTS_DIR = Path(os.environ.get("GREENMETRICS_REPORTS", ROOT / "reports"))
FIGURES_DIR = REPORTS_DIR / "figures"
# A notebook run by hand (JupyterLab, nbval) writes its figures and workbook here, never over
# the report's: only `greenmetrics report`, which names its folder in GREENMETRICS_REPORTS,
# writes reports/figures and the workbooks.
LAB_DIR = REPORTS_DIR / "lab"

MANIFEST_NAME = "documents.csv"
OVERRIDES_NAME = "overrides.csv"
INDICATOR_CATALOG = PACKAGE_DATA / "indicators.csv"


def project_relative(text: str) -> str:
    """`text` with the project's own folder left out of the paths it names (data/raw/a.doc,
    not /home/.../data/raw/a.doc): shorter on a terminal, and the same on every machine."""
    return text.replace(f"{ROOT}{os.sep}", "")
