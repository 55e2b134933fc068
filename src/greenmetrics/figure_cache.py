"""Rendered charts kept from one report run to the next, keyed by what they were drawn from.

Rendering a chart (PNG at 200 dpi, SVG, PDF) costs several times its drawing, and after one
plan is edited most charts of a report show what they showed before: the trajectories of every
other region, the milestones, the focus regions' comparison. `greenmetrics report` names a
folder in FIGURE_CACHE_VARIABLE for its kernels; there each chart function decorated with
`charts.drawing_keys.keyed_by_inputs` marks the figure it returns with a digest of everything the drawing read:
the function, its arguments (tables by their pickled bytes), the chart style's state (colour
per region, focus regions, matplotlib's rcParams once the project style is applied) and the
code (every module and data file of the package, the versions of the drawing libraries).
`rendered_bytes` then takes the bytes of a marked figure from the folder when a run has
rendered the same digest in the same format before, and stores them when it renders them.

Without the variable (a notebook run by hand, the tests, a library user) nothing is marked and
every chart is rendered, as before. A digest that matches yields the very bytes a render would
give (rendering is byte-identical from run to run: `style.save_figure`), so a report is the same
with or without the cache; `prune` removes what the last run did not use.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path

from .files import write_atomic
from .fingerprint import package_code_digest

FIGURE_CACHE_VARIABLE = "GREENMETRICS_FIGURE_CACHE"
# The attribute a keyed figure carries its digest in.
DIGEST_ATTRIBUTE = "greenmetrics_inputs_digest"
# Libraries whose version changes the pixels or the bytes of a rendered chart.
DRAWING_LIBRARIES = ("matplotlib", "mplfonts", "pillow", "numpy", "pandas", "fonttools")


def cache_folder() -> Path | None:
    """The folder named by FIGURE_CACHE_VARIABLE, or None when charts are not cached."""
    folder = os.environ.get(FIGURE_CACHE_VARIABLE, "").strip()
    return Path(folder) if folder else None


@functools.cache
def code_digest() -> str:
    """The package's code (`fingerprint.package_code_digest`) and the drawing libraries'
    versions: another greenmetrics or matplotlib draws other charts from the same tables."""
    from importlib import metadata

    digest = hashlib.sha256(package_code_digest().encode())
    for name in DRAWING_LIBRARIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{name}={version}\0".encode())
    return digest.hexdigest()


def inputs_digest(draw: Callable, args: tuple, kwargs: dict, state: object) -> str | None:
    """The digest of a drawing: `draw` called with `args` and `kwargs` while the chart style is
    in `state` (see the module); None when something cannot be pickled (the chart is then
    rendered every time).

    NOTE: tables are hashed by their pickled bytes, which hold every value, dtype, index and
    column name: equal bytes mean equal tables, so two different inputs never share a digest
    (equal tables laid out otherwise in memory only cost a render)."""
    digest = hashlib.sha256(code_digest().encode())
    digest.update(f"{draw.__module__}.{draw.__qualname__}\0".encode())
    try:
        digest.update(pickle.dumps((args, sorted(kwargs.items()), state), protocol=5))
    except (pickle.PicklingError, TypeError, AttributeError):
        return None
    return digest.hexdigest()


def mark(fig, digest: str) -> None:
    """Give `fig` the digest of what it was drawn from: its renderings are then kept."""
    setattr(fig, DIGEST_ATTRIBUTE, digest)


def _entry(fig, fmt: str) -> Path | None:
    folder, digest = cache_folder(), getattr(fig, DIGEST_ATTRIBUTE, None)
    return folder / f"{digest}.{fmt}" if folder and digest else None


def cached_bytes(fig, fmt: str) -> bytes | None:
    """The stored rendering of `fig` in `fmt`, or None; a stored one is marked as used now."""
    entry = _entry(fig, fmt)
    if entry is None:
        return None
    try:
        data = entry.read_bytes()
        os.utime(entry)  # used by this run: `prune` keeps it
    except OSError:
        return None
    return data


def store(fig, fmt: str, data: bytes) -> None:
    """Keep `data`, the rendering of `fig` in `fmt`, when `fig` is keyed."""
    entry = _entry(fig, fmt)
    if entry is not None:
        entry.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(entry, data)


def prune(folder: Path, used_since: float) -> int:
    """Remove the renderings of `folder` neither stored nor used since `used_since` (a time
    stamp): those of charts that no longer look that way. Returns how many were removed."""
    removed = 0
    for entry in Path(folder).glob("*.*") if Path(folder).is_dir() else ():
        try:
            if entry.is_file() and entry.stat().st_mtime < used_since:
                entry.unlink()
                removed += 1
        except OSError:
            continue
    return removed
