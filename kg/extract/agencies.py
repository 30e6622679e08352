"""Government agencies read by the grammar of their names: place + sector + organ, and ministries.

One module for every kind of body (local, national, party and congress organs, area
committees, SAR bureaus, foreign bodies): they share the organ tables and the rules that
tell an organ from a word ending in its character, and their overlaps are settled here.

Size: past 500 lines, for the reasons above.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from kg.extract.division_index import DivisionIndex
from kg.extract.divisions import MUNICIPALITIES, PlaceHit
from kg.extract.lexicon import Lexicon
from kg.extract.national_units import regional_administrations, regulator_bureaus, unit_after
from kg.extract.numerals import small_cn_number
from kg.extract.spans import NestedSpans, Spans
from kg.extract.tokens import Tokens

__all__ = [
    "AgencyHit",
    "find_agencies",
    "find_ministries",
    "join_head_offices",
    "with_branches",
    "with_offices",
    "find_foreign_agencies",
    "find_local_organs",
    "find_sar_bureaus",
    "NOT_IN_BODY",
    "is_title",
    "shorthand_level",
    "area_committees",
    "bare_committees",
    "drop_overlaps",
]

# 部门 ("the department of"): the organ is then taken from the sector table.
_DEPT = "部门"
# Single-character place shorthands: 市发展改革委 = (the article's city)发展改革委.
_SHORTHAND = {"市": 2, "省": 1, "区": 3, "县": 3, "州": 2}
# A shorthand preceded by these is a count, a collective or a kind of division (两市, 各区,
# 直辖市, 县级市, 分区, 边区), not one place.
_NOT_SHORTHAND_BEFORE = frozenset("两三四五六七八九十各全多等城超辖级省市县区地分边")
# Characters after an organ's last character that make another word of it.
_ORGAN_CONTINUES = {"委": "托屈", "部": "署队落", "局": "势面", "办": "理法好事", "署": "理名"}
# 办 of a building or a place of work (政府办公楼, 办公区), not an office.
_OFFICE_BUILDING = ("公楼", "公大楼", "公区", "公场所", "公用房")
# …新区发展改革委, …开发区管委会: 区 ends the name of an area, it is not the article's district.
_AREA_END_BEFORE = frozenset("新发开贸税范作片园特景湾垦矿")
# 政府 followed by these is part of a compound noun (政府工作报告), not the organ.
_GOV_COMPOUND = re.compile(
    r"工作报告|采购|集中采购|投资|引导|债|性|补贴|信息|网站|和社会|与市场|委托|办公楼|大楼|大院"
)
_MAX_SECTORS = 3
# Organs that follow the place directly, with no sector (重庆市人民政府, 喀什地区行政公署).
_GOVERNMENTS = frozenset({"政府", "人民政府", "行政公署"})
# 黄石四市科技部门, 京津两地…: a count between an enumeration of places and the sector.
# GB/T 2260 province codes of the special administrative regions (香港 81, 澳门 82).
_SAR_CODES = frozenset({"81", "82"})
_SAR_FULL = {"香港": "香港特别行政区", "澳门": "澳门特别行政区"}
# A body of Hong Kong or Macao by its own name, no government written (澳门贸易投资促进局).
_SAR_OWN_BODY = re.compile(
    r"(?P<sar>香港|澳门)(?P<name>(?:(?![与和同在的、特政])[\u4e00-\u9fff]){2,10}?)(?P<organ>局|署)"
    r"(?![长面势])"
)
# How often a word ending in 局 or 署 (大局, 部署) is in jieba's dictionary to be that word.
_WORD_FREQ = 20
# jieba's flags of words that never stand in a bureau's name: adverbs, pronouns, prepositions,
# conjunctions, particles, numerals, times, adjectives.
_NOT_IN_BUREAU = frozenset("drpcumta")
# 特区政府 with no region before it (支持特区政府抗疫).
_BARE_SAR_GOVERNMENT = re.compile(r"(?<!香港)(?<!澳门)特区政府")
# 新一届政府: a government's term, not part of its name.
_TERM = re.compile(r"(?:新一届|本届|上一届|上届|[新现前原])政府")
# 非政府, 反政府: against or outside a government, not its body.
_NOT_A_GOVERNMENT = re.compile(r"[非反]政府")
_COLLECTIVE_COUNT = re.compile(
    r"(?:[两三四五六七八九十]+|各)(?:省区市|省区|省市|省份|州市|地市|城市|市|地|省|区|县)$"
    r"|[两三四五六七八九十]省[一二两三]市$"  # 三省一市: the provinces and a municipality
)
# Counts of cities only (长春、吉林、白城三市: 吉林 is the city).
_CITY_COUNTS = ("州市", "地市", "城市", "市")


@dataclass
class AgencyHit:
    """An agency name found in the normalised text."""

    start: int
    end: int
    label: str
    place_code: str | None  # the division whose agency this is
    place_label: str | None
    basis: str
    parties: int = 1  # how many agencies share this span (北京、天津、河北人社部门)
    country: str | None = None  # ISO 3166-1 code of a national body's country


def _continues(norm: str, e: int) -> bool:
    """True when the organ's character ending at ``e`` begins another word (委托, 部署,
    办公楼)."""
    if norm[e - 1] == "办" and norm.startswith(_OFFICE_BUILDING, e):
        return True
    return norm[e : e + 1] in _ORGAN_CONTINUES.get(norm[e - 1], "")


def _area_body_before(norm: str, s: int, e: int) -> bool:
    """True when the body written at ``norm[s:e]`` after 区 was named earlier in the sentence
    as an area's (两江新区发展改革委): 区 is that area, not the article's district."""
    lo = max(norm.rfind(c, 0, s) for c in "。！？\n") + 1
    return any(norm.find(a + norm[s:e], lo, s) >= 0 for a in ("新区", "开发区", "园区", "合作区"))


def shorthand_level(norm: str, pos: int, main_place: dict[str, str], lex: Lexicon) -> int | None:
    """The level of the article's own place that a 市, 省, 区 or 县 right before ``pos``
    stands for (市发展改革委, 省委), if it stands for one: not 两市 or 各区, not the 区 that
    ends a 新区's or 开发区's name, not the 市 of a place of another time or of no division
    list (北平市公安局), and only at a level the article has a place of."""
    if pos < 1 or norm[pos - 1] not in _SHORTHAND:
        return None
    before = norm[pos - 2] if pos > 1 else ""
    if before and before in _NOT_SHORTHAND_BEFORE:
        return None
    written = norm[pos - 3 : pos - 1] if pos >= 3 else ""
    if (
        written
        and lex.word_tag(written) in ("ns", "nz")
        and norm[pos - 3 : pos] not in lex.divisions.full
        and not (pos >= 4 and norm[pos - 4 : pos] in lex.divisions.full)
    ):
        # 北平市, 奉天市: the suffix of a place of another time; 龙泉区 (of 龙泉驿区): a place
        # written in a form no list has, not the article's 区
        return None
    if norm[pos - 1] == "区" and before and before in _AREA_END_BEFORE:
        return None
    return _SHORTHAND[norm[pos - 1]] if norm[pos - 1] in main_place else None


def _region_in_sentence(
    norm: str, pos: int, places: list[PlaceHit], div: DivisionIndex
) -> str | None:
    """The one autonomous region the sentence of ``pos`` names after it, if any."""
    end = min((k for k in (norm.find(c, pos) for c in "。！？\n") if k >= 0), default=len(norm))
    found = {
        p.code
        for p in places
        if p.code and pos <= p.start < end and div.by_code[p.code].name.endswith("自治区")
    }
    return found.pop() if len(found) == 1 else None


def _organs_ending_at(norm: str, e: int, lex: Lexicon) -> list[str]:
    out = []
    for length in (7, 5, 4, 3, 2, 1):
        w = norm[e - length : e] if e - length >= 0 else ""
        if w in lex.organs:
            out.append(w)
    return out


def _sector_chain(norm: str, end: int, lex: Lexicon) -> tuple[int, list[str]]:
    """Sector words ending at ``end`` (read right to left, longest word first)."""
    words: list[str] = []
    pos = end
    while len(words) < _MAX_SECTORS:
        best = None
        for length in range(min(lex.max_sector_len, pos), 0, -1):
            w = norm[pos - length : pos]
            if w in lex.sectors:
                best = w
                break
        if best is None:
            break
        words.insert(0, best)
        pos -= len(best)
        if pos > 0 and norm[pos - 1] == "和" and words:
            # 文化广电和旅游: a joiner only counts if another sector word precedes it
            for length in range(min(lex.max_sector_len, pos - 1), 0, -1):
                if norm[pos - 1 - length : pos - 1] in lex.sectors:
                    words.insert(0, "和")
                    pos -= 1
                    break
    return pos, words


def _canonical_sector(words: list[str], lex: Lexicon) -> str:
    if len(words) == 1:
        return lex.sectors[words[0]][0]
    # In a compound (文化广电旅游) the words are written in full already; expand only
    # the recognised abbreviations and keep the order.
    return "".join(w if w == "和" else lex.sectors[w][0] for w in words)


def _agency_label(
    place: str,
    code: str | None,
    level: int,
    sector: str,
    words: list[str],
    organ: str,
    lex: Lexicon,
) -> str:
    """Canonical name: place + sector + organ; for 部门 the organ a place of that level has
    (人社部门 of a province is its 厅, of a city or a municipality its 局)."""
    if organ in _GOVERNMENTS and (code or "")[:2] in _SAR_CODES:
        return place + "政府"  # 香港特别行政区政府 is not a 人民政府
    if organ == _DEPT:
        province = level == 1 and (code or "")[:2] not in MUNICIPALITIES
        organ_c = lex.sectors[words[-1]][2 if province else 1] if words else _DEPT
    else:
        organ_c = lex.organs[organ]
    if (
        organ_c == "委员会"
        and len(words) == 1
        and (code or "").endswith("0000")
        and (code or "")[:2] in lex.written_committees.get(words[0], ())
    ):
        sector = words[0]  # 北京市交通委: a committee named with 交通 as written (天津's: 交通运输)
    return place + sector + organ_c


# Organs a body listed after another of its place may be written with alone (…商务厅、交通运输厅).
_LISTED_ORGANS = frozenset({"厅", "局", "委", "委员会"})


def _listed_after_body(norm: str, s: int, organ: str, hits: list[AgencyHit]) -> AgencyHit | None:
    """The body of a place listed right before a sector's body written without its place at
    ``s`` (新疆维吾尔自治区商务厅、交通运输厅), whose place it shares; else None."""
    if organ not in _LISTED_ORGANS or s < 1 or norm[s - 1] not in "、及":
        return None
    prior = hits[-1] if hits else None
    if prior is None or prior.end != s - 1 or not prior.place_code:
        return None
    return prior


def find_agencies(
    norm: str,
    places: list[PlaceHit],
    lex: Lexicon,
    main_place: Callable[[int], dict[str, str]],
) -> list[AgencyHit]:
    """Local agencies: place + sector + organ (重庆市经信委, 市发展改革委, 河北人社部门)."""
    place_end = {h.end: h for h in places}
    div = lex.divisions
    hits: list[AgencyHit] = []
    for m in lex.organ_end_re.finditer(norm):
        e = m.end()
        if _continues(norm, e):
            continue  # 委托, 部署, 局势: the organ's character begins another word
        if norm.startswith(_DEPT, e - 1) and norm[e - 1] == "部":
            candidates = [_DEPT]
            e += 1
        else:
            candidates = _organs_ending_at(norm, e, lex)
        best: tuple[int, AgencyHit | None, list[AgencyHit]] = (0, None, [])
        for organ in candidates:
            s_organ = e - len(organ)
            if organ in _GOVERNMENTS:
                if _GOV_COMPOUND.match(norm, e):
                    continue
                s_sector, words = s_organ, []
            else:
                s_sector, words = _sector_chain(norm, s_organ, lex)
                if not words:
                    continue
            sector = _canonical_sector(words, lex) if words else ""
            if organ == _DEPT and sector == "人民政府":
                continue  # 市政府部门: the government's departments, not its general office
            place = place_end.get(s_sector)
            if place is None and organ in _GOVERNMENTS and norm.endswith("特区", 0, s_sector):
                place = place_end.get(s_sector - 2)  # 香港特区政府
                if place is not None and (place.code or "")[:2] not in _SAR_CODES:
                    place = None
            count = _COLLECTIVE_COUNT.search(norm, max(0, s_sector - 5), s_sector)
            if place is None and count is not None:
                place = place_end.get(count.start())
                if place is not None and not (
                    place.start > 0 and norm[place.start - 1] in "、和与"
                ):
                    place = None  # 重庆两地 is not a list of places
            extra: list[PlaceHit] = []
            if place is None and count is not None:
                # 京津冀三地人社部门, 川渝两地发展改革委: the provinces by their abbreviations
                extra = _abbreviated_places(norm, count.start(), count.group(), lex)
                place = extra.pop() if extra else None
            city_count = count is not None and count.group().endswith(_CITY_COUNTS)
            if city_count:
                place = place and _as_city(place, div)
                extra = [_as_city(p, div) for p in extra]
            if place is not None and place.code:
                start = place.start
                d = div.by_code[place.code]
                level = d.level
                # 北京市朝阳区人社局, 朝阳区人社局: a city's district is named with its city, a
                # county or a county-level city on its own (靖江市人民政府)
                place_code, place_label = d.code, div.body_name(d.code)
                # a parent written before it (河北省廊坊市) is part of the mention
                parent = place_end.get(place.start)
                if parent is not None and parent.code and parent.code == d.parent:
                    start = parent.start
                # 北京、天津、河北人社部门: every place of the enumeration gets one
                p = place
                while p.start > 0 and norm[p.start - 1] in "、和与":
                    prev = place_end.get(p.start - 1)
                    counted = _COLLECTIVE_COUNT.search(norm, max(0, p.start - 6), p.start - 1)
                    if prev is None and counted is not None and norm[p.start - 1] in "和与":
                        prev = place_end.get(counted.start())  # 黑龙江、吉林、辽宁三省和内蒙古…厅
                    if prev is None or not prev.code:
                        break
                    if (
                        norm[p.start - 1] in "和与"
                        and prev.start > 0
                        and norm[prev.start - 1] in "在于赴到"
                    ):
                        break  # 在贵阳与贵州省农业农村厅会谈: where they meet, then the body
                    extra.insert(0, _as_city(prev, div) if city_count else prev)
                    p = prev
            elif place is not None:
                start = place.start
                level, place_code, place_label = 3, None, place.name
            elif norm.endswith("自治区", 0, s_sector) and not norm.endswith(
                "民族自治区", 0, s_sector
            ):
                # 自治区林业和草原局: the region its sentence names after it (自治区…统计显示，
                # 宁夏…), else the autonomous region named last before it, else the article's
                region = _region_in_sentence(norm, s_sector, places, div)
                named = [
                    p.code
                    for p in places
                    if p.code
                    and p.end <= s_sector
                    and div.by_code[p.code].level == 1
                    and div.by_code[p.code].name.endswith("自治区")
                ]
                if region is None and named:
                    region = named[-1]
                if region is None:
                    region = main_place(s_sector).get("省")
                if region is None or not div.by_code[region].name.endswith("自治区"):
                    continue
                level, place_code, start = 1, region, s_sector - 3
                place_label = div.by_code[place_code].name
            elif shorthand_level(norm, s_sector, (mains := main_place(s_sector)), lex) is not None:
                if norm[s_sector - 1] == "区" and _area_body_before(norm, s_sector, e):
                    continue  # 两江新区发展改革委…区发展改革委: the area's body again
                start = s_sector - 1
                level = _SHORTHAND[norm[s_sector - 1]]
                place_code = mains[norm[s_sector - 1]]
                # 区 of an article about 广西壮族自治区 is the region, not one of its districts
                region = mains.get("省")
                if (
                    norm[s_sector - 1] == "区"
                    and region
                    and div.by_code[region].name.endswith("自治区")
                ):
                    level, place_code = 1, region
                place_label = div.body_name(place_code)
            elif (prior := _listed_after_body(norm, s_sector, organ, hits)) is not None:
                # 新疆维吾尔自治区商务厅、交通运输厅: the place of the body listed before
                start, place_code, place_label = s_sector, prior.place_code, prior.place_label
                level = div.by_code[place_code].level
            else:
                continue

            label = _agency_label(place_label, place_code, level, sector, words, organ, lex)
            written = norm[start:e]
            basis = "exact" if written == label else "canonical-name"
            hit = AgencyHit(start, e, label, place_code, place_label, basis)
            others = []
            for p in extra:
                pd = div.by_code[p.code]
                name = div.body_name(pd.code)  # (永川区、荣昌区: each with its city)
                others.append(
                    AgencyHit(
                        p.start,
                        e,
                        _agency_label(name, pd.code, pd.level, sector, words, organ, lex),
                        pd.code,
                        name,
                        "canonical-name",
                    )
                )
            if e - start > best[0]:
                best = (e - start, hit, others)
        if best[1] is not None:
            # each agency of 北京、天津、河北人社部门 gets the span from its own place to the
            # shared sector and organ, so that no two share one span
            n = 1 + len(best[2])
            for h in [*best[2], best[1]]:
                h.parties = n
                hits.append(h)
    return drop_overlaps(hits)


# The local organs of the Party and of the people's congress, written after their place:
# 四川省委 / 中共四川省委 / 省委 (the party committee), 四川省人大常委会 / 省人大常委会.
_LOCAL_ORGAN = re.compile(r"人大常委会|人民代表大会常务委员会|委员会|党委|委(?!员)")
# 省委书记, 市委常委: the titles of persons, and the committee's own departments
# (市委宣传部), are not the committee.
_ORGAN_TITLE = re.compile(
    r"书记|副书记|常委|委员|巡视|党校"
    r"|(?!召开|举行|印发|发布|出台|审议|听取|研究)[\u4e00-\u9fff]{0,5}?(?:部|办公厅|办公室|办|委)"
)  # (市委召开常委会: the committee holds a meeting)


# The departments of a local Party committee, written after it, and their full names.
_PARTY_DEPARTMENTS = {
    "组织部": "组织部",
    "宣传部": "宣传部",
    "统战部": "统一战线工作部",
    "统一战线工作部": "统一战线工作部",
    "政法委员会": "政法委员会",
    "政法委": "政法委员会",
}
_PARTY_DEPARTMENT = re.compile("|".join(sorted(_PARTY_DEPARTMENTS, key=len, reverse=True)))


def _as_city(p: PlaceHit, div: DivisionIndex) -> PlaceHit:
    """``p`` read as the prefecture-level city of its name where it was read as a province of
    the same name (吉林 of 长春、吉林、白城三市)."""
    if not p.code or div.by_code[p.code].level != 1:
        return p
    cities = [c for c in div.codes_named(p.name) if div.by_code[c].level == 2]
    return replace(p, code=cities[0]) if len(cities) == 1 else p


def _abbreviated_places(norm: str, pos: int, count: str, lex: Lexicon) -> list[PlaceHit]:
    """The provinces written by their one-character abbreviations right before a count of
    places at ``pos`` (京津冀三地: 北京市, 天津市, 河北省), one for each the count says; none
    when the characters and the count disagree."""
    n = small_cn_number(count[0]) or 0
    chars = norm[pos - n : pos] if n and pos >= n else ""
    if len(chars) != n or not all(c in lex.province_codes for c in chars):
        return []
    if pos - n > 0 and lex.is_known_word(norm[pos - n - 1 : pos - n + 1]):
        return []  # the first character ends another word
    codes = [lex.province_codes[c] for c in chars]
    if len(set(codes)) != n or not all(c in lex.divisions.by_code for c in codes):
        return []
    return [
        PlaceHit(pos - n + k, pos - n + k + 1, c, (code,), False, code)
        for k, (c, code) in enumerate(zip(chars, codes, strict=True))
    ]


def find_local_organs(
    norm: str,
    places: list[PlaceHit],
    lex: Lexicon,
    main_place: Callable[[int], dict[str, str]],
) -> list[AgencyHit]:
    """Party committees and people's congress standing committees of a division."""
    place_end = {h.end: h for h in places if h.code}
    out: list[AgencyHit] = []
    for m in _LOCAL_ORGAN.finditer(norm):
        s, e = m.span()
        congress = m.group().startswith("人")
        department = None if congress else _PARTY_DEPARTMENT.match(norm, e)
        if department is None and (_ORGAN_TITLE.match(norm, e) or _continues(norm, e)):
            continue  # 省委书记, 受市政府委托
        place = place_end.get(s)
        party_prefix = False
        if place is not None:
            start, code = place.start, place.code
            parent = place_end.get(start)
            if parent is not None and parent.code == lex.divisions.by_code[code].parent:
                start = parent.start  # 中共杭州市余杭区委员会: the city written before
        elif shorthand_level(norm, s, (mains := main_place(s)), lex) is not None:
            start, code = s - 1, mains[norm[s - 1]]
        else:
            continue
        d = lex.divisions.by_code[code]
        if m.group() == "委员会" and not norm.endswith("中共", 0, start):
            continue  # 四川省委员会 alone is no organ we can name
        if start > 0 and norm[start - 1] == "团":
            continue  # 团仁寿县委: the Youth League's committee, not the party's
        if norm.endswith("中共", 0, start):
            start, party_prefix = start - 2, True
        name = lex.divisions.body_name(code)  # (中共重庆市铜梁区委员会: a district with its city)
        if congress:
            label = name + "人民代表大会常务委员会"
        elif place is None and not party_prefix and norm[s - 1] in "区县":
            continue  # 区委 / 县委 of an article's district: too often another body
        else:
            label = "中共" + name + "委员会"
        if department is not None:
            # 四川省委宣传部, 中共泉州市委统战部: the committee's department
            label += _PARTY_DEPARTMENTS[department.group()]
            e = department.end()
        basis = "exact" if norm[start:e] == label else "canonical-name"
        out.append(AgencyHit(start, e, label, code, d.name, basis))
    return out


