"""Scripts of the project (scripts/*.py, tasks.py) imported as modules, so tests call their
functions as the command line does."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType


def load_script(path: Path, name: str | None = None) -> ModuleType:
    """The file at `path` run as a module named `name` (default: its stem); registered in
    sys.modules, where dataclasses and pickling look their module up."""
    name = name or path.stem
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
