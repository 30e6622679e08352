"""The sector of an agreement, read from the words of its title (``kg/data/agreement_sectors.tsv``).

The ontology has no sector property, so a sector is derived, not stored: the leftmost word of
the table in the agreement's title names it (the longest word where several start at one
place: 智能制造 before 智能). Words of industry or regional cooperation at large (产业,
同城化, 经济圈 …, marked ``general`` in the table) name it only when no other word does. A
title without any word of the table takes the sector most of its parties' names give
(科学技术局 → 科技创新); failing that, the agreement's sector is :data:`OTHER`.

>>> sector_of("共建世界级先进汽车产业集群战略合作协议")
'汽车'
>>> sector_of("推进成渝地区双城经济圈建设携手共促巴蜀文化旅游走廊建设战略合作协议")
'文化旅游'
>>> sector_of("合作协议", ["重庆市科学技术局", "成都市科学技术局"])
'科技创新'
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property

from kg.resources import data_path

__all__ = ["SectorTable", "sector_of", "sectors", "OTHER"]

#: The sector of an agreement no word of the table names.
OTHER = "其他"

_FILE = "agreement_sectors.tsv"


@dataclass(frozen=True)
class SectorTable:
    """Words and the sectors they name; ``general`` words only when no other matches."""

    words: dict[str, str]
    general: frozenset[str]
    order: tuple[str, ...]

    @classmethod
    @cache
    def default(cls) -> SectorTable:
        """The table of the package data, read once."""
        words: dict[str, str] = {}
        general: set[str] = set()
        order: list[str] = []
        with open(data_path(_FILE), encoding="utf-8") as handle:
            for line in handle:
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                word, sector, *flags = line.split("\t")
                words[word] = sector
                if "general" in flags:
                    general.add(word)
                if sector not in order:
                    order.append(sector)
        return cls(words, frozenset(general), (*order, OTHER))

    @cached_property
    def _patterns(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """The specific words, then the general ones, each as one pattern: the leftmost
        match, and the longest word of those starting there (alternatives longest first)."""

        def pattern(words: Iterable[str]) -> re.Pattern[str]:
            ordered = sorted(words, key=lambda w: (-len(w), w))
            return re.compile("|".join(map(re.escape, ordered)) or "(?!)")

        specific = [w for w in self.words if w not in self.general]
        return pattern(specific), pattern(self.general)

    def in_text(self, text: str) -> str | None:
        """The sector ``text`` names (see the module), or ``None``."""
        for pattern in self._patterns:
            match = pattern.search(text)
            if match:
                return self.words[match.group(0)]
        return None


def sector_of(title: str, parties: Iterable[str] = ()) -> str:
    """The sector of an agreement of ``title`` between ``parties`` (their names)."""
    table = SectorTable.default()
    found = table.in_text(title)
    if found is not None:
        return found
    votes = Counter(s for s in (table.in_text(p) for p in parties) if s is not None)
    if not votes:
        return OTHER
    return min(votes, key=lambda s: (-votes[s], table.order.index(s)))


def sectors() -> tuple[str, ...]:
    """Every sector, in the order of the table, :data:`OTHER` last."""
    return SectorTable.default().order