# Words of a clause after a government's name, never of a bureau's (署 of 签署 is no bureau).
_SAR_CLAUSE = re.compile(r"签|[双两三四]方|共同|联合|分别")


def find_sar_bureaus(norm: str, lex: Lexicon) -> list[AgencyHit]:
    """Bureaus of the Hong Kong and Macao governments: 香港特别行政区政府创新科技及工业局
    (also 香港特区政府…), and the bureau's own name said again later (创新科技及工业局)."""
    out: list[AgencyHit] = []
    names: dict[str, AgencyHit] = {}
    for m in lex.sar_bureau_re.finditer(norm):
        region = _SAR_FULL[m.group("sar")]
        bureau = m.group("name")
        if _SAR_CLAUSE.search(bureau):
            continue  # 香港特区政府签署, 澳门特区政府三方签署: the government, then the clause
        label = region + "政府" + bureau
        code = "810000" if m.group("sar") == "香港" else "820000"
        basis = "exact" if m.group() == label else "canonical-name"
        hit = AgencyHit(m.start(), m.end(), label, code, region, basis)
        out.append(hit)
        if len(bureau) >= 4:
            names.setdefault(bureau, hit)
    # 澳门贸易投资促进局, 香港投资推广署: a body of the region written without its government,
    # by the name written
    for m in _SAR_OWN_BODY.finditer(norm):
        if _SAR_CLAUSE.search(m.group("name")) or any(h.start <= m.start() < h.end for h in out):
            continue
        words = lex.pos_cut(m.group("name"))
        if lex.tokenizer().FREQ.get(norm[m.end() - 2 : m.end()], 0) >= _WORD_FREQ or any(
            f[:1] in _NOT_IN_BUREAU for _w, f in words
        ):
            continue  # 香港融入国家发展大局, 香港当前局面: a word ending in 局, a clause
        code = "810000" if m.group("sar") == "香港" else "820000"
        out.append(
            AgencyHit(m.start(), m.end(), m.group(), code, _SAR_FULL[m.group("sar")], "exact")
        )
    # 特区政府 alone in an article of one of the two regions: that region's government
    named = {sar for sar in _SAR_FULL if sar in norm}
    if len(named) == 1:
        sar = named.pop()
        code = "810000" if sar == "香港" else "820000"
        for m in _BARE_SAR_GOVERNMENT.finditer(norm):
            if not any(h.start <= m.start() < h.end for h in out):
                label = _SAR_FULL[sar] + "政府"
                out.append(
                    AgencyHit(m.start(), m.end(), label, code, _SAR_FULL[sar], "canonical-name")
                )
    if names:
        taken = [(h.start, h.end) for h in out]
        for name, first in names.items():
            k = norm.find(name, first.end)
            while k >= 0:
                if not any(s <= k < e for s, e in taken):
                    out.append(
                        AgencyHit(
                            k,
                            k + len(name),
                            first.label,
                            first.place_code,
                            first.place_label,
                            "canonical-name",
                        )
                    )
                k = norm.find(name, k + len(name))
    return out


