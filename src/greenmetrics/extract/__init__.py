"""Extracting quantitative targets and dated milestones from the text of a plan.

The rules are written for the language of Chinese policy documents, not for any one plan:
a target is a quantity (number + unit, 百分之X, X成, 零X) governed by a target verb
(达到/提高到/稳定在/下降/新建/建成 ...) in a clause that looks forward (到2025年, 十四五末,
2025年底前, or the plan's default year). Every record keeps the exact characters of its clause
in the decoded document (`quote`, `char_start`, `char_end`), so every number traces back.

Pipeline per document: normalize (full-width digits, odd spaces; offsets kept, `greenmetrics.text`)
-> sentences (`sentences`) -> clauses -> quantity mentions (`quantities`) -> the indicator phrase
(`phrases`) and year (`years`) -> one record per target (`rules`, `records`). The words the
rules read are rows of data/policy_words.csv, made into patterns by `vocabulary`; `extract` takes
another `Vocabulary` (`load_vocabulary(path)`) to try a changed word list.
"""

from .observations import read_observations
from .quantities import chinese_number, find_mentions
from .records import MilestoneRecord, ObservationRecord, PlanContext, TargetRecord
from .rules import Extractor, extract
from .vocabulary import VOCABULARY, Vocabulary, load_vocabulary, read_policy_words
from .years import arabic_years, default_target_year, find_year

__all__ = [
    "VOCABULARY", "Extractor", "MilestoneRecord", "ObservationRecord", "PlanContext",
    "TargetRecord", "Vocabulary", "read_observations",
    "arabic_years", "chinese_number", "default_target_year", "extract", "find_mentions",
    "find_year", "load_vocabulary", "read_policy_words",
]  # fmt: skip
