#!/usr/bin/env python3
"""Write the column tables of README.md and docs/tables.md from the declarations in schemas.py.

    .venv/bin/python scripts/update_docs.py

README.md holds a table between `<!-- columns: NAME ... -->` and `<!-- /columns -->` for each
table it documents; docs/tables.md documents every declared table. tests/test_docs.py fails
when either disagrees with the declarations, so run this after changing a schema.
"""

from __future__ import annotations

import re
from pathlib import Path

from greenmetrics import schemas

ROOT = Path(__file__).resolve().parents[1]
BLOCK_RE = re.compile(
    r"(<!-- columns: (?P<name>\w+) [^>]*-->\n)(?P<body>.*?)(<!-- /columns -->)", re.S
)


def with_generated_blocks(text: str) -> str:
    """`text` with every column block rewritten from the schemas."""
    return BLOCK_RE.sub(lambda m: m.group(1) + schemas.markdown(m["name"]) + m.group(4), text)


def main() -> None:
    readme = ROOT / "README.md"
    readme.write_text(with_generated_blocks(readme.read_text(encoding="utf-8")), encoding="utf-8")
    (ROOT / "docs").mkdir(exist_ok=True)
    (ROOT / "docs" / "tables.md").write_text(schemas.data_dictionary_markdown(), encoding="utf-8")
    print("README.md and docs/tables.md updated from src/greenmetrics/schemas.py")


if __name__ == "__main__":
    main()
