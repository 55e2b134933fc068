"""The indicator a sentence last named, for the observation reader: a clause without a value may
name what the values after it measure (单位GDP能耗，比2015年下降15%), and the reader carries the
last such name to them.

Why a module of its own: the name of every clause without a value was read at once, and most
sentences then state no observation at all; here a clause is kept and its name read only when a
value of the sentence asks for it, the same name as before.
"""

from __future__ import annotations

from collections.abc import Callable


class LatestName:
    """The last non-empty name among the clauses offered since it was last set (else the one set
    then), read with `read` (a pure function of the clause) only when `get` asks for it."""

    def __init__(self, read: Callable[[str], str]) -> None:
        self.read = read
        self.value = ""
        self.pending: list[str] = []

    def offer(self, clause: str) -> None:
        """A clause without a value: its name, if it has one, becomes the latest."""
        self.pending.append(clause)

    def set(self, name: str) -> None:
        """The name of a value just read becomes the latest, whatever came before."""
        self.value = name
        self.pending.clear()

    def get(self) -> str:
        for clause in reversed(self.pending):
            name = self.read(clause)
            if name:
                self.value = name
                break
        self.pending.clear()
        return self.value
