"""Finding plan files: the files of the input folders and named paths that are read as plans,
and one line for every other entry saying why it is not read (a broken link, a folder, an old
.doc): nothing in an input folder is skipped in silence."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from . import paths as project_paths
from .errors import InputError
from .readers import SUPPORTED_SUFFIXES

_NOT_PLANS = {project_paths.MANIFEST_NAME.lower(), project_paths.OVERRIDES_NAME.lower()}


def _is_hidden(path: Path) -> bool:
    # NOTE: "~$plan.docx" is the lock file Word leaves beside an open document.
    return path.name.startswith((".", "~$"))


def iter_plan_files(paths: Iterable[Path]) -> list[Path]:
    """The plan files named by `paths` (files, or folders whose files are taken), sorted.

    A folder contributes its own files with a supported suffix (not its subfolders), leaving
    out the manifest, the overrides file and hidden files. A file named explicitly is kept
    even with an unsupported suffix, so that reading it reports the problem for that file
    instead of silently skipping what the user asked for. Each file appears once. Raises
    InputError for a path that does not exist, before any work is done.
    """
    found: dict[Path, Path] = {}
    for raw_path in paths:
        path = Path(raw_path)
        if not path.exists():
            raise InputError(path, _broken_link(path) or "no such file or folder")
        if path.is_dir():
            candidates = [
                child
                for child in path.iterdir()
                if child.is_file() and child.suffix.lower() in SUPPORTED_SUFFIXES
            ]
        else:
            candidates = [path]
        for child in candidates:
            if _is_hidden(child) or child.name.lower() in _NOT_PLANS:
                continue
            found.setdefault(child.resolve(), child)
    return sorted(found.values())


# What to do with a file that is no plan format, by suffix.
_UNREAD_ADVICE = {
    ".doc": "an old Word 97-2003 file: open it in Word or WPS and save it as .docx",
    ".wps": "a WPS Writer file: open it in WPS and save it as .docx",
    ".rtf": "a rich-text file: save it as .docx",
    ".odt": "an OpenDocument file: save it as .docx",
    ".ofd": "an OFD file: export it as PDF",
    ".xls": "a spreadsheet, not a plan",
    ".xlsx": "a spreadsheet, not a plan",
    ".et": "a spreadsheet, not a plan",
    ".csv": "a table, not a plan (only documents.csv and overrides.csv are read here)",
    **dict.fromkeys(
        (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif"),
        "an image: a scanned plan needs OCR first (save the result as text or as a PDF with "
        "a text layer)",
    ),
}


def _broken_link(path: Path) -> str | None:
    """Why a symbolic link cannot be read, or None when `path` is no broken link."""
    if not path.is_symlink():
        return None
    try:
        path.resolve(strict=True)
    except RuntimeError:
        return "a symbolic link loop: it points back to itself"
    except OSError:
        return f"a broken link to {os.readlink(path)}: the file it points to is gone"
    return None


def unread_entries(paths: Iterable[Path]) -> list[str]:
    """One line per entry of the input folders that is not read as a plan, with why and what
    to do: broken links and link loops, subfolders, files of other formats (.doc, .wps, .xlsx,
    images). Hidden files (.DS_Store, Word's ~$ lock files), the manifest and overrides are
    not listed: they are no plans and nobody expects them read as one."""
    lines: list[str] = []
    for raw_path in paths:
        folder = Path(raw_path)
        if not folder.is_dir():
            continue
        for child in sorted(folder.iterdir()):
            if _is_hidden(child) or child.name.lower() in _NOT_PLANS:
                continue
            broken = _broken_link(child)
            if broken:
                why = broken
            elif child.is_dir():
                why = "a folder: files in subfolders are not read; name it on the command line"
            elif not child.is_file():
                why = "not a regular file"
            elif child.suffix.lower() in SUPPORTED_SUFFIXES:
                continue
            else:
                suffix = child.suffix.lower() or "(no suffix)"
                why = _UNREAD_ADVICE.get(suffix) or (
                    f"unsupported file type {suffix}; plans must be one of "
                    + ", ".join(SUPPORTED_SUFFIXES)
                )
            lines.append(f"{child}: not read: {why}")
    return lines