def drop_overlaps(hits: list[AgencyHit]) -> list[AgencyHit]:
    """Longest first, then leftmost; the agencies of one enumeration (same end) stay together,
    and no other body is read at the end of a longer one's name (市政府 of
    俄罗斯叶卡捷琳堡市政府)."""
    hits.sort(key=lambda h: (-(h.end - h.start), h.start))
    taken: set[tuple[int, int]] = set()
    kept = NestedSpans()
    alone: set[int] = set()  # the ends of kept names that are no enumeration's
    out = []
    for h in hits:
        if kept.overlaps_elsewhere(h.start, h.end):
            continue
        if (h.start, h.end) in taken or (h.end in alone and h.parties == 1):
            continue
        if h.parties == 1:
            alone.add(h.end)
        taken.add((h.start, h.end))
        kept.add(h.start, h.end)
        out.append(h)
    out.sort(key=lambda h: (h.start, h.end))
    return out


# A state's embassy or consulate, after the state: 驻 and where it is.
_MISSION = re.compile(r"驻([^\W\d馆或和与及]{1,10}?)(总领事馆|领事馆|总领馆|领馆|大使馆|使馆)")
_MISSION_OFFICES = {
    "总领事馆": "总领事馆",
    "总领馆": "总领事馆",
    "领事馆": "领事馆",
    "领馆": "领事馆",
    "大使馆": "大使馆",
    "使馆": "大使馆",
}
# Organ words a national body's name ends with (ministries, agencies, offices, a province's
# departments: 工贸厅, governments).
_FOREIGN_ORGANS = ("部", "署", "局", "总局", "厅", "委员会", "办公室", "政府")
# A body's name holds no clause: no function word, no verb of speech.
NOT_IN_BODY = re.compile(
    r"[的了在对将已是为称说、就党及]|表示|宣布|发表|指出|强调|举行|会见|近期|历届|当局|当地|地方|各级|相关|有关"
    r"|(?:[东西南北中内全局总]部|签署|部署|布局|格局|结局)$"
    r"|俱乐部|大学|学院|公司|集团|银行|医院|协会|学会|基金会|联合会|商会|阵线|附近|周边"
)
# 记者和政府官员, 罗马尼亚等…国家政府, 希腊两国政府: people, a joiner, 等 or a count of states
# before the organ word make a list, not
# one body (a list of sectors, 农业和农民福祉部, is read apart; a sub-body, 工业与安全局, may
# hold 与).
_PEOPLE_OR_JOINER = re.compile(
    r"[和与等]|记者|官员|人员|媒体|大量|不少|大批|[两三四五六七八九十多各]国"
)
# 投资、工业和贸易部: a ministry named by a list of its sectors.
_SECTOR_LIST = re.compile(
    r"[\u4e00-\u9fff]{2,4}(?:、[\u4e00-\u9fff]{2,4})*(?:、|和|与)[\u4e00-\u9fff]{2,4}部"
)
# 总务省消防厅: a body written right after the ministry it belongs to is the one meant.
_SUB_BODY = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:厅|局|署|委员会|办公室)")
# 两国外交部 / 双方外交部 / 俄方国防部: the bodies of several countries, or of one written
# by its abbreviation; not China's ministry.
_COLLECTIVE_BEFORE = re.compile(r"(?:[两三四五六七八九十多各]国|[\u4e00-\u9fff]方)$")


