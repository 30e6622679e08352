"""Cooperation zones set up by the State Council, read by their official names and short forms."""

from __future__ import annotations

from kg.extract.areas import AreaHit
from kg.extract.lexicon import Lexicon

__all__ = ["with_named_zones"]


def with_named_zones(norm: str, areas: list[AreaHit], lex: Lexicon) -> list[AreaHit]:
    """``areas`` with the cooperation zones written in ``norm`` (横琴粤澳深度合作区, 前海合作区),
    under their official names, in place of the areas read inside them (深度合作区)."""
    zones: list[AreaHit] = []
    for written in sorted(lex.cooperation_zones, key=len, reverse=True):
        k = norm.find(written)
        while k >= 0:
            end = k + len(written)
            if not any(z.start < end and k < z.end for z in zones):
                official = lex.cooperation_zones[written]
                basis = "exact" if written == official else "canonical-name"
                zones.append(AreaHit(k, end, official, None, basis))
            k = norm.find(written, end)
    if not zones:
        return areas
    kept = [a for a in areas if not any(z.start < a.end and a.start < z.end for z in zones)]
    return sorted(zones + kept, key=lambda a: (a.start, a.end))
