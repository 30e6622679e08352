"""Works named by two states' abbreviations (中巴经济走廊, 中老铁路, 缅中经济走廊)."""

from __future__ import annotations

from kg.extract.divisions import PlaceHit
from kg.extract.lexicon import Lexicon

__all__ = ["china_first", "holds_pair", "pair_start"]

# Characters of states the abbreviation table leaves out because several states share them:
# beside China's they still make a pair (中巴, 中新, 中阿, 中尼); not 南 or 西 (中南, 中西部).
_SHARED = "巴新乌伊瑞阿斯尼"


def _pair(text: str, k: int, lex: Lexicon) -> bool:
    """True when ``text[k:k+2]`` is China's abbreviation and another state's, in either order."""
    a, b = text[k : k + 1], text[k + 1 : k + 2]
    states = lex.country_abbreviations
    return (a == "中" and (b in states or (b != "" and b in _SHARED))) or (
        b == "中" and a in states
    )


def pair_start(norm: str, start: int, hs: int, lex: Lexicon, places: list[PlaceHit]) -> int:
    """Where a name begins at two states' abbreviations that stand after words of a clause
    before the head at ``hs`` (参议院中巴经济走廊, 十分重视中巴经济走廊, 水果经中老铁路):
    works named by the states are named by them alone. A place, a quote or a bracket before
    the pair belongs to the name (长春中德…产业园, “中柬友谊大桥”项目); the pair begins a
    word (not 其中老挝) and no place's (滇中新区)."""
    if hs - start < 4 or "中" not in norm[start + 1 : hs]:
        return start
    at = start
    for word, _flag in lex.pos_cut(norm[start:hs]):
        if at > start and hs - at >= 2 and _pair(norm, at, lex):
            before = norm[start:at]
            if (
                any(p.start < at and p.end > start for p in places)
                or any(c in before for c in _MARKS)
                or lex.country_re.search(before)
                or norm[at + 2 : at + 3] in _PLACE_ENDS
            ):
                return start
            return at
        at += len(word)
    return start


# Marks that hold a name's parts together (“中柬友谊大桥”项目, 中新(重庆)…).
_MARKS = '“”"()（）《》'
# What ends a place's name (滇中新区).
_PLACE_ENDS = frozenset("区市省县州")


def china_first(label: str, lex: Lexicon) -> str:
    """``label`` with the states in China's order when the other state is written first
    (缅中经济走廊 → 中缅经济走廊, 老中铁路 → 中老铁路): one node for both; a place whose name is
    two such characters (巴中) is not a pair."""
    if (
        len(label) > 2
        and label[1] == "中"
        and label[0] in lex.country_abbreviations
        and not lex.divisions.codes_named(label[:2])
    ):
        return "中" + label[0] + label[2:]
    return label


def holds_pair(name: str, lex: Lexicon) -> bool:
    """True when ``name`` holds China's abbreviation and another state's (中老铁路, 老中…)."""
    return any(_pair(name, k, lex) for k in range(len(name) - 1))