def is_title(norm: str, e: int) -> bool:
    """农业部长 / 外交部长: a person's title, not the ministry (农业农村部部长 names both)."""
    return norm.startswith("长", e) and norm[e - 1] in "部局厅署"


def _organ_word_ends(body: str, lex: Lexicon) -> bool:
    """True when ``body`` ends in an organ written as one: its own word (工贸部 is 工贸 + 部)
    or a name of three or more characters (外交部, 经济产业省); a two-character word such
    as 政局 or 大部 only ends in the character, and time words or adjectives before it
    (当前局, 复杂局) make a clause."""
    words = lex.pos_cut(body)
    if any(
        flag in ("t", "a", "ad", "d", "m", "r")
        and not (w == "大" and nxt[0].startswith("区"))  # 伦巴第大区政府: a region's
        for (w, flag), nxt in zip(words, [*words[1:], ("", "")], strict=True)
    ):
        return False
    if len(words) >= 2 and words[-1][0] == "政府" and words[-2][1].startswith("nr"):
        return False  # 奥巴马政府: a government named by its leader is no canonical body
    last = words[-1][0]
    return len(last) != 2 or last in _FOREIGN_ORGANS


# After a minister's title written short (贸易部长), the signing in the same clause: the
# minister signs for the ministry (新西兰贸易部长麦克莱与…签署).
_MINISTER_SIGNS = re.compile(r"[^，,。；;：:！？\n]{0,30}?(?:签署|签订|签约|草签|续签)")


