"""Words that only describe a kind of thing: names made of the generic vocabulary alone."""

from __future__ import annotations

import re

from kg.extract.divisions import PlaceHit
from kg.extract.lexicon import Lexicon
from kg.extract.matching import QUOTES

__all__ = ["covered_by", "looks_generic", "of_a_level_or_region"]


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


# 广东省级…产业园: the level of a place's parks, after the place.
_LEVEL_AFTER = re.compile(r"(?:省|市|县|区)?级")
# 京津冀区域高铁: the lines of a region, none named.
_REGION_WIDE = ("区域", "地区")


def of_a_level_or_region(bare: str, head: str, lex: Lexicon, places: list[PlaceHit]) -> bool:
    """True when a place's level follows the place that begins the words (广东省级现代农业产业园),
    or a region begins them and the rest only says 区域 (京津冀区域高铁) or, before 项目 or 工程,
    what kind (大湾区民生项目)."""
    if places and bare.startswith(places[0].name):
        if _LEVEL_AFTER.match(bare, len(places[0].name)):
            return True
    region = max((r for r in lex.region_words if bare.startswith(r)), key=len, default="")
    if len(region) < 2:
        return False
    rest = bare[len(region) :]
    if rest.startswith(_REGION_WIDE):
        rest = rest[2:]
        if rest == "":
            return True
    return head in ("项目", "工程") and covered_by(rest, lex.generic_words, lex.max_generic_len)
