"""Governments and bodies of places abroad: 俄罗斯阿穆尔州政府, 芒街市人民委员会 (越南)."""

from __future__ import annotations

import re

from kg.extract.agencies import NOT_IN_BODY, AgencyHit, is_title
from kg.extract.divisions import PlaceHit
from kg.extract.lexicon import Lexicon
from kg.extract.proper_words import common_word
from kg.extract.spans import Spans

__all__ = ["local_governments_abroad", "ministries_abroad", "places_abroad"]

# A city, a province, a state or a county of another country, written after the country's
# name (俄罗斯叶卡捷琳堡市副市长, 尼泊尔辛杜帕尔乔克县).
_PLACE_ABROAD = re.compile(r"[\u4e00-\u9fff]{2,6}?[市州省县]")
# Words no name of a place abroad holds (苏丹过渡政府与…州: a clause).
_NOT_A_PLACE = re.compile(r"政府|[与和及、族国]")
# The government of a place abroad, its people's, coordination or executive committee (Viet
# Nam's and Laos's provinces and cities, Nepal's districts, Belarus's regions), or one of its
# ministries or departments (萨马拉州农业和粮食部).
_BODY_ABROAD = (
    r"(?P<body>政府|人民委员会|协调委员会|执行委员会"
    r"|(?![一二两三四五六七八九十各])[\u4e00-\u9fff]{2,8}?(?:部|厅|局))"
)
# The government or people's committee of a city or a province the article names without
# its country (黑河市人民政府与布拉戈维申斯克市政府签署), as a counterpart or one of a list.
_UNNAMED_ABROAD = re.compile(
    r"(?:(?<=[与和同及、,，:：;；])|^)(?P<place>[\u4e00-\u9fff]{2,8}?[市省州县])"
    r"(?P<body>人民委员会|执行委员会|政府)"
)
# What begins no name of a place: determiners, pronouns, counts (本市, 该省, 两市, 各州).
_NOT_A_NAME_START = frozenset("本该此这那其全各每我你他两三四五六七八九十多诸省市县州区")
# Characters that begin a clause before a name (由…, 经…特批, 一是…).
_CLAUSE_SINGLES = frozenset("经由在从向对把被是一")


def _clause_word(word: str, flag: str, lex: Lexicon) -> bool:
    """True for a word of the clause, not of a name: an idiom, a preposition, or a common
    word (rare words the dictionary tags otherwise are names it misreads: 首尔 "d", 千叶 "m")."""
    return flag == "l" or word in _CLAUSE_SINGLES or common_word(word, flag, lex)


def _name_start(stem: str, lex: Lexicon) -> int | None:
    """Where the name of a place abroad begins in ``stem`` (the words before 市, 省, 州 or
    县), after the words of the clause before it; None when no name of two characters is
    left or a word of the clause is inside it (很多城市, 明确要求县, 王建平代表省)."""
    words = lex.pos_cut(stem)
    k = 0
    while k < len(words) and _clause_word(*words[k], lex):
        k += 1
    if any(_clause_word(w, f, lex) for w, f in words[k:]):
        return None
    at = sum(len(w) for w, _f in words[:k])
    return at if len(stem) - at >= 2 else None


def places_abroad(norm: str, lex: Lexicon, inside_place: set[int]) -> dict[str, str]:
    """The cities, provinces and states of other countries the article names after their
    country (俄罗斯叶卡捷琳堡市), to the country's code; ``inside_place``: positions inside a
    Chinese place's name (内蒙古 holds no state)."""
    abroad: dict[str, str] = {}
    for m in lex.countries_in(norm):
        code = lex.country_names[m.group()]
        place = _PLACE_ABROAD.match(norm, m.end())
        if (
            code != "CN"
            and m.start() not in inside_place  # (内蒙古, 朝鲜族自治州: no state)
            and place is not None
            and not lex.country_re.search(place.group())
            and not _NOT_A_PLACE.search(place.group())
            and _name_start(place.group()[:-1], lex) == 0
        ):
            abroad.setdefault(place.group(), code)
    return abroad


def local_governments_abroad(
    norm: str, lex: Lexicon, found: list[AgencyHit], places: list[PlaceHit]
) -> list[AgencyHit]:
    """The government of a place abroad, or a body of it, written without its country
    (叶卡捷琳堡市政府, 萨马拉州农业和粮食部) where the article names the place after its country
    elsewhere (俄罗斯叶卡捷琳堡市副市长), and the government or people's committee of a
    place abroad the article never writes with its country, as the body of the last state
    written before it (越南…。东兴市与芒街市人民委员会签署); ``found``: the bodies of states
    already read, ``places``: China's places."""
    inside_place = {k for p in places for k in range(p.start + 1, p.end)}
    taken = Spans((h.start, h.end) for h in found)
    out: list[AgencyHit] = []
    abroad = places_abroad(norm, lex, inside_place)
    for place, code in abroad.items():
        name = lex.countries[code][0]
        for m in re.finditer(re.escape(place) + _BODY_ABROAD, norm):
            if (
                not taken.overlaps(m.start(), m.end())
                and not NOT_IN_BODY.search(m.group("body"))
                and "与" not in m.group("body")
                and not is_title(norm, m.end())
            ):
                label = name + m.group()
                out.append(
                    AgencyHit(m.start(), m.end(), label, None, None, "canonical-name", 1, code)
                )
                taken.add(m.start(), m.end())
    return out + _unnamed_places(norm, lex, taken, places, abroad, found + out)


