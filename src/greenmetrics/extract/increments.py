"""When an amount is new work of the period (kind increment) by the words before its value,
beyond the verb at its head (新建, 新增: rules.py reads those): a yearly amount (每年, 年均
before the value) and 新增 inside the name of what is counted (国家规划新增支撑保障型煤电900万千瓦).

Why a module of its own: the words that make an amount a change are the genre's, and rules.py,
which reads each clause, is at its size limit."""

from __future__ import annotations

import re

from ..schemas import RATE_UNITS
from .vocabulary import Vocabulary

# NOTE: 年均停电时间不超过3.5小时, PM2.5年均浓度: 年均 before the name of a state that is
# averaged over a year names the measure, a level; 年均增加70千瓦时 is a yearly change.
_AVERAGED_STATE_RE = re.compile(
    r"年均[\u4e00-\u9fa5]{0,4}?(?:时间|时长|浓度|天数|次数|气温|温度|降水量)"
)
# NOTE: “十四五”争取国家规划新增支撑保障型煤电900万千瓦: 新增 in the name of what is counted
# makes the amount an addition (新增及更换的公交车 names vehicles: a share, never an amount).
_ADDED_IN_NAME_RE = re.compile(r"新增(?![及和与、或])")


def states_increment(before: str, verb: str, unit: str, vocabulary: Vocabulary) -> bool:
    """True when the clause text `before` a value of `unit` makes it an amount added in the
    period: a yearly word that is no part of a measure's name, or, with no comparison `verb` of
    the value's own (达到), 新增 in the name of an amount (not a rate, not a bare number)."""
    yearly = vocabulary.period_increment_re.search(before)
    if yearly and not _AVERAGED_STATE_RE.match(before, yearly.start()):
        return True
    return bool(not verb and unit and unit not in RATE_UNITS and _ADDED_IN_NAME_RE.search(before))