def find_foreign_agencies(norm: str, lex: Lexicon, places: list[PlaceHit]) -> list[AgencyHit]:
    """Bodies of a named country: 俄罗斯国防部, 美国商务部, 日本经济产业省, 老挝政府.

    Labelled with the country's usual short name and the body's name as written, and
    kept apart from China's bodies of the same name. China's own ministries keep their
    canonical names (中国商务部 is 中华人民共和国商务部); only 中国政府 is read here.
    """
    inside_place = {k for p in places for k in range(p.start + 1, p.end)}
    out: list[AgencyHit] = []
    for m, code in _states_written(norm, lex):
        s, e = m.span()
        if s in inside_place:
            continue  # 内蒙古: part of a division's name
        name, organs = lex.countries[code]
        mission = _MISSION.match(norm, e)
        if mission is not None and not NOT_IN_BODY.search(mission.group(1)):
            # 俄罗斯驻哈尔滨总领事馆, 中国驻哈萨克斯坦大使馆: a state's mission abroad
            host = "华" if mission.group(1) == "中国" else mission.group(1)  # 驻中国 is 驻华
            office = _MISSION_OFFICES[mission.group(2)]
            label = name + "驻" + host + office  # 使馆 is 大使馆, 总领馆 总领事馆
            basis = "exact" if label == norm[s : mission.end()] else "canonical-name"
            country = None if code == "CN" else code  # (China's own bodies: no jurisdiction)
            out.append(AgencyHit(s, mission.end(), label, None, None, basis, 1, country))
            continue
        if code == "CN":
            if norm.startswith("政府", e):
                out.append(AgencyHit(s, e + 2, name + "政府", None, None, "exact", 1, code))
            continue
        body = None
        mm = lex.ministry_re.match(norm, e)
        if mm is not None and not is_title(norm, mm.end()):
            body = mm.group()
        else:
            ends = tuple(organs) + _FOREIGN_ORGANS
            for k in range(e + 1, min(len(norm), e + 12) + 1):
                if not ("\u4e00" <= norm[k - 1] <= "\u9fff" or norm[k - 1] in "、-—"):
                    break
                # (新西兰贸易部长…签署: the minister signs for the ministry)
                if norm.endswith(ends, e, k) and (
                    not is_title(norm, k) or _MINISTER_SIGNS.match(norm, k + 1)
                ):
                    cand = norm[e:k]
                    sectors = _SECTOR_LIST.fullmatch(cand)
                    clause = NOT_IN_BODY.search(cand) or _PEOPLE_OR_JOINER.search(cand)
                    if (sectors or not clause) and cand[0] not in "和与及同":
                        body = cand
                    break
        if (
            body is None
            or len(body) == 1  # 澳大利亚局部: an organ's character alone names no body
            or norm.startswith(("门", "分", "军"), e + len(body))
            or _continues(norm, e + len(body))
        ):
            continue  # 联邦执法部门: departments in general; 仍部署: a verb; 岛部分: a part;
            # 政府军: the government's army
        if mm is None and not _organ_word_ends(body, lex):
            continue  # 政局, 大部, 当前局: a word that only ends in an organ's character
        if lex.country_re.search(body):
            continue  # 美国就伊拉克新政府…: another country's body, in a clause
        if _JOINT_BODY.search(body) and any(
            p.end() == s for p in lex.country_re.finditer(norm, max(0, s - _STATE_MAX), s)
        ):
            continue  # 中国南非国家双边委员会: a body of the two states, not of the second
        if _NOT_A_GOVERNMENT.search(body) or body.endswith("项目部"):
            continue  # 德国非政府救援组织, 境内反政府武装, …项目部: no state's body
        if s > 0 and "\u4e00" <= norm[s - 1] <= "\u9fff" and lex.is_known_word(norm[s - 1 : e]):
            continue  # 乌东德工程建设部: the country's short name ends another word
        words = lex.pos_cut(body)
        if words[0][0] in lex.clause_verbs or (
            words[0][1] == "v" and any(f == "nt" for _w, f in words[1:])
        ):
            continue  # 加拿大加入和平委员会, 法国推动欧洲委员会: the country is a clause's subject
        if _HALL.search(body):
            continue  # 缅甸总统府签字厅, …数字音乐厅: a room, not a department
        sub = _SUB_BODY.match(norm, e + len(body))
        if (
            sub is not None
            and sub.group()[0] not in "和与及同"
            and not lex.country_re.search(sub.group())
            and lex.pos_cut(sub.group())[0][1][:1] not in ("v", "p")
            and not NOT_IN_BODY.search(sub.group())
            and not is_title(norm, sub.end())
        ):
            body += sub.group()
        # 墨西哥新政府, 美国现政府: the government as it now is, not another body
        # 新政府, 新一届政府: the government, whatever its term
        label = name + ("政府" if _TERM.fullmatch(body) else body)
        basis = (
            "exact" if m.group() == name and label == norm[s : e + len(body)] else "canonical-name"
        )
        out.append(AgencyHit(s, e + len(body), label, None, None, basis, 1, code))
    out += _named_again(norm, lex, out)
    return out


_THAT_STATE = re.compile("该国")
# Rooms and venues whose names end in 厅 (签字厅, 音乐厅, 宴会厅): no body's department.
_HALL = re.compile(r"(?:签字|音乐|宴会|会议|展|大|餐|客|舞|歌剧|多功能|报告|演播|接见|会见)厅$")
# The words of a body two states share (中国南非国家双边委员会, 中俄投资合作委员会), written after both.
_JOINT_BODY = re.compile(r"双边|联合|合作|政府间|混合|委员会")
# Most characters of a state's name written before another's.
_STATE_MAX = 12


def _states_written(norm: str, lex: Lexicon) -> list[tuple[re.Match[str], str]]:
    """The states written in ``norm`` with their codes, and 该国 (that state) with the code of
    the last state abroad written before it (哈萨克斯坦…。该厅与该国贸易和一体化部签署)."""
    found = [(m.start(), m) for m in lex.countries_in(norm)]
    found += [(m.start(), m) for m in _THAT_STATE.finditer(norm)] if "该国" in norm else []
    out: list[tuple[re.Match[str], str]] = []
    last = None
    for _start, m in sorted(found, key=lambda x: x[0]):
        if m.group() == "该国":
            if last is not None:
                out.append((m, last))
            continue
        code = lex.country_names[m.group()]
        out.append((m, code))
        last = code if code != "CN" else last
    return out


# What may stand before a state's body named again without its state (会谈后，经济部与…).
_BEFORE_AGAIN = frozenset("，,。；;：:、与和同及跟由")