def _states_abroad(norm: str, lex: Lexicon, places: list[PlaceHit]) -> list[tuple[int, str]]:
    """Where the article names a state other than China, and its code, outside China's
    places (内蒙古 holds no state)."""
    inside = {k for p in places for k in range(p.start + 1, p.end)}
    return [
        (m.start(), lex.country_names[m.group()])
        for m in lex.countries_in(norm)
        if lex.country_names[m.group()] != "CN" and m.start() not in inside
    ]


def _unnamed_places(
    norm: str,
    lex: Lexicon,
    taken: Spans,
    places: list[PlaceHit],
    abroad: dict[str, str],
    found: list[AgencyHit],
) -> list[AgencyHit]:
    """Governments of places abroad written without their country: a name that is no
    division of China, no common word and no part of China's places, after the last state
    abroad the article writes before it."""
    states = _states_abroad(norm, lex, places)
    if not states:
        return []
    china = Spans((p.start, p.end) for p in places)
    known = tuple(h.label for h in found)
    out: list[AgencyHit] = []
    for m in _UNNAMED_ABROAD.finditer(norm):
        at = _name_start(m.group("place")[:-1], lex)
        if at is None:
            continue
        start = m.start() + at
        place = norm[start : m.end("place")]
        before = [code for k, code in states if k < start]
        if (
            not before
            or place in abroad
            or taken.overlaps(start, m.end())
            or china.overlaps(start, m.end())
            or place in lex.divisions.full
            or place[:-1] in lex.divisions.short
            or place[0] in _NOT_A_NAME_START
            or _NOT_A_PLACE.search(place)
            or lex.country_re.search(place)
            or any(k.endswith(norm[start : m.end()]) for k in known)
        ):
            continue  # (越南广宁省芒街市政府 … 芒街市政府: the body named before, read as such)
        code = before[-1]
        label = lex.countries[code][0] + norm[start : m.end()]
        out.append(AgencyHit(start, m.end(), label, None, None, "canonical-name", 1, code))
    return out


# A ministry written without its state as a counterpart of a body read: after 与 before the
# verb (云南省农业农村厅与农林部签署) or first, before 与 (会谈后，经济部与省商务厅签署).
_MINISTRY_AFTER = re.compile(
    r"(?<=[与和同])(?P<name>[\u4e00-\u9fff]{2,6}?部)(?=签署|签订|续签|共同|正式|交换|签约)"
)
_MINISTRY_FIRST = re.compile(
    r"(?:(?<=[，,。：:；;\n])|^)(?P<name>[\u4e00-\u9fff]{2,6}?部)(?=与|和|同)"
)
# Departments of a company, a site or a party committee (项目部, 销售部, 组织部): no ministry.
_DEPARTMENT_WORDS = frozenset(
    {"项目", "销售", "事业", "工作", "市场", "财务", "人事", "技术", "工程", "业务", "采购", "运营"}
    | {"生产", "研发", "办公", "营销", "后勤", "信息", "安全", "质量", "组织", "宣传", "统战"}
)
# Tags of the words a ministry's portfolio is made of (农林, 工贸, 计划投资, 能源矿产).
_PORTFOLIO_TAGS = frozenset({"n", "vn", "j", "nz"})


def ministries_abroad(
    norm: str, lex: Lexicon, bodies: list[AgencyHit], places: list[PlaceHit]
) -> list[AgencyHit]:
    """Ministries written without their state where they sign with a body read (``bodies``):
    a portfolio of nouns before 部 that is no ministry of China's nor a company's department,
    read as the ministry of the last state abroad the article writes before it (越南…。广西壮族
    自治区商务厅与工贸部签署: 越南工贸部); ``places``: China's places (内蒙古 holds no state)."""
    states = _states_abroad(norm, lex, places)
    if not states:
        return []
    taken = Spans((h.start, h.end) for h in bodies)
    ends = {h.end for h in bodies}
    starts = {h.start for h in bodies}
    found = [m for m in _MINISTRY_AFTER.finditer(norm) if m.start() - 1 in ends]
    found += [m for m in _MINISTRY_FIRST.finditer(norm) if m.end() + 1 in starts]
    out: list[AgencyHit] = []
    for m in found:
        name = m.group("name")
        before = [code for k, code in states if k < m.start()]
        words = lex.pos_cut(name[:-1])
        if (
            not before
            or taken.overlaps(m.start(), m.end())
            or lex.ministry_re.fullmatch(name)
            or not all(
                (len(w) >= 2 and f in _PORTFOLIO_TAGS and w not in _DEPARTMENT_WORDS)
                or (w in ("和", "与") and 0 < k < len(words) - 1)  # 矿业和重工业部
                for k, (w, f) in enumerate(words)
            )
        ):
            continue
        code = before[-1]
        label = lex.countries[code][0] + name
        out.append(AgencyHit(m.start(), m.end(), label, None, None, "canonical-name", 1, code))
        taken.add(m.start(), m.end())
    return out
