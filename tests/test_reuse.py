"""Extracted tables are reused while nothing they were made from changed (plans, manifest,
overrides, reference data, the extraction's code and version), and made again otherwise or
when asked (`greenmetrics report --force`)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from greenmetrics import fingerprint, paths, pipeline
from greenmetrics.cli import app
from greenmetrics.fingerprint import FINGERPRINT_NAME, extraction_sources, stored_fingerprint
from greenmetrics.pipeline import ensure_tables, tables_stale

PLAN = "到2025年，全市秸秆综合利用率达到90%以上。\n"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project of one plan and no notebook (the report is then its extraction); paths point
    into it; `extractions` counts the corpus extractions."""
    root = tmp_path / "project"
    raw = root / "data" / "raw"
    raw.mkdir(parents=True)
    (root / "notebooks").mkdir()
    (raw / "plan.txt").write_text(PLAN, encoding="utf-8")
    for name, value in (("ROOT", root), ("RAW_DIR", raw),
                        ("PROCESSED_DIR", root / "data" / "processed"),
                        ("REPORTS_DIR", root / "reports"), ("FIGURES_DIR", root / "reports" / "figures"),
                        ("NOTEBOOKS_DIR", root / "notebooks"),
                        ("REFERENCE_DIR", root / "data" / "reference")):  # fmt: skip
        monkeypatch.setattr(paths, name, value)
    extractions = []
    real = pipeline.extract_corpus

    def counted(*args, **kwargs):
        extractions.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "extract_corpus", counted)
    return root, extractions


def _state(folder):
    """Inode and modification time of every file of `folder`: a rewrite changes them."""
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in folder.iterdir()}


def _report(*args):
    result = CliRunner().invoke(app, ["report", *args])
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.slow  # extracts a project it writes end to end, more than once
def test_unchanged_inputs_and_code_reuse_the_tables(project):
    root, extractions = project
    processed = root / "data" / "processed"
    ensure_tables()
    assert len(extractions) == 1 and (processed / FINGERPRINT_NAME).is_file()
    written = _state(processed)
    ensure_tables()
    _report()
    assert len(extractions) == 1
    assert _state(processed) == written
    assert not tables_stale(processed)


@pytest.mark.slow  # extracts a project it writes end to end, more than once
def test_a_changed_plan_manifest_override_or_reference_file_extracts_again(project):
    root, extractions = project
    raw, processed = root / "data" / "raw", root / "data" / "processed"
    ensure_tables()
    (raw / "plan.txt").write_text(PLAN.replace("90%", "95%"), encoding="utf-8")
    ensure_tables()
    assert len(extractions) == 2
    assert "95" in (processed / "targets.csv").read_text(encoding="utf-8")
    # a new file (an override), and reference data: each makes the tables stale
    (raw / "overrides.csv").write_text("action,target_id\n", encoding="utf-8")
    assert tables_stale(processed)
    _report()
    assert len(extractions) == 3 and not tables_stale(processed)
    (root / "data" / "reference").mkdir(parents=True)
    (root / "data" / "reference" / "observations.csv").write_text("region_zh\n")
    assert tables_stale(processed)
    # a removed plan too
    ensure_tables()
    (raw / "plan.txt").unlink()
    assert tables_stale(processed)


@pytest.mark.slow  # extracts a project it writes end to end, more than once
def test_other_extraction_code_or_version_extracts_again(project, monkeypatch):
    root, extractions = project
    processed = root / "data" / "processed"
    ensure_tables()
    before = stored_fingerprint(processed)
    import greenmetrics

    # an upgrade: another version of the package
    monkeypatch.setattr(greenmetrics, "__version__", "99.0.0")
    ensure_tables()
    assert len(extractions) == 2
    upgraded = stored_fingerprint(processed)
    assert upgraded["code"].startswith("99.0.0:") and upgraded["inputs"] == before["inputs"]
    # the same version with other extraction code (a rule edited in place)
    monkeypatch.setattr(fingerprint, "code_fingerprint", lambda: "99.0.0:edited")
    _report()
    assert len(extractions) == 3
    assert stored_fingerprint(processed)["code"] == "99.0.0:edited"


@pytest.mark.slow  # extracts a project it writes end to end, more than once
def test_force_extracts_current_tables_again(project):
    root, extractions = project
    processed = root / "data" / "processed"
    _report()
    written = _state(processed)
    _report("--force")
    assert len(extractions) == 2
    assert _state(processed) != written  # written again, with the same bytes
    assert not tables_stale(processed)


@pytest.mark.slow  # extracts a project it writes end to end, more than once
def test_tables_without_a_fingerprint_are_not_trusted(project):
    root, extractions = project
    processed = root / "data" / "processed"
    ensure_tables()
    (processed / FINGERPRINT_NAME).unlink()
    assert tables_stale(processed)
    ensure_tables()
    assert len(extractions) == 2
    # a result built by hand (no fingerprint) leaves none behind it
    result = pipeline.extract_corpus([root / "data" / "raw"])
    result.fingerprint = None
    pipeline.write_extraction(result, processed)
    assert not (processed / FINGERPRINT_NAME).exists()


def test_the_fingerprinted_code_is_what_extraction_imports():
    names = {p.relative_to(fingerprint.PACKAGE).as_posix() for p in extraction_sources()}
    assert {"pipeline.py", "extract/rules.py", "gazetteer.py", "metadata.py", "readers.py",
            "extract/__init__.py", "__init__.py", "fingerprint.py"} <= names  # fmt: skip
    # the analysis, charts and the report do not decide what is extracted
    assert not any(n.startswith(("analysis/", "charts/", "report", "cli")) for n in names)
    assert {"document_cache.py", "extract/records.py"} <= names


@pytest.mark.slow  # parses every module of the package
def test_imports_read_line_by_line_are_those_of_the_whole_module(monkeypatch):
    """The fingerprint reads only the import statements of each module; for every module of
    the package they name the same modules as a parse of the whole file."""
    import ast

    modules = sorted(fingerprint.PACKAGE.rglob("*.py"))
    quick = {p: fingerprint._imported(p) for p in modules}
    monkeypatch.setattr(
        fingerprint, "_import_nodes", lambda source: list(ast.walk(ast.parse(source)))
    )
    assert quick == {p: fingerprint._imported(p) for p in modules}
    assert any(quick.values())


def test_an_import_line_that_is_not_one_parses_the_whole_module():
    source = 'def f():\n    """\n    import the plans of a folder\n    """\n    from .a import b\n'
    kinds = {type(node).__name__ for node in fingerprint._import_nodes(source)}
    assert "ImportFrom" in kinds and "FunctionDef" in kinds  # the whole module was walked


@pytest.mark.slow  # extracts a project it writes end to end, more than once
def test_an_interrupted_write_of_other_tables_leaves_no_fingerprint_vouching_for_them(
    project, monkeypatch
):
    import os

    root, _ = project
    raw, processed = root / "data" / "raw", root / "data" / "processed"
    ensure_tables()
    (raw / "plan.txt").write_text(PLAN.replace("90%", "95%"), encoding="utf-8")
    result = pipeline.extract_corpus()

    real_replace = os.replace

    def interrupted(src, dst):
        raise KeyboardInterrupt  # Ctrl-C while the new tables are moved into place

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        pipeline.write_extraction(result, processed)
    monkeypatch.setattr(os, "replace", real_replace)
    assert stored_fingerprint(processed) is None and tables_stale(processed)
