"""Where a project's name begins: after a visit's or a walk's verb or a venue; before a dash."""

from __future__ import annotations

import re

from kg.extract.divisions import PlaceHit
from kg.extract.lexicon import Lexicon
from kg.extract.matching import after_clause, left_boundary, name_start
from kg.extract.project_names import LEADING_MARKS, NAME_DASHES, ProjectHit
from kg.extract.proper_words import has_proper_word
from kg.extract.spans import Spans

__all__ = [
    "after_visit",
    "begins_no_name",
    "joined_before",
    "past_clause",
    "past_joiner",
    "sited",
    "works_of",
]

# Verbs of a visit or a report before a facility (察看, 来到, 指着), or of what a person does
# there (学习, 负责, 担任, 开始), and what happens since (以来): the name is after them.
_VISIT = re.compile(
    r"察看|查看|考察|视察|参观|调研|来到|走进|走访|看望|指着|代表|了解|听取|前往|抵达|途经|打卡|[东南西北][接连]"
    r"|扶持|帮扶|资助|步入|前来|学习|负责|开始|结合|送回|重振|以来|距离|变身|变成|化身|首创|开创|保证|确保|聚焦|锚定|专注|坐上|乘坐|搭乘|发现|看到"
    r"|现任|担任|出任|兼任|曾任|任职于|就职于|供职于|漫步|徜徉|置身|驱车|去看|来看"
    r"|(?<=[—―])访"  # ——访…项目: a headline's interview or visit
    r"|纵贯|横贯|贯穿|穿过|穿越|驶离|驶入|进入|入驻|毗邻|紧邻|担当|充当"  # where, or as what
    r"|(?<=[\u4e00-\u9fff]{2})令"  # 紧张工作令…铁路: what made the works do something
    r"|山脉"  # 祁连山脉乌鞘岭隧道: the range the works are in
    r"|总承包部|项目部|项目经理部|指挥部"  # …高速公路总承包部老营隧道: the builder's unit
    r"|开通|建成|修通|接通|开辟|引进|新增|启用|投用|落户|迎来|拥有"  # 先后开通大秦铁路: what befell it
)
# The side, the bank or the place of something else before a facility (家园南侧公园, 太浦河
# 北岸…公园): what is there is not named by it (站前广场 is a name: 前 alone is none of these).
_SIDES = frozenset(
    {
        "南侧",
        "北侧",
        "东侧",
        "西侧",
        "旁边",
        "附近",
        "对面",
        "周边",
        "周围",
        "门前",
        "殿前",
        "南岸",
        "北岸",
        "东岸",
        "西岸",
        "两岸",
        "沿岸",
    }
)
# A time of day or a festival before a facility (青岛港除夕夜码头): the scene, not the name.
_TIMES = frozenset(
    {"除夕夜", "除夕", "春节", "夜晚", "清晨", "凌晨", "傍晚", "深夜", "晚上", "早上"}
)
# The venue of a games or a summit written before a facility (冬奥会延庆赛区国家高山滑雪中心,
# 峰会主会场青岛国际会议中心): the facility's name is after it.
_VENUE_OF = re.compile(r"赛区|主会场|分会场")


def after_visit(norm: str, start: int, hs: int, lex: Lexicon) -> int | None:
    """Where a name before the head at ``hs`` begins after the verb of a visit, a report or
    a walk (察看, 来到, 漫步), the venue of a games or a summit (…赛区, 主会场), a side of
    something else (家园南侧) or a time (除夕夜) written in the words from ``start``;
    None when there is none."""
    ends = [
        m.end() for m in (*_VISIT.finditer(norm, start, hs), *_VENUE_OF.finditer(norm, start, hs))
    ]
    words = norm[start:hs]
    if any(w in words for w in _SIDES) or any(w in words for w in _TIMES):
        at = start  # (the segmenter is asked only where such a word is written)
        for k, (word, flag) in enumerate(lex.pos_cut(words)):
            at += len(word)
            if k > 0 and ((flag == "f" and word in _SIDES) or (flag == "t" and word in _TIMES)):
                ends.append(at)
    return max(ends, default=None)