def _named_again(norm: str, lex: Lexicon, found: list[AgencyHit]) -> list[AgencyHit]:
    """A state's ministry named later without its state (卢森堡经济部…。经济部与省商务厅签署):
    the same body, when no ministry of China has that name and one state's ministry alone is
    so named in the article."""
    by_body: dict[str, list[AgencyHit]] = {}
    for h in found:
        name = lex.countries[h.country][0] if h.country and h.country != "CN" else None
        if name is None or not h.label.startswith(name) or not h.label.endswith("部"):
            continue
        body = h.label[len(name) :]
        if len(body) >= 3 and not lex.ministry_re.fullmatch(body):
            by_body.setdefault(body, []).append(h)
    out: list[AgencyHit] = []
    spans = [(h.start, h.end) for h in found]
    for body, hits in by_body.items():
        if len({h.label for h in hits}) != 1:
            continue
        first = min(hits, key=lambda h: h.start)
        k = norm.find(body, first.end)
        while k >= 0:
            if (k == 0 or norm[k - 1] in _BEFORE_AGAIN or norm[k - 1].isspace()) and not any(
                a <= k < b for a, b in spans
            ):
                out.append(
                    AgencyHit(
                        k,
                        k + len(body),
                        first.label,
                        None,
                        None,
                        "canonical-name",
                        1,
                        first.country,
                    )
                )
            k = norm.find(body, k + len(body))
    return out


def find_ministries(norm: str, lex: Lexicon, taken: list[tuple[int, int]]) -> list[AgencyHit]:
    """National ministries (文化和旅游部, 国家发展改革委) outside local agency names."""
    out = []
    taken_spans = Spans(taken)
    for m in lex.ministry_re.finditer(norm):
        s, e = m.span()
        if norm.startswith("门", e) or taken_spans.overlaps(s, e):
            continue  # 科技部门 is a local department, not 科技部
        if _ORGAN_IN_CHARGE.match(norm, e):
            continue  # 国务院农业农村主管部门: the ministry in charge, not the State Council
        if is_title(norm, e) and not _MINISTRY_UNIT.match(norm, e):
            continue  # 四国农业部长: ministers, not China's ministry (水利部长江水利委员会 is a body)
        if _COLLECTIVE_BEFORE.search(norm, max(0, s - 2), s) and not norm.endswith(
            ("中国", "我国"), 0, s
        ):
            continue
        written = m.group()
        if written == "央行" and (
            _OTHER_BANKS.search(norm, max(0, s - 8), s)
            or lex.country_re.search(norm, max(0, s - 8), s)
        ):
            continue  # 各国央行, 美国央行: other states' central banks, not China's
        canonical = lex.ministries[written]
        # a short form right after a place name belongs to that place (重庆市发改委)
        if written != canonical and s > 0 and norm[s - 1] in "市省区县":
            continue
        basis = "exact" if written == canonical else "canonical-name"
        local = unit_after(norm, e, canonical, lex)
        if local is not None:
            # 人民银行广州分行, 生态环境部华东督察局: the body's unit in a place or a region
            out.append(AgencyHit(s, local[0], local[1], None, None, "canonical-name"))
            continue
        unit = _MINISTRY_UNIT.match(norm, e)
        if unit is not None and not NOT_IN_BODY.search(unit.group()):
            # 水利部黄河水利委员会: the ministry's agency for a river or a region
            out.append(AgencyHit(s, unit.end(), written + unit.group(), None, None, "exact"))
            continue
        unit = _MINISTRY_DEPARTMENT.match(norm, e)
        if unit is not None and not _NOT_IN_DEPARTMENT.search(unit.group()):
            # 国家发展改革委地区振兴司, 商务部驻昆明特派员办事处: a department or an office of
            # the ministry, named with the ministry's name
            label = canonical.removeprefix("中华人民共和国") + unit.group()
            basis = "exact" if norm[s : unit.end()] == label else "canonical-name"
            out.append(AgencyHit(s, unit.end(), label, None, None, basis))
            continue
        out.append(AgencyHit(s, e, canonical, None, None, basis))
    # 民航西南局, 江苏银保监局: units of national bodies written without the body's name
    for s, e, label in [*regional_administrations(norm), *regulator_bureaus(norm, lex)]:
        if not Spans([*taken, *((h.start, h.end) for h in out)]).overlaps(s, e):
            basis = "exact" if norm[s:e] == label else "canonical-name"
            out.append(AgencyHit(s, e, label, None, None, basis))
    return out


# A ministry's agency for a river basin (黄河水利委员会, 长江航务管理局): the basins of the seven
# river basin agencies of 水利部, the whole set.
_MINISTRY_UNIT = re.compile(
    r"(?:黄河|长江|淮河|海河|珠江|松辽|太湖)[\u4e00-\u9fff]{0,12}?(?:委员会|管理局)"
)
# Words of a clause, never of a ministry's department (就 begins 就业促进司).
_NOT_IN_DEPARTMENT = re.compile(
    r"[的了在对将已是为称说、党]|表示|宣布|发表|指出|强调|举行|会见|有关|相关|负责"
    r"|公司|集团|大学|学院|银行|医院|协会|学会|商会"
)
# A ministry's department (地区振兴司) or its commissioner's office in a city (驻昆明特派员办事处).
_MINISTRY_DEPARTMENT = re.compile(
    r"(?!有关|相关|各)[^\W\d与同及兼]{2,10}?(?<!公)司(?![机令法长仪])"
    r"|驻[\u4e00-\u9fff]{2,4}?特派员办事处"
)


# A sector's department in charge written after 国务院 (国务院农业农村主管部门).
_ORGAN_IN_CHARGE = re.compile(r"[\u4e00-\u9fff]{2,10}?(?:主管|行政)部门")
# Words before 央行 that make it another state's central bank (各国央行数字货币).
_OTHER_BANKS = re.compile(r"各国|多国|他国|外国|国外|全球|世界|经济体|新兴市场")


# A branch bureau written after its bureau (…公安局灞桥分局, …规划局昭山分局).
_BRANCH_BUREAU = re.compile(r"[^\W\d的和与及其各等在对向为是了]{2,8}?分局")


def with_branches(norm: str, hits: list[AgencyHit]) -> list[AgencyHit]:
    """Bureaus followed by a branch bureau's name become that branch (西安市公安局灞桥分局),
    unless another agency starts inside it."""
    starts = {h.start for h in hits}
    out = []
    for h in hits:
        m = _BRANCH_BUREAU.match(norm, h.end) if h.label.endswith("局") else None
        if m is not None and not any(h.end <= k < m.end() for k in starts):
            label = h.label + norm[h.end : m.end()]
            h = replace(h, end=m.end(), label=label, basis="canonical-name")
        out.append(h)
    return out


# An office written right after its body (…人民政府果品办公室, …委员会办公室, 市政府新闻办):
# the words that say which office, then the office; 办 alone is 办公室.
_OFFICE = re.compile(r"([\u4e00-\u9fff]{0,4}?)(办公室|办公厅|办)")
# Words that make a clause or another body of what is before the office.
_NOT_IN_OFFICE = re.compile(r"[的和与及、在对将是为了向把被从委局厅部署办]")


def _office_after(norm: str, e: int, lex: Lexicon) -> tuple[int, str] | None:
    """The end and the canonical words of an office named right after a body ending at ``e``."""
    m = _OFFICE.match(norm, e)
    if m is None or _NOT_IN_OFFICE.search(m.group(1)):
        return None
    which, office = m.groups()
    if office == "办":
        # 办 alone ends a word of an office (新闻办, 扶贫办) or comes after a noun (金融办);
        # not a verb (举办, 领办), a verb's object (办税), a name of something else (湘易办)
        words = lex.pos_cut(norm[e : m.end() + 2])
        ends, pos = set(), e
        for w, _ in words:
            pos += len(w)
            ends.add(pos)
        k = next((i for i, (w, _) in enumerate(words) if w.endswith("办")), None)
        if not which or m.end() not in ends or k is None:
            return None
        last, flag = words[k]
        if any(f.startswith(("v", "d", "p", "a")) and f != "vn" for _, f in words[:k]):
            return None
        if flag.startswith(("v", "b")) if last != "办" else not (k and words[k - 1][1][0] == "n"):
            return None
        if last.endswith("代办"):
            return None  # 临时代办: a diplomat, not an office
        office = "办公室"
    return m.end(), which + office


