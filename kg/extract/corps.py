"""The Xinjiang Production and Construction Corps and its divisions: bodies, and the place of their organs."""

from __future__ import annotations

import re

from kg.extract.agencies import AgencyHit
from kg.extract.divisions import PlaceHit
from kg.extract.lexicon import Lexicon

__all__ = ["CORPS", "corps_bodies", "corps_places"]

# 新疆生产建设兵团 governs its own land with its 14 divisions (师), numbered 第一师 to 第十四师
# (the Corps's own list of divisions; most govern a city as well, 第八师石河子市).
CORPS = "新疆生产建设兵团"
_NUMBER = r"(?:十[一二三四]?|[一二三四五六七八九])"
_NOT_DIVISION = r"(?!范|傅|生|长|部|团长)"  # 第二师范学院, 一师傅
_DIVISION = rf"第{_NUMBER}师{_NOT_DIVISION}"
# Where a word of its own begins: no character of a longer word before it (野战兵团, 军团).
_OWN_WORD = r"(?:(?<![\u4e00-\u9fff])|(?<=[、与和及同跟在对向由经是为的]))"
# The Corps in full, or as 兵团 where a word of its own begins; a division after it (兵团第八师,
# 兵团八师), or alone in an article that names the Corps (第八师, 十三师).
_WRITTEN = re.compile(
    rf"(?P<corps>{CORPS}|{_OWN_WORD}兵团(?!长|员|战士))"
    rf"(?P<division>第?{_NUMBER}师{_NOT_DIVISION})?"
    rf"|{_OWN_WORD}(?P<alone>{_DIVISION}|十[一二三四]师{_NOT_DIVISION})"
)
# Characters that may follow a name: joiners and the first characters of a clause.
_AFTER_NAME = frozenset("与和及同跟、共签在于将对为是的等也已就")


def _found(norm: str, lex: Lexicon, named: bool) -> list[tuple[int, int, str]]:
    """Where the Corps or one of its divisions is written (with the city a division governs,
    第一师阿拉尔市), and its name in full; 兵团 alone only where the article names 新疆 (``named``),
    else only before a division or an organ, which no army's formation has."""
    if "兵团" not in norm:
        return []  # (a division alone needs the Corps named in full: most articles stop here)
    in_xinjiang = "新疆" in norm
    out = []
    for m in _WRITTEN.finditer(norm):
        division = m["division"] or m["alone"]
        if m["alone"] and CORPS not in norm:
            continue  # a division alone only in an article that names the Corps in full
        if named and not in_xinjiang and not m["division"]:
            continue  # 兵团 of other stories (a formation of an army)
        end = m.end()
        if division and named:
            # the city a division governs, written right after it (第八师石河子市与…), unless
            # it begins the name of the city's own body (第八师石河子市人民政府)
            k = next((k for k in (5, 4, 3) if norm[end : end + k] in lex.divisions.full), 0)
            after = norm[end + k : end + k + 1]
            if k and not ("\u4e00" <= after <= "\u9fff" and after not in _AFTER_NAME):
                end += k
        if division and not division.startswith("第"):
            division = "第" + division  # 十三师, 兵团八师: the division's name has 第
        out.append((m.start(), end, CORPS + (division or "")))
    return out


def corps_places(norm: str, lex: Lexicon) -> list[PlaceHit]:
    """The Corps and its divisions as the place their organs are written after
    (兵团发展改革委, 第八师教育局): places of no division code."""
    return [PlaceHit(s, e, name, (), True) for s, e, name in _found(norm, lex, False)]


def corps_bodies(norm: str, lex: Lexicon) -> list[AgencyHit]:
    """The Corps and its divisions as bodies of their own (新疆生产建设兵团与…签署, 兵团第三师)."""
    out = []
    for s, e, name in _found(norm, lex, True):
        basis = "exact" if norm[s:e] == name else "canonical-name"
        out.append(AgencyHit(s, e, name, None, None, basis))
    return out
