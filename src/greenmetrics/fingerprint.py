"""What extracted tables were made from: a digest of the inputs and of the code that read them.

`extraction_fingerprint` names the inputs (every file of the plan folders: plans, manifest,
overrides; and the reference data) by their bytes, and the code by the package version and
the bytes of every module the extraction runs (`pipeline` and what it imports, at its top or
inside functions) and of the package's data CSVs (catalog, gazetteer, words). It is stored
beside the tables (`FINGERPRINT_NAME`), written with them, so `greenmetrics report` and the
notebooks reuse data/processed only while nothing it was made from has changed.

Why contents, not modification times: a checkout, a copy or an upgrade sets times that say
nothing about what changed, and an older greenmetrics left tables that looked current.
"""

from __future__ import annotations

import ast
import hashlib
import json
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from . import paths

FINGERPRINT_NAME = ".extraction-fingerprint.json"
PACKAGE = Path(__file__).resolve().parent
EXTRACTION_ENTRY = "pipeline"  # the module whose imports are the extraction's code


def _module_file(dotted: list[str]) -> Path | None:
    """The source file of a module of the package (["extract", "rules"]), or None."""
    base = PACKAGE.joinpath(*dotted)
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


# An import statement at the start of a line, with its parenthesised names over several lines.
# The project's lint (ruff E7) puts every statement on a line of its own, so these are all of
# a module's imports, at its top or inside functions.
_IMPORT_STATEMENT_RE = re.compile(
    r"^[ \t]*(?:from[ \t]+[\w.]+[ \t]+import[ \t]*(?:\([^)]*\)|[^\n]*)|import[ \t][^\n]*)", re.M
)


def _import_nodes(source: str) -> list[ast.AST]:
    """The import statements of `source`, parsed one by one: parsing only them is a fraction
    of parsing the module. A line that looks like an import but does not parse as one (prose
    in a docstring, a continued line) makes the whole module parsed, so none is missed."""
    try:
        return [
            ast.parse(m.group(0).strip()).body[0] for m in _IMPORT_STATEMENT_RE.finditer(source)
        ]
    except (SyntaxError, IndexError):
        return list(ast.walk(ast.parse(source)))


def imported_base(node: ast.ImportFrom, package: list[str]) -> list[str] | None:
    """The module path below greenmetrics that `from … import` names, from a module of
    `package` (relative or absolute), or None when it imports from another package."""
    named = node.module.split(".") if node.module else []
    if node.level:
        return package[: len(package) - node.level + 1] + named
    return named[1:] if named[:1] == ["greenmetrics"] else None


def _imported(path: Path) -> set[Path]:
    """The package modules the file at `path` imports, and the package __init__ files on the
    way to each (they run on import too)."""
    relative = path.relative_to(PACKAGE).with_suffix("").parts
    package = list(relative[:-1])  # a module's package; for an __init__, its own
    found: set[Path] = set()
    for node in _import_nodes(path.read_text(encoding="utf-8")):
        if isinstance(node, ast.ImportFrom):
            base = imported_base(node, package)
            if base is None:
                continue
            targets = [base + [alias.name] for alias in node.names] + [base]
        elif isinstance(node, ast.Import):
            targets = [
                n.name.split(".")[1:] for n in node.names if n.name.startswith("greenmetrics")
            ]
        else:
            continue
        for dotted in targets:
            for k in range(len(dotted) + 1):  # the packages on the way, then the module
                file = _module_file(dotted[:k])
                if file is not None:
                    found.add(file)
    return found


@cache
def extraction_sources() -> tuple[Path, ...]:
    """The source files the extraction runs, found by following imports from `pipeline`."""
    seen: set[Path] = set()
    todo = [PACKAGE / f"{EXTRACTION_ENTRY}.py", PACKAGE / "__init__.py"]
    while todo:
        file = todo.pop()
        if file in seen:
            continue
        seen.add(file)
        todo.extend(_imported(file) - seen)
    return tuple(sorted(seen))


def _digest(files: Iterable[tuple[str, Path | None]]) -> str:
    """A digest of each name and the bytes of its file (none for a missing input)."""
    digest = hashlib.sha256()
    for name, file in files:
        digest.update(name.encode() + b"\0" + (file.read_bytes() if file else b"") + b"\0")
    return digest.hexdigest()


def code_fingerprint() -> str:
    """The package version and a digest of the extraction's modules and data CSVs."""
    import greenmetrics

    files = [*extraction_sources(), *sorted(paths.PACKAGE_DATA.glob("*.csv"))]
    code = _digest((f.relative_to(PACKAGE).as_posix(), f) for f in files)
    return f"{greenmetrics.__version__}:{code}"


def package_code_digest(package: Path = PACKAGE) -> str:
    """A digest of every module and data CSV of `package` by relative name and bytes: the code a
    report and its charts are made by (the extraction's own part: `code_fingerprint`)."""
    files = [*sorted(package.rglob("*.py")), *sorted(package.rglob("*.csv"))]
    return _digest((f.relative_to(package).as_posix(), f) for f in files)


def _named(path: Path) -> str:
    """A path as it enters the digest: relative to the project when inside it."""
    resolved = path.resolve()
    root = Path(paths.ROOT).resolve()
    return resolved.relative_to(root).as_posix() if resolved.is_relative_to(root) else str(resolved)


def inputs_fingerprint(inputs: Iterable[Path]) -> str:
    """A digest of every file under `inputs` (plans, manifest, overrides; a file or a folder
    each) and of the reference data, by name and bytes."""
    files: list[tuple[str, Path | None]] = []
    for given in sorted({Path(p) for p in inputs}):
        if given.is_file():
            files.append((_named(given), given))
        elif given.is_dir():
            files += [(_named(f), f) for f in sorted(given.rglob("*")) if f.is_file()]
        else:
            files.append((_named(given) + " (missing)", None))
    reference = Path(paths.REFERENCE_DIR)
    if reference.is_dir():
        files += [(_named(f), f) for f in sorted(reference.rglob("*.csv"))]
    return _digest(files)


def extraction_fingerprint(inputs: Iterable[Path]) -> dict[str, str]:
    """What tables extracted from `inputs` by this code are made from (see the module doc)."""
    return {"code": code_fingerprint(), "inputs": inputs_fingerprint(inputs)}


def fingerprint_bytes(fingerprint: dict[str, str]) -> bytes:
    return (json.dumps(fingerprint, sort_keys=True, indent=1) + "\n").encode()


def stored_fingerprint(folder: Path) -> dict[str, str] | None:
    """The fingerprint written beside the tables in `folder`, or None (none, or unreadable)."""
    try:
        found = json.loads((Path(folder) / FINGERPRINT_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return found if isinstance(found, dict) else None