# A government's office in another city (西藏自治区人民政府驻北京办事处, …政府驻京办).
_LIAISON_OFFICE = re.compile(r"驻(?:(?P<city>[\u4e00-\u9fff]{2,4}?)办事处|(?P<capital>京)办)")


def _liaison_office(norm: str, h: AgencyHit) -> tuple[int, str] | None:
    """The end and the words of a government's office in another city written right after
    it (驻北京办事处; 驻京办 is 驻北京办事处)."""
    if not h.label.endswith("政府"):
        return None
    m = _LIAISON_OFFICE.match(norm, h.end)
    if m is None:
        return None
    return m.end(), "驻" + (m["city"] or "北京") + "办事处"


def with_offices(norm: str, hits: list[AgencyHit], lex: Lexicon) -> list[AgencyHit]:
    """Bodies followed by one of their offices become that office (北京市人民政府新闻办公室
    for 北京市政府新闻办, 西藏自治区人民政府驻北京办事处), unless another agency starts inside
    it. (The State Council's offices are bodies of their own names: 国务院扶贫办 is no
    国务院扶贫办公室.)"""
    starts = {h.start for h in hits}
    out = []
    for h in hits:
        found = (
            None
            if h.label.endswith(("办公室", "办公厅")) or h.label == "国务院"
            else _liaison_office(norm, h) or _office_after(norm, h.end, lex)
        )
        if found is not None and not any(h.end <= k < found[0] for k in starts):
            h = replace(h, end=found[0], label=h.label + found[1], basis="canonical-name")
        out.append(h)
    return out


# Local bureaus that are units of a national administration, named after it: the tax
# bureaus, since the reform of 2018 (国家税务总局宁夏回族自治区税务局, 国家税务总局银川市税务局).
_VERTICAL_BUREAUS = {"税务局": "国家税务总局"}


def join_head_offices(hits: list[AgencyHit]) -> list[AgencyHit]:
    """A national administration's name written right before its local bureau is part of
    the bureau's name (国家税务总局重庆市南岸区税务局): one body, not two; and a bureau of a
    place that is a unit of a national administration is named with it where the text leaves
    it out (宁夏税务局, 市税务局)."""
    ends = {h.end: h for h in hits if h.label.endswith("总局") and h.place_code is None}
    out, joined = [], set()
    for h in hits:
        head = ends.get(h.start)
        if head is not None and h is not head and h.label.endswith("局"):
            joined.add(id(head))
            h = AgencyHit(
                head.start, h.end, head.label + h.label, h.place_code, h.place_label, h.basis
            )
        elif h.place_code is not None:
            for bureau, national in _VERTICAL_BUREAUS.items():
                if h.label.endswith(bureau) and not h.label.startswith(national):
                    h = replace(h, label=national + h.label, basis="canonical-name")
        out.append(h)
    return [h for h in out if id(h) not in joined]


# Executive bodies of a named area, written form -> canonical organ.
_AREA_ORGANS = {
    "管理委员会": "管理委员会",
    "管理委员": "管理委员会",
    "管委会": "管理委员会",
    "执行委员会": "执行委员会",
    "执委会": "执行委员会",
    "管理局": "管理局",
    "工作办公室": "工作办公室",
}
_COMMITTEE = re.compile(r"管理委员会|管理委员|管委会|执行委员会|执委会|管理局|党工委|工作办公室")


def area_committees(
    norm: str,
    areas: list[tuple[int, int, str]],
    places: list[PlaceHit] = (),
    lex: Lexicon | None = None,
) -> list[AgencyHit]:
    """Executive bodies of named areas: 西部(重庆)科学城管理委员(会), X新区管委会,
    X合作区执行委员会, 深圳市X合作区管理局 (a city written before the area stays in the name),
    and (given ``lex``) an area's bureau of a sector (X新区市场监督管理局)."""
    place_end = {p.end: p for p in places if p.code}
    out = []
    for s, e, label in areas:
        m = _COMMITTEE.match(norm, e)
        if m is not None and m.group() == "党工委":
            # 成都高新区党工委书记、管委会主任: the leader of both, the area's committee
            second = _SECOND_POST.match(norm, m.end())
            if second is not None:
                organ = _AREA_ORGANS[second.group("organ")]
                at, end = second.span("organ")
                out.append(AgencyHit(at, end, label + organ, None, label, "canonical-name"))
            continue
        if m is not None:
            end, organ = m.end(), _AREA_ORGANS[m.group()]
        elif m is None and lex is not None and (bureau := _sector_bureau(norm, e, lex)):
            end, organ = bureau
        else:
            continue
        start, area = s, label
        p = place_end.get(s)
        if p is not None and not label.startswith(p.name):
            start, label = p.start, p.name + label
        written = norm[start:end]
        canonical = label + organ
        basis = "exact" if written == canonical else "canonical-name"
        out.append(AgencyHit(start, end, canonical, None, area, basis))
    return out


def _sector_bureau(norm: str, e: int, lex: Lexicon) -> tuple[int, str] | None:
    """A sector's bureau written right after an area: where it ends and its organ with the
    sector in full (市场监管局 → 市场监督管理局)."""
    sector = lex.sector_re.match(norm, e)
    if sector is None or not norm.startswith("局", sector.end()):
        return None
    return sector.end() + 1, lex.sectors[sector.group()][0] + "局"


# A leader's second post, the area's committee, after its party working committee's
# (党工委书记、管委会主任).
_SECOND_POST = re.compile(r"(?:副)?书记[、，,](?P<organ>管委会|管理委员会)(?:常务)?副?主任")
_BARE_COMMITTEE = re.compile(r"管委会|管理委员会|执委会|执行委员会|管理局")
# jieba's tags of the words that name a zone before its kind (郑州 ns, 航空港 n, 综合 vn).
_ZONE_NAME_TAG = re.compile(r"[nbj]|vn")
# Words of a kind of zone that need the name before them (保税区, 港区).
_ZONE_WORDS = frozenset(
    {
        "保税区",
        "港区",
        "港务区",
        "保税港区",
        "综合保税区",
        "实验区",
        "试验区",
        "示范区",
        "先行区",
        "合作区",
        "科技城",
        "科学城",
        "科技园",
        "投资区",
        "生态区",
        "副中心",
        "新城",
        "商务区",
        "中央商务区",
        # industrial parks (中韩(烟台)产业园管理委员会)
        "产业园",
        "产业园区",
        "工业园",
        "工业园区",
        "示范园区",  # (…生态农业科技示范园区管委会)
        # scenic areas, resorts and reserves (泰山风景名胜区管理委员会)
        "风景名胜区",
        "风景区",
        "旅游度假区",
        "度假区",
        "自然保护区",
    }
)

# The partners and a place in brackets before a zone's name (中韩(烟台)…).
_PLACE_IN_BRACKETS = re.compile(r"[\u4e00-\u9fff]{2,3}\([\u4e00-\u9fff]{2,4}\)$")
# A post held, written before a body's name (曾任…管理局).
_POST_BEFORE = re.compile(r"^(?:曾任|现任|时任|任|原任|兼任)")
_ZONE_WORDS_LONGEST = sorted(_ZONE_WORDS, key=len, reverse=True)