def joined_before(
    norm: str,
    start: int,
    hs: int,
    place_end: dict[int, PlaceHit],
    lex: Lexicon,
    stops: frozenset[int],
    place_spans: Spans,
    place_starts: frozenset[int],
) -> int:
    """Where a name starts that is joined by 暨 or a dash to the words before it (长沙机场
    改扩建暨…工程, 肯尼亚—南苏丹—…经济走廊, 金边—西港高速公路)."""
    for _ in range(3):
        if norm.startswith("暨", start):
            k = start
        elif (
            start > 1
            and norm[start - 1] in NAME_DASHES
            and norm[start - 2] not in NAME_DASHES
            and not norm[start - 2].isdigit()  # 1—3号泊位: a range of numbers
        ):
            k = start - 1
        else:
            return start
        prev = left_boundary(norm, k, place_end, lex, stops)
        prev = after_clause(norm, prev, k, lex, place_spans)
        prev = name_start(norm, prev, k, lex, place_starts)
        marks = max((norm.rfind(c, prev, k) for c in LEADING_MARKS), default=-1)
        prev = max(prev, marks + 1)  # 单体项目――长沙机场…: a clause before the dashes
        first = lex.pos_cut(norm[prev:k])[:1]
        if (
            first
            and first[0][1][:1] in ("v", "p")
            and prev not in place_starts
            and k - prev - len(first[0][0]) >= 2
        ):
            # 借光雾山—…: a verb before the first end's name (蒙东—…: no name is left after
            # 蒙, so it begins the name)
            prev += len(first[0][0])
        country = lex.country_re.match(norm, prev, k)
        if country is not None and k - country.end() >= 2:
            prev = country.end()  # 巴基斯坦白沙瓦—卡拉奇高速公路: the state before the first end
        if norm[k] != "暨" and (k - prev > 6 or k - prev < 2):
            # 成功中标萨尔瓦多—…, 就加德满都—…: the end's name among the words before
            prev = _trailing_name(norm, min(prev, max(0, k - 8)), k, lex)
        if k - prev < 2 or (norm[k] != "暨" and k - prev > 6):
            return start
        start = prev
    return start


# Tags of the words of a route's end named before a dash (a place, a person, an abbreviation).
_END_FLAGS = frozenset({"ns", "nr", "nrt", "nz", "j"})


def _trailing_name(norm: str, lo: int, k: int, lex: Lexicon) -> int:
    """Where the words the segmenter tags as names that end at ``k`` begin (双方就加德满都:
    加德满都); ``lo`` when there are none."""
    at = k
    for word, flag in reversed(lex.pos_cut(norm[lo:k])):
        if flag not in _END_FLAGS:
            break
        at -= len(word)
    return at if k - at >= 2 else lo


def works_of(
    norm: str, before: ProjectHit, start: int, hs: int, lex: Lexicon, names: frozenset[str]
) -> bool:
    """True when the words before the head at ``hs`` follow the facility ``before`` (found
    just before, its words left out from ``start``) and name no place or proper name of their
    own: the works done on it (太原古交电厂远距离输热工程)."""
    words = norm[before.end : hs]
    return (
        before.end <= start <= before.end + 4
        and 2 <= len(words) <= 10
        and not any(c in _NOT_IN_WORKS for c in words)
        and lex.project_head_re.search(words) is None
        and not any(f in _CLAUSE_FLAGS for _w, f in lex.pos_cut(words))
        and not has_proper_word(words, lex, names, rare=False, verb_singles=False)
    )


# Joiners, punctuation and the words of a clause (是, 的, 等, 这些): two names or a clause,
# not a facility and its works.
_NOT_IN_WORKS = frozenset('和与及、，,。；;：:“”"()（）.…是的等在这那些了着把被将为对向从联\n ')
# Tags of the words of a clause between two names (后, 又, 一, 这些): locatives, adverbs,
# numerals, pronouns, prepositions, conjunctions, particles, measures, times.
_CLAUSE_FLAGS = frozenset({"f", "d", "m", "r", "p", "c", "u", "uj", "ul", "q", "t"})


def past_joiner(norm: str, start: int, places: frozenset[int]) -> int:
    """Where a name begins that would begin on the last character of the word before it and
    a joiner (合作区和公路铁路, 集聚区和…基地): after the joiner; not where a place begins
    (呼和浩特…)."""
    if (
        start > 0
        and start not in places
        and norm[start + 1 : start + 2] in ("和", "与", "及")
        and "\u4e00" <= norm[start - 1] <= "\u9fff"
    ):
        return start + 2
    return start


# Words before a name that make it one of a kind (全市生态环境监测数据中心).
_DETERMINERS = frozenset({"全市", "全省", "全区", "全县", "全国", "本市", "本省", "各地", "各类"})
# Characters before 方 that make a direction or a place, not a side (东方, 南方电网, 地方).
_NOT_A_SIDE = frozenset("东西南北地双多各四远")


