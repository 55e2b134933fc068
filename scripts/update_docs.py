#!/usr/bin/env python3
"""Write docs/tables.md, every declared table and its columns, from src/greenmetrics/schemas/.

    .venv/bin/python scripts/update_docs.py

tests/test_docs.py fails when docs/tables.md disagrees with the declarations, so run this after
changing a schema.
"""

from __future__ import annotations

from pathlib import Path

from greenmetrics import schemas

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    (ROOT / "docs").mkdir(exist_ok=True)
    (ROOT / "docs" / "tables.md").write_text(schemas.data_dictionary_markdown(), encoding="utf-8")
    print("docs/tables.md updated from src/greenmetrics/schemas/")


if __name__ == "__main__":
    main()
