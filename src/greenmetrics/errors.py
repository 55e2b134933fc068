"""Errors a user can act on: each names the file (and line, where there is one) and the problem."""

from __future__ import annotations

from pathlib import Path


class GreenmetricsError(Exception):
    """Base class; the CLI prints these as one line instead of a traceback."""


class InputError(GreenmetricsError):
    """A file the user gave us cannot be used as it is."""

    def __init__(self, path: str | Path, problem: str, line: int | None = None):
        self.path = Path(path)
        self.problem = problem
        self.line = line
        where = f"{self.path}:{line}" if line is not None else str(self.path)
        super().__init__(f"{where}: {problem}")


class DocumentError(InputError):
    """A plan in data/raw could not be read (empty, binary, truncated, undecodable...)."""


class ManifestError(InputError):
    """A row of data/raw/documents.csv is malformed or points at a missing file."""


class SchemaError(GreenmetricsError):
    """A table failed its declared schema just before it would have been written or after loading."""
