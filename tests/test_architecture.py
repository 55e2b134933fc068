"""The shape of the code: data flows one way, each stage one module of a readable size, and
what a module keeps private (a name or a module starting with `_`) no other module imports.

The layers below are the stages in the order data flows (raw files -> documents -> extracted
records -> tidy tables -> analysis -> charts and exports -> notebooks and command line). A
module may import from its own layer or those before it, never from a later one, and the
import graph has no cycle, so a notebook that loads a table cannot start an extraction by
accident and each stage can be read without the ones after it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from greenmetrics.fingerprint import imported_base

pytestmark = pytest.mark.slow  # parses every module of the package

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "greenmetrics"
LAYERS = (
    ("paths", "errors", "settings"),
    ("regions",),
    ("schemas",),
    ("files", "fingerprint", "figure_cache"),
    ("gazetteer",),
    ("words", "notes"),
    ("text",),
    ("markup", "pdf_text", "readers"),
    ("inputs",),
    ("manifest", "official_dates", "metadata", "document_kinds"),
    ("catalog",),
    ("extract",),
    ("overrides", "review"),
    ("tables", "document_cache"),
    ("pipeline",),
    ("reference",),
    ("analysis",),
    ("charts", "charts_new"),
    ("findings",),
    ("workbook",),
    ("export",),
    ("report_run",),
    ("views",),
    ("kernel_watch", "report_files"),
    ("report",),
    ("cli",),
    ("__main__",),
)
MAX_LINES = 600
# A longer module states why in its docstring, in a sentence starting with this.
LENGTH_REASON = "Why one long module:"


def modules() -> dict[str, Path]:
    """Dotted names below the package (analysis.progress ...), without the package itself."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if parts:
            found[".".join(parts)] = path
    return found


def layer(module: str) -> int:
    top = module.split(".")[0]
    for i, names in enumerate(LAYERS):
        if top in names:
            return i
    raise AssertionError(f"{module} is in no layer: add it to LAYERS in {__file__}")


def imports(module: str, path: Path) -> set[str]:
    """The package modules `module` imports, at its top or inside functions."""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    known = modules()
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = imported_base(node, package)
            if base is None:
                continue
            candidates = [base] + [[*base, alias.name] for alias in node.names]
        elif isinstance(node, ast.Import):
            candidates = [
                a.name.split(".")[1:] for a in node.names if a.name.startswith("greenmetrics.")
            ]
        else:
            continue
        found |= {".".join(c) for c in candidates if ".".join(c) in known}
    found.discard(module)
    return found


def graph() -> dict[str, set[str]]:
    return {name: imports(name, path) for name, path in modules().items()}


def test_every_module_is_placed_in_a_layer():
    for name in modules():
        layer(name)


def test_no_module_imports_a_later_stage():
    wrong = [
        f"{name} (layer {layer(name)}) imports {other} (layer {layer(other)})"
        for name, targets in graph().items()
        for other in sorted(targets)
        if layer(other) > layer(name)
    ]
    assert not wrong, "\n".join(wrong)


def test_the_import_graph_has_no_cycle():
    edges = graph()
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                raise AssertionError("import cycle: " + " -> ".join([*trail, node, nxt]))
            if nxt not in state:
                visit(nxt, [*trail, node])
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node, [])


def test_long_modules_say_why():
    for path in modules().values():
        text = path.read_text(encoding="utf-8")
        n_lines = text.count("\n")
        docstring = ast.get_docstring(ast.parse(text)) or ""
        assert n_lines <= MAX_LINES or LENGTH_REASON in docstring, (
            f"{path.name}: {n_lines} lines; split it or say why in its docstring"
        )


def test_the_checks_see_real_imports():
    # the checks above are only as good as the graph they read
    edges = graph()
    assert "schemas" in edges["tables"] and "regions" in edges["schemas.fields"]
    assert "pipeline" not in edges["tables"]
    assert layer("cli") > layer("pipeline") > layer("tables") > layer("schemas")


def is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def private_uses(module: str, path: Path) -> list[str]:
    """Where `module` reaches into another module's privates: a private module imported
    (analysis._helpers), a private name imported (from .x import _y) or renamed private
    (import y as _y: a second name for a public one), or read as an attribute (x._y)."""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    known = modules()
    found = []
    bound: set[str] = set()  # names this module gives to package modules
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = imported_base(node, package)
            if base is None:
                continue
            where = f"{path.name}:{node.lineno}"
            if any(map(is_private, base)):
                found.append(f"{where} imports the private module {'.'.join(base)}")
            for alias in node.names:
                if is_private(alias.name):
                    found.append(f"{where} imports {'.'.join(base)}.{alias.name}")
                if alias.asname and is_private(alias.asname):
                    found.append(f"{where} imports {alias.name} as {alias.asname}")
                if ".".join([*base, alias.name]) in known:
                    bound.add(alias.asname or alias.name)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "greenmetrics":
                    if any(map(is_private, parts)):
                        found.append(f"{path.name}:{node.lineno} imports {alias.name}")
                    bound.add(alias.asname or parts[0])
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and is_private(node.attr):
            owner = node.value
            while isinstance(owner, ast.Attribute):
                owner = owner.value
            if isinstance(owner, ast.Name) and owner.id in bound:
                found.append(f"{path.name}:{node.lineno} reads {ast.unparse(node)}")
    return found


def test_no_module_imports_another_modules_privates():
    wrong = [use for name, path in modules().items() for use in private_uses(name, path)]
    assert not wrong, "give these public names (or move them):\n" + "\n".join(wrong)


def test_the_privacy_check_sees_private_imports(tmp_path):
    # the check above is only as good as what it catches
    path = tmp_path / "probe.py"
    path.write_text(
        "from . import words\n"
        "from ._hidden import shown\n"
        "from .text import _helper, normalize as _normalize\n"
        "words._cache.clear()\n"
    )
    found = private_uses("probe", path)
    assert len(found) == 4, found
