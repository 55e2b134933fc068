"""The extractor on seven documents that no gold covered and no rule was written on, against a
gold labelled before any extractor output on them was looked at (tests/gold/README.md, "Genres
held-out 2"): a provincial-level city's sector action plan (g307 上海 绿色低碳产业 行动方案), a
carbon-market notice (g365 广东省生态环境厅), a provincial 碳达峰实施方案 (g476 江西), a national
ministries' plan without a number in its goals (g488 农业农村减排固碳实施方案), a city's pilot guide
whose every number is a requirement on the pilots (g528 深圳 近零碳排放区试点), and two published
实施方案 with noisy text layers (p107 甘肃, letter-spaced; p362 大连, OCR). Matched by quote.

The two PDFs are shipped in data/raw, whose manifest states their region; they are read here from
a copy without it, so that their region is detected from their text as a new user's would be.

First measured before any rule was written on these documents (recall 0.947, precision 0.740,
fields 0.978 by this module's scorer, 12 traps); its misses were then studied as classes and rules
written for them (issue 18, third round), so it is a development set since, like the genres
held-out set before it. The floors sit under the figures after that round, so a regression fails;
the misses printed are the work left. Raise a floor when a general rule lifts the figure; never
edit the gold to meet the output.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from greenmetrics import paths
from greenmetrics.pipeline import extract_corpus

from scoring import gold, score, traps_reported

HELDOUT_DIR = Path(__file__).parent / "corpus" / "genres_heldout2"
NOISY_PDFS = ("p107_gansu.pdf", "p362_dalian.pdf")  # in data/raw, not copied twice
LABELLED = sorted([*(p.name for p in HELDOUT_DIR.glob("*.pdf")), *NOISY_PDFS])
# Deadlines, a threshold that selects firms; qualitative goals; the pilots' reference values.
WITHOUT_TARGETS = ("g365_guangdong.pdf", "g488_national.pdf", "g528_shenzhen.pdf")
# After issue 18's third round (this module's scorer, the target-less documents counted): recall
# 0.965, precision 1.000, fields 0.988, no trap (first measurement: 0.947, 0.740, 0.978, 12 traps).
# The floors leave a margin of about two rows.
RECALL_FLOOR, PRECISION_FLOOR, FIELDS_FLOOR, TRAPS_CEILING = 0.93, 0.96, 0.97, 2
# doc -> (region_zh, region_level), read by hand from each document's header and signature
REGIONS = {
    "g307_shanghai": ("上海市", "province"),  # 上海市人民政府办公厅
    "g365_guangdong": ("广东省", "province"),  # 广东省生态环境厅
    "g476_jiangxi": ("江西省", "province"),  # 江西省碳达峰实施方案 (no signature in the text)
    "g488_national": ("全国", "country"),  # 农业农村部 国家发展改革委
    "g528_shenzhen": ("深圳市", "prefecture"),  # 深圳市生态环境局 深圳市发展和改革委员会
    "p107_gansu": ("甘肃省", "province"),  # 甘肃省人民政府
    "p362_dalian": ("大连市", "prefecture"),  # 大连市发展和改革委员会
}


@pytest.fixture(scope="module")
def extraction(tmp_path_factory):
    noisy = tmp_path_factory.mktemp("noisy_pdfs")
    for name in NOISY_PDFS:
        shutil.copy(paths.RAW_DIR / name, noisy / name)
    return extract_corpus([HELDOUT_DIR, noisy])


def test_the_labelled_documents_are_shipped():
    assert set(gold("genres_heldout2_targets_gold.csv").file) | set(WITHOUT_TARGETS) == set(
        LABELLED
    )
    assert set(gold("genres_heldout2_non_targets.csv").file) == set(LABELLED)
    assert {f"{doc}.pdf" for doc in REGIONS} == set(LABELLED)
    assert all((paths.RAW_DIR / name).exists() for name in NOISY_PDFS)


@pytest.mark.slow  # extracts seven real PDFs end to end
def test_region_and_level_of_each_held_out_document(extraction):
    documents = extraction.documents.set_index("doc_id")
    got = {
        doc: (documents.at[doc, "region_zh"], documents.at[doc, "region_level"]) for doc in REGIONS
    }
    assert got == REGIONS


@pytest.mark.slow  # extracts seven real PDFs end to end
def test_genres_heldout2_recall_precision_and_fields(extraction):
    result = score(
        extraction.targets,
        gold("genres_heldout2_targets_gold.csv"),
        by_quote=True,
        documents=LABELLED,
    )
    print(result.report(), f"fields={result.fields_right():.3f}")
    assert result.recall >= RECALL_FLOOR, result.report()
    assert result.precision >= PRECISION_FLOOR, result.report()
    assert result.fields_right() >= FIELDS_FLOOR, result.report()


@pytest.mark.slow  # extracts seven real PDFs end to end
def test_few_traps_of_the_held_out_set_are_targets(extraction):
    reported = traps_reported(extraction.targets, gold("genres_heldout2_non_targets.csv"))
    print("\n".join(reported))
    assert len(reported) <= TRAPS_CEILING, reported


@pytest.mark.slow  # extracts seven real PDFs end to end
def test_the_notice_and_the_pilot_call_are_rules_and_say_why(extraction):
    documents = extraction.documents.set_index("doc_id")
    kinds = {doc: tuple(documents.loc[doc, ["doc_kind", "genre"]]) for doc in REGIONS}
    # a carbon market's reporting duties; a pilot programme that calls for applications
    assert kinds["g365_guangdong"] == ("rules", "rule")
    assert kinds["g528_shenzhen"] == ("rules", "funding_call")
    assert {kinds[doc][0] for doc in REGIONS if doc not in ("g365_guangdong", "g528_shenzhen")} == {
        "plan"
    }
    assert documents.at["g488_national", "issuer_zh"] == "农业农村部 国家发展改革委"
    # their numbers stay in review.csv with the reason, none is a target
    for doc in ("g365_guangdong", "g528_shenzhen"):
        assert not (extraction.targets["doc_id"] == doc).any()
    set_aside = extraction.document_reviews["g528_shenzhen"]
    assert sum(row["category"] == "unreported_number" for row in set_aside) >= 10