# Characters of the words of time that point to a day or a year (今天, 明年, 当天, 近日).
_DEICTIC = frozenset("今明昨去前后当本上下近")


def _place_before(norm: str, at: int, tokens: Tokens, lex: Lexicon) -> bool:
    """True when the token before ``at`` is a place's name (北京 of 北京未来科学城)."""
    before = tokens.start_before(at)
    return before is not None and (lex.word_tag(norm[before:at]) or "").startswith("ns")


def _single_run(norm: str, at: int, tokens: Tokens, lex: Lexicon) -> int | None:
    """Where the one-character token before the one-character token at ``at`` starts (浐 of
    浐 + 灞): two characters the dictionary lacks as a word, a coined name; None when the
    token before is longer, or either character is a word of a clause (她是)."""
    before = tokens.start_before(at)
    if before is None or at - before != 1:
        return None
    if any((lex.word_tag(c) or "x").startswith(_CLAUSE_TAGS) for c in norm[before : at + 1]):
        return None
    return before


# Tags of one-character words of a clause (pronouns, verbs, prepositions, particles…).
_CLAUSE_TAGS = ("r", "v", "p", "c", "u", "d", "m", "q", "t")


def _same_area_body(
    norm: str, pos: int, organ: str, committees: list[AgencyHit]
) -> tuple[int, AgencyHit] | None:
    """The body of an area named before, abbreviated by what ends at ``pos``: the beginning
    of the area's name (前海 of 前海深港现代服务业合作区) or its suffix (合作区); the longest."""
    for c in reversed(committees):
        if not c.label.endswith(organ):
            continue
        area = c.place_label or c.label[: -len(organ)]  # (北京城市副中心: no place's own)
        k = pos - len(area)
        if norm.endswith(area, 0, pos) and k > 0 and "\u4e00" <= norm[k - 1] <= "\u9fff":
            continue  # 三江国家级自然保护区 after 国家级自然保护区: a longer name, another body
        for n in range(min(len(area) - 1, pos, 8), 1, -1):
            name = norm[pos - n : pos]
            if area.startswith(name) or area.endswith(name):
                return pos - n, c
    return None


def _new_area_before(norm: str, pos: int, lex: Lexicon) -> tuple[int, str] | None:
    """A national-level new area written right before ``pos``, or with a city's short name
    after it (天府新区成都): where it starts and its official name (with the city's)."""
    for k in range(0, 5):
        city = norm[pos - k : pos]
        if k and city not in lex.divisions.short and city not in lex.divisions.full:
            continue
        area = next((a for a in lex.new_areas if norm.endswith(a, 0, pos - k)), None)
        if area is not None:
            return pos - k - len(area), lex.new_areas[area] + city
    return None


def _state_initial(c: str, lex: Lexicon) -> bool:
    """True when ``c`` begins the name of a state other than China (德 of 德国, 新 of 新加坡)."""
    return any(name[0] == c and code != "CN" for name, code in lex.country_names.items())


def _subject(name: str, lex: Lexicon) -> bool:
    """True when ``name`` is a common word of a subject (水资源, 标准化, 内科), not a place's
    name jieba tags as a noun (鼓浪屿, 风景区 of 黄山风景区)."""
    return lex.is_common_word(name, _SUBJECT_FREQ) and name[-1] not in "区园城屿岛山湖港镇村"


_SUBJECT_FREQ = 50


def bare_committees(
    norm: str,
    tokens: Tokens,
    lex: Lexicon,
    taken: list[tuple[int, int]],
    committees: list[AgencyHit] = (),
    places: list[PlaceHit] = (),
) -> list[AgencyHit]:
    """中关村管委会: a committee after a name jieba keeps as one word (not a generic one);
    前海管理局 / 合作区执委会 after 深圳市前海…合作区管理局: the body of that area."""
    out = []
    taken_spans = Spans(taken)
    for m in _BARE_COMMITTEE.finditer(norm):
        if taken_spans.covers(m.start()):
            continue
        organ = _AREA_ORGANS[m.group()]
        new_area = _new_area_before(norm, m.start(), lex)
        if new_area is not None:
            # 两江新区管委会, 天府新区成都管委会: a national-level new area's committee (or that
            # of its part in a city), by its official name (not 成都 of a committee before)
            start, label = new_area
            out.append(AgencyHit(start, m.end(), label + organ, None, None, "canonical-name"))
            continue
        prior = [c for c in [*committees, *out] if c.end <= m.start()]
        same = _same_area_body(norm, m.start(), organ, prior) if prior else None
        if same is not None:
            out.append(AgencyHit(same[0], m.end(), same[1].label, None, None, "canonical-name"))
            continue
        kind = next((w for w in _ZONE_WORDS_LONGEST if norm.endswith(w, 0, m.start())), None)
        zone = kind is not None and not tokens.inside_word(m.start() - len(kind))
        start = m.start() - len(kind) if zone else tokens.start_before(m.start())
        if start is None:
            continue
        if organ != "管理委员会" and not zone:
            continue  # (海南博鳌…先行区管理局: a zone's bureau is read back as its committee)
        for _ in range(6 if zone else 0):
            # 天津港保税区管委会, 郑州航空港经济综合实验区管委会: a kind of zone is named by the
            # nouns before it
            before = tokens.start_before(start)
            word = norm[before:start] if before is not None else ""
            tag = lex.word_tag(word) or ("n" if len(word) > 1 else "")
            if len(word) == 2 and tag == "f":
                tag = "n"  # 贺兰山东麓: a side of a place names the zone
            elif (
                len(word) == 2
                and tag == "t"
                and not _DEICTIC.intersection(word)
                and _place_before(norm, before, tokens, lex)
            ):
                tag = "n"  # 北京未来科学城: a word of time between a place and the kind (not
                # one that points to a day or a year, 明天, 今年)
            if (
                len(word) == 1
                and before is not None
                and (run := _single_run(norm, before, tokens, lex)) is not None
            ):
                before, word, tag = run, norm[run:start], "n"  # 浐灞: characters coined into a name
            if (
                not all("\u4e00" <= c <= "\u9fff" for c in word)
                or not _ZONE_NAME_TAG.match(tag)
                or _POST_BEFORE.search(word)
            ):
                break  # (a verb, a function word, a lone character the dictionary lacks, a post)
            start = before
        if zone and (bracket := _PLACE_IN_BRACKETS.search(norm, max(0, start - 10), start)):
            start = bracket.start()  # 中德(沈阳)高端装备制造产业园: the partners, the city
        elif zone and norm[start - 1 : start] == "中" and _state_initial(norm[start], lex):
            start -= 1  # 中德产业园: China and its partner, the park's name
        name = norm[start : m.start()]
        if (
            name in _ZONE_WORDS  # 合作区执委会: the zone named before, not a name
            or _COLLECTIVE_COUNT.search(name)  # 两区管委会: the areas named before, counted
            or len(name) < 2
            or not all("\u4e00" <= c <= "\u9fff" or c in "()" for c in name)
            or name in lex.generic_words
            or name in lex.boundary_words
            or _subject(name, lex)  # 水资源管理委员会: a subject, no body's name
        ):
            continue
        before_place = next((p for p in places if p.end == start and p.code), None)
        if before_place is not None and not zone:
            start = before_place.start  # 武汉新港管委会: the city written before the name
            name = norm[start : m.start()]
        label = name + organ
        basis = "exact" if norm[start : m.end()] == label else "canonical-name"
        out.append(AgencyHit(start, m.end(), label, None, None, basis))
    return out
