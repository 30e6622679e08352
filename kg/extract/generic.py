"""Words that only describe a kind of thing: names made of the generic vocabulary alone."""

from __future__ import annotations

import re

from kg.extract.divisions import PlaceHit
from kg.extract.lexicon import Lexicon
from kg.extract.matching import QUOTES

__all__ = ["covered_by", "looks_generic"]


def covered_by(text: str, words: frozenset[str], max_len: int) -> bool:
    """True when ``text`` splits entirely into ``words`` (dynamic programming, no jieba)."""
    n = len(text)
    ok = [True] + [False] * n
    for i in range(1, n + 1):
        for length in range(1, min(max_len, i) + 1):
            if ok[i - length] and text[i - length : i] in words:
                ok[i] = True
                break
    return ok[n]


def looks_generic(core: str, lex: Lexicon, places: list[PlaceHit]) -> bool:
    """True when the words of a name before its head only describe a kind of thing."""
    core = QUOTES.sub("", core)
    if len(core) < 2:
        return True
    if places or any(c.isascii() and c.isalnum() for c in core):
        return False
    if any(r in core for r in lex.region_words if len(r) >= 2):
        return False
    # 工程类和服务类采购, 文创和体验: kinds joined are still kinds
    parts = [p for p in re.split("[和及与、]", core) if p]
    return bool(parts) and all(covered_by(p, lex.generic_words, lex.max_generic_len) for p in parts)
