"""What the notebooks call: the regions a notebook compares follow its REGIONS parameter."""

from __future__ import annotations

from greenmetrics import views


def test_cross_region_compares_the_regions_asked_for():
    frames = views.load_all(["甘肃省", "临夏回族自治州"])
    assert set(frames.targets.region_zh) == {"甘肃省", "临夏回族自治州"}
    assert views.focus_regions(None) == views.SEED_REGIONS
    asked = views.shared_indicators(
        frames.targets, views.focus_regions(["甘肃省", "临夏回族自治州"])
    )
    by_region = frames.targets.groupby("region_zh").indicator_id.agg(lambda s: set(s.dropna()))
    assert asked == sorted(by_region["甘肃省"] & by_region["临夏回族自治州"])
    assert asked  # the province and its prefecture share indicators (e.g. 畜禽粪污综合利用率)
    seeds = views.shared_indicators(views.load_all().targets, views.focus_regions(None))
    assert seeds != asked
