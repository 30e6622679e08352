"""Airports, squares, parks and halls abroad named only as where something happens.

A facility abroad is a project of the graph when the text tells of its works (a port China
builds, an airport it extends); one named only as where a plane lands, a ceremony is held or
a fair opens (专机抵达…国际机场, 在…广场举行, …会展中心开幕) is a place, not a project.
"""

from __future__ import annotations

import re

from kg.extract.divisions import PlaceHit
from kg.extract.lexicon import Lexicon
from kg.extract.project_names import ProjectHit
from kg.extract.spans import first_of, last_of

__all__ = ["without_venues_abroad"]

# Heads of places where things happen: airports, squares, parks, and the halls of fairs,
# meetings, shows and games.
_VENUE_HEADS = frozenset({"机场", "广场", "公园"})
_HALL = re.compile(r"(?:会展|展览|博览|会议|贸易|世贸|艺术|表演|演艺|体育|文化)中心$")
# What works do, or what is done to build and run a facility: then it is works, wherever.
_WORKS = re.compile(
    r"建设|建成|在建|新建|承建|援建|修建|兴建|扩建|改建|重建|建造|扩容|扩能|修复|修缮|改造|升级|援助|投资"
    r"|开工|动工|竣工|施工|工程|项目|运营|通航|启用|投用|投入使用|落成|承包"
)
# The dateline of a report filed abroad (本报加德满都10月12日电, 新华社华盛顿5月2日电).
_DATELINE = re.compile(
    r"(?:本报|新华社|中新社)(?:记者)?(?P<place>[\u4e00-\u9fff]{2,8}?)\d{1,2}月\d{1,2}日[电讯]"
)
# How far into an article its dateline is written (after a headline).
_DATELINE_WITHIN = 200
# 当地时间: the reporter writes of a time abroad.
_LOCAL_TIME = "当地时间"
_ENDS = "。！？；\n"
# What China's name is written before when it says whose, not where (中国农历新年, 中国企业).
_OF_CHINA = re.compile(
    r"的|农历|春节|新年|文化|企业|公司|制造|飞机|游客|人|商品|产品|品牌|元素|美食|特色"
)
# China and its special administrative regions.
_OWN = frozenset({"CN", "HK", "MO", "TW"})


def _filed_abroad(norm: str, places: list[PlaceHit], lex: Lexicon) -> bool:
    """True when the article's dateline names a place that is not one of China's."""
    m = _DATELINE.search(norm, 0, _DATELINE_WITHIN)
    if m is None:
        return False
    at = m.start("place")
    if any(p.start <= at < p.end for p in places):
        return False
    country = lex.country_re.match(m.group("place"))
    if country is not None:
        return lex.country_names[country.group()] not in _OWN
    place = m.group("place")
    known = lex.divisions.codes_named
    return not any(known(place[:k]) for k in range(2, len(place) + 1)) and not any(
        place.startswith(r) for r in lex.region_words if len(r) >= 2
    )


def _last_named_abroad(norm: str, places: list[PlaceHit], end: int, lex: Lexicon) -> bool:
    """True when the last state or place the article names before ``end`` is abroad: no
    place of China's, and China itself not named, after the last foreign state."""
    last_own, last_other = -1, -1
    for m in lex.country_re.finditer(norm, 0, end):
        if lex.country_names[m.group()] not in _OWN:
            last_other = m.start()
        elif _in_china(norm, m):
            last_own = m.start()
    return last_other > max([last_own] + [p.start for p in places if p.start < end])


def _in_china(norm: str, m: re.Match[str]) -> bool:
    """True when China's name (``m``) says where, not whose (中国农历新年, 来自中国的参展商)."""
    return not _OF_CHINA.match(norm, m.end()) and norm[m.start() - 2 : m.start()] != "来自"


def _names_a_state(norm: str, lex: Lexicon) -> bool:
    return any(lex.country_names[m.group()] not in _OWN for m in lex.country_re.finditer(norm))


def without_venues_abroad(
    norm: str, hits: list[ProjectHit], places: list[PlaceHit], lex: Lexicon
) -> list[ProjectHit]:
    """``hits`` without the venues abroad named only as where something happens: no works
    told in the sentence, no Chinese place in it before the venue's end, and a state
    other than China written last before it (in the sentence, else in the article), local
    time, or a report filed abroad in an article that names a state."""
    filed: list[bool] = []  # (asked once, when needed)

    def abroad(h: ProjectHit) -> bool:
        core = norm[h.start : h.end - len(h.head)]
        if h.head not in _VENUE_HEADS and not (h.head == "中心" and _HALL.search(core + "中心")):
            return False
        lo = last_of(norm, _ENDS, h.start) + 1
        end = first_of(norm, _ENDS, h.end)
        hi = len(norm) if end < 0 else end
        if h.places or any(lo <= p.start < h.end for p in places):
            return False  # 北京大兴国际机场, 在深圳…会展中心: a Chinese place names or places it
        if _WORKS.search(norm, lo, hi):
            return False  # 中企承建的…国际机场: works abroad are projects
        states = [
            lex.country_names[m.group()]
            for m in lex.country_re.finditer(norm, lo, h.start)
            if lex.country_names[m.group()] not in _OWN or _in_china(norm, m)
        ]
        if states:
            return states[-1] not in _OWN
        if _LOCAL_TIME in norm[lo:hi] or _last_named_abroad(norm, places, hi, lex):
            return True
        if not filed:
            filed.append(_filed_abroad(norm, places, lex) and _names_a_state(norm, lex))
        return filed[0]

    return [h for h in hits if not abroad(h)]
