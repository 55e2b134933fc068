"""The shape of the code: data flows one way, each stage one module of a readable size.

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

pytestmark = pytest.mark.slow  # parses every module of the package

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "greenmetrics"
LAYERS = (
    ("paths", "errors", "settings"),
    ("regions",),
    ("schemas",),
    ("files", "fingerprint"),
    ("gazetteer",),
    ("words",),
    ("text",),
    ("readers",),
    ("inputs",),
    ("manifest", "metadata", "document_kinds"),
    ("catalog",),
    ("extract",),
    ("overrides", "review"),
    ("tables", "document_cache"),
    ("pipeline",),
    ("reference",),
    ("analysis",),
    ("charts", "charts_new"),
    ("findings",),
    ("export",),
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
            named = (node.module or "").split(".") if node.module else []
            if node.level:
                base = package[: len(package) - node.level + 1] + named
            elif named[:1] == ["greenmetrics"]:
                base = named[1:]
            else:
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
