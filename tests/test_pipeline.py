"""ensure_tables: notebooks start from tables that match the plans and this version's columns."""

from __future__ import annotations

import os

import pandas as pd
import pytest

from greenmetrics import paths
from greenmetrics.pipeline import ensure_tables

pytestmark = pytest.mark.slow  # extraction on demand, end to end, into a folder

PLAN = "到2025年，全市秸秆综合利用率达到90%以上。\n"


def _plans(tmp_path, monkeypatch):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "plan.txt").write_text(PLAN, encoding="utf-8")
    monkeypatch.setattr(paths, "RAW_DIR", raw)
    return raw, tmp_path / "processed"


def _values(out):
    return list(pd.read_csv(out / "targets.csv")["value"])


def test_missing_tables_are_extracted(tmp_path, monkeypatch):
    _, out = _plans(tmp_path, monkeypatch)
    ensure_tables(out)
    assert _values(out) == [90.0]


def test_tables_of_an_older_version_are_extracted_again(tmp_path, monkeypatch):
    _, out = _plans(tmp_path, monkeypatch)
    ensure_tables(out)
    targets = out / "targets.csv"
    old = targets.read_text(encoding="utf-8").replace("target_id,", "id,", 1)
    targets.write_text(old, encoding="utf-8")
    ensure_tables(out)
    assert targets.read_text(encoding="utf-8").startswith("target_id,")


def test_a_plan_changed_after_extraction_is_extracted_again(tmp_path, monkeypatch):
    raw, out = _plans(tmp_path, monkeypatch)
    ensure_tables(out)
    plan = raw / "plan.txt"
    plan.write_text(PLAN.replace("90%", "95%"), encoding="utf-8")
    later = (out / "targets.csv").stat().st_mtime + 10
    os.utime(plan, (later, later))
    ensure_tables(out)
    assert _values(out) == [95.0]


def test_up_to_date_tables_are_left_alone(tmp_path, monkeypatch):
    _, out = _plans(tmp_path, monkeypatch)
    ensure_tables(out)
    targets = out / "targets.csv"
    targets.write_text(targets.read_text(encoding="utf-8") + "", encoding="utf-8")
    stamp = targets.stat().st_mtime_ns
    ensure_tables(out)
    assert targets.stat().st_mtime_ns == stamp
