"""Courts, procuratorates and customs of a division: state organs named after their place."""

from __future__ import annotations

import re

from kg.extract.agencies import AgencyHit
from kg.extract.divisions import PlaceHit
from kg.extract.lexicon import Lexicon

__all__ = ["find_state_organs"]

# A court or a procuratorate after its division's name, in full or short (重庆市高级人民法院,
# 成都市中级人民法院, 重庆市第一中级人民法院, 四川省人民检察院; 重庆高院, 成都中院, 重庆五中院,
# 郫都区法院).
_JUDICIAL = re.compile(
    r"(?P<grade>高级|第[一二三四五六七八九]中级|中级)?人民(?P<organ>法院|检察院)"
    r"|(?P<short>高院|第?[一二三四五六七八九]中院|中院|法院|检察院)"
)
_GRADES = {"高院": "高级", "中院": "中级"}
# Characters after the organ that make it part of a longer word or of a unit (法院院长 is the
# court's; 检察院校 is not a word; 法院系统, 法院干警 are the court's people, read all the same).
_CONTINUES = frozenset("区路街")
# Customs named by their place (成都海关, 南宁海关, 凭祥海关; 海关总署 is the ministry).
_CUSTOMS = re.compile(r"海关(?!总署)")
# Place-name suffixes that customs leave out of their names (南宁市 -> 南宁海关).
_LEVEL_SUFFIX = re.compile(r"(?:市|县|地区)$")


def _judicial_label(m: re.Match[str], place: str) -> str:
    """The full name of a court or a procuratorate written at ``m`` after ``place``."""
    short = m["short"]
    if short is None:
        return place + (m["grade"] or "") + "人民" + m["organ"]
    if short.endswith("中院"):  # 第一中院, 五中院: 第一中级人民法院, 第五中级人民法院
        number = short[:-2].lstrip("第")
        return place + ("第" + number if number else "") + "中级人民法院"
    return place + _GRADES.get(short, "") + ("人民检察院" if short == "检察院" else "人民法院")


def _courts_of_place(m: re.Match[str], level: int) -> bool:
    """True when a court written without its grade follows a province or a city (山东法院,
    武汉法院): the courts of the place, which has no court of that name (its own are 高级
    and 中级); a county's or a district's court is its 人民法院."""
    ungraded = m["short"] == "法院" or (m["organ"] == "法院" and m["grade"] is None)
    return ungraded and level < 3


def find_state_organs(norm: str, places: list[PlaceHit], lex: Lexicon) -> list[AgencyHit]:
    """The courts, procuratorates and customs written right after a division's name, with
    the division as their jurisdiction."""
    divisions = lex.divisions
    out: list[AgencyHit] = []
    for place in places:
        if not place.code or norm[place.end : place.end + 1] in _CONTINUES:
            continue
        m = _JUDICIAL.match(norm, place.end)
        if (
            m is not None
            and norm[m.end() : m.end() + 1] not in _CONTINUES
            and not _courts_of_place(m, divisions.by_code[place.code].level)
        ):
            label = _judicial_label(m, divisions.body_name(place.code))
            basis = "exact" if norm[place.start : m.end()] == label else "canonical-name"
            d = divisions.by_code[place.code]
            out.append(AgencyHit(place.start, m.end(), label, place.code, d.name, basis))
            continue
        customs = _CUSTOMS.match(norm, place.end)
        if customs is not None:
            label = _LEVEL_SUFFIX.sub("", norm[place.start : place.end]) + "海关"
            basis = "exact" if norm[place.start : customs.end()] == label else "canonical-name"
            d = divisions.by_code[place.code]
            out.append(AgencyHit(place.start, customs.end(), label, place.code, d.name, basis))
    return out