def begins_no_name(norm: str, start: int, hs: int, head: str, lex: Lexicon) -> bool:
    """True when no name begins at ``start`` before the head ``head`` at ``hs``: nothing is
    left, a determiner is before or at it (全市…, 全国…: one of a kind, a title given across a
    country or a province), it begins with a side and its verb (尼方提交项目: the subject of
    a clause), a state's abbreviation and a verb after 在 or 对 (在柬施工项目: the object of
    one), a region alone is before an airport or a line (大湾区机场: the region's), or places
    counted or listed are (100多座城市的…: the facilities of each)."""
    if start >= hs or norm[max(0, start - 2) : start] in _DETERMINERS:
        return True
    if _MANY_PLACES.search(norm, max(0, start - 12), start):
        return True  # 100多座城市的…物流中心, 石家庄、秦皇岛等地的…分园: one in each, none named
    if norm[start : start + 2] in _DETERMINERS:
        return True
    if (
        norm[start] in _BARE_LEVELS
        and not lex.is_known_word(norm[start : start + 2])
        and (norm[start + 1] in "(（" or lex.is_common_word(norm[start + 1 : start + 3]))
    ):
        return True  # 村中心文体广场, 村(社区)广场: a village's or a town's, none named
    if head in _POINTS_AND_LINES and hs - start >= 3 and norm[start:hs] in lex.region_words:
        return True
    if norm[start + 1 : start + 2] == "方" and norm[start] not in _NOT_A_SIDE:
        after_side = lex.pos_cut(norm[start + 2 : hs])
        if after_side and after_side[0][1] == "v":
            return True
    if norm[start - 1 : start] in ("在", "对") and norm[start] in lex.country_abbreviations:
        words = lex.pos_cut(norm[start:hs])
        return (
            words[0][0] in lex.country_abbreviations
            and len(words) >= 2
            and words[1][1] in ("v", "vn")
        )
    return False


# Places counted or listed before a facility's name: the facilities of each (在…等地的).
_MANY_PLACES = re.compile(
    r"(?:等地|各地|多地|[\d一二两三四五六七八九十百千]+[多余]?[座个](?:城市|省份|省区市|地市|县市|国家|地区))的$"
)
# Levels of a place written without its name, at the start of a facility's (村, 乡, 镇).
_BARE_LEVELS = frozenset("村乡镇")
# Heads of a facility or a line a region does not name alone (大湾区机场, 长三角铁路).
_POINTS_AND_LINES = frozenset({"机场", "码头", "港区", "铁路", "高铁", "枢纽"})


# Words of a clause that never stand inside a name on their own: negations, 时 (when) and
# 沿 (along; 沿江, 沿海 are words of their own); modal verbs before a verb or a preposition
# (可沿, 要建; not 可再生).
_CLAUSE_WORDS = frozenset({"没", "没有", "未", "不", "时", "沿"})
_MODALS = frozenset({"可", "可以", "要", "应"})


def past_clause(
    norm: str, start: int, hs: int, lex: Lexicon, in_place: set[int], names: frozenset[str]
) -> int | None:
    """Where a name begins after the words of a clause among the words before its head at
    ``hs`` (游客时可沿隧道, 没通高铁, 出站后转乘地铁, 坚持少凿隧道): after the last negation,
    modal verb, 时 or 沿 on its own, 后 after a verb and verb of the clause list; None when
    no name is left after them (too short, a bracket's end, no proper word). ``in_place``
    holds the offsets inside places (沿河 of 沿河县 is a place's)."""
    words = lex.pos_cut(norm[start:hs])
    at = cut = start
    for k, (word, flag) in enumerate(words):
        before = words[k - 1][1] if k else ""
        after = words[k + 1][1] if k + 1 < len(words) else ""
        if at not in in_place and (
            (word in _CLAUSE_WORDS and flag[:1] in "vdnfpt")
            or (word in _MODALS and after in ("v", "p", "f", "d"))
            or word in lex.clause_verbs
            or (word == "后" and before[:1] in ("v", "a"))
        ):
            cut = at + len(word)
        at += len(word)
    if cut > start and (
        hs - cut < 2
        or norm.count(")", cut, hs) > norm.count("(", cut, hs)
        or not has_proper_word(norm[cut:hs], lex, names, rare=False)
    ):
        return None
    return cut


# Where a facility is, told right before its name (位于鄯善县的…).
_SITED = re.compile(r"(?<!定)位于[^，,。；;、的]{2,14}的$")


def sited(norm: str, start: int) -> bool:
    """True when the text says where the facility whose name starts at ``start`` is (位于鄯善县的
    湘疆合作产业园): works of one place, not a kind or a title given."""
    return _SITED.search(norm, max(0, start - 18), start) is not None
