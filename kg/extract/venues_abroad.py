"""Facilities abroad named only as where something happens.

A facility abroad is a project of the graph when the text tells of its works (a port China
builds, an airport it extends, a line Chinese firms run); one named only as where a plane
lands, a ceremony is held, a fair opens or a typhoon struck (专机抵达…国际机场, 在…广场举行,
…会展中心开幕, …高速公路塌陷) is a place, not a project. Only facilities where things happen or
that one passes are weighed (airports, squares, parks, wharves, centres and halls, roads);
lines, bridges, plants, …项目 and …工程 abroad, and works named after China or by China and
another state (中泰友谊公园, 中老铁路), stay projects.
"""

from __future__ import annotations

import re

from kg.extract.divisions import PlaceHit
from kg.extract.lexicon import Lexicon
from kg.extract.local_abroad import places_abroad
from kg.extract.project_names import ProjectHit
from kg.extract.spans import first_of, last_of
from kg.extract.state_pairs import holds_pair

__all__ = ["without_venues_abroad"]

# Heads of places where things happen or that one passes: airports, squares, parks,
# wharves, centres and halls, roads (lines, bridges, tunnels, plants and parks of industry
# abroad are as often works of Chinese builders told elsewhere in the article).
_PLACE_HEADS = frozenset({"机场", "广场", "公园", "码头", "中心", "高速公路", "公路"})
# What works do, or what is done to build and run a facility: then it is works, wherever.
_WORKS = re.compile(
    r"建设|建成|在建|新建|承建|援建|修建|兴建|扩建|改建|重建|建造|扩容|扩能|修复|修缮|改造|援助|投资"
    r"|开工|动工|竣工|施工|工程|项目|(?<!暂停|停止|中断)运营|通航|启用|投用|投入使用|落成|承包|开通|通车|贯通"
    r"|中企|中国企业|中资|中方"
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
    r"|专家|工程师|医疗队|代表团|留学生|员工|红|年|风|节|日|论坛|驻"
)
# China and its special administrative regions.
_OWN = frozenset({"CN", "HK", "MO", "TW"})


def _filed_at(norm: str, places: list[PlaceHit], lex: Lexicon) -> bool | None:
    """Whether the article's dateline names one of China's places (True) or a place abroad
    (False); None when it has no dateline."""
    m = _DATELINE.search(norm, 0, _DATELINE_WITHIN)
    if m is None:
        return None
    at = m.start("place")
    if any(p.start <= at < p.end for p in places):
        return True
    place = m.group("place")
    country = lex.country_re.match(place)
    if country is not None:
        return lex.country_names[country.group()] in _OWN
    known = lex.divisions.codes_named
    return any(known(place[:k]) for k in range(2, len(place) + 1)) or any(
        place.startswith(r) for r in lex.region_words if len(r) >= 2
    )


def _states(norm: str, lex: Lexicon) -> list[tuple[int, bool]]:
    """Where the article names a state, and whether it is China or one of its SARs named as
    where, not whose (中国农历新年, 来自中国的参展商: no place)."""
    out = []
    for m in lex.country_re.finditer(norm):
        if lex.country_names[m.group()] not in _OWN:
            out.append((m.start(), False))
        elif not _OF_CHINA.match(norm, m.end()) and norm[m.start() - 2 : m.start()] != "来自":
            out.append((m.start(), True))
    return out


def _china_s_city_first(name: str, lex: Lexicon) -> bool:
    """True when ``name`` begins with a province or a city of China (太原卫星发射中心)."""
    div = lex.divisions
    return any(div.by_code[c].level <= 2 for k in (2, 3) for c in div.codes_named(name[:k]))


def _last_named_abroad(states: list[tuple[int, bool]], places: list[PlaceHit], end: int) -> bool:
    """True when the last state or place the article names before ``end`` is abroad: no
    place of China's, and China itself not named, after the last foreign state."""
    last_own = max([at for at, own in states if own and at < end] + [-1])
    last_other = max([at for at, own in states if not own and at < end] + [-1])
    return last_other > max([last_own] + [p.start for p in places if p.start < end])


def without_venues_abroad(
    norm: str, hits: list[ProjectHit], places: list[PlaceHit], lex: Lexicon
) -> list[ProjectHit]:
    """``hits`` without the venues abroad named only as where something happens: no works
    told in the sentence, no Chinese place in it between the last state abroad before the
    venue and the venue's end, no province or city of China at the start of its name, and a
    state other than China at the start of its name or written last before it in the
    sentence, a city the article names after a state abroad at the start of its name, local
    time, the last state or place named before it in an article without a dateline, or a
    report filed abroad in an article that names a state."""
    filed: list[bool | None] = []  # (asked once, when needed)
    named: list[list[tuple[int, bool]]] = []  # the article's states, read once when needed
    foreign: list[tuple[str, ...]] = []  # its places named after a state abroad, once

    def states_of() -> list[tuple[int, bool]]:
        if not named:
            named.append(_states(norm, lex))
        return named[0]

    def places_named_abroad() -> tuple[str, ...]:
        if not foreign:
            inside = {k for p in places for k in range(p.start + 1, p.end)}
            foreign.append(tuple(places_abroad(norm, lex, inside)))
        return foreign[0]

    def abroad(h: ProjectHit) -> bool:
        name = norm[h.start : h.end]
        if not h.label.endswith(tuple(_PLACE_HEADS)) or holds_pair(name, lex) or "中国" in name:
            return False
        lo = last_of(norm, _ENDS, h.start) + 1
        end = first_of(norm, _ENDS, h.end)
        hi = len(norm) if end < 0 else end
        if h.places or _china_s_city_first(name, lex):
            return False  # 北京大兴国际机场, 太原卫星发射中心: a Chinese place names it
        before = [(at, own) for at, own in states_of() if lo <= at < h.start]
        # (从长春…起飞，降落在蒙古国…: China's place before the state abroad places nothing)
        since = max([at for at, own in before if not own] + [lo])
        if any(since <= p.start < h.end for p in places):
            return False  # 在深圳…会展中心: a Chinese place places it
        if _WORKS.search(norm, lo, hi):
            return False  # 中企承建的…国际机场: works abroad are projects
        own = lex.country_re.match(name)
        if own is not None:
            return lex.country_names[own.group()] not in _OWN  # 塞舌尔国际会议中心
        if "中华人民共和国" in norm[h.end : hi]:
            return False  # …广场举行…庆祝中华人民共和国成立: China is where
        if name.startswith(places_named_abroad()):
            return True  # 老挝万象市…。抵达万象市瓦岱国际机场: a city abroad names it
        if before:
            return not before[-1][1]
        if _LOCAL_TIME in norm[lo:hi]:
            return True
        if not filed:
            filed.append(_filed_at(norm, places, lex))
        if filed[0] is None and _last_named_abroad(states_of(), places, h.start):
            return True  # (a report filed at home names its venues without China's places)
        return filed[0] is False and any(not own for _at, own in states_of())

    return [h for h in hits if not abroad(h)]
