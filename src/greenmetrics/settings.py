"""The report's settings, declared once: the regions it is about (they lead every chart and
table and are highlighted) and the year its targets are judged in.

Notebooks take their parameter defaults from here, `greenmetrics report --regions` overrides
the focus, and the workbook and the tests read the same values, so a change here is a change
everywhere. The focus never filters the data: every region stays in every table.
"""

from __future__ import annotations

# The two regions the project was started for (a county of Shanxi, a prefecture of Gansu).
FOCUS_REGIONS: tuple[str, ...] = ("忻州市忻府区", "临夏回族自治州")
# The year the targets are judged in: 2025 targets have passed, 2026 figures are not out.
AS_OF_YEAR = 2026
LANGUAGES = ("zh", "en")
