"""Courts, procuratorates, customs, border inspection stations and maritime bureaus of a
division: state organs named after their place."""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.extract.agencies import AgencyHit, shorthand_level
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
# The customs of Hong Kong and Macao, by their official names (香港海关, 香港特别行政区政府海关).
_SAR_CUSTOMS = {"81": "香港特别行政区政府海关", "82": "澳门特别行政区海关"}
_SAR_CUSTOMS_WRITTEN = re.compile(r"(?:政府)?海关(?!总署)")
# Border inspection stations of the immigration administration, named after their port's
# place (瑞丽出入境边防检查站, 瑞丽边检站).
_BORDER_STATION = re.compile(r"(?:出入境)?边防检查站|边检站")
# The maritime bureaus of the Maritime Safety Administration, named after their coast or
# port without the level of its place (广西海事局, 钦州海事局: 中华人民共和国广西海事局); a
# province's own bureau is written with its level (湖南省地方海事局) and is none of these.
_MARITIME = re.compile(r"海事局")
_STATE_NAME = "中华人民共和国"
_LEVELS_WRITTEN = re.compile(r"(?:省|市|县|区|自治区|自治州|地区|盟)$")


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


def find_state_organs(
    norm: str,
    places: list[PlaceHit],
    lex: Lexicon,
    main_place: Callable[[int], dict[str, str]],
) -> list[AgencyHit]:
    """The courts, procuratorates, customs, border inspection stations and maritime bureaus
    written right after a division's name, with the division as their jurisdiction; courts
    and procuratorates also after 市, 省, 州, 县 or 区 alone, those of ``main_place``'s places."""
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
        d = divisions.by_code[place.code]
        written = norm[place.start : place.end]
        sar = _SAR_CUSTOMS.get(place.code[:2]) if d.level == 1 else None
        customs = _SAR_CUSTOMS_WRITTEN.match(norm, place.end) if sar else None
        if customs is not None:
            basis = "exact" if norm[place.start : customs.end()] == sar else "canonical-name"
            out.append(AgencyHit(place.start, customs.end(), sar, place.code, d.name, basis))
            continue
        station = _BORDER_STATION.match(norm, place.end)
        if station is not None:
            label = _LEVEL_SUFFIX.sub("", written) + "出入境边防检查站"
            basis = "exact" if norm[place.start : station.end()] == label else "canonical-name"
            out.append(AgencyHit(place.start, station.end(), label, place.code, d.name, basis))
            continue
        maritime = _MARITIME.match(norm, place.end)
        if maritime is not None and not _LEVELS_WRITTEN.search(written):
            start = place.start
            if norm.endswith(_STATE_NAME, 0, start):
                start -= len(_STATE_NAME)
            label = _STATE_NAME + written + "海事局"
            basis = "exact" if norm[start : maritime.end()] == label else "canonical-name"
            out.append(AgencyHit(start, maritime.end(), label, place.code, d.name, basis))
            continue
        customs = _CUSTOMS.match(norm, place.end)
        if customs is not None:
            label = _LEVEL_SUFFIX.sub("", norm[place.start : place.end]) + "海关"
            basis = "exact" if norm[place.start : customs.end()] == label else "canonical-name"
            out.append(AgencyHit(place.start, customs.end(), label, place.code, d.name, basis))
    return out + _judicial_by_shorthand(norm, places, lex, main_place)


# Words that may stand right before the 市 or 县 of a court written by its shorthand: joiners,
# prepositions and adverbs of a clause (与市中院, 由县法院, 市检察院就…).
_BEFORE_SHORTHAND = frozenset("与和及同跟由在向对就将已也还并而或的")


# A shorthand's character right before a court or a procuratorate (the scan starts on it).
_SHORTHAND_JUDICIAL = re.compile(r"[市省州县区](?=" + _JUDICIAL.pattern + ")")


def _judicial_by_shorthand(
    norm: str, places: list[PlaceHit], lex: Lexicon, main_place: Callable[[int], dict[str, str]]
) -> list[AgencyHit]:
    """Courts and procuratorates written after 市, 省, 州, 县 or 区 alone (市检察院, 省高院):
    those of the article's place of that level."""
    place_ends = {p.end for p in places}
    out: list[AgencyHit] = []
    for short in _SHORTHAND_JUDICIAL.finditer(norm):
        at = short.end()
        m = _JUDICIAL.match(norm, at)
        if at in place_ends or norm[m.end() : m.end() + 1] in _CONTINUES:
            continue
        if (
            at >= 2
            and "\u4e00" <= norm[at - 2] <= "\u9fff"
            and norm[at - 2] not in _BEFORE_SHORTHAND
        ):
            continue  # 惠阳县法院, 四岔河农场区人民检察院: the end of a name no list has
        mains = main_place(at)
        level = shorthand_level(norm, at, mains, lex)
        if level is None:
            continue
        code = mains[norm[at - 1]]
        d = lex.divisions.by_code[code]
        if _courts_of_place(m, d.level):
            continue
        label = _judicial_label(m, lex.divisions.body_name(code))
        out.append(AgencyHit(at - 1, m.end(), label, code, d.name, "canonical-name"))
    return out
