"""The report's files: the tables a report reuses linked into its staging folder, the staged
outputs moved into place at once, the line that names what a run removed, and the stamp that
lets a report with nothing changed reuse the executed notebooks, figures and workbook of the
last run of its language.

A language's stamp (`STAMP_NAME` in reports/) holds what its report was made from (`report_key`:
the tables, reference data, notebooks, package code and data, library versions, parameters and
figure formats) and the digest of every file the run wrote. It is removed before a run moves its
files into place and written after, so a stamp never vouches for a report half moved; a report
is reused only when the key is the same and every file it lists is there with its bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from . import paths, settings
from .errors import GreenmetricsError
from .files import write_atomic
from .fingerprint import package_code_digest


def removed_files_line(removed: list[Path]) -> str:
    """One line naming the files a run removed, counted by kind: "removed 12 SVG files from
    an earlier run: reports/figures/a_zh.svg, ..." (paths relative to the project; the
    fingerprint stamps beside the figures are not named)."""
    shown = sorted(p for p in removed if not p.name.startswith("."))
    counts: dict[str, int] = {}
    for path in shown:
        kind = path.suffix.lstrip(".").upper() or "other"
        counts[kind] = counts.get(kind, 0) + 1
    kinds = " and ".join(f"{n} {kind}" for kind, n in sorted(counts.items()))
    names = ", ".join(paths.project_relative(str(p)) for p in shown)
    return f"removed {kinds} file{'s' if len(shown) > 1 else ''} from an earlier run: {names}"


def link_tables(processed: Path, staged: Path) -> None:
    """The current tables of `processed` (and their fingerprint) in `staged` for the kernels,
    as hard links where the file system allows, else copies: `processed` is not written, and
    a kernel that finds them stale (a plan edited meanwhile) extracts into `staged` instead
    of waiting for the lock this run holds on `processed`."""
    from .fingerprint import FINGERPRINT_NAME
    from .schemas import PROCESSED_TABLES

    staged.mkdir(parents=True, exist_ok=True)
    for name in [f"{table}.csv" for table in PROCESSED_TABLES] + [FINGERPRINT_NAME]:
        try:
            os.link(processed / name, staged / name)
        except OSError:
            shutil.copy2(processed / name, staged / name)


def swap_in(
    staged: Path, target: Path, stale: Callable[[Path], bool] = lambda p: False
) -> list[Path]:
    """Move every file `staged` holds into the same place under `target` (each rename replaces
    its namesake at once), then remove the files of `target` that `stale` says this run should
    have made but did not (a figure of this language in a format no longer asked for, the
    other language's figures of other inputs). Other files of `target` stay (kernel.log).
    Returns the files removed."""
    removed = []
    try:
        made = set()
        for entry in sorted(p for p in staged.rglob("*") if p.is_file()):
            dest = target / entry.relative_to(staged)
            dest.parent.mkdir(parents=True, exist_ok=True)
            os.replace(entry, dest)
            made.add(dest)
        for old in sorted(p for p in target.rglob("*") if p.is_file()):
            if old not in made and stale(old):
                old.unlink()
                removed.append(old)
    except OSError as exc:
        raise GreenmetricsError(
            f"{target}: cannot move the new report into place: {exc.strerror or exc}"
        ) from None
    return removed


# Libraries whose version changes what a report's files hold (drawing, tables, notebook and
# HTML writing): an upgrade of one of them runs the notebooks again.
REPORT_LIBRARIES = (
    "matplotlib", "mplfonts", "pillow", "numpy", "pandas", "openpyxl", "nbconvert", "nbformat",
    "papermill", "ipykernel",
)  # fmt: skip
STAMP_NAME = ".report-{lang}.json"  # in reports/: what a language's report was made from
# Outputs of earlier versions that the report now writes under other names (one workbook per
# language): removed, and named, by the next report so no stale copy is left beside them.
FORMER_OUTPUTS = ("greenmetrics.xlsx",)


def library_versions() -> dict[str, str | None]:
    """Python's version and that of each REPORT_LIBRARIES package (None when not installed)."""
    import platform
    from importlib import metadata

    found: dict[str, str | None] = {"python": platform.python_version()}
    for name in REPORT_LIBRARIES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = None
    return found


def _files_digest(folder: Path, files) -> str:
    """A digest of each file of `files` under `folder` by its relative name and bytes."""
    digest = hashlib.sha256()
    for file in files:
        if ".ipynb_checkpoints" in file.parts or not file.is_file():
            continue
        digest.update(file.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(file.read_bytes() + b"\0")
    return digest.hexdigest()


def _json_digest(value) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def report_inputs(processed: Path, parameters: dict | None, sources: list[Path]) -> dict[str, str]:
    """A digest of each thing a report's files are made from, but the language: the tables
    (of `processed`), the reference data, the notebooks it runs (`sources`), the code (the package's version,
    modules and data: catalog, words; and the libraries that draw and write,
    `library_versions`) and the other parameters (focus, regions, themes, year).

    NOTE: only the tables the notebooks read count (`PROCESSED_TABLES`): another CSV left in
    data/processed must not make a current report look stale."""
    import greenmetrics

    from .schemas import PROCESSED_TABLES

    package = Path(greenmetrics.__file__).resolve().parent
    processed, reference = Path(processed), Path(paths.REFERENCE_DIR)
    made_by = {"greenmetrics": greenmetrics.__version__, **library_versions()}
    return {
        "tables": _files_digest(processed, [processed / f"{n}.csv" for n in PROCESSED_TABLES]),
        "reference data": _files_digest(reference, sorted(reference.rglob("*.csv"))),
        "notebooks": _files_digest(paths.NOTEBOOKS_DIR, sorted(Path(p) for p in sources)),
        "code": package_code_digest(package) + ":" + _json_digest(made_by),
        "parameters": _json_digest({k: v for k, v in (parameters or {}).items() if k != "LANG"}),
    }


def inputs_fingerprint(processed: Path, parameters: dict | None, sources: list[Path]) -> str:
    """One digest of `report_inputs`: what a report's figures are drawn from, but the language.

    Exists so the other language's figures are kept only while they still show what this
    run's would: an edited benchmark or a newer greenmetrics makes them stale."""
    return _json_digest(report_inputs(processed, parameters, sources))


def report_key(processed: Path, parameters: dict | None, formats, sources: list[Path]) -> dict:
    """What a report of `parameters` in `formats` from the tables of `processed` and the
    notebooks `sources` is made of
    (`report_inputs`, the language, the formats): equal keys make equal reports (the kernels
    run with a fixed hash seed)."""
    return {
        **report_inputs(processed, parameters, sources),
        "language": (parameters or {}).get("LANG", "zh"),
        "formats": ",".join(formats),
    }


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def figure_language(path: Path) -> str | None:
    """The language a file of reports/figures was made for (a_zh.png, .made-from-en), or None."""
    if path.name.startswith(".made-from-"):
        return path.name.rsplit("-", 1)[-1]
    return path.stem.rsplit("_", 1)[-1] if "_" in path.stem else None


def stamp_path(reports: Path, lang: str) -> Path:
    return Path(reports) / STAMP_NAME.format(lang=lang)


def staged_digests(staged: Path) -> dict[str, str]:
    """The digest of every file of a staged report, by its path under the report folder."""
    return {
        p.relative_to(staged).as_posix(): file_digest(p)
        for p in sorted(Path(staged).rglob("*"))
        if p.is_file()
    }


def write_stamp(reports: Path, key: dict, digests: dict[str, str]) -> None:
    """Vouch for the report just moved into `reports`: its key and its files' digests."""
    stamp = {"key": key, "files": digests}
    text = json.dumps(stamp, sort_keys=True, indent=1, ensure_ascii=False) + "\n"
    write_atomic(stamp_path(reports, key["language"]), text.encode("utf-8"))


def read_stamp(reports: Path, lang: str) -> dict:
    """The stamp of `lang` in `reports` ({} when there is none or it cannot be read)."""
    try:
        stored = json.loads(stamp_path(reports, lang).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    files = stored.get("files") if isinstance(stored, dict) else None
    return stored if isinstance(files, dict) and files else {}


def reusable_report(reports: Path, key: dict) -> tuple[float | None, str]:
    """(when it was made, "") when the report of `key` in `reports` can be reused as it is;
    else (None, why not: no report of this language, other inputs, a file changed or gone).

    A figure of this language that the stamp does not list, or a former output, also stops
    the reuse: a run would remove it, so a reused report would not be the report of now."""
    reports, lang = Path(reports), key["language"]
    stored = read_stamp(reports, lang)
    if not stored:
        return None, f"no report in {lang} to reuse"
    made = stamp_path(reports, lang).stat().st_mtime
    files = stored["files"]
    before = stored.get("key") if isinstance(stored.get("key"), dict) else {}
    if set(before) != set(key):
        return None, f"the last report in {lang} was stamped by another greenmetrics"
    changed = [part for part in key if before.get(part) != key[part]]
    if changed:
        return None, f"{', '.join(changed)} changed since the last report in {lang}"
    for name, digest in sorted(files.items()):
        file = reports / name
        now = file_digest(file) if file.is_file() else None
        if now != digest:
            shown = paths.project_relative(str(file))
            for other in (o for o in settings.LANGUAGES if o != lang and now):
                if read_stamp(reports, other).get("files", {}).get(name) == now:
                    return None, f"the report in {other} replaced {shown}"
            return None, f"{shown} changed or missing"
    figures = reports / "figures"
    listed = {reports / name for name in files}
    for file in sorted(figures.iterdir()) if figures.is_dir() else []:
        if file.is_file() and file not in listed and figure_language(file) == lang:
            return None, f"{paths.project_relative(str(file))} is not of the last report"
    for name in FORMER_OUTPUTS:
        if (reports / name).exists():
            return None, f"{paths.project_relative(str(reports / name))} of an earlier version"
    return made, ""
