"""What the clauses of one sentence tell each other, as greenmetrics.extract.rules reads them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass
class ClauseContext:
    """What earlier clauses of the same sentence tell a later one."""

    year: int | None = None  # the target year stated so far in the sentence
    years: tuple[int, ...] = ()  # 到2025年和2030年: the years 分别 gives the values to
    heading_year: int | None = None  # the year of the goals heading the sentence sits under
    base: int | None = None  # 与2020年相比，...: the baseline a clause of its own states
    aspirational: bool = False  # 力争/争取 in a lead clause (力争到2025年，...)
    scope: str = ""  # a place named at the head of the sentence (临夏市城区基本建立..., X达到...)
    clause_scope: str = ""  # the scope of the clause's first subject, for its 、-joined list
    last_indicator: str = ""  # for a clause with no subject: "到2025年，达到35%"
    recording_only: bool = False  # a clause about the past: remember its indicator, emit nothing
    sentence_start: int = 0  # where the sentence starts in the normalized text
    period: bool = False  # “十四五”期间: an amount stated over the period is an increment
    # 新建X9座，一级环卫综合体11处: the build verb of a clause governs the verbless counts after it
    built: list[str] = field(default_factory=list)
    borrowed: str = ""  # the verbs the clause being read takes from the one before
    built_hedged: bool = False  # 力争 stood before the build verb that `built` carries
    hope: re.Pattern | None = None  # the words of aspiration (力争, 争取) of the vocabulary

    def carry(self, verbs: list[str], lead: str = "") -> None:
        """Carry the build verbs of a clause of counts to the verbless counts after it, and
        whether 力争 in `lead` (the clause before its first value) governed them: 力争培育10家…，
        5家…，5家… hopes for the whole list. Verbs carried on keep their 力争; [] ends the carry."""
        if verbs is not self.built:
            self.built_hedged = bool(verbs and self.hope and self.hope.search(lead))
        self.built = verbs

    def hoped_for(self) -> bool:
        """力争 in a lead clause, or over the build verb the clause being read borrows."""
        return self.aspirational or (bool(self.borrowed) and self.built_hedged)


@dataclass
class Segment:
    """The text that goes with one group of mentions: subject, verbs, comparison words."""

    start: int
    end: int
    left: str  # clause text from the segment start to the first value
    mentions: list[int]
