#!/usr/bin/env python3
"""Write docs/tables.md, every declared table and its columns, from src/greenmetrics/schemas/,
then what a reader sees of each (schemas.readers, with the headers in Chinese and English).

    .venv/bin/python scripts/update_docs.py

tests/test_docs.py fails when either disagrees with the declarations, so run this after
changing a schema, a reader table or a column's words.
"""

from __future__ import annotations

from pathlib import Path

from greenmetrics.workbook.reader_tables import tables_document

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    (ROOT / "docs").mkdir(exist_ok=True)
    (ROOT / "docs" / "tables.md").write_text(tables_document(), encoding="utf-8")
    print("docs/tables.md updated from src/greenmetrics/schemas/")


if __name__ == "__main__":
    main()
