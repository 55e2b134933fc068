"""The observation sweep: sentences written in the shapes of bulletins, work reports and plan
reviews (tests/observation_sweep_cases.py), each with the observations it must give or none.

A case passes when the observations read from its text are exactly the expected ones: for each
expected tuple one observation with its value, unit, comparator, year, kind, baseline year,
region and scope, whose indicator contains the fragment; and nothing else. The cases the rules
do not read yet are listed in KNOWN_MISSES with what goes wrong: they are strict xfails, so a
case that starts to pass must leave the list.
"""

from __future__ import annotations

import re

import pytest
from observation_sweep_cases import CASES

from greenmetrics.extract import Extractor, PlanContext, read_observations
from greenmetrics.regions import region_short_names

# index in CASES -> why it fails today
KNOWN_MISSES: dict[int, str] = {
    73: "a verb a PDF spaced out (下 降) is not read as one",
    102: "a 、-list of objects after one verb (淘汰钢铁X、水泥Y) is read as one subject",
    105: "the level after 提高到 takes the frame of a baseline clause before it",
    119: "the target rules take 目前…为5.6万辆 for a 2025 target, so it is never an observation",
    129: "a named part of the region after a comma (…中，湖州市…最低，为24) loses its subject",
    143: "a table of base-year values only is not read",
}


def observations_of(case):
    issue_year = case.doc_year if case.doc_kind == "plan" else case.doc_year + 1
    context = PlanContext(
        doc_id="case",
        region_names=region_short_names(case.region),
        issue_year=issue_year,
        doc_kind=case.doc_kind,
        report_year=case.doc_year,
    )
    extractor = Extractor(case.text, context)
    extractor.run()
    return read_observations(extractor)


def _as_tuple(o, region: str) -> tuple:
    return (
        o.value,
        o.unit,
        o.comparator,
        o.year,
        o.kind,
        o.baseline_year,
        o.region_zh or region,
        o.scope_zh or "",
    )


def mismatches(case) -> list[str]:
    """What differs between the observations read and the expected ones ([] when none)."""
    found = [(o.indicator_zh, _as_tuple(o, case.region)) for o in observations_of(case)]
    problems = []
    for fragment, *fields in case.expected:
        want = tuple(fields)
        want = (float(want[0]), *want[1:])
        hit = next(
            (i for i, (name, got) in enumerate(found) if got == want and fragment in name), None
        )
        if hit is None:
            problems.append(f"missing {fragment} {want}")
        else:
            found.pop(hit)
    problems.extend(f"extra {name} {got}" for name, got in found)
    return problems


@pytest.mark.parametrize("index", range(len(CASES)))
def test_sweep_case(index):
    case = CASES[index]
    if index in KNOWN_MISSES:
        pytest.xfail(KNOWN_MISSES[index])
    problems = mismatches(case)
    assert not problems, f"{case.text[:60]}: {problems}"


def test_the_sweep_holds_what_the_docs_say():
    # docs/extractor.md publishes the size of the sweep and how many cases it reads
    from greenmetrics import paths

    docs = " ".join((paths.ROOT / "docs" / "extractor.md").read_text(encoding="utf-8").split())
    stated = re.search(r"holds (\d+) synthetic sentences in the genre's shapes \((\d+) read", docs)
    assert stated, "docs/extractor.md no longer says how large the observation sweep is"
    assert (int(stated[1]), int(stated[2])) == (len(CASES), len(CASES) - len(KNOWN_MISSES))


def test_known_misses_still_miss():
    """A listed case that passes now must leave KNOWN_MISSES (the list never hides progress)."""
    fixed = [i for i in KNOWN_MISSES if not mismatches(CASES[i])]
    assert not fixed, f"these cases pass now; remove them from KNOWN_MISSES: {fixed}"


def test_a_plan_that_states_only_goals_gives_no_observation():
    """The seed plans set targets and review nothing: every number is a target, a milestone
    or none, never an observation."""
    from greenmetrics import paths
    from greenmetrics.readers import read_document

    for name, region, year in (
        ("000_78ec545c62429658.txt", "忻州市忻府区", 2023),
        ("003_d6b7a80b1f52e553.txt", "临夏回族自治州", 2021),
    ):
        text = read_document(paths.RAW_DIR / name).text
        context = PlanContext(doc_id=name, region_names=region_short_names(region), issue_year=year)
        extractor = Extractor(text, context)
        targets, _ = extractor.run()
        assert len(targets) > 10
        assert read_observations(extractor) == []


@pytest.mark.parametrize(
    "text",
    [
        # a data appendix: a table of bare figures with no words of measure
        "附表\n2019  2020  2021  2022\n12.5  13.1  14.0  14.6\n8.7  9.2  9.9  10.3\n",
        "1 2 3 4 5 6 7 8 9 10\n—3—\n",
        "",
    ],
)
def test_bare_figures_give_no_observation(text):
    case = CASES[0]._replace(text=text, expected=[])
    assert observations_of(case) == []
