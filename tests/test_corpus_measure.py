"""scripts/corpus_measure.py: issue 18's done-when measured on a corpus in one extraction."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from script_modules import load_script

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "corpus_measure.py"


@pytest.fixture(scope="module")
def script():
    return load_script(SCRIPT)


def test_measures_mapped_share_per_folder_and_leaves_out_the_folder_note(script, tmp_path, capsys):
    plans, notes = tmp_path / "plans", tmp_path / "notes"
    plans.mkdir()
    notes.mkdir()
    (plans / "plan.txt").write_text(
        "到2025年，全市秸秆综合利用率达到90%以上，全市萤火虫观测站点达到30个。\n",
        encoding="utf-8",
    )
    (notes / "README.md").write_text("# 说明\n到2025年，森林覆盖率达到40%。\n", encoding="utf-8")
    (notes / "other.txt").write_text("到2025年，森林覆盖率达到40%。\n", encoding="utf-8")
    out = tmp_path / "out"
    assert script.main([str(plans), str(notes), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "## Targets with a catalog indicator" in printed
    coverage = pd.read_csv(out / "coverage.csv").set_index("folder")
    assert coverage.loc["plans", ["documents", "targets", "mapped"]].tolist() == [1, 2, 1]
    # README.md describes its folder: no policy, not extracted
    assert coverage.loc["notes", ["documents", "targets", "mapped"]].tolist() == [1, 1, 1]
    assert coverage.loc["all", ["targets", "mapped"]].tolist() == [3, 2]
    assert coverage.loc["all", "share"] == pytest.approx(0.667)
    targets = pd.read_csv(out / "targets.csv")
    assert set(targets["doc_id"]) == {"plan", "other"}


@pytest.mark.parametrize(
    ("indicator", "quote", "line", "kind"),
    [
        ("实施二氧化碳排放达峰行动", "第一节 实施二氧化碳排放达峰行动……22", "", "contents line"),
        ("节能改造", "（四）节能改造.......... 12", "", "contents line"),
        # a heading and its page number alone on a line, the leader dots lost
        ("生态产品价值", "推进生态产品价值实现 51", "推进生态产品价值实现   51", "contents line"),
        ("生态产品价值", "x", "推进生态产品价值实现达到 51", ""),
        ("企业", "需提交碳排放报告（见附件3）", "", "page reference"),
        ("指标", "具体指标见表1", "", "page reference"),
        ("森林覆盖率", "森林覆盖率达到 40%", "森林覆盖率达到 40%", ""),
    ],
)
def test_contents_lines_and_page_references_are_told(script, indicator, quote, line, kind):
    assert script.non_target_kind(indicator, quote, line) == kind


def test_documents_without_region_or_level_are_listed(script):
    documents = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "region_zh": ["未知", "河南省", "未知"],
            "region_level": [None, "province", "county"],
            "doc_kind": ["plan", "plan", "plan"],
        }
    )
    listed = script.regionless(documents)
    assert listed["doc_id"].tolist() == ["a", "c"]
    assert listed["region_unknown"].tolist() == [True, True]
